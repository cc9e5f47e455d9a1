"""Marginal ingest cost per document as the store grows (the bar: at 100k within 1.3x of 1k).

The same fixed sample of real articles (the first `--sample` benchmark pages) is extracted once, timed
(extraction does not depend on the store; cached with its timing in bench/.cache), then prepared for the
relaters (`relate.prepare`: copy sketches, story terms, claim vectors), as `factfile ingest`'s workers
prepare each analysis before handing it to the writer, and timed apart from the store step. It is then
stored one transaction per document, as `factfile ingest` stores them, into a fresh copy of each
synthetic store (bench/synth.py). The writer and each relater are timed separately, since they are what
can grow with the store. One document is stored first into a scratch copy, so what a process loads once
(word lists, country names) is not counted per document at the first size. Costs are CPU time of this
process (wall time on a shared machine is mostly waiting).

    python bench/ingest.py [--sizes 1000,10000,100000] [--sample 100]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stores  # noqa: E402
import synth  # noqa: E402

from factfile.batch.codec import dumps, loads  # noqa: E402
from factfile.relate import DEFAULT_RELATERS, prepare, relaters  # noqa: E402
from factfile.relate import build as build_relaters  # noqa: E402
from factfile.relate.write import save  # noqa: E402
from factfile.store import Store  # noqa: E402


def sample_analyses(count: int) -> tuple[list, dict[str, float]]:
    """The sample's analyses and the extraction cost per document (ms: wall, CPU, and the load then),
    measured once and cached beside the analyses of bench/synth.py (extraction does not depend on the store)."""
    cache = synth.ANALYSES.with_name(f"sample-{count}-{synth.CODE}.jsonl")
    if cache.exists():
        head, *lines = cache.read_text(encoding="utf-8").splitlines()
        return [loads(line) for line in lines], json.loads(head)
    articles = synth.read_articles(synth.SOURCES[:1])[:count]
    began, began_cpu = time.perf_counter(), time.process_time()
    analyses = synth.extract(articles)
    cost = {
        "wall": (time.perf_counter() - began) * 1000 / len(articles),
        "cpu": (time.process_time() - began_cpu) * 1000 / len(articles),
        "load": synth.load_average(),
    }
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(cost) + "\n" + "".join(dumps(a) + "\n" for a in analyses), encoding="utf-8")
    return analyses, cost


def prepared(analyses: list) -> float:
    """Fill each analysis's `prepared` as the pipeline's workers do; CPU ms per document (the model
    loaded first, as a worker loads it once)."""
    prepare(analyses[0])
    began = time.process_time()
    for analysis in analyses:
        prepare(analysis)
    return (time.process_time() - began) * 1000 / len(analyses)


def warm_up(path: Path, analysis) -> None:
    """Store one document into a scratch copy of the store at `path`: what the relaters load once per
    process is loaded before anything is timed, and the claim model, which the writer loads for the first
    statement with a peer (relate/claim_vectors.py), one not every store's first document has."""
    from factfile.relate import embedding

    embedding.encode(["warm"])
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        copy = Path(scratch) / "store.db"
        stores.snapshot(path, copy)
        store = Store(copy)
        with store.transaction() as session:
            save(session, analysis, build_relaters())
        store.close()


def timed_relaters(spent: dict[str, list[float]]) -> list:
    """The default relaters, each adding its (wall, CPU) seconds to `spent[name]`."""
    build_relaters()

    def timing(name, relate):
        def call(linking):
            began, began_cpu = time.perf_counter(), time.process_time()
            relate(linking)
            spent[name][0] += time.perf_counter() - began
            spent[name][1] += time.process_time() - began_cpu

        return call

    return [timing(name, relaters.get(name)()) for name in DEFAULT_RELATERS]


def store_cost(path: Path, analyses: list) -> dict[str, tuple[float, float]]:
    """(wall, CPU) ms per document for the whole store step and for each relater, in a copy of the store at `path`."""
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        copy = Path(scratch) / "store.db"
        stores.snapshot(path, copy)
        store = Store(copy)
        spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        relate = timed_relaters(spent)
        began, began_cpu = time.perf_counter(), time.process_time()
        for analysis in analyses:
            with store.transaction() as session:
                save(session, analysis, relate)
        spent["store"] = [time.perf_counter() - began, time.process_time() - began_cpu]
        store.close()
    cost = {name: (wall * 1000 / len(analyses), cpu * 1000 / len(analyses)) for name, (wall, cpu) in spent.items()}
    cost["writer"] = tuple(cost["store"][i] - sum(cost[name][i] for name in DEFAULT_RELATERS) for i in (0, 1))
    return cost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--sample", type=int, default=100)
    args = parser.parse_args()
    sizes = sorted(int(x) for x in args.sizes.split(","))
    paths = stores.build_stores(sizes)
    analyses, extraction = sample_analyses(args.sample)
    print(f"extraction: {extraction['wall']:.1f} ms/document wall, {extraction['cpu']:.1f} ms CPU ({len(analyses)} real articles; load {extraction['load']})")
    extraction["prepare"] = prepared(analyses)
    print(f"prepared for the relaters (in the workers): {extraction['prepare']:.1f} ms CPU/document")
    warm_up(paths[sizes[0]], analyses[0])
    worker = extraction["cpu"] + extraction["prepare"]
    costs = {}
    for size in sizes:
        cost = costs[size] = store_cost(paths[size], analyses)
        parts = ", ".join(f"{name} {cost[name][1]:.1f}" for name in ("writer", *DEFAULT_RELATERS))
        print(
            f"ingest at {size:>7} documents, CPU ms/document: {worker + cost['store'][1]:.1f} = extraction {extraction['cpu']:.1f}"
            f" + prepare {extraction['prepare']:.1f} + store {cost['store'][1]:.1f} ({parts}); store wall {cost['store'][0]:.1f} ms (load {synth.load_average()})",
            flush=True,
        )
    small, large = sizes[0], sizes[-1]
    total = (worker + costs[large]["store"][1]) / (worker + costs[small]["store"][1])
    verdict = ("PASS" if total <= 1.3 else "FAIL") if large >= 100_000 else "not the bar's size (100000 documents)"
    print(f"ingest CPU per document at {large} / at {small}: {total:.2f}x (bar: <= 1.3x at 100k) {verdict};"
          f" store step alone {costs[large]['store'][1] / costs[small]['store'][1]:.2f}x")


if __name__ == "__main__":
    main()
