"""Sources named by a description in languages read by word rules (reported_latin.py).

News in French, Italian, Spanish, German ... name many sources by what they are, not by a name: "il capo
del gruppo Wagner", "le président ukrainien", "das russische Zivilschutzministerium", "El Comité de
Investigación de Rusia". Such a phrase is a source when its head is a role or an institution noun. A role
is a person: the one the article names with that role ("Yevgeny Prigozhin, capo della Wagner", "il capo
della Wagner Yevgeny Prigozhin") or beside the organisation it names; no one else (a role named nowhere
near a person stays unresolved rather than going to the last person named). An institution
is its own name when the reader has tagged one inside the phrase, else the body the article named before with all
its words ("il Comitato" after "il Comitato nazionale antiterrorismo della Russia"); otherwise it stays a source
without an actor: better a statement of "das Verteidigungsministerium" than none, and no wrong actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from factfile.extract.statements.roles import ADJECTIVES, GENITIVES, WORD, identified_later, role_holder
from factfile.records import Analysis, Mention, Span

# Words for a person by role, in the languages of reported_latin.VERBS (casefolded).
ROLES = frozenset("""
    porte-parole président présidente chef cheffe dirigeant leader ministre conseiller conseillère maire gouverneur directeur
    fondateur commandant procureur patron secrétaire ambassadeur responsable
    portavoce presidente capo leader ministro consigliere sindaco governatore direttore fondatore comandante procuratore
    segretario ambasciatore responsabile premier
    portavoz jefe líder consejero asesor alcalde gobernador director fundador fiscal secretario embajador mandatario
    porta-voz chefe conselheiro assessor prefeito governador diretor procurador secretário embaixador
    sprecher sprecherin präsident präsidentin minister ministerin berater beraterin bürgermeister gouverneur direktor
    gründer kommandeur staatsanwalt generalstaatsanwalt sekretär botschafter kreml-sprecher söldnerführer wagner-chef
    rzecznik rzeczniczka prezydent szef szefowa minister doradca burmistrz gubernator dyrektor założyciel dowódca prokurator
    woordvoerder president voorzitter minister adviseur burgemeester
    purtătorul președintele șeful ministrul consilierul
""".split())
# Words for an institution (casefolded stems: a word starting with one is an institution noun).
INSTITUTIONS = (
    "comité", "comitato", "comitê", "komitee", "komitet", "ministère", "ministero", "ministerio", "ministério", "ministerium",
    "ministerstwo", "zivilschutzministerium", "verteidigungsministerium", "außenministerium", "innenministerium", "service",
    "servizi", "servicio", "serviço", "geheimdienst", "dienst", "gouvernement", "governo", "gobierno", "regierung", "rząd",
    "armée", "esercito", "ejército", "exército", "armee", "kremlin", "cremlino", "kreml", "parquet", "procura", "fiscalía",
    "staatsanwaltschaft", "police", "polizia", "policía", "polícia", "polizei", "policja", "agence", "agenzia", "agencia",
    "agência", "agentur", "état-major", "stato maggiore", "estado mayor", "generalstab", "intelligence", "renseignement",
    "inteligencia", "służb", "departament", "département", "dipartimento", "departamento", "ufficio", "oficina", "büro",
    "amt", "behörde", "autorité", "autorità", "autoridad", "autoridade", "commission", "commissione", "comisión", "comissão",
    "kommission", "komisja", "parlement", "parlamento", "parlament", "tribunal", "tribunale", "gericht", "sąd", "prokuratur",
    "ministerie", "ministerul", "comitetul", "serviciul",
)
ARTICLES = frozenset("""
    le la les l' l’ un une il lo i gli gl' un' uno el los las unos unas o os a as um uma der die das des dem den ein eine einer
    eines einem de het een
""".split())
MAX_WORDS = 9  # a description longer than this is a clause, not a source
_MODIFIERS = 2  # words before a head noun that may modify it


@dataclass(frozen=True, slots=True)
class Source:
    """A statement's source: where it is written, the chain it names (None: no actor) and its kind."""

    span: Span
    chain: int | None
    kind: str  # a records.SourceType


def named(mention: Mention) -> Source:
    return Source(mention.span, mention.chain, "person" if mention.label == "PERSON" else "organisation")


def _words(phrase: str) -> list[str]:
    """The phrase's words, casefolded, without the articles it opens with ("l’", "il", "die")."""
    words = [w.casefold() for w in WORD.findall(phrase)]
    while words and (words[0] in ARTICLES or words[0].rstrip("'’") + "'" in ARTICLES):
        words = words[1:]
    return words


def head(phrase: str) -> str | None:
    """The phrase's head noun, casefolded: its first word after an article ("il capo del ..." -> "capo"); or, when that
    is no role or institution, the first one of the next two that is, with no genitive before it (the adjectives
    before a noun in German and the Slavic languages, in any case: "ukrainischem Geheimdienst", "ruské ministerstvo")."""
    words = _words(phrase)
    while words and words[0] in ADJECTIVES:
        words = words[1:]
    if not words:
        return None
    for word in words[:_MODIFIERS + 1]:
        if word in GENITIVES or word in ARTICLES:
            break  # "un comunicato il Comitato": another phrase starts
        if is_role(word) or is_institution(word):
            return word
    return words[0]


def is_role(word: str | None) -> bool:
    return word is not None and (word in ROLES or word.split("-")[-1] in ROLES)


def is_institution(word: str | None) -> bool:
    return word is not None and word.startswith(INSTITUTIONS)


def described(analysis: Analysis, text: str, start: int, end: int, names: list[Mention]) -> Source | None:
    """The source a phrase describes (see the module's docstring), or None when it is no description.

    `names`: the actor mentions of its sentence (those inside the phrase are what it names)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    phrase = text[start:end]
    if not phrase or len(phrase.split()) > MAX_WORDS or any(c in phrase for c in "«»“”„\"!?"):
        return None
    noun = head(phrase)
    span = Span(start, end, phrase)
    inside = [m for m in names if span.contains(m.span)]
    if is_role(noun):
        people = [m for m in inside if m.label == "PERSON"] or [
            m for m in inside if m.span.end == end and not set(_words(text[start:m.span.start])) & GENITIVES  # "Der ... Präsident X"
        ]
        if people:  # "il portavoce del Cremlino Dmitry Peskov", "Rzecznik Białego Domu John Kirby"; not "il capo del gruppo Wagner"
            return named(people[-1])
        holder = role_holder(analysis, text, start, noun, phrase, inside)
        return Source(span, holder if holder is not None else identified_later(analysis, start, end), "person")
    if is_institution(noun) or is_institution(" ".join(_words(phrase)[:2])):  # "lo stato maggiore", "el Estado Mayor"
        organisations = [m for m in inside if m.label == "ORG"]
        chain = organisations[0].chain if organisations else named_before(analysis, phrase, start)
        return Source(span, chain, "organisation")
    return None


def named_before(analysis: Analysis, phrase: str, before: int) -> int | None:
    """The organisation an institution written without its name stands for ("il Comitato", "Die Behörde"): the last
    one named before it whose name holds every word of the phrase ("Comitato nazionale antiterrorismo della Russia",
    "Luftfahrtbehörde Rosawiazija"); none when the article named no such body."""
    words = _words(phrase)
    if not words:
        return None
    for mention in reversed([m for m in analysis.mentions if m.span.end <= before and m.label == "ORG" and m.chain is not None]):
        chain = analysis.chains[mention.chain]
        if any(all(w in name.casefold() for w in words) for name in (chain.name, *chain.aliases)):
            return mention.chain
    return None
