"""Train the source linker (factfile/extract/statements/linker.py) on the dev story sets' claim occurrences.

    python eval/realstory.py --only kakhovka --only kerch --only wagner --only olenivka --only kramatorsk --keep dev5.db
    python train/source_linker.py --store dev5.db [--loso loso.db] [--write]

The store is read as the pipeline left it: each attributed statement stored with no source actor is a target; its
candidates are the actor mentions the linker would see near its cue (`candidates_near`), with the stored record of
each. A target whose sentence holds a gold claim occurrence (eval/realstory.py's criterion) is labelled: candidates
whose record is the main record of the claim's gold source are right. A logistic regression (scikit-learn) is fitted
on the labelled candidates, and the threshold is the score above which the linked targets are more often right than
wrong on the training sets.

`--cost`: what a wrong link costs against a right one when the threshold is chosen; `--threshold` overrides it.
`--loso PATH`: leave one set out: for each set, fit on the other four and write the held-out set's choices into a copy
of the store at PATH (score it with `eval/realstory.py --store PATH --part claims`). `--write`: fit on all sets and
write model/source-linker.json. Only the five dev sets are read; never pass a clean-check set.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from factfile.extract.statements.linker import MODEL_FILE, Candidate, Cue, Linker, candidate_features, described, fallback  # noqa: E402

DEV_SETS = ("kakhovka", "kerch", "wagner", "olenivka", "kramatorsk")
C = 1.0
WRONG_LINK = 0.5  # what a link to a wrong actor costs against a right one when the threshold is chosen


def targets(store_path: Path) -> list[dict]:
    """Each target statement with its set, candidates, features and (when labelled) the right records."""
    import realstory as rs

    from factfile.read.actors import live_actor
    from factfile.store import Store
    from factfile.store import schema as s

    sets = rs.load_sets(rs.SETS, DEV_SETS)
    documents = json.loads(store_path.with_name(store_path.name + ".pages.json").read_text(encoding="utf-8"))
    store = Store(str(store_path))
    rows = []
    with store.snapshot() as session:
        stored = rs.read_documents(session, documents)
        live: dict[int, int] = {}

        def record(actor_id: int) -> int:
            if actor_id not in live:
                actor = live_actor(session, actor_id)
                live[actor_id] = actor.id if actor is not None else actor_id
            return live[actor_id]

        for story in sets:
            mains = rs.measure_actors(session, story, stored)["mains"]
            gold = defaultdict(list)  # page -> [(span, sentence, main record)]
            for claim in story.gold.get("claims", []):
                for evidence in claim["evidence"]:
                    text = stored.text.get(evidence["page"])
                    span = rs.span_of(evidence["quote"], text) if text else None
                    if span is not None:
                        gold[evidence["page"]].append((span, rs.sentence_around(text, span), mains.get(claim["source"])))
            for page in sorted(story.ids):
                if page not in stored.document:
                    continue
                document, text = stored.document[page], stored.text[page]
                mentions = [
                    Candidate(m.start, m.end, m.label, m.role, record(m.actor_id))
                    for m in session.query(s.Mention).filter(s.Mention.document_id == document, s.Mention.actor_id.isnot(None))
                ]
                counts = Counter(m.actor for m in mentions)
                statements = session.query(s.Statement).filter(s.Statement.document_id == document).all()
                statements.sort(key=lambda st: st.cue_start if st.cue_start is not None else st.content_start)
                last = None
                for st in statements:
                    if st.cue_start is None or st.source_type == "article":
                        continue
                    resolved = record(st.source_actor_id) if st.source_actor_id is not None else None
                    source = (st.source_start, st.source_end) if st.source_start is not None else None
                    cue = Cue(
                        (st.cue_start, st.cue_end), source, (st.content_start, st.content_end), described(text, source, mentions)
                    )
                    starts = [x for x in (st.source_start, st.cue_start, st.content_start) if x is not None]
                    ends = [x for x in (st.source_end, st.cue_end, st.content_end) if x is not None]
                    right = {
                        main
                        for span, sentence, main in gold.get(page, [])
                        if main is not None and min(starts) < max(span[1], sentence[1]) and max(ends) > min(span[0], sentence[0])
                    }
                    labelled = any(
                        min(starts) < max(span[1], sentence[1]) and max(ends) > min(span[0], sentence[0])
                        for span, sentence, _ in gold.get(page, [])
                    )
                    rows.append(
                        {
                            "set": story.name,
                            "statement": st.id,
                            "labelled": labelled,
                            "right": right,
                            "resolved": resolved,
                            "candidates": []
                            if resolved is None and not fallback(cue)
                            else candidate_features(text, cue, mentions, counts, last, resolved),
                        }
                    )
                    if resolved is not None:
                        last = resolved
    store.close()
    return rows


def fit(rows: list[dict]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for row in rows:
        if row["labelled"] and row["right"]:
            for actor, f in row["candidates"]:
                xs.append(f)
                ys.append(int(actor in row["right"]))
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False).fit(vectorizer.fit_transform(xs), ys)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)}
    return weights


def decisions(linker: Linker, rows: list[dict]) -> list[tuple[float, int | None]]:
    """For each row, the best candidate's score and the actor the linker settles on (the resolver's when none passes)."""
    result = []
    for row in rows:
        scored = [(linker.score(f), actor) for actor, f in row["candidates"]]
        best, actor = max(scored) if scored else (0.0, None)
        result.append((best, actor if row["resolved"] is not None or best >= linker.threshold else None))
    return result


def threshold(weights: dict[str, float], rows: list[dict], cost: float = WRONG_LINK) -> float:
    """The score above which linking a source the resolver left with no actor is most often right, on the labelled
    rows: each link to a gold record counts +1, each other link -1 (a source may name no actor near its cue)."""
    changes = []
    for row in rows:
        scored = [(Linker(weights, 0.0).score(f), actor) for actor, f in row["candidates"]]
        if row["labelled"] and row["resolved"] is None and scored:
            best = max(scored)
            changes.append((best[0], best[1] in row["right"]))
    changes.sort(reverse=True)
    top, gain, at = 0, 0, 1.0
    for score, right in changes:
        gain += 1 if right else -cost
        if gain > top:
            top, at = gain, score
    return round(at, 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--loso", type=Path)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--threshold", type=float, help="link unresolved sources at this score instead of the learned threshold")
    parser.add_argument(
        "--cost", type=float, default=WRONG_LINK, help="cost of a wrong link against a right one, for the threshold"
    )
    args = parser.parse_args()
    rows = targets(args.store)
    print(
        f"{len(rows)} attributed statements, {sum(r['labelled'] for r in rows)} labelled, {sum(bool(r['right']) for r in rows)} with a gold record,"
        f" {sum(any(a in r['right'] for a, _ in r['candidates']) for r in rows)} with it among the candidates,"
        f" {sum(r['resolved'] in r['right'] for r in rows)} resolved to it"
    )
    if args.loso:
        import sqlite3

        shutil.copy(args.store, args.loso)
        shutil.copy(args.store.with_name(args.store.name + ".pages.json"), args.loso.with_name(args.loso.name + ".pages.json"))
        db = sqlite3.connect(args.loso)
        for held in DEV_SETS:
            train = [r for r in rows if r["set"] != held]
            test = [r for r in rows if r["set"] == held]
            weights = fit(train)
            linker = Linker(weights, threshold(weights, train, args.cost) if args.threshold is None else args.threshold)
            changed = right = wrong = lost = 0
            for (_, actor), row in zip(decisions(linker, test), test, strict=True):
                if actor == row["resolved"]:
                    continue
                changed += 1
                if row["labelled"]:
                    right += actor in row["right"]
                    wrong += actor not in row["right"]
                    lost += row["resolved"] in row["right"]
                db.execute("update statements set source_actor_id = ? where id = ?", (actor, row["statement"]))
            print(
                f"{held}: threshold {linker.threshold:.3f}, {changed} of {len(test)} statements given another actor;"
                f" labelled: now right {right}, wrong {wrong} (of which right before {lost})"
            )
        db.commit()
        db.close()
    if args.write:
        weights = fit(rows)
        cut = threshold(weights, rows, args.cost)
        MODEL_FILE.write_text(
            json.dumps({"threshold": cut, "weights": dict(sorted(weights.items()))}, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {MODEL_FILE} (threshold {cut})")


if __name__ == "__main__":
    main()
