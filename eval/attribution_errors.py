"""Where attributions go wrong on PolNeAR dev: each gold source or content, by what happened to it.

    .venv/bin/python eval/attribution_errors.py [--tagger encoder] [--role content] [--examples 15]

Every gold attribution's span of the role (a source or content is scored only with a predicted
cue overlapping its gold cue, as in eval/attribution.py) falls in one class (cues: the first three):
- exact, or cue missed (no predicted cue overlaps the gold one: the whole attribution is lost);
- role missed: the cue was found but given no span of this role (for sources: a pronoun, or a
  source in another sentence than its cue);
- boundary: the predicted span overlaps the gold one, off by quote marks, punctuation, a
  determiner, function words, up to three words or more at one edge, or its fragments;
- linking: the gold span went to another cue; wrong span: a span elsewhere.
It also counts the gold attributions that straddle two encoder windows (windows.py), which a
sliding window would see whole. Spurious predicted cues are counted apart.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from attribution import ROOT, _overlaps, _tokens, gold_relations, predicted_relations  # type: ignore[import-not-found]

from factfile.extract.statements import chosen_tagger, find_attributions
from factfile.extract.statements.polnear import load_split, parsed

QUOTES = set("\"“”'‘’«»") | {"``", "''"}
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
FUNCTION_POS = frozenset({"SCONJ", "CCONJ", "ADP", "AUX", "PART", "DET"})


def boundary(doc, predicted, gold) -> str:
    mine, theirs = _tokens(doc, predicted), _tokens(doc, gold)
    if mine == theirs:
        return "fragments differ"
    words = [doc[i] for i in sorted(mine ^ theirs)]
    if all(w.text in QUOTES for w in words):
        return "quote marks"
    if all(w.is_punct for w in words):
        return "punctuation"
    if all(w.is_punct or w.lower_ in DETERMINERS for w in words):
        return "a determiner"
    if sum(not w.is_punct for w in words) <= 2 and all(w.is_punct or w.pos_ in FUNCTION_POS for w in words):
        return "function words (that, to, an auxiliary)"
    extra, missing = mine - theirs, theirs - mine
    size = "1-3 words" if len(extra | missing) <= 3 else "more than 3 words"
    if extra and not missing:
        return f"too long by {size}"
    if missing and not extra:
        return f"too short by {size}"
    return "both edges differ"


def classify(doc, role, gold, relations) -> str:
    wanted = getattr(gold, role)
    near = [p for p in relations if _overlaps(p.cue, gold.cue)]
    if any(getattr(p, role) == wanted for p in near):
        return "exact"
    if not near:
        return "cue missed"
    if role == "cue":
        return "boundary: " + boundary(doc, near[0].cue, wanted)
    mine = getattr(near[0], role)
    theirs = sorted(_tokens(doc, wanted))
    cue = sorted(_tokens(doc, gold.cue))
    elsewhere = role == "source" and theirs and cue and doc[theirs[0]].sent != doc[cue[0]].sent
    pronoun = role == "source" and len(theirs) == 1 and doc[theirs[0]].pos_ == "PRON"
    detail = " (in another sentence)" if elsewhere else " (a pronoun)" if pronoun else ""
    if not mine:
        return "role missed" + detail
    if _overlaps(mine, wanted):
        return "boundary: " + boundary(doc, mine, wanted)
    if any(getattr(p, role) == wanted for p in relations):
        return "linking: the gold span went to another cue"
    return "wrong span" + detail


def straddles(doc, gold, window_ranges) -> bool:
    """The gold attribution's spans fall in two windows, or partly outside the candidate sentences."""
    def window(char: int) -> int:
        return next((k for k, (start, end) in enumerate(window_ranges) if start <= char < end), -1)

    fragments = gold.cue + gold.source + gold.content
    return len({window(start) for start, _ in fragments} | {window(end - 1) for _, end in fragments}) > 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache")
    parser.add_argument("--tagger", choices=("crf", "encoder"), default="crf")
    parser.add_argument("--role", choices=("cue", "source", "content"), default="content")
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args()

    articles = load_split(args.polnear / "dev")
    docs = parsed(articles, args.cache, "dev")
    tagger = chosen_tagger(args.tagger)
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    spurious = straddling = 0
    for doc, article in zip(docs, articles, strict=True):
        text = article.text
        relations = predicted_relations(doc, find_attributions(doc, tagger))
        golds = gold_relations(article)
        if args.tagger == "encoder":
            from factfile.extract.statements.encoder import candidate_sentences
            from factfile.extract.statements.windows import windows

            found = windows(tagger.tokenizer, text, candidate_sentences(doc, tagger.cue_lemmas))
            ranges = [(w.offsets[0][0], w.offsets[-1][1]) for w in found]
            straddling += sum(straddles(doc, g, ranges) for g in golds)
        spurious += sum(not any(_overlaps(p.cue, g.cue) for g in golds) for p in relations)
        for gold in golds:
            if not getattr(gold, args.role):
                continue
            kind = classify(doc, args.role, gold, relations)
            kinds[kind] += 1
            near = [p for p in relations if _overlaps(p.cue, gold.cue)]
            shown = " … ".join(text[s:e] for s, e in getattr(near[0], args.role)) if near else "-"
            examples.setdefault(kind, []).append(
                f"gold {' … '.join(text[s:e] for s, e in getattr(gold, args.role))[:160]!r}\n      ours {shown[:160]!r}"
            )
    total = sum(kinds.values())
    print(f"{args.tagger}, {args.role}: {total} gold spans; {spurious} predicted cues overlap no gold cue")
    for kind, n in kinds.most_common():
        print(f"  {kind:50}{n:6}{100 * n / total:7.1f}%")
    if args.tagger == "encoder":
        print(f"gold attributions straddling two encoder windows (or outside the candidate sentences): {straddling}")
    for kind, rows in examples.items():
        if kind != "exact":
            print(f"\n{kind} ({len(rows)}), first {args.examples}:")
            for row in rows[: args.examples]:
                print("  " + row)


if __name__ == "__main__":
    main()
