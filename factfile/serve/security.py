"""Server protections the web app installs: CSP, closed CORS, body limit, token for writes, no tracebacks.

A minimal version so the API and web UI run safely before issue 9's full middleware (rate limiting,
load-tested) replaces it; the interface `install(app, settings)` and `ServeSettings` stay the same.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.middleware.cors import CORSMiddleware

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How open the server is: writes (corrections) need a token and `read_only=False`."""

    token: str | None = None
    read_only: bool = True
    allow_origins: tuple[str, ...] = field(default_factory=tuple)
    max_body_bytes: int = 1024 * 1024
    rate: float = 50.0  # requests per second per client (enforced by issue 9's middleware)
    burst: int = 100

    @property
    def writable(self) -> bool:
        return not self.read_only and bool(self.token)


def install(app: FastAPI, settings: ServeSettings) -> None:
    """Add the protections to `app`; call once, after the routes are registered."""
    if settings.allow_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.allow_origins), allow_methods=["GET"])

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if request.method in WRITE_METHODS:
            if not settings.writable:
                return JSONResponse({"detail": "the server is read-only (start it with --token to allow corrections)"}, 403)
            given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not hmac.compare_digest(given.encode(), settings.token.encode()):
                return JSONResponse({"detail": "a valid token is needed for corrections"}, 401)
            length = request.headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > settings.max_body_bytes):
                return JSONResponse({"detail": f"request body over {settings.max_body_bytes} bytes"}, 413)
        try:
            response = await call_next(request)
        except Exception:  # never show a stack trace to a client
            return PlainTextResponse("internal error", status_code=500)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response
