"""Draw the sentence pairs of eval/claims/pairs.jsonl from NewsWCL50 (see eval/claims/README.md).

Prints unlabelled pairs as JSON lines; a person adds "same" (true / false) and an optional "note".
The draw uses only shared names and numbers and a fixed seed, never a method under test.

    python eval/claims_sample.py > /tmp/unlabelled.jsonl
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newswcl50  # noqa: E402

TOP, RANDOM, SEED = 20, 5, 20260522
_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“‘])")
_ANCHOR = re.compile(r"(?<!^)\b(?:[A-Z][\w.'-]+|\d[\d,.]*)")


_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|No|[A-Z])\.$")


def sentences(text: str) -> list[str]:
    """Sentences of 6 to 60 words (not cut after "Mr." or an initial; a line break ends one)."""
    found = []
    for line in text.splitlines():
        pieces: list[str] = []
        for piece in _SENTENCE_END.split(line.strip()):
            if pieces and _ABBREVIATION.search(pieces[-1]):
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        found += [p.strip() for p in pieces if 6 <= len(p.split()) <= 60]
    return found


def anchors(sentence: str) -> set[str]:
    return {a.casefold().rstrip(".,") for a in _ANCHOR.findall(sentence)}


def draw() -> list[dict]:
    rng = random.Random(SEED)
    by_event: dict[int, list[newswcl50.NewsArticle]] = {}
    for article in newswcl50.load():
        by_event.setdefault(article.event, []).append(article)
    pairs = []
    for event, articles in sorted(by_event.items()):
        candidates = []
        for a, b in itertools.combinations(sorted(articles, key=lambda x: x.id), 2):
            for sa, sb in itertools.product(sentences(a.text), sentences(b.text)):
                candidates.append((len(anchors(sa) & anchors(sb)), rng.random(), a.id, sa, b.id, sb))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        chosen = candidates[:TOP] + rng.sample(candidates[TOP:], RANDOM)
        pairs += [{"event": event, "a_doc": ad, "a": sa, "b_doc": bd, "b": sb} for _, _, ad, sa, bd, sb in chosen]
    return pairs


if __name__ == "__main__":
    for pair in draw():
        print(json.dumps(pair, ensure_ascii=False))
