"""Watches: what is new about an actor, a story, a place or a search since its user last read it.

Every stored document carries the store's change number (`documents.seq`, given under the write lock in
commit order), and its statements, events and facts arrive with it. A watch keeps the last number its
user has read (`read_seq`); what is new is what arrived with a larger number:

- documents: new documents in the watch's scope (mentioning the actor or place, in the story, matching
  the search);
- claims: their statements in scope; each names its claim (the first statement, by arrival, making the
  same claim in other words, `relate/corroboration.py`) and whether it starts one (`new_claim`);
- events: their events in scope (the actor as actor 1 or 2, at the place);
- disputes: a dispute (`read/disputes.py`, computed when asked) is new or changed when the newest
  document on any of its sides arrived after the mark; its id is the dispute's key (subject, attribute),
  so a dispute that gains a side is the same item again, not another one;
- outlets: independent outlets (a copy counts for its original) of the new documents that no earlier
  document in scope came from.

Changes are ordered by (change number, kind, id), and a `Cursor` is a position in that order: the
changes after it are exactly those not yet seen, however the list is paged (`/api/changes?since=`).

The watches themselves are the user's rows, written here inside a transaction the caller opens
(`Store.transaction()`), like the reads take a snapshot.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from factfile.errors import BadArgument, NotFound
from factfile.read import records as m
from factfile.read.actors import actor_ids, find_actors, live_actor
from factfile.read.disputes import Dispute, disputes
from factfile.read.documents import search_documents
from factfile.read.events import EventFilter, list_events
from factfile.read.sql import OUTLET_NAME
from factfile.read.statements import StatementFilter, list_statements, statements_about
from factfile.relate.corroboration import claim_ids, independent_sources
from factfile.store import schema as s
from factfile.store.schema import as_utc
from factfile.store.writer import last_change

KINDS = ("actor", "story", "place", "search")
RANKS = {"document": 0, "claim": 1, "event": 2, "dispute": 3, "outlet": 4}
END = 9  # a cursor's rank after every change of its number
MAX_SEARCH_HITS = 100_000
MAX_SEQ = 2**63 - 1  # a change number the store's integers hold


class WatchOut(BaseModel):
    id: int
    kind: str
    target_id: int | None
    query: str
    label: str
    read_seq: int  # changes up to this number have been read
    created_at: datetime
    read_at: datetime | None
    unread: int | None = None  # changes after read_seq, when counted


class ChangeOut(BaseModel):
    id: str  # stable: statement-12, event-4, dispute-actor-3-size, outlet-bbc.com, document-7
    kind: str  # document | claim | event | dispute | outlet
    seq: int  # the change number it arrived with (a dispute: its newest document's)
    cursor: str  # the position just after it, for /api/changes?since=
    arrived: datetime | None
    document_id: int | None
    summary: str
    link: str  # the page showing it
    claim_id: int | None = None  # claims: the first statement making the same claim
    new_claim: bool | None = None  # claims: no earlier statement makes it
    statement: m.StatementOut | None = None
    event: m.EventOut | None = None
    dispute: dict | None = None
    outlet: str | None = None


class ChangesOut(BaseModel):
    watch: WatchOut | None
    since: str  # the cursor asked from
    head: int  # the store's last change number when read: marking read up to it marks exactly these read
    next: str  # ask from here for what follows (the next page, or what arrives later)
    more: bool  # another page follows now
    items: list[ChangeOut]


@dataclass(frozen=True, slots=True)
class Cursor:
    """A position in the order of changes: every change up to (seq, rank, key) has been seen."""

    seq: int
    rank: int = END
    key: str = ""

    def token(self) -> str:
        return base64.urlsafe_b64encode(f"{self.seq}:{self.rank}:{self.key}".encode()).decode().rstrip("=")

    @classmethod
    def parse(cls, token: str) -> Cursor:
        """A token given by `token()`, or a bare change number (everything up to it seen)."""
        token = token.strip()
        if (seq := _number(token)) is not None:
            return cls(seq)
        try:
            seq, rank, key = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode().split(":", 2)
            cursor = cls(int(seq), int(rank), key)
        except (ValueError, binascii.Error, UnicodeDecodeError) as error:
            raise BadArgument(f"not a change cursor: {token[:40]!r}") from error
        if not (0 <= cursor.seq <= MAX_SEQ and 0 <= cursor.rank <= END):
            raise BadArgument(f"not a change cursor: {token[:40]!r}")
        return cursor

    def before(self, seq: int, rank: int, key: str) -> bool:
        return (self.seq, self.rank, self.key) < (seq, rank, key)


def _number(text: str) -> int | None:
    """`text` as an id when it is one: ASCII digits that fit the store's integers ("²" is a digit to Python, not to int)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None


# the watches themselves


def add_watch(session: Session, kind: str, target: str, from_start: bool = False) -> WatchOut:
    """Save a watch on `target` (a name, an id, or search words); everything stored so far counts as read
    unless `from_start`. `NotFound` if nothing in the store is called `target`."""
    if kind not in KINDS:
        raise BadArgument(f"a watch is on one of {', '.join(KINDS)}, not {kind!r}")
    target = target.strip()
    if not target:
        raise BadArgument("a watch needs something to watch")
    target_id, label = _resolve(session, kind, target)
    watch = s.Watch(kind=kind, target_id=target_id, query=target, label=label, read_seq=0 if from_start else last_change(session))
    session.add(watch)
    session.flush()
    return watch_out(watch)


def _resolve(session: Session, kind: str, target: str) -> tuple[int | None, str]:
    if kind == "actor":
        actor = live_actor(session, number) if (number := _number(target)) is not None else None
        if actor is None:
            matches = find_actors(session, target, limit=1)
            actor = matches[0].actor if matches else None
        if actor is None:
            raise NotFound(f"no actor called {target!r}")
        return actor.id, actor.name
    if kind == "story":
        story = session.get(s.Story, number) if (number := _number(target)) is not None else None
        if story is None:
            raise NotFound(f"no story {target!r} (stories are named by their id: factfile stories)")
        return story.id, story.label or f"story {story.id}"
    if kind == "place":
        place = session.get(s.Place, number) if (number := _number(target)) is not None else None
        if place is None:
            place = session.scalars(
                select(s.Place)
                .outerjoin(s.Mention, s.Mention.place_id == s.Place.id)
                .where(func.lower(s.Place.name) == target.casefold())
                .group_by(s.Place.id)
                .order_by(func.count(s.Mention.id).desc(), s.Place.id)
                .limit(1)
            ).first()
        if place is None:
            raise NotFound(f"no place called {target!r}")
        return place.id, place.name
    return None, f"“{target}”"


def watch_out(watch: s.Watch, unread: int | None = None) -> WatchOut:
    return WatchOut(
        id=watch.id, kind=watch.kind, target_id=watch.target_id, query=watch.query, label=watch.label, read_seq=watch.read_seq,
        created_at=as_utc(watch.created_at), read_at=as_utc(watch.read_at), unread=unread,
    )


def list_watches(session: Session, count_unread: bool = False) -> list[WatchOut]:
    watches = session.scalars(select(s.Watch).order_by(s.Watch.id)).all()
    return [watch_out(w, len(_changes(session, w, Cursor(w.read_seq), last_change(session))) if count_unread else None) for w in watches]


def get_watch(session: Session, watch_id: int) -> WatchOut | None:
    watch = session.get(s.Watch, watch_id)
    return watch_out(watch) if watch is not None else None


def find_watch(session: Session, ref: str | int) -> WatchOut:
    """A watch by id, or by what it watches (its label or the words it was made with); `NotFound` if none."""
    text = str(ref).strip()
    if (number := _number(text)) is not None and (watch := session.get(s.Watch, number)) is not None:
        return watch_out(watch)
    found = session.scalars(
        select(s.Watch).where(or_(func.lower(s.Watch.label) == text.casefold(), func.lower(s.Watch.query) == text.casefold())).order_by(s.Watch.id)
    ).first()
    if found is None:
        raise NotFound(f"no watch {text!r} (factfile watch list)")
    return watch_out(found)


def watches_on(session: Session, kind: str, target_id: int) -> list[WatchOut]:
    """The watches on one actor, story or place (an actor's page marks what is new for the first)."""
    if kind == "actor":
        ids = actor_ids(session, target_id)
        return [watch_out(w) for w in session.scalars(select(s.Watch).where(s.Watch.kind == kind).order_by(s.Watch.id))
                if w.target_id in ids or _live_id(session, w) == target_id]
    return [watch_out(w) for w in session.scalars(select(s.Watch).where(s.Watch.kind == kind, s.Watch.target_id == target_id).order_by(s.Watch.id))]


def remove_watch(session: Session, watch_id: int) -> bool:
    watch = session.get(s.Watch, watch_id)
    if watch is None:
        return False
    session.delete(watch)
    return True


def mark_read(session: Session, watch_id: int, through: int | None = None) -> WatchOut:
    """Mark the watch read up to change `through` (default: everything stored now); `NotFound` if no such watch.

    Give the `head` of the changes the user saw, so that what arrived while they read stays new."""
    watch = session.get(s.Watch, watch_id)
    if watch is None:
        raise NotFound(f"no watch with id {watch_id}")
    head = last_change(session)
    watch.read_seq = head if through is None else max(0, min(through, head))
    watch.read_at = datetime.now(UTC)
    session.flush()
    return watch_out(watch)


# what is new


def changes(session: Session, watch_id: int | None = None, since: Cursor | str | None = None, limit: int | None = None) -> ChangesOut:
    """The changes after `since` (a cursor or its token; default: the watch's last read, or the beginning),
    in arrival order, at most `limit`; for one watch, or every document, statement and event of the store."""
    watch = session.get(s.Watch, watch_id) if watch_id is not None else None
    if watch_id is not None and watch is None:
        raise NotFound(f"no watch with id {watch_id}")
    if isinstance(since, str):
        since = Cursor.parse(since)
    if since is None:
        since = Cursor(watch.read_seq if watch is not None else 0)
    head = last_change(session)
    found = _changes(session, watch, since, head)
    page = found if limit is None else found[:limit]
    more = len(page) < len(found)
    following = page[-1].cursor if more else Cursor(max(head, since.seq)).token()
    return ChangesOut(watch=watch_out(watch) if watch is not None else None, since=since.token(), head=head, next=following, more=more, items=page)


def new_ids(found: ChangesOut | None) -> dict[str, set]:
    """The changes by kind, for marks on pages: statement and event ids under "claim" and "event", document
    ids, dispute keys, outlet names; all empty without changes."""
    ids: dict[str, set] = {kind: set() for kind in RANKS}
    for change in found.items if found is not None else ():
        item = change.id.split("-", 1)[1]
        ids[change.kind].add(int(item) if change.kind in ("document", "claim", "event") else item)
    return ids


@dataclass(slots=True)
class _Scope:
    documents: object  # condition on documents
    statements: object | None  # condition on statements, beyond being in a document in scope
    events: object | None
    disputes: list[Dispute]


def _changes(session: Session, watch: s.Watch | None, since: Cursor, head: int) -> list[ChangeOut]:
    floor = since.seq if since.rank == END else since.seq - 1  # changes with a larger number are candidates
    scope = _scope(session, watch, floor)
    arrived = _arrivals(session, and_(s.Document.seq > floor, s.Document.seq <= head, scope.documents))
    found = [_document_change(doc_id, seq, at, title, outlet) for doc_id, (seq, at, title, outlet) in arrived.items()]
    found += _claims(session, arrived, scope.statements)
    found += _events(session, arrived, scope.events)
    found += _disputes(session, scope.disputes, floor)
    if watch is not None:
        found += _outlets(session, arrived, and_(s.Document.seq <= floor, scope.documents))
    found.sort(key=lambda change: (change.seq, RANKS[change.kind], _key(change)))
    return [change for change in found if since.before(change.seq, RANKS[change.kind], _key(change))]


def _key(change: ChangeOut) -> str:
    """The id's sort key within a change number: numeric ids padded so that 9 < 10."""
    tail = change.id.split("-", 1)[1]
    return tail.zfill(20) if tail.isdigit() else tail


def _cursor(seq: int, kind: str, item: str) -> str:
    return Cursor(seq, RANKS[kind], item.zfill(20) if item.isdigit() else item).token()


def _live_id(session: Session, watch: s.Watch) -> int | None:
    actor = live_actor(session, watch.target_id) if watch.target_id is not None else None
    return actor.id if actor is not None else None


def _scope(session: Session, watch: s.Watch | None, floor: int) -> _Scope:
    if watch is None:
        return _Scope(s.Document.id.is_not(None), None, None, [])
    if watch.kind == "actor":
        live = _live_id(session, watch)
        ids = actor_ids(session, live) if live is not None else [-1]
        mentioned = exists().where(s.Mention.document_id == s.Document.id, s.Mention.actor_id.in_(ids))
        statements = or_(s.Statement.source_actor_id.in_(ids), s.Statement.id.in_(statements_about(ids)))
        events = or_(s.Event.actor1_id.in_(ids), s.Event.actor2_id.in_(ids))
        return _Scope(mentioned, statements, events, disputes(session, actor=live, limit=500) if live is not None else [])
    if watch.kind == "story":
        return _Scope(s.Document.story_id == watch.target_id, None, None, disputes(session, story=watch.target_id, limit=500))
    if watch.kind == "place":
        name = session.scalar(select(s.Place.name).where(s.Place.id == watch.target_id)) or ""
        places = select(s.Place.id).where(func.lower(s.Place.name) == name.casefold())
        mentioned = exists().where(s.Mention.document_id == s.Document.id, s.Mention.place_id.in_(places))
        located = exists().where(s.Event.document_id == s.Document.id, s.Event.place_id.in_(places))
        inside = (
            select(s.Statement.id)
            .join(s.Mention, and_(s.Mention.document_id == s.Statement.document_id, s.Mention.start >= s.Statement.content_start,
                                  s.Mention.end <= s.Statement.content_end))
            .where(s.Mention.place_id.in_(places))
        )
        new_events = session.scalars(
            select(s.Event.id).join(s.Document, s.Document.id == s.Event.document_id).where(s.Event.place_id.in_(places), s.Document.seq > floor)
        ).all()
        found = {d.key: d for event_id in new_events for d in disputes(session, event=event_id)}
        return _Scope(or_(mentioned, located), s.Statement.id.in_(inside), s.Event.place_id.in_(places), list(found.values()))
    hits = [hit.document_id for hit in search_documents(session, watch.query, limit=MAX_SEARCH_HITS)]
    stories = session.scalars(
        select(s.Document.story_id).where(s.Document.id.in_(hits), s.Document.seq > floor, s.Document.story_id.is_not(None)).distinct()
    ).all()
    found = {d.key: d for story_id in stories for d in disputes(session, story=story_id)}
    return _Scope(s.Document.id.in_(hits or [-1]), None, None, list(found.values()))


def _arrivals(session: Session, where) -> dict[int, tuple[int, datetime | None, str | None, str | None]]:
    """Documents matching `where`: id -> (change number, when stored, title, outlet)."""
    rows = session.execute(
        select(s.Document.id, s.Document.seq, s.Document.ingested_at, s.Document.title, OUTLET_NAME)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .where(where)
        .order_by(s.Document.seq)
    )
    return {doc_id: (seq, as_utc(at), title, outlet) for doc_id, seq, at, title, outlet in rows}


def _document_change(doc_id: int, seq: int, at: datetime | None, title: str | None, outlet: str | None) -> ChangeOut:
    return ChangeOut(
        id=f"document-{doc_id}", kind="document", seq=seq, cursor=_cursor(seq, "document", str(doc_id)), arrived=at,
        document_id=doc_id, summary=f"{title or '(untitled)'}" + (f" — {outlet}" if outlet else ""), link=f"/documents/{doc_id}",
    )


def _claims(session: Session, arrived: dict, condition) -> list[ChangeOut]:
    if not arrived:
        return []
    query = select(s.Statement.id).where(s.Statement.document_id.in_(list(arrived)), s.Statement.marked_wrong.is_(False))
    ids = list(session.scalars(query.where(condition) if condition is not None else query))
    if not ids:
        return []
    _, rows = list_statements(session, StatementFilter(ids=ids, include_wrong=False), limit=len(ids))
    claim_of = claim_ids(session, ids)
    found = []
    for st in rows:
        seq, at, _, _ = arrived[st.document_id]
        first = claim_of.get(st.id, st.id)
        source = st.source_actor or st.source_text or "the article"
        found.append(ChangeOut(
            id=f"statement-{st.id}", kind="claim", seq=seq, cursor=_cursor(seq, "claim", str(st.id)), arrived=at,
            document_id=st.document_id, summary=f"{source} ({st.certainty}): {st.content_text}",
            link=f"/documents/{st.document_id}?hl={st.content_start}-{st.content_end}#focus",
            claim_id=first, new_claim=first == st.id, statement=st,
        ))
    return found


def _events(session: Session, arrived: dict, condition) -> list[ChangeOut]:
    if not arrived:
        return []
    query = select(s.Event.id).where(s.Event.document_id.in_(list(arrived)))
    ids = list(session.scalars(query.where(condition) if condition is not None else query))
    if not ids:
        return []
    _, rows = list_events(session, EventFilter(ids=ids), limit=len(ids))
    found = []
    for ev in rows:
        seq, at, _, _ = arrived[ev.document_id]
        what = " ".join(part for part in (
            ev.event_type + (f" / {ev.sub_type}" if ev.sub_type else ""), ev.actor1 or "", ev.trigger_text,
            f"in {ev.place.name}" if ev.place else "", f"on {ev.date_start}" if ev.date_start else "",
        ) if part)
        found.append(ChangeOut(
            id=f"event-{ev.id}", kind="event", seq=seq, cursor=_cursor(seq, "event", str(ev.id)), arrived=at, document_id=ev.document_id,
            summary=f"{what} ({ev.certainty})", link=f"/documents/{ev.document_id}?hl={ev.start}-{ev.end}#focus", event=ev,
        ))
    return found


def _disputes(session: Session, found: list[Dispute], floor: int) -> list[ChangeOut]:
    documents = {doc for d in found for side in d.sides for doc in side.documents}
    if not documents:
        return []
    arrival = {doc_id: (seq, as_utc(at)) for doc_id, seq, at in session.execute(
        select(s.Document.id, s.Document.seq, s.Document.ingested_at).where(s.Document.id.in_(documents), s.Document.seq.is_not(None))
    )}
    changed = []
    for dispute in found:
        newest = max((arrival[doc] for side in dispute.sides for doc in side.documents if doc in arrival), default=None, key=lambda a: a[0])
        if newest is None or newest[0] <= floor:
            continue
        seq, at = newest
        values = " / ".join(side.value for side in dispute.sides)
        record = _plain(dispute)
        changed.append(ChangeOut(
            id=f"dispute-{dispute.key}", kind="dispute", seq=seq, cursor=_cursor(seq, "dispute", dispute.key), arrived=at, document_id=None,
            summary=f"{dispute.subject}: {dispute.attribute} disputed ({values})", link=_dispute_link(dispute), dispute=record,
        ))
    return changed


def _plain(dispute: Dispute) -> dict:
    return asdict(dispute) | {"key": dispute.key}


def _dispute_link(dispute: Dispute) -> str:
    if dispute.subject_kind in ("actor", "event"):
        return f"/disputes?{dispute.subject_kind}_id={dispute.subject_id}"
    return "/disputes"


def _outlets(session: Session, arrived: dict, earlier) -> list[ChangeOut]:
    """Independent outlets behind the new documents that no earlier document in scope came from."""
    if not arrived:
        return []
    before = session.scalars(select(s.Document.id).where(earlier)).all()
    _, known = independent_sources(session, before)
    seen, found = set(known), []
    for doc_id, (seq, at, _, _) in arrived.items():  # in arrival order
        for outlet in independent_sources(session, [doc_id])[1]:
            if outlet in seen:
                continue
            seen.add(outlet)
            found.append(ChangeOut(
                id=f"outlet-{outlet}", kind="outlet", seq=seq, cursor=_cursor(seq, "outlet", outlet), arrived=at, document_id=doc_id,
                summary=f"a new independent outlet: {outlet}", link=f"/documents/{doc_id}", outlet=outlet,
            ))
    return found
