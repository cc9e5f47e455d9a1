"""Leave-one-set-out check of the constants of `claims.sayer_groups` (one source's statements of one story grouped
across languages by their vectors): for each held-out set, the grid setting chosen on the other sets (eval/realstory.py's
grouping measure: pairs of one labelled claim's evidence on two pages, pooled) is scored on the held-out one, beside
the shipped constants. Two choices: the best F1, and the best recall whose precision on the other sets is at least the
shipped constants' there (precision first: a wrong group shows readers two claims as one).

Reads a store kept by `eval/realstory.py --keep` (no ingest; the groups are computed at read time):

    .venv/bin/python eval/sayer_groups.py --store dev5.db --only kakhovka --only kerch --only wagner --only olenivka --only kramatorsk
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations, product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import realstory  # noqa: E402

LINKAGES = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
WORD_WEIGHTS = (0.25, 0.5, 0.75)


def gold_pairs(story) -> int:
    """The labelled pairs the grouping recall is counted over: two occurrences of one claim on different pages."""
    return sum(a["page"] != b["page"] for claim in story.gold.get("claims", []) for a, b in combinations(claim["evidence"], 2))


def counts(p: float, r: float, gold: int) -> tuple[float, float, float]:
    """(true, false, missed) pairs from a precision, a recall and the labelled pairs."""
    true = r * gold
    return true, (true / p - true) if p else 0.0, gold - true


def f1(true: float, false: float, missed: float) -> tuple[float, float, float]:
    p = true / (true + false) if true + false else 0.0
    r = true / (true + missed) if true + missed else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    from factfile.relate import claims
    from factfile.store import Store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--only", action="append", required=True, help="story folder (repeatable)")
    args = parser.parse_args()
    documents = json.loads(args.store.with_name(args.store.name + ".pages.json").read_text(encoding="utf-8"))
    sets = realstory.load_sets(realstory.SETS, args.only)
    shipped = (claims.SAYER_LINKAGE, claims.SAYER_LINKAGE_WORDS)
    grid = sorted({*product(LINKAGES, WORD_WEIGHTS), shipped})
    scores: dict[tuple[str, tuple[float, float]], tuple[float, float, float]] = {}
    store = Store(str(args.store))
    with store.snapshot() as session:
        stored = realstory.read_documents(session, documents)
        for story in sets:
            mains = realstory.measure_actors(session, story, stored)["mains"]
            gold = gold_pairs(story)
            for setting in grid:
                claims.SAYER_LINKAGE, claims.SAYER_LINKAGE_WORDS = setting
                p, r, _ = realstory.measure_claims(session, story, stored, mains)["grouping"]
                scores[story.name, setting] = counts(p, r, gold)
                print(f"{story.name:12} linkage {setting[0]:.2f} words {setting[1]:.2f}: P {p:.3f} R {r:.3f}", flush=True)
    store.close()
    claims.SAYER_LINKAGE, claims.SAYER_LINKAGE_WORDS = shipped

    def pooled(names, setting) -> tuple[float, float, float]:
        return f1(*(sum(scores[n, setting][k] for n in names) for k in range(3)))

    names = [s.name for s in sets]

    def f1_choice(train: list[str]) -> tuple[float, float]:
        return max(grid, key=lambda s: (pooled(train, s)[2], -abs(s[0] - shipped[0])))

    def precision_choice(train: list[str]) -> tuple[float, float]:
        floor = pooled(train, shipped)[0]
        return max((s for s in grid if pooled(train, s)[0] >= floor), key=lambda s: (pooled(train, s)[1], pooled(train, s)[0]))

    for label, choose in (("best F1", f1_choice), ("best recall at the shipped precision", precision_choice)):
        held_totals, shipped_totals = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
        print(f"\nleave one set out, {label} on the other sets, scored on the held-out set")
        for held in names:
            train = [n for n in names if n != held]
            best = choose(train)
            p, r, f = f1(*scores[held, best])
            sp, sr, sf = f1(*scores[held, shipped])
            for k in range(3):
                held_totals[k] += scores[held, best][k]
                shipped_totals[k] += scores[held, shipped][k]
            tp, tr, _ = pooled(train, best)
            print(
                f"{held:12} chosen linkage {best[0]:.2f} words {best[1]:.2f} (other sets P {tp:.3f} R {tr:.3f}):"
                f" P {p:.3f} R {r:.3f} F1 {f:.3f}   shipped {shipped[0]:.2f}/{shipped[1]:.2f}: P {sp:.3f} R {sr:.3f} F1 {sf:.3f}"
            )
        p, r, f = f1(*held_totals)
        sp, sr, sf = f1(*shipped_totals)
        print(f"{'pooled':12} held-out choices: P {p:.3f} R {r:.3f} F1 {f:.3f}   shipped: P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")


if __name__ == "__main__":
    main()
