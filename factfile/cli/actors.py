"""`factfile actors ...`: see why names were joined into an actor, and correct it (merge, split, replay)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape

from factfile.cli import app, open_store, out
from factfile.errors import NotFound

actors_app = typer.Typer(help="Inspect and correct actors: which names are one actor, and why.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")

NoteOption = Annotated[Optional[str], typer.Option("--note", help="Why you made this correction (kept with it).")]


def _actor_id(session, reference: str) -> int:
    """An actor given as "#12", "12" or a name."""
    from factfile.read.actors import find_actors, live_actor

    if reference.lstrip("#").isdigit():
        actor = live_actor(session, int(reference.lstrip("#")))
        if actor is None:
            raise NotFound(f"no actor #{reference.lstrip('#')}")
        return actor.id
    matches = [m for m in find_actors(session, reference) if m.score == 100]
    if len(matches) != 1:
        found = ", ".join(f"#{m.actor.id} {m.actor.name}" for m in matches) or "none"
        raise NotFound(f"{reference!r} must name exactly one actor (found: {found}); use its #id")
    return matches[0].actor.id


@actors_app.command("why")
def why(actor: Annotated[str, typer.Argument(help="Actor #id or name.")]) -> None:
    """List an actor's aliases with the reason each one was joined to it."""
    from factfile.read.actors import aliases, live_actor

    store = open_store()
    with store.snapshot() as session:
        actor_id = _actor_id(session, actor)
        row = live_actor(session, actor_id)
        out.print(f"[bold]#{row.id} {escape(row.name)}[/] ({row.kind})")
        for alias in aliases(session, actor_id):
            out.print(f"  • {escape(alias.name)} [dim]({alias.mentions} mentions) key={escape(alias.key)!s}[/] — {escape(alias.reason or '')}")


@actors_app.command("merge")
def merge(
    keep: Annotated[str, typer.Argument(help="The actor to keep (#id or name).")],
    others: Annotated[list[str], typer.Argument(help="Actors that are the same real actor (#id or name).")],
    note: NoteOption = None,
) -> None:
    """Merge actors that are one real actor; the decision is stored and survives re-ingestion."""
    from factfile.relate.decisions import merge_actors

    store = open_store()
    with store.transaction() as session:
        keep_id = _actor_id(session, keep)
        other_ids = [_actor_id(session, o) for o in others]
        decision = merge_actors(session, keep_id, other_ids, note)
        merged = ", ".join(f"#{o['id']}" for o in decision.payload["others"])
    out.print(f"merged {merged} into #{keep_id} (decision #{decision.id})")


@actors_app.command("split")
def split(
    actor: Annotated[str, typer.Argument(help="The actor that wrongly joins two real actors (#id or name).")],
    aliases: Annotated[list[str], typer.Argument(help="The aliases that belong to the other real actor.")],
    note: NoteOption = None,
) -> None:
    """Split aliases (and the mentions using them) off an actor into a new actor."""
    from factfile.relate.decisions import split_actor

    store = open_store()
    with store.transaction() as session:
        actor_id = _actor_id(session, actor)
        decision, new_id = split_actor(session, actor_id, aliases, note)
    out.print(f"split {', '.join(map(repr, aliases))} off #{actor_id} into new actor #{new_id} (decision #{decision.id})")


@actors_app.command("replay")
def replay_decisions() -> None:
    """Re-apply all stored corrections (after re-ingesting or re-resolving documents)."""
    from factfile.read.actors import list_decisions
    from factfile.relate.corrections import replay

    store = open_store()
    with store.transaction() as session:
        replay(session)
        count, _ = list_decisions(session, limit=0)
    out.print(f"replayed {count} decisions")


@actors_app.command("decisions")
def decisions() -> None:
    """List stored corrections, oldest first."""
    from factfile.read.actors import list_decisions

    store = open_store()
    with store.snapshot() as session:
        _, found = list_decisions(session)
        for decision in found:
            note = f" — {decision.note}" if decision.note else ""
            out.print(f"#{decision.id} {decision.kind} {escape(str(decision.payload))}{escape(note)}")
