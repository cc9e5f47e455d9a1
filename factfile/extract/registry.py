"""Extraction stages registered by name, as spaCy registers pipeline components.

A stage is built by a factory and called once per article with the parsed spaCy `Doc` and the
`Analysis` being filled. Stages run in the order of `DEFAULT_STAGES`; what each requires and assigns
is declared in `factfile/registry.py` and checked when the stages are built.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from factfile import registry
from factfile.records import Analysis
from factfile.registry import stages

Stage = Callable[[Doc, Analysis], None]
StageFactory = Callable[[], Stage]

DEFAULT_STAGES: tuple[str, ...] = (
    "sentences", "mentions", "chains", "descriptions", "statements", "times", "places", "quantities", "facts", "events",
)


def build(names: tuple[str, ...] = DEFAULT_STAGES) -> list[tuple[str, Stage]]:
    registry.check("stage", names)
    return [(name, stages.get(name)()) for name in names]
