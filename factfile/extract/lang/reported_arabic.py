"""Statements in Arabic news, by word rules over the names uncased.py found.

Arabic news puts the verb of saying first ("وقال بريجوجين إن ...", "أعلنت وزارة الدفاع الروسية أنّه ...") or
attributes by "according to" ("وبحسب فلاديمير ليونتييف، ..."), often with "and"/"so" written onto the word. The
speaker is the name after the verb, before the content opens ("إن", "أن", a colon): of several, a person's full
name, the last (the one a title ends with: "كشف قائد مجموعة فاغنر ... يفجيني بريجوجن، أنّه": Prigozhin, not
Wagner), else the first name after the verb. Only a name the reader
found (a stored actor's, `uncased.add_names`) makes a speaker; a sentence with none gives no statement rather than
one of no one. Certainty as in the other readers: a denial verb or a content saying the report is untrue
("لا صحة") gives `denied`, a hedge word `hedged`, any other `reported`.
"""

from __future__ import annotations

import re

from factfile.extract.statements.framing import framed
from factfile.records import Analysis, Certainty, Mention, Span, Statement

_LETTER = r"[\u0621-\u064a\u0640]"
_PREFIX = r"(?:و|ف)?"  # "and", "so" written onto the verb
# Verbs of saying as news writes them (past and present, masculine, feminine and plural), denials apart.
SAYING = """قال قالت قالوا يقول تقول أعلن أعلنت أعلنوا يعلن تعلن أكد أكدت أكدوا يؤكد تؤكد ذكر ذكرت يذكر تذكر كشف كشفت
    أفاد أفادت يفيد صرح صرحت أوضح أوضحت أضاف أضافت أشار أشارت حذر حذرت اتهم اتهمت يتهم زعم زعمت يزعم""".split()
DENYING = "نفى نفت نفوا ينفي تنفي".split()
ACCORDING = "بحسب حسب وفق وفقا وفقاً طبقا طبقاً".split()
_VERB = re.compile(rf"(?<!{_LETTER}){_PREFIX}(?P<verb>{'|'.join(SAYING + DENYING)})(?!{_LETTER})")
_ACCORDING = re.compile(rf"(?<!{_LETTER}){_PREFIX}(?:{'|'.join(ACCORDING)})(?:\s*ل)?(?!{_LETTER})")
# Where the content opens after the speaker: "that" (إن, أن, with a pronoun written on) or a colon.
_MARKS = "[\u064b-\u0652]*"  # short vowels and the doubling mark, written or not ("أنّه", "إنَّ")
_OPENS = re.compile(rf"(?<!{_LETTER})(?:بأن|إن|أن){_MARKS}(?:ه|ها|هم)?{_MARKS}(?!{_LETTER})|:")
REJECTION = re.compile(r"لا\s+صحة|عار\s+عن\s+الصحة|غير\s+صحيح")
HEDGES = re.compile(rf"(?<!{_LETTER})(?:ربما|يحتمل|محتمل|على\s+الأرجح|أولية|الأولية|مبدئية)(?!{_LETTER})")
SPEAKER_REACH = 80  # characters after the verb in which its speaker is named
_ACTORS = frozenset({"PERSON", "ORG", "GPE"})


def find_statements(analysis: Analysis) -> list[Statement]:
    """At most one statement per sentence: the first verb of saying or according-to with a named speaker."""
    text = analysis.article.text
    names = [m for m in analysis.mentions if m.chain is not None and m.label in _ACTORS]
    found = []
    for sentence in analysis.sentences:
        cues = sorted([*_VERB.finditer(text, sentence.start, sentence.end), *_ACCORDING.finditer(text, sentence.start, sentence.end)],
                      key=lambda m: m.start())
        for cue in cues:
            statement = _statement(text, sentence, cue, names)
            if statement is not None:
                found.append(statement)
                break
    return framed(found)


def _statement(text: str, sentence: Span, cue: re.Match, names: list[Mention]) -> Statement | None:
    opens = _OPENS.search(text, cue.end(), min(sentence.end, cue.end() + SPEAKER_REACH))
    reach = opens.start() if opens else min(sentence.end, cue.end() + SPEAKER_REACH)
    speakers = [m for m in names if cue.end() <= m.span.start and m.span.end <= reach]
    if not speakers:
        return None
    full = [m for m in speakers if m.label == "PERSON" and " " in m.span.text.strip()]
    speaker = full[-1] if full else speakers[0]
    start = opens.end() if opens else speaker.span.end
    while start < sentence.end and (text[start].isspace() or text[start] in "،,:"):
        start += 1
    end = sentence.end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,"):
        end -= 1
    if end - start < 4:
        return None
    content = Span(start, end, text[start:end])
    verb = cue.group("verb") if "verb" in cue.groupdict() and cue.group("verb") else None
    return Statement(
        cue=Span(cue.start(), cue.end(), cue.group(0)), content=content, source=speaker.span,
        source_type="person" if speaker.label == "PERSON" else "organisation", direct=content.text[:1] in "\"«“",
        certainty=_certainty(verb, content.text), source_chain=speaker.chain,
    )


def _certainty(verb: str | None, content: str) -> Certainty:
    if verb in DENYING or REJECTION.search(content):
        return "denied"
    return "hedged" if HEDGES.search(content) else "reported"
