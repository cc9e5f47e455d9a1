"""Run every fuzz target under atheris for a number of executions and print executions and crashes.

    python fuzz/run.py --runs 100000                # each target 100,000 executions
    python fuzz/run.py --runs 200000 --only warc jsonl
    python fuzz/run.py --runs 100000 --runs-for html=20000 dates=20000   # slow targets get fewer

Each target starts from seeds made from the test data (fuzz/seeds.py) plus the corpus it grew in
earlier runs (fuzz/corpus/TARGET, not committed). A crash, a hang over --timeout seconds or memory over
--rss-mb is saved as fuzz/crashes/TARGET-crash-*; re-run one with `python fuzz/fuzz.py TARGET FILE`.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from seeds import write_seeds  # noqa: E402

TARGETS = ("html", "text", "jsonl", "warc", "feed", "sniff", "dates", "warc_damage", "api")
MAX_LEN = {"html": 16384, "text": 8192, "warc": 16384, "feed": 16384, "jsonl": 8192, "sniff": 4096, "dates": 128,
           "warc_damage": 512, "api": 6000}


def _findings(crashes: Path, name: str) -> list[Path]:
    """Inputs libFuzzer saved for a crash, a hang (timeout) or memory exhaustion (oom); not slow-unit reports."""
    return [p for kind in ("crash", "timeout", "oom", "leak") for p in crashes.glob(f"{name}-{kind}-*")]


def run_target(name: str, runs: int, timeout: int, rss_mb: int, max_seconds: int = 0) -> dict:
    seeds = HERE / "seeds" / name
    corpus = HERE / "corpus" / name
    crashes = HERE / "crashes"
    for folder in (corpus, crashes):
        folder.mkdir(parents=True, exist_ok=True)
    write_seeds(name, seeds)
    before = set(_findings(crashes, name))
    command = [
        sys.executable, str(HERE / "fuzz.py"), name, f"-atheris_runs={runs}", f"-timeout={timeout}",
        f"-rss_limit_mb={rss_mb}", f"-report_slow_units={timeout}", f"-max_len={MAX_LEN[name]}", f"-artifact_prefix={crashes}/{name}-",
        "-print_final_stats=1", *([f"-max_total_time={max_seconds}"] if max_seconds else []), str(corpus), str(seeds),
    ]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, errors="replace")
    seconds = time.perf_counter() - started
    log = finished.stdout + finished.stderr
    (HERE / "logs").mkdir(exist_ok=True)
    (HERE / "logs" / f"{name}.log").write_text(log)
    executions = (re.findall(r"stat::number_of_executed_units:\s*(\d+)", log) or re.findall(r"Done (\d+) in", log)
                  or re.findall(r"^#(\d+)\s", log, re.M))  # the last progress line, if stopped early
    new_crashes = sorted(set(_findings(crashes, name)) - before)
    interrupted = "libFuzzer: run interrupted" in log  # stopped by SIGINT: ends early, not a finding
    return {
        "target": name,
        "executions": int(executions[-1]) if executions else 0,
        "seconds": seconds,
        "exit": 0 if interrupted and not new_crashes else finished.returncode,
        "crashes": [p.name for p in new_crashes],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000, help="executions per target")
    parser.add_argument("--runs-for", nargs="*", default=[], metavar="TARGET=N", help="executions for particular targets")
    parser.add_argument("--only", nargs="*", choices=TARGETS, help="targets to run (default: all)")
    parser.add_argument("--timeout", type=int, default=20, help="seconds one input may take before it counts as a hang")
    parser.add_argument("--rss-mb", type=int, default=2048)
    parser.add_argument("--max-seconds", type=int, default=0, help="stop each target after this long (0: no limit)")
    args = parser.parse_args()

    runs = {name: args.runs for name in TARGETS}
    for setting in args.runs_for:
        name, _, count = setting.partition("=")
        if name not in runs or not count.isdigit():
            parser.error(f"--runs-for expects TARGET=N with TARGET one of {', '.join(TARGETS)}, not {setting!r}")
        runs[name] = int(count)
    total = 0
    failed = False
    print(f"{'target':8} {'executions':>11} {'seconds':>8} {'exec/s':>7}  crashes")
    for name in args.only or TARGETS:
        result = run_target(name, runs[name], args.timeout, args.rss_mb, args.max_seconds)
        total += result["executions"]
        failed |= bool(result["crashes"]) or result["exit"] != 0
        rate = result["executions"] / result["seconds"] if result["seconds"] else 0
        crashes = ", ".join(result["crashes"]) or ("none" if result["exit"] == 0 else f"exit {result['exit']}, see fuzz/logs/{name}.log")
        print(f"{name:8} {result['executions']:>11,} {result['seconds']:>8.0f} {rate:>7.0f}  {crashes}", flush=True)
    print(f"total executions: {total:,}; {'CRASHES FOUND' if failed else 'no crash'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
