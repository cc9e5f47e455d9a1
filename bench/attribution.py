"""Time of the whole extraction pipeline (spaCy parse + every stage, attribution included) against a
bare spaCy parse of the same texts, as a ratio measured in the same run. Bar: ratio <= 1.5.

    .venv/bin/python bench/attribution.py [--polnear ../shared/data/polnear] [--rounds 2] [--tagger encoder]

Texts: the PolNeAR dev articles, parsed by the same full spaCy pipeline (`load_model`, `nlp.pipe`,
the extractor's batch size) on both sides. Times are this process's CPU time, not wall-clock: on a
shared machine other jobs stretch wall-clock time by whatever they happen to take. Rounds alternate
bare and full runs and keep each one's best.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from factfile.config import attribution_tagger
from factfile.extract import Extractor
from factfile.extract.nlp import load_model
from factfile.extract.statements.polnear import load_split
from factfile.records import Article

ROOT = Path(__file__).resolve().parent.parent


def _timed(stage: Callable, name: str, spent: dict[str, float]) -> Callable:
    """The stage, adding its CPU time to `spent[name]`."""

    def run(doc, analysis) -> None:
        started = time.process_time()
        stage(doc, analysis)
        spent[name] += time.process_time() - started

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tagger", choices=("crf", "encoder"), help="attribution tagger (default: FACTFILE_ATTRIBUTIONS, else crf)")
    args = parser.parse_args()
    if args.tagger:
        os.environ["FACTFILE_ATTRIBUTIONS"] = args.tagger

    texts = [a.text for a in load_split(args.polnear / "dev")]
    articles = [
        Article(origin=f"dev/{i}", text=t, content_hash=hashlib.sha256(t.encode()).hexdigest(), language="en")
        for i, t in enumerate(texts)
    ]
    nlp = load_model()
    extractor = Extractor()
    list(extractor.pipe(articles[:2]))  # load the models before timing
    spent = {name: 0.0 for name, _ in extractor.stages}
    extractor.stages = [(name, _timed(stage, name, spent)) for name, stage in extractor.stages]

    bare = full = float("inf")
    same_pass = []
    statements = 0
    for _ in range(args.rounds):
        spent.update(dict.fromkeys(spent, 0.0))
        started = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=extractor.batch_size):
            pass
        bare = min(bare, time.process_time() - started)
        started = time.process_time()
        statements = sum(len(a.statements) for a in extractor.pipe(articles))
        elapsed = time.process_time() - started
        full = min(full, elapsed)
        same_pass.append(elapsed / (elapsed - sum(spent.values())))

    words = sum(len(t.split()) for t in texts)
    print(f"attribution tagger: {attribution_tagger()}")
    print(f"{len(texts)} PolNeAR dev articles, {words:,} words, {statements:,} statements; best of {args.rounds} rounds")
    print(f"bare spaCy parse        {bare:8.2f} s CPU")
    print(f"full extract pipeline   {full:8.2f} s CPU  (stages: {', '.join(name for name, _ in extractor.stages)})")
    print("stages (CPU s, last round): " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in spent.items()))
    print(f"ratio full / bare       {full / bare:8.2f}   (bar: <= 1.50)")
    # Under load even CPU times drift between runs; the pipeline's own parse, timed in the same
    # pass as its stages, is the steadier reference.
    print(f"ratio full / its parse  {statistics.median(same_pass):8.2f}   (median of rounds; parse = full minus the stages)")


if __name__ == "__main__":
    main()
