"""Stage 2, extract: read each article with spaCy and fill an `Analysis` through registered stages.

    extractor = Extractor()                 # loads the model once
    for analysis in extractor.pipe(articles): ...
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Literal

from factfile.extract.nlp import load_model
from factfile.extract.registry import DEFAULT_STAGES, build, stages
from factfile.records import Analysis, Article, Rejection

ENGLISH = ("en", None)

log = logging.getLogger(__name__)


class Extractor:
    """spaCy parsing in batches, then each registered stage in order."""

    def __init__(self, stage_names: tuple[str, ...] = DEFAULT_STAGES, batch_size: int = 16):
        self.nlp = load_model()
        self.stages = build(stage_names)
        self.batch_size = batch_size

    def pipe(self, articles: Iterable[Article], errors: Literal["raise", "reject"] = "raise") -> Iterator[Analysis | Rejection]:
        """Analyses in input order. Articles in other languages are read by `extract.lang` (its
        models load on the first such article): an English model finds only noise in them.

        With `errors="reject"` an article on which a stage fails becomes a `Rejection` naming the
        stage, and the rest of the batch goes on: one odd page must not stop a corpus-sized run."""
        articles = list(articles)
        english = [a for a in articles if a.language in ENGLISH]
        docs = iter(self.nlp.pipe((a.text for a in english), batch_size=self.batch_size))
        for article in articles:
            analysis = Analysis(article=article)
            if article.language not in ENGLISH:
                yield self._foreign(article, errors)
                continue
            doc = next(docs)
            for name, stage in self.stages:
                try:
                    stage(doc, analysis)
                except Exception as error:
                    if errors == "raise":
                        raise
                    log.debug("stage %r failed on %s", name, article.origin, exc_info=True)
                    yield Rejection(article.origin, f"extraction failed in stage '{name}' ({type(error).__name__}: {error})")
                    break
            else:
                yield analysis

    @staticmethod
    def _foreign(article: Article, errors: Literal["raise", "reject"]) -> Analysis | Rejection:
        from factfile.extract.lang import analyse

        try:
            return analyse(article)
        except Exception as error:
            if errors == "raise":
                raise
            log.debug("reading %s (%s) failed", article.origin, article.language, exc_info=True)
            return Rejection(article.origin, f"extraction failed for language '{article.language}' ({type(error).__name__}: {error})")

    def __call__(self, article: Article) -> Analysis:
        analysis = next(self.pipe([article]))
        assert isinstance(analysis, Analysis)  # errors="raise" never yields a Rejection
        return analysis


__all__ = ["DEFAULT_STAGES", "Extractor", "stages"]
