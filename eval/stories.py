"""Story clustering on NewsWCL50: 10 events, each reported by 5 outlets (gold story = event).

The 50 articles arrive one by one in random order (several orders, as clustering is incremental) and go
through the real ingest and the `copies` and `stories` relaters. Distractors: PolNeAR articles
(2015-2016 US politics, none about the 2018 NewsWCL50 events) arrive mixed in; a NewsWCL50 article put in
one story with a distractor counts as a false pair. Prints pairwise and B-cubed precision, recall, F1.

    .venv/bin/python eval/stories.py [--orders 3] [--distractors 100]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newswcl50 import load as load_newswcl50  # noqa: E402

from factfile.ingest import to_article  # noqa: E402
from factfile.records import Analysis, Hints, RawItem  # noqa: E402
from factfile.relate import build, stories  # noqa: E402
from factfile.relate.write import save  # noqa: E402
from factfile.store import Store  # noqa: E402

POLNEAR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear" / "dev" / "text"


def items(distractors: int, rng: random.Random) -> list[tuple[str, int | None, RawItem]]:
    """(key, gold event or None for a distractor, raw item)."""
    found = [
        (a.id, a.event, RawItem(f"newswcl50:{a.id}", "text", a.text, Hints(url=f"https://{a.outlet.lower()}.example/{a.id}")))
        for a in load_newswcl50()
    ]
    paths = sorted(POLNEAR.glob("*"))
    for path in rng.sample(paths, min(distractors, len(paths))):
        text = path.read_text(encoding="utf-8", errors="replace")
        found.append((path.name, None, RawItem(str(path), "text", text, Hints(url=f"https://polnear.example/{path.name}"))))
    return found


def cluster(order: list[tuple[str, int | None, RawItem]]) -> dict[str, int]:
    relaters = build(("copies", "stories"))
    story_of: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "stories.db")
        for key, _, raw in order:
            article = to_article(raw)
            with store.transaction() as session:
                document = save(session, Analysis(article=article), relaters)
                if document is not None:
                    story_of[key] = document.story_id
        store.close()
    return story_of


def scores(gold: dict[str, int | None], predicted: dict[str, int]) -> dict[str, float]:
    tp = fp = fn = 0
    for a, b in combinations(sorted(predicted), 2):
        if gold[a] is None and gold[b] is None:
            continue  # distractors: their own stories are unknown
        same_gold = gold[a] is not None and gold[a] == gold[b]
        same_predicted = predicted[a] == predicted[b]
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    labelled = [k for k in predicted if gold[k] is not None]
    b_precision = b_recall = 0.0
    for key in labelled:
        cluster_ = [k for k in predicted if predicted[k] == predicted[key]]
        same = [k for k in cluster_ if gold[k] == gold[key]]
        b_precision += len(same) / len(cluster_)
        b_recall += len(same) / sum(1 for k in labelled if gold[k] == gold[key])
    b_precision /= len(labelled)
    b_recall /= len(labelled)
    return {
        "pair_p": precision,
        "pair_r": recall,
        "pair_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "b3_p": b_precision,
        "b3_r": b_recall,
        "b3_f1": 2 * b_precision * b_recall / (b_precision + b_recall) if b_precision + b_recall else 0.0,
        "stories": len({predicted[k] for k in labelled}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=3, help="random arrival orders to average over")
    parser.add_argument("--distractors", type=int, default=100, help="PolNeAR articles mixed in")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--threshold", type=float, help="similarity needed to join a story (default: the relater's)")
    args = parser.parse_args()
    if args.threshold is not None:
        stories.JOIN_SIMILARITY = args.threshold
    print(f"join similarity {stories.JOIN_SIMILARITY}")
    rng = random.Random(args.seed)
    found = items(args.distractors, rng)
    gold = {key: event for key, event, _ in found}
    totals: dict[str, float] = {}
    for number in range(args.orders):
        order = found[:]
        rng.shuffle(order)
        result = scores(gold, cluster(order))
        print(f"order {number + 1}: " + "  ".join(f"{k} {v:.3f}" if k != "stories" else f"{k} {v}" for k, v in result.items()))
        for k, v in result.items():
            totals[k] = totals.get(k, 0) + v / args.orders
    events = len({e for e in gold.values() if e is not None})
    print(f"\n{sum(e is not None for e in gold.values())} NewsWCL50 articles ({events} events) + {args.distractors} distractors, "
          f"mean over {args.orders} arrival orders:")
    print(f"pairwise  precision {totals['pair_p']:.3f}  recall {totals['pair_r']:.3f}  F1 {totals['pair_f1']:.3f}")
    print(f"B-cubed   precision {totals['b3_p']:.3f}  recall {totals['b3_r']:.3f}  F1 {totals['b3_f1']:.3f}")
    print(f"stories found for the {events} events: {totals['stories']:.1f}")


if __name__ == "__main__":
    main()
