"""Where sources disagree: the same attribute of the same actor or event with incompatible values.

- facts: one actor, one single-valued predicate ("founded", "size", "based_in", "leader" ...) with
  different values: numbers whose ranges do not overlap, different years or dates, different places;
- quantities: one actor or event, the same thing counted ("soldiers", "killed"), numbers that do not
  overlap (an approximate number tolerates a margin);
- events: one happening (see corroboration.same_events) with different fatalities, dates or places;
- statements: the same content confirmed by one source and denied by another, within one story.

Each side lists its value, documents, the independent outlets behind them (copies collapsed, see
corroboration.independent_sources) and who says it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from factfile.extract.facts import SINGLE_VALUED
from factfile.relate.corroboration import SAME_CONTENT, independent_sources, normalise_value, same_events
from factfile.store.schema import Document, Event, Fact, Place, Quantity, Statement

APPROXIMATE_MARGIN = 0.2  # "about 100" is compatible with 80-120
_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(slots=True)
class Side:
    """One value and everything that supports it."""

    value: str
    documents: list[int]
    outlets: list[str]  # independent outlets (copies collapsed to their originals)
    sources: list[str]  # who says it: statement sources, else the outlets
    rows: list[int]  # ids of the facts, quantities, events or statements


@dataclass(slots=True)
class Contradiction:
    subject: str  # "actor 12", "event 40", "statement 7"
    attribute: str  # predicate, "fatalities", "date", "place", "counts soldiers", "certainty"
    kind: str  # "numbers", "dates", "places", "values", "confirmed vs denied"
    sides: list[Side]


def numbers_in(text: str) -> list[float]:
    values = []
    for match in _NUMBER.findall(text):
        cleaned = match.rstrip(".,").replace(",", "")
        try:
            values.append(float(cleaned))
        except ValueError:
            continue
    return values


def _ranges_overlap(a: tuple[float, float, bool], b: tuple[float, float, bool]) -> bool:
    def widen(r):
        low, high, approximate = r
        margin = APPROXIMATE_MARGIN * max(abs(low), abs(high)) if approximate else 0.0
        return low - margin, high + margin

    (a_low, a_high), (b_low, b_high) = widen(a), widen(b)
    return a_low <= b_high and b_low <= a_high


def _side(session: Session, value: str, rows: list[tuple[int, int, str | None]]) -> Side:
    """rows: (row id, document id, who says it)."""
    documents = sorted({doc for _, doc, _ in rows})
    _, outlets = independent_sources(session, documents)
    sources = sorted({who for _, _, who in rows if who}) or outlets
    return Side(value, documents, outlets, sources, sorted({row for row, _, _ in rows}))


def _sides(session: Session, clusters: list[list[str]], groups: dict[str, list], sayer: dict[int, str], label: dict[str, str] | None = None) -> list[Side]:
    """One side per cluster of values; `groups` maps each value to its rows (facts, quantities or events)."""
    return [
        _side(
            session,
            " / ".join(label[v] if label else v for v in cluster),
            [(row.id, row.document_id, sayer.get(row.statement_id)) for v in cluster for row in groups[v]],
        )
        for cluster in clusters
    ]


def _split(groups: dict[str, list], compatible: Callable[[str, str], bool]) -> list[list[str]]:
    """Merge values that are compatible with each other; more than one cluster left is a conflict."""
    clusters: list[list[str]] = []
    for value in sorted(groups, key=lambda v: (-len(groups[v]), v)):
        for cluster in clusters:
            if all(compatible(value, other) for other in cluster):
                cluster.append(value)
                break
        else:
            clusters.append([value])
    return clusters


def _fact_values_compatible(a: str, b: str) -> bool:
    na, nb = numbers_in(a), numbers_in(b)
    if na and nb:
        return _ranges_overlap((min(na), max(na), False), (min(nb), max(nb), False))
    a_norm, b_norm = normalise_value(a), normalise_value(b)
    return a_norm == b_norm or a_norm in b_norm or b_norm in a_norm or fuzz.token_set_ratio(a_norm, b_norm) >= 90


def _kind_of(values: Iterable[str], predicate: str) -> str:
    if predicate in {"based_in", "headquarters"}:
        return "places"
    if predicate in {"founded", "born", "died"}:
        return "dates"
    return "numbers" if all(numbers_in(v) for v in values) else "values"


def for_actor(session: Session, actor_id: int) -> list[Contradiction]:
    """Conflicting facts and quantities about one actor."""
    found = []
    facts = session.scalars(
        select(Fact).where(Fact.actor_id == actor_id, Fact.predicate.in_(SINGLE_VALUED)).order_by(Fact.id)
    ).all()
    by_predicate: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        by_predicate[fact.predicate][fact.value.strip()].append(fact)
    sayer = _statement_sources(session, [f.statement_id for f in facts])
    for predicate, values in sorted(by_predicate.items()):
        clusters = _split(values, _fact_values_compatible)
        if len(clusters) > 1:
            sides = _sides(session, clusters, values, sayer)
            found.append(Contradiction(f"actor {actor_id}", predicate, _kind_of(values, predicate), sides))
    quantities = session.scalars(select(Quantity).where(Quantity.actor_id == actor_id).order_by(Quantity.id)).all()
    found += _quantity_conflicts(session, f"actor {actor_id}", quantities)
    return found


def _quantity_conflicts(session: Session, subject: str, quantities: list[Quantity]) -> list[Contradiction]:
    by_counts: dict[str, list[Quantity]] = defaultdict(list)
    for quantity in quantities:
        if quantity.counts:
            by_counts[normalise_value(quantity.counts)].append(quantity)
    sayer = _statement_sources(session, [q.statement_id for q in quantities])
    found = []
    for counts, rows in sorted(by_counts.items()):
        groups: dict[str, list[Quantity]] = defaultdict(list)
        for q in rows:
            groups[q.text.strip()].append(q)
        span = {v: (g[0].value, g[0].value_max or g[0].value, g[0].approximate) for v, g in groups.items()}
        clusters = _split(groups, lambda a, b, span=span: _ranges_overlap(span[a], span[b]))
        if len(clusters) > 1:
            found.append(Contradiction(subject, f"counts {counts}", "numbers", _sides(session, clusters, groups, sayer)))
    return found


def for_event(session: Session, event_id: int) -> list[Contradiction]:
    """Conflicting fatalities, dates, places and counts among the reports of one happening."""
    event = session.get(Event, event_id)
    if event is None:
        return []
    reports = same_events(session, event)
    sayer = _statement_sources(session, [e.statement_id for e in reports])
    subject = f"event {event_id}"
    found = []
    attributes: list[tuple[str, str, Callable[[Event], str | None], Callable[[str, str], bool]]] = [
        ("fatalities", "numbers", lambda e: str(e.fatalities) if e.fatalities is not None else None, lambda a, b: a == b),
        ("date", "dates", lambda e: e.date_start.isoformat() if e.date_start and e.date_precision == "day" else None, lambda a, b: a == b),
        ("place", "places", lambda e: str(e.place_id) if e.place_id is not None else None, lambda a, b: a == b),
    ]
    for attribute, kind, value_of, compatible in attributes:
        groups: dict[str, list[Event]] = defaultdict(list)
        for report in reports:
            value = value_of(report)
            if value is not None:
                groups[value].append(report)
        clusters = _split(groups, compatible)
        if len(clusters) > 1:
            label = _place_names(session, groups) if attribute == "place" else None
            found.append(Contradiction(subject, attribute, kind, _sides(session, clusters, groups, sayer, label)))
    quantities = session.scalars(
        select(Quantity).where(Quantity.event_id.in_([e.id for e in reports])).order_by(Quantity.id)
    ).all()
    return found + _quantity_conflicts(session, subject, quantities)


def for_statement(session: Session, statement_id: int) -> list[Contradiction]:
    """The same content confirmed by some and denied by others, within the statement's story."""
    statement = session.get(Statement, statement_id)
    if statement is None:
        return []
    story_id = session.scalar(select(Document.story_id).where(Document.id == statement.document_id))
    scope = (
        select(Document.id).where(Document.story_id == story_id)
        if story_id is not None
        else select(Document.id).where(Document.id == statement.document_id)
    )
    peers = session.scalars(
        select(Statement).where(Statement.document_id.in_(scope), Statement.marked_wrong.is_(False)).order_by(Statement.id)
    ).all()
    same = [
        p for p in peers if p.id == statement.id or fuzz.token_set_ratio(statement.content_text, p.content_text) >= SAME_CONTENT
    ]
    denied = [p for p in same if p.certainty == "denied"]
    confirmed = [p for p in same if p.certainty != "denied"]
    if not denied or not confirmed:
        return []
    sides = [
        _side(session, label, [(p.id, p.document_id, p.source_text) for p in group])
        for label, group in (("confirmed", confirmed), ("denied", denied))
    ]
    return [Contradiction(f"statement {statement_id}", "certainty", "confirmed vs denied", sides)]


def _statement_sources(session: Session, statement_ids: Iterable[int | None]) -> dict[int, str]:
    ids = {i for i in statement_ids if i is not None}
    if not ids:
        return {}
    return {
        i: text
        for i, text in session.execute(select(Statement.id, Statement.source_text).where(Statement.id.in_(ids)))
        if text
    }


def _place_names(session: Session, groups: dict[str, list]) -> dict[str, str]:
    ids = [int(v) for v in groups]
    names = {i: name for i, name in session.execute(select(Place.id, Place.name).where(Place.id.in_(ids)))}
    return {v: names.get(int(v), f"place {v}") for v in groups}
