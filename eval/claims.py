"""Claim grouping on hand-labelled pairs: precision, recall, F1 of "same claim", beside word overlap.

Pairs: eval/claims/pairs.jsonl (NewsWCL50, see eval/claims/README.md), and, when present, the same-claim
pairs of eval/realstory/*/gold.json (each claim's evidence quotes from different outlets). The claim rule
(relate/claims.same_claim: sentence embeddings + words, numbers and negation) and the word-overlap rule
(relate/claims.same_words: a shared LSH key and token_set_ratio >= 85) are scored in the same run.
The claim rule's threshold was chosen on NewsWCL50 events 0-4 ("dev"); events 5-9 ("held out") were not
looked at while choosing it. The realstory quotes are in a dozen languages and the model is English-only:
"realstory English" scores the pairs whose two quotes are both English.

    python eval/claims.py [--only kakhovka --only kerch --only wagner]   # realstory sets to read (default: all)
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from factfile.ingest.language import detect_language  # noqa: E402
from factfile.relate import claims, embedding  # noqa: E402

PAIRS = HERE / "claims" / "pairs.jsonl"
REALSTORY = HERE / "realstory"  # helper realstory-a's set; absent before it is merged


def load_pairs(path: Path = PAIRS) -> list[dict]:
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            pair = json.loads(line)
            pairs.append({"a": pair["a"], "b": pair["b"], "same": bool(pair["same"]), "set": "dev" if pair["event"] < 5 else "held out"})
        except (ValueError, KeyError) as error:
            raise SystemExit(f"{path}:{number}: not a labelled pair ({error})") from error
    return pairs


def realstory_pairs(root: Path = REALSTORY, only: list[str] | None = None) -> list[dict]:
    """Pairs from the realstory gold: two evidence quotes of one claim on different pages are the same claim,
    quotes of two claims of one story are not. Word-for-word equal quotes are left out: they are copies
    (relate/copies.py finds those), not a test of telling the same claim in other words."""
    pairs = []
    for gold_path in sorted(root.glob("*/gold.json")):
        if only and gold_path.parent.name not in only:
            continue
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except ValueError as error:
            print(f"{gold_path}: not JSON ({error}); skipped", file=sys.stderr)
            continue
        quotes = {}
        for number, claim in enumerate(gold.get("claims", [])):
            for evidence in claim.get("evidence", []):
                if isinstance(evidence, dict) and evidence.get("quote"):
                    quotes.setdefault((number, " ".join(evidence["quote"].casefold().split())), (number, evidence["quote"]))
        for (ca, qa), (cb, qb) in itertools.combinations(quotes.values(), 2):
            if " ".join(qa.casefold().split()) != " ".join(qb.casefold().split()):
                pairs.append({"a": qa, "b": qb, "same": ca == cb, "set": f"realstory {gold_path.parent.name}",
                              "english": _english(qa) and _english(qb)})
    return pairs


def _english(text: str) -> bool:
    return detect_language(text) == "en"


def score(predicted: list[bool], gold: list[bool]) -> tuple[float, float, float, int]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    precision = tp / max(1, sum(predicted))
    recall = tp / max(1, sum(gold))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, sum(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="a realstory set to read (repeatable; default: every set)")
    pairs = load_pairs() + realstory_pairs(only=parser.parse_args().only)
    texts = sorted({t for p in pairs for t in (p["a"], p["b"])})
    vector = dict(zip(texts, embedding.encode(texts), strict=True))
    by_claim = [claims.same_claim(p["a"], p["b"], vector[p["a"]], vector[p["b"]]) for p in pairs]
    by_words = [claims.same_words(p["a"], p["b"]) for p in pairs]
    sets = sorted({p["set"] for p in pairs}, key=lambda s: (s != "dev", s != "held out", s))
    print(f"{'pairs':<22}{'n':>5}{'same':>6}   {'claims (embeddings)':<24}   {'word overlap':<24}")
    realstory = any(p["set"].startswith("realstory") for p in pairs)
    for name in [*sets, "all NewsWCL50", *(["realstory English"] if realstory else []), "all"]:
        chosen = [
            i for i, p in enumerate(pairs)
            if name == "all" or p["set"] == name or (name == "all NewsWCL50" and p["set"] in ("dev", "held out"))
            or (name == "realstory English" and p.get("english"))
        ]
        gold = [pairs[i]["same"] for i in chosen]
        cells = []
        for predicted in (by_claim, by_words):
            p, r, f, _ = score([predicted[i] for i in chosen], gold)
            cells.append(f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"{name:<22}{len(chosen):>5}{sum(gold):>6}   {cells[0]:<24}   {cells[1]:<24}")


if __name__ == "__main__":
    main()
