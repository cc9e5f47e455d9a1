"""Outlets and stories: who publishes, who republishes, and which documents tell the same story.

An outlet's documents are counted one way everywhere: the `documents` counter the outlets relater
keeps up to date as documents are stored (relate/outlets.py), not a COUNT over the documents table.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from factfile.read import records as m
from factfile.read.sql import page
from factfile.relate.outlets import is_republisher
from factfile.store import schema as s


def _outlet_out(o: s.Outlet) -> m.OutletOut:
    return m.OutletOut(
        id=o.id, key=o.key, domain=o.domain, name=o.name, country=o.country, documents=o.documents or 0,
        copies=o.copies or 0, republisher_share=o.republisher_share, republisher=is_republisher(o),
    )


def list_outlets(session: Session, q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[m.OutletOut]]:
    """Outlets, most documents first."""
    query = select(s.Outlet).order_by(s.Outlet.documents.desc(), s.Outlet.key)
    if q:
        query = query.where(or_(s.Outlet.name.icontains(q), s.Outlet.domain.icontains(q)))
    total, rows = page(session, query, limit, offset)
    return total, [_outlet_out(o) for (o,) in rows]


def list_stories(session: Session, limit: int = 50, offset: int = 0) -> tuple[int, list[m.StoryOut]]:
    """Stories, largest first (`size` is kept by the stories relater; a story merged into another is empty)."""
    query = select(s.Story).where(s.Story.size > 0).order_by(s.Story.size.desc(), s.Story.id)
    total, rows = page(session, query, limit, offset)
    return total, [
        m.StoryOut(id=story.id, label=story.label, documents=story.size or 0,
                   first_published=story.first_published, last_published=story.last_published)
        for (story,) in rows
    ]


def story_of(session: Session, document_id: int) -> int | None:
    """The story the document is in."""
    return session.scalar(select(s.Document.story_id).where(s.Document.id == document_id))
