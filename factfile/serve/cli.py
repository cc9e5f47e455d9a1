"""The `factfile` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from factfile.config import default_db_url
from factfile.errors import FactfileError

app = typer.Typer(
    help="factfile: turn news articles into a sourced knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", envvar="FACTFILE_DB", help="SQLite file or database URL [default: ~/.local/share/factfile/factfile.db]"),
]


class State:
    db: str | None = None


def open_store():
    from factfile.store import Store

    try:
        return Store(State.db or default_db_url())
    except FactfileError as error:
        err.print(f"[red]error:[/] {escape(str(error))}")
        raise typer.Exit(2) from error


@app.callback()
def main(db: DbOption = None) -> None:
    State.db = db


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns (HTML, text, JSONL, WARC, RSS/Atom).")],
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for extraction and NLP.")] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="Stop with an error at the first rejected input.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or warnings, only problems and the summary.")] = False,
) -> None:
    """Read articles, extract who/what/where/when and who says so, and store them."""
    from factfile.pipeline import Pipeline, Summary

    store = open_store()
    pipeline = Pipeline(store, workers=workers)
    summary = Summary()
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=quiet, transient=True,
    )
    with progress:
        task = progress.add_task("ingesting", total=None)
        for outcome in pipeline.run(paths):
            summary.add(outcome)
            progress.update(task, advance=1, description=f"stored {summary.stored} · duplicate {summary.duplicate} · rejected {summary.rejected}")
            if outcome.status == "rejected":
                progress.console.print(f"[red]rejected[/] {escape(outcome.origin)}: {escape(outcome.problem or '')}")
                if strict:
                    break
            elif not quiet:
                for warning in outcome.warnings:
                    progress.console.print(f"[yellow]warning[/] {escape(outcome.origin)}: {escape(warning)}")
    err.print(
        f"read {summary.read}, stored {summary.stored}, skipped as duplicate {summary.duplicate}, "
        f"rejected {summary.rejected}"
    )
    if strict and summary.rejected:
        err.print("[red]error:[/] --strict: stopped at the first rejected input")
        raise typer.Exit(1)
    if not summary.ingested_any and (summary.rejected or summary.read == 0):
        err.print("[red]error:[/] nothing could be ingested")
        raise typer.Exit(1)


@app.command()
def show(
    actor: Annotated[str, typer.Argument(help="A name or alias of the actor.")],
    documents: Annotated[int, typer.Option(help="At most this many documents in the mentions section.")] = 10,
) -> None:
    """Print an actor's dossier: aliases, descriptions, mentions, each with evidence and source."""
    from factfile.serve.dossier import build_dossier
    from factfile.serve.render import print_dossier
    from factfile.store.queries import find_actors

    store = open_store()
    with store.session() as session:
        matches = find_actors(session, actor)
        if not matches:
            err.print(f"no actor named {actor!r} in the store; try `factfile search {actor!r}`")
            raise typer.Exit(1)
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
    from factfile.store.queries import find_actors, search_documents

    store = open_store()
    with store.session() as session:
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
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="Export format (see --list).")] = "jsonl",
    table: Annotated[str, typer.Option("--table", "-t", help="For jsonl/csv: documents, actors, aliases, mentions, facts, statements, events, places, quantities, outlets.")] = "documents",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write [default: standard output].")] = None,
    list_formats: Annotated[bool, typer.Option("--list", help="List export formats and exit.")] = False,
) -> None:
    """Write the store's contents in an open format."""
    from catalogue import RegistryError

    from factfile.serve import export as exports

    if list_formats:
        out.print("\n".join(exports.names()))
        return
    try:
        exporter = exports.get(format)
    except RegistryError:
        err.print(f"[red]error:[/] unknown format {format!r}; choose one of: {', '.join(exports.names())}")
        raise typer.Exit(2) from None
    store = open_store()
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        with store.session() as session:
            count = exporter(session, stream, table)
    except KeyError as error:
        err.print(f"[red]error:[/] {error.args[0]}")
        raise typer.Exit(2) from None
    finally:
        if output:
            stream.close()
    err.print(f"exported {count} records" + (f" to {output}" if output else ""))


@app.command()
def stats() -> None:
    """Summarise what the store holds."""
    from factfile.serve.render import print_stats

    store = open_store()
    with store.session() as session:
        print_stats(out, session, store)


if __name__ == "__main__":
    app()
