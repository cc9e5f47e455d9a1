"""NewsWCL50 (../shared/data/newswcl50): 50 articles, 10 events x 5 US outlets, as plain texts.

The CoNLL file has one token a line; sentences are rebuilt with ordinary spacing, so that they read
(and ingest) like scraped articles. The topic number is the event: the gold story of each article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CONLL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "newswcl50" / "NewsWCL50.conll"

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]’”]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[$“‘]) ")


@dataclass(frozen=True, slots=True)
class NewsArticle:
    id: str  # "3_LL": event 3, outlet LL
    event: int
    outlet: str
    text: str


def load(path: Path = CONLL) -> list[NewsArticle]:
    if not path.exists():
        raise SystemExit(f"{path}: NewsWCL50 not found (expected under ../shared/data/newswcl50)")
    sentences: dict[str, dict[int, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if line.startswith("#") or len(columns) < 4:
            continue
        document, sentence, token = columns[0], int(columns[1]), columns[3]
        if token == "\\n":
            continue
        sentences.setdefault(document, {}).setdefault(sentence, []).append(token)
    articles = []
    for document, by_number in sentences.items():
        lines = [_detokenize(by_number[n]) for n in sorted(by_number)]
        name = document.rsplit("/", 1)[-1]
        event, outlet = name.split("_", 1)
        paragraphs = ["\n".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
        articles.append(NewsArticle(name, int(event), outlet, "\n\n".join(paragraphs)))
    return articles


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)
