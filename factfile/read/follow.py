"""The feeds `factfile follow` polls and how each stands: when it was polled and will be next, its
failures, and how many of its items are stored, still waiting, or given up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from factfile.store import schema as s
from factfile.store.schema import as_utc


@dataclass(frozen=True, slots=True)
class FollowedFeed:
    id: int
    url: str
    kind: str | None  # feed | page, once it answered
    title: str | None
    conditional: bool  # it gave an ETag or Last-Modified: the next poll is a conditional request
    polled_at: datetime | None
    changed_at: datetime | None
    next_poll_at: datetime | None
    failures: int
    problem: str | None
    items: int
    stored: int
    pending: int  # queued or fetched, not yet stored
    failed: int


def followed(session: Session) -> list[FollowedFeed]:
    item = s.FeedItem
    counts = (
        select(
            item.feed_id,
            func.count().label("n_items"),
            func.sum(case((item.state == "stored", 1), else_=0)).label("n_stored"),
            func.sum(case((item.state.in_(("queued", "fetched")), 1), else_=0)).label("n_pending"),
            func.sum(case((item.state == "failed", 1), else_=0)).label("n_failed"),
        )
        .group_by(item.feed_id)
        .subquery()
    )
    rows = session.execute(
        select(s.FollowedFeed, counts.c.n_items, counts.c.n_stored, counts.c.n_pending, counts.c.n_failed)
        .outerjoin(counts, counts.c.feed_id == s.FollowedFeed.id)
        .order_by(s.FollowedFeed.id)
    )
    return [
        FollowedFeed(
            id=feed.id, url=feed.url, kind=feed.kind, title=feed.title, conditional=bool(feed.etag or feed.last_modified),
            polled_at=as_utc(feed.polled_at), changed_at=as_utc(feed.changed_at), next_poll_at=as_utc(feed.next_poll_at),
            failures=feed.failures or 0, problem=feed.problem,
            items=items or 0, stored=stored or 0, pending=pending or 0, failed=failed or 0,
        )
        for feed, items, stored, pending, failed in rows
    ]
