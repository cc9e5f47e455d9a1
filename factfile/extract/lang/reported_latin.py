"""Statements in French, Italian, Spanish, Portuguese and German news, by a few word rules.

No parser of these languages is installed, so a statement is found by the forms news uses for it: an
according-to phrase ("selon X, ...", "secondo X", "según X", "segundo X", "laut X") or a reporting verb
("a déclaré", "ha detto", "afirmó", "disse", "sagte", "accuse" ...). Its source is the name next to the
verb: after it when the verb follows the content ("«...», ha affermato il presidente Zelensky"), else the
last name before it in its clause ("Prigozhin disse que ..."); its content is the clause on the other
side. Certainty as in the Cyrillic reader: a denial verb gives `denied`, any other attribution `reported`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factfile.extract.statements.continued import continue_quotations
from factfile.records import Analysis, Mention, Span, Statement

ACCORDING = {
    "fr": r"selon|d'après|d’après", "it": "secondo", "es": "según", "pt": "segundo|de acordo com|conforme", "de": "laut|nach Angaben von", "pl": "według|zdaniem",
}
VERBS = {
    "fr": "a déclaré|a affirmé|a assuré|a annoncé|a indiqué|a ajouté|a dit|a estimé|a dénoncé|a démenti|a nié|déclare|affirme|"
          "assure|annonce|accuse|estime|dénonce|dément",
    "it": "ha detto|ha dichiarato|ha affermato|ha annunciato|ha aggiunto|ha spiegato|ha smentito|ha negato|ha assicurato|"
          "ha sottolineato|ha ribadito|afferma|dichiara|annuncia|accusa|sostiene|smentisce|assicura|sottolinea|ribadisce",
    "es": "dijo|afirmó|declaró|aseguró|anunció|señaló|acusó|negó|ha dicho|ha afirmado|ha señalado|ha anunciado|ha asegurado|"
          "afirma|asegura|acusa|niega|dice|ha anunciado|ha dicho",
    "pt": "disse|afirmou|declarou|anunciou|acusou|negou|diz|declara|afirma|acusa",
    "de": "sagte|erklärte|betonte|behauptete|teilte mit|warf vor|bestritt|dementierte|bestätigte|warnte",
    "pl": "powiedział|powiedziała|oświadczył|oświadczyła|stwierdził|stwierdziła|poinformował|poinformowała|przekazał|"
          "przekazała|dodał|dodała|zapewnił|podkreślił|oznajmił|zaprzeczył|zaprzeczyła|mówi",
}
# An adverb between auxiliary and participle ("a encore assuré", "ha poi detto"); German splits its verb ("teilte zunächst mit").
ADVERBS = {
    "fr": "encore|aussi|également|ensuite|notamment|déjà|pourtant|toutefois|enfin", "it": "anche|poi|già|inoltre|ancora|infine",
    "es": "también|ya|además|luego", "pt": "também|ainda|já", "de": r"\w+(?:\s+\w+)?(?:\s+\w+)?", "pl": "też|także|również",
}
DENIALS = frozenset({"zaprzeczył", "zaprzeczyła", "a démenti", "a nié", "dément", "ha smentito", "ha negato", "smentisce", "negó", "niega", "negou", "bestritt", "dementierte"})
_DENYING = frozenset(d.split()[-1] for d in DENIALS)
LANGUAGES = frozenset(VERBS)
_THAT = re.compile(r"^\s*[,:]?\s*(?:que|qu'|qu’|che|dass|że|que\s+)?\s*", re.I)
# What stands before a verb whose content is the sentence before: "Lo ha annunciato X", "Así lo ha anunciado X".
_ANAPHOR = re.compile(r"^\s*(?:así\s+|così\s+|ainsi\s+)?(?:lo|l'|l’|le|la)\s*$", re.I)
# German reported speech goes on in the subjunctive ("Der Staudamm sei vermint worden") after its cue.
_SUBJUNCTIVE = re.compile(r"(?<!\w)(?:sei|seien|habe|hätten|wäre|wären)(?!\w)")
SPEAKER_SENTENCES = 2  # how far back a subject-less cue or a subjunctive sentence looks for its speaker
_ACTORS = frozenset({"PERSON", "ORG"})


def find_statements(analysis: Analysis, language: str) -> list[Statement]:
    """At most one statement per sentence, in the languages of `VERBS` (none in others)."""
    if language not in VERBS:
        return []
    verb = re.compile(rf"(?<!\w)(?:{_with_adverbs(VERBS[language], ADVERBS.get(language))})(?!\w)", re.I)
    according = re.compile(rf"(?<!\w)(?:{ACCORDING[language]})\s+", re.I)
    text = analysis.article.text
    found: list[Statement] = []
    for sentence in analysis.sentences:
        names = [m for m in analysis.mentions if sentence.contains(m.span) and m.label in _ACTORS and m.chain is not None]
        speaker = _speaker(analysis, found, sentence.start)
        statement = _according_to(text, sentence, names, according) or _reporting_verb(text, sentence, names, verb, speaker)
        if statement is None and language == "de" and speaker is not None and _SUBJUNCTIVE.search(text, sentence.start, sentence.end):
            content = _span(text, sentence.start, sentence.end)
            statement = replace(speaker, content=content, direct=False, certainty="reported") if content is not None else None
        if statement is not None:
            found.append(statement)
    return continue_quotations(text, analysis.sentences, found)


def _with_adverbs(verbs: str, adverbs: str | None) -> str:
    """Each two-word verb form with room for one adverb (or, in German, a few words) between its words."""
    if adverbs is None:
        return verbs
    return "|".join(
        rf"{form.split(' ')[0]}(?:\s+(?:{adverbs}))?\s+{form.split(' ')[1]}" if form.count(" ") == 1 else form
        for form in verbs.split("|")
    )


def _speaker(analysis: Analysis, found: list[Statement], before: int) -> Statement | None:
    """Who a cue without a subject ("«...», afirmó.", "Alle 6.30 annuncia di ...") or a German subjunctive
    sentence goes on quoting: the last statement with a source in the sentences just before, else (as a
    statement of its own name) the last person named there."""
    starts = [s.start for s in analysis.sentences if s.start < before]
    window = starts[-SPEAKER_SENTENCES] if len(starts) >= SPEAKER_SENTENCES else 0
    spoken = [st for st in found if st.source is not None and st.source.start >= window]
    if spoken:
        return spoken[-1]
    people = [m for m in analysis.mentions if m.label == "PERSON" and m.chain is not None and window <= m.span.start and m.span.end <= before]
    return _statement(analysis.article.text, people[-1].span, people[-1].span, people[-1]) if people else None


def _according_to(text: str, sentence: Span, names: list[Mention], according: re.Pattern) -> Statement | None:
    match = according.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    source = next((m for m in names if m.span.start >= match.end() and m.span.start - match.end() < 40), None)
    comma = text.find(",", match.end(), sentence.end)
    if comma != -1:
        content = _span(text, comma + 1, sentence.end)
    else:
        content = _span(text, sentence.start, match.start())
    if content is None or source is None:
        return None
    cue = Span(match.start(), match.end(), text[match.start():match.end()].rstrip())
    return _statement(text, cue, content, source)


def _reporting_verb(text: str, sentence: Span, names: list[Mention], verb: re.Pattern, speaker: Statement | None = None) -> Statement | None:
    match = verb.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    before = text[sentence.start:match.start()]
    after = [m for m in names if m.span.start >= match.end() and m.span.start - match.end() < 60]
    clause_start = sentence.start + max(before.rfind(","), before.rfind(";"), -1) + 1
    earlier = [m for m in names if clause_start <= m.span.start and m.span.end <= match.start()]
    named_before = [m for m in names if m.span.end <= match.start()]
    # "Yevgeny Prigozhin, accusa ...": a name just before the comma is the subject, not an inverted cue's content
    subject_aside = bool(named_before) and re.fullmatch(r"\s*,\s*", text[named_before[-1].span.end:match.start()]) is not None
    inverted = bool(re.search(r"[,»”\"]\s*[-–—]?\s*$|[.!?]?\s*[-–—]\s*$", before)) and not earlier and not subject_aside
    after = [m for m in after if m.label == "PERSON"] or after  # "ha detto il portavoce del Cremlino, Dmitry Peskov"
    if _ANAPHOR.match(before) and after and sentence.start > 0:  # "Lo ha annunciato Peskov": what the sentence before says
        end = len(text[:sentence.start].rstrip()) - 1
        start = max(text.rfind(stop, 0, end) for stop in ".!?\n") + 1
        source, content = after[0], _span(text, start, end)
    elif inverted and after:  # "«...», ha affermato il presidente Zelensky"
        source, content = after[0], _span(text, sentence.start, match.start())
    elif speaker is not None and not after and not earlier and (inverted or len(before.split()) <= 3):
        # "«...», afirmó.", "Alle 6.30 annuncia di ...": no subject named, the speaker goes on
        content = _span(text, sentence.start, match.start()) if inverted else _span(text, match.end() + _THAT.match(text[match.end():sentence.end]).end(), sentence.end)
        if content is None:
            return None
        return replace(speaker, cue=Span(match.start(), match.end(), match.group(0)), content=content, direct=content.text[:1] in "«„“\"",
                       certainty=_certainty(match.group(0)))
    elif earlier:  # "Prigozhin disse que ...", "Zelenski, que ..., ha señalado que ..."
        source = earlier[-1]
        rest = text[match.end():sentence.end]
        content = _span(text, match.end() + _THAT.match(rest).end(), sentence.end)
    else:
        if not named_before or not re.search(r",\s*$", text[named_before[-1].span.end:match.start()][:200]):
            return None
        # "Zelenski, que ha intervenido ..., ha señalado que": the subject before the aside; of a name and its
        # apposition ("Evguéni Prigojine, le chef du groupe Wagner, accuse") the person set off by a comma
        people = [m for m in named_before if m.label == "PERSON" and text[m.span.end:match.start()].lstrip().startswith(",")]
        source = people[0] if people else named_before[-1]
        rest = text[match.end():sentence.end]
        content = _span(text, match.end() + _THAT.match(rest).end(), sentence.end)
    if content is None:
        return None
    return _statement(text, Span(match.start(), match.end(), match.group(0)), content, source)


def _certainty(cue: str) -> str:
    """`denied` for a denial verb, also with an adverb inside it ("ha poi smentito"), else `reported`."""
    return "denied" if cue.split()[-1].casefold() in _DENYING else "reported"


def _span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-"):
        end -= 1
    return Span(start, end, text[start:end]) if end - start > 3 else None


def _statement(text: str, cue: Span, content: Span, source: Mention) -> Statement:
    certainty = _certainty(cue.text)
    direct = content.text[:1] in "«„“\"" and content.text[-1:] in "»“”\""
    kind = "person" if source.label == "PERSON" else "organisation"
    return Statement(
        cue=cue, content=content, source=source.span, source_type=kind, direct=direct, certainty=certainty, source_chain=source.chain,
    )
