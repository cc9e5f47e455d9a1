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
    from sqlalchemy import select

    from factfile.relate.outlets import is_republisher
    from factfile.store.schema import Outlet

    store = open_store()
    with store.session() as session:
        rows = session.scalars(select(Outlet).order_by(Outlet.documents.desc(), Outlet.key).limit(limit)).all()
    if not rows:
        out.print("no outlets in the store")
        raise typer.Exit(1)
    table = Table("outlet", "country", "documents", "copies", "copied share", "role")
    for outlet in rows:
        share = f"{outlet.republisher_share:.0%}" if outlet.republisher_share is not None else "-"
        role = "republisher" if is_republisher(outlet) else "reporter"
        table.add_row(escape(outlet.domain or outlet.name or outlet.key), outlet.country or "-", str(outlet.documents), str(outlet.copies), share, role)
    out.print(table)


@app.command()
def copies(
    document: Annotated[int, typer.Argument(help="A document id (see `factfile search`).")],
    not_copy: Annotated[bool, typer.Option("--not-copy", help="Correct: this document is not a copy of its original.")] = False,
    copy_of: Annotated[int | None, typer.Option("--copy-of", help="Correct: this document copies document N.")] = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction).")] = None,
) -> None:
    """Show a document's original and every known copy of it, with the reason for each link; or correct it.

    Corrections are stored as decisions: they hold when the documents are ingested again, and
    `factfile actors replay` re-applies them all.
    """
    from sqlalchemy import select

    from factfile.relate.decisions import DecisionError, mark_copy_of, mark_not_copy
    from factfile.relate.stories import explain
    from factfile.store.schema import Document, Outlet

    store = open_store()
    if not_copy or copy_of is not None:
        with store.transaction() as session:
            try:
                decision = mark_not_copy(session, document, note) if not_copy else mark_copy_of(session, document, copy_of, note)
            except DecisionError as error:
                err.print(f"[red]error:[/] {escape(str(error))}")
                raise typer.Exit(1) from None
            out.print(f"document #{document}: {decision.kind.replace('_', ' ')} (decision #{decision.id})")
    with store.session() as session:
        found = session.get(Document, document)
        if found is None:
            err.print(f"no document #{document} in the store")
            raise typer.Exit(1)
        root_id = found.copy_of_id or found.id
        rows = session.execute(
            select(Document, Outlet.key)
            .outerjoin(Outlet, Outlet.id == Document.outlet_id)
            .where((Document.id == root_id) | (Document.copy_of_id == root_id))
            .order_by(Document.published, Document.id)
        ).all()
        story = explain(session, found)
    for row, outlet in sorted(rows, key=lambda r: r[0].id != root_id):
        where = " · ".join(str(x) for x in (outlet, row.published) if x)
        if row.id == root_id:
            role = f"original — {escape(row.copy_reason)}" if row.copy_reason else "original"
        else:
            role = f"copy — {escape(row.copy_reason or '')}"
        mark = "→ " if row.id == document else "  "
        out.print(f"{mark}#{row.id} {escape(row.title or '(untitled)')} " + escape(f"[{where}]") + f" {role}")
    out.print(f"#{document} is in {escape(story)}")


@app.command()
def stories(
    limit: Annotated[int, typer.Option(min=1)] = 20,
    move: Annotated[int | None, typer.Option("--move", help="Correct: move document N ...")] = None,
    to: Annotated[int | None, typer.Option("--to", help="... to story N (without --to: to a story of its own).")] = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction).")] = None,
) -> None:
    """List the largest stories: how many documents, from when to when; or move a document to another story."""
    from sqlalchemy import select

    from factfile.relate.decisions import DecisionError, move_to_story
    from factfile.store.schema import Document, Story

    store = open_store()
    if move is not None:
        with store.transaction() as session:
            try:
                decision = move_to_story(session, move, to, note)
            except DecisionError as error:
                err.print(f"[red]error:[/] {escape(str(error))}")
                raise typer.Exit(1) from None
            story_id = session.get(Document, move).story_id
        out.print(f"document #{move} is in story #{story_id} (decision #{decision.id})")
        return
    with store.session() as session:
        rows = session.scalars(select(Story).order_by(Story.size.desc(), Story.id).limit(limit)).all()
    if not rows:
        out.print("no stories in the store")
        raise typer.Exit(1)
    for story in rows:
        when = " – ".join(str(d) for d in dict.fromkeys((story.first_published, story.last_published)) if d)
        out.print(f"#{story.id} {escape(story.label or '')} · {story.size} documents" + (f" · {when}" if when else ""))
