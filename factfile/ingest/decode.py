"""Bytes to text: bounded reading, gzip, encoding detection and mojibake repair.

News scraped from the web arrives in every encoding, often mislabelled, and republished copies carry
double-encoded text ("â€™" for "’"). We decode by evidence (BOM, declared charset, strict UTF-8,
then statistical detection) and let ftfy repair what was already broken before it reached us.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from pathlib import Path

import charset_normalizer
import ftfy

from factfile.errors import IngestError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == _GZIP_MAGIC


def read_bounded(path: Path, limit: int, origin: str | None = None) -> bytes:
    """The whole file, gunzipped when compressed; refuse files larger than `limit` bytes."""
    origin = origin or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(origin, f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise IngestError(origin, "empty file")
    try:
        if is_gzip(path):
            with gzip.open(path, "rb") as handle:
                data = handle.read(limit + 1)
        else:
            if size > limit:
                raise IngestError(origin, f"file is {_mb(size)}, over the {_mb(limit)} limit for one page")
            data = path.read_bytes()
    except EOFError as exc:
        raise IngestError(origin, "truncated gzip file (compressed stream ends early)") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise IngestError(origin, f"corrupt gzip file ({exc})") from exc
    except OSError as exc:
        raise IngestError(origin, f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise IngestError(origin, f"uncompressed content is over the {_mb(limit)} limit for one page")
    if not data.strip():
        raise IngestError(origin, "empty file" if not data else "file contains only whitespace")
    return data


def _mb(n: int) -> str:
    megabytes = n / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes == int(megabytes) else f"{megabytes:.1f} MB"


def looks_binary(data: bytes) -> bool:
    """True for data no text encoding explains: NUL bytes or a high share of control bytes."""
    head = data[:65536]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.05


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # tab, newlines, form feed, escape are text


def decode(data: bytes, origin: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode `data` to text; return the text and warnings worth showing.

    Raises IngestError for data that is not text at all. Mojibake is repaired later, on the
    extracted article text only (`repair`), which is much smaller than the page.
    """
    warnings: list[str] = []
    if looks_binary(data):
        raise IngestError(origin, "binary data, not text or HTML")
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace"), warnings
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            try:
                return data.decode("utf-16"), warnings
            except UnicodeDecodeError:
                break
    if declared is None:
        match = _META_CHARSET.search(data[:8192])
        declared = match.group(1).decode("ascii", "ignore") if match else None
    declared = _known_codec(declared)
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad <= max(4, len(data) // 2000):
        warnings.append(f"invalid UTF-8: {bad} undecodable byte(s) replaced, first at byte {utf8_error.start}")
        return lenient, warnings
    if _damaged_utf8(lenient, bad):
        if bad > len(lenient) * MAX_REPLACED_SHARE:
            raise IngestError(
                origin, f"damaged UTF-8: {bad} of {len(lenient)} characters undecodable, too many to store "
                f"(it is UTF-8, not another encoding: it holds valid UTF-8 sequences too)",
            )
        warnings.append(f"damaged UTF-8: {bad} undecodable byte(s) replaced, first at byte {utf8_error.start}")
        return lenient, warnings
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return data.decode(declared), warnings
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii") and best.coherence >= 0.1:
        try:
            text = data.decode(best.encoding)
            warnings.append(f"not valid UTF-8 (byte {utf8_error.start}); decoded as {best.encoding}")
            return text, warnings
        except (UnicodeDecodeError, LookupError):
            pass
    raise IngestError(origin, f"not decodable as text: invalid UTF-8 ({bad} bad bytes) and no other encoding gives words of a language")


MAX_REPLACED_SHARE = 0.05  # damaged UTF-8 with more undecodable characters than this is rejected
_MIN_VALID_SEQUENCES = 8


def _damaged_utf8(lenient: str, bad: int) -> bool:
    """Whether bytes that are not valid UTF-8 are UTF-8 all the same, damaged, rather than a legacy encoding.

    The evidence is the valid multi-byte sequences among the invalid bytes: text in cp1251 or latin-1
    forms one only by chance (about 1 per 2000 Cyrillic letters), while damaged UTF-8 keeps most of its
    own. Decoding damaged UTF-8 as a single-byte encoding would store mojibake ("Ukraine‚Äôs")."""
    valid = sum(1 for c in lenient if c > "\x7f" and c != "\ufffd")
    return valid >= _MIN_VALID_SEQUENCES and valid >= 0.05 * bad


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def repair(text: str, warnings: list[str]) -> str:
    """Undo mojibake and normalise to NFC, noting it in `warnings` when text was really broken."""
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    if fixed != text and ftfy.badness.is_bad(text):
        warnings.append("repaired mis-encoded characters (mojibake)")
    return fixed
