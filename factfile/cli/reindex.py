"""`factfile reindex`: the copy index and story terms of stored documents written again by today's code."""

from __future__ import annotations

from typing import Annotated

import typer

from factfile.cli import app, err, open_store, out


@app.command("reindex")
def reindex(
    batch: Annotated[int, typer.Option(min=1, max=10_000, help="Documents written again per transaction.")] = 100,
    start: Annotated[int, typer.Option(min=0, help="Carry on above this document id (the last one a stopped run printed).")] = 0,
) -> None:
    """Write again every stored document's copy index (band keys and signatures) and story terms, so that new
    documents find copies and stories of the ones stored before a change of how names, dates and numbers are read.
    Links already made stay; about 80 ms of CPU a document (eval/realstory's pages); it can be stopped and run again."""
    from factfile.relate.reindex import reindex as rebuild

    store = open_store()
    done = rebuild(store, batch, start, lambda d: err.print(f"{d.documents:,} documents reindexed (up to #{d.last:,})"))
    out.print(f"{done.documents:,} documents reindexed: new documents are compared with them as today's code reads them")
