"""The attribution CRF run without crfsuite's tagger: the same attributes per token, the same labels."""

import numpy
import pycrfsuite
import pytest

from factfile.extract.nlp import load_model
from factfile.extract.statements.features import featurised
from factfile.extract.statements.tagger import MODEL_FILE, _viterbi, default_tagger, spans_from_labels

TEXTS = [
    "Ukraine's military said on Tuesday that Russian forces had blown up the Kakhovka dam.\n\nThe Kremlin denied it, said Dmitry Peskov.",
    '"We will not stop," the minister told reporters. "Never." According to officials, 40 people were killed.\n'
    "He believes the strike, which Kyiv blamed on Moscow, was planned.",
    "“This is a crime,” Zelensky wrote on Telegram, adding that the water level was rising.\n\n"
    "Officials in Kherson, who asked not to be named, said evacuations were under way. Residents were told to leave.",
    "Short line.\nAnother.\n\n\n“Open quote across\n\nparagraphs” he said, and she told him that it was over, she said.",
    "",
]


@pytest.fixture(scope="module")
def reference():
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_FILE))
    return tagger


def test_same_attributes_in_the_same_order_as_the_feature_strings():
    tagger = default_tagger()
    known = tagger.crf.attributes
    for doc in load_model().pipe(TEXTS):
        sequences = featurised(doc, tagger.cue_lemmas)
        indexes, rows = tagger._features(doc, tagger.cue_lemmas)
        assert indexes == [i for i, _ in sequences]
        strings = [features for _, features in sequences for features in features]
        assert len(rows) == len(strings)
        for features, row in zip(strings, rows, strict=True):
            assert [known[f] for f in features if f in known] == [int(i) for i in row if i != tagger.crf.unknown]


def test_same_labels_and_spans_as_crfsuite(reference):
    tagger = default_tagger()
    for doc in load_model().pipe(TEXTS):
        sequences = featurised(doc, tagger.cue_lemmas)
        labels = [reference.tag(features) for _, features in sequences]
        assert tagger.crf.tag([features for _, features in sequences]) == labels
        assert tagger.tag(doc) == [
            span for (indexes, _), found in zip(sequences, labels, strict=True) for span in spans_from_labels(indexes, found)
        ]


def test_sequences_of_unequal_length_are_labelled_as_each_alone():
    transition = default_tagger().crf.transition
    random = numpy.random.default_rng(7)
    scores = [random.normal(size=(length, len(transition))) for length in (5, 1, 9, 3, 9)]
    assert _viterbi(scores, transition) == [_viterbi([one], transition)[0] for one in scores]


def test_the_model_file_reads_as_crfsuite_reads_it(reference):
    crf = default_tagger().crf
    assert crf.labels == reference.labels()
    assert len(crf.attributes) == int(reference.info().header["num_attrs"])
