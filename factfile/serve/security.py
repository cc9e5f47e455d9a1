"""What stands between the API and the network: headers, CORS, size and rate limits, write tokens.

`create_app` calls `install(app, settings)` once. Every guard is plain ASGI middleware, so it covers
every route, including ones added later, and nobody has to remember a decorator:

    settings = ServeSettings(token=os.environ.get("FACTFILE_TOKEN"), read_only=False)
    install(app, settings)

The server is read-only unless it is given a token and told it may write: POST, PUT, PATCH and DELETE
are refused (403) on a read-only server and need `Authorization: Bearer <token>` (401 otherwise).
Errors reach clients as short JSON, never as a stack trace.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Scripts only from our own origin: no inline script, no eval, no plugins, no <base> rewriting, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

log = logging.getLogger("factfile.serve")


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How open the server is and how it uses the machine. The defaults suit a server anyone on the network can reach."""

    token: str | None = None  # bearer token for write endpoints; None means nobody may write
    read_only: bool = True  # refuse every write, token or not
    allow_origins: tuple[str, ...] = ()  # CORS origins allowed to call the API from a browser; none by default
    max_body_bytes: int = 1024 * 1024  # larger request bodies get 413
    rate: float = 50.0  # sustained requests per second per client address
    burst: int = 100  # requests a client may send at once before the rate applies
    max_clients: int = 100_000  # rate-limit buckets kept; the least recently seen are forgotten
    content_security_policy: str = CONTENT_SECURITY_POLICY
    threads: int = 2  # requests using the store at once per process: the GIL runs one thread, and the event loop needs turns
    cache: bool = True  # keep GET responses until the store changes (serve/cache.py)
    max_stale: float = 5.0  # seconds a cached response may outlive the write that outdated it
    shared_cache: str | None = None  # SQLite file whose answers all worker processes share (`factfile serve --workers N`)
    trusted_proxies: tuple[str, ...] = ()  # addresses whose X-Forwarded-For names the client; none by default
    max_header_bytes: int = 64 * 1024  # a request's line and headers; larger get 431 (serve/protocol.py)

    @property
    def writable(self) -> bool:
        return not self.read_only and bool(self.token)


def install(app: FastAPI, settings: ServeSettings) -> None:
    """Add every guard to `app`. Starlette runs the middleware added last first, hence the order."""
    app.debug = False
    buckets = TokenBuckets(settings.rate, settings.burst, settings.max_clients)
    app.state.rate_buckets = buckets  # the HTTP protocol counts requests it refuses before the app sees them
    app.state.max_header_bytes = settings.max_header_bytes
    app.add_middleware(WriteGuard, settings=settings)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RateLimit, buckets=buckets)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allow_origins),
        allow_methods=["GET", "HEAD", "OPTIONS", *(sorted(WRITE_METHODS) if settings.writable else [])],
        allow_headers=["Authorization", "Content-Type"],
        allow_credentials=False,
    )
    app.add_middleware(SecurityHeaders, policy=settings.content_security_policy)
    app.add_exception_handler(Exception, _internal_error(settings.content_security_policy))


def security_headers(policy: str = CONTENT_SECURITY_POLICY) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", policy.encode("latin-1")),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


class SecurityHeaders:
    """Adds CSP and friends to every HTTP response, replacing any the app set itself."""

    def __init__(self, app: ASGIApp, policy: str = CONTENT_SECURITY_POLICY):
        self.app = app
        self.headers = security_headers(policy)
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message["headers"] = kept + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TokenBuckets:
    """A token bucket per client address: `burst` requests at once, then `rate` per second."""

    def __init__(self, rate: float, burst: int, max_clients: int = 100_000, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.burst = float(burst)
        self.max_clients = max_clients
        self.clock = clock
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (tokens, last refill)

    def allow(self, client: str) -> float:
        """0 when the request may go ahead, else the seconds until it could."""
        now = self.clock()
        tokens, last = self.buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate if self.rate > 0 else 60.0
        self.buckets[client] = (tokens, now)
        if len(self.buckets) > self.max_clients:
            self.buckets.popitem(last=False)
        return wait

    def __len__(self) -> int:
        return len(self.buckets)


class RateLimit:
    """Answers 429 to a client address beyond its token bucket.

    The address is the connection's peer: uvicorn replaces it with the one in X-Forwarded-For only for
    requests from `ServeSettings.trusted_proxies`, so a client cannot pick a fresh one per request."""

    def __init__(
        self, app: ASGIApp, rate: float = 50.0, burst: int = 100, max_clients: int = 100_000,
        clock: Callable[[], float] = time.monotonic, buckets: TokenBuckets | None = None,
    ):
        self.app = app
        self.buckets = buckets if buckets is not None else TokenBuckets(rate, burst, max_clients, clock)

    def allow(self, client: str) -> float:
        return self.buckets.allow(client)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.allow(client)
        if wait:
            await too_many_requests(wait)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def too_many_requests(wait: float) -> JSONResponse:
    return _error(429, "too many requests: slow down", {"Retry-After": str(max(1, round(wait + 0.5)))})


class BodyLimit:
    """Refuses request bodies over `max_bytes` (413), whether announced by Content-Length or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = _error(413, f"request body is over the {self.max_bytes} byte limit")
        length = _header(scope, b"content-length")
        if length is not None:
            if not length.isdigit():
                await _error(400, "invalid Content-Length header")(scope, receive, send)
                return
            if int(length) > self.max_bytes:
                await too_large(scope, receive, send)
                return
        if length is None and _header(scope, b"transfer-encoding") is None:
            await self.app(scope, receive, send)
            return
        # Read the body here, within the limit, and hand the app a copy: a lying or absent length cannot pass.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class WriteGuard:
    """Write methods need a writable server and the right bearer token; reads pass untouched."""

    def __init__(self, app: ASGIApp, settings: ServeSettings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        refusal = self.refuse(_header(scope, b"authorization"))
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def refuse(self, authorization: str | None) -> Response | None:
        if not self.settings.writable:
            return _error(403, "this server is read-only; start it with --token (or FACTFILE_TOKEN) to allow corrections")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            return _error(401, "write requests need 'Authorization: Bearer <token>'", {"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), (self.settings.token or "").encode()):
            return _error(401, "invalid token", {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return None


def _internal_error(policy: str) -> Callable[[Request, Exception], Awaitable[Response]]:
    """Unhandled errors: logged in full on the server, one generic line for the client."""

    async def handler(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        response = _error(500, "internal error; the server log has the details")
        for name, value in security_headers(policy):
            response.raw_headers.append((name, value))
        return response

    return handler


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None

