"""Statements read back from the store: who said what, how sure, with the passage as evidence.

Shared by `factfile statements` and the dossier's "what it said" / "what others said about it".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.serve.events import actor_ids
from factfile.store import schema as s
from factfile.store.queries import find_actors


@dataclass(slots=True)
class StatementLine:
    """One attribution with the passage it comes from; `highlight` marks the content in `passage`."""

    statement_id: int
    document_id: int
    title: str | None
    outlet: str | None
    published: date | None
    source: str | None  # the source as the article words it
    source_actor: str | None  # the actor it was resolved to
    source_actor_id: int | None
    source_type: str
    cue: str | None
    content: str
    certainty: str
    hedges: list[str]
    direct: bool
    passage: str
    highlight: tuple[int, int]


def _passage_bounds():
    """First and last offset of source, cue and content (portable LEAST/GREATEST)."""
    content_start, content_end = s.Statement.content_start, s.Statement.content_end
    cue_start = func.coalesce(s.Statement.cue_start, content_start)
    cue_end = func.coalesce(s.Statement.cue_end, content_end)
    source_start = func.coalesce(s.Statement.source_start, content_start)
    source_end = func.coalesce(s.Statement.source_end, content_end)
    first = case((cue_start < content_start, cue_start), else_=content_start)
    first = case((source_start < first, source_start), else_=first)
    last = case((cue_end > content_end, cue_end), else_=content_end)
    last = case((source_end > last, source_end), else_=last)
    return first, last


def _query() -> Select:
    start, end = _passage_bounds()
    speaker = aliased(s.Actor)
    return (
        select(
            s.Statement,
            s.Document.title,
            func.coalesce(s.Outlet.name, s.Outlet.domain, s.Document.site),
            s.Document.published,
            speaker.name,
            start,
            func.substr(s.Document.text, start + 1, end - start),
        )
        .join(s.Document, s.Document.id == s.Statement.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .outerjoin(speaker, speaker.id == s.Statement.source_actor_id)
        .where(s.Statement.marked_wrong.is_(False))
        .order_by(s.Document.published, s.Document.id, s.Statement.content_start)
    )


def _lines(session: Session, query: Select) -> list[StatementLine]:
    lines = []
    for st, title, outlet, published, speaker, start, passage in session.execute(query):
        lines.append(
            StatementLine(
                statement_id=st.id,
                document_id=st.document_id,
                title=title,
                outlet=outlet,
                published=published,
                source=st.source_text,
                source_actor=speaker,
                source_actor_id=st.source_actor_id,
                source_type=st.source_type,
                cue=st.cue_text,
                content=st.content_text,
                certainty=st.certainty,
                hedges=list(st.hedges or []),
                direct=bool(st.direct),
                passage=passage or st.content_text,
                highlight=(st.content_start - start, st.content_end - start),
            )
        )
    return lines


def statements_about(actor_ids: list[int]) -> Select:
    """Ids of statements whose content mentions one of the actors (a mention lies inside the content).

    Starts from the actors' mentions (indexed by actor, then document) and joins the statements of
    those documents, so the cost follows how often the actor is mentioned, not the size of the store."""
    return (
        select(s.Statement.id)
        .join(
            s.Mention,
            and_(
                s.Mention.document_id == s.Statement.document_id,
                s.Mention.start >= s.Statement.content_start,
                s.Mention.end <= s.Statement.content_end,
            ),
        )
        .where(s.Mention.actor_id == actor_ids[0] if len(actor_ids) == 1 else s.Mention.actor_id.in_(actor_ids))
    )


def _about(actor_ids: list[int]):
    return s.Statement.id.in_(statements_about(actor_ids))


def said_by(session: Session, actor_id: int, limit: int = 50, ids: list[int] | None = None) -> list[StatementLine]:
    """The actor's latest `limit` statements (by storage order, an index walk), by publication date.
    `ids`: the actor and those merged into it, when the caller has them (`serve.events.actor_ids`)."""
    ids = ids or actor_ids(session, actor_id)
    latest = select(s.Statement.id).where(s.Statement.source_actor_id.in_(ids), s.Statement.marked_wrong.is_(False))
    chosen = list(session.scalars(latest.order_by(s.Statement.id.desc()).limit(limit)))
    return _lines(session, _query().where(s.Statement.id.in_(chosen))) if chosen else []


def said_about(session: Session, actor_id: int, limit: int = 50, ids: list[int] | None = None) -> list[StatementLine]:
    """Attributed statements by others whose content mentions the actor: those of the latest documents.

    Walks the actor's mentions from the newest document back (the mentions index is ordered by actor,
    then document) and stops once `limit` statements are found, instead of joining every mention."""
    ids = ids or actor_ids(session, actor_id)
    query = (
        statements_about(ids)
        .where(
            s.Statement.source_type != "article",
            s.Statement.marked_wrong.is_(False),
            or_(s.Statement.source_actor_id.is_(None), s.Statement.source_actor_id.not_in(ids)),
        )
        .order_by(s.Mention.document_id.desc(), s.Mention.start)
    )
    rows = 4 * limit
    while True:
        found = list(session.scalars(query.limit(rows)))
        chosen = list(dict.fromkeys(found))[:limit]
        if len(chosen) >= limit or len(found) < rows:
            break
        rows *= 4  # statements mentioning it several times: look further back
    return _lines(session, _query().where(s.Statement.id.in_(chosen))) if chosen else []


def find_statements(
    session: Session,
    source: str | None = None,
    actor: str | None = None,
    certainty: str | None = None,
    include_article: bool = False,
    limit: int = 50,
) -> list[StatementLine]:
    """Statements filtered by who says them (`source`: actor name or words of the source), by an actor
    their content mentions, and by certainty. The article's own assertions only when asked for."""
    query = _query()
    if source:
        ids = [i for match in find_actors(session, source) if match.score >= 90 for i in actor_ids(session, match.actor.id)]
        query = query.where(or_(s.Statement.source_actor_id.in_(ids), s.Statement.source_text.ilike(f"%{source}%")))
    if actor:
        ids = [i for match in find_actors(session, actor) if match.score >= 90 for i in actor_ids(session, match.actor.id)]
        query = query.where(_about(ids) if ids else and_(False))
    if certainty:
        query = query.where(s.Statement.certainty == certainty)
    if not include_article:
        query = query.where(s.Statement.source_type != "article")
    return _lines(session, query.limit(limit))
