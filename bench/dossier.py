"""Dossier latency as the store grows: 1k, 10k, 100k synthetic documents (bench/synth.py).

At each size, for the actor with the most mentions (at 100k it must have at least 10,000) and for a
sample of ordinary actors, it times server-side, warm:
- `serve.dossier.build_dossier` (what `factfile show` and `/api/actors/{id}/dossier` return);
- the web page `/actors/{id}`, rendered by the real app (FastAPI TestClient, no network).
It prints p50 and p95 of `--runs` runs, the bar for issue 7 (top actor's page < 300 ms at 100k) and
growth against the smallest store (sub-linear: the latency ratio is well below the size ratio).

    python bench/dossier.py [--sizes 1000,10000,100000] [--runs 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from factfile.serve.dossier import build_dossier  # noqa: E402
from factfile.store import Store  # noqa: E402
from factfile.store import schema as s  # noqa: E402

TARGET_MENTIONS = 10_000
BAR_MS = 300.0


def percentiles(call, runs: int) -> tuple[float, float]:
    """(p50, p95) milliseconds of `runs` calls after one warm-up call."""
    call()
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


def mention_counts(store: Store) -> list[tuple[int, int]]:
    """(actor id, mentions) for every live actor, most mentioned first."""
    with store.session() as session:
        return list(
            session.execute(
                select(s.Mention.actor_id, func.count())
                .join(s.Actor, s.Actor.id == s.Mention.actor_id)
                .where(s.Actor.merged_into_id.is_(None))
                .group_by(s.Mention.actor_id)
                .order_by(func.count().desc(), s.Mention.actor_id)
            ).tuples()
        )


def web_client(store: Store):
    from fastapi.testclient import TestClient

    from factfile.serve.api import create_app
    from factfile.serve.security import ServeSettings

    return TestClient(create_app(store, ServeSettings(rate=1e9, burst=10**9)))


def measure(path: Path, size: int, runs: int) -> dict[str, tuple[float, float]]:
    store = Store(path)
    client = web_client(store)
    counts = mention_counts(store)
    top_id, top_n = counts[0]
    sample = [a for a, _ in random.Random(size).sample(counts, min(10, len(counts)))]

    def dossier(actor_id):
        def call():
            with store.session() as session:
                build_dossier(session, actor_id)

        return call

    def page(actor_id):
        def call():
            response = client.get(f"/actors/{actor_id}")
            assert response.status_code == 200, response.status_code

        return call

    result = {"dossier": percentiles(dossier(top_id), runs), "page": percentiles(page(top_id), runs)}
    ordinary = [percentiles(page(a), max(3, runs // 5))[0] for a in sample]
    result["ordinary page"] = (statistics.median(ordinary), max(ordinary))
    print(
        f"at {size:>7} documents, top actor #{top_id} ({top_n} mentions): dossier p50 {result['dossier'][0]:.1f} ms"
        f" p95 {result['dossier'][1]:.1f} ms; web page p50 {result['page'][0]:.1f} ms p95 {result['page'][1]:.1f} ms;"
        f" ordinary actors' pages: median {result['ordinary page'][0]:.1f} ms, worst {result['ordinary page'][1]:.1f} ms"
        f" (load {synth.load_average()})",
        flush=True,
    )
    result["mentions"] = (top_n, top_n)
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    sizes = sorted(int(x) for x in args.sizes.split(","))
    paths = synth.build_stores(sizes)
    results = {size: measure(paths[size], size, args.runs) for size in sizes}
    small, large = sizes[0], sizes[-1]
    top = results[large]
    worst = max(top["dossier"][1], top["page"][1])
    enough = top["mentions"][0] >= TARGET_MENTIONS
    print(
        f"top actor at {large} documents: {top['mentions'][0]} mentions ({'>=' if enough else '<'} {TARGET_MENTIONS});"
        f" p95 {worst:.1f} ms (bar: < {BAR_MS:.0f} ms) {'PASS' if worst < BAR_MS and enough else 'FAIL'}"
    )
    for key in ("dossier", "page", "ordinary page"):
        growth = results[large][key][0] / results[small][key][0]
        print(f"{key} p50 at {large} / at {small}: {growth:.2f}x for {large // small}x the documents")


if __name__ == "__main__":
    main()
