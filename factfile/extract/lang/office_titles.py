"""A person's office written in small letters before the name, in the Romance languages and Polish: "il
ministro della Difesa Sergei Shoigu", "il portavoce del Cremlino, Dmitry Peskov,", "el presidente ucraniano,
Volodímir Zelenski,". The capitalised run the Latin-script reader takes for names never holds these words,
so the office was no mention of the person and the forms the press calls officials by were lost.

As the English reader has it: a title right before the name is a mention of the person with the name
("ministro Shoigu", as "Defense Minister Shoigu"); an office set off by a comma names the person by itself
("portavoce del Cremlino", as "the chief of the General Staff, General Valery Gerasimov"). Both are kept as
descriptions of the name's chain, never as its names.
"""

from __future__ import annotations

import re

from factfile.extract.lang.forces import country_of_adjective
from factfile.extract.names import name_key
from factfile.records import Analysis, Mention, Span

# Nouns of office, by language (small letters; the press capitalises them only at a sentence's start).
OFFICES = {
    "it": ("presidente", "ministro", "portavoce", "capo", "leader", "fondatore", "sindaco", "governatore", "comandante",
           "segretario", "procuratore", "premier", "cancelliere", "direttore", "consigliere", "vicepresidente", "numero uno"),
    "fr": ("président", "ministre", "porte-parole", "chef", "patron", "dirigeant", "fondateur", "maire", "gouverneur",
           "commandant", "secrétaire", "procureur", "premier ministre", "chancelier", "directeur", "conseiller", "leader"),
    "es": ("presidente", "ministro", "portavoz", "jefe", "líder", "fundador", "alcalde", "gobernador", "comandante",
           "secretario", "fiscal", "primer ministro", "canciller", "director", "asesor", "consejero"),
    "pt": ("presidente", "ministro", "porta-voz", "chefe", "líder", "fundador", "prefeito", "governador", "comandante",
           "secretário", "procurador", "primeiro-ministro", "chanceler", "diretor", "assessor", "conselheiro"),
    "pl": ("prezydent", "minister", "rzecznik", "szef", "przywódca", "lider", "założyciel", "mer", "gubernator",
           "dowódca", "sekretarz", "prokurator", "premier", "kanclerz", "dyrektor", "doradca"),
}
# Words that join an office's words: "capo di Stato maggiore", "porte-parole du Kremlin", "chefe da diplomacia".
_LINKS = frozenset(
    "di del della dello dei degli delle d de du des da do dos das la le l el lo los las of the y e et i na w".split()
)
# Small-letter words that qualify an office without a country's name ("procureur général", "vice").
_QUALIFIERS = frozenset({"generale", "general", "geral", "generalny", "adjoint", "aggiunto", "adjunto", "vice", "ad", "interim"})  # as `name_key` has them
_MAX_WORDS = 6  # of an office: "ministro degli Esteri della Federazione russa"
_WORD = re.compile(r"[\w’'-]+")


def add_titles(analysis: Analysis, language: str) -> None:
    """Append description mentions of persons for the offices written before their names (see module docstring)."""
    offices = OFFICES.get(language)
    if not offices:
        return
    text = analysis.article.text
    opening = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(o) for o in sorted(offices, key=len, reverse=True))})(?![\w-])", re.I)
    taken = {(m.span.start, m.span.end) for m in analysis.mentions}
    added = []
    for mention in analysis.mentions:
        if mention.chain is None or mention.role != "name" or not (mention.label == "PERSON" or mention.label == "ORG" and " " not in mention.span.text):
            continue  # a lone word is only guessed an organisation ("ministro Shoigu")
        found = _office_before(text, mention, opening, language)
        if found is None:
            continue
        start, end, apposed = found
        span = (start, end) if apposed else (start, mention.span.end)
        if span in taken or any(m.span.start < span[1] and span[0] < m.span.end and not span[0] <= m.span.start < m.span.end <= span[1]
                                for m in analysis.mentions):
            continue
        taken.add(span)
        added.append(Mention(Span(*span, text[span[0]:span[1]]), "PERSON", mention.sentence, chain=mention.chain, role="description"))
    for mention in added:
        analysis.add_mention(mention)


def _office_before(text: str, mention: Mention, opening: re.Pattern, language: str) -> tuple[int, int, bool] | None:
    """(start, end, set off by a comma) of the office written right before the name, if any: the first
    office noun whose following words, up to the name, all belong to it (`_qualifies`)."""
    before = text[max(mention.sentence.start, mention.span.start - 80) : mention.span.start]
    offset = mention.span.start - len(before)
    gap = re.search(r"\s*(,)?\s*$", before)
    body = before[: gap.start()]
    for match in opening.finditer(body):
        rest = body[match.end():]
        words = _WORD.findall(rest)
        if re.fullmatch(r"[\s\w’'-]*", rest) and len(words) + len(match.group(0).split()) <= _MAX_WORDS and _qualifies(words, language):
            return offset + match.start(), offset + len(body), gap.group(1) is not None
    return None


def _qualifies(words: list[str], language: str) -> bool:
    """Words after an office noun that belong to it: joining words, names ("Cremlino", "Stato"), a small-letter
    word after a name ("Stato maggiore"), a country's adjective ("ucraino") or a qualifier ("général")."""
    previous_named = False
    for word in words:
        key = name_key(word)
        named = word[:1].isupper()
        if not (named or key in _LINKS or key in _QUALIFIERS or previous_named
                or country_of_adjective(word, language) is not None):
            return False
        previous_named = named
    return not words or name_key(words[-1]) not in _LINKS
