"""`disputes`: where sources disagree, by actor, event or story, each side with its sources and evidence."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape

from factfile.cli import app, err, open_store, out


@app.command()
def disputes(
    actor: Annotated[Optional[str], typer.Option("--actor", help="An actor's name, alias or id.")] = None,
    event: Annotated[Optional[int], typer.Option("--event", help="An event id (see `factfile events`).")] = None,
    story: Annotated[Optional[int], typer.Option("--story", help="A story id (see `factfile stories`).")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per dispute.")] = False,
) -> None:
    """Show disputes: one attribute (a group's size, a clash's toll, its place or date, whether it happened)
    with incompatible values, each side with its sources, certainty, independent outlets and evidence."""
    import json
    from dataclasses import asdict

    from factfile.read.disputes import disputes as find

    store = open_store()
    found = find(store, actor=actor, event=event, story=story, limit=limit)
    if not found:
        err.print("no disputes found" + (f" for actor {escape(actor)}" if actor else ""))
        raise typer.Exit(1)
    for dispute in found:
        if as_json:
            out.print(json.dumps(asdict(dispute), default=str, ensure_ascii=False), markup=False)
            continue
        out.print(f"[bold]{escape(dispute.subject)}[/] ({dispute.subject_kind} #{dispute.subject_id}): "
                  f"[bold]{escape(dispute.attribute)}[/] disputed ({dispute.kind})")
        for side in dispute.sides:
            outlets = f"{len(side.outlets)} outlet{'s' if len(side.outlets) != 1 else ''}"
            when = f" · when: {escape('; '.join(side.when))}" if side.when else ""
            out.print(f"  [yellow]{escape(side.value)}[/] — {escape(', '.join(side.sources))} · {', '.join(side.certainty)} · {outlets}{when}")
            for evidence in side.evidence:
                dated = f", {evidence.published}" if evidence.published else ""
                out.print(f"      “{escape(evidence.sentence)}” [dim](document {evidence.document_id}{escape(dated)}"
                          f"{', ' + escape(evidence.outlet) if evidence.outlet else ''})[/]")
        out.print()
