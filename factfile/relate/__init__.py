"""Stage 3, relate: connect one new document to what the store already knows.

A relater is registered by name and called inside the document's write transaction with a `Linking`
context; the `actors` relater maps each within-document chain to a store actor, later relaters (copies,
stories, corroboration) see those actor ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from sqlalchemy.orm import Session

from factfile import registry
from factfile.records import Analysis
from factfile.registry import preparers, relaters
from factfile.store.schema import Document

DEFAULT_RELATERS: tuple[str, ...] = ("actors", "posts", "copies", "stories", "outlets")


@dataclass
class Linking:
    session: Session
    analysis: Analysis
    document: Document
    actor_of_chain: dict[int, int] = field(default_factory=dict)
    # Work a relater leaves for after the document's records are stored, given the new statements' ids.
    after_records: list[Callable[[list[int]], None]] = field(default_factory=list)


Relater = Callable[[Linking], None]


def build(names: tuple[str, ...] = DEFAULT_RELATERS) -> list[Relater]:
    registry.check("relater", names)
    return [relaters.get(name)() for name in names]


def prepare(analysis: Analysis, names: tuple[str, ...] = DEFAULT_RELATERS) -> Analysis:
    """Fill `analysis.prepared` with the per-document work of the named relaters that have any."""
    for name, work in _preparers(names):
        try:
            analysis.prepared[name] = work(analysis.article)
        except LookupError:  # no word list for the detected language (wordfreq): weigh it as an unknown one
            analysis.prepared[name] = work(replace(analysis.article, language=None))
    return analysis


@cache
def _preparers(names: tuple[str, ...]) -> tuple[tuple[str, Callable], ...]:
    """The preparers of `names`, looked up once: catalogue reads the installed packages' entry points at
    every lookup, which cost about 2 ms a document."""
    registry.load("preparer")
    return tuple((name, preparers.get(name)) for name in names if name in preparers)
