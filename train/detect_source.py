"""Train the source ranker of extract/statements/detect.py: which of a detected sentence's names speaks, or no one.

    python eval/realstory.py --only kakhovka --only kerch --only wagner --only olenivka --only kramatorsk --keep dev5.db
    PYTHONPATH=. .venv/bin/python train/detect_source.py --store dev5.db     # write statements/model/detect/source.json

Rows: the `detect.candidates` of the five dev sets' pages not in English (read with the step switched off) whose
sentence carries a gold claim occurrence (eval/realstory.py's criterion: the sentence overlaps the quote or the
sentence around it). Each row's options are `detect.source_options`: the sentence's speaker mentions, one per chain,
and `None`. An option is right when its chain's actor in the store (a store of the same pages, written by the
pipeline) is the main record of the claim's gold source (eval/realstory.py's `measure_actors`), `None` when no
option's is: then the speaker is named further back or not at all, and a statement naming someone here would count
as "other actor". A logistic regression (scikit-learn) tells right options from the others, as train/source_linker.py
fits the linker; the ranker then takes the best-scoring option, and `detect.speaker` keeps it only when its chain
speaks elsewhere on the page. eval/detect_attribution.py --sources prints its
leave-one-set-out figures. Only the five dev sets are read; never pass a clean-check set.
Analyses are cached under bench/.cache/ by the pages file and the reader code's digest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "train"))

import detect_attribution as trained  # noqa: E402

from factfile.extract.statements.detect import SOURCE_MODEL, SPEAKS, candidates, source_options, switched_off  # noqa: E402

C = 1.0


def analyses(name: str) -> list[tuple[str, object]]:
    """(page, analysis with the detector switched off) of each page not in English of a set, cached."""
    pages_file = trained.STORIES / name / "pages.jsonl"
    code = b"".join(p.read_bytes() for p in sorted((ROOT / "factfile" / "extract").rglob("*.py")) if p.name != "detect.py")
    stamp = hashlib.sha256(pages_file.read_bytes() + code).hexdigest()[:16]
    cached = trained.CACHE / f"detect-analyses-{name}-{stamp}.pkl"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    from factfile.extract import lang

    found = []
    for page, article in trained._articles(pages_file):
        with switched_off():
            analysis = lang.analyse(article)
        analysis.prepared = {}
        found.append((page, analysis))
    trained.CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(found))
    return found


def gold_records(store_path: Path) -> dict[str, dict]:
    """Per set: the main record of each gold source, and per page the record of each chain (from the stored mentions)."""
    import realstory as rs

    from factfile.store import Store

    documents = json.loads(store_path.with_name(store_path.name + ".pages.json").read_text(encoding="utf-8"))
    store = Store(str(store_path))
    result = {}
    with store.snapshot() as session:
        stored = rs.read_documents(session, documents)
        for story in rs.load_sets(rs.SETS, trained.DEV_SETS):
            result[story.name] = {"mains": rs.measure_actors(session, story, stored)["mains"], "text": {}}
            for page in story.ids:
                if page in stored.text:
                    result[story.name]["text"][page] = stored.text[page]
    db = sqlite3.connect(store_path)
    chains: dict[int, dict[int, int]] = defaultdict(dict)
    merged = dict(db.execute("select id, merged_into_id from actors"))
    for document, chain, actor in db.execute("select document_id, chain, actor_id from mentions where actor_id is not null"):
        while merged.get(actor) is not None:
            actor = merged[actor]
        chains[document][chain] = actor
    db.close()
    store.close()
    for name in result:
        result[name]["chains"] = {page: chains.get(documents[page], {}) for page in result[name]["text"]}
    return result


def rows(name: str, records: dict) -> list[dict]:
    """The set's candidate sentences that carry a gold claim occurrence, with their options, labels and the first
    rule's answer."""
    import realstory as rs

    from factfile.extract.statements.detect import speaker_by_rule

    gold = json.loads((trained.STORIES / name / "gold.json").read_text(encoding="utf-8"))
    mains = records["mains"]
    quotes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for claim in gold.get("claims", []):
        for evidence in claim["evidence"]:
            quotes[evidence["page"]].append((evidence["quote"], claim["source"]))
    found, flat = [], 0
    for page, analysis in analyses(name):
        text = analysis.article.text
        if records["text"].get(page) != text:
            flat += len(candidates(analysis))
            continue
        spans = [
            (min(span[0], around[0]), max(span[1], around[1]), mains.get(source))
            for quote, source in quotes.get(page, [])
            if (span := rs.span_of(quote, text)) and (around := rs.sentence_around(text, span))
        ]
        chain_record = records["chains"].get(page, {})
        untouched = {c.sentence.start: flat + k for k, c in enumerate(candidates(analysis))}
        flat += len(untouched)
        for index, candidate in enumerate(candidates(analysis, touched=True)):
            s = candidate.sentence
            right = {main for a, b, main in spans if a < s.end and s.start < b and main is not None}
            if not any(a < s.end and s.start < b for a, b, _ in spans):
                continue
            scored = source_options(analysis, candidate)
            options = [(None if m is None else chain_record.get(m.chain, -1 - m.chain), f) for m, f in scored]
            rule = speaker_by_rule(analysis, candidate)
            found.append(
                {
                    "set": name,
                    "page": page,
                    "candidate": index,
                    "detected": untouched.get(s.start),  # its index among the set's detector candidates
                    "text": s.text,
                    "right": right,
                    "options": options,
                    "names": [None if m is None else m.span.text for m, _ in scored],
                    "rule": chain_record.get(rule.chain, -1 - rule.chain),
                }
            )
    return found


def fit(train: list[dict], c: float = C) -> dict[str, float]:
    """Weights of a logistic regression telling right options from the others (`None` is right when no name is), as
    train/source_linker.py fits the source linker's."""
    from source_linker import option_weights

    return option_weights(((row["options"], row["right"]) for row in train), None, c)


def choice(weights: dict[str, float], row: dict) -> int | None:
    """The record of the option `detect.speaker` takes: the best-scoring, if its chain speaks elsewhere on the page."""
    from factfile.extract.statements.linker import Linker

    ranker = Linker(weights)
    _, _, _, actor, features = max(
        ((ranker.score(f), actor is None, -k, actor, f) for k, (actor, f) in enumerate(row["options"])), key=lambda t: t[:3]
    )
    return actor if SPEAKS in features else None


def outcome(actor: int | None, row: dict) -> str:
    return "none" if actor is None else "right" if actor in row["right"] else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store of the five dev sets (eval/realstory.py --keep)")
    parser.add_argument("--out", type=Path, default=SOURCE_MODEL)
    args = parser.parse_args()
    records = gold_records(args.store)
    every = [r for name in trained.DEV_SETS for r in rows(name, records[name])]
    weights = fit(every)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "about": "source ranker of the attribution detector: logistic regression over option features; train/detect_source.py",
                "rows": len(every),
                "weights": dict(sorted(weights.items())),
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(every)} rows -> {args.out}")


if __name__ == "__main__":
    main()
