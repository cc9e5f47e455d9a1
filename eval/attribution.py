"""Attribution quality on PolNeAR dev: per role (source, cue, content) and whole relations.

    .venv/bin/python eval/attribution.py [--polnear ../shared/data/polnear] [--cache .cache]

Metrics follow Citron's evaluation script (citron/metrics.py) so its published figures can be
printed beside ours:
- exact: a cue matches when its span equals a gold cue; a source (content) matches when the
  predicted cue overlaps a gold cue and the source (content) fragments equal the gold ones;
  a whole relation matches when cue, sources and contents are all exact.
- overlap: tokens of predicted spans that fall inside gold spans of the same role, over all
  predicted tokens (precision) and over all gold tokens (recall).
Nested attributions (found inside another's content) are left out: PolNeAR does not annotate them.

The published PolNeAR figures (CofeNet, COLING 2022) use another protocol, printed beside ours as
"per-role segments": each sentence is a BIO tag sequence, and each role is scored alone on the
contiguous runs of its tags (github.com/cofe-ai/CofeNet exe/eval/evaluation.py). A run matches a gold
run of the same role with the same tokens, whatever cue it belongs to; a content over several
sentences, or in several fragments, is several runs, each counted on its own.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from factfile.extract.statements import find_attributions
from factfile.extract.statements.encoder import ENCODER_DIR, EncoderTagger
from factfile.extract.statements.polnear import GoldArticle, load_split, parsed
from factfile.extract.statements.relations import Attribution
from factfile.extract.statements.tagger import EDGES_FILE, LEXICON_FILE, MODEL_FILE, Tagger

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("cue", "source", "content")

# BBC R&D Citron, model en_2021-11-15, "Quantitative Analysis" (citron_evaluate.py), from
# https://github.com/bbc/citron/blob/main/models/en_2021-11-15/README.md. Citron publishes these
# figures for the PARC 3.0 test partition (its training corpus); it publishes none on PolNeAR.
CITRON = {
    ("cue", "exact"): (93.3, 73.6, 82.3),
    ("cue", "overlap"): (96.5, 63.9, 76.8),
    ("source", "exact"): (92.9, 73.3, 82.0),
    ("source", "overlap"): (97.4, 75.8, 85.3),
    ("content", "exact"): (67.3, 53.1, 59.3),
    ("content", "overlap"): (93.2, 75.3, 83.3),
    ("relation", "exact"): (64.3, 50.7, 56.7),
    ("relation", "overlap"): (74.7, 93.8, 83.2),
}
CITRON_SOURCE = "Citron en_2021-11-15 model card, github.com/bbc/citron models/en_2021-11-15/README.md (PARC 3.0 test)"
# CofeNet (Wang et al., COLING 2022), exact-match F1 on PolNeAR test: BERT-CofeNet and BERT-CRF.
COFENET = {"cue": (75.3, 74.9), "source": (83.2, 82.2), "content": (72.9, 71.0)}

Fragments = tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Relation:
    cue: Fragments
    source: Fragments
    content: Fragments


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    overlap: int = 0
    predicted: int = 0
    gold: int = 0


def predicted_relations(doc: Doc, attributions: list[Attribution]) -> list[Relation]:
    def chars(spans) -> Fragments:
        return tuple(sorted((doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1])) for s in spans))

    return [
        Relation(cue=chars([a.cue]), source=chars(a.sources), content=chars(a.contents))
        for a in attributions
        if a.parent is None
    ]


def gold_relations(article: GoldArticle) -> list[Relation]:
    return [Relation(cue=g.cue, source=g.source, content=g.content) for g in article.attributions]


def _overlaps(a: Fragments, b: Fragments) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def _tokens(doc: Doc, fragments: Fragments) -> set[int]:
    result: set[int] = set()
    for start, end in fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            result.update(t.i for t in span if not t.is_space)
    return result


def _exact(predicted: list[Relation], gold: list[Relation], match) -> tuple[int, int, int]:
    tp = sum(any(match(p, g) for g in gold) for p in predicted)
    fn = sum(not any(match(p, g) for p in predicted) for g in gold)
    return tp, len(predicted) - tp, fn


MATCHES = {
    "cue": lambda p, g: p.cue == g.cue,
    "source": lambda p, g: _overlaps(p.cue, g.cue) and p.source == g.source,
    "content": lambda p, g: _overlaps(p.cue, g.cue) and p.content == g.content,
    "relation": lambda p, g: p.cue == g.cue and p.source == g.source and p.content == g.content,
}


def score(doc: Doc, predicted: list[Relation], gold: list[Relation], counts: dict[str, Counts]) -> None:
    for name, match in MATCHES.items():
        tp, fp, fn = _exact(predicted, gold, match)
        c = counts[name]
        c.tp, c.fp, c.fn = c.tp + tp, c.fp + fp, c.fn + fn
    for role in ROLES:
        mine = set().union(*(_tokens(doc, getattr(p, role)) for p in predicted)) if predicted else set()
        theirs = set().union(*(_tokens(doc, getattr(g, role)) for g in gold)) if gold else set()
        for name in (role, "relation"):
            c = counts[name]
            c.overlap += len(mine & theirs)
            c.predicted += len(mine)
            c.gold += len(theirs)


def segments(doc: Doc, fragments: Fragments) -> set[tuple[int, int]]:
    """The role's runs of tokens as a per-sentence BIO tagging gives them: a run ends at a token
    outside the fragments or at a sentence start; spaces are not tokens there (CofeNet's
    sentences hold none), so fragments split only by whitespace make one run."""
    inside = _tokens(doc, fragments)
    runs: set[tuple[int, int]] = set()
    run: list[int] = []
    for token in doc:
        if token.is_space:
            continue
        if run and (token.i not in inside or token.is_sent_start):
            runs.add((run[0], run[-1] + 1))
            run = []
        if token.i in inside:
            run.append(token.i)
    if run:
        runs.add((run[0], run[-1] + 1))
    return runs


def score_segments(doc: Doc, predicted: list[Relation], gold: list[Relation], counts: dict[str, Counts]) -> None:
    """The published protocol: per role, the set of runs of all attributions, no linking."""
    for role in ROLES:
        mine = set().union(*(segments(doc, getattr(p, role)) for p in predicted))
        theirs = set().union(*(segments(doc, getattr(g, role)) for g in gold))
        c = counts[role]
        c.tp, c.fp, c.fn = c.tp + len(mine & theirs), c.fp + len(mine - theirs), c.fn + len(theirs - mine)


def prf(tp: float, predicted: float, gold: float) -> tuple[float, float, float]:
    p = 100 * tp / predicted if predicted else 0.0
    r = 100 * tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache")
    parser.add_argument("--without-rules", action="store_true", help="the tagger alone, without the parse patterns")
    parser.add_argument("--model-dir", type=Path, default=MODEL_FILE.parent, help="a trained model and lexicon to score")
    parser.add_argument("--tagger", choices=("crf", "encoder"), default="crf", help="which attribution tagger to score")
    parser.add_argument("--encoder", type=Path, default=ENCODER_DIR, help="the int8 encoder to score (--tagger encoder)")
    parser.add_argument("--checkpoint", type=Path, help="score an unquantised training checkpoint instead (--tagger encoder)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N dev articles (a quick look, not a result)")
    args = parser.parse_args()

    articles = load_split(args.polnear / "dev")
    docs = parsed(articles, args.cache, "dev")
    if args.limit:
        articles, docs = articles[: args.limit], docs[: args.limit]
    lexicon, edges = args.model_dir / LEXICON_FILE.name, args.model_dir / EDGES_FILE.name
    if args.tagger == "crf":
        tagger = Tagger(args.model_dir / MODEL_FILE.name, lexicon, edges)
    elif args.checkpoint:
        tagger = EncoderTagger(args.checkpoint, lexicon, edges, checkpoint=True)
    else:
        tagger = EncoderTagger(args.encoder, lexicon, edges)
    counts = {name: Counts() for name in MATCHES}
    per_role = {role: Counts() for role in ROLES}
    started = time.perf_counter()
    n_predicted = n_gold = 0
    for doc, article in zip(docs, articles, strict=True):
        predicted = predicted_relations(doc, find_attributions(doc, tagger, rules=not args.without_rules))
        gold = gold_relations(article)
        n_predicted += len(predicted)
        n_gold += len(gold)
        score(doc, predicted, gold, counts)
        score_segments(doc, predicted, gold, per_role)
    elapsed = time.perf_counter() - started

    setup = f"{args.tagger} " + ("tagger only" if args.without_rules else "tagger + parse patterns")
    print(f"PolNeAR dev ({setup}): {len(articles)} articles, {n_gold} gold attributions, {n_predicted} predicted ({elapsed:.1f} s)")
    print(f"{'':10}{'metric':9}{'P':>7}{'R':>7}{'F1':>7}   | Citron {'P':>6}{'R':>7}{'F1':>7}  F1 >= Citron")
    for name in ("cue", "source", "content", "relation"):
        c = counts[name]
        for metric, (p, r, f) in (
            ("exact", prf(c.tp, c.tp + c.fp, c.tp + c.fn)),
            ("overlap", prf(c.overlap, c.predicted, c.gold)),
        ):
            cp, cr, cf = CITRON[(name, metric)]
            verdict = "yes" if f >= cf else "no"
            print(f"{name:10}{metric:9}{p:7.1f}{r:7.1f}{f:7.1f}   |        {cp:6.1f}{cr:7.1f}{cf:7.1f}  {verdict}")
    print(f"Citron figures: {CITRON_SOURCE}")
    print("\nPer-role segments (CofeNet's protocol: sentence BIO runs, each role alone, no linking), exact:")
    print(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}   | CofeNet F1, BERT-CRF F1 (PolNeAR test)")
    for role in ("cue", "source", "content"):
        c = per_role[role]
        p, r, f = prf(c.tp, c.tp + c.fp, c.tp + c.fn)
        print(f"{role:10}{p:7.1f}{r:7.1f}{f:7.1f}   | {COFENET[role][0]:5.1f} {COFENET[role][1]:5.1f}")
    print("CofeNet figures: Wang et al., COLING 2022 (aclanthology.org/2022.coling-1.215), exact match")


if __name__ == "__main__":
    main()
