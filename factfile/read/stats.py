"""What the store holds, in figures: counts per table, languages, the largest outlets and actors."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factfile.store import schema as s


def counts(session: Session) -> dict[str, int]:
    tables = {
        "documents": s.Document, "outlets": s.Outlet, "mentions": s.Mention, "actors": s.Actor,
        "aliases": s.Alias, "facts": s.Fact, "statements": s.Statement, "events": s.Event,
        "places": s.Place, "quantities": s.Quantity, "stories": s.Story,
    }
    result = {name: session.scalar(select(func.count()).select_from(model)) or 0 for name, model in tables.items()}
    result["actors"] = session.scalar(select(func.count()).select_from(s.Actor).where(s.Actor.merged_into_id.is_(None))) or 0
    return result


def top_actors(session: Session, limit: int = 10, kinds: tuple[str, ...] | None = None) -> list[tuple[s.Actor, int, int]]:
    """Actors with most mentions: (actor, mentions, documents)."""
    stmt = (
        select(s.Actor, func.count(s.Mention.id), func.count(func.distinct(s.Mention.document_id)))
        .join(s.Mention, s.Mention.actor_id == s.Actor.id)
        .where(s.Actor.merged_into_id.is_(None))
        .group_by(s.Actor.id)
        .order_by(func.count(s.Mention.id).desc())
        .limit(limit)
    )
    if kinds:
        stmt = stmt.where(s.Actor.kind.in_(kinds))
    return [(a, n, d) for a, n, d in session.execute(stmt)]


def languages(session: Session) -> list[tuple[str | None, int]]:
    return list(
        session.execute(
            select(s.Document.language, func.count()).group_by(s.Document.language).order_by(func.count().desc())
        ).tuples()
    )


def top_outlets(session: Session, limit: int = 10) -> list[tuple[str, int]]:
    return list(
        session.execute(
            select(func.coalesce(s.Outlet.name, s.Outlet.key), func.count(s.Document.id))
            .join(s.Document, s.Document.outlet_id == s.Outlet.id)
            .group_by(s.Outlet.id)
            .order_by(func.count(s.Document.id).desc())
            .limit(limit)
        ).tuples()
    )
