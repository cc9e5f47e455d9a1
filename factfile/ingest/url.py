"""Fetch an article by URL without becoming a way into the network the server sits on (SSRF).

Every hop (the URL, each redirect, and robots.txt) is resolved first and refused when any of its
addresses is not a public one (private, loopback, link-local, multicast, reserved, carrier-grade
NAT, ...) unless `allow_private` is set; the connection then goes to the address that was checked,
so a second DNS answer cannot swap it. Bodies are bounded in bytes and the whole fetch in seconds,
and robots.txt is obeyed.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from factfile.config import DEFAULT_LIMITS, Limits
from factfile.errors import IngestError
from factfile.records import Hints, RawItem, Rejection

USER_AGENT = "factfile/0.1 (news research tool; honours robots.txt)"
_REDIRECTS = {301, 302, 303, 307, 308}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)

Resolve = Callable[[str, int], list[str]]
Connect = Callable[[str, int, float], socket.socket]


def is_url(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


def _resolve(host: str, port: int) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def _connect(address: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((address, port), timeout=timeout)


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False  # --allow-private: also fetch from local and internal addresses
    max_bytes: int = DEFAULT_LIMITS.max_page_bytes
    timeout: float = 30.0  # seconds for the whole fetch, redirects and robots.txt included
    max_redirects: int = 5
    obey_robots: bool = True
    user_agent: str = USER_AGENT
    resolve: Resolve = field(default=_resolve, repr=False)
    connect: Connect = field(default=_connect, repr=False)


@dataclass(slots=True)
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes


def why_not_public(address: str) -> str | None:
    """The kind of address it is when it is not a public one; None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:
        return "non-public"
    return None


def read_url(url: str, limits: Limits = DEFAULT_LIMITS, policy: FetchPolicy | None = None) -> Iterator[RawItem | Rejection]:
    """The page at `url` as one raw item, or a rejection that says why it was not fetched."""
    policy = policy or FetchPolicy(max_bytes=limits.max_page_bytes)
    try:
        yield fetch_article(url, policy)
    except IngestError as error:
        yield Rejection(error.origin, error.problem)


def fetch(
    url: str, policy: FetchPolicy, headers: dict[str, str] | None = None, robots: dict[str, RobotFileParser] | None = None
) -> Response:
    """The response at `url` after redirects, whatever its status (a 304 to a conditional request, a 429),
    with every hop checked and robots.txt obeyed. `headers` are added to the request (If-None-Match ...);
    `robots` keeps each site's parsed robots.txt between calls, so a poller asks for it once per site."""
    return _Fetcher(policy, robots).get(url, follow=True, headers=headers)


def fetch_article(url: str, policy: FetchPolicy) -> RawItem:
    return page_item(url, _Fetcher(policy).get(url, follow=True))


def page_item(url: str, response: Response) -> RawItem:
    """The article page in a response to a request for `url`, or IngestError saying why it is none."""
    if response.status != 200:
        raise IngestError(url, f"HTTP {response.status} from {response.url}")
    content_type = response.headers.get("content-type", "").lower()
    if content_type and not content_type.startswith(_HTML_TYPES + _TEXT_TYPES):
        raise IngestError(url, f"not an article page: content type {content_type.split(';')[0]}")
    if not response.body.strip():
        raise IngestError(url, "empty response")
    charset = None
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return RawItem(
        origin=url,
        kind="text" if content_type.startswith(_TEXT_TYPES) else "html",
        payload=response.body,
        hints=Hints(url=response.url),
        encoding=charset,
    )


class _Fetcher:
    def __init__(self, policy: FetchPolicy, robots: dict[str, RobotFileParser] | None = None):
        self.policy = policy
        self.deadline = time.monotonic() + policy.timeout
        self.robots: dict[str, RobotFileParser] = robots if robots is not None else {}
        self.addresses: dict[tuple[str, int], str] = {}  # (host, port) -> the checked address connected to

    def get(self, url: str, follow: bool, headers: dict[str, str] | None = None) -> Response:
        origin = url
        for _ in range(self.policy.max_redirects + 1):
            self._target(url, origin)  # refuse a forbidden address before anything, robots.txt included
            if follow and self.policy.obey_robots and not self._robots(url).can_fetch(self.policy.user_agent, url):
                raise IngestError(origin, f"robots.txt of {_site(url)} does not allow fetching {url}")
            response = self._request(url, origin, headers)
            if response.status not in _REDIRECTS or not follow:
                return response
            location = response.headers.get("location")
            if not location:
                raise IngestError(origin, f"redirect without a Location from {url}")
            url = urljoin(url, location)
        raise IngestError(origin, f"more than {self.policy.max_redirects} redirects")

    def _robots(self, url: str) -> RobotFileParser:
        site = _site(url)
        if site not in self.robots:
            parser = RobotFileParser()
            try:
                response = self.get(f"{site}/robots.txt", follow=False)
            except IngestError as error:
                if "refused:" in error.problem:
                    raise
                response = Response(site, 503, {}, b"")  # unreachable robots.txt: assume the site says no
            if response.status in (401, 403) or response.status >= 500:
                parser.disallow_all = True
            elif response.status >= 400 or response.status in _REDIRECTS:
                parser.allow_all = True
            else:
                parser.parse(response.body.decode("utf-8", "replace").splitlines())
            self.robots[site] = parser
        return self.robots[site]

    def _target(self, url: str, origin: str) -> tuple[str, int, str]:
        """Host, port and the checked address to connect to."""
        parts = urlsplit(url)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise IngestError(origin, f"invalid URL {url!r}: {exc}") from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IngestError(origin, f"refused: only http and https URLs can be fetched, not {url!r}")
        key = (parts.hostname, port)
        if key not in self.addresses:
            self.addresses[key] = self._checked_address(parts.hostname, port, origin)
        return parts.hostname, port, self.addresses[key]

    def _request(self, url: str, origin: str, headers: dict[str, str] | None = None) -> Response:
        parts = urlsplit(url)
        _, port, address = self._target(url, origin)
        sock = self.policy.connect(address, port, self._remaining(origin))
        try:
            if parts.scheme == "https":
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=parts.hostname)
            connection = http.client.HTTPConnection(parts.hostname, port, timeout=self._remaining(origin))
            connection.sock = sock
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request("GET", path, headers={
                "User-Agent": self.policy.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
                **(headers or {}), "Accept-Encoding": "identity", "Connection": "close",
            })
            reply = connection.getresponse()
            headers = {k.lower(): v for k, v in reply.getheaders()}
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.policy.max_bytes:
                raise IngestError(origin, f"response of {int(declared):,} bytes is over the {self.policy.max_bytes:,} byte limit")
            body = self._read(reply, sock, origin) if reply.status not in _REDIRECTS else b""
            return Response(url, reply.status, headers, body)
        except (OSError, http.client.HTTPException) as exc:
            if isinstance(exc, TimeoutError) or time.monotonic() >= self.deadline:
                raise IngestError(origin, f"timed out after {self.policy.timeout:g} s fetching {url}") from exc
            raise IngestError(origin, f"cannot fetch {url}: {exc}") from exc
        finally:
            sock.close()

    def _checked_address(self, host: str, port: int, origin: str) -> str:
        try:
            addresses = self.policy.resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise IngestError(origin, f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise IngestError(origin, f"cannot resolve {host}: no address")
        if not self.policy.allow_private:
            for address in addresses:
                kind = why_not_public(address)
                if kind:
                    raise IngestError(origin, f"refused: {host} resolves to {kind} address {address} (use --allow-private to fetch it)")
        return addresses[0]

    def _read(self, reply: http.client.HTTPResponse, sock: socket.socket, origin: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            sock.settimeout(self._remaining(origin))  # each wait is bounded by what is left of the deadline
            chunk = reply.read1(65536)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise IngestError(origin, f"response is over the {self.policy.max_bytes:,} byte limit")
            chunks.append(chunk)

    def _remaining(self, origin: str) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise IngestError(origin, f"timed out after {self.policy.timeout:g} s")
        return left


def _site(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
