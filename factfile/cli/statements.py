"""`factfile statements`: attributed statements, filtered by source, actor, certainty and framing."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from factfile.cli import app, open_store, out

CERTAINTIES = ("asserted", "reported", "hedged", "denied")


@app.command()
def statements(
    source: Annotated[Optional[str], typer.Option("--source", "-s", help="Who says it: an actor's name or words of the source.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", "-a", help="Only statements whose content mentions this actor.")] = None,
    certainty: Annotated[Optional[str], typer.Option("--certainty", "-c", help="asserted, reported, hedged or denied.")] = None,
    framed: Annotated[Optional[bool], typer.Option("--framed/--unframed", help="Only statements the reporter distances (claimed, allegedly), or only those it does not.")] = None,
    article: Annotated[bool, typer.Option("--article", help="Include what articles assert in their own voice.")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """List who said what, how sure, with the passage and the document it comes from."""
    from factfile.cli.render import print_statements
    from factfile.read.statements import find_statements

    if certainty is not None and certainty not in CERTAINTIES:
        raise typer.BadParameter(f"{certainty!r} is not one of {', '.join(CERTAINTIES)}", param_hint="--certainty")
    store = open_store()
    with store.snapshot() as session:
        lines = find_statements(session, source=source, actor=actor, certainty=certainty, include_article=article, limit=limit, framed=framed)
    if not lines:
        out.print("no statements found")
        raise typer.Exit(1)
    print_statements(out, lines)
