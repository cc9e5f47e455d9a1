"""Starting inputs for each fuzz target, made from the test data so the repository holds no blobs."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"

_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2023-05-22T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1><p class="byline">By Jane Roe</p>
{paragraphs}</article><footer>Source: Reuters</footer></body></html>"""

DATES = [
    "2023-05-22", "2023-05-22T10:00:00Z", "Mon, 22 May 2023 10:00:00 +0000", "22 May 2023", "May 22, 2023",
    "yesterday", "last Tuesday", "22/05/2023", "2023", "mid-March", "Q3 2021", "-0001-01-01", "99999-12-31",
    "2023-02-30", "in two weeks",
]


def _seed_text() -> str:
    return (DATA / "seed-article.txt").read_text(encoding="utf-8")


def _html_pages() -> list[bytes]:
    paragraphs = [p for p in _seed_text().split("\n\n") if p.strip()]
    pages = [
        _PAGE.format(title="Drone attack on Belgorod", paragraphs="".join(f"<p>{p}</p>" for p in paragraphs[:6])).encode(),
        _PAGE.format(title="Kurzmeldung", paragraphs="<p>Ein kurzer Text über die Lage in Kiew.</p>").encode("latin-1"),
    ]
    for page in sorted(DATA.glob("*.html.gz"))[:1]:
        pages.append(gzip.decompress(page.read_bytes())[:12000])
    return pages


def _warcs() -> list[bytes]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for compress in (False, True):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=compress)
        for number, page in enumerate(_html_pages()[:2]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://news.example/{number}", "response", payload=io.BytesIO(page[:4000]), http_headers=headers)
            writer.write_record(record)
        out.append(buffer.getvalue())
    return out


def _jsonl() -> list[bytes]:
    text = _seed_text()[:1500]
    lines = [
        {"text": text, "url": "https://news.example/a", "title": "Drone attack", "date": "2023-05-22", "source": "Example News"},
        {"html": "<p>" + text[:600] + "</p>", "link": "https://news.example/b", "authors": ["A", "B"], "published": 1684749600},
        {"headline": "no body"},
        [1, 2, 3],
    ]
    return [
        b"\n".join(json.dumps(line).encode() for line in lines) + b"\n{broken\n",
        json.dumps(lines[0]).encode(),
    ]


def _feeds() -> list[bytes]:
    body = "".join(f"<p>{p}</p>" for p in _seed_text().split("\n\n")[:3])
    rss = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example</title>
<item><title>One</title><link>https://news.example/1</link><pubDate>Mon, 22 May 2023 10:00:00 +0000</pubDate>
<description><![CDATA[{body}]]></description></item><item><title>Link only</title><link>https://x.example</link></item>
</channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Two</title><link href="https://news.example/2"/><updated>2023-05-22T10:00:00Z</updated>
<content type="html">{body.replace("<", "&lt;")}</content></entry></feed>"""
    return [rss.encode(), atom.encode()]


def warc_records(pages: list[tuple[str, bytes]], gzip: bool) -> list[bytes]:
    """One HTML response record per (url, page), each written alone (its own gzip member when `gzip`),
    so that a caller can damage one record and join them into a WARC file."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = []
    for url, page in pages:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=gzip)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers))
        records.append(buffer.getvalue())
    return records


def five_record_warcs() -> tuple[list[bytes], list[bytes]]:
    """Five HTML response records each, uncompressed and gzipped (one gzip member per record)."""
    if not _FIVE:
        text = _seed_text()[:1200]
        pages = [
            (f"https://news.example/{number}",
             f"<html><body><article><h1>Story {number}</h1><p>{text} ({number})</p></article></body></html>".encode())
            for number in range(5)
        ]
        _FIVE.extend(warc_records(pages, gzip) for gzip in (False, True))
    return _FIVE[0], _FIVE[1]


_FIVE: list[list[bytes]] = []


def damage_warc(records: list[bytes], victim: int, where: float, garbage: bytes) -> bytes:
    """The records with `garbage` written over record `victim`, from `where` (0-1) of its length on, within it."""
    record = records[victim]
    start = min(int(where * len(record)), len(record) - 1)
    garbage = garbage[: len(record) - start]
    damaged = record[:start] + garbage + record[start + len(garbage):]
    return b"".join(records[:victim] + [damaged] + records[victim + 1:])


def seeds(name: str) -> list[bytes]:
    if name == "html":
        return _html_pages()
    if name == "text":
        return [_seed_text()[:6000].encode(), _seed_text()[:3000].encode("utf-16"), "Überschrift\n\nDer Text.".encode("cp1252")]
    if name == "jsonl":
        return _jsonl()
    if name == "warc":
        return _warcs()
    if name == "feed":
        return _feeds()
    if name == "sniff":
        return [*_feeds()[:1], *_warcs()[:1], *_jsonl()[:1], _html_pages()[0], b"plain words"]
    if name == "dates":
        return [d.encode() for d in DATES]
    if name == "warc_damage":
        return [bytes([g, v, w]) + junk for g in (0, 1) for v in (0, 2, 4) for w in (0, 5, 128, 250)
                for junk in (b"\x00" * 40, b"WARC/1.0\r\n", b"\x1f\x8b\x08")]
    if name == "api":
        return [n.to_bytes(2, "big") + value for n in range(0, 64, 3)
                for value in (str(2**64).encode(), b"-9223372036854775809", b"\xff\xfe", b"1e400", b"%00", b"9" * 5000)]
    raise KeyError(name)


def write_seeds(name: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, data in enumerate(seeds(name)):
        (folder / f"seed-{number:02d}").write_bytes(data)
