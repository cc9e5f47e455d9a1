"""Across sources: `outlets` (who reports, who republishes), `copies` (a document's original and copies),
`stories` (documents grouped by story)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from factfile.cli import app, open_store, out
from factfile.errors import NotFound


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
    from factfile.read.documents import copy_family, story_explanation
    from factfile.relate.corrections import mark_copy_of, mark_not_copy

    store = open_store()
    if not_copy or copy_of is not None:
        with store.transaction() as session:
            decision = mark_not_copy(session, document, note) if not_copy else mark_copy_of(session, document, copy_of, note)
            out.print(f"document #{document}: {decision.kind.replace('_', ' ')} (decision #{decision.id})")
    with store.snapshot() as session:
        family = copy_family(session, document)
        story = story_explanation(session, document) if family is not None else None
    if family is None:
        raise NotFound(f"no document #{document} in the store")
    for row in family:
        outlet = row.outlet
        where = " · ".join(str(x) for x in (outlet, row.published) if x)
        if row.is_original:
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
    from factfile.read.sources import list_stories, story_of
    from factfile.relate.corrections import move_to_story

    store = open_store()
    if move is not None:
        with store.transaction() as session:
            decision = move_to_story(session, move, to, note)
            story_id = story_of(session, move)
        out.print(f"document #{move} is in story #{story_id} (decision #{decision.id})")
        return
    with store.snapshot() as session:
        _, rows = list_stories(session, limit=limit)
    if not rows:
        out.print("no stories in the store")
        raise typer.Exit(1)
    for story in rows:
        when = " – ".join(str(d) for d in dict.fromkeys((story.first_published, story.last_published)) if d)
        out.print(f"#{story.id} {escape(story.label or '')} · {story.documents} documents" + (f" · {when}" if when else ""))
