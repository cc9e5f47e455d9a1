"""Documents: full-text search, lists and detail with their annotations, and copy families."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, exists, func, select, text
from sqlalchemy.orm import Session

from factfile.read import records as m
from factfile.read.posts import post_of
from factfile.read.sql import OUTLET_NAME, page
from factfile.store import schema as s


@dataclass(slots=True)
class DocumentHit:
    document_id: int
    title: str | None
    outlet: str | None
    published: object
    snippet: str


def search_documents(session: Session, query: str, limit: int = 20, offset: int = 0) -> list[DocumentHit]:
    """Full-text search over titles and texts (FTS5 on SQLite, tsvector on PostgreSQL)."""
    terms = re.findall(r"\w+", query)
    if not terms:
        return []
    outlet = select(s.Outlet.name).where(s.Outlet.id == s.Document.outlet_id).scalar_subquery()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
        rows = session.execute(
            text(
                "SELECT d.id, d.title, d.published, (SELECT name FROM outlets o WHERE o.id = d.outlet_id), "
                "snippet(documents_fts, 1, '[', ']', ' … ', 16) "
                "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :match ORDER BY rank LIMIT :limit OFFSET :offset"
            ),
            {"match": match, "limit": limit, "offset": offset},
        ).all()
        return [DocumentHit(r[0], r[1], r[3], r[2], r[4]) for r in rows]
    if dialect == "postgresql":
        vector = func.to_tsvector("simple", func.coalesce(s.Document.title, "") + " " + s.Document.text)
        tsquery = func.plainto_tsquery("simple", " ".join(terms))
        headline = func.ts_headline("simple", s.Document.text, tsquery, "StartSel=[, StopSel=], MaxFragments=1, MaxWords=24")
        stmt: Select = (
            select(s.Document.id, s.Document.title, s.Document.published, outlet, headline)
            .where(vector.op("@@")(tsquery))
            .order_by(func.ts_rank(vector, tsquery).desc())
            .limit(limit)
            .offset(offset)
        )
    else:
        stmt = (
            select(s.Document.id, s.Document.title, s.Document.published, outlet, func.substr(s.Document.text, 1, 200))
            .where(*[s.Document.text.contains(t) for t in terms])
            .limit(limit)
            .offset(offset)
        )
    return [DocumentHit(r[0], r[1], r[3], r[2], r[4]) for r in session.execute(stmt)]


def _document_columns():
    return (s.Document, OUTLET_NAME)


def _document_out(document: s.Document, outlet: str | None, snippet: str | None = None) -> m.DocumentOut:
    return m.DocumentOut(
        id=document.id, title=document.title, url=document.url, outlet_id=document.outlet_id, outlet=outlet,
        published=document.published, language=document.language, declared_source=document.declared_source,
        copy_of_id=document.copy_of_id, story_id=document.story_id, snippet=snippet,
    )


def list_documents(
    session: Session, q: str | None = None, outlet_id: int | None = None, story_id: int | None = None,
    language: str | None = None, published_from: date | None = None, published_to: date | None = None,
    actor_id: int | None = None, limit: int = 50, offset: int = 0,
) -> tuple[int, list[m.DocumentOut]]:
    """Documents, newest first; `q` runs the full-text search (FTS5 / tsvector) and ranks by it."""
    snippets: dict[int, str] = {}
    query = select(*_document_columns()).outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
    if q:
        hits = search_documents(session, q, limit=10_000)
        snippets = {hit.document_id: hit.snippet for hit in hits}
        rank = {doc_id: i for i, doc_id in enumerate(snippets)}
        query = query.where(s.Document.id.in_(list(rank) or [-1]))
    if outlet_id is not None:
        query = query.where(s.Document.outlet_id == outlet_id)
    if story_id is not None:
        query = query.where(s.Document.story_id == story_id)
    if language:
        query = query.where(s.Document.language == language)
    if published_from:
        query = query.where(s.Document.published >= published_from)
    if published_to:
        query = query.where(s.Document.published <= published_to)
    if actor_id is not None:
        query = query.where(exists().where(s.Mention.document_id == s.Document.id, s.Mention.actor_id == actor_id))
    if q:
        rows = list(session.execute(query))
        rows.sort(key=lambda row: rank[row[0].id])
        return len(rows), [_document_out(d, o, snippets.get(d.id)) for d, o in rows[offset : offset + limit]]
    total, rows = page(session, query.order_by(s.Document.published.desc(), s.Document.id.desc()), limit, offset)
    return total, [_document_out(d, o) for d, o in rows]


def get_document(session: Session, document_id: int) -> m.DocumentDetail | None:
    row = session.execute(
        select(*_document_columns()).outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id).where(s.Document.id == document_id)
    ).first()
    if row is None:
        return None
    document, outlet = row
    return m.DocumentDetail(
        **_document_out(document, outlet).model_dump(), text=document.text, annotations=annotations(session, document_id),
        post=post_of(session, document_id),
    )


def annotations(session: Session, document_id: int) -> list[m.Annotation]:
    """Every highlighted stretch of a document: mentions, statement parts, event triggers, by position."""
    found: list[m.Annotation] = []
    for mention in session.scalars(select(s.Mention).where(s.Mention.document_id == document_id)):
        found.append(m.Annotation(kind="mention", start=mention.start, end=mention.end, label=mention.label, ref=mention.id, actor_id=mention.actor_id))
    for st in session.scalars(select(s.Statement).where(s.Statement.document_id == document_id)):
        found.append(m.Annotation(kind="content", start=st.content_start, end=st.content_end, label=st.certainty, ref=st.id))
        if st.source_start is not None and st.source_end is not None:
            found.append(m.Annotation(kind="source", start=st.source_start, end=st.source_end, label=st.source_type, ref=st.id, actor_id=st.source_actor_id))
        if st.cue_start is not None and st.cue_end is not None:
            found.append(m.Annotation(kind="cue", start=st.cue_start, end=st.cue_end, label="cue", ref=st.id))
    for event in session.scalars(select(s.Event).where(s.Event.document_id == document_id)):
        found.append(m.Annotation(kind="event", start=event.start, end=event.end, label=event.event_type, ref=event.id, actor_id=event.actor1_id))
    return sorted(found, key=lambda a: (a.start, -a.end))


@dataclass(slots=True)
class Copy:
    """One member of a copy family: the original (`copy_of_id` None) or a copy of it, and why."""

    id: int
    title: str | None
    published: date | None
    outlet: str | None
    copy_of_id: int | None
    copy_reason: str | None

    @property
    def is_original(self) -> bool:
        return self.copy_of_id is None


def copy_family(session: Session, document_id: int) -> list[Copy] | None:
    """The document's original and all its copies, original first; None if there is no such document."""
    found = session.get(s.Document, document_id)
    if found is None:
        return None
    root_id = found.copy_of_id or found.id
    rows = session.execute(
        select(s.Document, s.Outlet.key)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .where((s.Document.id == root_id) | (s.Document.copy_of_id == root_id))
        .order_by(s.Document.published, s.Document.id)
    ).all()
    return [
        Copy(d.id, d.title, d.published, outlet, None if d.id == root_id else d.copy_of_id, d.copy_reason)
        for d, outlet in sorted(rows, key=lambda r: r[0].id != root_id)
    ]


def story_explanation(session: Session, document_id: int) -> str:
    """Why the document is in its story (relate/stories.py)."""
    from factfile.relate.stories import explain

    return explain(session, session.get(s.Document, document_id))
