"""What the events, places, times and quantities stages cost, as a ratio to spaCy's parse of the same
articles measured in the same run (so the figure does not depend on the machine).

    python bench/events.py [--data ../shared/data/polnear/dev/text] [--repeat 2]

Prints seconds for the spaCy parse, for the stages that ran before (sentences, mentions, chains,
descriptions) and for each of this feature's stages, and the feature's total as a share of the parse.
The gazetteer index is opened (and built, on a machine's first run) before timing starts.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from factfile.extract.gazetteer import load_gazetteer
from factfile.extract.nlp import load_model
from factfile.extract.registry import DEFAULT_STAGES, build
from factfile.ingest import read_items, to_article
from factfile.records import Analysis

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
FEATURE = ("times", "places", "quantities", "events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the articles; the fastest counts")
    args = parser.parse_args()

    paths = sorted(p for p in args.data.iterdir() if p.suffix == ".txt")
    articles = [to_article(item) for item in read_items([str(p) for p in paths])]
    for article in articles:
        article.published = article.published or date(2016, 10, 1)
    nlp = load_model()
    stages = build(DEFAULT_STAGES)
    load_gazetteer().lookup("warm up")
    characters = sum(len(a.text) for a in articles)

    best_parse, best_stage = float("inf"), defaultdict(lambda: float("inf"))
    for _ in range(args.repeat):
        started = time.perf_counter()
        docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
        best_parse = min(best_parse, time.perf_counter() - started)
        spent: dict[str, float] = defaultdict(float)
        for article, doc in zip(articles, docs, strict=True):
            analysis = Analysis(article=article)
            for name, stage in stages:
                started = time.perf_counter()
                stage(doc, analysis)
                spent[name] += time.perf_counter() - started
        for name, seconds in spent.items():
            best_stage[name] = min(best_stage[name], seconds)

    print(f"{len(articles)} articles, {characters:,} characters, best of {args.repeat} passes")
    print(f"spaCy parse (reference)       {best_parse:8.3f} s")
    earlier = sum(s for n, s in best_stage.items() if n not in FEATURE)
    print(f"earlier stages                {earlier:8.3f} s   ratio {earlier / best_parse:.3f}")
    for name in FEATURE:
        print(f"  {name:<27} {best_stage[name]:8.3f} s   ratio {best_stage[name] / best_parse:.3f}")
    total = sum(best_stage[n] for n in FEATURE)
    print(f"events+places+times+quantities {total:7.3f} s   ratio to parse {total / best_parse:.3f}")


if __name__ == "__main__":
    main()
