"""The attribution tagger: a linear-chain CRF labels each token as source, cue, content or none.

PolNeAR annotations are univocal (a token belongs to at most one attribution role), so attribution
finding is sequence labelling with BIO tags; relations.py then groups the tagged spans into
attributions. The model and the reporting-word lexicon are trained by `train/attribution.py`.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

import numpy
from spacy.tokens import Doc

from factfile.errors import FactfileError
from factfile.extract.statements.features import FeatureIds

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
        self.crf = Crf(model)
        self._features = FeatureIds(self.crf.attributes, self.crf.unknown)

    def tag(self, doc: Doc) -> list[TaggedSpan]:
        spans: list[TaggedSpan] = []
        sequences, rows = self._features(doc, self.cue_lemmas)
        for indexes, labels in zip(sequences, self.crf.label_rows(rows, [len(indexes) for indexes in sequences]), strict=True):
            spans.extend(spans_from_labels(indexes, labels))
        return spans


class Crf:
    """crfsuite's Viterbi labelling (`pycrfsuite.Tagger.tag`) of a trained model, for all of a document's
    sequences at once: its per-sequence calls, each turning every feature string into crfsuite's own
    strings, cost as much as making the features. The same labels by the same arithmetic: a token's score
    for a label adds its known attributes' weights in the token's feature order, starting from 0 (an
    unknown attribute, or one without a feature for that label, adds 0.0, which changes no sum); a step
    adds the transition weight to the previous score, keeps the first best previous label, then adds
    the token's score; all in doubles, as crfsuite's floatval_t."""

    def __init__(self, path: Path):
        data = path.read_bytes()
        magic, _, kind, _, _, _, _, features, labels, attributes, _, _ = struct.unpack_from("<4sI4s9I", data)
        if magic != b"lCRF" or kind != b"FOMC" or data[features : features + 4] != b"FEAT":
            raise FactfileError(f"{path}: not a crfsuite CRF1d model")
        (count,) = struct.unpack_from("<I", data, features + 8)
        layout = numpy.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
        table = numpy.frombuffer(data, dtype=layout, count=count, offset=features + 12)
        self.labels = _quarks(data, labels)
        self.attributes = {name: i for i, name in enumerate(_quarks(data, attributes))}
        self.unknown = len(self.attributes)  # the all-zero row
        size = len(self.labels)
        self.state = numpy.zeros((self.unknown + 1, size))
        self.transition = numpy.zeros((size, size))
        for kind_, weights in ((0, self.state), (1, self.transition)):
            chosen = table[table["type"] == kind_]
            weights[chosen["src"], chosen["dst"]] = chosen["weight"]

    def tag(self, sequences: list[list[list[str]]]) -> list[list[str]]:
        """The labels of each sequence of feature lists, as `pycrfsuite.Tagger.tag` gives them."""
        return self.label([self.ids(features) for features in sequences])

    def ids(self, features: list[list[str]]) -> numpy.ndarray:
        """One row a token: its features' attribute ids in order, `unknown` for an unknown one and after its last."""
        lookup, unknown = self.attributes.get, self.unknown
        counts = numpy.fromiter(map(len, features), dtype=numpy.int64, count=len(features))
        flat = numpy.fromiter(
            map(lookup, chain.from_iterable(features), repeat(unknown)), dtype=numpy.int64, count=int(counts.sum())
        )
        ids = numpy.full((len(features), int(counts.max(initial=0))), unknown)
        starts = numpy.cumsum(counts) - counts
        ids[numpy.repeat(numpy.arange(len(features)), counts), numpy.arange(len(flat)) - numpy.repeat(starts, counts)] = flat
        return ids

    def label(self, sequences: list[numpy.ndarray]) -> list[list[str]]:
        """The labels of each sequence given as attribute ids (`ids`), one row a token."""
        if not sequences:
            return []
        width = max(ids.shape[1] for ids in sequences)
        rows = numpy.concatenate(
            [numpy.pad(ids, ((0, 0), (0, width - ids.shape[1])), constant_values=self.unknown) for ids in sequences]
        )
        return self.label_rows(rows, [len(ids) for ids in sequences])

    def label_rows(self, rows: numpy.ndarray, lengths: list[int]) -> list[list[str]]:
        """The labels of consecutive sequences of `lengths` tokens, given as attribute ids one row a token."""
        if not lengths:
            return []
        scores = numpy.zeros((len(rows), len(self.labels)))
        for column in rows.T:  # column by column: each token's weights added in its features' order
            scores += self.state[column]
        ends = numpy.cumsum(lengths).tolist()
        paths = _viterbi([scores[end - n : end] for n, end in zip(lengths, ends, strict=True)], self.transition)
        return [[self.labels[i] for i in path] for path in paths]


def _viterbi(scores: list[numpy.ndarray], transition: numpy.ndarray) -> list[list[int]]:
    """The best label path of each sequence (token scores, one row a token), every sequence a step at a
    time together: the longest first, the ended ones dropping out."""
    order = sorted(range(len(scores)), key=lambda k: -len(scores[k]))
    lengths = numpy.array([len(scores[k]) for k in order])
    longest, size = int(lengths[0]), transition.shape[0]
    table = numpy.zeros((len(order), longest, size))
    for row, k in enumerate(order):
        table[row, : len(scores[k])] = scores[k]
    back = numpy.zeros((len(order), longest, size), dtype=numpy.int64)
    current = table[:, 0].copy()
    active = len(order)
    sequence, label = numpy.arange(len(order))[:, None], numpy.arange(size)[None, :]
    for t in range(1, longest):
        while lengths[active - 1] <= t:
            active -= 1
        step = current[:active, :, None] + transition  # previous label i, next label j
        best = step.argmax(axis=1)  # the first best, as crfsuite's strict comparison keeps
        back[:active, t] = best
        current[:active] = step[sequence[:active], best, label] + table[:active, t]
    path = numpy.zeros((len(order), longest), dtype=numpy.int64)
    rows = numpy.arange(len(order))
    path[rows, lengths - 1] = current.argmax(axis=1)
    active = 0
    for t in range(longest - 1, 0, -1):
        while active < len(order) and lengths[active] > t:
            active += 1
        path[:active, t - 1] = back[rows[:active], t, path[:active, t]]
    found: list[list[int]] = [[] for _ in order]
    for row, k in enumerate(order):
        found[k] = path[row, : lengths[row]].tolist()
    return found


def _quarks(data: bytes, offset: int) -> list[str]:
    """The strings of a crfsuite quark database (CQDB) at `offset`, by id: its backward array points at each
    record (id, key size, the NUL-terminated key)."""
    if data[offset : offset + 4] != b"CQDB":
        raise FactfileError("crfsuite model: string table missing")
    size, offsets = struct.unpack_from("<2I", data, offset + 16)
    found = []
    for record in numpy.frombuffer(data, dtype="<u4", count=size, offset=offset + offsets).tolist():
        key, length = struct.unpack_from("<iI", data, offset + record)
        if key != len(found):
            raise FactfileError("crfsuite model: string table out of order")
        found.append(data[offset + record + 8 : offset + record + 7 + length].decode("utf-8"))
    return found


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
