"""Stage 1, ingest: find input files, read the articles in them, extract main text and metadata.

    read_items(["corpus/", "feed.xml", "https://..."])  ->  RawItem | Rejection, one per article found
    to_article(raw_item)                 ->  Article (or IngestError naming the input and the problem)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from factfile.config import DEFAULT_LIMITS, Limits
from factfile.ingest.article import to_article
from factfile.ingest.discover import discover
from factfile.ingest.feed import read_feed
from factfile.ingest.jsonl import read_jsonl
from factfile.ingest.pages import read_html, read_text
from factfile.ingest.sniff import Format, format_of
from factfile.ingest.telegram import read_telegram
from factfile.ingest.url import FetchPolicy, is_url, read_url
from factfile.ingest.warc import read_warc
from factfile.records import RawItem, Rejection

Reader = Callable[[Path, Limits], Iterator[RawItem | Rejection]]

READERS: dict[Format, Reader] = {
    "html": read_html,
    "text": read_text,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
    "telegram": read_telegram,
}


def read_items(
    arguments: Iterable[str], limits: Limits = DEFAULT_LIMITS, fetch: FetchPolicy | None = None
) -> Iterator[RawItem | Rejection]:
    """Every article (or rejection) in the files, folders and globs given, then at the URLs given."""
    arguments = list(arguments)
    for found in discover([a for a in arguments if not is_url(a)]):
        if isinstance(found, Rejection):
            yield found
            continue
        yield from READERS[format_of(found)](found, limits)
    for url in filter(is_url, arguments):
        yield from read_url(url, limits, fetch or FetchPolicy(max_bytes=limits.max_page_bytes))


__all__ = ["READERS", "FetchPolicy", "read_items", "to_article"]
