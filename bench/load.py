"""Does the server hold its load while an ingest writes? Requests/s and latency on loopback, twice.

    python bench/load.py --db demo-output/factfile.db --rate 200 --seconds 20

1. copies the store (--db; else builds one from --corpus), so every run starts from the same data and
   the original is left alone;
2. starts `factfile serve --workers 2` on the copy, exactly as a user would, with `--rate`/`--burst` (the
   documented per-client limit) raised above the offered load: every request here comes from one address,
   and this measures capacity, not the limiter;
3. warm-up, then a reference phase: an open-loop load of --rate requests/s for --seconds (bench/openloop.py:
   latency from when each request was due), a reader's mix of API lists, search, details and dossiers, and
   the HTML dossier, document, search and home pages, popular actors and documents asked for more often;
4. the same load while a real `factfile ingest` process stores --ingest (articles not yet in the store)
   into the same store, measured from its first stored document on.

Prints both phases, the server's CPU time per request, how many documents the ingest stored meanwhile, the
load average, and whether the bar (--rate achieved, p99 < 200 ms, no errors, while ingesting) was held.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
import openloop  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
FACTFILE = str(Path(sys.executable).with_name("factfile"))
WORDS = ("Trump", "Clinton", "police", "election", "Russia", "Ukraine", "Apple", "said", "government", "court")


def cpu_seconds(root: int) -> float:
    """User + system CPU time of a process and all its descendants (uvicorn's workers), from /proc."""
    total = 0.0
    pending = [root]
    while pending:
        pid = pending.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_store(source: str, target: Path) -> None:
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)


def request_mix(base: str, seed: int = 0) -> list[tuple[str, str]]:
    """(kind, path) pairs in a reader's proportions; an item of rank r is asked for about 1/r as often."""
    with httpx.Client(base_url=base, timeout=60) as client:
        actors = [a["id"] for a in client.get("/api/actors", params={"limit": 40}).json()["items"]]
        documents = [d["id"] for d in client.get("/api/documents", params={"limit": 60}).json()["items"]]
    if not actors or not documents:
        raise SystemExit("the store has no actors or documents to ask for")
    chooser = random.Random(seed)

    def popular(ids: list[int], n: int) -> list[int]:
        return chooser.choices(ids, weights=[1 / rank for rank in range(1, len(ids) + 1)], k=n)

    mix = []
    for name in ("actors", "documents", "statements", "events"):
        mix += [("api list", f"/api/{name}?limit=20")] * 6 + [("api list", f"/api/{name}?limit=20&offset=20")] * 2
    mix += [("api search", f"/api/search?q={word}") for word in WORDS * 2]
    mix += [("api detail", f"/api/actors/{i}") for i in popular(actors, 12)]
    mix += [("api detail", f"/api/documents/{i}") for i in popular(documents, 12)]
    mix += [("api dossier", f"/api/actors/{i}/dossier") for i in popular(actors, 8)]
    mix += [("html dossier", f"/actors/{i}") for i in popular(actors, 10)]
    mix += [("html document", f"/documents/{i}") for i in popular(documents, 12)]
    mix += [("html other", "/")] * 4 + [("html other", f"/search?q={word}") for word in WORDS[:4]]
    return mix


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/actors?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer within 2 minutes")


def documents(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]


def measure(name: str, port: int, mix, rate: float, seconds: float, server: subprocess.Popen, seed: int) -> openloop.Result:
    cpu = cpu_seconds(server.pid)
    result = asyncio.run(openloop.run("127.0.0.1", port, mix, rate, seconds, seed))
    server_cpu = cpu_seconds(server.pid) - cpu
    print(f"{name}: {result.summary()}", flush=True)
    print(f"  server: CPU {server_cpu / max(1, result.ok) * 1000:.2f} ms/request; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores", flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200, help="requests per second to offer")
    parser.add_argument("--seconds", type=float, default=20, help="length of each measured phase")
    parser.add_argument("--db", help="the store to serve (copied first); without it one is built from --corpus")
    parser.add_argument("--corpus", default=str(SHARED / "data" / "polnear" / "dev" / "text"), help="articles to build a store from")
    parser.add_argument("--ingest", default=str(SHARED / "data" / "polnear" / "train" / "text"),
                        help="articles (not yet in the store) ingested during the second phase")
    parser.add_argument("--workers", type=int, default=2, help="server processes (`factfile serve --workers`)")
    parser.add_argument("--serve-option", action="append", default=[], help="extra `factfile serve` option, e.g. --serve-option=--no-cache")
    parser.add_argument("--nice", type=int, default=0, help="run the ingest with `factfile ingest --nice N`")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="factfile-load-") as tmp:
        db = Path(tmp) / "load.db"
        if args.db:
            copy_store(args.db, db)
        else:
            started = time.perf_counter()
            subprocess.run([FACTFILE, "--db", str(db), "ingest", "-q", "--workers", "2", args.corpus], check=True)
            print(f"store built from {args.corpus} in {time.perf_counter() - started:.0f} s", flush=True)
        port = free_port()
        limit = str(int(args.rate * 100))
        server = subprocess.Popen(
            [FACTFILE, "--db", str(db), "serve", "--port", str(port), "--workers", str(args.workers),
             "--rate", limit, "--burst", limit, *args.serve_option],
            stderr=subprocess.DEVNULL,
        )
        ingest = None
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base, server)
            mix = request_mix(base)
            print(f"store: {documents(db)} documents; {len(set(mix))} distinct requests in the mix; "
                  f"server: factfile serve --workers {args.workers} {' '.join(args.serve_option)}", flush=True)
            asyncio.run(openloop.run("127.0.0.1", port, mix, args.rate, 5, seed=0))  # warm-up
            reference = measure("no ingest", port, mix, args.rate, args.seconds, server, seed=1)

            before = documents(db)
            ingest = subprocess.Popen([FACTFILE, "--db", str(db), "ingest", "-q", "--nice", str(args.nice), args.ingest],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while documents(db) == before and ingest.poll() is None:  # the NLP models load; measure from the first write
                time.sleep(0.2)
            first = documents(db)
            loaded = measure("during ingest", port, mix, args.rate, args.seconds, server, seed=2)
            stored, running = documents(db) - first, ingest.poll() is None
            print(f"  ingest (nice {args.nice}): stored {stored} documents during the phase ({stored / loaded.seconds:.2f}/s), "
                  f"{'still running' if running else 'finished'} at its end")
            print(f"ratio during/no ingest: throughput {loaded.achieved / max(reference.achieved, 1e-9):.2f}, "
                  f"p99 {loaded.percentile(99) / reference.percentile(99):.2f}")
            held = loaded.achieved >= 0.98 * args.rate and loaded.percentile(99) < 200 and not loaded.errors and running
            print(f"bar ({args.rate:.0f} req/s, p99 < 200 ms, no errors, while ingesting): {'held' if held else 'NOT held'}")
            return 0 if held else 1
        finally:
            for process in (ingest, server):
                if process is not None and process.poll() is None:
                    process.send_signal(signal.SIGTERM)
                    try:
                        process.wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        process.kill()


if __name__ == "__main__":
    sys.exit(main())
