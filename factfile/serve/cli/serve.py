"""`factfile serve`: the REST API and the web UI in one process (uvicorn)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from factfile.serve.cli import app, err, open_store


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; keep 127.0.0.1 unless behind a proxy.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    token: Annotated[
        Optional[str], typer.Option(envvar="FACTFILE_TOKEN", help="Allow corrections (merge, split, mark wrong) with this token.")
    ] = None,
    allow_origin: Annotated[Optional[list[str]], typer.Option(help="Origins allowed to call the API from browsers (CORS).")] = None,
) -> None:
    """Serve the API (/api, documented at /docs) and the web UI (/)."""
    import uvicorn

    from factfile.serve.api import create_app
    from factfile.serve.security import ServeSettings
    from factfile.serve.web import VENDOR

    if not VENDOR.exists():
        err.print("[yellow]warning:[/] front-end libraries are missing (map, graph, /docs); run `make install`")
    settings = ServeSettings(token=token, read_only=token is None, allow_origins=tuple(allow_origin or ()))
    err.print(f"factfile on http://{host}:{port}/  (API docs at /docs, corrections {'enabled' if token else 'disabled'})")
    uvicorn.run(create_app(open_store(), settings), host=host, port=port, log_level="warning")
