"""Train the attribution tagger on PolNeAR train: writes the CRF model, the cue lexicon and the
cue-edge table into the package.

    .venv/bin/python train/attribution.py [--polnear ../shared/data/polnear] [--cache .cache]
    .venv/bin/python train/attribution.py --holdout 6 --c1 0.2 --model-dir /tmp/try   # tuning

Takes about five minutes of CPU: spaCy parses the 840 training articles once (cached as a DocBin),
the reporting-word lexicon and the words cues take in at their edges are counted from the gold
cues, then crfsuite fits the CRF. `--holdout K` is for tuning on train, never on dev: it leaves out
every K-th article and prints the token F1 per role on those.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from factfile.extract.statements.features import sequences, token_features
from factfile.extract.statements.polnear import GoldArticle, load_split, parsed
from factfile.extract.statements.tagger import EDGES_FILE, LEXICON_FILE, MODEL_FILE

TAG_OF_ROLE = {"source": "SRC", "cue": "CUE", "content": "CON"}
ROOT = Path(__file__).resolve().parent.parent


def gold_labels(doc: Doc, article: GoldArticle) -> list[str]:
    """BIO label per token: a token takes the role of the annotated fragment it overlaps."""
    owner: list[tuple[int, str, int] | None] = [None] * len(doc)
    for number, attribution in enumerate(article.attributions):
        for role in TAG_OF_ROLE:
            for piece, (start, end) in enumerate(getattr(attribution, role)):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    if not token.is_space and owner[token.i] is None:
                        owner[token.i] = (number, role, piece)
    labels = ["O"] * len(doc)
    for tokens in sequences(doc):
        previous = None
        for token in tokens:
            current = owner[token.i]
            if current is not None:
                labels[token.i] = ("I-" if current == previous else "B-") + TAG_OF_ROLE[current[1]]
            previous = current
    return labels


def cue_counts(doc: Doc, labels: list[str]) -> tuple[Counter[str], Counter[str]]:
    """(times each lemma is part of a gold cue, times it occurs) in one article."""
    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for token, label in zip(doc, labels, strict=True):
        if token.is_punct or token.is_space or token.is_stop and token.pos_ not in ("VERB",):
            continue
        lemma = token.lemma_.lower()
        seen[lemma] += 1
        if label.endswith("CUE") and token.pos_ in ("VERB", "NOUN", "ADJ", "ADP", "AUX"):
            as_cue[lemma] += 1
    return as_cue, seen


def cue_lexicon(as_cue: Counter[str], seen: Counter[str], min_count: int = 3, min_ratio: float = 0.05) -> list[tuple[str, int, float]]:
    """Lemmas that are gold cues often enough, with how often they are a cue when they occur."""
    return sorted(
        ((lemma, n, n / seen[lemma]) for lemma, n in as_cue.items() if n >= min_count and n / seen[lemma] >= min_ratio),
        key=lambda row: -row[1],
    )


def cue_edges(docs: list[Doc], labels: list[list[str]], min_count: int = 10, min_rate: float = 0.8) -> list[tuple[str, str, str, int, int]]:
    """Words that gold cues take in at their left or right edge when they stand next to one
    (auxiliaries, "also", a colon), by the part of speech of the cue word beside them ("critical
    of" takes "of", "said of" does not): (side, that part of speech, word, times inside, times
    just outside)."""
    inside: Counter[tuple[str, str, str]] = Counter()
    outside: Counter[tuple[str, str, str]] = Counter()
    for doc, doc_labels in zip(docs, labels, strict=True):
        runs = [(t.i, t.i + 1) for t in doc if doc_labels[t.i] == "B-CUE"]
        for start, end in runs:
            while end < len(doc) and doc_labels[end] == "I-CUE":
                end += 1
            if end - start > 1:
                inside["L", doc[start + 1].pos_, doc[start].lower_] += 1
                inside["R", doc[end - 2].pos_, doc[end - 1].lower_] += 1
            if start > 0 and not doc[start - 1].is_space:
                outside["L", doc[start].pos_, doc[start - 1].lower_] += 1
            if end < len(doc) and not doc[end].is_space:
                outside["R", doc[end - 1].pos_, doc[end].lower_] += 1
    rows = [(*key, n, outside[key]) for key, n in inside.items() if n >= min_count]
    return sorted(row for row in rows if row[3] / (row[3] + row[4]) >= min_rate)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache")
    parser.add_argument("--iterations", type=int, default=100)
    # Chosen with --holdout 6 on train: token F1 cue 0.598, source 0.710, content 0.840, against
    # 0.589, 0.697, 0.826 with c1 0.05, c2 0.01; the model is smaller too (6.7 MB, 7.7).
    parser.add_argument("--c1", type=float, default=0.2)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--verbose", action="store_true", help="print crfsuite's progress per iteration")
    parser.add_argument(
        "--holdout", type=int, default=0, metavar="K",
        help="tune, don't ship: train without every K-th article and print token F1 per role on those",
    )
    parser.add_argument("--model-dir", type=Path, default=MODEL_FILE.parent, help="where to write the model, lexicon and edge table")
    args = parser.parse_args()

    started = time.perf_counter()
    articles = load_split(args.polnear / "train")
    docs = parsed(articles, args.cache, "train", processes=2)
    print(f"parsed {len(docs)} articles in {time.perf_counter() - started:.0f} s")
    labels = [gold_labels(doc, article) for doc, article in zip(docs, articles, strict=True)]
    held = [k for k in range(len(docs)) if args.holdout and k % args.holdout == 0]
    if held:
        kept = [k for k in range(len(docs)) if k not in set(held)]
        held_docs, held_labels = [docs[k] for k in held], [labels[k] for k in held]
        docs, labels = [docs[k] for k in kept], [labels[k] for k in kept]

    counts = [cue_counts(doc, doc_labels) for doc, doc_labels in zip(docs, labels, strict=True)]
    as_cue, seen = sum((c for c, _ in counts), Counter()), sum((s for _, s in counts), Counter())
    lexicon = cue_lexicon(as_cue, seen)
    lexicon_file, model_file = args.model_dir / LEXICON_FILE.name, args.model_dir / MODEL_FILE.name
    args.model_dir.mkdir(parents=True, exist_ok=True)
    lexicon_file.write_text("".join(f"{lemma}\t{n}\t{ratio:.3f}\n" for lemma, n, ratio in lexicon), encoding="utf-8")
    cue_lemmas = {lemma: ratio for lemma, _, ratio in lexicon}
    print(f"cue lexicon: {len(lexicon)} lemmas -> {lexicon_file}")
    edges = cue_edges(docs, labels)
    edges_file = args.model_dir / EDGES_FILE.name
    edges_file.write_text("".join("\t".join(map(str, row)) + "\n" for row in edges), encoding="utf-8")
    print(f"cue edges: {len(edges)} words -> {edges_file}")

    trainer = pycrfsuite.Trainer(verbose=args.verbose)
    for doc, doc_labels, (doc_cue, doc_seen) in zip(docs, labels, counts, strict=True):
        # The article's own cues are left out of the lexicon it is featurised with, as they will be
        # for unseen text: else the tagger learns to trust a lemma's rate more than it deserves.
        own = {lemma: ratio for lemma, _, ratio in cue_lexicon(as_cue - doc_cue, seen - doc_seen)}
        for tokens, features in zip(sequences(doc), token_features(doc, own), strict=True):
            trainer.append(features, [doc_labels[t.i] for t in tokens])
    trainer.set_params({
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": 2,
    })
    fit_started = time.perf_counter()
    trainer.train(str(model_file))
    size = model_file.stat().st_size / 1e6
    print(f"CRF trained in {time.perf_counter() - fit_started:.0f} s -> {model_file} ({size:.1f} MB)")
    if held:
        print("held-out token F1: " + ", ".join(f"{tag} {f:.3f}" for tag, f in token_f1(model_file, cue_lemmas, held_docs, held_labels).items()))


def token_f1(model_file: Path, cue_lemmas: dict[str, float], docs: list[Doc], labels: list[list[str]]) -> dict[str, float]:
    """Per role, F1 of the tokens tagged with it."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_file))
    counts = Counter()
    for doc, doc_labels in zip(docs, labels, strict=True):
        for tokens, features in zip(sequences(doc), token_features(doc, cue_lemmas), strict=True):
            for token, predicted in zip(tokens, tagger.tag(features), strict=True):
                for tag in TAG_OF_ROLE.values():
                    counts[tag, doc_labels[token.i].endswith(tag), predicted.endswith(tag)] += 1
    return {tag: 2 * counts[tag, True, True] / (2 * counts[tag, True, True] + counts[tag, True, False] + counts[tag, False, True]) for tag in TAG_OF_ROLE.values()}


if __name__ == "__main__":
    main()
