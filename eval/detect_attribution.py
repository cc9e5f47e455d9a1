"""Leave-one-set-out scores of the attribution detector (extract/statements/detect.py) on the five dev sets.

    PYTHONPATH=. .venv/bin/python eval/detect_attribution.py

For each dev set, a model is trained as train/detect_attribution.py trains it (PolNeAR and the other four sets) and
scores the held-out set's candidates: sentences of pages not in English that no reader's statement touches and that
name someone. A candidate is positive when a gold claim's quote lies in it; a negative may still attribute a claim the
gold did not label, so precision is a lower bound. Beside it, two baselines on the same candidates: "a word of
reported_forms.tsv in the sentence" and "names a person, body or state" (every candidate). "no statement" counts the
gold occurrences no statement touches (eval/realstory.py's "no statement", computed here from the readers alone) and
how many lie on a candidate, which bounds the recall the step can reach.

The source of a detected statement (train/detect_source.py's ranker):

    PYTHONPATH=. .venv/bin/python eval/detect_attribution.py --store dev5.db     # leave-one-set-out, gold sentences
    PYTHONPATH=. .venv/bin/python eval/detect_attribution.py --source-labelled eval/detect_labels_r3.tsv --store dev5.db

`--store` scores the ranker trained on four sets against the first rule on the fifth set's sentences that carry a
gold claim occurrence; `--source-sample` draws a round-3 sample to label (eval/detect_guidelines.md) and
`--source-labelled` counts right / wrong / no statement on it. The store is one of the five dev sets written by
eval/realstory.py --keep (it gives each chain its actor record and each gold source its main record).
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
import detect_source  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, help="print this many held-out detections to label (eval/detect_guidelines.md)")
    parser.add_argument("--cost", type=int, help="time the step on this many pages not in English of each set")
    parser.add_argument("--seed", type=int, default=16, help="of the sample")
    parser.add_argument("--labelled", type=Path, help="precision of a labelled sample (TSV: id, attributes, source, note)")
    parser.add_argument("--store", type=Path, help="a store of the five dev sets: leave-one-set-out source ranker figures")
    parser.add_argument("--source-sample", type=int, help="print this many flagged sentences with their options to label")
    parser.add_argument("--source-labelled", type=Path, help="right/wrong/none of a round-3 sample (needs --store)")
    args = parser.parse_args()
    if args.labelled:
        labelled(args.labelled)
        return
    if args.source_sample:
        source_sample(args.source_sample, args.seed)
        return
    if args.source_labelled:
        source_labelled(args.source_labelled, args.store)
        return
    if args.store:
        sources(args.store)
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


OUTCOMES = ("right", "other", "none")


def sources(store: Path) -> None:
    """Leave one set out: the source ranker fitted on four sets' gold claim sentences (train/detect_source.py) against
    the first rule, on the fifth set's sentences that carry a gold claim occurrence: the detector's candidates (no
    reader's statement in them: what switching the step on changes) and, apart, every such sentence."""
    records = detect_source.gold_records(store)
    rows = {name: detect_source.rows(name, records[name]) for name in trained.DEV_SETS}
    print("gold claim sentences: right / other actor / none (no statement); the ranker trained without the set")
    total: dict[str, dict[str, int]] = {}
    for held in trained.DEV_SETS:
        weights = detect_source.fit([r for name in trained.DEV_SETS if name != held for r in rows[name]])
        counts = _outcomes(rows[held], weights)
        for key, value in counts.items():
            total[key] = {o: total.get(key, {}).get(o, 0) + value[o] for o in OUTCOMES}
        print(_outcome_line(held, counts))
    print(_outcome_line("all five", total))


def _outcomes(rows: list[dict], weights: dict[str, float]) -> dict[str, dict[str, int]]:
    counts = {key: dict.fromkeys(OUTCOMES, 0) for key in ("rule cand", "ranker cand", "best cand", "rule all", "ranker all")}
    for row in rows:
        named = any(a in row["right"] for a, _ in row["options"] if a is not None)
        chosen = detect_source.choice(weights, row)
        scopes = ("cand", "all") if row["detected"] is not None else ("all",)
        for scope in scopes:
            counts[f"rule {scope}"][detect_source.outcome(row["rule"], row)] += 1
            counts[f"ranker {scope}"][detect_source.outcome(chosen, row)] += 1
        if row["detected"] is not None:
            counts["best cand"]["right" if named else "none"] += 1
    return counts


def _outcome_line(name: str, counts: dict[str, dict[str, int]]) -> str:
    def part(key: str) -> str:
        return "/".join(str(counts[key][o]) for o in OUTCOMES)

    return (
        f"{name:11} candidates: rule {part('rule cand')}, ranker {part('ranker cand')} (a right option exists in "
        f"{counts['best cand']['right']}); every sentence: rule {part('rule all')}, ranker {part('ranker all')}"
    )


def _flagged() -> list[tuple[str, str, int, object, object]]:
    """(id, set, index, analysis, candidate) of each dev candidate the shipped detector flags, in the order of
    train/detect_attribution.py's rows (ids are "set:index" there)."""
    from factfile.extract.statements.detect import candidates, load_model

    model = load_model()
    found = []
    for name in trained.DEV_SETS:
        rows = trained.dev_rows(name)
        flags = trained.probabilities(trained.vectors(rows.texts), model.weights, model.bias) >= model.threshold
        index = 0
        for _, analysis in detect_source.analyses(name):
            for candidate in candidates(analysis):
                if flags[index]:
                    found.append((f"{name}:{index}", name, index, analysis, candidate))
                index += 1
    return found


def _sampled_before() -> set[str]:
    """The first 100 characters of each sentence earlier rounds labelled (their ids index rows of an older reader)."""
    path = ROOT / "eval" / "detect_labels.tsv"
    rows = [r for r in csv.reader(path.open(encoding="utf-8"), delimiter="\t") if len(r) > 6 and not r[0].startswith("#")]
    return {" ".join(r[6].split())[:100] for r in rows}


def source_sample(size: int, seed: int) -> None:
    """Flagged sentences no earlier round sampled, with their options (not which one is picked)."""
    from factfile.extract.statements.detect import source_options

    old = _sampled_before()
    flagged = [f for f in _flagged() if " ".join(f[4].sentence.text.split())[:100] not in old]
    print(f"# {len(flagged)} flagged sentences not sampled before; drawn {min(size, len(flagged))} with seed {seed}")
    for number in sorted(np.random.default_rng(seed).permutation(len(flagged))[:size]):
        key, _, _, analysis, candidate = flagged[number]
        options = [m for m, _ in source_options(analysis, candidate) if m is not None]
        names = "; ".join(f"{k + 1}={m.span.text} ({analysis.chains[m.chain].name})" for k, m in enumerate(options))
        print(f"r3:{key}\t\t\t\t{names}\t{' '.join(candidate.sentence.text.split())}")


def source_labelled(path: Path, store: Path) -> None:
    """Right / wrong / none of the first rule and of the ranker trained without the item's set on a round-3 sample."""
    from factfile.extract.statements.detect import source_options, speaker, speaker_by_rule
    from factfile.extract.statements.linker import Linker

    labels = {
        r[0].removeprefix("r3:"): r
        for r in csv.reader(path.open(encoding="utf-8"), delimiter="\t")
        if r and r[0].startswith("r3:")
    }
    records = detect_source.gold_records(store)
    rows = {name: detect_source.rows(name, records[name]) for name in trained.DEV_SETS}
    rankers = {
        held: Linker(detect_source.fit([r for name in trained.DEV_SETS if name != held for r in rows[name]]))
        for held in trained.DEV_SETS
    }
    counts = {way: dict.fromkeys(("right", "wrong", "none right", "none lost"), 0) for way in ("rule", "ranker")}
    attributes = 0
    for key, name, _, analysis, candidate in _flagged():
        if key not in labels:
            continue
        attributes += labels[key][1] == "Y"
        speaking = set(labels[key][2].split(",")) - {"-", "0", ""}
        options = [m for m, _ in source_options(analysis, candidate) if m is not None]
        for way, chosen in (
            ("rule", speaker_by_rule(analysis, candidate)),
            ("ranker", speaker(analysis, candidate, rankers[name])),
        ):
            picked = next((str(k + 1) for k, m in enumerate(options) if chosen is not None and m.chain == chosen.chain), None)
            if picked is None:
                counts[way]["none lost" if speaking else "none right"] += 1
            else:
                counts[way]["right" if picked in speaking else "wrong"] += 1
    print(f"round 3: {len(labels)} labelled, attributes a claim {attributes}")
    for way, c in counts.items():
        print(
            f"  {way:7} right {c['right']}, wrong {c['wrong']}, no statement {c['none right'] + c['none lost']} "
            f"(rightly {c['none right']}, losing a named speaker {c['none lost']})"
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
