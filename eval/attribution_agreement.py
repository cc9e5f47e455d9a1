"""How far PolNeAR's annotators agree with each other, with the metrics of eval/attribution.py.

    .venv/bin/python eval/attribution_agreement.py [--polnear ../shared/data/polnear] [--split train]

A few articles were annotated by several annotators to measure agreement; scoring each annotator
against each other one with the exact-span matches of the evaluation gives the ceiling a model
trained on this corpus can be expected to reach on exact spans. The same pairs are also scored by
the published protocol (per-role sentence BIO runs, eval/attribution.py `segments`), on spaCy's
sentences of the pipeline's model.
"""

from __future__ import annotations

import argparse
import itertools
from collections import defaultdict
from pathlib import Path

from attribution import MATCHES, ROLES, ROOT, Relation, _exact, prf, segments  # type: ignore[import-not-found]

from factfile.extract.nlp import load_model
from factfile.extract.statements.polnear import parse_ann


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--split", default="train")
    args = parser.parse_args()

    root = args.polnear / args.split
    annotations = defaultdict(list)
    for ann in sorted((root / "attributions").glob("*.ann")):
        annotations[ann.stem.rsplit("_", 1)[0]].append(ann)
    totals = {name: [0, 0, 0] for name in MATCHES}
    per_role = {role: [0, 0, 0] for role in ROLES}
    nlp = load_model()
    articles = 0
    for name, files in annotations.items():
        if len(files) < 2:
            continue
        articles += 1
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        relations = [[Relation(g.cue, g.source, g.content) for g in parse_ann(f, len(text))] for f in files]
        doc = nlp(text)
        for gold, other in itertools.permutations(relations, 2):
            for metric, match in MATCHES.items():
                for k, n in enumerate(_exact(other, gold, match)):
                    totals[metric][k] += n
            for role in ROLES:
                theirs = set().union(*(segments(doc, getattr(r, role)) for r in gold))
                mine = set().union(*(segments(doc, getattr(r, role)) for r in other))
                for k, n in enumerate((len(mine & theirs), len(mine - theirs), len(theirs - mine))):
                    per_role[role][k] += n
    print(f"PolNeAR {args.split}: {articles} articles with several annotators, each scored against each other")
    for metric, (tp, fp, fn) in totals.items():
        print(f"{metric:10}exact F1 {prf(tp, tp + fp, tp + fn)[2]:5.1f}")
    print("per-role segments (the published protocol):")
    for role, (tp, fp, fn) in per_role.items():
        print(f"{role:10}exact F1 {prf(tp, tp + fp, tp + fn)[2]:5.1f}")


if __name__ == "__main__":
    main()
