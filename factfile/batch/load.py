"""Bulk load of a batch job's Parquet output into the store, in input order.

The same writer and relaters as `factfile ingest` run here, so the cross-document steps (actor
resolution, and whatever relaters are registered: copies, stories, corroboration) see documents
exactly as a plain ingest would. Documents are committed in groups to save round trips; a group that
fails is rolled back whole, and a rerun skips what is already stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from factfile.batch.codec import loads
from factfile.batch.job import BatchError
from factfile.pipeline import Outcome
from factfile.relate import DEFAULT_RELATERS
from factfile.relate import build as build_relaters
from factfile.relate.write import save
from factfile.store import Store


def rows(out: Path) -> Iterator[dict]:
    """The job's rows in input order (Spark writes one part file per input file, in order)."""
    from factfile.errors import require

    pq = require("pyarrow.parquet", "factfile batch", "spark")

    parts = sorted(out.glob("part-*.parquet"))
    if not parts:
        raise BatchError(f"{out}: no Parquet part files (run `factfile batch` first)")
    last = (-1, -1)
    for part in parts:
        for batch in pq.ParquetFile(part).iter_batches(batch_size=256):
            for row in batch.to_pylist():
                position = (row["file"], row["record"])
                if position < last:
                    raise BatchError(f"{part}: rows out of input order at file {position[0]} record {position[1]}")
                last = position
                yield row


def load(out: Path, store: Store, relaters: tuple[str, ...] = DEFAULT_RELATERS, group: int = 50) -> Iterator[Outcome]:
    """Store every analysis in `out`; yields one outcome per row, as `Pipeline.run` does."""
    relate = build_relaters(relaters)
    pending: list[dict] = []

    def flush() -> Iterator[Outcome]:
        outcomes = []
        with store.transaction() as session:
            for row in pending:
                analysis = loads(row["analysis"])
                document = save(session, analysis, relate)
                article = analysis.article
                if document is None:
                    outcomes.append(Outcome(article.origin, "duplicate", warnings=article.warnings))
                else:
                    outcomes.append(Outcome(article.origin, "stored", document_id=document.id, warnings=article.warnings))
        pending.clear()
        return iter(outcomes)

    for row in rows(out):
        if row["analysis"] is None:
            yield Outcome(row["origin"], "rejected", row["problem"])
            continue
        pending.append(row)
        if len(pending) >= group:
            yield from flush()
    if pending:
        yield from flush()
