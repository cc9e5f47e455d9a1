"""The web application: REST API under `/api`, server-rendered pages for people, static files, `/docs`.

    app = create_app(Store("factfile.db"), ServeSettings(token="...", read_only=False))
    uvicorn.run(app)

Everything works offline: front-end libraries are copied from npm packages into `serve/web/static/vendor`
at build time (`make install`), and the OpenAPI explorer at `/docs` uses the vendored Swagger UI.
"""

from __future__ import annotations

from fastapi import FastAPI

from factfile.serve.security import ServeSettings, install
from factfile.store import Store


def create_app(store: Store, settings: ServeSettings | None = None) -> FastAPI:
    from factfile.serve.api import corrections, exports, resources
    from factfile.serve.web import mount as mount_web

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
    app.state.settings = settings
    app.include_router(resources.router)
    app.include_router(exports.router)
    app.include_router(corrections.router)
    mount_web(app)
    install(app, settings)
    return app


__all__ = ["create_app"]
