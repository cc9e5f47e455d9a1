"""Extraction stages registered by name, as spaCy registers pipeline components.

A stage is built by a factory and called once per article with the parsed spaCy `Doc` and the
`Analysis` being filled. Stages run in the order of `DEFAULT_STAGES`; each may read what earlier
stages wrote (statements need mentions, events need statements).
"""

from __future__ import annotations

from collections.abc import Callable

import catalogue
from spacy.tokens import Doc

from factfile.records import Analysis

Stage = Callable[[Doc, Analysis], None]
StageFactory = Callable[[], Stage]

stages = catalogue.create("factfile", "stages", entry_points=True)

DEFAULT_STAGES: tuple[str, ...] = (
    "sentences", "mentions", "chains", "descriptions", "statements", "times", "places", "quantities", "facts", "events",
)


def build(names: tuple[str, ...] = DEFAULT_STAGES) -> list[tuple[str, Stage]]:
    return [(name, stages.get(name)()) for name in names]
