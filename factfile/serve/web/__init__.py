"""The web UI: server-rendered pages (Jinja2, autoescaped), static files and the offline API explorer.

Pages carry no inline script or style (the content-security-policy forbids them): behaviour lives in
`static/*.js`, which read their parameters from `data-` attributes; libraries are in `static/vendor`,
copied from npm packages by `vendor.mjs` at build time.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).parent
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: no stat() of each one on every render
    )
)


def mount(app: FastAPI) -> None:
    from factfile.serve.web import disputes, pages, watches

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    app.include_router(pages.router)
    app.include_router(disputes.router)
    app.include_router(watches.router)
