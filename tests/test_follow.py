"""`factfile follow` against a feed server on loopback whose feeds gain and change items between
rounds: each article stored once, conditional requests used, robots.txt obeyed, nothing fetched
again that was kept, and a run killed mid-round loses nothing when it is started again.

Loopback is reached the way users reach their own machine, with `--allow-private`.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import create_engine, text

from conftest import SEED
from factfile.ingest.polite import Hosts, backoff, retry_after
from factfile.store import database_url

PARAGRAPHS = SEED.read_text(encoding="utf-8").split("\n\n")
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def article(number: int, first: int) -> bytes:
    """A news page whose text is two paragraphs of the seed article."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[first:first + 2])
    return (f"<html><head><title>Report {number}</title></head><body><article><h1>Report {number}</h1>{body}"
            "</article></body></html>").encode()


@dataclass
class Asked:
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class Site:
    """What the server answers and everything it was asked. A route is (status, headers, body); an
    ETag or Last-Modified among its headers makes a matching conditional request get 304."""

    base: str = ""
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    asked: list[Asked] = field(default_factory=list)
    hold: set[str] = field(default_factory=set)  # paths never answered (status -1): the test kills the client
    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def gets(self, path: str, status: int | None = None) -> list[Asked]:
        return [a for a in self.asked if a.path == path and (status is None or a.status == status)]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        site: Site = self.server.site
        asked = Asked(self.path, -1, {k.lower(): v for k, v in self.headers.items()})
        site.asked.append(asked)  # before answering: the client may end its run before this thread runs again
        if self.path in site.hold:  # the test kills the client meanwhile: it never gets an answer
            site.arrived.set()
            site.release.wait()
            return
        status, headers, body = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
        etag, modified = headers.get("ETag"), headers.get("Last-Modified")
        if status == 200 and ((etag and self.headers.get("If-None-Match") == etag)
                              or (modified and self.headers.get("If-Modified-Since") == modified)):
            status, body = 304, b""
        asked.status = status
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            asked.status = -1

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.site = Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, ROBOTS)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.site
    server.site.release.set()
    server.shutdown()
    server.server_close()


def rss(site: Site, items: list[tuple[str, str, str, str]], version: int) -> None:
    """/news/rss.xml with (guid, title, link path, summary) items, tagged with an ETag per version."""
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>{site.url(path)}</link>"
        f"<description>{escape(summary)}</description></item>"
        for guid, title, path, summary in items
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{entries}</channel></rss>'.encode()
    site.routes["/news/rss.xml"] = (200, {"Content-Type": "application/rss+xml", "ETag": f'"news-v{version}"'}, body)


def link(site: Site, path: str | None) -> str:
    return f'<link href="{site.url(path)}"/>' if path else ""


def atom(site: Site, entries: list[tuple[str, str, str | None, str]], modified: float) -> None:
    """/blog/atom.xml with (id, title, link path or None, content) entries, dated by Last-Modified only."""
    body = "".join(
        f"<entry><id>{ident}</id><title>{title}</title>{link(site, path)}"
        f'<updated>2023-05-2{n}T10:00:00Z</updated><content type="html">{escape(content)}</content></entry>'
        for n, (ident, title, path, content) in enumerate(entries)
    )
    xml = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>{body}</feed>'.encode()
    site.routes["/blog/atom.xml"] = (200, {"Content-Type": "application/atom+xml", "Last-Modified": formatdate(modified, usegmt=True)}, xml)


def page(site: Site, path: str, html: bytes, etag: str | None = None) -> None:
    site.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8", **({"ETag": etag} if etag else {})}, html)


def follow(cli, *arguments: str):
    result = cli("follow", *arguments, "--every", "0", "--delay", "0", "--allow-private")
    return result


def documents(db: str) -> list[tuple[str, str]]:
    """(url, content hash) of every stored document."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text("SELECT url, content_hash FROM documents ORDER BY id"))]
    finally:
        engine.dispose()


def items(db: str) -> dict[str, tuple[str, int | None]]:
    """Each feed item's key -> (state, document id)."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            return {key: (state, doc) for key, state, doc in connection.execute(text("SELECT key, state, document_id FROM feed_items"))}
    finally:
        engine.dispose()


ROUND = ("feeds polled", "feeds new content", "feeds unchanged", "feeds failed", "feeds not due", "items new", "items changed",
         "pages fetched", "pages not modified", "articles stored", "articles already stored", "articles failed", "articles waiting")


def summary(result) -> dict[str, int]:
    """The counts of the last round's line."""
    line = [line for line in result.stdout.splitlines() if line.startswith("round ")][-1]
    return dict(zip(ROUND, map(int, re.findall(r"\d+", line.split(":", 1)[1])), strict=True))


def test_rounds_store_each_article_once_with_conditional_requests(site, cli, db, tmp_path):
    news = [("n1", "Legion claims raid", "/articles/1", "Summary one."), ("n2", "Two groups", "/articles/2", "Summary two."),
            ("n3", "Secret memo", "/private/memo", "<p>" + PARAGRAPHS[24] + "</p>")]
    rss(site, news, 1)
    for number, first in ((1, 2), (2, 7), (3, 10), (4, 14)):
        page(site, f"/articles/{number}", article(number, first), etag=f'"a{number}"')
    page(site, "/private/memo", article(9, 26))
    atom(site, [("b1", "Caesar speaks", "/blog/b1", "Teaser."), ("b2", "Telegram post", None, "<p>" + PARAGRAPHS[18] + " " + PARAGRAPHS[19] + "</p>")], 1.7e9)
    page(site, "/blog/b1", article(5, 16))
    page(site, "/live.html", article(6, 29), etag='"live-1"')
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# what we follow\n{site.url('/news/rss.xml')}\n\n{site.url('/blog/atom.xml')}\n{site.url('/live.html')}\n")

    first = follow(cli, str(listing), "--once")
    assert first.exit_code == 0, first.stderr
    assert summary(first)["feeds polled"] == 3 and summary(first)["feeds failed"] == 0
    # n1, n2, b1 and the live page fetched; the memo is refused by robots.txt and stored from the feed's text; b2 has no page.
    assert summary(first)["articles stored"] == 6
    assert "robots.txt" in first.stderr and "storing the feed's text" in first.stderr
    assert site.gets("/private/memo") == []
    assert [a.path for a in site.asked if a.status == 404] == []  # b2 has an id, no link: no page is guessed from it

    second = follow(cli, "--once")  # nothing changed: every feed and page answers 304
    assert second.exit_code == 0, second.stderr
    assert summary(second)["feeds unchanged"] == 3 and summary(second)["articles stored"] == 0
    assert site.gets("/news/rss.xml", 304)[-1].headers["if-none-match"] == '"news-v1"'
    assert site.gets("/blog/atom.xml", 304)[-1].headers["if-modified-since"] == formatdate(1.7e9, usegmt=True)
    assert site.gets("/live.html", 304)[-1].headers["if-none-match"] == '"live-1"'

    # The feed gains n3 and n4 (n4 links to a copy of n2's page) and changes n1's title; the blog gains b3.
    news[0] = ("n1", "Legion claims raid on Kozinka", "/articles/1", "Summary one, updated.")
    rss(site, [*news, ("n4", "Copy", "/articles/2-copy", "Summary four."), ("n5", "Three", "/articles/3", "Summary five.")], 2)
    site.routes["/articles/2-copy"] = site.routes["/articles/2"]
    atom(site, [("b1", "Caesar speaks", "/blog/b1", "Teaser."), ("b2", "Telegram post", None, "<p>" + PARAGRAPHS[18] + " " + PARAGRAPHS[19] + "</p>"),
                ("b3", "Bryansk", "/articles/4", "Teaser.")], 1.8e9)
    third = follow(cli, "--once")
    assert third.exit_code == 0, third.stderr
    counts = summary(third)
    assert (counts["items new"], counts["items changed"]) == (3, 1)
    assert counts["pages not modified"] == 1  # n1's page, asked for again conditionally
    assert (counts["articles stored"], counts["articles already stored"]) == (2, 1)
    assert site.gets("/articles/1", 304)[-1].headers["if-none-match"] == '"a1"'

    # The live page changes: its new text is stored; then a round with several polls in one run.
    page(site, "/live.html", article(7, 31), etag='"live-2"')
    fourth = follow(cli, "--rounds", "2")
    assert fourth.exit_code == 0, fourth.stderr
    assert [line.split(":")[0] for line in fourth.stdout.splitlines()] == ["round 1", "round 2"]
    assert summary(fourth)["feeds unchanged"] == 3

    stored = documents(db)
    hashes = [content_hash for _, content_hash in stored]
    assert len(hashes) == len(set(hashes)) == 9  # 6 + n5 + b3 (n4 is n2's text) + the live page's new text
    # Every page with an answer of its own was fetched whole exactly once; every other ask was conditional.
    for path in ("/articles/1", "/articles/2", "/articles/2-copy", "/articles/3", "/articles/4", "/blog/b1"):
        assert len(site.gets(path, 200)) == 1, path
    assert all(a.headers.get("if-none-match") or a.headers.get("if-modified-since") for a in site.asked if a.status == 304)
    assert len(site.gets("/news/rss.xml", 200)) == 2 and len(site.gets("/blog/atom.xml", 200)) == 2
    assert {state for state, _ in items(db).values()} == {"stored"}

    status = cli("follow", "--status")
    assert status.exit_code == 0
    assert f"{site.url('/news/rss.xml')}  feed  items 5 (stored 5, waiting 0, failed 0)" in status.stdout
    assert f"{site.url('/live.html')}  page  items 1 (stored 1" in status.stdout


def test_bad_feeds_get_one_line_each_and_the_others_go_on(site, cli, db):
    rss(site, [("n1", "Legion claims raid", "/articles/1", "Summary.")], 1)
    page(site, "/articles/1", article(1, 2))
    site.routes["/image.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n")
    site.routes["/busy.xml"] = (503, {"Retry-After": "7200"}, b"busy")
    busy = site.url("/busy.xml").replace("127.0.0.1", "localhost")  # another host: its backoff leaves the others alone
    urls = [site.url("/missing.xml"), site.url("/image.png"), busy, site.url("/news/rss.xml")]
    result = follow(cli, *urls, "not-a-file.txt", "--once")
    assert result.exit_code == 0, result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith(("problem", "skipped"))]
    assert len(problems) == 4
    assert any(site.url("/missing.xml") in line and "HTTP 404" in line for line in problems)
    assert any(site.url("/image.png") in line and "not a valid RSS/Atom feed" in line for line in problems)
    assert any(busy in line and "HTTP 503" in line and "next try in 2 h" in line for line in problems)
    assert any("not-a-file.txt" in line for line in problems)
    assert summary(result)["feeds failed"] == 3 and summary(result)["articles stored"] == 1

    again = follow(cli, "--once")  # the busy feed waits out its Retry-After
    assert summary(again)["feeds not due"] >= 1
    assert len(site.gets("/busy.xml")) == 1 and len(site.gets("/news/rss.xml")) == 2
    status = cli("follow", "--status").stdout
    assert "problem: HTTP 503" in status and "(1 in a row)" in status


def test_a_page_fetched_before_a_kill_is_not_fetched_again(site, cli, db, monkeypatch):
    """Killed between fetching a page and storing its article: the page kept in the store is analysed
    on restart without asking for it again."""
    from factfile.relate import write

    rss(site, [("n1", "Legion claims raid", "/articles/1", "Summary.")], 1)
    page(site, "/articles/1", article(1, 2))
    real_save = write.save

    def killed(*arguments, **options):
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "save", killed)
    interrupted = follow(cli, site.url("/news/rss.xml"), "--once")
    assert interrupted.exit_code == 130
    assert documents(db) == [] and items(db) == {"n1": ("fetched", None)}
    monkeypatch.setattr(write, "save", real_save)
    resumed = follow(cli, "--once")
    assert resumed.exit_code == 0, resumed.stderr
    assert len(documents(db)) == 1 and items(db)["n1"][0] == "stored"
    assert len(site.gets("/articles/1")) == 1


def test_a_run_killed_mid_round_loses_nothing_on_restart(site, cli, db):
    """SIGKILL while the server holds one article's answer; the restart stores the rest, each once."""
    paths = [f"/articles/{n}" for n in range(1, 5)]
    rss(site, [(f"k{n}", f"Report {n}", path, "Summary.") for n, path in enumerate(paths, start=1)], 1)
    for n, (path, first) in enumerate(zip(paths, (2, 7, 10, 14), strict=True), start=1):
        page(site, path, article(n, first))
    site.hold.add("/articles/3")
    command = [sys.executable, "-c", "from factfile.cli import app; app()", "--db", db, "follow", site.url("/news/rss.xml"),
               "--once", "--every", "0", "--delay", "0", "--allow-private"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        assert site.arrived.wait(timeout=900), child.stderr.read().decode() if child.poll() is not None else "no request for article 3"
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    site.hold.clear()
    site.release.set()
    killed = items(db)
    assert {key: state for key, (state, _) in killed.items()} == {"k1": "stored", "k2": "stored", "k3": "queued", "k4": "queued"}
    assert len(documents(db)) == 2

    resumed = follow(cli, "--once")
    assert resumed.exit_code == 0, resumed.stderr
    counts = summary(resumed)
    assert (counts["feeds unchanged"], counts["items new"], counts["articles stored"]) == (1, 0, 2)
    assert site.gets("/news/rss.xml")[-1].status == 304
    assert [len(site.gets(path, 200)) for path in paths] == [1, 1, 1, 1]  # the killed run never got article 3
    assert len(site.gets(paths[2])) == 2
    stored = documents(db)
    assert len(stored) == len({h for _, h in stored}) == 4
    assert sorted(url for url, _ in stored) == sorted(site.url(p) for p in paths)
    assert {state for state, _ in items(db).values()} == {"stored"}


def test_hosts_keep_their_gap_and_back_off():
    now = [1000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    hosts = Hosts(delay=2.0, clock=lambda: now[0], sleep=sleep)
    hosts.wait("http://a.example/1")
    hosts.asked("http://a.example/1")
    hosts.wait("http://b.example/1")  # another host: no wait
    hosts.asked("http://b.example/1", crawl_delay=10)
    hosts.wait("http://a.example/2")
    hosts.wait("http://b.example/2")
    assert slept == [2.0, 8.0]
    assert hosts.failed("http://a.example/3") == 60 and hosts.blocked("http://a.example/4")
    assert hosts.failed("http://a.example/3") == 120 and hosts.failed("http://a.example/3", wait=3600) == 3600
    assert not hosts.blocked("http://b.example/3")
    assert backoff(1) == 60 and backoff(30) == 6 * 3600
    assert retry_after("120", 0) == 120 and retry_after(formatdate(1090, usegmt=True), 1000) == 90
    assert retry_after("soon", 0) is None and retry_after(None, 0) is None


def test_rounds_wait_for_a_host_that_asked_for_time(site, db):
    """Between rounds the follower sleeps until a feed may be polled, not while its host is backing off."""
    from factfile.follow import Follower
    from factfile.ingest.url import FetchPolicy
    from factfile.store import Store

    rss(site, [], 1)
    site.routes["/busy.xml"] = (503, {"Retry-After": "600"}, b"busy")
    now = [2.0e9]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    follower = Follower(Store(db), FetchPolicy(allow_private=True), every=0, delay=0, clock=lambda: now[0], sleep=sleep, say=lambda _: None)
    feeds = follower.follow([site.url("/news/rss.xml"), site.url("/busy.xml")])
    rounds = list(follower.run(feeds, rounds=2))
    assert slept == [600]
    assert [(r.polled, r.unchanged, r.failed) for r in rounds] == [(2, 1, 1), (2, 1, 1)]
    assert site.gets("/news/rss.xml")[-1].status == 304
