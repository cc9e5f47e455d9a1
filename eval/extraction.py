"""Main-text extraction quality on the article-extraction benchmark (181 real news pages).

Scores factfile's ingest path (HTML → Article.text, as stored) and bare `trafilatura.extract` with
default settings on the same pages, with the benchmark's own metric: token 4-gram shingles, per-page
precision and recall averaged over pages, F1 of the averages, ± 1.96 bootstrap standard deviations.

    python eval/extraction.py [--data ../shared/data/article-extraction-benchmark]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from factfile.ingest import to_article
from factfile.records import RawItem

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingle matches of one page, normalised so that long pages do not weigh more."""
    gold, guess = shingles(true), shingles(pred)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def metrics(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(_precision(*r) for r in rows if r[0] + r[1] > 0)
    recall = statistics.mean(_recall(*r) for r in rows if r[0] + r[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def bootstrap(rows, rounds: int = 1000, seed: int = 0) -> tuple[float, float, float]:
    rng = random.Random(seed)
    samples = [metrics([rows[rng.randrange(len(rows))] for _ in rows]) for _ in range(rounds)]
    return tuple(1.96 * statistics.stdev(s[i] for s in samples) for i in range(3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--bootstrap", type=int, default=1000)
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes()) for key in truth}

    systems = {
        "factfile": lambda key, html: to_article(RawItem(origin=key, kind="html", payload=html)).text,
        f"trafilatura {trafilatura.__version__} (bare)": lambda key, html: trafilatura.extract(html) or "",
    }
    results = {}
    for name, extract in systems.items():
        started = time.perf_counter()
        rows = []
        for key, html in pages.items():
            try:
                predicted = extract(key, html)
            except Exception as error:  # a page the system cannot extract scores as empty output
                print(f"  {name}: {key}: {error}", file=sys.stderr)
                predicted = ""
            rows.append(tp_fp_fn(truth[key]["articleBody"], predicted))
        elapsed = time.perf_counter() - started
        results[name] = (metrics(rows), bootstrap(rows, args.bootstrap), elapsed)

    print(f"Article body extraction, {len(pages)} pages of {args.data.name} (4-gram shingle metric)")
    print(f"{'system':<32} {'precision':>15} {'recall':>15} {'F1':>15} {'time':>8}")
    for name, ((p, r, f), (pc, rc, fc), elapsed) in results.items():
        print(f"{name:<32} {p:.3f} ± {pc:.3f}   {r:.3f} ± {rc:.3f}   {f:.3f} ± {fc:.3f} {elapsed:7.1f}s")
    ours, bare = (results[name][0][2] for name in systems)
    met = ours >= 0.95 and ours >= bare - 0.005
    print(f"factfile F1 {ours:.4f} vs bare trafilatura {bare:.4f} (difference {ours - bare:+.4f}); "
          f"bar F1 ≥ 0.95 and ≥ bare − 0.005: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
