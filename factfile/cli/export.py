"""`factfile export`: the store in open formats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from factfile.cli import app, err, open_store, out


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="Export format (see --list).")] = "jsonl",
    table: Annotated[str, typer.Option("--table", "-t", help="For jsonl/csv: documents, actors, aliases, mentions, facts, statements, events, places, quantities, outlets.")] = "documents",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write [default: standard output].")] = None,
    list_formats: Annotated[bool, typer.Option("--list", help="List export formats and exit.")] = False,
) -> None:
    """Write the store's contents in an open format."""
    from factfile.serve import export as exports

    if list_formats:
        out.print("\n".join(exports.names()))
        return
    exporter = exports.get(format)
    store = open_store()
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        with store.snapshot() as session:
            count = exporter(session, stream, table)
    finally:
        if output:
            stream.close()
    err.print(f"exported {count} records" + (f" to {output}" if output else ""))
