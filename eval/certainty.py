"""Certainty (asserted / reported / hedged / denied) against hand labels on a sample of PolNeAR dev.

    .venv/bin/python eval/certainty.py --draw    # write eval/certainty/sample.tsv (the items to label)
    .venv/bin/python eval/certainty.py --draw --seed 22 --strata 20,35,30,15   # a further sample, sample-22.tsv
    .venv/bin/python eval/certainty.py           # score factfile's certainty against every gold*.tsv

Items are PolNeAR's gold attributions (its annotators' cue and content spans, so the score is of
certainty alone, not of finding the attribution) and sentences no gold attribution touches. The
draw is seeded and takes: a random stratum of attributions, a stratum whose cue holds a negation or
rejection word and one whose content holds a modal or a word of doubt (denials and hedges are rare;
without these `denied` and `hedged` would have too few items to score; the word lists are broader
than certainty.py's and say nothing of the label), and a random stratum of own-voice sentences.
A further draw (another seed) leaves out every item of the samples already drawn and is labelled in
its own gold file; the score is over all of them. Labels follow
eval/certainty/GUIDELINES.md. The baseline labels every attribution `reported` and every own-voice
sentence `asserted`.

The guideline labels how the article presents the content; factfile keeps it as two marks, the source's certainty
and the reporter's framing (extract/statements/framing.py). An attribution is scored on their combination,
`framing.presented`: denied or hedged as the source's certainty says, otherwise hedged when the cue or content holds a
distancing word ("claimed", "accused", "allegedly"), otherwise the source's certainty. An own-voice
sentence's reporter is its source: its certainty is scored as it is.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections import Counter
from pathlib import Path

from factfile.extract.statements.certainty import certainty_of, certainty_of_article
from factfile.extract.statements.framing import framing_of, presented
from factfile.extract.statements.polnear import load_split, parsed

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "eval" / "certainty"
LABELS = ("asserted", "reported", "hedged", "denied")
NEGATION = re.compile(r"(?:\bnot\b|n't|\bnever\b|\bno\b|\bden(?:y|ie)|reject|dismiss|refut|disput|rebut|\bfalse|\blie)", re.I)
UNSURE = re.compile(r"\b(?:may|might|could|would|possibl\w*|perhaps|probabl\w*|likely|unlikely|alleg\w*|claim\w*|appear\w*|seem\w*|suggest\w*|expect\w*|whether|if)\b", re.I)
STRATA = {"random": 40, "negation": 20, "unsure": 15, "own-voice": 20}


def _text(text: str, fragments) -> str:
    return " … ".join(text[a:b] for a, b in fragments)


def items(polnear: Path, cache: Path):
    """Every candidate item of dev: (id, kind, cue fragments, content fragments, doc, article)."""
    articles = load_split(polnear / "dev")
    docs = parsed(articles, cache, "dev")
    for article, doc in zip(articles, docs, strict=True):
        covered = [False] * len(article.text)
        for g in article.attributions:
            for a, b in (*g.cue, *g.source, *g.content):
                covered[a:b] = [True] * (b - a)
            yield f"{article.name}:{g.cue[0][0]}-{g.cue[-1][1]}", "attribution", g.cue, g.content, doc, article
        for sentence in doc.sents:
            words = [t for t in sentence if not t.is_punct and not t.is_space]
            if len(words) >= 5 and sentence.root.pos_ in ("VERB", "AUX") and not any(covered[sentence.start_char : sentence.end_char]):
                span = ((sentence.start_char, sentence.end_char),)
                yield f"{article.name}:{sentence.start_char}-{sentence.end_char}", "own-voice", (), span, doc, article


def drawn_ids() -> set[str]:
    """Ids of every item in the samples already drawn."""
    return {row["id"] for path in HERE.glob("sample*.tsv") for row in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t")}


def draw(polnear: Path, cache: Path, seed: int, strata: dict[str, int]) -> None:
    rng = random.Random(seed)
    first = seed == 21
    earlier = set() if first else drawn_ids()
    pool = [i for i in items(polnear, cache) if i[0] not in earlier]
    attributions = [i for i in pool if i[1] == "attribution"]
    chosen = rng.sample(attributions, strata["random"])
    for stratum, words, where in (("negation", NEGATION, 2), ("unsure", UNSURE, 3)):
        taken = {i[0] for i in chosen}
        rest = [i for i in attributions if i[0] not in taken and words.search(_text(i[5].text, i[where]))]
        if len(rest) < strata[stratum]:
            raise SystemExit(f"stratum {stratum}: only {len(rest)} undrawn items left, {strata[stratum]} asked for")
        chosen += [(*i[:1], stratum, *i[2:]) for i in rng.sample(rest, strata[stratum])]
    chosen += rng.sample([i for i in pool if i[1] == "own-voice"], strata["own-voice"])
    HERE.mkdir(parents=True, exist_ok=True)
    target = HERE / ("sample.tsv" if first else f"sample-{seed}.tsv")
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(("id", "kind", "cue", "content", "sentence"))
        for item_id, kind, cue, content, doc, article in chosen:
            start = (cue or content)[0][0]
            sentence = doc.char_span(start, start + 1, alignment_mode="expand").sent
            writer.writerow((item_id, kind, _text(article.text, cue), _text(article.text, content), sentence.text.replace("\n", " ")))
    print(f"{len(chosen)} items -> {target}")


def predict(kind: str, cue, content, doc, text: str) -> str:
    if kind == "own-voice":
        sentence = doc.char_span(*content[0], alignment_mode="expand")
        return certainty_of_article(sentence, text[content[0][0] : content[0][1]])[0]
    cue_tokens = [t for a, b in cue for t in doc.char_span(a, b, alignment_mode="expand")]
    content_tokens = [t for a, b in content for t in doc.char_span(a, b, alignment_mode="expand")]
    content_text = " ".join(text[a:b] for a, b in content)
    framing = framing_of(" ".join(t.text for t in cue_tokens), content_text)
    return presented(certainty_of(cue_tokens, content_tokens, content_text)[0], framing)


def score(polnear: Path, cache: Path) -> None:
    gold: dict[str, str] = {}
    for path in sorted(HERE.glob("gold*.tsv")):
        labelled = {row["id"]: row["label"].strip() for row in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t")}
        bad = {k: v for k, v in labelled.items() if v not in LABELS}
        if bad:
            raise SystemExit(f"{path}: unknown labels {bad}")
        gold.update(labelled)
    found = {i[0]: i for i in items(polnear, cache) if i[0] in gold}
    missing = set(gold) - set(found)
    if missing:
        raise SystemExit(f"{HERE}: labelled ids not in PolNeAR dev: {sorted(missing)[:3]}")
    pairs = {"factfile": [], "baseline": []}
    for item_id, label in gold.items():
        _, kind, cue, content, doc, article = found[item_id]
        pairs["factfile"].append((label, predict(kind, cue, content, doc, article.text)))
        pairs["baseline"].append((label, "asserted" if kind == "own-voice" else "reported"))
    print(f"certainty on {len(gold)} hand-labelled PolNeAR dev items ({dict(Counter(gold.values()))})")
    print(f"{'class':10}{'':2}{'factfile P':>11}{'R':>7}{'F1':>7}   | baseline {'P':>6}{'R':>7}{'F1':>7}")
    for label in LABELS:
        row = []
        for name in ("factfile", "baseline"):
            c = Counter((g == label, p == label) for g, p in pairs[name])
            p = c[True, True] / (c[True, True] + c[False, True]) if c[True, True] + c[False, True] else 0.0
            r = c[True, True] / (c[True, True] + c[True, False]) if c[True, True] + c[True, False] else 0.0
            row += [p, r, 2 * p * r / (p + r) if p + r else 0.0]
        print(f"{label:12}{row[0]:11.2f}{row[1]:7.2f}{row[2]:7.2f}   |          {row[3]:6.2f}{row[4]:7.2f}{row[5]:7.2f}")
    for name, rows in pairs.items():
        print(f"{name} accuracy {sum(g == p for g, p in rows) / len(rows):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache")
    parser.add_argument("--draw", action="store_true", help="write the sample to label instead of scoring")
    parser.add_argument("--seed", type=int, default=21, help="21 draws the first sample; another seed a further one")
    parser.add_argument("--strata", default=",".join(str(n) for n in STRATA.values()), help="items per stratum: " + ",".join(STRATA))
    args = parser.parse_args()
    if args.draw:
        draw(args.polnear, args.cache, args.seed, dict(zip(STRATA, (int(n) for n in args.strata.split(",")), strict=True)))
    else:
        score(args.polnear, args.cache)


if __name__ == "__main__":
    main()
