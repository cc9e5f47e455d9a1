"""ACLED event type and sub-type of an event, from a linear model learned on ACLED coders' records.

The model (`event_types.json`, written by `train/events.py`) holds, per ACLED sub-type, one weight
per feature of the event's sentence: the trigger's lemma, the words around it, who is the subject
and the object and of what kind (armed group, civilians, protesters), the weapons named. Scoring is
a dot product, so it needs no machine-learning library at run time, and the features that weighed
most for the chosen sub-type are the explanation kept with the event.

The model also carries the verbs learned to start an event ("protested", "were wounded", "blocked")
beyond the trigger words of `events.py`: lemmas that head ACLED's event sentences far more often
than their frequency in English at large predicts.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("event_types.json")
EXPLAIN = 5  # features kept as the reason for a type


@dataclass(frozen=True, slots=True)
class Typing:
    event_type: str
    sub_type: str
    probability: float  # of the type, among the types allowed
    reasons: tuple[str, ...]  # the features that weighed most for it, "trigger=shell +2.1"


class EventTyper:
    """Scores a bag of features against each ACLED sub-type; the type is the sub-types' summed probability."""

    def __init__(self, model: dict):
        self.labels: list[tuple[str, str]] = [tuple(label.split("|", 1)) for label in model["labels"]]  # type: ignore[misc]
        self.bias: list[float] = model["bias"]
        self.weights: dict[str, list[float]] = model["weights"]
        self.triggers: frozenset[str] = frozenset(model["triggers"])

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> EventTyper:
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as error:
            raise RuntimeError(f"{path}: event typing model unreadable ({error}); run train/events.py") from error

    def type(self, features: list[str], among: frozenset[str] | None = None) -> Typing:
        """The most probable type (of those in `among`, when given) and its most probable sub-type.

        The probability is relative to the types allowed."""
        scores = list(self.bias)
        known = [f for f in dict.fromkeys(features) if f in self.weights]
        for feature in known:
            for k, w in enumerate(self.weights[feature]):
                scores[k] += w
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        by_type: dict[str, float] = {}
        for (event_type, _), e in zip(self.labels, exp, strict=True):
            if among is None or event_type in among:
                by_type[event_type] = by_type.get(event_type, 0.0) + e / total
        event_type = max(by_type, key=by_type.__getitem__)
        probability = by_type[event_type] / sum(by_type.values())
        best = max((k for k, label in enumerate(self.labels) if label[0] == event_type), key=scores.__getitem__)
        ranked = sorted(known, key=lambda f: -self.weights[f][best])
        reasons = tuple(f"{f} {self.weights[f][best]:+.1f}" for f in ranked[:EXPLAIN] if self.weights[f][best] > 0)
        return Typing(event_type, self.labels[best][1], probability, reasons)


@lru_cache(maxsize=1)
def default_typer() -> EventTyper:
    return EventTyper.load()
