"""One fuzz target per input parser and normaliser: bytes in, and only the errors we promise out.

A target may return anything and may raise `IngestError` (a clear error naming the input); any other
exception, a reader result that is neither an item nor a rejection, or a rejection that does not
name its input is a finding. fuzz/fuzz.py runs these under atheris; tests/test_properties.py feeds
the same readers structured input with hypothesis.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

from factfile.config import Limits
from factfile.errors import IngestError
from factfile.ingest.article import parse_date, to_article
from factfile.ingest.feed import read_feed
from factfile.ingest.jsonl import read_jsonl
from factfile.ingest.sniff import format_of
from factfile.ingest.warc import read_warc
from factfile.records import RawItem, Rejection

# Small limits so that the fuzzer reaches the limit checks too.
LIMITS = Limits(max_page_bytes=8192, max_container_bytes=1 << 20, max_text_chars=20_000, max_records=50)
_SCRATCH = Path(os.environ.get("FUZZ_SCRATCH") or tempfile.mkdtemp(prefix="factfile-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))


class Finding(AssertionError):
    """The parser broke its contract on this input."""


def _scratch(data: bytes, suffix: str) -> Path:
    path = _SCRATCH / f"input-{os.getpid()}{suffix}"
    path.write_bytes(data)
    return path


def _check_reader(results: Iterable, path: Path) -> list:
    found = list(results)
    for result in found:
        if isinstance(result, Rejection):
            if not result.origin.startswith(str(path)) or not result.problem:
                raise Finding(f"rejection does not name the input: {result!r}")
        elif not isinstance(result, RawItem):
            raise Finding(f"reader yielded {type(result).__name__}")
    return found


def _article(kind: str, data: bytes) -> None:
    try:
        article = to_article(RawItem(origin="fuzz-input", kind=kind, payload=data), LIMITS)
    except IngestError as error:
        if error.origin != "fuzz-input" or not error.problem:
            raise Finding(f"error does not name the input: {error}") from error
        return
    if not article.text or len(article.text) > LIMITS.max_text_chars or len(article.content_hash) != 64:
        raise Finding("article breaks its invariants")


def html(data: bytes) -> None:
    _article("html", data)


def text(data: bytes) -> None:
    _article("text", data)


def jsonl(data: bytes) -> None:
    path = _scratch(data, ".jsonl")
    _check_reader(read_jsonl(path, LIMITS), path)


def warc(data: bytes) -> None:
    path = _scratch(data, ".warc")
    _check_reader(read_warc(path, LIMITS), path)


def feed(data: bytes) -> None:
    path = _scratch(data, ".xml")
    _check_reader(read_feed(path, LIMITS), path)


def sniff(data: bytes) -> None:
    path = _scratch(data, "")
    if format_of(path) not in ("html", "text", "jsonl", "warc", "feed"):
        raise Finding("unknown format")


def dates(data: bytes) -> None:
    value = data.decode("utf-8", errors="replace")
    parsed = parse_date(value)
    if parsed is not None and not 1 <= parsed.year <= 9999:
        raise Finding(f"impossible date {parsed}")


def warc_damage(data: bytes) -> None:
    """Partial container corruption: the fuzzer's bytes overwrite part of one record of a five-record
    WARC (gzipped or not); every other record must still come out, in order, and only that one may go."""
    from seeds import damage_warc, five_record_warcs

    if len(data) < 4:
        return
    gzipped, victim = data[0] & 1, data[1] % 5
    records = five_record_warcs()[gzipped]
    damaged = damage_warc(records, victim, data[2] / 255, data[3:])
    path = _scratch(damaged, ".warc.gz" if gzipped else ".warc")
    found = _check_reader(read_warc(path, Limits()), path)
    urls = [r.hints.url for r in found if isinstance(r, RawItem)]
    expected = [f"https://news.example/{n}" for n in range(5) if n != victim]
    if [u for u in urls if u in expected] != expected:  # the damaged record may come out too, its URL garbled
        raise Finding(f"records lost around a damaged record {victim}: read {urls}")


_API: list = []


def prepare_api() -> None:
    if not _API:
        from api_routes import build

        _API.extend(build(_SCRATCH / "api.db"))


def api(data: bytes) -> None:
    """Hostile values in every parameter of every route of the web app: a 4xx or a 2xx, never a 5xx."""
    prepare_api()
    client, cases = _API
    if len(data) < 2:
        return
    method, url, parameter, where = cases[int.from_bytes(data[:2], "big") % len(cases)]
    value = data[2:].decode("utf-8", errors="replace")
    if where == "path":
        response = client.request(method, url.replace("{" + parameter + "}", quote(value, safe="") or "0"))
    else:
        response = client.request(method, url, params={parameter: value})
    if response.status_code >= 500:
        raise Finding(f"{method} {url} {parameter}={value[:40]!r}: {response.status_code}")


TARGETS: dict[str, Callable[[bytes], None]] = {
    "warc_damage": warc_damage,
    "api": api,
    "html": html,
    "text": text,
    "jsonl": jsonl,
    "warc": warc,
    "feed": feed,
    "sniff": sniff,
    "dates": dates,
}
