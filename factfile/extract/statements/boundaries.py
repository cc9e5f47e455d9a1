"""Span boundaries as PolNeAR draws them.

One content is one stretch of text, broken only by its own cue and source ("We will win," she
said, "and soon."): in PolNeAR train 85% of contents are one fragment and 79% of the breaks in the
others hold nothing but the cue, the source and punctuation. Fragments the grouping gave a cue
from further away belong to something else.

A quoted content runs from its opening mark through the closing one, with the comma or full stop
inside it (“We will win,” she said → “We will win,”); in PolNeAR train 93% of content fragments
that open with a quote mark end with the closing one. The tagger often stops a token or two short.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc

from factfile.extract.statements.features import CLOSING, OPENING, STRAIGHT
from factfile.extract.statements.relations import Attribution
from factfile.extract.statements.tagger import TaggedSpan

_INSIDE_PUNCT = {",", ".", "?", "!", "—", "-", "--"}


def conventional_boundaries(doc: Doc, attributions: list[Attribution], edges: Mapping[tuple[str, str], frozenset[str]]) -> None:
    """Move the attributions' span edges where PolNeAR's annotators put them, in place."""
    fixed = {i for a in attributions for span in (a.cue, *a.sources) for i in range(span.start, span.end)}
    held = {i: k for k, a in enumerate(attributions) for span in a.contents for i in range(span.start, span.end)}
    for k, attribution in enumerate(attributions):

        def free(i: int, k: int = k) -> bool:
            """No other span's token, though the edge of the attribution's own content may go to its cue."""
            return i not in fixed and held.get(i, k) == k

        attribution.cue = cue_edges(doc, attribution.cue, free, edges)
        attribution.contents = _outside(attribution.contents, attribution.cue)
    taken = {i for a in attributions for span in (a.cue, *a.sources) for i in range(span.start, span.end)}
    for attribution in attributions:
        attribution.contents = [close_quote(doc, span, taken) for span in one_stretch(doc, attribution)]
        attribution.sources = [appositive_comma(doc, span, taken) for span in attribution.sources]


def _outside(spans: list[TaggedSpan], cue: TaggedSpan) -> list[TaggedSpan]:
    """The spans cut back where the cue took in their edge words."""
    result = []
    for span in spans:
        start, end = (max(span.start, cue.end), span.end) if span.start >= cue.start else (span.start, min(span.end, cue.start))
        if start < end:
            result.append(TaggedSpan(span.role, start, end))
    return result


def one_stretch(doc: Doc, attribution: Attribution) -> list[TaggedSpan]:
    """The content fragment nearest the cue, with the fragments joined to it across the cue,
    the source and punctuation only."""
    contents = sorted(attribution.contents, key=lambda s: s.start)
    if len(contents) < 2:
        return contents
    own = {i for span in (attribution.cue, *attribution.sources) for i in range(span.start, span.end)}
    cue = attribution.cue
    nearest = min(range(len(contents)), key=lambda k: max(contents[k].start - cue.end, cue.start - contents[k].end, 0))
    low = high = nearest
    while low > 0 and _clean_gap(doc, contents[low - 1].end, contents[low].start, own):
        low -= 1
    while high + 1 < len(contents) and _clean_gap(doc, contents[high].end, contents[high + 1].start, own):
        high += 1
    return contents[low : high + 1]


def _clean_gap(doc: Doc, start: int, end: int, own: set[int]) -> bool:
    """Only the attribution's own words, punctuation and spaces between two fragments; a paragraph
    break ends the stretch (a one-line quote above a new paragraph is not that paragraph's content)."""
    return all(i in own or doc[i].is_punct or doc[i].is_space and "\n\n" not in doc[i].text for i in range(start, end))


def close_quote(doc: Doc, span: TaggedSpan, taken: set[int]) -> TaggedSpan:
    """The span reaching its quotation's closing mark when it opens one and stops just short of it."""
    if not (doc[span.start].text in OPENING or doc[span.start].text in STRAIGHT):
        return span
    marks = sum(t.text in OPENING | CLOSING | STRAIGHT for t in doc[span.start : span.end])
    if marks % 2 == 0:
        return span
    end = span.end
    while end < len(doc) and end - span.end < 2 and doc[end].text in _INSIDE_PUNCT and end not in taken:
        end += 1
    if end < len(doc) and end not in taken and (doc[end].text in CLOSING or doc[end].text in STRAIGHT):
        return TaggedSpan(span.role, span.start, end + 1)
    return span


def appositive_comma(doc: Doc, span: TaggedSpan, taken: set[int]) -> TaggedSpan:
    """A source with an appositive keeps the comma that closes it ("Ben Rhodes, an aide, said"):
    in PolNeAR train 90% of sources with a comma inside and one just after take that comma, and
    99% of sources without a comma inside leave it out."""
    end = span.end
    if end < len(doc) and doc[end].text == "," and end not in taken and any(t.text == "," for t in doc[span.start : end]):
        return TaggedSpan(span.role, span.start, end + 1)
    return span


_CONTENT_POS = frozenset({"VERB", "NOUN", "PROPN"})


def cue_edges(doc: Doc, span: TaggedSpan, free: Callable[[int], bool], edges: Mapping[tuple[str, str], frozenset[str]]) -> TaggedSpan:
    """The cue with the function words next to it that PolNeAR cues take in beside a word of
    that part of speech ("has also said", "talked about", "said:"), as counted on train (`edges`).
    Content words next to a cue are another cue or its object, so they are left alone."""
    start, end = span.start, span.end

    def joins(i: int, side: str, beside: int) -> bool:
        token = doc[i]
        return free(i) and token.pos_ not in _CONTENT_POS and token.lower_ in edges.get((side, doc[beside].pos_), ())

    for _ in range(2):
        if start > 0 and joins(start - 1, "L", start):
            start -= 1
        if end < len(doc) and joins(end, "R", end - 1):
            end += 1
    return span if (start, end) == (span.start, span.end) else TaggedSpan(span.role, start, end)
