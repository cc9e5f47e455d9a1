"""Marginal ingest cost per document as the store grows (issue 8: at 100k within 1.3x of 1k).

The same fixed sample of real articles (the first `--sample` benchmark pages) is extracted once, timed
(extraction does not depend on the store), then stored one transaction per document, as `factfile
ingest` stores them, into a fresh copy of each synthetic store (bench/synth.py). The writer and each
relater are timed separately, since they are what can grow with the store.

    python bench/ingest.py [--sizes 1000,10000,100000] [--sample 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from factfile.relate import DEFAULT_RELATERS, relaters  # noqa: E402
from factfile.relate import build as build_relaters  # noqa: E402
from factfile.store import Store  # noqa: E402
from factfile.store.writer import save  # noqa: E402


def sample_analyses(count: int) -> tuple[list, float]:
    """The sample's analyses and the extraction time per document (ms)."""
    articles = synth.read_articles(synth.SOURCES[:1])[:count]
    began = time.perf_counter()
    analyses = synth.extract(articles)
    return analyses, (time.perf_counter() - began) * 1000 / len(articles)


def timed_relaters(spent: dict[str, float]) -> list:
    """The default relaters, each adding its time (seconds) to `spent[name]`."""
    build_relaters()

    def timing(name, relate):
        def call(linking):
            began = time.perf_counter()
            relate(linking)
            spent[name] += time.perf_counter() - began

        return call

    return [timing(name, relaters.get(name)()) for name in DEFAULT_RELATERS]


def store_cost(path: Path, analyses: list) -> dict[str, float]:
    """ms per document for the whole store step and for each relater, in a copy of the store at `path`."""
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        copy = Path(scratch) / "store.db"
        synth.snapshot(path, copy)
        store = Store(copy)
        spent: dict[str, float] = defaultdict(float)
        relate = timed_relaters(spent)
        per_document = []
        for analysis in analyses:
            began = time.perf_counter()
            with store.transaction() as session:
                save(session, analysis, relate)
            per_document.append(time.perf_counter() - began)
        store.close()
    n = len(analyses)
    cost = {"store": sum(per_document) * 1000 / n, "p50": statistics.median(per_document) * 1000}
    cost.update({name: spent[name] * 1000 / n for name in DEFAULT_RELATERS})
    cost["writer"] = cost["store"] - sum(cost[name] for name in DEFAULT_RELATERS)
    return cost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--sample", type=int, default=100)
    args = parser.parse_args()
    sizes = sorted(int(x) for x in args.sizes.split(","))
    paths = synth.build_stores(sizes)
    analyses, extraction = sample_analyses(args.sample)
    print(f"extraction: {extraction:.1f} ms/document ({len(analyses)} real articles; load {synth.load_average()})")
    costs = {}
    for size in sizes:
        cost = costs[size] = store_cost(paths[size], analyses)
        parts = ", ".join(f"{name} {cost[name]:.1f}" for name in ("writer", *DEFAULT_RELATERS))
        print(
            f"ingest at {size:>7} documents: {extraction + cost['store']:.1f} ms/document = extraction {extraction:.1f}"
            f" + store {cost['store']:.1f} ({parts}; median store {cost['p50']:.1f}) (load {synth.load_average()})",
            flush=True,
        )
    small, large = sizes[0], sizes[-1]
    total = (extraction + costs[large]["store"]) / (extraction + costs[small]["store"])
    print(f"ingest cost per document at {large} / at {small}: {total:.2f}x (bar: <= 1.3x) {'PASS' if total <= 1.3 else 'FAIL'};"
          f" store step alone {costs[large]['store'] / costs[small]['store']:.2f}x")


if __name__ == "__main__":
    main()
