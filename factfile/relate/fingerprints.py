"""Text fingerprints for finding copies: word shingles, a stop-word skeleton, names and numbers.

Three views of one text, each robust to a different way of copying it:
- `words`: overlapping 5-word shingles. A verbatim, truncated, padded or re-ordered copy keeps most of
  them (re-ordering only breaks the shingles that span a paragraph boundary).
- `skeleton`: shingles of the stop-word sequence (Stamatatos' stop-word n-grams). A spun copy swaps
  content words for synonyms ("rare attack" -> "uncommon assault") but keeps "the ... of ... to the".
- `anchors`: names and numbers, in order. They survive spinning and translation alike.

Each view is MinHashed (datasketch) and cut into LSH bands; a band key is one 64-bit integer, so the
index is an ordinary indexed table and a new document is matched without rebuilding anything.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from datasketch import MinHash

WORD_N = 5
SKELETON_N = 8
ANCHOR_N = 3
NUM_PERM = 64
ROWS_PER_BAND = 2  # 32 bands: a pair with Jaccard 0.2 becomes a candidate with p = 0.73, 0.3 with p = 0.95
KINDS = ("words", "skeleton")
SCHEME = "affine32"  # datasketch permutation scheme; part of what a stored band key means

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class Fingerprint:
    """The shingle sets of one text, one per view: sorted unique 64-bit hashes."""

    words: np.ndarray
    skeleton: np.ndarray
    anchors: np.ndarray
    token_count: int

    def view(self, kind: str) -> np.ndarray:
        return getattr(self, kind)


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop-word list for the language (English when unknown or not covered)."""
    code = (language or "en").split("-")[0].lower()
    try:
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        module = importlib.import_module("spacy.lang.en.stop_words")
    return frozenset(w.casefold() for w in module.STOP_WORDS)


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def anchors(raw_tokens: list[str], language: str | None = None) -> list[str]:
    """Names (capitalised words that are not stop words) and numbers, in text order."""
    stops = stop_words(language)
    return [
        t.casefold()
        for t in raw_tokens
        if t[0].isdigit() or (t[0].isupper() and len(t) > 1 and t.casefold() not in stops)
    ]


def fingerprint(text: str, language: str | None = None, with_anchors: bool = True) -> Fingerprint:
    """All views of a text; `with_anchors=False` skips names and numbers (only needed to compare)."""
    if with_anchors:
        raw = _TOKEN.findall(text)
        words = [t.casefold() for t in raw]
    else:
        words = _TOKEN.findall(text.casefold())
    hashes = np.fromiter(map(_hash64, words), dtype=np.uint64, count=len(words))
    is_stop = np.isin(hashes, _stop_hashes(language))
    names = anchors(raw, language) if with_anchors else []
    return Fingerprint(
        words=_shingles(hashes, WORD_N),
        skeleton=_shingles(hashes[is_stop], SKELETON_N),
        anchors=_shingles(np.fromiter(map(_hash64, names), dtype=np.uint64, count=len(names)), ANCHOR_N),
        token_count=len(words),
    )


@cache
def _stop_hashes(language: str | None) -> np.ndarray:
    return np.array(sorted(_hash64(w) for w in stop_words(language)), dtype=np.uint64)


_MULTIPLIER = np.uint64(0x100000001B3)


def _shingles(items: np.ndarray, n: int) -> np.ndarray:
    """Hashes of every run of n items (a polynomial rolling hash over stable per-item hashes)."""
    if len(items) == 0:
        return items
    n = min(n, len(items))
    count = len(items) - n + 1
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(n):
            combined = combined * _MULTIPLIER + items[offset : offset + count]
    return np.unique(combined)


@lru_cache(maxsize=1 << 19)
def _hash64(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "little")


def signature(shingles: np.ndarray, kind: str) -> np.ndarray:
    """The view's MinHash signature (NUM_PERM 32-bit values); empty for an empty view."""
    if len(shingles) == 0:
        return np.zeros(0, dtype=np.uint32)
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_permutations(kind), scheme=SCHEME)
    minhash.update_batch(shingles & np.uint64(0xFFFFFFFF))  # its permutations expect 32-bit hash values
    return minhash.hashvalues.astype(np.uint32)


def band_keys(values: np.ndarray, kind: str) -> list[int]:
    """LSH band keys of a signature: documents sharing any key are candidates for a closer look."""
    keys = []
    for band in range(len(values) // ROWS_PER_BAND):
        rows = values[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND].tobytes()
        digest = hashlib.blake2b(rows, digest_size=8, person=f"{kind}:{band}".encode()).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def estimated_containment(a: np.ndarray, a_size: int, b: np.ndarray, b_size: int) -> float:
    """Containment of the smaller set in the larger, estimated from MinHash signatures and set sizes."""
    if len(a) == 0 or len(a) != len(b):
        return 0.0
    j = float(np.mean(a == b))
    return min(1.0, j * (a_size + b_size) / ((1 + j) * min(a_size, b_size)))


@cache
def _permutations(kind: str):
    """The view's MinHash permutations: fixed seeds, so stored band keys stay valid across runs."""
    return MinHash(num_perm=NUM_PERM, seed=KINDS.index(kind) + 1, scheme=SCHEME).permutations


def _identity(value):
    return value


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller set found in the larger one: 1.0 when one text is a cut of the other."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) == 0 or len(b) == 0:
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)
