"""NewsWCL50 (../shared/data/newswcl50): 50 articles, 10 events x 5 US outlets, as plain texts; and the
score of cross-document actor resolution on its named chains.

The CoNLL file has one token a line; sentences are rebuilt with ordinary spacing, so that they read
(and ingest) like scraped articles. The topic number is the event: the gold story of each article.

    .venv/bin/python eval/newswcl50.py            # ingest the 50 articles into a fresh store, then score

Scored items are the gold mentions of one person or organisation (chains of type ACTOR and GROUP) that
contain the name the chain is labelled with ("Mr. Kim", "Kim Jong - un" in 2_PRK_Kim_ACTOR; not "the
dictator"): NewsWCL50 also chains descriptions, countries with their governments, and groups of
people, which are not one named actor. Gold chains are per topic, so a predicted cluster is one store
actor within one topic. A gold mention no pipeline mention overlaps is a cluster of its own. Prints
B-cubed, MUC, CEAF-e and CoNLL F1 (the mean of the three F1s) for the pipeline and, in the same run, for
two baselines: mentions with the same text, and mentions with the same last word (head word).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONLL = ROOT / ".." / "shared" / "data" / "newswcl50" / "NewsWCL50.conll"

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]’”]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[$“‘]) ")
_SCORED_TYPES = ("ACTOR", "GROUP")


@dataclass(frozen=True, slots=True)
class GoldMention:
    chain: str  # "2_PRK_Kim_ACTOR"
    start: int  # characters in NewsArticle.text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class NewsArticle:
    id: str  # "3_LL": event 3, outlet LL
    event: int
    outlet: str
    text: str
    mentions: tuple[GoldMention, ...] = field(default=(), compare=False)


def load(path: Path = CONLL) -> list[NewsArticle]:
    if not path.exists():
        raise SystemExit(f"{path}: NewsWCL50 not found (expected under ../shared/data/newswcl50)")
    sentences: dict[str, dict[int, list[tuple[str, str]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if line.startswith("#") or len(columns) < 4:
            continue
        document, sentence, token = columns[0], int(columns[1]), columns[3]
        if token == "\\n":
            continue
        tag = columns[4].strip() if len(columns) > 4 else "-"
        sentences.setdefault(document, {}).setdefault(sentence, []).append((token, tag))
    articles = []
    for document, by_number in sentences.items():
        numbers = sorted(by_number)
        lines = [_detokenize([t for t, _ in by_number[n]]) for n in numbers]
        name = document.rsplit("/", 1)[-1]
        event, outlet = name.split("_", 1)
        paragraphs = ["\n".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
        text = "\n\n".join(paragraphs)
        mentions = _gold_mentions(text, [by_number[n] for n in numbers], lines)
        articles.append(NewsArticle(name, int(event), outlet, text, tuple(mentions)))
    return articles


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def _gold_mentions(text: str, sentences: list[list[tuple[str, str]]], lines: list[str]) -> list[GoldMention]:
    """Each annotated mention with its character span in the rebuilt text (tokens found in order)."""
    found = []
    position = 0
    for tokens, line in zip(sentences, lines, strict=True):
        position = text.find(line, position)
        offsets = []
        cursor = position
        for token, _ in tokens:
            at = text.find(token, cursor, position + len(line))
            offsets.append((at, at + len(token)) if at >= 0 else None)
            cursor = at + len(token) if at >= 0 else cursor
        opened: dict[str, list[int]] = defaultdict(list)
        for index, (_, tag) in enumerate(tokens):
            for part in (p.strip() for p in tag.split("|")):
                if part.startswith("("):
                    opened[part.strip("()")].append(index)
            for part in (p.strip() for p in tag.split("|")):
                if part.endswith(")") and opened.get(part.strip("()")):
                    chain = part.strip("()")
                    first = opened[chain].pop()
                    spans = [o for o in offsets[first : index + 1] if o]
                    if spans:
                        start, end = spans[0][0], spans[-1][1]
                        found.append(GoldMention(chain, start, end, text[start:end]))
        position += len(line)
    return found


def name_parts(chain: str) -> set[str]:
    """The name words in a chain id: "0_PRK_Jong_Un_ACTOR" → {"jong", "un"}; country codes and
    "-I"/"-Misc" tags are not names."""
    words = chain.split("_")[1:-1]
    return {w.casefold() for w in words if not re.fullmatch(r"[A-Z]{2,3}(?:-\w+)?", w) and len(w) > 1}


def is_named(mention: GoldMention) -> bool:
    """A mention of an actor or group chain that uses the chain's name, capitalised as a name."""
    if not mention.chain.endswith(tuple(f"_{t}" for t in _SCORED_TYPES)):
        return False
    parts = name_parts(mention.chain)
    return any(w[:1].isupper() and w.casefold() in parts for w in re.findall(r"[\w’'-]+", mention.text))


# --- scores -------------------------------------------------------------------------------------------

Clusters = dict[object, set[int]]


def clusters_of(labels: list[object]) -> Clusters:
    result: dict[object, set[int]] = defaultdict(set)
    for item, label in enumerate(labels):
        result[label].add(item)
    return result


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def b_cubed(gold: list[object], predicted: list[object]) -> tuple[float, float, float]:
    by_gold, by_predicted = clusters_of(gold), clusters_of(predicted)
    precision = recall = 0.0
    for g, p in zip(gold, predicted, strict=True):
        overlap = len(by_gold[g] & by_predicted[p])
        precision += overlap / len(by_predicted[p])
        recall += overlap / len(by_gold[g])
    n = len(gold) or 1
    return precision / n, recall / n, _f1(precision / n, recall / n)


def muc(gold: list[object], predicted: list[object]) -> tuple[float, float, float]:
    def score(keys: Clusters, responses: list[object]) -> float:
        numerator = denominator = 0
        for members in keys.values():
            numerator += len(members) - len({responses[i] for i in members})
            denominator += len(members) - 1
        return numerator / denominator if denominator else 1.0

    recall, precision = score(clusters_of(gold), predicted), score(clusters_of(predicted), gold)
    return precision, recall, _f1(precision, recall)


def ceaf_e(gold: list[object], predicted: list[object]) -> tuple[float, float, float]:
    from scipy.optimize import linear_sum_assignment

    keys, responses = list(clusters_of(gold).values()), list(clusters_of(predicted).values())
    similarity = [[2 * len(k & r) / (len(k) + len(r)) for r in responses] for k in keys]
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    total = sum(similarity[r][c] for r, c in zip(rows, columns, strict=True))
    precision, recall = total / len(responses), total / len(keys)
    return precision, recall, _f1(precision, recall)


def report(title: str, gold: list[object], predicted: list[object]) -> float:
    b, m, c = b_cubed(gold, predicted), muc(gold, predicted), ceaf_e(gold, predicted)
    conll = (b[2] + m[2] + c[2]) / 3
    print(f"{title:<22} B-cubed P {b[0]:.3f} R {b[1]:.3f} F1 {b[2]:.3f} | MUC F1 {m[2]:.3f} | CEAF-e F1 {c[2]:.3f} | CoNLL F1 {conll:.3f}")
    return b[2]


# --- the pipeline ---------------------------------------------------------------------------------------

ACTOR_NAMES: dict[int, str] = {}  # live actor id -> "name (kind)", for the error listing


def predicted_actors(articles: list[NewsArticle], workers: int) -> dict[str, list[tuple[int, int, int]]]:
    """Article id -> (start, end, live actor id) of each named mention the pipeline linked, in the
    article's own text (the stored text is found inside it)."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from factfile.pipeline import Pipeline
    from factfile.read.actors import live_actor
    from factfile.store import Store
    from factfile.store import schema as s

    result: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder:
        for article in articles:
            (Path(folder) / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
        store = Store(Path(folder) / "eval.db")
        summary = Pipeline(store, workers=workers).ingest([folder])
        print(f"ingested {summary.stored} NewsWCL50 articles")
        by_id = {a.id: a for a in articles}
        with store.session() as session:
            texts = dict(session.execute(select(s.Document.origin, s.Document.text)).all())
            rows = session.execute(
                select(s.Document.origin, s.Mention.start, s.Mention.end, s.Mention.actor_id)
                .join(s.Document, s.Document.id == s.Mention.document_id)
                .where(s.Mention.actor_id.is_not(None))
            ).all()
            live: dict[int, int] = {}
            alignments = {origin: _alignment(by_id[Path(origin).stem].text, stored) for origin, stored in texts.items()}
            for origin, start, end, actor_id in rows:
                article_id = Path(origin).stem
                to_original = alignments[origin]
                if actor_id not in live:
                    actor = live_actor(session, actor_id)
                    live[actor_id] = actor.id
                    ACTOR_NAMES[actor.id] = f"{actor.name} ({actor.kind})"
                result[article_id].append((to_original[start], to_original[end - 1] + 1, live[actor_id]))
        store.close()
    return result


def _alignment(original: str, stored: str) -> list[int]:
    """For each character of the stored text, its position in the original (ingest trims and
    normalises spacing, so offsets drift)."""
    mapping, i = [], max(0, original.find(stored[: stored.find(" ", 40)]))  # where the stored text starts
    for ch in stored:
        while i < len(original) - 1 and original[i] != ch and (original[i].isspace() or not ch.isspace()):
            i += 1
        mapping.append(i)
        if original[i] == ch:
            i += 1
    return mapping


def predicted_label(article: NewsArticle, mention: GoldMention, found: list[tuple[int, int, int]]) -> object:
    """The actor of the pipeline mention overlapping the gold mention's name words most ("Kim Jong Un",
    not "North Korean", in "North Korean leader Kim Jong Un"); the mention itself if none does."""
    parts = name_parts(mention.chain)
    words = [(mention.start + m.start(), mention.start + m.end()) for m in re.finditer(r"[\w’'-]+", mention.text)
             if m.group()[:1].isupper() and m.group().casefold() in parts] or [(mention.start, mention.end)]
    best, overlap = None, 0
    for start, end, actor in found:
        shared = sum(max(0, min(end, e) - max(start, s)) for s, e in words)
        if shared > overlap:
            best, overlap = actor, shared
    return (article.event, best) if best is not None else ("unresolved", article.id, mention.start)


def _head(text: str) -> str:
    words = re.findall(r"\w+", text.casefold())
    return words[-1] if words else text


def main() -> None:
    parser = argparse.ArgumentParser(description="Actor resolution on NewsWCL50's named chains")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--errors", type=int, default=10, help="how many split and joined gold chains to list")
    args = parser.parse_args()
    articles = load()
    scored = [(a, m) for a in articles for m in a.mentions if is_named(m)]
    headline = sum(1 for a, m in scored if m.start < a.text.find("\n"))
    print(f"gold: {len({m.chain for _, m in scored})} chains, {len(scored)} named mentions "
          f"({headline} in the first line) in {len(articles)} articles")
    found = predicted_actors(articles, args.workers)
    gold = [m.chain for _, m in scored]
    predicted = [predicted_label(a, m, found[a.id]) for a, m in scored]
    resolved = sum(1 for p in predicted if p[0] != "unresolved")
    print(f"gold mentions a pipeline mention overlaps: {resolved} of {len(scored)}")
    report("exact string", gold, [(a.event, m.text.casefold()) for a, m in scored])
    report("head word", gold, [(a.event, _head(m.text)) for a, m in scored])
    report("factfile", gold, predicted)
    _list_errors(scored, gold, predicted, args.errors)


def _list_errors(scored, gold: list[object], predicted: list[object], limit: int) -> None:
    by_gold: dict[object, Counter] = defaultdict(Counter)
    by_predicted: dict[object, Counter] = defaultdict(Counter)
    for (_, m), g, p in zip(scored, gold, predicted, strict=True):
        by_gold[g][(p, m.text)] += 1
        by_predicted[p][g] += 1
    splits = [(g, c) for g, c in by_gold.items() if len({p for p, _ in c}) > 1]
    splits.sort(key=lambda gc: -sum(gc[1].values()))
    for g, c in splits[:limit]:
        parts: dict[object, list[str]] = defaultdict(list)
        for (p, text), n in c.most_common():
            parts[p].append(f"{text}×{n}")
        pieces = [f"{_actor(p)}: " + ", ".join(v[:4]) for p, v in parts.items()]
        print(f"  split  {g}: " + " | ".join(pieces))
    joined = [(p, c) for p, c in by_predicted.items() if len(c) > 1]
    for p, c in joined[:limit]:
        print(f"  joined {_actor(p)}: {dict(c)}")


def _actor(label: object) -> str:
    return ACTOR_NAMES.get(label[1], "-") if isinstance(label, tuple) and label[0] != "unresolved" else "unresolved"


if __name__ == "__main__":
    main()
