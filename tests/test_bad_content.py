"""Inputs that are partly broken or oddly shaped: the good part is stored, the bad part is named.

Found by an independent probe: RSS descriptions in plain text and JSONL `html` fragments were "no
article text found"; one corrupt record in a WARC lost every record after it; heavily damaged UTF-8
was stored as cp1251/mac-roman mojibake; a `javascript:` URL became a document URL and an outlet.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from pathlib import Path

import pytest

from conftest import SEED
from factfile.config import DEFAULT_LIMITS
from factfile.errors import IngestError
from factfile.ingest import read_items, to_article
from factfile.ingest.decode import decode
from factfile.ingest.warc import read_warc
from factfile.records import RawItem, Rejection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from seeds import warc_records  # noqa: E402

PARAGRAPHS = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()][1:6]
BODY = " ".join(PARAGRAPHS)


def _articles(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    found = list(read_items([str(path)]))
    assert all(isinstance(f, RawItem) for f in found), found
    return [to_article(item) for item in found]


def test_an_rss_item_whose_description_is_plain_text_is_an_article(tmp_path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Raid</title><link>https://news.example/raid</link><description>{BODY}</description></item>
<item><title>Two</title><link>https://news.example/two</link><description>{PARAGRAPHS[0]}

{PARAGRAPHS[1]} {PARAGRAPHS[2]}</description></item></channel></rss>"""
    first, second = _articles(tmp_path, "feed.xml", feed)
    assert first.text == BODY and first.url == "https://news.example/raid"
    assert second.text.startswith(PARAGRAPHS[0]) and PARAGRAPHS[2] in second.text


@pytest.mark.parametrize("html", [f"<p>{BODY}</p>", "".join(f"<p>{p}</p>" for p in PARAGRAPHS), f"<div><p>{BODY}</p></div>"],
                         ids=["one-paragraph", "paragraphs", "div"])
def test_a_jsonl_html_fragment_is_an_article(tmp_path, html):
    [article] = _articles(tmp_path, "fragments.jsonl", json.dumps({"html": html, "url": "https://news.example/f"}) + "\n")
    assert " ".join(article.text.split()) == " ".join(BODY.split())


def _warc_records(count: int, gzip: bool) -> list[bytes]:
    pages = [
        (f"https://news.example/{n}", f"<html><body><article><h1>Story {n}</h1><p>{BODY} (part {n})</p></article></body></html>".encode())
        for n in range(count)
    ]
    return warc_records(pages, gzip)


def _garble_member(record: bytes) -> bytes:
    middle = len(record) // 2
    return record[:middle] + b"\x00" * 40 + record[middle + 40:]


CORRUPTIONS = {
    "gzip member garbled": (True, _garble_member),
    "gzip header garbled": (True, lambda r: r[:10] + b"\xff" * 20 + r[30:]),
    "gzip member cut short": (True, lambda r: r[: len(r) // 2]),
    "WARC version line garbled": (False, lambda r: r.replace(b"WARC/1.", b"XXXX/1.", 1)),
    "Content-Length not a number": (False, lambda r: r.replace(b"Content-Length: ", b"Content-Length: x", 1)),
    "Content-Length longer than the record": (False, lambda r: r[: len(r) // 2] + r[-4:]),
    "payload changed (digest fails)": (False, lambda r: r.replace(b"(part 2)", b"(part X)")),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_one_corrupt_warc_record_among_good_ones_costs_only_itself(tmp_path, corruption):
    gzipped, damage = CORRUPTIONS[corruption]
    records = _warc_records(5, gzipped)
    records[2] = damage(records[2])
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(b"".join(records))
    found = list(read_warc(path, DEFAULT_LIMITS))
    items = [f for f in found if isinstance(f, RawItem)]
    rejected = [f for f in found if isinstance(f, Rejection)]
    assert [i.hints.url for i in items] == [f"https://news.example/{n}" for n in (0, 1, 3, 4)]
    assert len(rejected) == 1 and rejected[0].origin == f"{path}#record 3", rejected
    assert "corrupt record" in rejected[0].problem or "unreadable WARC record" in rejected[0].problem
    assert rejected[0].problem.isprintable()


def _damaged(rate: float) -> bytes:
    data = bytearray(SEED.read_bytes())
    chance = random.Random(7)
    for index in chance.sample(range(len(data)), int(len(data) * rate)):
        data[index] = chance.randrange(0x80, 0x100)
    return bytes(data)


def test_damaged_utf8_is_replaced_not_decoded_as_a_single_byte_encoding():
    text, warnings = decode(_damaged(0.01), "damaged.txt")
    assert "‚Äô" not in text and "’" in text, "no mojibake; the intact UTF-8 stays"
    assert warnings and warnings[0].startswith("damaged UTF-8:")


def test_heavily_damaged_utf8_is_rejected():
    with pytest.raises(IngestError, match="damaged UTF-8: .* too many to store"):
        decode(_damaged(0.1), "damaged.txt")


@pytest.mark.parametrize(("text", "codec"), [
    ("Бойцы «РДК» и «Легиона Свобода России» заявили о рейде в Белгородскую область. ", "cp1251"),
    ("Le président a déclaré que la réunion était terminée à Genève. ", "latin-1"),
])
def test_real_legacy_encodings_are_still_decoded(text, codec):
    decoded, warnings = decode((text * 30).encode(codec), "legacy.txt")
    assert decoded == text * 30 and "decoded as" in warnings[0]


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "JavaScript:void(0)", "data:text/html,<b>x</b>"])
def test_a_non_web_url_is_neither_the_document_url_nor_an_outlet(url):
    item = RawItem(origin="feed.jsonl:1", kind="text", payload=SEED.read_text(encoding="utf-8"))
    item.hints.url = url
    article = to_article(item)
    assert article.url is None and article.domain is None
    assert any("not a web address" in w for w in article.warnings)


def test_javascript_urls_leave_no_outlet_in_the_store(tmp_path, cli, db):
    lines = tmp_path / "articles.jsonl"
    lines.write_text(json.dumps({"text": SEED.read_text(encoding="utf-8"), "url": "javascript:alert(1)"}) + "\n")
    result = cli("ingest", lines)
    assert result.exit_code == 0 and "stored 1" in result.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT url FROM documents").fetchall() == [(None,)]
        assert connection.execute("SELECT count(*) FROM outlets WHERE key LIKE '%javascript%'").fetchone() == (0,)
