"""SIGKILL `factfile ingest` at random points, many times, and count the kills the store survived.

    python bench/crash.py --kills 200 --full 20 --exec 4
        200 kills of forked ingest children that reuse the parent's NLP (cached analyses; fast), then
        20 of children that run the whole pipeline, then 4 of the real command and its workers
    python bench/crash.py --kills 0 --concurrent 50 --writers 2
        50 rounds of two ingests of the same corpus into one fresh store at once: both must exit 0 and
        the store must hold every document exactly once, whole

Prints progress every 10 kills and a final line: kills, kills survived with a consistent store,
completed re-runs (each checked to store exactly the missing documents) and inconsistencies found.
Exit status 1 if any inconsistency was found.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from crashing import CrashLoop, concurrent_ingests, make_corpus, reference_run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="SIGKILLs of forked ingest children with cached NLP")
    parser.add_argument("--full", type=int, default=0, help="SIGKILLs of forked ingest children running spaCy too")
    parser.add_argument("--exec", type=int, default=0, dest="exec_kills", help="SIGKILLs of the real command (slower)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the real command")
    parser.add_argument("--documents", type=int, default=12, help="articles in the corpus")
    parser.add_argument("--concurrent", type=int, default=0, help="rounds of concurrent ingests into one store")
    parser.add_argument("--writers", type=int, default=2, help="ingests started at once in each concurrent round")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="factfile-crash-") as tmp:
        workdir = Path(tmp)
        corpus = make_corpus(workdir / "corpus", args.documents)
        reference = reference_run(workdir, corpus, cached_nlp=True)
        print(f"corpus: {len(reference.fingerprint)} articles; clean run {reference.seconds:.1f} s "
              f"({reference.cached_seconds:.1f} s with cached NLP), {reference.statements} SQL statements and commits", flush=True)
        started = time.perf_counter()
        log = lambda line: print(line, flush=True)  # noqa: E731
        fast = CrashLoop(workdir / "cached", corpus, reference, seed=args.seed, cached_nlp=True)
        (workdir / "cached").mkdir()
        report = fast.run(args.kills, methods=("timed", "injected"), log=log)
        print(f"cached NLP: {report.summary()}", flush=True)
        if args.full or args.exec_kills:
            (workdir / "full").mkdir()
            full = CrashLoop(workdir / "full", corpus, reference, seed=args.seed, exec_workers=args.workers)
            if args.full:
                full.run(args.full, methods=("timed", "injected"), log=log)
            if args.exec_kills:
                full.run(args.full + args.exec_kills, methods=("exec",), log=log)
            print(f"full pipeline: {full.report.summary()}", flush=True)
            report.kills += full.report.kills
            report.completed_runs += full.report.completed_runs
            report.inconsistencies += full.report.inconsistencies
            for method, n in full.report.by_method.items():
                report.by_method[f"full-{method}"] = n
        print(f"SIGKILL bench ({time.perf_counter() - started:.0f} s): {report.summary()}")
        for line in report.inconsistencies[:20]:
            print("  " + line)
        failed = bool(report.inconsistencies)
        if args.concurrent:
            started = time.perf_counter()
            (workdir / "concurrent").mkdir()
            together = concurrent_ingests(workdir / "concurrent", corpus, reference, args.concurrent, args.writers, log=log)
            print(f"concurrent bench ({time.perf_counter() - started:.0f} s, {args.writers} writers a round): {together.summary()}")
            for line in together.inconsistencies[:20]:
                print("  " + line)
            failed = failed or bool(together.inconsistencies)
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
