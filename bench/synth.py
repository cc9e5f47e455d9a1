"""Synthesise large stores (1k, 10k, 100k documents) by recombining real analysed articles.

Real articles (the extraction benchmark pages and PolNeAR texts) are analysed once and cached. Each
synthetic document is one of them in which some actors are renamed (every letter of a name mapped to
another letter of the same case) and half of the other words are swapped for words of the same length
from the other articles, so the text keeps its length and every offset of the analysis stays valid.
Whether an actor keeps its name and which renamed variant it gets are drawn from a heavy-tailed
distribution, so, as in real news, a few actors appear everywhere while new ones keep turning up as
the store grows; the swapped words keep synthetic documents from all being copies of each other.

    python bench/synth.py --documents 10000 --db /tmp/synth.db   # builds a store, prints ingest cost

Growing uses a bulk writer (multi-row INSERTs, actors resolved in memory by the `actors` relater's rule);
the ingest cost printed at each size is measured through `store.writer.save` and the relaters, one
transaction per document, exactly as `factfile ingest` stores a document.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import re
import string
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from factfile.batch.codec import dumps, loads
from factfile.ingest.article import content_hash
from factfile.records import Analysis, Span

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("../shared")
SOURCES = [SHARED / "data/article-extraction-benchmark/html", SHARED / "data/polnear/dev/text"]
CACHE = ROOT / "bench" / ".cache" / "analyses.jsonl"
KEEP_NAME = 0.5  # chance that an actor keeps its real name in a synthetic document
NAMED_ROLES = ("name", "acronym", "nickname")
SWAP_WORD = 0.5  # chance that a word outside the mentions is swapped for another of the same length
WORD = re.compile(r"[^\W\d_]+")


def real_analyses(sources: list[Path] = SOURCES, cache: Path = CACHE) -> list[Analysis]:
    """The real articles, analysed by the pipeline's extractor (cached after the first run)."""
    if cache.exists():
        return [loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    from factfile.errors import IngestError
    from factfile.extract import Extractor
    from factfile.ingest import read_items, to_article
    from factfile.records import Rejection

    articles = []
    for item in read_items([str(s) for s in sources]):
        if isinstance(item, Rejection):
            continue
        try:
            articles.append(to_article(item))
        except IngestError:
            continue
    analyses = [a for a in Extractor().pipe(articles) if a.chains]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(dumps(a) + "\n" for a in analyses), encoding="utf-8")
    return analyses


def scramble(name: str, variant: int) -> str:
    """A same-length pseudo-name: each letter replaced by a letter drawn from (name, variant)."""
    rng = random.Random(hashlib.blake2b(f"{variant}\0{name}".encode(), digest_size=8).digest())
    return "".join(
        rng.choice(string.ascii_uppercase) if ch.isupper() else rng.choice(string.ascii_lowercase) if ch.isalpha() else ch
        for ch in name
    )


_words_by_length: dict[int, list[str]] = {}


def words_by_length(pool: list[Analysis]) -> dict[int, list[str]]:
    """The pool's vocabulary by word length (to swap words without moving any offset)."""
    if not _words_by_length:
        for word in sorted({w for a in pool for w in WORD.findall(a.article.text)}):
            _words_by_length.setdefault(len(word), []).append(word)
    return _words_by_length


def synthesise(source: Analysis, number: int, rng: random.Random, full: bool = True, vocabulary: dict[int, list[str]] | None = None) -> Analysis:
    """Synthetic document `number`: `source` with some actors renamed, and a line making it unique.

    `full=False` copies only the article, mentions and chains (all the bulk writer stores).
    """
    text = list(source.article.text)
    renamed: dict[str, str] = {}
    for chain in source.chains:
        if rng.random() < KEEP_NAME:
            continue
        variant = min(int(rng.paretovariate(1.0)), 1 + number // 20)
        for name in (chain.name, *chain.aliases):
            renamed.setdefault(name, scramble(name, variant))
        for index in chain.mentions:
            mention = source.mentions[index]
            if mention.role in NAMED_ROLES:
                text[mention.span.start : mention.span.end] = scramble(mention.span.text, variant)
    if vocabulary:
        kept = [(m.span.start, m.span.end) for m in source.mentions]
        kept.sort()
        k = 0
        for word in WORD.finditer(source.article.text):
            while k < len(kept) and kept[k][1] <= word.start():
                k += 1
            if k < len(kept) and kept[k][0] < word.end():
                continue  # inside a mention
            if rng.random() < SWAP_WORD and (same := vocabulary.get(len(word.group()))):
                swap = rng.choice(same)
                if word.group()[0].isupper():
                    swap = swap[0].upper() + swap[1:]
                text[word.start() : word.end()] = swap
    body = "".join(text)
    suffix = f"\n\nSynthetic document {number}."
    new_text = body + suffix
    if full:
        analysis = _respan(source, new_text)
    else:
        analysis = Analysis(
            article=dataclasses.replace(source.article),
            mentions=[dataclasses.replace(m, span=_respan(m.span, new_text)) for m in source.mentions],
            chains=[dataclasses.replace(c) for c in source.chains],
        )
    for chain in analysis.chains:
        chain.name = renamed.get(chain.name, chain.name)
        chain.aliases = [renamed.get(a, a) for a in chain.aliases]
        chain.alias_evidence = {renamed.get(a, a): span for a, span in chain.alias_evidence.items()}
    article = analysis.article
    article.text = new_text
    article.content_hash = content_hash(new_text)
    article.origin = f"synthetic:{number}"
    article.url = f"{article.url}?synthetic={number}" if article.url else None
    return analysis


def _respan(value, text: str):
    """A deep copy of a record in which every Span's text is re-read from `text`."""
    if isinstance(value, Span):
        return Span(value.start, value.end, text[value.start : value.end])
    if dataclasses.is_dataclass(value):
        return dataclasses.replace(value, **{f.name: _respan(getattr(value, f.name), text) for f in dataclasses.fields(value) if f.init})
    if isinstance(value, list):
        return [_respan(v, text) for v in value]
    if isinstance(value, dict):
        return {k: _respan(v, text) for k, v in value.items()}
    return value


def documents(pool: list[Analysis], start: int, count: int, seed: int = 8, full: bool = True) -> Iterator[Analysis]:
    """Synthetic documents start .. start+count-1 (the same numbers always give the same documents)."""
    vocabulary = words_by_length(pool)
    for number in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + number)
        yield synthesise(pool[rng.randrange(len(pool))], number, rng, full, vocabulary)


class BulkWriter:
    """Fast path to grow a store to 100k documents: documents, actors, aliases, mentions and the copy
    index (`relate.copies.index`) written with multi-row INSERTs, actors resolved in memory by the same
    rule as the `actors` relater (a chain joins the first actor, same kind first, with one of its names).

    Only the growth uses this path; every measured ingest goes through `store.writer.save`.
    """

    def __init__(self, store):
        from sqlalchemy import func, select

        from factfile.relate.actors import KIND_OF_LABEL
        from factfile.store import schema as s

        self.store, self.s, self.kind_of_label = store, s, KIND_OF_LABEL
        with store.session() as session:
            self.next_document = (session.scalar(select(func.max(s.Document.id))) or 0) + 1
            self.next_actor = (session.scalar(select(func.max(s.Actor.id))) or 0) + 1
            self.actors_by_key: dict[str, list[tuple[int, str]]] = {}
            for key, actor_id, kind in session.execute(
                select(s.Alias.key, s.Actor.id, s.Actor.kind).join(s.Actor, s.Actor.id == s.Alias.actor_id).order_by(s.Actor.id)
            ):
                self.actors_by_key.setdefault(key, []).append((actor_id, kind))
            self.aliases = {(a, k): [m, True] for a, k, m in session.execute(select(s.Alias.actor_id, s.Alias.key, s.Alias.mentions))}
        self.outlets: dict[str | None, int | None] = {}

    def write(self, analyses: list[Analysis], sketches: list | None = None) -> None:
        from sqlalchemy import bindparam, insert, update

        from factfile.extract.names import clean_name, name_key
        from factfile.relate import copies
        from factfile.store.writer import _outlet_id

        s = self.s
        documents, actors, mentions, counted = [], [], [], {}
        with self.store.transaction() as session:
            for analysis in analyses:
                article = analysis.article
                if article.domain not in self.outlets:
                    self.outlets[article.domain] = _outlet_id(session, article.domain, article.site)
                document_id = self.next_document
                self.next_document += 1
                documents.append(dict(
                    id=document_id, content_hash=article.content_hash, origin=article.origin, url=article.url,
                    title=article.title, author=article.author, published=article.published, site=article.site,
                    outlet_id=self.outlets[article.domain], language=article.language,
                    declared_source=article.declared_source, text=article.text, warnings=article.warnings or None,
                ))
                actor_of_chain = {}
                for chain in analysis.chains:
                    kind = self.kind_of_label.get(chain.label, "other")
                    names = [chain.name, *chain.aliases]
                    candidates = [c for n in names for c in self.actors_by_key.get(name_key(n), [])]
                    same_kind = [a for a, k in candidates if k == kind]
                    actor_id = (same_kind or [a for a, _ in candidates] or [None])[0]
                    if actor_id is None:
                        actor_id = self.next_actor
                        self.next_actor += 1
                        actors.append(dict(id=actor_id, name=chain.name, kind=kind, label=chain.label))
                        for n in names:
                            self.actors_by_key.setdefault(name_key(n), []).append((actor_id, kind))
                    actor_of_chain[chain.id] = actor_id
                    for index in chain.mentions:
                        text = clean_name(analysis.mentions[index].span.text)
                        entry = counted.setdefault((actor_id, name_key(text)), [text, 0])
                        entry[1] += 1
                    for alias in chain.aliases:
                        counted.setdefault((actor_id, name_key(alias)), [alias, 0])
                mentions.extend(
                    dict(
                        document_id=document_id, start=m.span.start, end=m.span.end, text=m.span.text[:500],
                        label=m.label, role=m.role, chain=m.chain, sent_start=m.sentence.start, sent_end=m.sentence.end,
                        actor_id=actor_of_chain.get(m.chain) if m.chain is not None else None, place_id=None,
                    )
                    for m in analysis.mentions
                )
            new_aliases, changed = [], []
            for (actor_id, key), (name, count) in counted.items():
                if not key:
                    continue
                known = self.aliases.get((actor_id, key))
                if known is None:
                    self.aliases[(actor_id, key)] = [count, True]
                    new_aliases.append(dict(actor_id=actor_id, name=name, key=key, mentions=count, reason="same name"))
                else:
                    known[0] += count
                    changed.append(dict(a=actor_id, k=key, n=known[0]))
            connection = session.connection()
            connection.execute(insert(s.Document), documents)
            if actors:
                connection.execute(insert(s.Actor), actors)
            if new_aliases:
                connection.execute(insert(s.Alias), new_aliases)
            if changed:
                connection.execute(
                    update(s.Alias).where(s.Alias.actor_id == bindparam("a"), s.Alias.key == bindparam("k")).values(mentions=bindparam("n")),
                    changed,
                )
            connection.execute(insert(s.Mention), mentions)
            sketches = sketches or [copies.sketch(d["text"], d["language"]) for d in documents]
            copies.index(session, {d["id"]: k for d, k in zip(documents, sketches, strict=True)})


_pool: list[Analysis] = []


def _prepare(span: tuple[int, int]) -> list[tuple[Analysis, object]]:
    """Worker: synthetic documents in `span` with their copy-index sketches (the CPU-heavy part)."""
    from factfile.relate.copies import sketch

    if not _pool:
        _pool.extend(real_analyses())
    return [(a, sketch(a.article.text, a.article.language)) for a in documents(_pool, span[0], span[1], full=False)]


def grow(store, pool: list[Analysis], start: int, count: int, group: int = 500, processes: int = 2) -> None:
    """Add synthetic documents start .. start+count-1: made (and sketched) in `processes` worker
    processes, written by the bulk writer `group` per transaction."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    writer = BulkWriter(store)
    spans = [(first, min(group, start + count - first)) for first in range(start, start + count, group)]
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as workers:
        for prepared in workers.map(_prepare, spans):
            writer.write([a for a, _ in prepared], sketches=[k for _, k in prepared])


def ingest_cost(store, pool: list[Analysis], start: int, count: int = 200) -> float:
    """Seconds per document to store `count` new synthetic documents, one transaction each."""
    from factfile.relate import build
    from factfile.store.writer import save

    relaters = build()
    batch = list(documents(pool, start, count))
    began = time.perf_counter()
    for analysis in batch:
        with store.transaction() as session:
            save(session, analysis, relaters)
    return (time.perf_counter() - began) / count


def build_stores(sizes: list[int], db: str, probe: int = 200, at_size=None) -> dict[int, float]:
    """Grow one store through `sizes`, measuring the ingest cost per document at each size.

    The probe documents measured at a size stay in the store (they count towards the next size);
    `at_size(size)` is called once the store holds `size` documents (bench/dossier.py measures there).
    """
    from factfile.store import Store

    pool = real_analyses()
    store = Store(db)
    with store.session() as session:
        from sqlalchemy import func, select

        from factfile.store.schema import Document

        have = session.scalar(select(func.count()).select_from(Document)) or 0
    costs: dict[int, float] = {}
    for size in sorted(sizes):
        if have < size - probe:
            began = time.perf_counter()
            grow(store, pool, have, size - probe - have)
            print(f"  grew store to {size - probe} documents in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
            have = size - probe
        costs[size] = ingest_cost(store, pool, have, probe)
        have += probe
        print(f"ingest cost at {size:>7} documents: {costs[size] * 1000:.2f} ms/document", flush=True)
        if at_size is not None:
            at_size(size)
    store.close()
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes to reach, comma-separated")
    parser.add_argument("--db", default=str(ROOT / "bench" / ".cache" / "synth.db"), help="store to grow (kept for bench/dossier.py)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    costs = build_stores(sizes, args.db)
    smallest, largest = min(costs), max(costs)
    ratio = costs[largest] / costs[smallest]
    print(f"ingest cost at {largest} / at {smallest} documents: {ratio:.2f}x (bar: <= 1.3x) {'PASS' if ratio <= 1.3 else 'FAIL'}")


if __name__ == "__main__":
    main()
