"""The memoised attribute ruler and lemmatizer, and the matrix products through numpy, give the stock model's
annotations, token by token."""

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from factfile.extract.nlp import MODEL, load_model
from factfile.extract.spacy_memo import MemoLemmatizer, MemoRuler

TEXTS = [
    "Ukraine's military said on Tuesday that Russian forces had blown up the Kakhovka dam.\n\nThe Kremlin denied it.",
    "Y'all ain't gonna believe it: let's go, c'mon. There are some who'd say nothin' happened, and it's not over.",
    "I did it for you and they gave it to me. Whether or not he has done so, the ministry does not know.",
    "That is what that means.   Those were the days; which one? He is, isn't he, and we've been there.",
    "  \n Mr Prigozhin, whose Wagner fighters marched on Moscow, was said to be in Belarus. The plane crashed.",
]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def test_factfiles_model_runs_the_memoised_components():
    nlp = load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler"), MemoRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)


def test_factfiles_model_multiplies_through_numpy():
    nlp = load_model()
    nodes = [node for _, pipe in nlp.pipeline if hasattr(pipe, "model") for node in pipe.model.walk()]
    assert nodes and not any(node.ops.use_blis for node in nodes)


def test_same_annotations_as_the_stock_components():
    stock = spacy.load(MODEL)
    stock.add_pipe("paragraph_breaks", before="parser")
    memo = load_model()
    assert memo.pipe_names == stock.pipe_names
    for _ in range(2):  # the second time from the caches
        for text in TEXTS:
            ours, theirs = memo(text), stock(text)
            assert (ours.to_array(COLUMNS) == theirs.to_array(COLUMNS)).all(), text
            assert [(t.lemma_, t.pos_, str(t.morph), t.dep_) for t in ours] == [(t.lemma_, t.pos_, str(t.morph), t.dep_) for t in theirs]


def test_the_lemmatizers_word_index_is_looked_up_as_sets():
    index = load_model().get_pipe("lemmatizer").lemmatizer.lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())


def test_a_line_break_starts_a_sentence():
    doc = load_model()("KYIV, June 6\nThe dam was destroyed on Tuesday morning, officials said  \n\n Water rose in Kherson.")
    starts = {token.text for token in doc if token.is_sent_start}
    assert {"KYIV", "The", "Water"} <= starts
