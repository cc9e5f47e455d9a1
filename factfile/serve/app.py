"""The web application: REST API under `/api` (`api/`), server-rendered pages for people (`web/`), static
files, `/docs`. Assembled here, above both, so that neither the API nor the pages import the other; what
both need (the request's session, paging, integer bounds) is in `deps.py` and `models.py`.

    app = create_app(Store("factfile.db"), ServeSettings(token="...", read_only=False))
    uvicorn.run(app)

Everything works offline: front-end libraries are copied from npm packages into `serve/web/static/vendor`
at build time (`make install`), and the OpenAPI explorer at `/docs` uses the vendored Swagger UI.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict

from fastapi import FastAPI
from fastapi.routing import APIRoute

from factfile.serve.errors import install as install_errors
from factfile.serve.security import ServeSettings, install
from factfile.store import Store

log = logging.getLogger("factfile.serve")

POOL_CONNECTIONS = 15  # SQLAlchemy's default pool per engine: 5 kept + 10 overflow
SETTINGS_VARIABLE = "FACTFILE_SERVE_SETTINGS"
# How long a thread computing a page keeps the GIL when the event loop asks for it. Every cached answer
# takes the GIL back several times (socket, data version), each time waiting up to this long behind a
# page being rendered: at Python's default 5 ms, a worker recomputing pages answered ~100 hits/s at most.
SWITCH_INTERVAL = 0.0005  # how `factfile serve --workers N` hands its settings to each worker


def create_app(store: Store, settings: ServeSettings | None = None) -> FastAPI:
    from factfile.serve.api import corrections, disputes, exports, resources, watches
    from factfile.serve.cache import ResponseCache
    from factfile.serve.gate import Gate
    from factfile.serve.web import mount as mount_web
    from factfile.store.responses import CacheError, SharedEntries
    from factfile.store.version import DataVersion

    settings = settings or ServeSettings()
    app = FastAPI(
        title="factfile",
        summary="A sourced knowledge base built from news articles: actors, statements, events, and who says so.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    # Requests using the store at once: fewer than its pool's connections, leaving some for corrections and exports.
    app.state.sessions_gate = Gate(max(1, min(settings.threads, POOL_CONNECTIONS - 3)))
    app.state.settings = settings
    app.include_router(resources.router)
    app.include_router(exports.router)
    app.include_router(corrections.router)
    app.include_router(disputes.router)
    app.include_router(watches.router)
    mount_web(app)
    if settings.cache:
        version = DataVersion(store)
        shared = None
        if settings.shared_cache and version.connection is not None:
            try:
                shared = SharedEntries(settings.shared_cache)
            except CacheError:
                log.warning("cannot open the shared response cache %s: this worker keeps its own", settings.shared_cache, exc_info=True)
        app.add_middleware(ResponseCache, version=version, max_stale=settings.max_stale, shared=shared)  # innermost
    install(app, settings)
    install_errors(app)
    return app


def app_from_environment() -> FastAPI:
    """The app for each of uvicorn's worker processes: store and settings from the serving command's environment."""
    from factfile.config import default_db_url

    sys.setswitchinterval(SWITCH_INTERVAL)
    fields = json.loads(os.environ.get(SETTINGS_VARIABLE, "{}"))
    fields["allow_origins"] = tuple(fields.get("allow_origins", ()))
    fields["trusted_proxies"] = tuple(fields.get("trusted_proxies", ()))
    return create_app(Store(os.environ.get("FACTFILE_DB") or default_db_url()), ServeSettings(**fields))


def settings_environment(settings: ServeSettings) -> dict[str, str]:
    return {SETTINGS_VARIABLE: json.dumps(asdict(settings))}


__all__ = ["app_from_environment", "create_app", "settings_environment"]


def endpoints(app: FastAPI) -> list[APIRoute]:
    """Every endpoint of the app, inside included routers too: what probes and tests walk, so that a
    route added later is covered without touching them."""
    found, todo = [], list(app.routes)
    while todo:
        route = todo.pop(0)
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            todo += route.original_router.routes
        elif hasattr(route, "routes"):
            todo += route.routes
    return found
