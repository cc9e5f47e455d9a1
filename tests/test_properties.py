"""Property tests for every input parser and the date normaliser: any input gives items, rejections
naming the input, or an IngestError; never another exception, never a hang.

FACTFILE_HYPOTHESIS_EXAMPLES raises the number of examples per property (default 40).
"""

from __future__ import annotations

import email.utils
import io
import json
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factfile.config import Limits
from factfile.errors import IngestError
from factfile.ingest.article import parse_date, to_article
from factfile.ingest.feed import read_feed
from factfile.ingest.jsonl import read_jsonl
from factfile.ingest.warc import read_warc
from factfile.records import RawItem, Rejection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
import targets  # noqa: E402

EXAMPLES = int(os.environ.get("FACTFILE_HYPOTHESIS_EXAMPLES", "40"))
SMALL = Limits(max_page_bytes=4096, max_container_bytes=1 << 20, max_text_chars=10_000, max_records=5)
examples = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
prose = st.lists(st.sampled_from("the minister said talks in Geneva would continue after a drone struck Belgorod on Monday".split()),
                 min_size=0, max_size=120).map(" ".join)


def contract(results: list, path: Path) -> list:
    for result in results:
        assert isinstance(result, (RawItem, Rejection))
        if isinstance(result, Rejection):
            assert result.origin.startswith(str(path)) and result.problem
    return results


def article_or_clear_error(kind: str, payload) -> None:
    try:
        article = to_article(RawItem(origin="input-1", kind=kind, payload=payload), SMALL)
    except IngestError as error:
        assert error.origin == "input-1" and error.problem
        return
    assert SMALL.min_text_chars <= len(article.text) <= SMALL.max_text_chars
    assert len(article.content_hash) == 64


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(words, children, max_size=4),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(["text", "html", "url", "title", "date", "source", "authors", "x"]), json_values | prose, max_size=6)


@examples
@given(lines=st.lists(records.map(json.dumps) | words | st.binary(max_size=60).map(lambda b: b.decode("latin-1")), max_size=12))
def test_jsonl_reader_yields_one_result_per_line(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("jsonl") / "input.jsonl"
    data = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    results = contract(list(read_jsonl(path, SMALL)), path)
    if not data:
        assert [r.problem for r in results] == ["empty file"]
    else:
        items = [r for r in results if isinstance(r, RawItem)]
        assert len(items) <= SMALL.max_records


def test_jsonl_limits_nesting_and_record_count(tmp_path):
    path = tmp_path / "deep.jsonl"
    articles = [json.dumps({"text": f"article number {n} about the talks in Geneva"}) for n in range(8)]
    path.write_text('{"text": ' + "[" * 1500 + "]" * 1500 + "}\n" + "\n".join(articles) + "\n")
    results = contract(list(read_jsonl(path, SMALL)), path)
    assert "nested too deeply" in results[0].problem
    assert sum(isinstance(r, RawItem) for r in results) == SMALL.max_records - 1
    assert results[-1].problem == f"more than {SMALL.max_records} lines; the rest is not read"


def test_jsonl_line_limit_is_named_in_readable_units(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "word " * 2000}) + "\n")
    [rejection] = contract(list(read_jsonl(path, SMALL)), path)
    assert rejection.problem == "line is over the 4 KB limit for one article"


@st.composite
def warc_files(draw):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=draw(st.booleans()))
    pages = draw(st.lists(st.tuples(st.sampled_from(["text/html", "image/png", "text/html; charset=latin-1", ""]),
                                    st.sampled_from(["200 OK", "404 Not Found", "301 Moved"]), st.binary(max_size=300) | prose.map(str.encode)),
                          max_size=6))
    readable = []  # per record: would the reader yield it as an HTML page
    for number, (content_type, status, payload) in enumerate(pages):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)] if content_type else [], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{number}", "response", payload=io.BytesIO(payload), http_headers=headers))
        readable.append(status == "200 OK" and (not content_type or content_type.startswith("text/html")) and bool(payload.strip()))
    data = buffer.getvalue()
    cut = draw(st.none() | st.integers(0, max(0, len(data) - 1)))
    return (data if cut is None else data[:cut]), (readable if cut is None else None)


@examples
@given(warc=warc_files())
def test_warc_reader_finds_every_html_response_and_survives_truncation(tmp_path_factory, warc):
    data, readable = warc
    path = tmp_path_factory.mktemp("warc") / "crawl.warc"
    path.write_bytes(data)
    results = contract(list(read_warc(path, SMALL)), path)
    if readable is not None:  # records past the record limit are not read
        assert sum(isinstance(r, RawItem) for r in results) == sum(readable[: SMALL.max_records])


@st.composite
def feeds(draw):
    entries = draw(st.lists(st.tuples(words, prose, st.booleans()), max_size=8))
    atom = draw(st.booleans())
    items = []
    for title, body, has_body in entries:
        content = f"<p>{escape(body)}</p>" if has_body and body.strip() else ""
        if atom:
            items.append(f"<entry><title>{escape(title)}</title><content type='html'>{escape(content)}</content></entry>")
        else:
            items.append(f"<item><title>{escape(title)}</title><description>{escape(content)}</description></item>")
    if atom:
        return f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>{''.join(items)}</feed>", entries
    return f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>{''.join(items)}</channel></rss>", entries


@examples
@given(feed=feeds())
def test_feed_reader_yields_one_result_per_entry(tmp_path_factory, feed):
    xml, entries = feed
    path = tmp_path_factory.mktemp("feed") / "feed.xml"
    path.write_bytes(xml.encode("utf-8", "surrogatepass"))
    results = contract(list(read_feed(path, SMALL)), path)
    if entries:
        assert len(results) == min(len(entries), SMALL.max_records)
        with_body = [has and body.strip() for _, body, has in entries[: SMALL.max_records]]
        assert [isinstance(r, RawItem) for r in results] == [bool(b) for b in with_body]


def test_feed_reader_refuses_entity_expansion(tmp_path):
    """A "billion laughs" feed must be refused or read quickly, not expanded into gigabytes."""
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "lol"}">' for n in range(10))
    path = tmp_path / "bomb.xml"
    path.write_text(f"<?xml version='1.0'?><!DOCTYPE rss [{entities}]><rss version='2.0'><channel><title>t</title>"
                    f"<item><title>x</title><description>&e9;</description></item></channel></rss>")
    results = contract(list(read_feed(path, SMALL)), path)
    for result in results:
        if isinstance(result, RawItem):
            assert len(result.payload) < 1_000_000


@st.composite
def html_pages(draw):
    tags = st.sampled_from(["div", "p", "article", "span", "b", "script", "style", "table", "td", "li", "h1", "a", "main"])

    def element(depth: int) -> str:
        if depth == 0 or draw(st.booleans()):
            return escape(draw(prose | words))
        tag = draw(tags)
        children = "".join(element(depth - 1) for _ in range(draw(st.integers(0, 3))))
        return f"<{tag}>{children}</{tag}>" if draw(st.integers(0, 9)) else f"<{tag}>{children}"

    body = element(draw(st.integers(0, 6)))
    head = draw(st.sampled_from(["", "<!doctype html>", "<?xml version='1.0'?>", "<html><head><meta charset='latin-1'><title>T</title></head>"]))
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "utf-16"]))
    return (head + f"<body>{body}</body>").encode(encoding, "replace")


@examples
@given(page=html_pages() | st.binary(max_size=500))
def test_html_gives_an_article_or_a_clear_error(page):
    article_or_clear_error("html", page)


@examples
@given(text=prose | words | st.binary(max_size=500))
def test_text_gives_an_article_or_a_clear_error(text):
    article_or_clear_error("text", text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))


def test_deeply_nested_html_gets_a_clear_error():
    page = "<html><body>" + "<div>" * 2000 + "<p>" + "The talks in Geneva continue next week. " * 5 + "</p>" + "</div>" * 2000
    with pytest.raises(IngestError, match="nested more than 255 elements deep"):
        to_article(RawItem(origin="deep.html", kind="html", payload=page), SMALL)


@examples
@given(day=st.dates(min_value=date(1, 1, 1)))
def test_iso_and_feed_dates_round_trip(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.isoformat()}T12:30:00Z") == day
    if day.year >= 1900:
        stamp = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        assert parse_date(email.utils.format_datetime(stamp)) == day


@examples
@given(value=words)
def test_free_text_dates_give_a_date_or_none(value):
    result = parse_date(value)
    assert result is None or isinstance(result, date)


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "data" / "fuzz").iterdir()), ids=lambda p: p.name)
def test_fuzzer_findings_stay_fixed(path):
    """Inputs that once crashed a fuzz target (kept under tests/data/fuzz/, named TARGET-what)."""
    target = targets.TARGETS[path.name.split("-", 1)[0]]
    target(path.read_bytes())
