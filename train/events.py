"""Train the event typer on the ACLED train split: writes factfile/extract/event_types.json.

    .venv/bin/python train/events.py [--records ../shared/data/acled-2022h1/records.jsonl] [--holdout 5]

Each train record's notes are read as an article (publication date = event date) and parsed with
every extraction stage before `events`. Then:

1. the verbs that start events: the main verb of each record's first sentence is counted, and a
   lemma seen there at least `--min-count` times becomes a trigger when it is at least `--lift` times
   more frequent there than in English at large (wordfreq), so "protest", "wound" and "block" qualify
   and "take", "have" or "hold" do not;
2. the typer: the record's main event candidate (the first trigger word or learned verb, the one
   `eval/acled.py` scores) gives the features (`EventReader.features`) and the coder's sub-type the
   label; a multinomial logistic regression (scikit-learn) is fitted on them and its weights are
   stored, rounded and without the features too weak to change a decision.

`--holdout K` leaves out every K-th train record and prints the typer's accuracy on those (for
choosing C; the held-out eval split is never read here). Takes about three minutes of CPU.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc
from wordfreq import word_frequency

from factfile.errors import IngestError
from factfile.extract import DEFAULT_STAGES, Extractor
from factfile.extract.event_typing import MODEL_FILE
from factfile.extract.events import EventReader
from factfile.ingest import to_article
from factfile.records import Analysis, Hints, RawItem
from train.events_data import DEFAULT_RECORDS, records


@dataclass
class TriggerVocabulary:
    """Stands in for the typer while the trigger verbs are being learned."""

    triggers: frozenset[str]


def parsed(rows: list[dict]) -> list[tuple[Doc, Analysis]]:
    """Each record's notes parsed, with every stage before `events` run on it."""
    extractor = Extractor(tuple(s for s in DEFAULT_STAGES if s != "events"))
    articles = []
    for row in rows:
        try:
            articles.append(to_article(RawItem(row["event_id_cnty"], "text", row["notes"], Hints(published=row["event_date"]))))
        except IngestError as error:
            raise SystemExit(f"{error}") from None
    out = []
    for article, doc in zip(articles, extractor.nlp.pipe((a.text for a in articles), batch_size=64), strict=True):
        analysis = Analysis(article=article)
        for _, stage in extractor.stages:
            stage(doc, analysis)
        out.append((doc, analysis))
    return out


def learn_triggers(docs: list[tuple[Doc, Analysis]], min_count: int, lift: float) -> list[str]:
    counts: Counter[str] = Counter()
    for doc, _ in docs:
        first = next(doc.sents, None)
        verb = EventReader._main_verb(first) if first is not None else None
        if verb is not None:
            counts[verb.lemma_.lower()] += 1
    total = sum(counts.values())
    return sorted(
        lemma for lemma, n in counts.items()
        if n >= min_count and lemma.isalpha() and n / total >= lift * max(word_frequency(lemma, "en"), 1e-7)
    )


def examples(docs: list[tuple[Doc, Analysis]], rows: list[dict], triggers: list[str]) -> tuple[list[dict], list[str]]:
    """The features and label of each record's main candidate."""
    vocabulary = TriggerVocabulary(frozenset(triggers))
    features, labels = [], []
    for (doc, analysis), row in zip(docs, rows, strict=True):
        reader = EventReader(doc, analysis, vocabulary)  # type: ignore[arg-type]
        candidates = sorted(reader.candidates(), key=lambda pair: pair[0].i)
        if not candidates:
            first = next(doc.sents, None)
            if first is None:
                continue
            candidates = [(first.root, None)]  # no trigger: the first sentence's root still says what happened
        token, rule = candidates[0]
        features.append(dict.fromkeys(reader.features(token, rule), 1))
        labels.append(f"{row['event_type']}|{row['sub_event_type']}")
    return features, labels


def fit(features: list[dict], labels: list[str], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(features)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, labels)
    return vectoriser, model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--lift", type=float, default=200.0)
    parser.add_argument("--min-weight", type=float, default=0.05, help="features whose weights all stay under this are dropped")
    parser.add_argument("--holdout", type=int, help="leave out every K-th train record and print accuracy on them; writes nothing")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--cache", type=Path, help="keep the parsed records in this file and reuse them (delete it when extraction changes)")
    args = parser.parse_args(argv)
    began = time.time()
    rows = list(records("train", args.records))
    if args.cache and args.cache.exists():
        docs = pickle.loads(args.cache.read_bytes())
    else:
        docs = parsed(rows)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(docs))
    print(f"parsed {len(rows)} train records in {time.time() - began:.0f} s")
    triggers = learn_triggers(docs, args.min_count, args.lift)
    print(f"{len(triggers)} learned trigger verbs: {' '.join(triggers)}")
    features, labels = examples(docs, rows, triggers)
    if args.holdout:
        keep = [i for i in range(len(labels)) if i % args.holdout]
        out = [i for i in range(len(labels)) if not i % args.holdout]
        vectoriser, model = fit([features[i] for i in keep], [labels[i] for i in keep], args.c)
        predicted = model.predict(vectoriser.transform([features[i] for i in out]))
        sub = sum(p == labels[i] for p, i in zip(predicted, out, strict=True)) / len(out)
        kind = sum(p.split("|")[0] == labels[i].split("|")[0] for p, i in zip(predicted, out, strict=True)) / len(out)
        print(f"holdout of {len(out)}: type {kind:.3f}, sub-type {sub:.3f} (C={args.c})")
        return 0
    vectoriser, model = fit(features, labels, args.c)
    weights = {}
    for j, name in enumerate(vectoriser.get_feature_names_out()):
        column = [round(float(w), 2) for w in model.coef_[:, j]]
        if max(abs(w) for w in column) >= args.min_weight:
            weights[name] = column
    stored = {
        "labels": list(model.classes_),
        "bias": [round(float(b), 3) for b in model.intercept_],
        "triggers": triggers,
        "weights": weights,
        "trained_on": f"acled-2022h1 train split, {len(labels)} records, C={args.c}",
    }
    args.out.write_text(json.dumps(stored, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {len(weights)} features, {len(model.classes_)} sub-types) "
          f"in {time.time() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
