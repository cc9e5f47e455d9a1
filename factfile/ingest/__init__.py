"""Stage 1, ingest: find input files, read the articles in them, extract main text and metadata.

    read_items(["corpus/", "feed.xml"])  ->  RawItem | Rejection, one per article found
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
from factfile.ingest.warc import read_warc
from factfile.records import RawItem, Rejection

Reader = Callable[[Path, Limits], Iterator[RawItem | Rejection]]

READERS: dict[Format, Reader] = {
    "html": read_html,
    "text": read_text,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
}


def read_items(arguments: Iterable[str], limits: Limits = DEFAULT_LIMITS) -> Iterator[RawItem | Rejection]:
    """Every article (or rejection) in the files, folders and globs given."""
    for found in discover(list(arguments)):
        if isinstance(found, Rejection):
            yield found
            continue
        yield from READERS[format_of(found)](found, limits)


__all__ = ["READERS", "read_items", "to_article"]
