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

from factfile.records import Analysis, Mention, Span, Statement

ACCORDING = {
    "fr": r"selon|d'après|d’après", "it": "secondo", "es": "según", "pt": "segundo|de acordo com|conforme", "de": "laut|nach Angaben von",
}
VERBS = {
    "fr": "a déclaré|a affirmé|a assuré|a annoncé|a indiqué|a ajouté|a dit|a estimé|a dénoncé|a démenti|a nié|déclare|affirme|"
          "assure|annonce|accuse|estime|dénonce|dément",
    "it": "ha detto|ha dichiarato|ha affermato|ha annunciato|ha aggiunto|ha spiegato|ha smentito|ha negato|afferma|dichiara|"
          "annuncia|accusa|sostiene|smentisce",
    "es": "dijo|afirmó|declaró|aseguró|anunció|señaló|acusó|negó|ha dicho|ha afirmado|ha señalado|ha anunciado|ha asegurado|"
          "afirma|asegura|acusa|niega",
    "pt": "disse|afirmou|declarou|anunciou|acusou|negou|diz|declara|afirma|acusa",
    "de": "sagte|erklärte|betonte|behauptete|teilte mit|warf vor|bestritt|dementierte",
}
DENIALS = frozenset({"a démenti", "a nié", "dément", "ha smentito", "ha negato", "smentisce", "negó", "niega", "negou", "bestritt", "dementierte"})
LANGUAGES = frozenset(VERBS)
_THAT = re.compile(r"^\s*[,:]?\s*(?:que|qu'|qu’|che|dass|que\s+)?\s*", re.I)
_ACTORS = frozenset({"PERSON", "ORG"})


def find_statements(analysis: Analysis, language: str) -> list[Statement]:
    """At most one statement per sentence, in the languages of `VERBS` (none in others)."""
    if language not in VERBS:
        return []
    verb = re.compile(rf"(?<!\w)(?:{VERBS[language]})(?!\w)", re.I)
    according = re.compile(rf"(?<!\w)(?:{ACCORDING[language]})\s+", re.I)
    text = analysis.article.text
    found: list[Statement] = []
    for sentence in analysis.sentences:
        names = [m for m in analysis.mentions if sentence.contains(m.span) and m.label in _ACTORS and m.chain is not None]
        statement = _according_to(text, sentence, names, according) or _reporting_verb(text, sentence, names, verb)
        if statement is not None:
            found.append(statement)
    return found


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


def _reporting_verb(text: str, sentence: Span, names: list[Mention], verb: re.Pattern) -> Statement | None:
    match = verb.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    before = text[sentence.start:match.start()]
    after = [m for m in names if m.span.start >= match.end() and m.span.start - match.end() < 60]
    clause_start = sentence.start + max(before.rfind(","), before.rfind(";"), -1) + 1
    earlier = [m for m in names if clause_start <= m.span.start and m.span.end <= match.start()]
    subject = [m for m in names if m.span.end <= match.start() and re.fullmatch(r"\s*,\s*", text[m.span.end:match.start()])]
    inverted = bool(re.search(r"[,»”\"]\s*[-–—]?\s*$", before)) and not earlier and not subject  # not "X, Y, disse"
    if inverted and after:  # "«...», ha affermato il presidente Zelensky"
        source, content = after[0], _span(text, sentence.start, match.start())
    elif earlier:  # "Prigozhin disse que ...", "Zelenski, que ..., ha señalado que ..."
        source = earlier[-1]
        rest = text[match.end():sentence.end]
        content = _span(text, match.end() + _THAT.match(rest).end(), sentence.end)
    else:
        named_before = [m for m in names if m.span.end <= match.start()]
        if not named_before or not re.search(r",\s*$", text[named_before[-1].span.end:match.start()][:200]):
            return None
        source = named_before[-1]  # "Zelenski, que ha intervenido ..., ha señalado que": the subject before the aside
        rest = text[match.end():sentence.end]
        content = _span(text, match.end() + _THAT.match(rest).end(), sentence.end)
    if content is None:
        return None
    return _statement(text, Span(match.start(), match.end(), match.group(0)), content, source)


def _span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;.—–-"):
        end -= 1
    return Span(start, end, text[start:end]) if end - start > 3 else None


def _statement(text: str, cue: Span, content: Span, source: Mention) -> Statement:
    certainty = "denied" if cue.text.casefold() in DENIALS else "reported"
    direct = content.text[:1] in "«„“\"" and content.text[-1:] in "»“”\""
    kind = "person" if source.label == "PERSON" else "organisation"
    return Statement(
        cue=cue, content=content, source=source.span, source_type=kind, direct=direct, certainty=certainty, source_chain=source.chain,
    )
