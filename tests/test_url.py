"""URL ingestion: no way into private networks (SSRF), bounded size and time, robots.txt obeyed.

A local HTTP server on loopback plays every site; resolution is mocked where a test needs a host
that looks public, and the connection of such a host goes to the local server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import SEED
from factfile.errors import IngestError
from factfile.ingest.url import FetchPolicy, _connect, fetch_article, read_url, why_not_public

ARTICLE = ("<html><head><title>Drone attack</title></head><body><article>"
           + "".join(f"<p>{p}</p>" for p in SEED.read_text(encoding="utf-8").split("\n\n")[:8])
           + "</article></body></html>").encode()
PUBLIC = "93.184.215.14"  # stands for any public address; its connections go to the local server


class Site(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.seen.append(f"{self.headers['Host']}{self.path}")
        if self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"<p>still coming</p>")
                self.wfile.flush()
                time.sleep(0.2)
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site() -> Iterator[tuple[str, int]]:
    Site.routes = {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/news/drone": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE),
        "/private/memo": (200, {"Content-Type": "text/html"}, ARTICLE),
        "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 50_000 + b"</p>"),
        "/to-internal": (302, {"Location": "http://intranet.example/news/drone"}, b""),
        "/to-loopback": (301, {"Location": "/news/drone"}, b""),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG"),
        "/loop": (302, {"Location": "/loop"}, b""),
    }
    Site.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "127.0.0.1", server.server_address[1]
    server.shutdown()
    server.server_close()


def mocked(site: tuple[str, int], names: dict[str, list[str]], **options) -> FetchPolicy:
    """Resolution from `names`; connections to PUBLIC go to the local server."""
    host, port = site

    def resolve(name: str, _port: int) -> list[str]:
        if name.replace(".", "").isdigit():
            return [name]
        if name not in names:
            raise OSError("Name or service not known")
        return names[name]

    def connect(address: str, _port: int, timeout: float):
        return _connect(host if address == PUBLIC else address, port, timeout)

    return FetchPolicy(resolve=resolve, connect=connect, **options)


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.1", "private"),
    ("172.16.5.4", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::ffff:127.0.0.1", "loopback"), ("100.64.0.1", "non-public"), ("240.0.0.1", "reserved"),
    ("fd00::1", "private"), ("8.8.8.8", None), ("2606:4700::1111", None),
])
def test_address_kinds(address, kind):
    assert why_not_public(address) == kind


def test_loopback_is_refused_unless_allowed(site):
    host, port = site
    url = f"http://{host}:{port}/news/drone"
    with pytest.raises(IngestError, match="refused: 127.0.0.1 resolves to loopback address"):
        fetch_article(url, FetchPolicy())
    assert Site.seen == [], "nothing was sent to a refused address"
    item = fetch_article(url, FetchPolicy(allow_private=True))
    assert item.kind == "html" and item.payload == ARTICLE and item.hints.url == url and item.encoding == "utf-8"


def test_every_resolved_address_must_be_public(site):
    policy = mocked(site, {"news.example": [PUBLIC], "split.example": [PUBLIC, "10.0.0.7"]})
    assert fetch_article("http://news.example/news/drone", policy).payload == ARTICLE
    with pytest.raises(IngestError, match="split.example resolves to private address 10.0.0.7"):
        fetch_article("http://split.example/news/drone", policy)


def test_redirects_are_checked_at_every_hop(site):
    host, port = site
    policy = mocked(site, {"news.example": [PUBLIC], "intranet.example": ["10.0.0.5"]})
    with pytest.raises(IngestError, match="intranet.example resolves to private address 10.0.0.5"):
        fetch_article("http://news.example/to-internal", policy)
    Site.routes["/to-loopback"] = (301, {"Location": f"http://{host}:{port}/news/drone"}, b"")
    with pytest.raises(IngestError, match="resolves to loopback"):
        fetch_article("http://news.example/to-loopback", policy)
    with pytest.raises(IngestError, match="more than 5 redirects"):
        fetch_article("http://news.example/loop", policy)


def test_robots_txt_is_obeyed(site):
    policy = mocked(site, {"news.example": [PUBLIC]})
    with pytest.raises(IngestError, match="robots.txt of http://news.example does not allow"):
        fetch_article("http://news.example/private/memo", policy)
    assert "news.example/private/memo" not in Site.seen
    Site.routes["/robots.txt"] = (503, {}, b"down")
    with pytest.raises(IngestError, match="robots.txt"):
        fetch_article("http://news.example/news/drone", mocked(site, {"news.example": [PUBLIC]}))
    Site.routes.pop("/robots.txt")
    assert fetch_article("http://news.example/private/memo", mocked(site, {"news.example": [PUBLIC]})).payload == ARTICLE


def test_size_and_time_are_bounded(site):
    names = {"news.example": [PUBLIC]}
    with pytest.raises(IngestError, match="over the 10,000 byte limit"):
        fetch_article("http://news.example/big", mocked(site, names, max_bytes=10_000))
    Site.routes["/big"] = (200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"}, b"")
    started = time.monotonic()
    with pytest.raises(IngestError, match="timed out after 1 s"):
        fetch_article("http://news.example/slow", mocked(site, names, timeout=1.0))
    assert time.monotonic() - started < 5


def test_other_refusals_are_clear(site):
    names = {"news.example": [PUBLIC]}
    with pytest.raises(IngestError, match="content type image/png"):
        fetch_article("http://news.example/image", mocked(site, names))
    with pytest.raises(IngestError, match="HTTP 404"):
        fetch_article("http://news.example/missing", mocked(site, names))
    with pytest.raises(IngestError, match="cannot resolve nowhere.example"):
        fetch_article("http://nowhere.example/", mocked(site, names))
    [rejection] = read_url("ftp://news.example/file")
    assert rejection.origin == "ftp://news.example/file"


def test_cli_ingests_a_url_only_with_allow_private(site, cli, db):
    host, port = site
    url = f"http://{host}:{port}/news/drone"
    refused = cli("ingest", url)
    assert refused.exit_code == 1
    assert "refused: 127.0.0.1 resolves to loopback address" in refused.stderr
    stored = cli("ingest", "--allow-private", url)
    assert stored.exit_code == 0, stored.stderr
    assert "stored 1" in stored.stderr
