"""Readers for files that hold one article each: an HTML page or a plain-text file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from factfile.config import Limits
from factfile.errors import IngestError
from factfile.ingest.decode import read_bounded
from factfile.records import InputKind, RawItem, Rejection


def read_page(path: Path, limits: Limits, kind: InputKind) -> Iterator[RawItem | Rejection]:
    try:
        payload = read_bounded(path, limits.max_page_bytes)
    except IngestError as error:
        yield Rejection(error.origin, error.problem)
        return
    yield RawItem(origin=str(path), kind=kind, payload=payload)


def read_html(path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    return read_page(path, limits, "html")


def read_text(path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    return read_page(path, limits, "text")
