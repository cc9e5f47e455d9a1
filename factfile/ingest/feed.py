"""RSS and Atom feeds: each entry with content (or a summary) becomes an article.

`read_feed` reads a feed file; `parse_feed` reads feed bytes fetched by `factfile follow`, which
keeps every entry, with or without content, under the key that identifies it across polls."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser

from factfile.config import Limits
from factfile.errors import IngestError
from factfile.ingest.decode import read_bounded
from factfile.records import FeedEntry, Hints, RawItem, Rejection


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]


def read_feed(path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    try:
        data = read_bounded(path, limits.max_page_bytes)
    except IngestError as error:
        yield Rejection(error.origin, error.problem)
        return
    try:
        parsed = _parse(data, str(path))
    except IngestError as error:
        yield Rejection(error.origin, error.problem)
        return
    site = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries[: limits.max_records], start=1):
        origin = f"{path}#entry {number}"
        body = _body(entry)
        if not body:
            yield Rejection(origin, "feed entry has no content or summary, only a link; ingest the linked page instead")
            continue
        yield RawItem(
            origin=origin,
            kind="html",
            payload=body,
            hints=Hints(
                url=entry.get("link"),
                title=entry.get("title"),
                author=entry.get("author"),
                published=entry.get("published") or entry.get("updated"),
                site=site,
            ),
        )


def parse_feed(data: bytes, origin: str, limits: Limits) -> ParsedFeed:
    """The feed's title and entries (an empty feed has none); IngestError when `data` is no RSS/Atom feed."""
    parsed = _parse(data, origin, empty_ok=True)
    entries: dict[str, FeedEntry] = {}
    for entry in parsed.entries[: limits.max_records]:
        found = _entry(entry)
        entries.setdefault(found.key, found)  # a guid repeated in one feed is one item
    return ParsedFeed(_text(parsed.feed.get("title")), list(entries.values()))


def _parse(data: bytes, origin: str, empty_ok: bool = False):
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except (UnicodeError, LookupError, ValueError) as exc:  # feedparser trips on a mangled encoding declaration
        raise IngestError(origin, f"not a valid RSS/Atom feed ({type(exc).__name__}: {str(exc)[:120]})") from exc
    if not parsed.entries and not (empty_ok and parsed.get("version")):
        reason = getattr(parsed, "bozo_exception", None)
        problem = "not a valid RSS/Atom feed" if parsed.get("bozo") or not parsed.get("version") else "feed has no entries"
        raise IngestError(origin, f"{problem}{f' ({reason})' if reason else ''}")
    return parsed


def _entry(entry) -> FeedEntry:
    link = _text(entry.get("link"))
    if link and entry.get("guidislink") and not entry.get("links") and not link.lower().startswith(("http://", "https://")):
        link = None  # feedparser's stand-in from a guid that is no web address ("n1", "tag:...")
    title = _text(entry.get("title"))
    body = _body(entry)
    published = _text(entry.get("published") or entry.get("updated"))
    parts = (link or "", title or "", _text(entry.get("updated")) or "", published or "", body or "")
    fingerprint = hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()
    key = _text(entry.get("id")) or link or "hash:" + hashlib.sha256(f"{title}\x1f{body}".encode("utf-8", "replace")).hexdigest()
    return FeedEntry(key[:2000], link, title, _text(entry.get("author")), published, body, fingerprint)


def _text(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _body(entry) -> str | None:
    """The longest content, else the summary; feedparser gives None for empty elements in broken feeds."""
    contents = [value for c in entry.get("content") or [] if isinstance(value := c.get("value"), str) and value.strip()]
    if contents:
        return max(contents, key=len)
    summary = entry.get("summary")
    return summary if isinstance(summary, str) and summary.strip() else None
