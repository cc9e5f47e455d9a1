"""Dossier latency as the store grows: 1k, 10k, 100k synthetic documents (bench/synth.py).

At each size it times, warm, the median of several runs of
- `serve.dossier.build_dossier` and the web page `/actors/{id}` (FastAPI TestClient) for the actor with
  the most mentions, and for the median of a sample of ordinary actors;
- at the largest size, the actor whose mention count is closest to 10,000 (bar: < 300 ms).
Growth is reported as latency ratios against the smallest store measured in the same run, next to the
ratio of store sizes (sub-linear growth means the first ratio is much smaller than the second).

    python bench/dossier.py [--sizes 1000,10000,100000] [--db bench/.cache/synth.db]

The same run prints the ingest cost per document at each size (bench/synth.py's measurement).
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

RUNS = 5
TARGET_MENTIONS = 10_000
BAR_MS = 300.0


def timed(call, runs: int = RUNS) -> float:
    """Median milliseconds of `runs` calls after one warm-up call."""
    call()
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def mention_counts(store: Store) -> list[tuple[int, int]]:
    """(actor id, mentions) for every live actor, most mentioned first."""
    with store.session() as session:
        return [
            (actor_id, n)
            for actor_id, n in session.execute(
                select(s.Mention.actor_id, func.count())
                .join(s.Actor, s.Actor.id == s.Mention.actor_id)
                .where(s.Actor.merged_into_id.is_(None))
                .group_by(s.Mention.actor_id)
                .order_by(func.count().desc(), s.Mention.actor_id)
            )
        ]


def dossier_ms(store: Store, actor_id: int) -> float:
    def build():
        with store.session() as session:
            build_dossier(session, actor_id)

    return timed(build)


def page_ms(client, actor_id: int) -> float:
    def get():
        response = client.get(f"/actors/{actor_id}")
        assert response.status_code == 200, response.status_code

    return timed(get)


def web_client(store: Store):
    """A client for the web app (issue7's serve/api), or None where it is not installed."""
    try:
        from fastapi.testclient import TestClient

        from factfile.serve.api import create_app
        from factfile.serve.security import ServeSettings
    except ImportError:
        return None
    return TestClient(create_app(store, ServeSettings(rate=1e9, burst=10**9)))


def measure(db: str, size: int, largest: bool) -> dict[str, float]:
    store = Store(db, migrate=False)
    client = web_client(store)
    counts = mention_counts(store)
    top_id, top_n = counts[0]
    sample = random.Random(size).sample(counts, min(20, len(counts)))
    result = {
        "top_mentions": top_n,
        "top_dossier": dossier_ms(store, top_id),
        "ordinary_dossier": statistics.median(dossier_ms(store, a) for a, _ in sample),
    }
    if client is not None:
        result["top_page"] = page_ms(client, top_id)
        result["ordinary_page"] = statistics.median(page_ms(client, a) for a, _ in sample[:5])
    line = (
        f"dossier at {size:>7} documents: top actor ({top_n} mentions) {result['top_dossier']:.1f} ms, "
        f"ordinary actors (median of {len(sample)}) {result['ordinary_dossier']:.1f} ms"
    )
    if client is not None:
        line += f"; web page: top {result['top_page']:.1f} ms, ordinary {result['ordinary_page']:.1f} ms"
    print(line, flush=True)
    if largest:
        actor_id, n = min(counts, key=lambda c: abs(c[1] - TARGET_MENTIONS))
        result["target_mentions"] = n
        result["target_dossier"] = dossier_ms(store, actor_id)
        line = f"dossier of the actor with {n} mentions (closest to {TARGET_MENTIONS}) at {size} documents: {result['target_dossier']:.1f} ms"
        if client is not None:
            result["target_page"] = page_ms(client, actor_id)
            line += f", web page {result['target_page']:.1f} ms"
        worst = max(result["target_dossier"], result.get("target_page", 0.0))
        print(f"{line} (bar: < {BAR_MS:.0f} ms) {'PASS' if worst < BAR_MS else 'FAIL'}", flush=True)
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--db", default=str(synth.ROOT / "bench" / ".cache" / "synth.db"))
    args = parser.parse_args()
    sizes = sorted(int(x) for x in args.sizes.split(","))
    results: dict[int, dict[str, float]] = {}
    costs = synth.build_stores(sizes, args.db, at_size=lambda size: results.__setitem__(size, measure(args.db, size, size == sizes[-1])))
    small, large = sizes[0], sizes[-1]
    ratio = costs[large] / costs[small]
    print(f"ingest cost at {large} / at {small} documents: {ratio:.2f}x (bar: <= 1.3x) {'PASS' if ratio <= 1.3 else 'FAIL'}")
    for key in ("top_dossier", "ordinary_dossier", "top_page", "ordinary_page"):
        if key in results[small]:
            growth = results[large][key] / results[small][key]
            print(f"{key.replace('_', ' ')} latency at {large} / at {small} documents: {growth:.2f}x for {large // small}x the documents")


if __name__ == "__main__":
    main()
