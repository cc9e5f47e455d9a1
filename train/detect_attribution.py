"""Train the sentence classifier of extract/statements/detect.py: "this sentence attributes a claim to someone".

    PYTHONPATH=. .venv/bin/python train/detect_attribution.py            # write statements/model/detect/attribution.json

Rows: PolNeAR train's English sentences (positive when an annotated cue lies in them) and, from the five dev sets of
eval/realstory only, the `detect.candidates` of each page not in English (sentences no reader's statement touches
that name someone), positive when a gold claim's quote lies in them. A dev candidate that no gold claim quotes is
taken as a negative, though some attribute claims the gold did not label: measured precision is a lower bound.
Features are the multilingual encoder's vectors (relate/crosslingual.py); the model a logistic regression. The
threshold is THRESHOLD, picked for precision among 0.5-0.9 on the five sets' leave-one-set-out scores
(eval/detect_attribution.py prints them): pooled, P .13 R .47 at 0.5 and P .15 R .19 at 0.7 against gold claim
sentences, and the labelled samples drawn at 0.7 (eval/detect_labels.tsv) found nine in ten flagged sentences
attributing a claim. The model is then fitted on everything and written as JSON.
Vectors are cached under bench/.cache/ by the texts, dev rows by the gold and pages files (delete
bench/.cache/detect-dev-*.json after changing a reader), so a second run costs seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factfile.extract.statements.detect import MIN_WORDS, MODEL, candidates, speaker_by_rule, switched_off  # noqa: E402

DEV_SETS = ("kakhovka", "kerch", "kramatorsk", "olenivka", "wagner")
STORIES = ROOT / "eval" / "realstory"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train"
CACHE = ROOT / "bench" / ".cache"
POLNEAR_SENTENCES = 6000  # a sample of PolNeAR train, to bound the encoding time
THRESHOLD = 0.7
REGULARISATION = 0.3  # of the values 0.3, 1 and 3, the best leave-one-set-out average precision
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?]+[\"”»’]?(?=\s)|$)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(slots=True)
class Rows:
    texts: list[str]
    labels: np.ndarray
    verb: np.ndarray  # the baseline: a word of reported_forms.tsv in the sentence
    missed: int = 0  # gold occurrences no statement touches (eval/realstory's "no statement")
    reachable: int = 0  # of those, the ones on a candidate sentence
    pages: list[str] = field(default_factory=list)  # the page of each dev row
    sources: list[str] = field(default_factory=list)  # the mention detect.speaker_by_rule picks, and its chain's name


def polnear_rows(limit: int = POLNEAR_SENTENCES, seed: int = 16) -> Rows:
    from factfile.extract.statements.polnear import load_split

    texts, labels = [], []
    for article in load_split(POLNEAR):
        cues = [fragment for a in article.attributions for fragment in a.cue]
        for match in _SENTENCE.finditer(article.text):
            sentence = match.group(0).strip()
            if len(_WORD.findall(sentence)) < MIN_WORDS:
                continue
            texts.append(sentence)
            labels.append(any(a < match.end() and match.start() < b for a, b in cues))
    order = np.random.default_rng(seed).permutation(len(texts))[:limit]
    return Rows([texts[k] for k in order], np.array([labels[k] for k in order]), np.zeros(len(order), dtype=bool))


def verb_forms() -> re.Pattern:
    from factfile.extract.lang.reported_forms import TABLE

    forms = {f for line in TABLE.read_text(encoding="utf-8").splitlines() for f in line.split("\t")[-1].split()}
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")(?!\w)", re.I)


def dev_rows(name: str) -> Rows:
    """The candidates of the set's pages not in English, labelled by the gold claims' quotes (cached)."""
    cached = CACHE / f"detect-dev-{name}.json"
    gold_file, pages_file = STORIES / name / "gold.json", STORIES / name / "pages.jsonl"
    stamp = hashlib.sha256(gold_file.read_bytes() + pages_file.read_bytes() + MODEL.name.encode()).hexdigest()
    if cached.exists() and (data := json.loads(cached.read_text(encoding="utf-8")))["stamp"] == stamp:
        return Rows(
            data["texts"],
            np.array(data["labels"], dtype=bool),
            np.array(data["verb"], dtype=bool),
            data["missed"],
            data["reachable"],
            data["pages"],
            data["sources"],
        )
    from factfile.extract import lang

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    quotes: dict[str, list[str]] = {}
    for claim in gold.get("claims", []):
        for evidence in claim["evidence"]:
            quotes.setdefault(evidence["page"], []).append(evidence["quote"])
    verb = verb_forms()
    texts, labels, verbs, missed, reachable, pages, sources = [], [], [], 0, 0, [], []
    for page, article in _articles(pages_file):
        with switched_off():
            analysis = lang.analyse(article)
        found = candidates(analysis)
        spans = [s for q in quotes.get(page, []) if (s := _span_of(q, article.text))]
        taken = [
            (min(p.start for p in parts), max(p.end for p in parts))
            for st in analysis.statements
            if (parts := [p for p in (st.source, st.cue, st.content) if p is not None])
        ]
        for a, b in spans:
            s0, s1 = _sentence_around(article.text, (a, b))
            lo, hi = min(a, s0), max(b, s1)
            if not any(x < hi and lo < y for x, y in taken):
                missed += 1
                reachable += any(c.sentence.start < b and a < c.sentence.end for c in found)
        for c in found:
            texts.append(c.sentence.text)
            labels.append(any(c.sentence.start < b and a < c.sentence.end for a, b in spans))
            verbs.append(verb.search(c.sentence.text) is not None)
            pages.append(page)
            mention = speaker_by_rule(analysis, c)
            sources.append(f"{mention.span.text} = {analysis.chains[mention.chain].name}")
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(
        json.dumps(
            {
                "stamp": stamp,
                "texts": texts,
                "labels": labels,
                "verb": verbs,
                "missed": missed,
                "reachable": reachable,
                "pages": pages,
                "sources": sources,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return Rows(texts, np.array(labels, dtype=bool), np.array(verbs, dtype=bool), missed, reachable, pages, sources)


def _articles(pages_file: Path):
    """(page id, article) of each page not in English, read as eval/realstory.py's ingest reads it."""
    import tempfile

    from factfile.ingest import read_items, to_article
    from factfile.records import Rejection

    pages = [json.loads(line) for line in pages_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = [p for p in pages if p.get("language") != "en"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pages.jsonl"
        rows = [
            {
                "text": p["text"],
                "url": p.get("url"),
                "title": p.get("title") or None,
                "source": p.get("outlet"),
                "date": p.get("date") if p.get("date") != "unknown" else None,
            }
            for p in pages
        ]
        path.write_text(
            "".join(json.dumps({k: v for k, v in r.items() if v}, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        for page, item in zip(pages, read_items([str(path)]), strict=True):
            if not isinstance(item, Rejection):
                yield page["id"], to_article(item)


def _span_of(quote: str, text: str) -> tuple[int, int] | None:
    """As eval/realstory.py finds a quote: exact, else with whitespace runs collapsed."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    found = re.search(r"\s+".join(re.escape(part) for part in quote.split()), text)
    return (found.start(), found.end()) if found else None


def _sentence_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """As eval/realstory.py: from the last stop before the quote to the next stop after it."""
    start = max(text.rfind(c, 0, span[0]) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, span[1]) for c in ".!?\n") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def vectors(texts: list[str]) -> np.ndarray:
    """The encoder's vectors, cached by the texts' digest."""
    digest = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:20]
    cached = CACHE / f"detect-vectors-{digest}.npy"
    if cached.exists():
        return np.load(cached)
    from factfile.relate.crosslingual import encode

    result = np.vstack([encode(texts[k : k + 256]) for k in range(0, len(texts), 256)]) if texts else np.zeros((0, 512))
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cached, result)
    return result


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit(x, y, sample_weight=weight)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def probabilities(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ weights + bias)))


def training(polnear: Rows, dev: dict[str, Rows], held_out: str | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectors, labels and weights of PolNeAR and every dev set but the held-out one. Each of the two sources weighs
    as much as the other and, within it, each class as much as the other: PolNeAR is half attributions, the dev
    candidates one in fifteen, and unweighted the model learns which corpus a sentence comes from (war news:
    no attribution) rather than whether it attributes."""
    kept = [rows for name, rows in dev.items() if name != held_out]
    dev_labels = np.concatenate([rows.labels for rows in kept])
    x = np.vstack([vectors(polnear.texts), *[vectors(rows.texts) for rows in kept]])
    y = np.concatenate([polnear.labels, dev_labels])
    w = np.concatenate([_balanced(polnear.labels), _balanced(dev_labels)])
    return x, y, w


def _balanced(labels: np.ndarray) -> np.ndarray:
    """Weights summing to the rows' number, half on each class."""
    share = labels.mean()
    return np.where(labels, 0.5 / share, 0.5 / (1 - share))


def leave_one_set_out(polnear: Rows, dev: dict[str, Rows]) -> dict[str, np.ndarray]:
    """Each dev set's candidates scored by a model trained on PolNeAR and the other four sets."""
    result = {}
    for name, rows in dev.items():
        weights, bias = fit(*training(polnear, dev, held_out=name))
        result[name] = probabilities(vectors(rows.texts), weights, bias)
    return result


def scores_at(labels: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    hits = int((labels & predicted).sum())
    p = hits / predicted.sum() if predicted.sum() else 0.0
    r = hits / labels.sum() if labels.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args()
    polnear = polnear_rows()
    dev = {name: dev_rows(name) for name in DEV_SETS}
    threshold = args.threshold
    weights, bias = fit(*training(polnear, dev))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "about": "logistic regression over USE-m sentence vectors; train/detect_attribution.py",
                "threshold": threshold,
                "bias": round(bias, 6),
                "weights": [round(float(w), 6) for w in weights],
                "rows": {"polnear": len(polnear.texts), **{n: len(dev[n].texts) for n in DEV_SETS}},
            }
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"threshold {threshold}; {len(polnear.texts)} PolNeAR rows, "
        + ", ".join(f"{n} {len(dev[n].texts)} ({int(dev[n].labels.sum())} gold)" for n in DEV_SETS)
        + f" -> {args.out}"
    )


if __name__ == "__main__":
    main()
