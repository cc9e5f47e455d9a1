"""Time of the whole extraction pipeline (spaCy parse + every stage, attribution included) against a
bare spaCy parse of the same texts, as a ratio measured in the same run. Bar: ratio <= 1.5.

    .venv/bin/python bench/attribution.py [--polnear ../shared/data/polnear] [--rounds 2]

Texts: the PolNeAR dev articles. Rounds alternate bare and full runs and keep each one's best time,
so that load from other processes on a shared machine hits both sides alike.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from factfile.extract import Extractor
from factfile.extract.nlp import load_model
from factfile.extract.statements.polnear import load_split
from factfile.records import Article

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    texts = [a.text for a in load_split(args.polnear / "dev")]
    articles = [
        Article(origin=f"dev/{i}", text=t, content_hash=hashlib.sha256(t.encode()).hexdigest(), language="en")
        for i, t in enumerate(texts)
    ]
    nlp = load_model()
    extractor = Extractor()
    list(extractor.pipe(articles[:2]))  # load the models before timing

    bare = full = float("inf")
    statements = 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=extractor.batch_size):
            pass
        bare = min(bare, time.perf_counter() - started)
        started = time.perf_counter()
        statements = sum(len(a.statements) for a in extractor.pipe(articles))
        full = min(full, time.perf_counter() - started)

    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} PolNeAR dev articles, {words:,} words, {statements:,} statements; best of {args.rounds} rounds")
    print(f"bare spaCy parse        {bare:8.2f} s")
    print(f"full extract pipeline   {full:8.2f} s  (stages: {', '.join(name for name, _ in extractor.stages)})")
    print(f"ratio full / bare       {full / bare:8.2f}   (bar: <= 1.50)")


if __name__ == "__main__":
    main()
