"""`factfile batch`: analyse a corpus on Spark into Parquet, and bulk load it into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from factfile.cli import app, err, open_store
from factfile.errors import BadArgument


@app.command()
def batch(
    paths: Annotated[Optional[list[str]], typer.Argument(help="WARC files (or any inputs `ingest` reads), folders, globs.")] = None,
    manifest: Annotated[Optional[Path], typer.Option("--manifest", help="Text file listing input files, one per line.")] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet analyses.")] = Path("factfile-batch"),
    master: Annotated[str, typer.Option("--master", help="Spark master: local[N] or a cluster URL.")] = "local[2]",
    load: Annotated[bool, typer.Option("--load", help="Bulk load the analyses into the store afterwards.")] = False,
    load_only: Annotated[bool, typer.Option("--load-only", help="Only load analyses already in --out.")] = False,
) -> None:
    """Extract articles on Spark (model loaded once per partition), write Parquet, optionally load it."""
    from factfile.batch import load as load_analyses
    from factfile.batch import manifest_files, run_job
    from factfile.pipeline import Summary

    if not load_only:
        inputs = [*(paths or []), *(manifest_files(manifest) if manifest else [])]
        if not inputs:
            raise BadArgument("give input files or --manifest")
        report = run_job(inputs, out, master=master)
        for missing in report.missing:
            err.print(f"[red]rejected[/] {escape(str(missing))}")
        err.print(f"analysed {report.files} file(s) into {escape(str(out))}")
    if not (load or load_only):
        return
    summary = Summary()
    for outcome in load_analyses(out, open_store()):
        summary.add(outcome)
        if outcome.status == "rejected":
            err.print(f"[red]rejected[/] {escape(outcome.origin)}: {escape(outcome.problem or '')}")
    err.print(
        f"loaded: read {summary.read}, stored {summary.stored}, skipped as duplicate {summary.duplicate}, "
        f"rejected {summary.rejected}"
    )
