"""`factfile backfill-vectors`: claim vectors for a store's statements from before the writer's vector rule."""

from __future__ import annotations

from typing import Annotated

import typer

from factfile.cli import app, err, open_store, out


@app.command("backfill-vectors")
def backfill_vectors(
    batch: Annotated[int, typer.Option(min=1, max=10_000, help="Statements read per transaction (those wanting a vector embedded together).")] = 256,
) -> None:
    """Embed the statements stored before claim vectors (an old store, a bulk load), which are compared by their
    words until then, so that they are compared by vectors like statements stored since. About 11 ms of CPU a
    statement embedded; it can be stopped and run again, and run beside `factfile ingest`."""
    from factfile.relate.backfill import backfill

    store = open_store()
    read = backfill(store, batch, lambda done, mark: err.print(f"{done:,} statements read; the rest below #{mark:,}" if mark else f"{done:,} statements read"))
    out.print(f"{read:,} older statements read; every statement is now a peer for claim vectors")
