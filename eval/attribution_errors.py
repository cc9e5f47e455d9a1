"""Where attribution spans go wrong on PolNeAR dev, per role: missed, spurious, or wrong boundaries.

    .venv/bin/python eval/attribution_errors.py [--role cue] [--examples 15]

A predicted span that overlaps a gold span of the same role but differs from it is a boundary
mismatch; for those, the words we add or drop at either edge are counted, which shows where our
conventions differ from the annotators' (auxiliaries, "that", a final full stop, quote marks).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from attribution import ROOT, gold_relations, predicted_relations  # type: ignore[import-not-found]

from factfile.extract.statements import find_attributions
from factfile.extract.statements.polnear import load_split, parsed
from factfile.extract.statements.tagger import default_tagger

Fragments = tuple[tuple[int, int], ...]


def _edges(text: str, predicted: Fragments, gold: Fragments) -> list[str]:
    """Words added (+) or dropped (-) at the left (L) and right (R) edge of a mismatched span."""
    (ps, pe), (gs, ge) = (predicted[0][0], predicted[-1][1]), (gold[0][0], gold[-1][1])
    found = []
    if ps < gs:
        found.append("L+ " + " ".join(text[ps:gs].split()[:3]))
    elif ps > gs:
        found.append("L- " + " ".join(text[gs:ps].split()[:3]))
    if pe > ge:
        found.append("R+ " + " ".join(text[ge:pe].split()[-3:]))
    elif pe < ge:
        found.append("R- " + " ".join(text[pe:ge].split()[-3:]))
    if (ps, pe) == (gs, ge):
        found.append("fragments differ")
    return found


def _show(text: str, fragments: Fragments) -> str:
    return " … ".join(" ".join(text[s:e].split()) for s, e in fragments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache")
    parser.add_argument("--role", choices=("cue", "source", "content"), default="cue")
    parser.add_argument("--examples", type=int, default=15)
    args = parser.parse_args()

    articles = load_split(args.polnear / "dev")
    docs = parsed(articles, args.cache, "dev")
    tagger = default_tagger()
    kinds: Counter[str] = Counter()
    edges: Counter[str] = Counter()
    missed_words: Counter[str] = Counter()
    spurious_words: Counter[str] = Counter()
    examples: dict[str, list[str]] = {"missed": [], "spurious": [], "boundary": []}
    for doc, article in zip(docs, articles, strict=True):
        text = article.text
        predicted = [getattr(p, args.role) for p in predicted_relations(doc, find_attributions(doc, tagger)) if getattr(p, args.role)]
        gold = [getattr(g, args.role) for g in gold_relations(article) if getattr(g, args.role)]
        for p in predicted:
            if p in gold:
                kinds["exact"] += 1
                continue
            near = [g for g in gold if any(s < e2 and s2 < e for s, e in p for s2, e2 in g)]
            if not near:
                kinds["spurious"] += 1
                spurious_words[_show(text, p).lower() if args.role == "cue" else "-"] += 1
                examples["spurious"].append(f"{_show(text, p)!r}")
                continue
            kinds["boundary"] += 1
            edges.update(_edges(text, p, near[0]))
            examples["boundary"].append(f"pred {_show(text, p)!r}\n      gold {_show(text, near[0])!r}")
        for g in gold:
            if not any(any(s < e2 and s2 < e for s, e in p for s2, e2 in g) for p in predicted):
                kinds["missed"] += 1
                missed_words[_show(text, g).lower() if args.role == "cue" else "-"] += 1
                start = max(0, g[0][0] - 60)
                examples["missed"].append(f"{_show(text, g)!r} in …{' '.join(text[start : g[-1][1] + 40].split())}…")
    print(f"{args.role}: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("boundary edges:", ", ".join(f"{k!r} {n}" for k, n in edges.most_common(40)))
    if args.role == "cue":
        print("missed cues:", ", ".join(f"{k!r} {n}" for k, n in missed_words.most_common(40)))
        print("spurious cues:", ", ".join(f"{k!r} {n}" for k, n in spurious_words.most_common(40)))
    for kind, rows in examples.items():
        print(f"\n{kind} ({len(rows)}), first {args.examples}:")
        for row in rows[: args.examples]:
            print("  " + row)


if __name__ == "__main__":
    main()
