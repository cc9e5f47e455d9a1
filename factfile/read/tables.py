"""Whole tables and the rows exports walk: one record per row, with evidence sentences and sources."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from factfile.errors import BadArgument
from factfile.read.sql import OUTLET_NAME, sentence_of
from factfile.store import schema as s

TABLES = {
    "documents": s.Document,
    "outlets": s.Outlet,
    "actors": s.Actor,
    "aliases": s.Alias,
    "mentions": s.Mention,
    "facts": s.Fact,
    "statements": s.Statement,
    "events": s.Event,
    "places": s.Place,
    "quantities": s.Quantity,
}
_WITH_SENTENCE = {s.Mention, s.Fact, s.Event, s.Quantity}


def rows(session: Session, table: str) -> Iterator[dict]:
    """Each row of `table` as a dict; rows with sentence offsets also carry the sentence text."""
    if table not in TABLES:
        raise BadArgument(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    model = TABLES[table]
    columns = [c.key for c in inspect(model).columns]
    query = select(model)
    if model in _WITH_SENTENCE:
        query = select(model, sentence_of(model)).join(s.Document, s.Document.id == model.document_id)
    elif model is s.Actor:
        aliases = (
            select(func.count()).where(s.Alias.actor_id == s.Actor.id).correlate(s.Actor).scalar_subquery()
        )
        query = select(model, aliases)
    for result in session.execute(query.order_by(model.id)).yield_per(1000):
        record = {c: _plain(getattr(result[0], c)) for c in columns}
        if model in _WITH_SENTENCE:
            record["sentence"] = result[1]
        if model is s.Actor:
            record["aliases"] = [
                a for (a,) in session.execute(
                    select(s.Alias.name).where(s.Alias.actor_id == result[0].id).order_by(s.Alias.mentions.desc())
                )
            ]
        yield record


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def live_actors_of_kinds(session: Session, kinds) -> dict[int, s.Actor]:
    """Actors not merged into another, of the given kinds, by id."""
    return {a.id: a for a in session.scalars(select(s.Actor).where(s.Actor.merged_into_id.is_(None), s.Actor.kind.in_(kinds)))}


def alias_names(session: Session) -> Iterator[tuple[int, str]]:
    """(actor id, alias) of every alias, each actor's most used first."""
    yield from session.execute(select(s.Alias.actor_id, s.Alias.name).order_by(s.Alias.actor_id, s.Alias.mentions.desc()))


def descriptions(session: Session) -> Iterator[tuple[int, str]]:
    """(actor id, description) pairs, each once."""
    yield from session.execute(select(s.Fact.actor_id, s.Fact.value).where(s.Fact.predicate == "description").distinct())


def document_headers(session: Session) -> Iterator[tuple]:
    """(id, title, url, published, author, outlet) of every document, by id."""
    query = (
        select(s.Document.id, s.Document.title, s.Document.url, s.Document.published, s.Document.author, OUTLET_NAME)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .order_by(s.Document.id)
    )
    yield from session.execute(query).yield_per(1000)


def first_mentions(session: Session, actor_ids) -> Iterator[tuple[int, int, str]]:
    """(actor id, document id, sentence) of the first sentence naming each actor in each document."""
    first_sentence = (
        select(s.Mention.actor_id, s.Mention.document_id, func.min(s.Mention.start).label("start"))
        .where(s.Mention.actor_id.in_(actor_ids))
        .group_by(s.Mention.actor_id, s.Mention.document_id)
        .subquery()
    )
    links = session.execute(
        select(s.Mention.actor_id, s.Mention.document_id, sentence_of(s.Mention))
        .join(first_sentence, (first_sentence.c.actor_id == s.Mention.actor_id)
              & (first_sentence.c.document_id == s.Mention.document_id) & (first_sentence.c.start == s.Mention.start))
        .join(s.Document, s.Document.id == s.Mention.document_id)
        .order_by(s.Mention.actor_id, s.Mention.document_id)
    )
    yield from links.yield_per(1000)


def mention_names(session: Session, actor_ids) -> Iterator[tuple[int, int, str]]:
    """(actor id, document id, name) of each distinct name an article used for one of the actors."""
    names = session.execute(
        select(s.Mention.actor_id, s.Mention.document_id, s.Mention.text)
        .where(s.Mention.actor_id.in_(actor_ids), s.Mention.role != "description")
        .distinct()
        .order_by(s.Mention.actor_id, s.Mention.document_id)
    )
    yield from names.yield_per(1000)
