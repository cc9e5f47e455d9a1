"""Russian and Ukrainian models, loaded once per process on the first text that needs them.

natasha (MIT) ships slovnet's news NER model and navec embeddings inside its wheel; pymorphy3 (MIT)
with its OpenCorpora Russian dictionary (pymorphy3-dicts-ru, MIT) gives lemmas of declined words. The
Ukrainian dictionary (pymorphy3-dicts-uk, GPL-3.0 data) is an optional extra: without it Ukrainian
words are lemmatised by the Russian dictionary where they coincide and kept as written otherwise.
English text never imports any of this.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Ner:
    """slovnet's NER tagger; it reads Russian news and, less well, Ukrainian."""

    segmenter: Any
    tagger: Any


@lru_cache(maxsize=1)
def ner() -> Ner:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Ner(Segmenter(), NewsNERTagger(NewsEmbedding()))


@lru_cache(maxsize=2)
def analyzer(language: str) -> Any:
    """pymorphy3's analyser for "ru" or "uk" (Russian when the Ukrainian dictionary is not installed)."""
    import pymorphy3

    if language == "uk":
        try:
            return pymorphy3.MorphAnalyzer(lang="uk")
        except (ValueError, ImportError, OSError):
            pass
    return pymorphy3.MorphAnalyzer(lang="ru")


def entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, PER | ORG | LOC) spans found by the NER model."""
    from natasha import Doc

    model = ner()
    doc = Doc(text)
    doc.segment(model.segmenter)
    doc.tag_ner(model.tagger)
    return [(span.start, span.stop, span.type) for span in doc.spans]
