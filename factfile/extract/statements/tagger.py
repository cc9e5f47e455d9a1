"""The attribution tagger: a linear-chain CRF labels each token as source, cue, content or none.

PolNeAR annotations are univocal (a token belongs to at most one attribution role), so attribution
finding is sequence labelling with BIO tags; relations.py then groups the tagged spans into
attributions. The model and the reporting-word lexicon are trained by `train/attribution.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from factfile.errors import FactfileError
from factfile.extract.statements.features import featurised

MODEL_DIR = Path(__file__).parent / "model"
MODEL_FILE = MODEL_DIR / "attribution.crfsuite"
LEXICON_FILE = MODEL_DIR / "cues.tsv"
EDGES_FILE = MODEL_DIR / "cue-edges.tsv"
ROLE_OF_TAG = {"SRC": "source", "CUE": "cue", "CON": "content"}


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of tokens with one role; `start`/`end` are token indexes into the Doc (end exclusive)."""

    role: str
    start: int
    end: int


def read_lexicon(path: Path = LEXICON_FILE) -> dict[str, float]:
    """Cue lemma -> how often it is a cue where it occurs in training."""
    if not path.exists():
        raise FactfileError(f"{path}: attribution lexicon missing (run train/attribution.py)")
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {row[0]: float(row[2]) for row in rows}


def read_edges(path: Path = EDGES_FILE) -> dict[tuple[str, str], frozenset[str]]:
    """(side, part of speech of the cue word there) -> words gold cues take in beside it."""
    if not path.exists():
        raise FactfileError(f"{path}: cue edge table missing (run train/attribution.py)")
    table: dict[tuple[str, str], set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        side, pos, word, *_ = line.split("\t")
        table.setdefault((side, pos), set()).add(word)
    return {key: frozenset(words) for key, words in table.items()}


class Tagger:
    patterns_win = True  # the parse patterns' spans replace the CRF's on the same words (see find_attributions)

    def __init__(self, model: Path = MODEL_FILE, lexicon: Path = LEXICON_FILE, edges: Path = EDGES_FILE):
        if not model.exists():
            raise FactfileError(f"{model}: attribution model missing (run train/attribution.py)")
        self.cue_lemmas = read_lexicon(lexicon)
        self.cue_edges = read_edges(edges)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))

    def tag(self, doc: Doc) -> list[TaggedSpan]:
        spans: list[TaggedSpan] = []
        for indexes, features in featurised(doc, self.cue_lemmas):
            spans.extend(spans_from_labels(indexes, self._tagger.tag(features)))
        return spans


def spans_from_labels(indexes: list[int], labels: list[str]) -> list[TaggedSpan]:
    """Runs of I- tags after a B- (or a stray I-) of the same role, as token spans."""
    spans: list[TaggedSpan] = []
    role = None
    start = previous = -1
    for index, label in zip(indexes, labels, strict=True):
        prefix, _, tag = label.partition("-")
        continues = prefix == "I" and ROLE_OF_TAG.get(tag) == role and index == previous + 1
        if role is not None and not continues:
            spans.append(TaggedSpan(role, start, previous + 1))
            role = None
        if prefix in ("B", "I") and not continues:
            role, start = ROLE_OF_TAG[tag], index
        previous = index
    if role is not None:
        spans.append(TaggedSpan(role, start, previous + 1))
    return spans


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return Tagger()
