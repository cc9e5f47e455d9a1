"""Does the API hold its load while an ingest writes? Requests/s and latency on loopback, twice.

    python bench/load.py --rate 200 --seconds 30

1. builds a store from --corpus with `factfile ingest`;
2. starts the real app (`create_app`, security middleware installed) under uvicorn, one process, with
   the per-client rate limit raised above --rate: every request here comes from one address;
3. reference: an open-loop load of --rate requests/s for --seconds, a mix of API reads (search,
   actor lists and dossiers, documents, statements, events);
4. the same load while `factfile ingest` stores --ingest into the same store (SQLite WAL).

Latency counts from when a request was due, not when it was sent, so a stalled server shows up in the
percentiles instead of silently lowering the rate. Prints both phases and the ratios between them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
FACTFILE = str(Path(sys.executable).with_name("factfile"))

SERVER = """
import sys, uvicorn
from factfile.serve.api import create_app
from factfile.serve.security import ServeSettings
from factfile.store import Store
rate = float(sys.argv[3])
app = create_app(Store(sys.argv[1]), ServeSettings(rate=rate * 10, burst=int(rate * 10)))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else float("nan")

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(self.errors.items())) or "none"
        return (f"{self.name:16} {len(self.latencies):6} ok in {self.seconds:5.1f} s = {self.rate:6.1f} req/s; latency ms "
                f"p50 {self.percentile(50):6.1f}  p90 {self.percentile(90):6.1f}  p99 {self.percentile(99):6.1f}  "
                f"max {self.percentile(100):7.1f}; errors: {errors}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request_mix(base: str) -> list[str]:
    """Paths of real objects in the store, in the proportions a reader's session has."""
    with httpx.Client(base_url=base, timeout=30) as client:
        actors = [a["id"] for a in client.get("/api/actors", params={"limit": 50}).json()["items"]]
        documents = [d["id"] for d in client.get("/api/documents", params={"limit": 50}).json()["items"]]
    if not actors or not documents:
        raise SystemExit("the store has no actors or documents to ask for")
    paths = []
    for word in ("Trump", "Clinton", "police", "election", "said"):
        paths += [f"/api/search?q={word}"] * 2
    paths += [f"/api/actors/{a}" for a in actors[:10]] + [f"/api/actors/{a}/dossier" for a in actors[:5]]
    paths += [f"/api/documents/{d}" for d in documents[:10]]
    paths += ["/api/actors?limit=20", "/api/documents?limit=20", "/api/statements?limit=20", "/api/events?limit=20"] * 3
    return paths


async def load(base: str, paths: list[str], rate: float, seconds: float, name: str, seed: int) -> Phase:
    phase = Phase(name)
    chooser = random.Random(seed)
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:

        async def one(path: str, due: float) -> None:
            try:
                response = await client.get(path)
                if response.status_code == 200:
                    phase.latencies.append(time.perf_counter() - due)
                else:
                    phase.errors[f"HTTP {response.status_code}"] = phase.errors.get(f"HTTP {response.status_code}", 0) + 1
            except httpx.HTTPError as exc:
                phase.errors[type(exc).__name__] = phase.errors.get(type(exc).__name__, 0) + 1

        started = time.perf_counter()
        tasks = []
        for n in range(int(rate * seconds)):
            due = started + n / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(chooser.choice(paths), due)))
        await asyncio.gather(*tasks)
        phase.seconds = time.perf_counter() - started
    return phase


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


def documents(base: str) -> int:
    return httpx.get(base + "/api/documents", params={"limit": 1}, timeout=30).json()["total"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200, help="requests per second to offer")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--corpus", default=str(SHARED / "data" / "polnear" / "dev" / "text"), help="articles in the store before")
    parser.add_argument("--ingest", default=str(SHARED / "data" / "article-extraction-benchmark" / "html"),
                        help="articles ingested during the second phase")
    parser.add_argument("--db", help="reuse this store (skips building it)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="factfile-load-") as tmp:
        db = args.db or str(Path(tmp) / "load.db")
        if not args.db:
            started = time.perf_counter()
            subprocess.run([FACTFILE, "--db", db, "ingest", "-q", "--workers", "2", args.corpus], check=True)
            print(f"store built from {args.corpus} in {time.perf_counter() - started:.0f} s", flush=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port), str(args.rate)])
        ingest = None
        try:
            wait_until_up(base, server)
            paths = request_mix(base)
            asyncio.run(load(base, paths, args.rate, 3, "warm-up", 0))
            before = documents(base)
            reference = asyncio.run(load(base, paths, args.rate, args.seconds, "no ingest", 1))
            print(reference.line(), flush=True)

            ingest = subprocess.Popen([FACTFILE, "--db", db, "ingest", "-q", "--workers", "1", args.ingest],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while documents(base) == before and ingest.poll() is None:  # the model loads; load starts at the first write
                time.sleep(0.5)
            during_start = documents(base)
            loaded = asyncio.run(load(base, paths, args.rate, args.seconds, "during ingest", 2))
            stored = documents(base) - during_start
            still = ingest.poll() is None
            print(loaded.line(), flush=True)
            print(f"ingest stored {stored} documents during the measurement and was {'still running' if still else 'finished'} at its end")
            print(f"ratio during/no ingest: throughput {loaded.rate / reference.rate:.2f}, "
                  f"p99 {loaded.percentile(99) / reference.percentile(99):.2f}")
            ok = loaded.rate >= 0.98 * args.rate and loaded.percentile(99) < 200 and not loaded.errors and still
            print(f"bar ({args.rate:.0f} req/s, p99 < 200 ms, no errors, while ingesting): {'held' if ok else 'NOT held'}")
            return 0 if ok else 1
        finally:
            for process in (ingest, server):
                if process is not None and process.poll() is None:
                    process.send_signal(signal.SIGTERM)
                    process.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
