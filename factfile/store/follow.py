"""The state `factfile follow` keeps in the store: each followed feed's validators, poll times and
failures, and each item's step (queued, fetched, stored, failed).

Every function works inside the caller's transaction. The follower commits each step on its own (a
feed's new items together with the validators that make the next request conditional; a fetched page
before it is analysed; `stored` inside the document's own write transaction), so a kill at any
moment loses no item and makes no request or analysis be repeated that had already counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from factfile.records import FeedEntry
from factfile.store import schema as s

PENDING = ("queued", "fetched")


def add_feeds(session: Session, urls: Iterable[str]) -> list[s.FollowedFeed]:
    """The feeds at `urls`, followed from now on if they were not yet, in the order given."""
    feeds = []
    for url in dict.fromkeys(urls):
        feed = session.scalar(select(s.FollowedFeed).where(s.FollowedFeed.url == url))
        if feed is None:
            feed = s.FollowedFeed(url=url)
            session.add(feed)
            session.flush()
        feeds.append(feed)
    return feeds


def feeds(session: Session, ids: Iterable[int] | None = None) -> list[s.FollowedFeed]:
    query = select(s.FollowedFeed).order_by(s.FollowedFeed.id)
    if ids is not None:
        query = query.where(s.FollowedFeed.id.in_(list(ids)))
    return list(session.scalars(query))


def polled(
    session: Session, feed_id: int, now: datetime, next_poll_at: datetime, *, changed: bool = False,
    kind: str | None = None, title: str | None = None, etag: str | None = None, last_modified: str | None = None,
) -> None:
    """A poll that got an answer: 304 (`changed` False) or new content with its validators."""
    values: dict = dict(polled_at=now, next_poll_at=next_poll_at, retry_at=None, failures=0, problem=None)
    if changed:
        values.update(changed_at=now, kind=kind, title=title, etag=etag, last_modified=last_modified)
    session.execute(update(s.FollowedFeed).where(s.FollowedFeed.id == feed_id).values(**values))


def poll_failed(session: Session, feed_id: int, now: datetime, problem: str, retry_at: datetime) -> int:
    """Count a failed poll; the number of failures in a row."""
    feed = session.get(s.FollowedFeed, feed_id)
    feed.failures = (feed.failures or 0) + 1
    feed.polled_at, feed.retry_at, feed.next_poll_at, feed.problem = now, retry_at, retry_at, problem
    return feed.failures


def add_entries(session: Session, feed_id: int, entries: Iterable[FeedEntry], now: datetime) -> tuple[int, int]:
    """Queue the entries not seen before, and those the publisher changed since; (new, changed).

    A changed entry keeps its page's validators, so its page is asked for conditionally."""
    entries = list(entries)
    known = {
        item.key: item
        for item in session.scalars(select(s.FeedItem).where(s.FeedItem.feed_id == feed_id, s.FeedItem.key.in_([e.key for e in entries])))
    }
    new = changed = 0
    for entry in entries:
        item = known.get(entry.key)
        if item is None:
            session.add(s.FeedItem(
                feed_id=feed_id, key=entry.key, url=entry.link, title=entry.title, author=entry.author,
                published=entry.published, body=entry.body, fingerprint=entry.fingerprint, state="queued", seen_at=now,
            ))
            new += 1
        elif item.fingerprint != entry.fingerprint:
            item.url, item.title, item.author, item.published, item.body = entry.link, entry.title, entry.author, entry.published, entry.body
            item.fingerprint = entry.fingerprint
            if item.state not in PENDING:
                item.state, item.failures, item.problem = "queued", 0, None
            changed += 1
    session.flush()
    return new, changed


def add_page(
    session: Session, feed_id: int, url: str, fingerprint: str, payload: bytes, kind: str, final_url: str, encoding: str | None,
    etag: str | None, last_modified: str | None, now: datetime,
) -> bool:
    """A followed page's new content, fetched: whether it differs from the content last seen."""
    item = session.scalar(select(s.FeedItem).where(s.FeedItem.feed_id == feed_id, s.FeedItem.key == url))
    if item is not None and item.fingerprint == fingerprint:
        return False
    if item is None:
        item = s.FeedItem(feed_id=feed_id, key=url, url=url, seen_at=now, state="fetched", fingerprint=fingerprint)
        session.add(item)
    item.fingerprint, item.failures, item.problem = fingerprint, 0, None
    _fetched(item, payload, kind, final_url, encoding, etag, last_modified, now)
    session.flush()
    return True


def pending(session: Session, feed_ids: Iterable[int]) -> list[s.FeedItem]:
    """Items still to fetch or store, oldest first."""
    query = select(s.FeedItem).where(s.FeedItem.feed_id.in_(list(feed_ids)), s.FeedItem.state.in_(PENDING)).order_by(s.FeedItem.id)
    return list(session.scalars(query))


def fetched(
    session: Session, item_id: int, payload: bytes, kind: str, final_url: str, encoding: str | None,
    etag: str | None, last_modified: str | None, now: datetime,
) -> None:
    _fetched(session.get(s.FeedItem, item_id), payload, kind, final_url, encoding, etag, last_modified, now)


def _fetched(item: s.FeedItem, payload: bytes, kind: str, final_url: str, encoding: str | None, etag: str | None, last_modified: str | None, now: datetime) -> None:
    item.state, item.payload, item.payload_kind, item.payload_url, item.encoding = "fetched", payload, kind, final_url, encoding
    item.etag, item.last_modified, item.fetched_at = etag, last_modified, now


def stored(session: Session, item_id: int, document_id: int | None, now: datetime) -> None:
    """The item's text is in the store: as document `document_id`, or already there (None) or unchanged."""
    item = session.get(s.FeedItem, item_id)
    item.state, item.payload, item.stored_at, item.problem = "stored", None, now, None
    if document_id is not None:
        item.document_id = document_id


def item_failed(session: Session, item_id: int, problem: str, give_up: bool) -> int:
    """Count a failed attempt; the item is `failed` for good when `give_up`. The failures so far."""
    item = session.get(s.FeedItem, item_id)
    item.failures = (item.failures or 0) + 1
    item.problem = problem
    if give_up:  # and its page is asked for whole if the entry changes: nothing of it is stored
        item.state, item.payload, item.etag, item.last_modified = "failed", None, None, None
    return item.failures
