"""`factfile watch ...` and `factfile new`: save watches on actors, stories, places or searches, and read
what arrived since each was last read (read/watches.py)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape

from factfile.cli import app, err, open_store, out

watch_app = typer.Typer(help="Watches: what is new about an actor, story, place or search since you last looked.", no_args_is_help=True)
app.add_typer(watch_app, name="watch")

WatchArgument = Annotated[str, typer.Argument(help="The watch's id, or what it watches (`factfile watch list`).")]
KIND_LABELS = {"document": "article", "claim": "claim", "event": "event", "dispute": "dispute", "outlet": "outlet"}


@watch_app.command("add")
def add(
    kind: Annotated[str, typer.Argument(help="actor, story, place or search.")],
    target: Annotated[str, typer.Argument(help="The actor's name or id, the story's id, the place's name, or search words.")],
    from_start: Annotated[bool, typer.Option("--from-start", help="Count everything stored so far as new (default: only what arrives later).")] = False,
) -> None:
    """Save a watch; `factfile new WATCH` then shows what arrived since it was last read."""
    from factfile.read.watches import add_watch

    with open_store().transaction() as session:
        watch = add_watch(session, kind, target, from_start=from_start)
    out.print(f"watch {watch.id}: {watch.kind} {escape(watch.label)} (read up to change {watch.read_seq})")


@watch_app.command("list")
def list_(as_json: Annotated[bool, typer.Option("--json", help="One JSON object per watch.")] = False) -> None:
    """The saved watches with how many changes each has unread."""
    from factfile.read.watches import list_watches

    with open_store().snapshot() as session:
        watches = list_watches(session, count_unread=True)
    if not watches:
        err.print("no watches (factfile watch add KIND TARGET)")
    for watch in watches:
        if as_json:
            out.print(watch.model_dump_json(), markup=False)
            continue
        read = f"read {watch.read_at:%Y-%m-%d %H:%M}" if watch.read_at else "never read"
        out.print(f"{watch.id:>4}  {watch.kind:<6} {escape(watch.label)} · {watch.unread} new · {read} (up to change {watch.read_seq})")


@watch_app.command("remove")
def remove(watch: WatchArgument) -> None:
    """Delete a watch."""
    from factfile.read.watches import find_watch, remove_watch

    with open_store().transaction() as session:
        found = find_watch(session, watch)
        remove_watch(session, found.id)
    out.print(f"removed watch {found.id}: {found.kind} {escape(found.label)}")


@watch_app.command("read")
def read(
    watch: WatchArgument,
    through: Annotated[Optional[int], typer.Option("--through", min=0, help="Mark read up to this change number (default: all).")] = None,
) -> None:
    """Mark a watch read without printing what is new."""
    from factfile.read.watches import find_watch, mark_read

    with open_store().transaction() as session:
        marked = mark_read(session, find_watch(session, watch).id, through)
    out.print(f"watch {marked.id} read up to change {marked.read_seq}")


@app.command("new")
def new(
    watch: WatchArgument,
    keep_unread: Annotated[bool, typer.Option("--keep-unread", help="Do not mark what is shown as read.")] = False,
    since: Annotated[Optional[str], typer.Option("--since", help="A change cursor or number to list from instead of the last read.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per change.")] = False,
) -> None:
    """What arrived for a watch since it was last read: articles, claims, events, disputes, new independent
    outlets; then marks them read (what arrives meanwhile stays new)."""
    from factfile.read.watches import changes, find_watch, mark_read

    store = open_store()
    with store.snapshot() as session:
        found = find_watch(session, watch)
        result = changes(session, found.id, since=since)
    if not result.items and not as_json:
        err.print(f"nothing new for {escape(found.label)} since change {found.read_seq}")
    for change in result.items:
        if as_json:
            out.print(change.model_dump_json(exclude_none=True), markup=False)
            continue
        mark = " [bold green]new claim[/]" if change.new_claim else (f" [dim](supports claim of statement {change.claim_id})[/]" if change.kind == "claim" else "")
        out.print(f"[yellow]{KIND_LABELS[change.kind]:<8}[/] {escape(change.id)}{mark}: {escape(change.summary)}")
        if change.event is not None:
            out.print(f"           “{escape(' '.join(change.event.sentence.split()))}” [dim]({escape(change.event.outlet or '')}, document {change.event.document_id})[/]")
        if change.statement is not None:
            where = change.statement.outlet or f"document {change.statement.document_id}"
            out.print(f"           [dim]{escape(where)}, document {change.statement.document_id}[/]")
    if not keep_unread and since is None:
        with store.transaction() as session:
            mark_read(session, found.id, result.head)
