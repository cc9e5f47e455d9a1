"""Cut a document's text into segments at every annotation boundary, so highlights can be rendered safely.

Annotations may overlap or nest (a mention inside a statement's content); instead of nesting HTML tags
the text is split at every start and end, and each segment carries the set of annotations covering
it. The template prints each segment's text escaped; no markup is ever built from the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from factfile.read.records import Annotation

KINDS = ("mention", "source", "cue", "content", "event")


@dataclass(slots=True)
class Segment:
    text: str
    start: int
    kinds: set[str] = field(default_factory=set)
    actor_id: int | None = None  # the actor a mention here links to
    statement_id: int | None = None
    event_id: int | None = None
    labels: list[str] = field(default_factory=list)
    focus: bool = False  # inside the stretch the reader came to see
    anchor: bool = False  # first focused segment: the page scrolls here

    @property
    def css(self) -> str:
        names = [f"hl-{kind}" for kind in KINDS if kind in self.kinds]
        if self.focus:
            names.append("focus")
        return " ".join(names)

    @property
    def title(self) -> str:
        return "; ".join(self.labels)


def segments(text: str, annotations: Iterable[Annotation], focus: tuple[int, int] | None = None) -> list[Segment]:
    """The text as consecutive segments; offsets outside the text are clipped, empty spans dropped."""
    size = len(text)
    spans = [a for a in annotations if 0 <= a.start < a.end and a.start < size]
    cuts = {0, size}
    for a in spans:
        cuts.update((a.start, min(a.end, size)))
    if focus is not None:
        lo, hi = max(0, min(focus[0], size)), max(0, min(focus[1], size))
        focus = (lo, hi) if lo < hi else None
        if focus:
            cuts.update(focus)
    bounds = sorted(cuts)
    result: list[Segment] = []
    anchored = False
    for start, end in zip(bounds, bounds[1:], strict=False):
        segment = Segment(text=text[start:end], start=start)
        for a in spans:
            if a.start <= start and end <= a.end:
                segment.kinds.add(a.kind)
                segment.labels.append(f"{a.kind}: {a.label}")
                if a.kind == "mention" and a.actor_id is not None and segment.actor_id is None:
                    segment.actor_id = a.actor_id
                elif a.kind in ("source", "cue", "content") and segment.statement_id is None:
                    segment.statement_id = a.ref
                elif a.kind == "event" and segment.event_id is None:
                    segment.event_id = a.ref
        if focus and focus[0] <= start and end <= focus[1]:
            segment.focus = True
            segment.anchor = not anchored
            anchored = True
        result.append(segment)
    return result


def parse_focus(value: str | None) -> tuple[int, int] | None:
    """`"120-180"` → (120, 180); anything else → None."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if start.isdigit() and end.isdigit() and int(start) < int(end):
        return int(start), int(end)
    return None
