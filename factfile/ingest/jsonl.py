"""JSON lines: one article per line, with `text` or `html` and optional metadata fields."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from factfile.config import Limits
from factfile.records import Hints, RawItem, Rejection

# Field names seen in news dumps for the same thing; the first present wins.
_ALIASES = {
    "url": ("url", "link", "uri"),
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "published": ("date", "published", "date_publish", "publish_date", "pubdate", "published_at"),
    "site": ("source", "site", "outlet", "publisher", "source_domain", "sitename"),
    "source": ("original_source", "declared_source", "credit"),
}


def read_jsonl(path: Path, limits: Limits) -> Iterator[RawItem | Rejection]:
    try:
        if path.stat().st_size == 0:
            yield Rejection(str(path), "empty file")
            return
        handle: IO[bytes] = gzip.open(path, "rb") if _is_gzip(path) else path.open("rb")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    lineno = 0
    without_article = 0  # lines in a row that held no article: blank, invalid or over the size limit
    with handle:
        try:
            while True:
                line = handle.readline(limits.max_page_bytes + 1)
                if not line:
                    break
                lineno += 1
                if lineno > limits.max_records:
                    yield Rejection(str(path), f"more than {limits.max_records} lines; the rest is not read")
                    return
                if without_article >= limits.max_bad_run:
                    yield Rejection(str(path), f"{without_article} lines in a row hold no article (blank or invalid); the rest is not read")
                    return
                origin = f"{path}:{lineno}"
                if len(line) > limits.max_page_bytes:
                    without_article += 1
                    yield Rejection(origin, f"line is over the {limits.describe_page_limit()} limit for one article")
                    _skip_rest_of_line(handle)
                    continue
                if not line.strip():
                    without_article += 1
                    continue
                item = _item(line, origin)
                without_article = without_article + 1 if isinstance(item, Rejection) else 0
                yield item
        except EOFError:
            yield Rejection(str(path), f"truncated gzip file: stream ends early, after line {lineno}")
        except (gzip.BadGzipFile, zlib.error) as exc:
            yield Rejection(str(path), f"corrupt gzip file after line {lineno} ({exc})")
    if lineno == 0:
        yield Rejection(str(path), "empty file")


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _item(line: bytes, origin: str) -> RawItem | Rejection:
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return Rejection(origin, "line is not valid UTF-8 JSON")
    except json.JSONDecodeError as exc:
        return Rejection(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return Rejection(origin, "invalid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return Rejection(origin, f"expected a JSON object, found {type(record).__name__}")
    hints = Hints(**{name: _first(record, keys) for name, keys in _ALIASES.items()})
    for kind in ("html", "text"):
        body = record.get(kind)
        if isinstance(body, str) and body.strip():
            return RawItem(origin=origin, kind=kind, payload=body, hints=hints)
    if "text" in record or "html" in record:
        return Rejection(origin, "field 'text'/'html' is empty or not a string")
    return Rejection(origin, "missing field: each line needs 'text' or 'html'")


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
    return None
