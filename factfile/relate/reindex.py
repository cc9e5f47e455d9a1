"""Rebuild the look-up index of stored documents: their copy band keys and signatures (relate/copies.py) and their
story terms (relate/stories.py), from each document's stored text.

A new document finds its copies and its story only through what the store keeps of the documents before it, written
when each was stored. When the keys change (a new reading of names, months or digits in `fingerprints.name_keys`),
documents stored before keep the old ones, and a new copy of them is found only by the views that did not change.
`reindex` writes each document's entries again as the code of today computes them. Links already made (copies,
originals, stories) stay as they are: it changes what later documents are compared with, not what was decided.

It works up the document ids in batches: a batch is read and its entries computed outside any transaction, then one
short transaction replaces them, so that it can run beside `factfile ingest`. Stopped at any point, every document
holds either its old entries or its new ones, and a rerun (or `start`) carries on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from factfile.config import translations_sought
from factfile.relate import copies, stories
from factfile.store import Store
from factfile.store.schema import Document, StoryTerm

BATCH = 100  # documents a transaction; each batch is read (about 80 ms of CPU a document) before the write lock is taken


@dataclass(slots=True)
class Reindexed:
    documents: int = 0  # documents whose entries were written again
    last: int = 0  # the highest document id done


def reindex(store: Store, batch: int = BATCH, start: int = 0, progress: Callable[[Reindexed], None] | None = None) -> Reindexed:
    """Write again the copy index and story terms of every stored document with an id above `start` (stand-ins for
    wire stories, which have no text of their own, are not indexed, as when stored)."""
    done = Reindexed(last=start)
    while True:
        with store.snapshot() as session:
            rows = session.execute(
                select(Document.id, Document.text, Document.language, Document.title, Document.origin, Document.url)
                .where(Document.id > done.last).order_by(Document.id).limit(batch)
            ).all()
        if not rows:
            return done
        texts = [row for row in rows if row.text and not copies.is_stand_in(row)]
        sketches = {row.id: copies.sketch(row.text, row.language) for row in texts}
        terms = [
            {"document_id": row.id, "term": term[:100], "weight": weight}
            for row in texts for term, weight in stories.profile(row.text, row.language, row.title).items()
        ]
        with store.transaction() as session:
            if sketches:
                copies.index(session, sketches)
                if translations_sought():
                    multilingual = {row.id: row.text for row in texts if copies.other_language_stored(session, row.language)}
                    copies.index_translations(session, multilingual)
            session.execute(delete(StoryTerm).where(StoryTerm.document_id.in_(list(sketches))))
            if terms:
                session.execute(insert(StoryTerm), terms)
        done.documents += len(texts)
        done.last = rows[-1].id
        if progress is not None:
            progress(done)
