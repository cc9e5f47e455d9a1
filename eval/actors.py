"""Cross-document actor resolution on PolNeAR dev against the hand-made gold in eval/gold/.

    .venv/bin/python eval/actors.py                 # ingest PolNeAR dev into a fresh store, then score
    .venv/bin/python eval/actors.py --db store.db   # score a store that already holds PolNeAR dev

An item is one name as used in one article ("Clinton" in nyt_2016-09-16...), for every name the gold
labels and the pipeline recognised; its predicted actor is the actor most of those mentions were linked
to. Prints pairwise and B-cubed precision, recall and F1 over items, and lists the worst confusions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factfile.extract.names import name_key  # noqa: E402
from factfile.pipeline import Pipeline  # noqa: E402
from factfile.read.actors import live_actor  # noqa: E402
from factfile.store import Store  # noqa: E402
from factfile.store import schema as s  # noqa: E402

GOLD = ROOT / "eval" / "gold" / "actors-polnear-dev.tsv"
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"


def read_gold(path: Path) -> list[tuple[str, str, list[str] | None]]:
    """(gold actor, name key, document prefixes or None for every document)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{path}:{number}: expected 3 tab-separated fields, got {len(parts)}")
        actor, name, documents = parts
        rows.append((actor, name_key(name), None if documents.strip() == "*" else documents.split(",")))
    return rows


def gold_actor(gold, document: str, key: str) -> str | None:
    """The gold actor of a name in a document: a line naming the document wins over a "*" line."""
    general = None
    for actor, name, documents in gold:
        if name != key:
            continue
        if documents is None:
            general = general or actor
        elif any(document.startswith(prefix) for prefix in documents):
            return actor
    return general


def items(store: Store, gold) -> dict[tuple[str, str], tuple[str, int]]:
    """(document, name key) -> (gold actor, predicted live actor id)."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with store.session() as session:
        rows = session.execute(
            select(s.Document.origin, s.Mention.text, s.Mention.actor_id)
            .join(s.Document, s.Document.id == s.Mention.document_id)
            .where(s.Mention.actor_id.is_not(None), s.Mention.role != "description")
        )
        for origin, text, actor_id in rows:
            votes[(Path(origin).name, name_key(text))][actor_id] += 1
        result = {}
        for (document, key), counter in votes.items():
            actor = gold_actor(gold, document, key)
            if actor is not None:
                predicted = live_actor(session, counter.most_common(1)[0][0])
                result[(document, key)] = (actor, predicted.id)
    return result


def pairwise(labelled: dict) -> tuple[float, float, float]:
    true_pairs = predicted_pairs = both = 0
    for (_, (g1, p1)), (_, (g2, p2)) in combinations(labelled.items(), 2):
        same_gold, same_predicted = g1 == g2, p1 == p2
        true_pairs += same_gold
        predicted_pairs += same_predicted
        both += same_gold and same_predicted
    return _prf(both / predicted_pairs if predicted_pairs else 1.0, both / true_pairs if true_pairs else 1.0)


def b_cubed(labelled: dict) -> tuple[float, float, float]:
    by_gold: dict[str, set] = defaultdict(set)
    by_predicted: dict[int, set] = defaultdict(set)
    for item, (g, p) in labelled.items():
        by_gold[g].add(item)
        by_predicted[p].add(item)
    precision = recall = 0.0
    for g, p in labelled.values():
        overlap = len(by_gold[g] & by_predicted[p])
        precision += overlap / len(by_predicted[p])
        recall += overlap / len(by_gold[g])
    n = len(labelled) or 1
    return _prf(precision / n, recall / n)


def _prf(precision: float, recall: float) -> tuple[float, float, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def confusions(labelled: dict, limit: int = 8) -> list[str]:
    """Gold actors split over several predicted actors, and predicted actors joining gold actors."""
    by_gold: dict[str, Counter] = defaultdict(Counter)
    by_predicted: dict[int, Counter] = defaultdict(Counter)
    for _, (g, p) in labelled.items():
        by_gold[g][p] += 1
        by_predicted[p][g] += 1
    lines = [f"split   {g}: {dict(c)}" for g, c in by_gold.items() if len(c) > 1]
    lines += [f"joined  actor #{p}: {dict(c)}" for p, c in by_predicted.items() if len(c) > 1]
    return lines[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store that already holds PolNeAR dev (default: ingest into a temporary one)")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    gold = read_gold(args.gold)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(args.db or Path(folder) / "eval.db")
        if not args.db:
            summary = Pipeline(store, workers=args.workers).ingest([str(DEV)])
            print(f"ingested {summary.stored} PolNeAR dev articles")
        labelled = items(store, gold)
        store.close()
    print(f"gold: {len({g for g, _, _ in gold})} actors, {len(gold)} names; items (name in article) found: {len(labelled)}")
    print(f"predicted actors over those items: {len({p for _, p in labelled.values()})}")
    for title, (p, r, f) in (("pairwise", pairwise(labelled)), ("B-cubed", b_cubed(labelled))):
        print(f"{title:<9} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    for line in confusions(labelled):
        print("  " + line)


if __name__ == "__main__":
    main()
