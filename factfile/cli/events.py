"""`factfile events`: what happened, filtered by actor, dates and distance from a place."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer
from rich.markup import escape

from factfile.cli import app, err, open_store, out
from factfile.errors import BadArgument, NotFound


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadArgument(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


@app.command()
def events(
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only events this actor takes part in (as actor 1 or 2).")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", help="Only events on or after this date (YYYY-MM-DD).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="Only events on or before this date (YYYY-MM-DD).")] = None,
    near: Annotated[Optional[str], typer.Option("--near", help="Only events within --km of this place.")] = None,
    km: Annotated[float, typer.Option("--km", min=0.0, help="Distance for --near, in kilometres.")] = 50.0,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """List events (ACLED types) with actors, place, date, certainty and the sentence that reports them."""
    from factfile.read.actors import actor_ids, find_actors
    from factfile.read.events import find_events, locate

    start, end = _date(from_, "--from"), _date(to, "--to")
    if start and end and start > end:
        raise BadArgument(f"--from {start} is after --to {end}")
    store = open_store()
    with store.snapshot() as session:
        ids = None
        if actor is not None:
            matches = find_actors(session, actor)
            if not matches:
                raise NotFound(f"no actor named {actor!r} in the store; try `factfile search {actor!r}`")
            ids = actor_ids(session, matches[0].actor.id)
            if matches[0].score < 100:
                err.print(f"closest actor to {actor!r}: {matches[0].actor.name}")
        centre = None
        if near is not None:
            located = locate(session, near)
            if located is None:
                raise NotFound(f"no place called {near!r} in the store or the gazetteer")
            name, lat, lon = located
            centre = (lat, lon)
            err.print(f"within {km:g} km of {name} ({lat:.4f}, {lon:.4f})")
        rows = find_events(session, actor_ids=ids, start=start, end=end, near=centre, km=km, limit=limit)
    if not rows:
        out.print("no events found")
        raise typer.Exit(1)
    for row in rows:
        when = _when(row.date_start, row.date_end)
        who = " → ".join(escape(a or "?") for a in (row.actor1, row.actor2) if a) or "?"
        where = escape(row.place or "place unknown") + (f" ({row.distance_km:.0f} km)" if row.distance_km is not None else "")
        claim = row.certainty + (f", by {escape(row.reported_by)}" if row.reported_by else "")
        dead = f" · {row.fatalities} killed" if row.fatalities else ""
        out.print(f"[bold]{when}[/] {escape(row.event_type)} / {escape(row.sub_type or '-')} · {who} · {where} · {claim}{dead}")
        out.print(f"      {escape(row.sentence)}  [dim]— document {row.document_id}{', ' + escape(row.outlet) if row.outlet else ''}[/]")


def _when(start: date | None, end: date | None) -> str:
    if start is None:
        return "date unknown"
    return start.isoformat() if end in (None, start) else f"{start.isoformat()}..{end.isoformat()}"
