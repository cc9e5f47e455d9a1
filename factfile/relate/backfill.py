"""Claim vectors for the statements a store holds from before the writer's vector rule (relate/claim_vectors.py):
those below the store's `vectors_from` mark (a store from before claim vectors, a bulk load) are no peers of new
statements and are compared by their words. `backfill` embeds them, as the writer embeds a statement it stores,
and lowers the mark past them, so they become peers like any statement stored since.

It works down from the mark in batches, each one transaction that stores the batch's vectors and lowers the mark
to the batch's first statement: stopped at any point, the store is consistent (each statement at or above the mark
has the vector the rule gives it, or gets it from the writer on its first new peer), and a rerun carries on.
Embedding costs about 11 ms of CPU a statement embedded (572 of the first 1,024 statements of bench/synth.py's
1,000-document store; its 10,000-document store holds 180,932 to embed: about half an hour), which is why the
writer does not do it on the way.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, update

from factfile.relate import claim_vectors
from factfile.store import Store
from factfile.store.schema import Statement, StoreMark

BATCH = 256  # statements a transaction: the model embeds them together, and the write lock is held for one batch


def backfill(store: Store, batch: int = BATCH, progress: Callable[[int, int], None] | None = None) -> int:
    """Embed the statements below the store's `vectors_from` mark that `claims.embedded` would embed and have no
    vector, then lower the mark to 0; the number of statements read. `progress(read, mark)` after each batch."""
    read = 0
    while True:
        with store.transaction() as session:
            mark = claim_vectors.vectors_from(session)
            if mark <= 0:
                return read
            ids = list(session.scalars(select(Statement.id).where(Statement.id < mark).order_by(Statement.id.desc()).limit(batch)))
            claim_vectors.vectors_for(session, ids)
            lowered = min(ids) if len(ids) == batch else 0
            session.execute(update(StoreMark).where(StoreMark.name == "vectors_from").values(value=lowered))
        read += len(ids)
        if progress is not None:
            progress(read, lowered)
