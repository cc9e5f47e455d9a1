"""Reading the store: `show`, `search`, `stats`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from factfile.cli import app, err, open_store, out
from factfile.errors import NotFound


@app.command()
def show(
    actor: Annotated[str, typer.Argument(help="A name or alias of the actor.")],
    documents: Annotated[int, typer.Option(help="At most this many documents in the mentions section.")] = 10,
) -> None:
    """Print an actor's dossier: aliases, descriptions, mentions, each with evidence and source."""
    from factfile.cli.render import print_dossier
    from factfile.read.actors import find_actors
    from factfile.read.dossier import build_dossier

    store = open_store()
    with store.snapshot() as session:
        matches = find_actors(session, actor)
        if not matches:
            raise NotFound(f"no actor named {actor!r} in the store; try `factfile search {actor!r}`")
        best = matches[0]
        if best.score < 100 and len(matches) > 1:
            others = ", ".join(f"{m.actor.name} (#{m.actor.id})" for m in matches[1:4])
            err.print(f"closest match for {actor!r}: {best.actor.name}; others: {others}")
        print_dossier(out, build_dossier(session, best.actor.id, max_documents=documents))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in actors' names and in articles.")],
    limit: Annotated[int, typer.Option(min=1)] = 10,
) -> None:
    """Find actors by name and documents by full text."""
    from factfile.read.actors import find_actors
    from factfile.read.documents import search_documents

    store = open_store()
    with store.snapshot() as session:
        actors = find_actors(session, query, limit=limit)
        hits = search_documents(session, query, limit=limit)
    if actors:
        out.print("[bold]Actors[/]")
        for match in actors:
            out.print(f"  #{match.actor.id} {escape(match.actor.name)} ({match.actor.kind}) · {match.mentions} mentions · matched {escape(match.matched_name)!s}")
    if hits:
        out.print("[bold]Documents[/]")
        for hit in hits:
            where = " · ".join(str(x) for x in (hit.outlet, hit.published) if x)
            out.print(f"  #{hit.document_id} {escape(hit.title or '(untitled)')}" + (f" — {escape(where)}" if where else ""))
            out.print(f"      {escape(' '.join(hit.snippet.split()))}")
    if not actors and not hits:
        out.print(f"nothing found for {query!r}")
        raise typer.Exit(1)


@app.command()
def stats() -> None:
    """Summarise what the store holds."""
    from factfile.cli.render import print_stats

    store = open_store()
    with store.snapshot() as session:
        print_stats(out, session, store)
