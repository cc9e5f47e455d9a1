"""Decide which reader handles a file: by its name first, then by its first bytes."""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from pathlib import Path
from typing import Literal

from factfile.ingest.telegram import looks_like_export

Format = Literal["html", "text", "jsonl", "warc", "feed", "telegram"]

_BY_SUFFIX: dict[str, Format] = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
}


def format_of(path: Path) -> Format:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".gzip"):
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] == ".json" and looks_like_export(head(path)):
        return "telegram"
    if suffixes and suffixes[-1] in _BY_SUFFIX:
        return _BY_SUFFIX[suffixes[-1]]
    return _by_content(head(path))


def head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of the file, gunzipped when compressed; empty when unreadable or not a regular file.

    Opened without blocking: opening a FIFO for reading otherwise waits for a writer, for ever."""
    try:
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return b""
            head = handle.read(size)
            if head[:2] == b"\x1f\x8b":
                handle.seek(0)
                head = _gunzipped_head(handle, size)
    except OSError:
        return b""
    return head


def _gunzipped_head(handle, size: int) -> bytes:
    """As many of the first `size` uncompressed bytes as come before any damage (a later gzip member may be corrupt)."""
    parts: list[bytes] = []
    got = 0
    try:
        with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
            while got < size and (part := unzipped.read(min(512, size - got))):
                parts.append(part)
                got += len(part)
    except (OSError, EOFError, zlib.error):
        pass
    return b"".join(parts)


def _by_content(head: bytes) -> Format:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{"):
        return "telegram" if looks_like_export(start) else "jsonl"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
    if start.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<!--")):
        return "html"
    return "text"
