"""Numbers with what they count: "over 100 Russian soldiers", "several hundred soldiers", "the number
of members had risen to 4,000", "between 10 and 20 killed".

Each number keeps its bounds (a range or "several hundred" has a minimum and a maximum), whether it
is approximate ("over", "about", "dozens"), the noun it counts, the actor it is about and the
statement that reports it. Events link their fatalities to these quantities later.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from factfile.extract.nlp import text_of
from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, Quantity, Span

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "m": 1_000_000, "bn": 1_000_000_000}
_VAGUE = {"several": (3, 9), "a few": (2, 5), "few": (2, 5), "some": (2, 9), "many": (5, 9), "a couple of": (2, 3)}
_PLURAL_SCALES = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
                  "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9.99e6)}
_APPROXIMATE = re.compile(
    r"\b(?:over|more than|about|around|nearly|almost|approximately|roughly|some|up to|at least|at most|"
    r"fewer than|less than|under|some|an estimated|estimated|several|dozens|hundreds|thousands|millions|a few|few|~)\b",
    re.I,
)
_RANGE = re.compile(r"^(?:between\s+)?(?P<low>[\d.,]+)\s*(?:-|–|to|and)\s*(?P<high>[\d.,]+)$", re.I)
_PLURAL_QUANTITY = re.compile(r"\b(tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\s+of\b", re.I)
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "percent", "%"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
SPEECH_VERBS = frozenset({"say", "speak", "report", "tell", "claim", "announce", "write", "state", "estimate", "add", "post"})
_LOOKBACK = 600  # characters searched back for the group a bare count ("4,000 members") is about


@stages.register("quantities")
def make_quantities() -> Stage:
    def quantities(doc: Doc, analysis: Analysis) -> None:
        spans = [(m.span.start, m.span.end) for m in analysis.mentions if m.label in ("CARDINAL", "QUANTITY")]
        taken = [range(s, e) for s, e in spans]
        for match in _PLURAL_QUANTITY.finditer(text_of(doc)):  # "hundreds of soldiers": no digit, no entity
            if not any(match.start() in r for r in taken):
                spans.append((match.start(), match.start() + len(match.group(1))))
        found = []
        chain_at = _chain_index(analysis)
        for start, end in sorted(spans):
            quantity = read_quantity(doc, analysis, start, end, chain_at)
            if quantity is not None:
                found.append(quantity)
        analysis.quantities = found

    return quantities


def read_quantity(doc: Doc, analysis: Analysis, start: int, end: int, chain_at: dict[int, int]) -> Quantity | None:
    text = text_of(doc)
    # widen to the qualifier the entity often leaves out: "over 100", "some 40"
    before = re.search(r"(?:over|more than|about|around|nearly|almost|some|up to|at least|an estimated)\s+$", text[max(0, start - 16) : start], re.I)
    if before:
        start -= len(before.group(0))
    surface = text[start:end]
    bounds = parse_number(surface)
    if bounds is None:
        return None
    low, high = bounds
    span = doc.char_span(start, end, alignment_mode="expand")
    counted = _counted(span) if span is not None else None
    if counted is not None and counted.lemma_.lower() in _TIME_NOUNS:
        return None
    sentence = analysis.sentence_of(start)
    counts = counted.lower_ if counted is not None else _number_of(sentence.text)
    return Quantity(
        span=Span(start, end, surface),
        value=low,
        counts=counts,
        sentence=sentence,
        value_max=high if high != low else None,
        approximate=bool(_APPROXIMATE.search(surface)) or high != low,
        chain=_actor_of(analysis, span, counted, chain_at) if span is not None else None,
        statement=_statement_of(analysis, start, end),
    )


def parse_number(surface: str) -> tuple[float, float] | None:
    """(minimum, maximum) of a number written in digits, words, a range or a vague amount."""
    text = " ".join(surface.lower().replace(",", "").split())
    text = _APPROXIMATE.sub(lambda m: m.group(0) if m.group(0).lower() in _VAGUE or m.group(0).lower() in _PLURAL_SCALES else "", text).strip()
    for words, (low, high) in _PLURAL_SCALES.items():
        if text == words:
            return float(low), float(high)
    match = _RANGE.match(text)
    if match:
        try:
            return float(match["low"]), float(match["high"])
        except ValueError:
            return None
    for words, (low, high) in _VAGUE.items():
        if text.startswith(words + " "):
            rest = _words_to_number(text[len(words) + 1 :])
            if rest is not None:
                return low * rest, high * rest
    value = _words_to_number(text)
    return (value, value) if value is not None else None


def _words_to_number(text: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.findall(r"[\d.]+|[a-z]+", text):
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in _UNITS:
            current += _UNITS[word] if word not in ("a", "an") else 1
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _counted(span: SpacySpan) -> Token | None:
    """The noun a number counts: "100" -> "soldiers" in "over 100 Russian soldiers"; "One of the soldiers"."""
    root = span.root
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    return None


def _number_of(sentence: str) -> str | None:
    """"the number of members had risen to 4,000": the noun after "number of"."""
    match = re.search(r"\bnumber of (\w+)", sentence, re.I)
    return match.group(1).lower() if match else None


def _actor_of(analysis: Analysis, span: SpacySpan, counted: Token | None, chain_at: dict[int, int]) -> int | None:
    """The actor a number is about: "members of the unit"; else the subject of its clause unless that
    subject only reports the number ("Arestovych spoke of several hundred soldiers"); else the
    organisation last named before it."""
    if counted is not None:
        for child in counted.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.idx in chain_at:
                        return chain_at[obj.idx]
    verb = span.root
    while verb.dep_ not in ("ROOT", "ccomp", "relcl", "advcl") and verb.head is not verb:
        verb = verb.head
    reporters = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            chain = chain_at.get(child.idx)
            if chain is None:
                chain = next((chain_at[t.idx] for t in child.subtree if t.idx in chain_at), None)
            if chain is not None and verb.lemma_.lower() not in SPEECH_VERBS:
                return chain
            reporters.add(chain)
    for token in span.sent:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in SPEECH_VERBS:
            reporters |= {chain_at[t.idx] for t in token.subtree if t.idx in chain_at}
    before = [
        m.chain for m in analysis.mentions
        if m.chain is not None and m.label == "ORG" and span.start_char - _LOOKBACK <= m.span.start < span.start_char
        and m.chain not in reporters
    ]
    return before[-1] if before else None


def _chain_index(analysis: Analysis) -> dict[int, int]:
    """Character offset of every token that starts an actor mention -> its chain."""
    index = {}
    for mention in analysis.mentions:
        if mention.chain is not None and mention.label in ACTOR_LABELS:
            for match in re.finditer(r"\S+", mention.span.text):
                index[mention.span.start + match.start()] = mention.chain
    return index


def _statement_of(analysis: Analysis, start: int, end: int) -> int | None:
    """The innermost statement whose content holds this stretch of text."""
    best = None
    for index, statement in enumerate(analysis.statements):
        content = statement.content
        if content.start <= start and end <= content.end:
            if best is None or content.end - content.start < analysis.statements[best].content.end - analysis.statements[best].content.start:
                best = index
    return best


# Deaths as ACLED counts them: the lowest figure of a range or of differing reports, "dozens" as 12,
# "several" or "many" as 10, "hundreds" as 100; a death stated without a number ("a man was killed") as one.
_VAGUE_DEATHS = {"dozens": 12, "dozen": 12, "several": 10, "many": 10, "scores": 10, "hundreds": 100, "a few": 3, "few": 3}
_NUMBER_WORDS = "|".join(sorted((w for w in _UNITS if w not in ("a", "an")), key=len, reverse=True))
_COUNT = (
    r"(?P<count>between\s+\d[\d,]*\s+and\s+\d[\d,]*|\d[\d,]*(?:\s*(?:-|–|to)\s*\d[\d,]*)?|a few|dozens|several|many|scores|hundreds|a|an|"
    + _NUMBER_WORDS + r")"
)
_DIED = r"(?:killed|shot dead|stabbed to death|beaten to death|burned to death|tortured to death|dead|died|murdered|executed|beheaded|lynched|lost (?:their|his|her) lives?)"
_OBJECT = r"(?!\s+(?:a|an|the|his|her|their|him|them|one|two|three|four|five|six|seven|eight|nine|ten|\d)\b)"  # "3 assailants killed a journalist": not the dead
_DEATH_PATTERNS = (
    # "2 children were killed", "a man was shot and killed", "33-40 civilians including children were killed"
    re.compile(rf"\b{_COUNT}\s+(?![^.;]*?\b(?:wounded|injured|hurt|arrested)\b[^.;]*?\b{_DIED})(?:[\w'()-]+\s+){{0,6}}?(?:(?:was|were|have been|has been|had been|are|is|reportedly|later|allegedly)\s+)*(?:(?:shot|stabbed|attacked|beaten|abducted|kidnapped|tortured)\s+(?:and|,)\s+)?{_DIED}\b{_OBJECT}", re.I),
    # "killing 4 people", "killed 3 soldiers", "the death of 2", "shot dead a villager", "killed more than twenty"
    re.compile(rf"\b(?:killing|killed|kill|shot dead|stabbed to death|beaten to death|murdered|(?:deaths?|killing) of|death toll (?:of|to|at|rose to))\s+(?:at least\s+|about\s+|around\s+|more than\s+|over\s+|some\s+)?{_COUNT}\b(?!\s*(?:percent|%|km|years?|-year))", re.I),
    # "1 fatality" where it is not the coder's own count: "the army sustained 1 fatality"
    re.compile(rf"\b{_COUNT}\s+fatalit(?:y|ies)\b", re.I),
    # "the bodies of two individuals were found"
    re.compile(rf"\b(?:bodies|corpses|remains) of\s+{_COUNT}\b", re.I),
)
_AND_COUNT = re.compile(rf"(?:\band|,)\s+(?:his|her|their\s+)?(?:at least\s+)?{_COUNT}\s+(?=[A-Za-z'(])(?!(?:others?|more)\b)", re.I)
# "The man died.", "He was killed in the incident", "killed the village administrator": one death, when no number is given
_ONE_DEATH = re.compile(
    r"\b(?:(?:the|he|she)\s+(?:[\w-]+\s+){0,3}?died|was\s+(?:(?:shot|stabbed|beaten)\s+and\s+)?(?:killed|murdered)|was\s+shot\s+dead|(?:killed|killing|shot dead)\s+(?:the|him|her)\b)",
    re.I,
)
_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)?\b", re.I)
_DATES = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b|\b(?:1[89]|20)\d\d\b"
)
_CODED = re.compile(
    r"\b(?:fatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+)?(?:coded|estimated)\s+(?:as|to|at)|coded\s+(?:as|to))\s+(?P<count>\d+)"
    r"|\bcoded\s+(?P<count3>\d+)\s+fatalit(?:y|ies)"
    r"|(?:^|[.;:\]]\s+|\bthere (?:was|were)\s+)(?P<count2>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:reported\s+|total\s+)?fatalit(?:y|ies)\b"
    r"|\b(?:bringing|brings|raising|raised) the (?:death )?(?:toll|total) to\s+(?P<count4>\d+|" + _NUMBER_WORDS + ")",
    re.I,
)
_SPLIT = re.compile(rf"\b(?:split|spread|divided)\s+(?:across|between|among|into)\s+(?P<events>\d+|{_NUMBER_WORDS})\s+events\b", re.I)


def _count_value(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word in _VAGUE_DEATHS:
        return _VAGUE_DEATHS[word]
    if word in _UNITS:
        return _UNITS[word]
    if word.startswith("between "):
        word = word[len("between ") :]
    low = re.split(r"\s*(?:-|–|to|and)\s*", word)[0].replace(",", "")
    return int(low) if low.isdigit() else None


def _coded(text: str) -> int | None:
    coded = _CODED.search(text)
    if coded is None:
        return None
    return _count_value(next(g for g in coded.group("count", "count3", "count2", "count4") if g))


def coded_deaths(text: str) -> int | None:
    """A coder's own count where a report states one ("1 fatality.", "Fatalities coded as 3",
    "unknown fatalities estimated as 10"): it counts the event the report codes, wherever it stands."""
    text = _DATES.sub(lambda m: " " * len(m.group()), text)
    coded = _coded(text)
    return coded if coded is None else _split(coded, text)


def _split(total: int, text: str) -> int:
    """"Fatalities are split across five events": this event's share, rounded half up."""
    split = _SPLIT.search(text)
    if split is None:
        return total
    events = _count_value(split.group("events")) or 1
    return int(total / events + 0.5) if events > 1 else total


def deaths(text: str) -> int | None:
    """The deaths a passage reports, or None when it reports none: a coder's "Fatalities coded as 3"
    when there is one, else the sum over the distinct clauses that report deaths, with those a claim
    reports ("IS claimed killing 11") left out when others are stated; a death told without a number
    ("The man died") counts one when no clause gives a number. Counts split across events are shared."""
    text = _DATES.sub(lambda m: " " * len(m.group()), text)  # "On 22 April 2022, 3 ..." counts 3, not 2022
    coded = _coded(text)
    if coded is not None:
        return _split(coded, text)
    stated = claimed = 0
    taken: list[tuple[int, int]] = []
    found = found_stated = False
    for pattern in _DEATH_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _count_value(match.group("count"))
            if value is None:
                continue
            taken.append((match.start(), match.end()))
            # "12 soldiers and 4 volunteer fighters were killed": every count of the dead
            for more in _AND_COUNT.finditer(text, match.end("count"), match.end()):
                value += _count_value(more.group("count")) or 0
            sentence_start = max(text.rfind(".", 0, match.start()), text.rfind(";", 0, match.start())) + 1
            if _CLAIMED.search(text, sentence_start, match.start()):
                claimed += value
            else:
                stated += value
                found_stated = True
            found = True
    if not found:
        return 1 if _ONE_DEATH.search(text) else None
    return _split(stated if found_stated else claimed, text)
