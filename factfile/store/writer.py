"""Write one analysed article, with everything extracted from it, inside the caller's transaction.

The relate stage drives it (`relate.write.save`): `add_document` first, then the relaters map the
article's chains to stored actors, then `add_records` with those actor ids."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from factfile.records import Analysis, Article, PlaceRef, Post, location_of
from factfile.store import schema as s


def add_document(session: Session, article: Article) -> s.Document | None:
    """Store the document row; None if a document with the same content is stored."""
    _hold_write_lock(session)
    if session.scalar(select(s.Document.id).where(s.Document.content_hash == article.content_hash)) is not None:
        return None
    document = s.Document(
        content_hash=article.content_hash,
        origin=article.origin,
        url=article.url,
        title=article.title,
        author=article.author,
        published=article.published,
        site=article.site,
        outlet_id=channel_outlet_id(session, article.post.channel_key, article.post.channel) if article.post else _outlet_id(session, article.domain, article.site),
        language=article.language,
        declared_source=article.declared_source,
        text=article.text,
        warnings=article.warnings or None,
        seq=next_change(session),
    )
    session.add(document)
    session.flush()
    if article.post is not None:
        add_post(session, document.id, article.post)
    return document


def next_change(session: Session) -> int:
    """The next change number, taken inside the caller's write transaction (after `_hold_write_lock`):
    writers take turns, so numbers follow the order of commits, and a rolled-back write leaves its
    number to the next one."""
    counter = s.ChangeCounter.__table__
    raised = update(counter).where(counter.c.name == "changes").values(value=counter.c.value + 1).returning(counter.c.value)
    value = session.scalar(raised)
    if value is None:  # a store whose schema was not made by the migrations
        value = (session.scalar(select(func.max(s.Document.seq))) or 0) + 1
        session.execute(insert(counter).values(name="changes", value=value))
    return value


def last_change(session: Session) -> int:
    """The last change number given: every document stored so far has one up to it."""
    return session.scalar(select(s.ChangeCounter.value).where(s.ChangeCounter.name == "changes")) or 0

def add_post(session: Session, document_id: int, post: Post) -> None:
    session.add(s.Post(
        document_id=document_id, channel_key=post.channel_key, channel=post.channel[:255], message_id=post.message_id,
        posted_at=post.posted_at, reply_to_message_id=post.reply_to,
        forwarded_from=post.forwarded_from[:255] if post.forwarded_from else None,
        forwarded_from_key=post.forwarded_from_key, text_hash=post.text_hash, links=post.links or None, media=post.media,
    ))
    session.flush()


def channel_outlet_id(session: Session, key: str, name: str) -> int:
    """A Telegram channel's outlet, keyed by the channel (all posts are on t.me), named as the channel."""
    outlet_id = session.scalar(select(s.Outlet.id).where(s.Outlet.key == key))
    if outlet_id is None:
        outlet = s.Outlet(key=key, domain="t.me", name=name[:255])
        session.add(outlet)
        session.flush()
        outlet_id = outlet.id
    return outlet_id


def add_records(session: Session, analysis: Analysis, document: s.Document, actor_of_chain: dict[int, int]) -> list[int]:
    """Store the document's records, chains given as the store actors the relaters mapped them to;
    the new statements' ids, in the order of `analysis.statements`."""
    actor = actor_of_chain.get
    place_ids = _place_ids(session, analysis.places)
    place_of_mention = {p.mention: place_ids[i] for i, p in enumerate(analysis.places) if p.mention is not None}

    # The records go in as multi-row INSERTs without ORM objects: building and flushing one object per
    # row cost the writer more than the INSERTs themselves. Ids come back in row order where needed.
    _insert(session, s.Mention, [
        dict(
            document_id=document.id,
            start=m.span.start,
            end=m.span.end,
            text=m.span.text[:500],
            label=m.label,
            role=m.role,
            chain=m.chain,
            sent_start=m.sentence.start,
            sent_end=m.sentence.end,
            actor_id=actor(m.chain) if m.chain is not None else None,
            place_id=place_of_mention.get(i),
        )
        for i, m in enumerate(analysis.mentions)
    ])
    statement_ids = _insert(session, s.Statement, [
        dict(
            document_id=document.id,
            source_text=st.source.text if st.source else None,
            source_start=st.source.start if st.source else None,
            source_end=st.source.end if st.source else None,
            source_type=st.source_type,
            source_actor_id=actor(st.source_chain) if st.source_chain is not None else None,
            cue_text=st.cue.text[:500] if st.cue else None,
            cue_start=st.cue.start if st.cue else None,
            cue_end=st.cue.end if st.cue else None,
            content_text=st.content.text,
            content_start=st.content.start,
            content_end=st.content.end,
            direct=st.direct,
            certainty=st.certainty,
            hedges=st.hedges or None,
            framing=st.framing or None,
        )
        for st in analysis.statements
    ], returning=True)
    nested = [{"id": statement_ids[i], "parent_id": statement_ids[st.parent]} for i, st in enumerate(analysis.statements) if st.parent is not None]
    if nested:
        session.execute(update(s.Statement), nested)

    def statement_id(index: int | None) -> int | None:
        return statement_ids[index] if index is not None else None

    _insert(session, s.Fact, [
        dict(
            document_id=document.id,
            actor_id=actor(f.subject_chain),
            predicate=f.predicate,
            value=f.value,
            value_actor_id=actor(f.value_chain) if f.value_chain is not None else None,
            start=f.span.start,
            end=f.span.end,
            sent_start=f.sentence.start,
            sent_end=f.sentence.end,
            statement_id=statement_id(f.statement),
            source_actor_id=actor(f.source_chain) if f.source_chain is not None else None,
        )
        for f in analysis.facts
    ])
    _insert(session, s.TimeExpression, [
        dict(
            document_id=document.id,
            text=t.span.text[:255],
            start=t.span.start,
            end=t.span.end,
            date_start=t.start,
            date_end=t.end,
            precision=t.precision,
        )
        for t in analysis.times
    ])
    event_rows = []
    for e in analysis.events:
        time = analysis.times[e.time] if e.time is not None else None
        event_rows.append(
            dict(
                document_id=document.id,
                event_type=e.event_type,
                sub_type=e.sub_type,
                trigger_text=e.trigger.text[:255],
                start=e.trigger.start,
                end=e.trigger.end,
                sent_start=e.sentence.start,
                sent_end=e.sentence.end,
                actor1_id=actor(e.actor1_chain) if e.actor1_chain is not None else None,
                actor2_id=actor(e.actor2_chain) if e.actor2_chain is not None else None,
                actor1_acled=e.actor1_name[:255] if e.actor1_name else None,
                actor2_acled=e.actor2_name[:255] if e.actor2_name else None,
                place_id=place_ids[e.place] if e.place is not None else None,
                date_start=time.start if time else None,
                date_end=time.end if time else None,
                date_precision=time.precision if time else None,
                fatalities=e.fatalities,
                statement_id=statement_id(e.statement),
                certainty=e.certainty,
            )
        )
    event_ids = _insert(session, s.Event, event_rows, returning=True)
    _insert(session, s.Quantity, [
        dict(
            document_id=document.id,
            text=q.span.text[:255],
            start=q.span.start,
            end=q.span.end,
            sent_start=q.sentence.start,
            sent_end=q.sentence.end,
            value=q.value,
            value_max=q.value_max,
            approximate=q.approximate,
            counts=q.counts,
            actor_id=actor(q.chain) if q.chain is not None else None,
            event_id=event_ids[q.event] if q.event is not None else None,
            statement_id=statement_id(q.statement),
        )
        for q in analysis.quantities
    ])
    return statement_ids


# Any constant shared by every factfile writer on a PostgreSQL server: the key of its advisory lock.
_PG_WRITE_LOCK = 0x66616374  # "fact"


def _hold_write_lock(session: Session) -> None:
    """Take the store's write lock before the first read, held until the transaction ends.

    Every lookup below decides an insert (is this document stored? this outlet, actor, place?); another
    ingest writing into the same store between the two would make the insert fail on its unique key or
    add a second copy. With the lock, concurrent writers take turns, one document each, and each sees
    the rows of the writers before it. SQLite waits for the lock up to its busy timeout."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        if not connection.connection.dbapi_connection.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")


def _insert(session: Session, model: type[s.Base], rows: list[dict], returning: bool = False) -> list[int]:
    """One multi-row INSERT of the table (not the ORM's bulk insert, which splits the rows into one
    statement per pattern of NULL columns); with `returning`, the new ids in the order of `rows`."""
    if not rows:
        return []
    table = model.__table__
    if not returning:
        session.execute(insert(table), rows)
        return []
    return list(session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))


def _outlet_id(session: Session, domain: str | None, site: str | None) -> int | None:
    key = domain or (f"name:{site.casefold()}" if site else None)
    if key is None:
        return None
    outlet_id = session.scalar(select(s.Outlet.id).where(s.Outlet.key == key))
    if outlet_id is None:
        outlet = s.Outlet(key=key, domain=domain, name=site or domain)
        session.add(outlet)
        session.flush()
        outlet_id = outlet.id
    return outlet_id


def _place_ids(session: Session, places: Sequence[PlaceRef]) -> list[int]:
    """The store id of each place: two lookups for the document, then one INSERT of the places the
    store lacks, in order of first appearance."""
    first: dict[tuple[int | None, str], PlaceRef] = {}
    for place in places:
        first.setdefault(_place_key(place), place)
    keys = list(first)
    geonames = [g for g, _ in keys if g is not None]
    names = [name for g, name in keys if g is None]
    found: dict[tuple[int | None, str], int] = {}
    if geonames:
        rows = select(s.Place.id, s.Place.geonames_id).where(s.Place.geonames_id.in_(geonames)).order_by(s.Place.id)
        for place_id, geonames_id in session.execute(rows):
            found.setdefault((geonames_id, ""), place_id)
    if names:
        rows = select(s.Place.id, s.Place.name).where(s.Place.name.in_(names), s.Place.geonames_id.is_(None)).order_by(s.Place.id)
        for place_id, name in session.execute(rows):
            found.setdefault((None, name), place_id)
    missing = [key for key in keys if key not in found]
    new_ids = _insert(session, s.Place, [
        dict(name=first[key].name, **location_of(first[key]))
        for key in missing
    ], returning=True)
    found.update(zip(missing, new_ids, strict=True))
    return [found[_place_key(place)] for place in places]


def _place_key(place: PlaceRef) -> tuple[int | None, str]:
    return (place.geonames_id, "") if place.geonames_id is not None else (None, place.name)
