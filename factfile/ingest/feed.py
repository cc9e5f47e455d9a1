"""RSS and Atom feeds: each entry with content (or a summary) becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import feedparser

from factfile.config import Limits
from factfile.errors import IngestError
from factfile.ingest.decode import read_bounded
from factfile.records import Hints, RawItem, Rejection


def read_feed(path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    try:
        data = read_bounded(path, limits.max_page_bytes)
    except IngestError as error:
        yield Rejection(error.origin, error.problem)
        return
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except (UnicodeError, LookupError, ValueError) as exc:  # feedparser trips on a mangled encoding declaration
        yield Rejection(str(path), f"not a valid RSS/Atom feed ({type(exc).__name__}: {str(exc)[:120]})")
        return
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        problem = "not a valid RSS/Atom feed" if parsed.get("bozo") or not parsed.get("version") else "feed has no entries"
        yield Rejection(str(path), f"{problem}{f' ({reason})' if reason else ''}")
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


def _body(entry) -> str | None:
    """The longest content, else the summary; feedparser gives None for empty elements in broken feeds."""
    contents = [value for c in entry.get("content") or [] if isinstance(value := c.get("value"), str) and value.strip()]
    if contents:
        return max(contents, key=len)
    summary = entry.get("summary")
    return summary if isinstance(summary, str) and summary.strip() else None
