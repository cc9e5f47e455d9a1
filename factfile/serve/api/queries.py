"""Filterable, paginated reads of the store, shared by the REST API and the web pages.

Every list function returns `(total, items)`; items are the API's response records. Queries that start
from an actor go through indexed columns (`mentions.actor_id`, `statements.source_actor_id`,
`events.actor1_id`/`actor2_id`) so a dossier stays fast in a large store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.extract.names import name_key
from factfile.relate.corroboration import for_statements
from factfile.serve.api import models as m
from factfile.serve.statements import statements_about
from factfile.store import queries as store_queries
from factfile.store import schema as s
from factfile.store.queries import sentence_of

OUTLET_NAME = func.coalesce(s.Outlet.name, s.Outlet.domain, s.Document.site)


def _page(session: Session, query: Select, limit: int, offset: int, count: Select | None = None) -> tuple[int, list]:
    """The total number of matches (from `count`, a cheaper query with the same filters, if given) and one page."""
    counted = (count if count is not None else query).order_by(None).subquery()
    total = session.scalar(select(func.count()).select_from(counted)) or 0
    return total, list(session.execute(query.limit(limit).offset(offset)))


# actors and aliases


def _mention_total(actor_id_column):
    return (
        select(func.coalesce(func.sum(s.Alias.mentions), 0))
        .where(s.Alias.actor_id == actor_id_column)
        .correlate_except(s.Alias)
        .scalar_subquery()
    )


def _actor_out(actor: s.Actor, mentions: int, aliases: list[s.Alias] | None = None) -> m.ActorOut:
    return m.ActorOut(
        id=actor.id, name=actor.name, kind=actor.kind, label=actor.label, mentions=int(mentions or 0),
        merged_into_id=actor.merged_into_id, aliases=[_alias_out(a) for a in aliases or []],
    )


def _alias_out(alias: s.Alias) -> m.AliasOut:
    return m.AliasOut(id=alias.id, actor_id=alias.actor_id, name=alias.name, mentions=alias.mentions, reason=alias.reason)


def list_actors(
    session: Session, q: str | None = None, kind: str | None = None, include_merged: bool = False,
    limit: int = 50, offset: int = 0,
) -> tuple[int, list[m.ActorOut]]:
    mentions = _mention_total(s.Actor.id).label("mentions")
    query = select(s.Actor, mentions).order_by(mentions.desc(), s.Actor.id)
    if not include_merged:
        query = query.where(s.Actor.merged_into_id.is_(None))
    if kind:
        query = query.where(s.Actor.kind == kind)
    if q and name_key(q):
        matching = select(s.Alias.actor_id).where(s.Alias.key.contains(name_key(q)))
        query = query.where(s.Actor.id.in_(matching))
    total, rows = _page(session, query, limit, offset)
    return total, [_actor_out(actor, n) for actor, n in rows]


def get_actor(session: Session, actor_id: int) -> m.ActorOut | None:
    actor = session.get(s.Actor, actor_id)
    if actor is None:
        return None
    aliases = list(session.scalars(select(s.Alias).where(s.Alias.actor_id == actor_id).order_by(s.Alias.mentions.desc(), s.Alias.name)))
    return _actor_out(actor, sum(a.mentions for a in aliases), aliases)


def list_aliases(
    session: Session, q: str | None = None, actor_id: int | None = None, limit: int = 50, offset: int = 0
) -> tuple[int, list[m.AliasOut]]:
    query = select(s.Alias).order_by(s.Alias.mentions.desc(), s.Alias.id)
    if actor_id is not None:
        query = query.where(s.Alias.actor_id == actor_id)
    if q and name_key(q):
        query = query.where(s.Alias.key.contains(name_key(q)))
    total, rows = _page(session, query, limit, offset)
    return total, [_alias_out(alias) for (alias,) in rows]


# outlets, stories, places


def list_outlets(session: Session, q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[m.OutletOut]]:
    documents = select(func.count()).where(s.Document.outlet_id == s.Outlet.id).correlate(s.Outlet).scalar_subquery()
    query = select(s.Outlet, documents.label("n")).order_by(documents.desc(), s.Outlet.id)
    if q:
        query = query.where(or_(s.Outlet.name.icontains(q), s.Outlet.domain.icontains(q)))
    total, rows = _page(session, query, limit, offset)
    return total, [
        m.OutletOut(id=o.id, key=o.key, domain=o.domain, name=o.name, country=o.country, documents=n) for o, n in rows
    ]


def list_stories(session: Session, limit: int = 50, offset: int = 0) -> tuple[int, list[m.StoryOut]]:
    documents = select(func.count()).where(s.Document.story_id == s.Story.id).correlate(s.Story).scalar_subquery()
    query = select(s.Story, documents.label("n")).order_by(documents.desc(), s.Story.id)
    total, rows = _page(session, query, limit, offset)
    return total, [m.StoryOut(id=story.id, label=story.label, documents=n) for story, n in rows]


def _place_out(place: s.Place | None) -> m.PlaceOut | None:
    if place is None:
        return None
    return m.PlaceOut(
        id=place.id, name=place.name, geonames_id=place.geonames_id, latitude=place.latitude, longitude=place.longitude,
        country_code=place.country_code, admin1=place.admin1, admin2=place.admin2, feature_code=place.feature_code,
    )


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
    total, rows = _page(session, query, limit, offset, query.with_only_columns(s.Place.id))
    items = []
    for place, n in rows:
        item = _place_out(place)
        item.mentions = n
        items.append(item)
    return total, items


# documents


def _document_columns():
    return (s.Document, OUTLET_NAME)


def _document_out(document: s.Document, outlet: str | None, snippet: str | None = None) -> m.DocumentOut:
    return m.DocumentOut(
        id=document.id, title=document.title, url=document.url, outlet_id=document.outlet_id, outlet=outlet,
        published=document.published, language=document.language, declared_source=document.declared_source,
        copy_of_id=document.copy_of_id, story_id=document.story_id, snippet=snippet,
    )


def list_documents(
    session: Session, q: str | None = None, outlet_id: int | None = None, story_id: int | None = None,
    language: str | None = None, published_from: date | None = None, published_to: date | None = None,
    actor_id: int | None = None, limit: int = 50, offset: int = 0,
) -> tuple[int, list[m.DocumentOut]]:
    """Documents, newest first; `q` runs the full-text search (FTS5 / tsvector) and ranks by it."""
    snippets: dict[int, str] = {}
    query = select(*_document_columns()).outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
    if q:
        hits = store_queries.search_documents(session, q, limit=10_000)
        snippets = {hit.document_id: hit.snippet for hit in hits}
        rank = {doc_id: i for i, doc_id in enumerate(snippets)}
        query = query.where(s.Document.id.in_(list(rank) or [-1]))
    if outlet_id is not None:
        query = query.where(s.Document.outlet_id == outlet_id)
    if story_id is not None:
        query = query.where(s.Document.story_id == story_id)
    if language:
        query = query.where(s.Document.language == language)
    if published_from:
        query = query.where(s.Document.published >= published_from)
    if published_to:
        query = query.where(s.Document.published <= published_to)
    if actor_id is not None:
        query = query.where(exists().where(s.Mention.document_id == s.Document.id, s.Mention.actor_id == actor_id))
    if q:
        rows = list(session.execute(query))
        rows.sort(key=lambda row: rank[row[0].id])
        return len(rows), [_document_out(d, o, snippets.get(d.id)) for d, o in rows[offset : offset + limit]]
    total, rows = _page(session, query.order_by(s.Document.published.desc(), s.Document.id.desc()), limit, offset)
    return total, [_document_out(d, o) for d, o in rows]


def get_document(session: Session, document_id: int) -> m.DocumentDetail | None:
    row = session.execute(
        select(*_document_columns()).outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id).where(s.Document.id == document_id)
    ).first()
    if row is None:
        return None
    document, outlet = row
    return m.DocumentDetail(**_document_out(document, outlet).model_dump(), text=document.text, annotations=annotations(session, document_id))


def annotations(session: Session, document_id: int) -> list[m.Annotation]:
    """Every highlighted stretch of a document: mentions, statement parts, event triggers, by position."""
    found: list[m.Annotation] = []
    for mention in session.scalars(select(s.Mention).where(s.Mention.document_id == document_id)):
        found.append(m.Annotation(kind="mention", start=mention.start, end=mention.end, label=mention.label, ref=mention.id, actor_id=mention.actor_id))
    for st in session.scalars(select(s.Statement).where(s.Statement.document_id == document_id)):
        found.append(m.Annotation(kind="content", start=st.content_start, end=st.content_end, label=st.certainty, ref=st.id))
        if st.source_start is not None and st.source_end is not None:
            found.append(m.Annotation(kind="source", start=st.source_start, end=st.source_end, label=st.source_type, ref=st.id, actor_id=st.source_actor_id))
        if st.cue_start is not None and st.cue_end is not None:
            found.append(m.Annotation(kind="cue", start=st.cue_start, end=st.cue_end, label="cue", ref=st.id))
    for event in session.scalars(select(s.Event).where(s.Event.document_id == document_id)):
        found.append(m.Annotation(kind="event", start=event.start, end=event.end, label=event.event_type, ref=event.id, actor_id=event.actor1_id))
    return sorted(found, key=lambda a: (a.start, -a.end))


# statements


def corroboration(session: Session, statement_ids: list[int]) -> dict[int, int]:
    """Independent outlets behind each statement, as the dossier and the CLI count them (relate/corroboration)."""
    return {item: support.count for item, support in for_statements(session, statement_ids).items()}


@dataclass(slots=True)
class StatementFilter:
    source_actor_id: int | None = None
    about_actor_id: int | None = None
    source: str | None = None  # words in the source's text or its actor's name
    source_type: str | None = None
    certainty: str | None = None
    min_corroboration: int | None = None
    max_corroboration: int | None = None
    document_id: int | None = None
    outlet_id: int | None = None
    include_wrong: bool = True


def list_statements(session: Session, where: StatementFilter, limit: int = 50, offset: int = 0) -> tuple[int, list[m.StatementOut]]:
    """Statements matching `where`, most recently stored first, with their document, outlet and corroboration.

    The filters are applied to the statements table alone (joining only what a filter needs), so counting
    the matches stays cheap; the page of rows is then joined to documents, outlets and actors.
    """
    source_actor = aliased(s.Actor)
    conditions = []
    if where.source_actor_id is not None:
        conditions.append(s.Statement.source_actor_id == where.source_actor_id)
    if where.about_actor_id is not None:
        conditions.append(s.Statement.id.in_(statements_about([where.about_actor_id])))
        conditions.append(or_(s.Statement.source_actor_id.is_(None), s.Statement.source_actor_id != where.about_actor_id))
    if where.source:
        named = select(s.Actor.id).where(s.Actor.name.icontains(where.source))
        conditions.append(or_(s.Statement.source_text.icontains(where.source), s.Statement.source_actor_id.in_(named)))
    if where.source_type:
        conditions.append(s.Statement.source_type == where.source_type)
    if where.certainty:
        conditions.append(s.Statement.certainty == where.certainty)
    if where.document_id is not None:
        conditions.append(s.Statement.document_id == where.document_id)
    if where.outlet_id is not None:
        conditions.append(s.Statement.document_id.in_(select(s.Document.id).where(s.Document.outlet_id == where.outlet_id)))
    if not where.include_wrong:
        conditions.append(s.Statement.marked_wrong.is_(False))
    query = (
        select(s.Statement, s.Document.title, OUTLET_NAME, s.Document.published, source_actor.name)
        .join(s.Document, s.Document.id == s.Statement.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .outerjoin(source_actor, source_actor.id == s.Statement.source_actor_id)
        .order_by(s.Statement.id.desc())
    )
    matching = select(s.Statement.id).where(*conditions)
    corroboration_filter = where.min_corroboration is not None or where.max_corroboration is not None
    if not corroboration_filter and where.about_actor_id is None:
        total, rows = _page(session, query.where(*conditions), limit, offset, matching)
        support = corroboration(session, [row[0].id for row in rows])
    else:
        # The ids are found once, then counted and paged: the "about" filter joins the actor's mentions to
        # their documents' statements, and corroboration is a fuzzy match computed in Python (not in SQL).
        ids = list(session.scalars(matching.order_by(s.Statement.id.desc())))
        if corroboration_filter:
            support = corroboration(session, ids)
            low, high = where.min_corroboration or 0, where.max_corroboration
            ids = [i for i in ids if low <= support.get(i, 0) and (high is None or support.get(i, 0) <= high)]
        page = ids[offset : offset + limit]
        if not corroboration_filter:
            support = corroboration(session, page)
        total, rows = len(ids), list(session.execute(query.where(s.Statement.id.in_(page))))
    return total, [
        m.StatementOut(
            id=st.id, document_id=st.document_id, document_title=title, outlet=outlet, published=published,
            source_text=st.source_text, source_type=st.source_type, source_actor_id=st.source_actor_id, source_actor=actor_name,
            cue_text=st.cue_text, content_text=st.content_text, content_start=st.content_start, content_end=st.content_end,
            direct=st.direct, certainty=st.certainty, hedges=st.hedges, marked_wrong=st.marked_wrong,
            corroboration=support.get(st.id, 0),
        )
        for st, title, outlet, published, actor_name in rows
    ]


# events


@dataclass(slots=True)
class EventFilter:
    event_type: str | None = None
    actor_id: int | None = None
    place_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    located: bool | None = None
    document_id: int | None = None


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
    if where.event_type:
        query = query.where(s.Event.event_type == where.event_type)
    if where.actor_id is not None:
        query = query.where(or_(s.Event.actor1_id == where.actor_id, s.Event.actor2_id == where.actor_id))
    if where.place_id is not None:
        query = query.where(s.Event.place_id == where.place_id)
    if where.date_from:
        query = query.where(func.coalesce(s.Event.date_end, s.Event.date_start) >= where.date_from)
    if where.date_to:
        query = query.where(s.Event.date_start <= where.date_to)
    if where.located is not None:
        located = and_(s.Place.latitude.is_not(None), s.Place.longitude.is_not(None))
        query = query.where(located if where.located else ~located)
    if where.document_id is not None:
        query = query.where(s.Event.document_id == where.document_id)
    total, rows = _page(session, query, limit, offset)
    return total, [
        m.EventOut(
            id=e.id, document_id=e.document_id, document_title=title, outlet=outlet, event_type=e.event_type, sub_type=e.sub_type,
            trigger_text=e.trigger_text, start=e.start, end=e.end, sentence=sentence, actor1_id=e.actor1_id, actor1=a1,
            actor2_id=e.actor2_id, actor2=a2, place=_place_out(place), date_start=e.date_start, date_end=e.date_end,
            date_precision=e.date_precision, fatalities=e.fatalities, certainty=e.certainty, statement_id=e.statement_id,
        )
        for e, title, outlet, sentence, a1, a2, place in rows
    ]


# search


def search(session: Session, q: str, limit: int = 10) -> m.SearchOut:
    actors = []
    for match in store_queries.find_actors(session, q, limit=limit):
        actors.append(_actor_out(match.actor, match.mentions))
    _, documents = list_documents(session, q=q, limit=limit)
    return m.SearchOut(actors=actors, documents=documents)
