"""Whole-pipeline throughput and memory against bare spaCy and bare trafilatura on the same inputs.

Inputs: the extraction benchmark pages and the PolNeAR dev texts (../shared/data). Each measurement
runs in its own process so its peak RSS is its own:
- pipeline, 1 and 2 workers: `Pipeline(...).ingest(...)` into a new store (read, extract text, NLP and
  every extraction stage, relate, store);
- bare spaCy: `nlp.pipe` of the same model, as spaCy loads it, over the same article texts (the practical
  upper limit; factfile's own copy of the model memoises two of its components, extract/spacy_memo.py),
  run before and after the 1-worker pipeline and averaged, since the machine's speed drifts from one
  minute to the next; and the same with two processes (how far two cores of this machine scale a
  parsing load). Each measured thing loads its models before the clock starts: bare spaCy its model
  (`spacy.load`), the pipeline what `extract.nlp.preload` loads, which is what the pipeline itself loads
  before it forks its workers (the spaCy model, Faker's first names, the countries' names, English word
  frequencies, the attribution tagger, the event typer). What a page in another language needs first
  (its word frequencies, lingua, natasha, the multilingual encoder) is loaded on first use, inside the clock;
- bare spaCy with numpy's products: the same, with the models' matrix products through numpy as
  factfile's model does them (extract/nlp.numpy_matrices): where BLIS does not recognise the CPU and
  runs its generic kernel, the pipeline is measured against this too, which leaves that gain out;
- bare trafilatura: `trafilatura.extract` of the same HTML pages.
Printed as articles/s, peak RSS, and the ratios the bars are about (measured in this run), with the
CPU seconds per article (the measuring process and its workers) beside them: on a shared machine
wall-clock rates follow the other jobs, CPU time much less. Bare spaCy parses every article's text,
as the pipeline reads every article; the pipeline reads the 20 articles in other languages with
`factfile/extract/lang/` instead of spaCy. `--english-only` keeps the English inputs alone: the English
throughput, which must not pay for the readers of other languages.

    python bench/pipeline.py
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HTML = SHARED / "data/article-extraction-benchmark/html"
TEXTS = SHARED / "data/polnear/dev/text"


def sample(every: int) -> list[str]:
    """Every `every`-th benchmark page and PolNeAR text (all of them when 1), in a stable order."""
    files = sorted(HTML.iterdir())[::every] + sorted(TEXTS.iterdir())[::every]
    return [str(f) for f in files]


def english_only(inputs: list[str]) -> list[str]:
    """The inputs whose article is in English (decided before any clock starts): the English throughput
    alone, which must not pay for the readers of other languages."""
    english = {item.origin for item, article in _articles(inputs) if article.language == "en"}
    return [path for path in inputs if path in english]


def _peak_mb() -> tuple[float, float]:
    """(peak RSS of this process, largest peak RSS of any finished child process) in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(run) -> dict:
    """Wall and CPU seconds of `run()`, which returns the number of articles it handled."""
    cpu, began = _cpu_seconds(), time.perf_counter()
    articles = run()
    return {"articles": articles, "seconds": time.perf_counter() - began, "cpu_seconds": _cpu_seconds() - cpu}


def _articles(inputs: list[str]):
    from factfile.errors import IngestError
    from factfile.ingest import read_items, to_article
    from factfile.records import Rejection

    for item in read_items(inputs):
        if isinstance(item, Rejection):
            continue
        try:
            yield item, to_article(item)
        except IngestError:
            continue


def measure_pipeline(inputs: list[str], workers: int) -> dict:
    """What the pipeline loads before forking its workers (`preload`: the spaCy model and the English
    pages' resources) is loaded before the clock starts, as bare spaCy's model is; everything else the
    pipeline sets up (stages, relaters, the worker processes, what other languages load on first use) is timed."""
    from factfile.extract.nlp import preload
    from factfile.pipeline import Pipeline
    from factfile.store import Store

    preload()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(str(Path(folder) / "bench.db"))
        return _timed(lambda: Pipeline(store, workers=workers).ingest(inputs).stored)


def measure_spacy(inputs: list[str], processes: int = 1, numpy_products: bool = False) -> dict:
    """Bare spaCy; with 2 processes (`nlp.pipe(n_process=2)`) it shows how far this machine's two cores
    scale a parsing load at all, the reference for the pipeline's 2-worker figure (smaller batches
    there, so the two processes' shares of long and short texts even out)."""
    import spacy

    from factfile.extract.nlp import MODEL

    texts = [article.text for _, article in _articles(inputs)]
    nlp = spacy.load(MODEL)
    if numpy_products:
        from factfile.extract.nlp import numpy_matrices

        numpy_matrices(nlp)

    def parse() -> int:
        for _ in nlp.pipe(texts, batch_size=16 if processes == 1 else 4, n_process=processes):
            pass
        return len(texts)

    return _timed(parse)


def measure_trafilatura(inputs: list[str]) -> dict:
    import trafilatura

    pages = [item.payload for item, _ in _articles(inputs) if item.kind == "html"]

    def extract() -> int:
        for page in pages:
            trafilatura.extract(page)
        return len(pages)

    return _timed(extract)


def run_one(kind: str, workers: int, every: int, english: bool = False) -> dict:
    """Run one measurement in a fresh interpreter; its figures plus peak RSS."""
    command = [sys.executable, __file__, "--measure", kind, "--workers", str(workers), "--every", str(every)]
    command += ["--english-only"] if english else []
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"{kind} measurement failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--measure", choices=["pipeline", "spacy", "spacy-numpy", "trafilatura"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--every", type=int, default=1, help="use every N-th input file (a quicker, smaller run)")
    parser.add_argument("--english-only", action="store_true", help="only the inputs whose text is English")
    args = parser.parse_args()
    if args.measure:
        inputs = sample(args.every)
        if args.english_only:
            inputs = english_only(inputs)
        measures = {
            "pipeline": lambda: measure_pipeline(inputs, args.workers),
            "spacy": lambda: measure_spacy(inputs, args.workers),
            "spacy-numpy": lambda: measure_spacy(inputs, args.workers, numpy_products=True),
            "trafilatura": lambda: measure_trafilatura(inputs),
        }
        figures = measures[args.measure]()
        figures["peak_mb"], figures["child_peak_mb"] = _peak_mb()
        print(json.dumps(figures))
        return

    runs = {  # bare spaCy before and after the 1-worker pipeline: the machine's speed drifts between runs
        "bare trafilatura": ("trafilatura", 1),
        "bare spaCy nlp.pipe": ("spacy", 1),
        "pipeline, 1 worker": ("pipeline", 1),
        "bare spaCy, again": ("spacy", 1),
        "bare spaCy, 2 procs": ("spacy", 2),
        "pipeline, 2 workers": ("pipeline", 2),
        "bare spaCy, numpy": ("spacy-numpy", 1),
    }
    results = {}
    for name, (kind, workers) in runs.items():
        r = results[name] = run_one(kind, workers, args.every, args.english_only)
        r["rate"] = r["articles"] / r["seconds"]
        r["cpu_per_article"] = r["cpu_seconds"] / r["articles"]
        print(
            f"{name:<22} {r['articles']:>4} articles in {r['seconds']:7.1f} s = {r['rate']:6.2f} articles/s "
            f"({r['cpu_per_article']:.3f} CPU s/article); "
            f"peak RSS {r['peak_mb']:.0f} MB (largest child process {r['child_peak_mb']:.0f} MB)",
            flush=True,
        )
    one, two = results["pipeline, 1 worker"], results["pipeline, 2 workers"]
    before, after = results["bare spaCy nlp.pipe"], results["bare spaCy, again"]
    spacy = {key: (before[key] + after[key]) / 2 for key in ("cpu_seconds", "rate")}
    by_rate = one["rate"] / spacy["rate"]
    checks = [
        ("pipeline (1 worker) / bare spaCy (mean of the runs before and after)", by_rate, ">= 0.6", by_rate >= 0.6),
        ("pipeline 2 workers / 1 worker", two["rate"] / one["rate"], ">= 1.7", two["rate"] / one["rate"] >= 1.7),
    ]
    for label, ratio, bar, ok in checks:
        print(f"{label}: {ratio:.2f}x (bar: {bar}) {'PASS' if ok else 'FAIL'}")
    spacy2 = results["bare spaCy, 2 procs"]
    print(f"reference: bare spaCy 2 processes / 1 process: {spacy2['rate'] / spacy['rate']:.2f}x (what two cores give a parsing load here)")
    by_cpu = spacy["cpu_seconds"] / one["cpu_seconds"]
    print(f"pipeline (1 worker) / bare spaCy by CPU time: {by_cpu:.2f}x (wall-clock ratio above is the bar's)")
    same_products = results["bare spaCy, numpy"]["cpu_seconds"] / one["cpu_seconds"]
    print(f"pipeline (1 worker) / bare spaCy with numpy's products, by CPU time: {same_products:.2f}x (the pipeline's work beyond the parse alone)")
    per_worker = max(one["peak_mb"], two["child_peak_mb"])
    print(f"peak RSS per worker: {per_worker:.0f} MB (bar: < 1536 MB) {'PASS' if per_worker < 1536 else 'FAIL'}")


if __name__ == "__main__":
    main()
