"""Disputes: where sources disagree about one attribute of an actor, an event or a story's claims.

Each dispute has two or more sides; each side its value, who says it (sources), how sure they sound
(certainty), the independent outlets behind it (a copy counts for its original) and its evidence
sentences with their documents and dates. The same records feed `factfile disputes`, `/api/disputes`,
the disputes page and the "Disputed" sections of dossiers and events.

    disputes(store_or_session, actor=12)     # an actor's profile and its events
    disputes(store_or_session, event=40)     # the reports of one happening
    disputes(store_or_session, story=3)      # a story's events and claims confirmed vs denied
    disputes(store_or_session)               # the whole store (the most recent first, `limit`)
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factfile.read.actors import live_actor
from factfile.read.sql import OUTLET_NAME
from factfile.relate import contradictions
from factfile.relate.contradictions import Contradiction
from factfile.relate.corroboration import reports_of
from factfile.store import schema as s

MAX_EVIDENCE = 3  # sentences shown per side
MAX_EVENTS = 10  # an actor's most recent events searched for disputes


@dataclass(slots=True)
class Evidence:
    document_id: int
    title: str | None
    outlet: str | None
    published: date | None
    sentence: str
    said_by: str | None


@dataclass(slots=True)
class Side:
    value: str
    sources: list[str]  # who says it (statement sources, else the outlets)
    outlets: list[str]  # independent outlets: copies count for their original
    certainty: list[str]  # asserted / reported / hedged / denied, as the reports present it
    documents: list[int]
    dates: list[date]  # publication dates of its documents
    when: list[str] = field(default_factory=list)  # the times its evidence sentences name ("June last year": 2022-06)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Dispute:
    subject_kind: str  # actor | event | story (a slot of its happening) | statement
    subject_id: int
    subject: str  # the actor's name, the event's type and place, the story's label, the claim's words
    attribute: str  # size, founded, fatalities, date, place, happened, certainty, counts killed, who did it ...
    kind: str  # numbers, dates, places, values, confirmed vs denied
    sides: list[Side]

    @property
    def key(self) -> str:
        return f"{self.subject_kind}-{self.subject_id}-{self.attribute}"


def disputes(
    session_or_kb, actor: int | str | None = None, event: int | None = None, story: int | None = None, limit: int = 100
) -> list[Dispute]:
    """The disputes about an actor (its profile and its events), an event, a story, or the whole store.

    `session_or_kb`: a SQLAlchemy session or a `Store`. `actor`: an id or a name (or alias)."""
    opened = session_or_kb.session() if hasattr(session_or_kb, "session") else nullcontext(session_or_kb)
    with opened as session:
        found: list[Contradiction] = []
        if actor is not None:
            actor_id = _actor_id(session, actor)
            if actor_id is None:
                return []
            found += contradictions.for_actor(session, actor_id)
            found += _event_disputes(session, _events_of_actor(session, actor_id))
        if event is not None:
            found += _event_disputes(session, [event])
        if story is not None:
            events = session.scalars(
                select(s.Event.id).join(s.Document, s.Document.id == s.Event.document_id).where(s.Document.story_id == story)
            ).all()
            found += _story_disputes(session, story, events)
        if actor is None and event is None and story is None:
            found = _whole_store(session, limit)
        return [_dispute(session, c) for c in _unique(found)[:limit]]


def _actor_id(session: Session, actor: int | str) -> int | None:
    if isinstance(actor, int) or str(actor).isdigit():
        live = live_actor(session, int(actor))
        return live.id if live else None
    from factfile.read.actors import find_actors

    matches = find_actors(session, str(actor), limit=1)
    return matches[0].actor.id if matches else None


def _events_of_actor(session: Session, actor_id: int) -> list[int]:
    return session.scalars(
        select(s.Event.id)
        .where((s.Event.actor1_id == actor_id) | (s.Event.actor2_id == actor_id))
        .order_by(s.Event.date_start.desc(), s.Event.id.desc())
        .limit(MAX_EVENTS)
    ).all()


def _event_disputes(session: Session, event_ids) -> list[Contradiction]:
    """Each happening once, read from its first report (`contradictions.first_reports`) so that a story, an
    event and each actor of it show the same dispute; a dispute sharing a report with one found before is
    that one seen from another report (the reports matched to each differ a little)."""
    found, covered = [], set()
    shown: dict[str, set[int]] = defaultdict(set)
    anchor = contradictions.first_reports(session, event_ids)
    event_ids = list(dict.fromkeys(anchor[e] for e in event_ids))
    # One query for all the events and two for all their reports; held here, `for_event`'s look-ups of the events find them in the session.
    stored = {event.id: event for event in session.scalars(select(s.Event).where(s.Event.id.in_(list(event_ids))))}
    reports = reports_of(session, stored.values())
    read = contradictions.report_reads(session, (e for found in reports.values() for e in found))
    for event_id in event_ids:
        if event_id in covered or event_id not in stored:
            continue
        covered.add(event_id)
        for conflict in contradictions.for_event(session, event_id, reports[event_id], read):
            rows = {row for side in conflict.sides for row in side.rows}
            if conflict.table == "events":
                covered.update(rows)
                if rows & shown[conflict.attribute]:
                    continue
                shown[conflict.attribute] |= rows
            found.append(conflict)
    return found


def _story_disputes(session: Session, story_id: int, event_ids) -> list[Contradiction]:
    """The story's events' disputes, then its claims' (a statement already shown as a report of a
    disputed event is not shown again as a claim confirmed and denied)."""
    events = _event_disputes(session, event_ids)
    rows = {row for conflict in events if conflict.table == "events" for side in conflict.sides for row in side.rows}
    shown = set(session.scalars(select(s.Event.statement_id).where(s.Event.id.in_(rows), s.Event.statement_id.is_not(None)))) if rows else set()
    return events + contradictions.for_story(session, story_id, shown=shown)


def _whole_store(session: Session, limit: int) -> list[Contradiction]:
    """Actors with more than one value of a single-valued predicate, then the latest stories."""
    found: list[Contradiction] = []
    actors = session.scalars(
        select(s.Fact.actor_id)
        .where(s.Fact.actor_id.is_not(None), s.Fact.predicate.in_(contradictions.SINGLE_VALUED))
        .group_by(s.Fact.actor_id, s.Fact.predicate)
        .having(func.count(func.distinct(s.Fact.value)) > 1)
        .order_by(s.Fact.actor_id)
    ).all()
    for actor_id in dict.fromkeys(actors):
        found += contradictions.for_actor(session, actor_id)
        if len(found) >= limit:
            return found
    stories = session.scalars(
        select(s.Document.story_id)
        .where(s.Document.story_id.is_not(None))
        .group_by(s.Document.story_id)
        .having(func.count() > 1)
        .order_by(func.max(s.Document.published).desc(), s.Document.story_id.desc())
        .limit(limit)
    ).all()
    for story_id in stories:
        events = session.scalars(
            select(s.Event.id).join(s.Document, s.Document.id == s.Event.document_id).where(s.Document.story_id == story_id)
        ).all()
        found += _story_disputes(session, story_id, events)
        if len(found) >= limit:
            break
    return found


def _unique(found: list[Contradiction]) -> list[Contradiction]:
    seen, kept = set(), []
    for conflict in found:
        key = (conflict.table, conflict.attribute, frozenset(row for side in conflict.sides for row in side.rows))
        if key not in seen:
            seen.add(key)
            kept.append(conflict)
    return kept


_MODELS = {"facts": s.Fact, "quantities": s.Quantity, "events": s.Event, "statements": s.Statement}


def _dispute(session: Session, conflict: Contradiction) -> Dispute:
    kind, _, number = conflict.subject.partition(" ")
    subject_id = int(number)
    return Dispute(kind, subject_id, _subject_label(session, kind, subject_id), conflict.attribute, conflict.kind,
                   [_side(session, conflict.table, side) for side in conflict.sides])


def _subject_label(session: Session, kind: str, subject_id: int) -> str:
    if kind == "actor":
        return session.scalar(select(s.Actor.name).where(s.Actor.id == subject_id)) or f"actor {subject_id}"
    if kind == "event":
        row = session.execute(
            select(s.Event.event_type, s.Event.date_start, s.Place.name).outerjoin(s.Place, s.Place.id == s.Event.place_id).where(s.Event.id == subject_id)
        ).first()
        if row is None:
            return f"event {subject_id}"
        return " ".join(str(part) for part in (row.event_type, f"in {row.name}" if row.name else None, f"on {row.date_start}" if row.date_start else None) if part)
    if kind == "story":
        return session.scalar(select(s.Story.label).where(s.Story.id == subject_id)) or f"story {subject_id}"
    content = session.scalar(select(s.Statement.content_text).where(s.Statement.id == subject_id))
    return content or f"statement {subject_id}"


def _side(session: Session, table: str, side: contradictions.Side) -> Side:
    model = _MODELS[table]
    rows = sorted(side.rows)
    if table == "statements":
        start, end = func.coalesce(func.min(s.Statement.source_start, s.Statement.content_start), s.Statement.content_start), s.Statement.content_end
        certainty_of = s.Statement.certainty
        statement_id = s.Statement.id
    else:
        start, end = model.sent_start, model.sent_end
        certainty_of = s.Event.certainty if table == "events" else None
        statement_id = model.statement_id
    said = s.Statement.source_text
    query = (
        select(
            model.id, s.Document.id, s.Document.title, OUTLET_NAME,
            s.Document.published, func.substr(s.Document.text, start + 1, end - start), said,
            certainty_of if certainty_of is not None else s.Statement.certainty, start, end,
        )
        .join(s.Document, s.Document.id == model.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .where(model.id.in_(rows))
        .order_by(s.Document.published.is_(None), s.Document.published, s.Document.id, model.id)  # dated reports first, on every database
    )
    if table != "statements":
        query = query.outerjoin(s.Statement, s.Statement.id == statement_id)
    evidence, certainty, dates, spans = [], [], [], []
    for _, document_id, title, outlet, published, sentence, said_by, sure, begin, finish in session.execute(query):
        if sure:
            certainty.append(sure)
        if published:
            dates.append(published)
        spans.append((document_id, begin, finish))
        if len(evidence) < MAX_EVIDENCE:
            evidence.append(Evidence(document_id, title, outlet, published, " ".join((sentence or "").split()), said_by))
    return Side(
        value=side.value, sources=side.sources, outlets=side.outlets, certainty=sorted(set(certainty)) or ["asserted"],
        documents=side.documents, dates=sorted(set(dates)), when=_times_in(session, spans), evidence=evidence,
    )


def _times_in(session: Session, spans: list[tuple[int, int, int]]) -> list[str]:
    """The time expressions inside the evidence spans, with what they resolve to."""
    if not spans:
        return []
    found = []
    for document_id, text, start, end, day, precision in session.execute(
        select(s.TimeExpression.document_id, s.TimeExpression.text, s.TimeExpression.start, s.TimeExpression.end,
               s.TimeExpression.date_start, s.TimeExpression.precision)
        .where(s.TimeExpression.document_id.in_({d for d, _, _ in spans}))
        .order_by(s.TimeExpression.document_id, s.TimeExpression.start)
    ):
        if any(d == document_id and begin <= start and end <= finish for d, begin, finish in spans):
            resolved = {"year": "%Y", "month": "%Y-%m"}.get(precision or "", "%Y-%m-%d")
            found.append(f"{text} ({day.strftime(resolved)})" if day else text)
    return list(dict.fromkeys(found))
