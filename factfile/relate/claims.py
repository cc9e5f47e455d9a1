"""Which stored statements may say the same thing: LSH keys of their contents' words.

Corroboration compares a statement's content with those of other statements from the same source
(relate/corroboration.py). A prolific source (a ministry, a president) has tens of thousands of
statements in a large store; reading and comparing them all for every listed statement made a dossier
page cost seconds. Instead each statement gets `BANDS` keys when it is stored: the content's words
(stop words left out, casefolded) are MinHashed and cut into bands of `ROWS` values. Two contents
share a key with probability 1 − (1 − J²)⁸ for the Jaccard similarity J of their word sets: 0.90 at
J = 0.5, 0.97 at 0.6, 0.995 at 0.7, 0.02 at 0.1. Only statements sharing a key are compared in full.

The MinHash is computed for many statements at once with numpy (one pass over all their words), so
indexing an existing store (migration 0009) takes seconds per million statements, not minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
from sqlalchemy import insert
from sqlalchemy.orm import Session

from factfile.relate.fingerprints import _hash64, stop_words
from factfile.store.schema import StatementBand

ROWS = 2  # the combination below is written for two rows per band
BANDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _seeds() -> np.ndarray:
    """One fixed 64-bit seed per hash function: stored keys stay valid across runs."""
    return np.random.RandomState(20230522).randint(0, 1 << 63, size=ROWS * BANDS, dtype=np.uint64)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: seeded with different values, it gives independent-looking hash functions
    (affine hashes a·x + b were correlated across seeds, so a pair's bands agreed or disagreed together)."""
    with np.errstate(over="ignore"):
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def words(content: str) -> list[int]:
    """Hashes of the content's distinct words, stop words left out (all words if it has nothing else)."""
    tokens = {t.casefold() for t in _WORD.findall(content)}
    content_words = tokens - stop_words("en") or tokens
    return sorted(_hash64(t) for t in content_words)


def keys_of(contents: Sequence[str]) -> list[list[int]]:
    """The band keys of each content (none for a content without words)."""
    hashed = [words(c) for c in contents]
    sizes = np.array([len(h) for h in hashed])
    result: list[list[int]] = [[] for _ in contents]
    present = np.flatnonzero(sizes)
    if len(present) == 0:
        return result
    flat = np.fromiter((h for i in present for h in hashed[i]), dtype=np.uint64, count=int(sizes.sum()))
    values = _mix(flat[:, None] ^ _seeds())
    starts = np.concatenate(([0], np.cumsum(sizes[present])[:-1]))
    minima = np.minimum.reduceat(values, starts, axis=0).astype(np.uint64)
    bands = minima.reshape(len(present), BANDS, ROWS)
    combined = _mix(bands[:, :, 0] ^ _mix(bands[:, :, 1] ^ _seeds()[:BANDS]))  # one 64-bit key per band
    for row, i in zip(combined.view(np.int64).tolist(), present.tolist(), strict=True):
        result[i] = row
    return result


def band_rows(statements: Iterable[tuple[int, str]]) -> list[dict]:
    """The `statement_bands` rows of (statement id, content) pairs: one per distinct key of each."""
    statements = list(statements)
    return [
        {"key": key, "statement_id": statement_id}
        for (statement_id, _), keys in zip(statements, keys_of([c for _, c in statements]), strict=True)
        for key in set(keys)
    ]


def index(session: Session, statements: Iterable[tuple[int, str]]) -> None:
    """Store the band keys of (statement id, content) pairs; the writer calls it for every new statement."""
    if rows := band_rows(statements):
        session.execute(insert(StatementBand), rows)
