"""`factfile backfill-vectors`: a store's statements from before claim vectors get the vectors the writer gives."""

from __future__ import annotations

import numpy as np
from sqlalchemy import delete, func, select, update

from conftest import PAGES, SEED
from factfile.pipeline import Pipeline
from factfile.relate import claim_vectors, embedding
from factfile.store import Store
from factfile.store.schema import Document, Statement, StatementVector, StoreMark


def _embeddable(session) -> dict[int, str]:
    """The statements `claims.embedded` gives a vector to where a peer needs one: English, attributed."""
    rows = session.execute(
        select(Statement.id, Statement.content_text).join(Document, Document.id == Statement.document_id)
        .where(Document.language == "en", Statement.source_type != "article")
    )
    return dict(rows.all())


def test_statements_from_before_claim_vectors_get_them_and_become_peers(db, cli):
    store = Store(db)
    Pipeline(store).ingest([str(SEED), *(str(page["path"]) for page in list(PAGES.values())[:2])])
    with store.transaction() as session:  # as a store from before claim vectors: none, and every statement below the mark
        session.execute(delete(StatementVector))
        top = session.scalar(select(func.max(Statement.id)))
        session.execute(update(StoreMark).where(StoreMark.name == "vectors_from").values(value=top + 1))
        wanted = _embeddable(session)
    assert len(wanted) >= 10

    result = cli("backfill-vectors", "--batch", "7")
    assert result.exit_code == 0 and f"{top:,} older statements read" in result.stdout
    with store.session() as session:
        assert claim_vectors.vectors_from(session) == 0
        stored = dict(session.execute(select(StatementVector.statement_id, StatementVector.vector)).all())
    assert set(stored) == set(wanted)
    some = sorted(wanted)[:3]
    expected = embedding.encode([wanted[i] for i in some])
    for i, vector in zip(some, expected, strict=True):
        assert np.allclose(embedding.from_bytes(stored[i]), embedding.from_bytes(embedding.to_bytes(vector)), atol=1e-3)
    assert "0 older statements read" in cli("backfill-vectors").stdout


def test_a_stopped_backfill_leaves_the_mark_at_its_last_batch(db):
    store = Store(db)
    Pipeline(store).ingest([str(SEED)])
    with store.transaction() as session:
        session.execute(delete(StatementVector))
        top = session.scalar(select(func.max(Statement.id)))
        session.execute(update(StoreMark).where(StoreMark.name == "vectors_from").values(value=top + 1))
    from factfile.relate import backfill

    class Stop(Exception):
        pass

    def stop(read, mark):
        raise Stop

    try:
        backfill.backfill(store, batch=3, progress=stop)
    except Stop:
        pass
    with store.session() as session:
        assert claim_vectors.vectors_from(session) == top - 2  # the three highest done, the rest still below the mark
        done = set(session.scalars(select(StatementVector.statement_id)))
        assert done <= {top, top - 1, top - 2} and done == done & set(_embeddable(session))
    assert backfill.backfill(store, batch=3) == top - 3
