"""`/api/exports/{format}`: whatever the exporter registry holds, the same files `factfile export` writes."""

from __future__ import annotations

import tempfile
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from factfile.read.tables import TABLES
from factfile.serve import export as exports

router = APIRouter(prefix="/api", tags=["exports"])

MEDIA_TYPES = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv", "csv"),
    "graphml": ("application/xml", "graphml"),
    "gexf": ("application/xml", "gexf"),
    "geojson": ("application/geo+json", "geojson"),
    "ftm": ("application/json", "ftm.json"),
    "acled": ("text/csv", "acled.csv"),
}


@router.get("/exports")
def list_formats() -> dict:
    """The export formats this server offers, and the tables the table formats (jsonl, csv) accept."""
    return {"formats": exports.names(), "tables": list(TABLES)}


@router.get("/exports/{format}", response_class=FileResponse)
async def export(
    request: Request, format: str,
    table: Annotated[str, Query(description="for table formats: " + ", ".join(TABLES))] = "documents",
):
    """Download the store in an open format (written to a temporary file first, then streamed)."""
    exporter = exports.get(format)
    media_type, suffix = MEDIA_TYPES.get(format, ("text/plain", format))
    spool = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", suffix="." + suffix, delete=False)

    def write() -> None:
        with request.app.state.store.snapshot() as session, spool:
            exporter(session, spool, table)

    try:
        await run_in_threadpool(write)
    except BaseException:
        _remove(spool.name)
        raise
    name = f"factfile-{table}.{suffix}" if format in ("jsonl", "csv") else f"factfile.{suffix}"
    return FileResponse(spool.name, media_type=media_type, filename=name, background=BackgroundTask(_remove, spool.name))


def _remove(path: str) -> None:
    import os

    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
