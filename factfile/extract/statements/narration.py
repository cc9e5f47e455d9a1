"""Attributions that are nobody's statement: PolNeAR's scheme counts them, factfile does not.

PolNeAR annotates any attributed state of mind, so the tagger finds "His children cried when Russia
attacked", "we know about the two groups" and "Not much is known about the corps". In PolNeAR dev
most such spans are gold attributions (first-person sources outside quotes: 15 of 18 found by the
encoder), so `find_attributions` keeps them and eval/attribution.py scores them; but a statement
is a claim someone makes, and these are the writer's own narration: they stay the article's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factfile.extract.statements.relations import Attribution

FIRST_PERSON = frozenset({"i", "we", "us", "me"})
_TEMPORAL_MARKS = frozenset({"when", "while", "as", "after", "before", "until", "since", "once"})


def narration(doc: Doc, attribution: Attribution, quoted: list[int]) -> bool:
    """The writer's own voice: a first-person source outside quotation marks ("we know about"),
    knowing with no one else as the knower ("Not much is known about"), or a cue whose "content"
    is only when it happened ("His children cried when Russia attacked")."""
    source = [t for span in attribution.sources for t in doc[span.start : span.end] if not t.is_punct]
    writer = bool(source) and all(t.lower_ in FIRST_PERSON for t in source) and not quoted[attribution.cue.start]
    cue = doc[attribution.cue.start : attribution.cue.end]
    passive = any(t.dep_ == "nsubjpass" for t in source)  # "Not much is known": what is known, not who knows
    knowing = any(t.lemma_.lower() == "know" for t in cue) and (not source or writer or passive)
    return writer or knowing or all(_when(doc, span.start, span.end) for span in attribution.contents)


def _when(doc: Doc, start: int, end: int) -> bool:
    """The span is a temporal clause ("when Russia attacked Ukraine"; the parser makes "when" a
    mark or an advmod)."""
    roots = [t for t in doc[start:end] if not start <= t.head.i < end or t.head is t]
    return len(roots) == 1 and roots[0].dep_ == "advcl" and doc[start].lower_ in _TEMPORAL_MARKS
