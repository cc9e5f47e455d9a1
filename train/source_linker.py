"""Train the source linker (factfile/extract/statements/linker.py) on the dev story sets' claim occurrences.

    python eval/realstory.py --only kakhovka --only kerch --only wagner --only olenivka --only kramatorsk --keep dev5.db
    python train/source_linker.py --store dev5.db [--loso loso.db] [--write]

The store is read as the pipeline left it, its source actors taken for the resolver's answers (the linker itself
changes only bare sources, next to none). Each attributed statement is a row: its options are the actor mentions
the linker would see near its cue (`candidates_near`, with the stored record of each), the resolver's actor and
`NONE`. A row whose statement overlaps a gold claim occurrence or its sentence (eval/realstory.py's criterion) is
labelled: a candidate is right when its record is the main record of the claim's gold source, `NONE` when no
candidate's is. A logistic regression (scikit-learn) is fitted on the labelled rows of every source kind; the
linker picks the best option for a bare source only.

`--loso PATH`: leave one set out: for each set, fit on the other four, print how the labelled bare sources of the
held-out set move between right / other actor / none (English and other pages apart), and write the held-out set's
choices into a copy of the store at PATH (score it with `eval/realstory.py --store PATH --part claims`). `--write`:
fit on all sets and write model/source-linker.json. `--changes BEFORE`: list the statements whose source actor
differs between BEFORE (a store written without the linker) and --store (one written with it), matched by page and
spans. Only the five dev sets are read; never pass a clean-check set.
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

from factfile.extract.statements.linker import MODEL_FILE, NONE, Candidate, Cue, Linker, bare, candidate_features, named  # noqa: E402

DEV_SETS = ("kakhovka", "kerch", "wagner", "olenivka", "kramatorsk")
C = 1.0


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
                language = session.get(s.Document, document).language
                mentions = named(
                    text,
                    [
                        Candidate(m.start, m.end, m.label, m.role, record(m.actor_id))
                        for m in session.query(s.Mention).filter(
                            s.Mention.document_id == document, s.Mention.actor_id.isnot(None)
                        )
                    ],
                    language,
                )
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
                        (st.cue_start, st.cue_end), source, (st.content_start, st.content_end), bare(text, source, language)
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
                            "language": language,
                            "bare": cue.bare,
                            "resolved": resolved,
                            "candidates": candidate_features(text, cue, mentions, counts, last, resolved),
                        }
                    )
                    if resolved is not None:
                        last = resolved
    store.close()
    return rows


def fit(rows: list[dict]) -> dict[str, float]:
    """Weights of a logistic regression telling right options from others on the labelled rows of every source kind
    (the ranking features hold for all): a candidate is right when its record is the gold source's main record,
    `NONE` when no candidate's is. (A conditional logit over each row's options linked more and was wrong more often,
    leave-one-set-out.)"""
    return option_weights(((row["candidates"], row["right"]) for row in rows if row["labelled"]), NONE, C)


def option_weights(groups, none: object, c: float) -> dict[str, float]:
    """Logistic-regression weights (no intercept: the options of one row are ranked against each other) telling right
    options from the others, over groups of (options as (actor, features), right actors): an actor is right when it is
    among the right ones, the `none` option when no actor of its group is."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for options, right in groups:
        named = any(actor in right for actor, _ in options if actor is not none)
        for actor, f in options:
            xs.append(f)
            ys.append(int(not named if actor is none else actor in right))
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False).fit(vectorizer.fit_transform(xs), ys)
    return {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)}


def choice(linker: Linker, row: dict) -> int | None:
    """The actor the linker settles on for a row (the resolver's, unless the source is bare and has none)."""
    if not row["bare"] or row["resolved"] is not None:
        return row["resolved"]
    _, _, actor = max((linker.score(f), actor is NONE, actor) for actor, f in row["candidates"])
    return actor


def outcome(actor: int | None, row: dict) -> str:
    return "none" if actor is None else "right" if actor in row["right"] else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--loso", type=Path)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--changes", type=Path, help="a store of the same pages written without the linker")
    args = parser.parse_args()
    if args.changes:
        changes(args.changes, args.store)
        return
    rows = targets(args.store)
    print(
        f"{len(rows)} attributed statements, {sum(r['bare'] for r in rows)} with a bare source;"
        f" {sum(r['labelled'] for r in rows)} labelled, {sum(r['labelled'] and r['bare'] for r in rows)} of them bare"
    )
    if args.loso:
        import sqlite3

        shutil.copy(args.store, args.loso)
        shutil.copy(args.store.with_name(args.store.name + ".pages.json"), args.loso.with_name(args.loso.name + ".pages.json"))
        db = sqlite3.connect(args.loso)
        total = Counter()
        for held in DEV_SETS:
            linker = Linker(fit([r for r in rows if r["set"] != held]))
            test = [r for r in rows if r["set"] == held]
            counts = Counter()
            for row in test:
                actor = choice(linker, row)
                if actor != row["resolved"]:
                    counts["changed"] += 1
                    db.execute("update statements set source_actor_id = ? where id = ?", (actor, row["statement"]))
                if row["labelled"] and row["bare"]:
                    language = "en" if row["language"] == "en" else "xx"
                    before, after = outcome(row["resolved"], row), outcome(actor, row)
                    for key in (f"before {before}", f"after {after}", f"before {before} {language}", f"after {after} {language}"):
                        counts[key] += 1
                    if before != after or (actor != row["resolved"] and before == "other"):
                        counts[f"{before} -> {after}"] += 1
            total.update(counts)
            print(_line(held, counts, len(test)))
        print(_line("all", total, len(rows)))
        db.commit()
        db.close()
    if args.write:
        weights = fit(rows)
        MODEL_FILE.write_text(json.dumps({"weights": dict(sorted(weights.items()))}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}")


def changes(before: Path, after: Path) -> None:
    """Print each statement whose source actor (its live record's name) differs between two stores, and their count."""
    import sqlite3

    def read(path: Path) -> dict[tuple, tuple[str, str | None]]:
        db = sqlite3.connect(path)
        names = {}
        for actor, name, merged in db.execute("select id, name, merged_into_id from actors"):
            names[actor] = (name, merged)

        def live(actor):
            while actor is not None and names[actor][1] is not None:
                actor = names[actor][1]
            return names[actor][0] if actor is not None else None

        found = {}
        for digest, source, cue, start, end, actor in db.execute(
            "select d.content_hash, s.source_text, s.cue_start, s.content_start, s.content_end, s.source_actor_id"
            " from statements s join documents d on d.id = s.document_id"
        ):
            found[(digest, cue, start, end)] = (source, live(actor))
        db.close()
        return found

    old, new = read(before), read(after)
    changed = [(key, old[key], new[key]) for key in sorted(old.keys() & new.keys(), key=str) if old[key][1] != new[key][1]]
    for key, (source, was), (_, now) in changed:
        print(f"{key[0][:12]} cue {key[1]}: source {source!r}: {was} -> {now}")
    print(f"{len(changed)} of {len(old.keys() & new.keys())} statements found in both stores change their source actor")


def _line(name: str, c: Counter, n: int) -> str:
    states = ("right", "other", "none")
    moves = ", ".join(f"{a}->{b} {c[f'{a} -> {b}']}" for a in states for b in states if c[f"{a} -> {b}"])
    by_language = "; ".join(
        f"{lang}: " + "/".join(f"{c[f'before {x} {lang}']}->{c[f'after {x} {lang}']}" for x in states) for lang in ("en", "xx")
    )
    return (
        f"{name}: {c['changed']} of {n} statements given another actor; labelled bare sources right/other/none"
        f" {'/'.join(str(c[f'before {x}']) for x in states)} -> {'/'.join(str(c[f'after {x}']) for x in states)}"
        f" ({by_language}); moves: {moves or 'none'}"
    )


if __name__ == "__main__":
    main()
