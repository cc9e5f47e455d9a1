"""Synthesise large stores (1k, 10k, 100k documents) by recombining real analysed articles.

Real articles (the extraction benchmark pages and the PolNeAR dev texts) are run through the
pipeline's extractor once and cached. A synthetic document is one of them with its extracted records
kept (sentences, mentions, chains, statements, facts, times, places, quantities, events) and its text perturbed without moving any offset:

- some actors are renamed (every letter of a name mapped to another letter of the same case); whether
  an actor keeps its name and which renamed variant it gets are heavy-tailed, so, as in real news, a
  few actors appear everywhere while new ones keep turning up as the store grows;
- half of the other words are swapped for words of the same length from the other articles, so
  synthetic documents are not copies of each other;
- it gets a publication date within two years, an outlet drawn from a heavy-tailed list, and
  `COPY_SHARE` of documents republish an earlier synthetic document (same text, another outlet, a
  day or two later) so the copy and story relaters have real work.

Documents are stored through `relate.write.save` and the default relaters (actors, copies, stories,
outlets), grouped per transaction as `factfile/batch/load.py` does: the store has every table a real
ingest fills. The only shortcut is that copy sketches (MinHash of a text, pure CPU) are computed in a
second process and handed to the `copies` relater, which would compute the same values itself.

The stores themselves are built and cached by bench/stores.py.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import random
import re
import string
from datetime import date, timedelta
from pathlib import Path

from factfile.batch.codec import dumps, loads
from factfile.ingest.article import content_hash
from factfile.records import Analysis, Span

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else "/work/shared"))
SOURCES = [SHARED / "data/article-extraction-benchmark/html", SHARED / "data/polnear/dev/text"]


def code_digest() -> str:
    """A digest of the code and models that make an analysis, so cached analyses follow code changes."""
    digest = hashlib.blake2b(digest_size=6)
    paths = [p for stage in ("ingest", "extract") for p in (ROOT / "factfile" / stage).rglob("*")]
    for path in sorted(paths):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


CODE = code_digest()
ANALYSES = ROOT / "bench" / ".cache" / f"analyses-{CODE}.jsonl"
KEEP_NAME = 0.5  # chance that an actor keeps its real name in a synthetic document
NAMED_ROLES = ("name", "acronym", "nickname")
SWAP_WORD = 0.5  # chance that a word outside the mentions is swapped for another of the same length
COPY_SHARE = 0.1  # share of synthetic documents that republish an earlier one
OUTLETS = 400  # synthetic outlet names, drawn heavy-tailed
FIRST_DAY, DAYS = date(2023, 1, 1), 730
GROUP = 200  # documents per transaction while building
VERSION = 2  # bump when synthesis changes, so cached stores are rebuilt
WORD = re.compile(r"[^\W\d_]+")


def cache_dir() -> Path:
    base = os.environ.get("FACTFILE_CACHE")
    path = Path(base) / "synth" if base else Path("/tmp/factfile-synth")
    path.mkdir(parents=True, exist_ok=True)
    return path


def real_analyses(sources: list[Path] = SOURCES, cache: Path = ANALYSES) -> list[Analysis]:
    """The real articles, analysed by the pipeline's extractor (cached after the first run)."""
    if cache.exists():
        return [loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    analyses = [a for a in extract(read_articles(sources)) if a.chains]
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(dumps(a) + "\n" for a in analyses), encoding="utf-8")
    return analyses


def read_articles(sources: list[Path]) -> list:
    """Articles read from files as `factfile ingest` reads them (rejected inputs skipped)."""
    from factfile.errors import IngestError
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
    return articles


def extract(articles: list) -> list[Analysis]:
    from factfile.extract import Extractor

    return list(Extractor().pipe(articles))


def scramble(name: str, variant: int) -> str:
    """A same-length pseudo-name: each letter replaced by a letter drawn from (name, variant)."""
    rng = random.Random(hashlib.blake2b(f"{variant}\0{name}".encode(), digest_size=8).digest())
    return "".join(
        rng.choice(string.ascii_uppercase) if ch.isupper() else rng.choice(string.ascii_lowercase) if ch.isalpha() else ch
        for ch in name
    )


def words_by_length(pool: list[Analysis]) -> dict[int, list[str]]:
    """The pool's vocabulary by word length (to swap words without moving any offset)."""
    vocabulary: dict[int, list[str]] = {}
    for word in sorted({w for a in pool for w in WORD.findall(a.article.text)}):
        vocabulary.setdefault(len(word), []).append(word)
    return vocabulary


def _perturb(source: Analysis, number: int, rng: random.Random, vocabulary: dict[int, list[str]]) -> tuple[str, dict[str, str]]:
    """`source`'s text with some actors renamed and half the other words swapped, and the renames."""
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
    for start, end, upper in _swappable(source):
        if rng.random() < SWAP_WORD and (same := vocabulary.get(end - start)):
            swap = rng.choice(same)
            text[start:end] = swap[0].upper() + swap[1:] if upper else swap
    return "".join(text), renamed


_SWAPPABLE: dict[int, list[tuple[int, int, bool]]] = {}


def _swappable(source: Analysis) -> list[tuple[int, int, bool]]:
    """(start, end, capitalised) of the source's words outside every mention (computed once per source)."""
    found = _SWAPPABLE.get(id(source))
    if found is None:
        found = _SWAPPABLE[id(source)] = []
        kept = sorted((m.span.start, m.span.end) for m in source.mentions)
        k = 0
        for word in WORD.finditer(source.article.text):
            while k < len(kept) and kept[k][1] <= word.start():
                k += 1
            if not (k < len(kept) and kept[k][0] < word.end()):
                found.append((word.start(), word.end(), word.group()[0].isupper()))
    return found


def _outlet(rng: random.Random) -> tuple[str, str]:
    rank = min(int(rng.paretovariate(0.7)), OUTLETS)
    return f"news{rank}.example.com", f"News {rank}"


def _copies(number: int, rng: random.Random) -> bool:
    return number >= 100 and rng.random() < COPY_SHARE


def source_of(number: int, pool_size: int, seed: int = 8) -> int | None:
    """The pool index synthetic document `number` is made from; None for a copy (what `synthesise` draws)."""
    rng = random.Random(seed * 1_000_003 + number)
    return None if _copies(number, rng) else rng.randrange(pool_size)


@dataclasses.dataclass(slots=True)
class Synthetic:
    """A synthetic document, the real article it was made from, and the one it republishes, if any."""

    number: int
    analysis: Analysis
    source: int  # index into the pool
    copy_of: int | None = None  # number of the synthetic document it republishes


def synthesise(pool: list[Analysis], number: int, vocabulary: dict[int, list[str]], seed: int = 8) -> Synthetic:
    """Synthetic document `number` (the same number always gives the same document)."""
    rng = random.Random(seed * 1_000_003 + number)
    if _copies(number, rng):  # a republished copy of an earlier synthetic document
        original = synthesise(pool, number - 1 - min(int(rng.paretovariate(1.0)), number - 1), vocabulary, seed)
        first = original.analysis
        text = first.article.text + f"\n\nRepublished as document {number}."
        return Synthetic(number, _restamp(first, text, number, rng, first.article.published), original.source, original.number)
    index = rng.randrange(len(pool))
    source = pool[index]
    body, renamed = _perturb(source, number, rng, vocabulary)
    text = body + f"\n\nSynthetic document {number}."
    analysis = _respan(source, text)
    analysis.article.text = text
    for chain in analysis.chains:
        chain.name = renamed.get(chain.name, chain.name)
        chain.aliases = [renamed.get(a, a) for a in chain.aliases]
        chain.alias_evidence = {renamed.get(a, a): span for a, span in chain.alias_evidence.items()}
        chain.alias_reasons = {renamed.get(a, a): why for a, why in chain.alias_reasons.items()}
    return Synthetic(number, _restamp(analysis, text, number, rng, None), index)


def _restamp(analysis: Analysis, text: str, number: int, rng: random.Random, after: date | None) -> Analysis:
    """The analysis with `text` (offsets unchanged), a new identity, outlet and publication date."""
    if text != analysis.article.text:
        analysis = _respan(analysis, text)
    article = analysis.article
    domain, site = _outlet(rng)
    article.text = text
    article.content_hash = content_hash(text)
    article.origin = f"synthetic:{number}"
    article.url = f"https://{domain}/article/{number}"
    article.domain, article.site = domain, site
    day = (after - FIRST_DAY).days + rng.randint(0, 2) if after else rng.randrange(DAYS)
    article.published = FIRST_DAY + timedelta(days=day)
    return analysis


_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = (int, float, str, bool, type(None), date)


def _respan(value, text: str):
    """A deep copy of a record in which every Span's text is re-read from `text`."""
    kind = type(value)
    if kind is Span:
        return Span(value.start, value.end, text[value.start : value.end])
    if kind in _PLAIN:
        return value
    if kind is list:
        return list(value) if not value or type(value[0]) in _PLAIN else [_respan(v, text) for v in value]
    if kind is dict:
        return {k: _respan(v, text) for k, v in value.items()}
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value) if f.init)
    return kind(**{name: _respan(getattr(value, name), text) for name in fields})


def cache_key(seed: int) -> str:
    """What names a cached store: the synthesis parameters and the source analyses."""
    digest = hashlib.blake2b(digest_size=6)
    digest.update(f"{VERSION} {seed} {KEEP_NAME} {SWAP_WORD} {COPY_SHARE} {OUTLETS} {FIRST_DAY} {DAYS}".encode())
    digest.update(ANALYSES.read_bytes())
    return digest.hexdigest()


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())
