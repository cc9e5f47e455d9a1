"""How uvicorn speaks HTTP for `factfile serve`: a bound on request heads, and whose addresses to believe.

httptools has no limit on a request's line and headers, and builds a long header by repeated
concatenation: one 200 MB header kept a one-worker server busy for 46 s. `HeadLimit` refuses a head
over `ServeSettings.max_header_bytes` with 431 as soon as that many bytes have come without its end,
and counts the refusal in the client's rate-limit bucket (429 once that is empty), like any request.

    uvicorn.run(app, **server_options(settings))
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from factfile.serve.security import ServeSettings, TokenBuckets

DEFAULT_MAX_HEADER_BYTES = ServeSettings.max_header_bytes


def server_options(settings: ServeSettings) -> dict[str, Any]:
    """uvicorn.run / uvicorn.Config keyword arguments for these settings.

    X-Forwarded-For and X-Forwarded-Proto are read only from `trusted_proxies` (uvicorn would otherwise
    believe them from 127.0.0.1, so anyone connecting through a local tunnel could name any address)."""
    return {
        "http": HeadLimit,
        "proxy_headers": bool(settings.trusted_proxies),
        "forwarded_allow_ips": list(settings.trusted_proxies) or None,
    }


class HeadLimit(HttpToolsProtocol):
    """uvicorn's httptools protocol, refusing request heads over the app's `max_header_bytes`."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        state = _app_state(self.app)
        self.max_head = getattr(state, "max_header_bytes", DEFAULT_MAX_HEADER_BYTES)
        self.buckets: TokenBuckets | None = getattr(state, "rate_buckets", None)
        self.in_head = True  # until the parser has seen the end of the current request's headers
        self.head_bytes = 0
        self.refused = False

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.in_head = True
        self.head_bytes = 0

    def on_headers_complete(self) -> None:
        self.in_head = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        if self.refused:
            return
        super().data_received(data)  # at most one read's worth (256 KB) past the limit is parsed
        if self.in_head and self.parser is not None and not self.transport.is_closing():
            self.head_bytes += len(data)
            if self.head_bytes > self.max_head:
                self.refuse()

    def refuse(self) -> None:
        self.refused = True
        client = self.client[0] if self.client else "unknown"
        wait = self.buckets.allow(client) if self.buckets is not None else 0.0
        if wait:
            status, reason, message = 429, b"Too Many Requests", b'{"detail":"too many requests: slow down"}'
            extra = b"retry-after: %d\r\n" % max(1, round(wait + 0.5))
        else:
            status, reason = 431, b"Request Header Fields Too Large"
            message = b'{"detail":"request line and headers are over the %d byte limit"}' % self.max_head
            extra = b""
        self.logger.warning("refused a request head of over %d bytes from %s", self.max_head, client)
        self.transport.write(
            b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\nconnection: close\r\n%s\r\n%s"
            % (status, reason, len(message), extra, message)
        )
        self.transport.close()


def _app_state(app: Any) -> Any:
    """The FastAPI app's state under uvicorn's wrappers (proxy headers, logging), if it has one."""
    for _ in range(8):
        state = getattr(app, "state", None)
        if state is not None and hasattr(state, "rate_buckets"):
            return state
        app = getattr(app, "app", None)
        if app is None:
            break
    return None
