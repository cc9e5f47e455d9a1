"""WARC / WARC.gz (Common Crawl news): HTML responses become articles, other records are skipped."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from factfile.config import Limits
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
    with handle:
        yield from _read(handle, path, limits)


_BROKEN = (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError)
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = b"WARC/1."
_SCAN = 1 << 20


def _read(handle, path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    """Every record's item. A broken or corrupt record is rejected, and reading goes on at the next
    record start found in the bytes after the record's own start (its length may be wrong, too).

    A record is held until the next one is parsed: warcio only notices that a record's Content-Length
    was wrong (so its content is cut or runs into the next record) when it looks for the next one."""
    known_format = "arc" if path.name.lower().endswith((".arc", ".arc.gz")) else "warc"
    number = 0  # records read, broken ones included
    start: int | None = 0
    quiet = False  # the last run of the reader ended at a record rejected as corrupt
    while start is not None:
        numbered_before = number
        handle.seek(start)
        iterator = _QuietArchiveIterator(handle, check_digests=True)
        iterator.known_format = known_format  # else garbage after a false record start may parse as an ARC record
        stream = iter(iterator)
        held: tuple[RawItem, int] | None = None  # an item and its record's offset
        failure: Exception | None = None
        resync: int | None = None  # where to look for the next record start, after a corrupt record
        while True:
            length_errors = iterator.err_count
            try:
                record = _next(stream)
            except _BROKEN as exc:
                failure, record = exc, None
            if held is not None:
                item, offset = held
                held = None
                if iterator.err_count != length_errors:
                    yield Rejection(item.origin, "corrupt record: its Content-Length does not match its content")
                    resync = offset + 1
                    break
                yield item
            if record is None:
                break
            if known_format == "warc" and not _complete_headers(record):
                failure = MalformedRecord("record headers lack WARC-Type or a numeric Content-Length")
                break
            offset = iterator.offset
            number += 1
            if number > limits.max_records:
                yield Rejection(str(path), f"more than {limits.max_records} records; the rest is not read")
                return
            origin = f"{path}#record {number}"
            try:
                item = _item(record, origin, limits)
                while record.raw_stream.read(1 << 16):  # skipped records too: truncation and digests show here
                    pass
            except _BROKEN as exc:
                failure = exc
                break
            if getattr(record.raw_stream, "limit", 0):
                yield Rejection(str(path), f"truncated WARC: record {number} ends early; reading stopped there")
                return
            if record.digest_checker.passed is False:
                yield Rejection(origin, f"corrupt record: {record.digest_checker.problems[0]}")
                resync = offset + 1
                break
            if isinstance(item, RawItem):
                held = (item, offset)
            elif item is not None:
                yield item
        if resync is not None:  # after a corrupt record, rejected above
            start = _next_record_start(handle, resync)
            quiet = True
            continue
        read_any, quiet_before, quiet = number > numbered_before, quiet, False
        start = _next_record_start(handle, iterator.offset + 1)
        if failure is None:
            if start is None:
                break  # the end of the file
            failure = MalformedRecord("unreadable bytes where the next record should start")
        if quiet_before and not read_any:
            quiet = True
            continue  # the remains of the record just rejected, not a record of its own
        number += 1
        if number == 1 and start is None:
            yield Rejection(str(path), f"not a WARC file ({_short(failure)})")
            return
        where = "reading goes on at the next record" if start is not None else "no record follows it"
        yield Rejection(f"{path}#record {number}", f"unreadable WARC record ({_short(failure)}); {where}")
    if number == 0:
        yield Rejection(str(path), "WARC file holds no records")


def _complete_headers(record) -> bool:
    """Whether the record has the headers every WARC record must: without them it is no record but
    bytes that look like one (a false start found after damage), and its length is unknown."""
    length = record.rec_headers.get_header("Content-Length") or ""
    return bool(record.rec_headers.get_header("WARC-Type")) and length.strip().isdigit()


class _QuietArchiveIterator(ArchiveIterator):
    """warcio prints a warning to stderr for a record whose Content-Length is wrong; we count it (err_count) instead."""

    INC_RECORD = ""


def _next(stream):
    """The next record, None at the end; whatever Python error warcio raises on mangled headers is a broken record."""
    try:
        return next(stream)
    except StopIteration:
        return None
    except (AttributeError, TypeError, KeyError, IndexError, UnicodeError) as exc:
        raise MalformedRecord(f"malformed record headers: {type(exc).__name__}: {exc}") from exc


def _next_record_start(handle, offset: int) -> int | None:
    """The file offset of the first record start at or after `offset`: a gzip member's magic bytes
    (.warc.gz) or 'WARC/1.' (plain WARC; damage may have taken the blank lines before it). A false
    start is found broken in its turn."""
    position = offset
    handle.seek(position)
    carry = b""
    while chunk := handle.read(_SCAN):
        window, base = carry + chunk, position - len(carry)
        starts = [found for marker in (_GZIP_MEMBER, _WARC_START) if (found := window.find(marker)) >= 0]
        if starts:
            return base + min(starts)
        carry = chunk[-(len(_WARC_START) - 1):]
        position += len(chunk)
    return None


class MalformedRecord(ValueError):
    """warcio tripped over a record's headers (it raises whatever Python raised, e.g. on a missing URI)."""


def _short(exc: Exception) -> str:
    """The error's first line, short and printable (warcio quotes the raw bytes it choked on)."""
    text = (str(exc).strip() or type(exc).__name__).splitlines()[0][:120]
    return "".join(c if c.isprintable() else "?" for c in text)


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
