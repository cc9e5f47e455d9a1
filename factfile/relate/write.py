"""Store one analysed article: the relate stage owns the write transaction and drives the store.

The document row goes in first (the relaters need its id), then the relaters map the article's chains to
store actors and link it to copies, stories and outlets, then its records go in with those actor ids,
and the new statements get their content keys (`claims.index`) for corroboration and, where a comparison can
use them, their claim vectors (`claim_vectors.add`) and, in a store of two languages, the vectors across languages of
one source's statements of a story (`claim_vectors.add_multilingual`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from factfile.errors import IngestError
from factfile.records import Analysis
from factfile.relate import Linking, Relater, claim_vectors, claims
from factfile.store import Store
from factfile.store import schema as s
from factfile.store.writer import add_document, add_records

log = logging.getLogger(__name__)


def save(session: Session, analysis: Analysis, relaters: Sequence[Relater]) -> s.Document | None:
    """Store the document and its records inside the caller's transaction; None if its content is stored."""
    document = add_document(session, analysis.article)
    if document is None:
        return None
    linking = Linking(session=session, analysis=analysis, document=document)
    for relate in relaters:
        relate(linking)
    statement_ids = add_records(session, analysis, document, linking.actor_of_chain)
    analysis.prepared["claims"] = claim_vectors.add(session, analysis, document, statement_ids)
    claims.index(session, zip(statement_ids, (st.content.text for st in analysis.statements), strict=True), analysis.prepared["claims"])
    claim_vectors.add_multilingual(session, document, statement_ids)
    for finish in linking.after_records:
        finish(statement_ids)
    return document


def store(
    target: Store, analysis: Analysis, relaters: Sequence[Relater], then: Callable[[Session, int], None] | None = None
) -> s.Document | None:
    """`save` in a transaction of its own: the document is stored with everything related to it, or not at
    all; `then(session, document_id)` adds the caller's own record of a new document to the same transaction.

    A failure on this document alone (a relater's error on an odd record, a row the database refuses) rolls
    its transaction back and raises `IngestError`, so one odd page does not stop a corpus-sized run, as in
    extraction; a store that cannot be written (locked, disk, connection) raises as it is."""
    try:
        with target.transaction() as session:
            document = save(session, analysis, relaters)
            if document is not None and then is not None:
                then(session, document.id)
            return document
    except (OperationalError, InterfaceError):
        raise
    except Exception as error:
        log.debug("storing %s failed", analysis.article.origin, exc_info=True)
        raise IngestError(analysis.article.origin, f"not stored: relating it failed ({type(error).__name__}: {error})") from error
