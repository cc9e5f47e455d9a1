"""Stored events, filtered by actor, date and distance, each with its place, its source and its sentence.

One query feeds `factfile events`, the ACLED and GeoJSON exports and the dossier's events section.
Dates filter by overlap: an event dated "early March" is found by a search from 5 March.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.store import schema as s
from factfile.store.queries import sentence_of

EARTH_KM = 6371.0
# columns an EventRow takes as they are stored (the rest are renamed or joined)
EVENT_FIELDS = ("id", "document_id", "event_type", "sub_type", "date_start", "date_end", "date_precision", "fatalities", "certainty")
PLACE_FIELDS = ("latitude", "longitude", "country_code", "admin1", "admin2", "feature_code", "geonames_id")


@dataclass(slots=True)
class EventRow:
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
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    feature_code: str | None
    geonames_id: int | None
    fatalities: int | None
    certainty: str
    reported_by: str | None  # the statement's source: "the Legion", "Russian propaganda portals"
    sentence: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    distance_km: float | None = None


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
            func.coalesce(s.Outlet.name, s.Outlet.domain, s.Document.site),
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
            **{name: getattr(place, name) if place else None for name in PLACE_FIELDS},
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


def actor_ids(session: Session, actor_id: int) -> list[int]:
    """The actor and those merged into it."""
    ids, frontier = {actor_id}, [actor_id]
    while frontier:
        merged = [i for (i,) in session.execute(select(s.Actor.id).where(s.Actor.merged_into_id.in_(frontier)))]
        frontier = [i for i in merged if i not in ids]
        ids |= set(frontier)
    return sorted(ids)
