"""Hostile HTTP against a real `factfile serve` with its default settings: the figures docs/reliability.md quotes.

    python bench/hostile.py [--db STORE] [--header-mb 200] [--requests 300] [--rate 1]

1. one request whose single header grows to --header-mb: the answer, how long it took, how much was sent;
2. --requests requests at once, each with its own X-Forwarded-For (as a client dodging the per-address
   limit would send them), then as many without the header: how many got 200 and how many 429;
3. ids and offsets of 2^63, 2^64 and -2^63-1 on a few routes: the statuses.

Exit status 1 if the head was not refused with a 4xx or the spoofed requests escaped the limit.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from probes import MB, free_port, huge_head  # noqa: E402  (the attack the tests send)

FACTFILE = [sys.executable, "-c", "from factfile.cli import app; app()"]


def statuses(port: int, requests: int, spoof: bool) -> collections.Counter:
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        return collections.Counter(
            client.get("/api/actors", params={"limit": 1}, headers={"X-Forwarded-For": f"198.51.{n // 250}.{n % 250 + 1}"} if spoof else {}).status_code
            for n in range(requests)
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store to serve (default: a new empty one)")
    parser.add_argument("--header-mb", type=int, default=200)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rate", type=float, default=10.0, help="the server's --rate: low, so that refills do not blur the counts (burst: 100)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factfile-hostile-") as tmp:
        port = free_port()
        db = args.db or str(Path(tmp) / "store.db")
        server = subprocess.Popen([*FACTFILE, "--db", db, "serve", "--port", str(port), "--rate", str(args.rate)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(600):
                try:
                    httpx.get(f"http://127.0.0.1:{port}/api/actors", params={"limit": 1}, timeout=2)
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            started = time.perf_counter()
            line, sent = huge_head(f"127.0.0.1:{port}", args.header_mb * MB, timeout=120)
            status, seconds = line.decode("latin-1"), time.perf_counter() - started
            print(f"{args.header_mb} MB header: {status!r} after {seconds:.2f} s, {sent / MB:.1f} MB sent", flush=True)
            time.sleep(100 / args.rate + 1)  # let the bucket (--burst 100) refill
            spoofed = statuses(port, args.requests, spoof=True)
            print(f"{args.requests} requests, each with its own X-Forwarded-For: {dict(sorted(spoofed.items()))}", flush=True)
            time.sleep(100 / args.rate + 1)
            plain = statuses(port, args.requests, spoof=False)
            print(f"{args.requests} requests without it: {dict(sorted(plain.items()))}", flush=True)
            time.sleep(2)
            big = collections.Counter()
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                for number in (2**63, 2**64, -(2**63) - 1):
                    for path, params in ((f"/api/actors/{number}", {}), ("/api/documents", {"offset": number}),
                                         ("/api/statements", {"about_actor_id": number}), (f"/documents/{number}", {})):
                        big[client.get(path, params=params).status_code] += 1
            print(f"ids and offsets beyond 64 bits: {dict(sorted(big.items()))}")
        finally:
            server.terminate()
            server.wait(30)
    refused = status.split(" ")[1:2] in (["431"], ["429"])
    return 0 if refused and spoofed.get(429, 0) and not any(code >= 500 for code in big) else 1


if __name__ == "__main__":
    sys.exit(main())
