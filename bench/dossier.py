"""Dossier latency as the store grows: 1k, 10k, 100k synthetic documents (bench/synth.py).

At each size, for the actor with the most mentions (at 100k it must have at least 10,000) and for a
sample of ordinary actors, it times server-side, warm:
- `read.dossier.build_dossier` (what `factfile show` and `/api/actors/{id}/dossier` return);
- the web page `/actors/{id}`, rendered by the real app (FastAPI TestClient, no network).
At the largest size it also times the page of the actor whose mention count is closest to 10,000 (the bar:
under 300 ms). It prints p50 and p95 of `--runs` runs in wall and CPU time, and growth against the smallest
store (sub-linear: the latency ratio is well below the size ratio).

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

import stores  # noqa: E402
import synth  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from factfile.read.dossier import build_dossier  # noqa: E402
from factfile.store import Store  # noqa: E402
from factfile.store import schema as s  # noqa: E402

TARGET_MENTIONS = 10_000
BAR_MS = 300.0
BAR_DOCUMENTS = 100_000


def percentiles(call, runs: int) -> dict[str, float]:
    """p50 and p95 milliseconds of `runs` calls after one warm-up call, in wall time and in this
    process's CPU time (all threads): on a busy machine the wall time is mostly waiting for a core,
    the CPU time is what the call costs (SQLite runs in-process, so it includes the queries)."""
    call()
    wall, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    wall.sort()
    cpu.sort()
    p95 = min(runs - 1, round(0.95 * (runs - 1)))
    return {"p50": statistics.median(wall), "p95": wall[p95], "cpu50": statistics.median(cpu), "cpu95": cpu[p95]}


def shown(t: dict[str, float]) -> str:
    return f"p50 {t['p50']:.1f} ms p95 {t['p95']:.1f} ms (CPU p50 {t['cpu50']:.1f} p95 {t['cpu95']:.1f} ms)"


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
            ).all()
        )


def web_client(store: Store):
    from fastapi.testclient import TestClient

    from factfile.serve.app import create_app
    from factfile.serve.security import ServeSettings

    # The server's response cache would answer every run after the first: time the page itself.
    return TestClient(create_app(store, ServeSettings(rate=1e9, burst=10**9, cache=False)))


def measure(path: Path, size: int, runs: int, largest: bool) -> dict[str, tuple[float, float]]:
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
    line = f"at {size:>7} documents, top actor #{top_id} ({top_n} mentions): dossier {shown(result['dossier'])}; web page {shown(result['page'])}"
    if largest:
        target, n = min((c for c in counts if c[1] >= TARGET_MENTIONS), key=lambda c: c[1], default=counts[0])
        result["target"] = percentiles(page(target), runs)
        result["target mentions"] = n
        line += f"; actor #{target} ({n} mentions) web page {shown(result['target'])}"
    ordinary = [percentiles(page(a), max(3, runs // 5)) for a in sample]
    result["ordinary page"] = {k: statistics.median(o[k] for o in ordinary) for k in ordinary[0]}
    print(f"{line}; ordinary actors' pages (median of {len(sample)}) {shown(result['ordinary page'])} (load {synth.load_average()})", flush=True)
    result["mentions"] = top_n
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    sizes = sorted(int(x) for x in args.sizes.split(","))
    paths = stores.build_stores(sizes)
    results = {size: measure(paths[size], size, args.runs, size == sizes[-1]) for size in sizes}
    small, large = sizes[0], sizes[-1]
    top = results[large]
    bar = top.get("target", top["page"])
    n = top.get("target mentions", top["mentions"])
    verdict = "PASS" if bar["p95"] < BAR_MS and n >= TARGET_MENTIONS else "FAIL"
    if large < BAR_DOCUMENTS:
        verdict = f"not the bar's store ({BAR_DOCUMENTS} documents)"
    print(f"page of an actor with {n} mentions at {large} documents: p95 {bar['p95']:.1f} ms wall, {bar['cpu95']:.1f} ms CPU (bar: < {BAR_MS:.0f} ms) {verdict}")
    for key in ("dossier", "page", "ordinary page"):
        growth = results[large][key]["p50"] / results[small][key]["p50"]
        cpu = results[large][key]["cpu50"] / results[small][key]["cpu50"]
        print(f"{key} p50 at {large} / at {small}: {growth:.2f}x wall, {cpu:.2f}x CPU, for {large // small}x the documents")


if __name__ == "__main__":
    main()
