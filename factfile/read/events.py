"""Stored events, filtered by actor, date and distance, each with its place, its source and its sentence.

`find_events` feeds `factfile events`, the ACLED and GeoJSON exports and the dossier's events section;
`list_events` pages through them for the REST API and the web pages, and `list_places` lists places.
Dates filter by overlap: an event dated "early March" is found by a search from 5 March.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.read import records as m
from factfile.read.sql import OUTLET_NAME, page, sentence_of
from factfile.store import schema as s

EARTH_KM = 6371.0
# columns an EventRow takes as they are stored (the rest are renamed or joined)
EVENT_FIELDS = (
    "id", "document_id", "event_type", "sub_type", "date_start", "date_end", "date_precision", "fatalities", "certainty",
    "actor1_acled", "actor2_acled",
)


@dataclass(slots=True, kw_only=True)
class EventRow(m.Location):
    """One event with its place's `Location` columns flat, as the ACLED and GeoJSON exports and DataFrames want them."""

    id: int
    document_id: int
    event_type: str
    sub_type: str | None
    trigger: str
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    actor1: str | None
    actor2: str | None
    place: str | None
    fatalities: int | None
    certainty: str
    reported_by: str | None  # the statement's source: "the Legion", "Russian propaganda portals"
    sentence: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    distance_km: float | None = None
    actor1_acled: str | None = None  # as ACLED names the party: "Military Forces of Russia", "Protesters (India)"
    actor2_acled: str | None = None


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def find_events(
    session: Session,
    actor_ids: Iterable[int] | None = None,
    start: date | None = None,
    end: date | None = None,
    near: tuple[float, float] | None = None,
    km: float = 50.0,
    limit: int | None = None,
) -> list[EventRow]:
    actor1, actor2 = aliased(s.Actor), aliased(s.Actor)
    query = (
        select(
            s.Event,
            actor1.name,
            actor2.name,
            s.Place,
            s.Statement.source_text,
            sentence_of(s.Event),
            s.Document.title,
            s.Document.url,
            OUTLET_NAME,
            s.Document.published,
        )
        .join(s.Document, s.Document.id == s.Event.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .outerjoin(actor1, actor1.id == s.Event.actor1_id)
        .outerjoin(actor2, actor2.id == s.Event.actor2_id)
        .outerjoin(s.Place, s.Place.id == s.Event.place_id)
        .outerjoin(s.Statement, s.Statement.id == s.Event.statement_id)
    )
    if actor_ids is not None:
        ids = list(actor_ids)
        query = query.where(or_(s.Event.actor1_id.in_(ids), s.Event.actor2_id.in_(ids)))
    if start is not None:
        query = query.where(func.coalesce(s.Event.date_end, s.Event.date_start) >= start)
    if end is not None:
        query = query.where(s.Event.date_start <= end)
    if near is not None:
        # a bounding box in SQL, the exact distance below
        dlat = math.degrees(km / EARTH_KM)
        dlon = dlat / max(0.01, math.cos(math.radians(near[0])))
        query = query.where(
            s.Place.latitude.between(near[0] - dlat, near[0] + dlat),
            s.Place.longitude.between(near[1] - dlon, near[1] + dlon),
        )
    query = query.order_by(s.Event.date_start.is_(None), s.Event.date_start, s.Event.document_id, s.Event.start)
    if limit is not None and near is None:  # with `near` the exact distance below drops rows
        query = query.limit(limit)
    found = []
    for event, name1, name2, place, source, sentence, title, url, outlet, published in session.execute(query):
        row = EventRow(
            **{name: getattr(event, name) for name in EVENT_FIELDS},
            **m.location_of(place),
            trigger=event.trigger_text,
            actor1=name1,
            actor2=name2,
            place=place.name if place else None,
            reported_by=source,
            sentence=" ".join(sentence.split()),
            title=title,
            url=url,
            outlet=outlet,
            published=published,
        )
        if near is not None:
            row.distance_km = km_between(near, (row.latitude, row.longitude))
            if row.distance_km > km:
                continue
        found.append(row)
        if limit is not None and len(found) >= limit:
            break
    return found


def locate(session: Session, name: str) -> tuple[str, float, float] | None:
    """Coordinates for a place name: a place the store already holds, else the gazetteer's largest match."""
    from factfile.extract.gazetteer import load_gazetteer

    stored = session.execute(
        select(s.Place.name, s.Place.latitude, s.Place.longitude)
        .where(func.lower(s.Place.name) == name.lower(), s.Place.latitude.is_not(None))
        .limit(1)
    ).first()
    if stored:
        return stored[0], stored[1], stored[2]
    gazetteer = load_gazetteer()
    candidates = gazetteer.lookup(name) or gazetteer.regions(name)
    if not candidates:
        return None
    best = max(candidates, key=lambda p: (p.kind == "country", p.population))
    return best.name, best.latitude, best.longitude


def _place_out(place: s.Place | None) -> m.PlaceOut | None:
    if place is None:
        return None
    return m.PlaceOut(id=place.id, name=place.name, **m.location_of(place))


def list_places(
    session: Session, q: str | None = None, resolved: bool | None = None, limit: int = 50, offset: int = 0
) -> tuple[int, list[m.PlaceOut]]:
    """Places, most mentioned first."""
    mentions = select(func.count()).where(s.Mention.place_id == s.Place.id).correlate(s.Place).scalar_subquery()
    query = select(s.Place, mentions.label("mentions")).order_by(mentions.desc(), s.Place.name, s.Place.id)
    if q:
        query = query.where(s.Place.name.icontains(q))
    if resolved is not None:
        query = query.where(s.Place.latitude.is_not(None) if resolved else s.Place.latitude.is_(None))
    total, rows = page(session, query, limit, offset, query.with_only_columns(s.Place.id))
    items = []
    for place, n in rows:
        item = _place_out(place)
        item.mentions = n
        items.append(item)
    return total, items


@dataclass(slots=True)
class EventFilter:
    event_type: str | None = None
    actor_id: int | None = None
    place_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    located: bool | None = None
    document_id: int | None = None
    ids: list[int] | None = None  # only these events


def list_events(session: Session, where: EventFilter, limit: int = 50, offset: int = 0) -> tuple[int, list[m.EventOut]]:
    actor1, actor2 = aliased(s.Actor), aliased(s.Actor)
    query = (
        select(s.Event, s.Document.title, OUTLET_NAME, sentence_of(s.Event), actor1.name, actor2.name, s.Place)
        .join(s.Document, s.Document.id == s.Event.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .outerjoin(actor1, actor1.id == s.Event.actor1_id)
        .outerjoin(actor2, actor2.id == s.Event.actor2_id)
        .outerjoin(s.Place, s.Place.id == s.Event.place_id)
        .order_by(s.Event.date_start.is_(None), s.Event.date_start, s.Event.id)
    )
    conditions = []
    if where.event_type:
        conditions.append(s.Event.event_type == where.event_type)
    if where.actor_id is not None:
        conditions.append(or_(s.Event.actor1_id == where.actor_id, s.Event.actor2_id == where.actor_id))
    if where.place_id is not None:
        conditions.append(s.Event.place_id == where.place_id)
    if where.date_from:
        conditions.append(func.coalesce(s.Event.date_end, s.Event.date_start) >= where.date_from)
    if where.date_to:
        conditions.append(s.Event.date_start <= where.date_to)
    if where.document_id is not None:
        conditions.append(s.Event.document_id == where.document_id)
    if where.ids is not None:
        conditions.append(s.Event.id.in_(where.ids))
    # Counted on the events alone (every join of the page is outer or to the event's own document, and so
    # keeps each event once): compiling the page's joins a second time cost more than the count.
    matching = select(s.Event.id).where(*conditions)
    if where.located is not None:
        located = and_(s.Place.latitude.is_not(None), s.Place.longitude.is_not(None))
        conditions.append(located if where.located else ~located)
        matching = matching.outerjoin(s.Place, s.Place.id == s.Event.place_id).where(conditions[-1])
    total, rows = page(session, query.where(*conditions), limit, offset, matching)
    return total, [
        m.EventOut(
            id=e.id, document_id=e.document_id, document_title=title, outlet=outlet, event_type=e.event_type, sub_type=e.sub_type,
            trigger_text=e.trigger_text, start=e.start, end=e.end, sentence=sentence, actor1_id=e.actor1_id, actor1=a1,
            actor2_id=e.actor2_id, actor2=a2, actor1_acled=e.actor1_acled, actor2_acled=e.actor2_acled, place=_place_out(place), date_start=e.date_start, date_end=e.date_end,
            date_precision=e.date_precision, fatalities=e.fatalities, certainty=e.certainty, statement_id=e.statement_id,
        )
        for e, title, outlet, sentence, a1, a2, place in rows
    ]
