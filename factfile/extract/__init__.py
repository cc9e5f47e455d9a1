"""Stage 2, extract: read each article with spaCy and fill an `Analysis` through registered stages.

    extractor = Extractor()                 # loads the model once
    for analysis in extractor.pipe(articles): ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factfile.extract import chains, descriptions, events, facts, mentions, places, quantities, sentences, statements, times  # noqa: F401,E501
from factfile.extract.nlp import load_model
from factfile.extract.registry import DEFAULT_STAGES, build, stages
from factfile.records import Analysis, Article

ENGLISH = ("en", None)


class Extractor:
    """spaCy parsing in batches, then each registered stage in order."""

    def __init__(self, stage_names: tuple[str, ...] = DEFAULT_STAGES, batch_size: int = 16):
        self.nlp = load_model()
        self.stages = build(stage_names)
        self.batch_size = batch_size

    def pipe(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyses in input order. Articles in other languages are stored without analysis:
        an English model finds only noise in them."""
        articles = list(articles)
        english = [a for a in articles if a.language in ENGLISH]
        docs = iter(self.nlp.pipe((a.text for a in english), batch_size=self.batch_size))
        for article in articles:
            analysis = Analysis(article=article)
            if article.language in ENGLISH:
                doc = next(docs)
                for _, stage in self.stages:
                    stage(doc, analysis)
            yield analysis

    def __call__(self, article: Article) -> Analysis:
        return next(self.pipe([article]))


__all__ = ["DEFAULT_STAGES", "Extractor", "stages"]
