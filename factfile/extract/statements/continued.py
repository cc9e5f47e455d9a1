"""Quotations that run past the sentence whose cue attributes them, in any language.

News quotes a speaker over several sentences and names them once: "«A. B. C», — сказал Пригожин"
attributes A and B as much as C, and so does "Peskov said: “A. B.”". A quotation that stands as whole
sentences with no cue of its own goes on quoting the speaker of the sentence just before it
("“A,” Peskov said at a briefing. “B.”", or a paragraph that is one quotation). The
sentence readers see one sentence at a time, so these sentences come out as the article's own voice
(English) or as nothing (the word-rule readers); this pass gives them the attributing statement's
source, cue and kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from factfile.records import Certainty, Span, Statement

# opening mark -> the marks that close it; a straight quote closes itself; German also quotes »so« (an opener
# only right before a word: a French closing » stands after one)
_CLOSERS = {"«": "»", "„": "“”", "“": "”", '"': '"”', "‹": "›", "»": "«", "›": "‹"}
_REVERSED = frozenset("»›")
_TRIM = " \t\n,;:.—–-«»„“”\"‹›"

Judge = Callable[[Statement, Span], tuple[Certainty, list[str]]]  # (attributing statement, carried content)


def quotations(text: str) -> list[Span]:
    """Outermost quotations, each inside one paragraph; one left open runs to the paragraph's end."""
    found: list[Span] = []
    stack: list[str] = []
    start = 0
    for i, char in enumerate(text):
        if char == "\n":
            if stack:
                found.append(Span(start, i, text[start:i]))
            stack = []
            continue
        if stack and char in _CLOSERS[stack[-1]] and (char != '"' or _closes(text, i)):
            stack.pop()
            if not stack:
                found.append(Span(start, i + 1, text[start:i + 1]))
        elif (
            char in _CLOSERS and (char != '"' or not stack or not _closes(text, i)) and (char != "“" or not stack or stack[-1] != "„")
            and (char not in _REVERSED or not stack and text[i + 1:i + 2].isalnum())
        ):
            if not stack:
                start = i
            stack.append(char)
    if stack:
        found.append(Span(start, len(text), text[start:]))
    return found


def _closes(text: str, i: int) -> bool:
    """A straight quote closes when a word or punctuation is before it and no word right after it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def continue_quotations(text: str, sentences: Sequence[Span], statements: list[Statement], judge: Judge | None = None) -> list[Statement]:
    """`statements` with the quoted sentences no cue attributes given to the quotation's speaker: an
    article-voice statement on such a sentence is replaced (keeping its index), a sentence with none
    gets a new statement at the end. `judge` gives the certainty of the carried content (else the
    attributing statement's certainty is kept)."""
    result = list(statements)
    carried_by: dict[int, Statement] = {}  # id of a statement added here -> the statement it carries on
    quotes = quotations(text)
    lines = [d for d in dialogue(text) if not any(q.overlaps(d) and not d.contains(q) for q in quotes)]
    quotes = sorted([q for q in quotes if not any(d.contains(q) for d in lines)] + lines, key=lambda q: q.start)

    def quoting(statement: Statement) -> bool:
        return statement.direct or any(q.start <= statement.content.start and statement.content.end <= q.end + 1 for q in quotes)

    for quote in quotes:
        carriers = [st for st in result if _attributed(st) and st.content.overlaps(quote)]
        carrier = next((st for st in carriers if not _inside(st.cue, quote)), carriers[0] if carriers else None)
        if carrier is None and _whole_sentences(text, quote, sentences):
            before = next((x for x in reversed(sentences) if x.end <= quote.start and text[x.start:x.end].strip()), None)
            spoken = [st for st in result if _attributed(st) and quoting(st) and before is not None and st.content.overlaps(before)]
            carrier = max(spoken, key=lambda st: st.content.end, default=None)  # the quotation goes on quoting them
            if carrier is None and (paragraph := _paragraph_before(text, quote)) is not None:
                said = [st for st in result if st.source_chain is not None and _attributed(st) and _said_in(st, paragraph)]
                said = [st for st in said if not any(o is not st and st.cue is not None and o.content.contains(st.cue) for o in said)]
                carrier = max(said, key=lambda st: max(st.content.end, st.cue.end if st.cue else 0), default=None)
        if carrier is None:
            continue
        carrier = carried_by.get(id(carrier), carrier)  # a quotation carried on before goes on with the same attribution
        for sentence in (s for s in sentences if s.start < quote.end and quote.start < s.end):
            part = _trimmed(text, max(sentence.start, quote.start), min(sentence.end, quote.end))
            if part is None or any(_attributed(st) and st.content.overlaps(part) for st in result):
                continue
            certainty, hedges = judge(carrier, part) if judge else (carrier.certainty, list(carrier.hedges))
            added = Statement(cue=carrier.cue, content=part, source=carrier.source, source_type=carrier.source_type,
                              direct=True, certainty=certainty, source_chain=carrier.source_chain, hedges=hedges)
            carried_by[id(added)] = carrier
            voice = next((k for k, st in enumerate(result) if st.source_type == "article" and st.content.overlaps(part)), None)
            if voice is not None:
                result[voice] = added
            else:
                result.append(added)
    return result


# A paragraph of direct speech opened by a dash ("– Путін не контролює ситуацію ...", after "Про це він сказав в
# інтерв’ю CNN."), as Russian, Ukrainian and other news set an interview's answers.
_DIALOGUE = re.compile(r"^[ \t]*[–—][ \t]+(?=[^\W\d_])", re.M)


def dialogue(text: str) -> list[Span]:
    """Paragraphs opened by a dash: each is a quotation running to the paragraph's end."""
    found = []
    for match in _DIALOGUE.finditer(text):
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        found.append(Span(match.end(), end, text[match.end():end]))
    return found


def _paragraph_before(text: str, quote: Span) -> Span | None:
    """The paragraph before a quotation that opens its own paragraph (None when it does not)."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    if line_start == 0 or text[line_start:quote.start].strip(" \t—–-"):
        return None
    body = text[:line_start].rstrip()
    start = body.rfind("\n") + 1
    return Span(start, len(body), body[start:]) if body else None


def _said_in(statement: Statement, paragraph: Span) -> bool:
    """A statement whose cue or content is in the paragraph: the one before a quotation paragraph that names no one
    ("Він додав, що ... \n\n"Ми бачимо дуже цікаву аналітику ..."" goes on quoting him), unless it is one said inside
    another's content ("Минобороны комментирует заявления Пригожина:" introduces the ministry's words)."""
    return statement.content.overlaps(paragraph) or (statement.cue is not None and statement.cue.overlaps(paragraph))


@lru_cache(maxsize=4)
def _quotations_of(text: str) -> tuple[Span, ...]:
    """`quotations` of the article being read, once: every source resolved in it asks `turn_start`."""
    return tuple(quotations(text))


def turn_start(text: str, sentences: Sequence[Span], offset: int, back: int) -> int:
    """Where the last `back` sentences before the one at `offset` start, not counting sentences that start inside
    a quotation or with one: a quotation running over several sentences ("“We will destroy anyone ...,” said Mr
    Progozhin. “We are moving forward ...") is one speaker's turn, however many sentences it takes."""
    quotes = _quotations_of(text)
    starts = [s.start for s in sentences if s.start <= offset]
    counted = 0
    for k in range(len(starts) - 2, -1, -1):
        first = starts[k] + len(text[starts[k]:starts[k] + 20]) - len(text[starts[k]:starts[k] + 20].lstrip())
        if not any(q.start <= first < q.end for q in quotes):
            counted += 1
        if counted == back:
            return starts[k]
    return 0


def _attributed(statement: Statement) -> bool:
    return statement.source_type != "article" and (statement.source is not None or statement.source_chain is not None)


def _inside(span: Span | None, quote: Span) -> bool:
    return span is not None and quote.contains(span)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return Span(start, end, text[start:end]) if len(re.findall(r"\w+", text[start:end])) >= 3 else None


def _whole_sentences(text: str, quote: Span, sentences: Sequence[Span]) -> bool:
    """The quotation is one or more whole sentences: nothing but a dash before it in its first sentence,
    nothing but a stop after it in its last."""
    first = next((x for x in sentences if x.start <= quote.start < x.end), None)
    last = next((x for x in sentences if x.start < quote.end <= x.end), None)
    if first is None or last is None:
        return False
    return not text[first.start:quote.start].strip(" \t\n—–-") and not text[quote.end:last.end].strip(" \t\n.!?…")
