"""`factfile ingest`: read articles into the store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from factfile.cli import app, err, open_store
from factfile.errors import BadArgument, FactfileError


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, glob patterns (HTML, text, JSONL, WARC, RSS/Atom, Telegram Desktop JSON exports) or http(s) URLs.")],
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for extraction and NLP.")] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="Stop with an error at the first rejected input.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or warnings, only problems and the summary.")] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URLs reach private, loopback and link-local addresses (refused by default).")
    ] = False,
    nice: Annotated[
        int, typer.Option(min=0, max=19, help="Lower this ingest's CPU priority (Unix nice), e.g. 10 beside a busy `factfile serve`.")
    ] = 0,
    attributions: Annotated[
        str | None,
        typer.Option(help="Attribution tagger: 'crf' (fast) or 'encoder' (fine-tuned MiniLM, slower; README says what each gives); default FACTFILE_ATTRIBUTIONS or crf."),
    ] = None,
    translations: Annotated[
        bool | None,
        typer.Option(
            "--translations/--no-translations",
            help="Look for copies across languages with the multilingual sentence encoder (about a quarter of the pipeline's time on a store in several languages); default FACTFILE_TRANSLATIONS or on.",
        ),
    ] = None,
    detected_statements: Annotated[
        bool | None,
        typer.Option(
            "--detected-statements/--no-detected-statements",
            help="On pages not in English, give a statement to sentences a classifier finds attributing a claim that no reporting-verb rule read (about half name the right source); default FACTFILE_DETECTED_STATEMENTS or off.",
        ),
    ] = None,
) -> None:
    """Read articles, extract who/what/where/when and who says so, and store them."""
    import os

    from factfile.ingest import FetchPolicy
    from factfile.pipeline import Pipeline, Summary

    if nice:
        os.nice(nice)  # worker processes inherit it
    if attributions is not None:
        from factfile.config import ATTRIBUTION_TAGGERS

        if attributions not in ATTRIBUTION_TAGGERS:
            raise BadArgument(f"--attributions {attributions}: expected one of {', '.join(ATTRIBUTION_TAGGERS)}")
        os.environ["FACTFILE_ATTRIBUTIONS"] = attributions  # worker processes inherit it
    if detected_statements is not None:
        os.environ["FACTFILE_DETECTED_STATEMENTS"] = "on" if detected_statements else "off"  # worker processes inherit it
    else:
        from factfile.config import detected_statements_sought

        detected_statements_sought()  # a bad FACTFILE_DETECTED_STATEMENTS stops the run here
    if translations is not None:
        os.environ["FACTFILE_TRANSLATIONS"] = "on" if translations else "off"
    else:
        from factfile.config import translations_sought

        translations_sought()  # a bad FACTFILE_TRANSLATIONS stops the run here, not each document in the writer

    store = open_store()
    pipeline = Pipeline(store, workers=workers, fetch=FetchPolicy(allow_private=allow_private))
    summary = Summary()
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=quiet, transient=True, auto_refresh=False,  # no refresh thread: workers can be forked
    )
    with progress:
        task = progress.add_task("ingesting", total=None)
        for outcome in pipeline.run(paths):
            summary.add(outcome)
            counts = f"stored {summary.stored} · duplicate {summary.duplicate} · rejected {summary.rejected}"
            progress.update(task, advance=1, description=counts, refresh=True)
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
        raise FactfileError("--strict: stopped at the first rejected input")
    if not summary.ingested_any and (summary.rejected or summary.read == 0):
        raise FactfileError("nothing could be ingested")
