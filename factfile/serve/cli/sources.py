"""Across sources: `outlets` (who reports, who republishes), `copies` (a document's original and copies),
`stories` (documents grouped by story)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from factfile.serve.cli import app, err, open_store, out


@app.command()
def outlets(limit: Annotated[int, typer.Option(min=1)] = 30) -> None:
    """List outlets with their country, documents, copies and whether they report or republish."""
    from factfile.read.sources import list_outlets

    store = open_store()
    with store.snapshot() as session:
        _, rows = list_outlets(session, limit=limit)
    if not rows:
        out.print("no outlets in the store")
        raise typer.Exit(1)
    table = Table("outlet", "country", "documents", "copies", "copied share", "role")
    for outlet in rows:
        share = f"{outlet.republisher_share:.0%}" if outlet.republisher_share is not None else "-"
        role = "republisher" if outlet.republisher else "reporter"
        table.add_row(escape(outlet.domain or outlet.name or outlet.key), outlet.country or "-", str(outlet.documents), str(outlet.copies), share, role)
    out.print(table)


@app.command()
def copies(document: Annotated[int, typer.Argument(help="A document id (see `factfile search`).")]) -> None:
    """Show a document's original and every known copy of it, with the reason for each link."""
    from factfile.read.documents import copy_family

    store = open_store()
    with store.snapshot() as session:
        family = copy_family(session, document)
    if family is None:
        err.print(f"no document #{document} in the store")
        raise typer.Exit(1)
    for member in family:
        row, outlet = member, member.outlet
        where = " · ".join(str(x) for x in (outlet, row.published) if x)
        role = "original" if member.is_original else f"copy — {escape(row.copy_reason or '')}"
        mark = "→ " if row.id == document else "  "
        out.print(f"{mark}#{row.id} {escape(row.title or '(untitled)')} [{escape(where)}] {role}")


@app.command()
def stories(limit: Annotated[int, typer.Option(min=1)] = 20) -> None:
    """List the largest stories: how many documents, from when to when."""
    from factfile.read.sources import list_stories

    store = open_store()
    with store.snapshot() as session:
        _, rows = list_stories(session, limit=limit)
    if not rows:
        out.print("no stories in the store")
        raise typer.Exit(1)
    for story in rows:
        when = " – ".join(str(d) for d in dict.fromkeys((story.first_published, story.last_published)) if d)
        out.print(f"#{story.id} {escape(story.label or '')} · {story.documents} documents" + (f" · {when}" if when else ""))
