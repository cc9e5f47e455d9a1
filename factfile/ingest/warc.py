"""WARC / WARC.gz (Common Crawl news): HTML responses become articles, other records are skipped."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from factfile.config import Limits
from factfile.ingest.sniff import head as _head
from factfile.records import Hints, RawItem, Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w:.\-]+)", re.I)


def read_warc(path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    if size == 0:
        handle.close()
        yield Rejection(str(path), "empty file")
        return
    if size > limits.max_container_bytes:
        handle.close()
        yield Rejection(str(path), f"file is over the {limits.max_container_bytes >> 30} GB limit for one WARC")
        return
    if not _head(path).startswith(b"WARC/"):
        handle.close()
        yield Rejection(str(path), "not a WARC file (it does not start with 'WARC/')")
        return
    records = 0
    with handle:
        try:
            for record in _records(handle):
                records += 1
                if records > limits.max_records:
                    yield Rejection(str(path), f"more than {limits.max_records} records; the rest is not read")
                    return
                item = _item(record, f"{path}#record {records}", limits)
                while record.raw_stream.read(1 << 16):  # skipped records too: truncation shows here
                    pass
                if getattr(record.raw_stream, "limit", 0):
                    yield Rejection(str(path), f"truncated WARC: record {records} ends early; reading stopped there")
                    return
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, MalformedRecord) as exc:
            problem = "not a WARC file" if records == 0 else f"unreadable WARC record after record {records}"
            yield Rejection(str(path), f"{problem} ({_short(exc)})")
        except (EOFError, zlib.error, ValueError, OSError) as exc:
            yield Rejection(str(path), f"truncated or corrupt WARC: reading stopped after record {records} ({_short(exc)})")
    if records == 0:
        yield Rejection(str(path), "WARC file holds no records")


class MalformedRecord(Exception):
    """warcio tripped over a record's headers (it raises whatever Python raised, e.g. on a missing URI)."""


def _records(handle) -> Iterator:
    records = iter(ArchiveIterator(handle))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (AttributeError, TypeError, KeyError, IndexError, UnicodeError) as exc:
            raise MalformedRecord(f"malformed record headers: {type(exc).__name__}: {exc}") from exc
        yield record


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:160]


def _item(record, origin: str, limits: Limits) -> RawItem | Rejection | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and not content_type.lower().startswith(_HTML_TYPES):
        return None
    stream = record.content_stream()
    payload = stream.read(limits.max_page_bytes + 1)
    if len(payload) > limits.max_page_bytes:
        while stream.read(1 << 20):
            pass
        return Rejection(origin, f"payload is over the {limits.describe_page_limit()} limit for one page")
    if not payload.strip():
        return Rejection(origin, "empty HTML payload")
    charset = _CHARSET.search(content_type)
    return RawItem(
        origin=origin,
        kind="html",
        payload=payload,
        hints=Hints(url=record.rec_headers.get_header("WARC-Target-URI")),
        encoding=charset.group(1) if charset else None,
    )
