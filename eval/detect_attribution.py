"""Leave-one-set-out scores of the attribution detector (extract/statements/detect.py) on the five dev sets.

    PYTHONPATH=. .venv/bin/python eval/detect_attribution.py

For each dev set, a model is trained as train/detect_attribution.py trains it (PolNeAR and the other four sets) and
scores the held-out set's candidates: sentences of pages not in English that no reader's statement touches and that
name someone. A candidate is positive when a gold claim's quote lies in it; a negative may still attribute a claim the
gold did not label, so precision is a lower bound. Beside it, two baselines on the same candidates: "a word of
reported_forms.tsv in the sentence" and "names a person, body or state" (every candidate). "no statement" counts the
gold occurrences no statement touches (eval/realstory.py's "no statement", computed here from the readers alone) and
how many lie on a candidate, which bounds the recall the step can reach.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "train"))

import detect_attribution as trained  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="print this many held-out detections to label (eval/detect_guidelines.md)")
    parser.add_argument("--cost", type=int, help="time the step on this many pages not in English of each set")
    parser.add_argument("--seed", type=int, default=16, help="of the sample")
    parser.add_argument("--labelled", type=Path, help="precision of a labelled sample (TSV: id, attributes, source, note)")
    args = parser.parse_args()
    if args.labelled:
        labelled(args.labelled)
        return
    if args.cost:
        cost(args.cost)
        return
    polnear = trained.polnear_rows()
    dev = {name: trained.dev_rows(name) for name in trained.DEV_SETS}
    held = trained.leave_one_set_out(polnear, dev)
    from factfile.extract.statements.detect import load_model

    shipped = load_model().threshold
    if args.sample:
        flagged = [(f"{n}:{k}", n, k) for n in trained.DEV_SETS for k in np.flatnonzero(held[n] >= shipped)]
        picked = np.random.default_rng(args.seed).permutation(len(flagged))[: args.sample]
        for number in sorted(picked):
            key, n, k = flagged[number]
            text = " ".join(dev[n].texts[k].split())
            print(f"{key}\t{dev[n].pages[k]}\t{dev[n].sources[k]}\t{held[n][k]:.2f}\t{text}")
        return
    print(f"threshold {shipped} (shipped model's); P/R/F1 on held-out candidates; positives = gold claim sentences")
    rows = []
    for name in trained.DEV_SETS:
        rows.append((name, dev[name], held[name]))
    pooled = (
        "all five",
        trained.Rows(
            [t for _, r, _ in rows for t in r.texts],
            np.concatenate([r.labels for _, r, _ in rows]),
            np.concatenate([r.verb for _, r, _ in rows]),
            sum(r.missed for _, r, _ in rows),
            sum(r.reachable for _, r, _ in rows),
        ),
        np.concatenate([p for _, _, p in rows]),
    )
    for name, r, probability in [*rows, pooled]:
        line = f"{name:11} {len(r.texts):5} candidates, {int(r.labels.sum()):3} gold; no statement {r.missed:3}, on a candidate {r.reachable:3}"
        print(line)
        for label, predicted in (
            (f"detector >= {shipped}", probability >= shipped),
            ("detector >= 0.5", probability >= 0.5),
            ("baseline reporting-verb form", r.verb),
            ("baseline names someone", np.ones(len(r.texts), dtype=bool)),
        ):
            p, rc, f = trained.scores_at(r.labels, predicted)
            print(f"            {label:30} P {p:.3f} R {rc:.3f} F1 {f:.3f}  ({int(predicted.sum())} flagged)")


def cost(per_set: int) -> None:
    """CPU seconds of the step (candidates, encoding, scoring, building) per 100 pages not in English, the readers'
    own analysis before it and the encoder's one-time load apart."""
    import time

    from factfile.extract import lang
    from factfile.extract.statements import detect

    analyses, readers = [], 0.0
    for name in trained.DEV_SETS:
        pages = trained._articles(trained.STORIES / name / "pages.jsonl")
        for _, (_, article) in zip(range(per_set), pages, strict=False):
            started = time.process_time()
            with detect.switched_off():
                analyses.append(lang.analyse(article))
            readers += time.process_time() - started
    started = time.process_time()
    detect.scores(["warm the encoder up"])
    load = time.process_time() - started
    started = time.process_time()
    made = sum(len(detect.detected(a)) for a in analyses)
    spent = time.process_time() - started
    candidates = sum(len(detect.candidates(a)) for a in analyses)
    print(
        f"{len(analyses)} pages: {candidates} candidates, {made} statements; the step {100 * spent / len(analyses):.2f} CPU s "
        f"per 100 pages (the readers before it {100 * readers / len(analyses):.1f}); encoder load {load:.1f} s once"
    )


def labelled(path: Path) -> None:
    """Round 1 labels the first speaker rule's sources; round 2 (ids "r2:...") the shipped one's, on another sample."""
    every = [r for r in csv.reader(path.open(encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
    for name, rows in (
        ("round 1", [r for r in every if ":" in r[0] and not r[0].startswith("r2:")]),
        ("round 2", [r for r in every if r[0].startswith("r2:")]),
    ):
        if rows:
            print(name, end=": ")
            _precision(rows)


def _precision(rows: list[list[str]]) -> None:
    attributes = sum(r[1] == "Y" for r in rows)
    correct = sum(r[1] == "Y" and r[2] == "Y" for r in rows)
    print(
        f"{len(rows)} labelled: attributes a claim {attributes}/{len(rows)} = {attributes / len(rows):.2f}; "
        f"right source too (correct) {correct}/{len(rows)} = {correct / len(rows):.2f}"
    )


if __name__ == "__main__":
    main()
