"""SIGKILL `factfile ingest` at random points, many times, and count the kills the store survived.

    python bench/crash.py --kills 200            # SQLite, forked children (timed and injected kills)
    python bench/crash.py --kills 20 --exec 5    # plus 5 kills of the real command and its workers

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

from crashing import CrashLoop, make_corpus, reference_run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="SIGKILLs of forked ingest children")
    parser.add_argument("--exec", type=int, default=0, dest="exec_kills", help="SIGKILLs of the real command (slower)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the real command")
    parser.add_argument("--documents", type=int, default=12, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="factfile-crash-") as tmp:
        workdir = Path(tmp)
        corpus = make_corpus(workdir / "corpus", args.documents)
        reference = reference_run(workdir, corpus)
        print(f"corpus: {len(reference.fingerprint)} articles; clean run {reference.seconds:.1f} s, "
              f"{reference.statements} SQL statements and commits", flush=True)
        started = time.perf_counter()
        loop = CrashLoop(workdir, corpus, reference, seed=args.seed, exec_workers=args.workers)
        report = loop.run(args.kills, methods=("timed", "injected"), log=lambda line: print(line, flush=True))
        if args.exec_kills:  # counted on top of the forked kills
            report = loop.run(args.kills + args.exec_kills, methods=("exec",), log=lambda line: print(line, flush=True))
        print(f"SIGKILL bench ({time.perf_counter() - started:.0f} s): {report.summary()}")
        for line in report.inconsistencies[:20]:
            print("  " + line)
        return 1 if report.inconsistencies else 0


if __name__ == "__main__":
    sys.exit(main())
