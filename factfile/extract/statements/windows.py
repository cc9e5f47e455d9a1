"""Encoder input windows: runs of whole sentences cut into wordpieces, shared by training and tagging.

A window packs consecutive sentences up to `MAX_PIECES` wordpieces, so a quote and the "he said"
after it are usually seen together; a sentence longer than that is cut into pieces of its own.
Each wordpiece keeps its character offsets into the article, which is how gold labels reach it in
training and how its predicted label reaches the spaCy token it falls in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_PIECES = 126  # plus [CLS] and [SEP]: 128


@dataclass(slots=True)
class Window:
    ids: list[int]  # wordpiece ids, without [CLS]/[SEP]
    offsets: list[tuple[int, int]]  # character offsets of each wordpiece in the article


def windows(tokenizer, text: str, sentences: Sequence[tuple[int, int]], max_pieces: int = MAX_PIECES) -> list[Window]:
    """Windows over the given sentences (character ranges of `text`), in text order."""
    if not sentences:
        return []
    encoded = tokenizer([text[a:b] for a, b in sentences], add_special_tokens=False, return_offsets_mapping=True)
    result: list[Window] = []
    current = Window([], [])
    for (start, _), ids, offsets in zip(sentences, encoded["input_ids"], encoded["offset_mapping"], strict=True):
        shifted = [(start + a, start + b) for a, b in offsets]
        if current.ids and len(current.ids) + len(ids) > max_pieces:
            result.append(current)
            current = Window([], [])
        for k in range(0, len(ids), max_pieces):
            if current.ids and len(current.ids) + len(ids[k : k + max_pieces]) > max_pieces:
                result.append(current)
                current = Window([], [])
            current.ids.extend(ids[k : k + max_pieces])
            current.offsets.extend(shifted[k : k + max_pieces])
    if current.ids:
        result.append(current)
    return result
