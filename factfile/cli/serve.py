"""`factfile serve`: the REST API and the web UI (uvicorn, one or more worker processes)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from typing import Annotated, Optional

import typer

from factfile.cli import State, app, err, open_store


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; keep 127.0.0.1 unless behind a proxy.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    token: Annotated[
        Optional[str], typer.Option(envvar="FACTFILE_TOKEN", help="Allow corrections (merge, split, mark wrong) with this token.")
    ] = None,
    allow_origin: Annotated[Optional[list[str]], typer.Option(help="Origins allowed to call the API from browsers (CORS).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Server processes; one per core to use.")] = 1,
    rate: Annotated[float, typer.Option(min=0.001, help="Requests per second allowed to each client address.")] = 50.0,
    burst: Annotated[int, typer.Option(min=1, help="Requests a client may send at once before --rate applies.")] = 100,
    cache: Annotated[bool, typer.Option(help="Keep GET responses until the store changes (SQLite only).")] = True,
    max_stale: Annotated[
        float,
        typer.Option(
            min=0,
            help="Seconds a cached response may still be served (marked x-cache: stale, with Age) after a write outdated it, "
            "while it is recomputed in the background; 0: never.",
        ),
    ] = 5.0,
    threads: Annotated[int, typer.Option(min=1, max=12, help="Requests using the store at once per worker process; the rest queue.")] = 2,
    share_cache: Annotated[
        bool, typer.Option(help="With --workers above 1: one response cache for all workers (a temporary SQLite file), "
                           "so that each answer is computed by one of them.")
    ] = True,
    access_log: Annotated[bool, typer.Option(help="Log every request (costs CPU under load).")] = False,
    trusted_proxy: Annotated[
        Optional[list[str]],
        typer.Option(help="Address of a reverse proxy whose X-Forwarded-For names the client (repeatable); "
                     "from any other address the header is ignored and the peer's address is the client's."),
    ] = None,
) -> None:
    """Serve the API (/api, documented at /docs) and the web UI (/)."""
    import uvicorn

    from factfile.serve.app import settings_environment
    from factfile.serve.protocol import server_options
    from factfile.serve.security import ServeSettings
    from factfile.serve.web import VENDOR

    if not VENDOR.exists():
        err.print("[yellow]warning:[/] front-end libraries are missing (map, graph, /docs); run `make install`")
    settings = ServeSettings(
        token=token, read_only=token is None, allow_origins=tuple(allow_origin or ()), rate=rate, burst=burst,
        cache=cache, max_stale=max_stale, threads=threads, trusted_proxies=tuple(trusted_proxy or ()),
    )
    open_store().close()  # create or upgrade the schema once, before the workers open it
    if State.db:
        os.environ["FACTFILE_DB"] = State.db
    shared = tempfile.mkdtemp(prefix="factfile-serve-") if cache and share_cache and workers > 1 else None
    if shared:
        from factfile.store.responses import SharedEntries

        settings = dataclasses.replace(settings, shared_cache=os.path.join(shared, "responses.db"))
        SharedEntries(settings.shared_cache).connection.close()  # created once here, not by workers racing
    os.environ.update(settings_environment(settings))  # each worker process builds its app from these
    err.print(f"factfile on http://{host}:{port}/  (API docs at /docs, corrections {'enabled' if token else 'disabled'})")
    try:
        uvicorn.run(
            "factfile.serve.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
            log_level="warning", access_log=access_log, **server_options(settings),
        )
    finally:
        if shared:
            shutil.rmtree(shared, ignore_errors=True)
