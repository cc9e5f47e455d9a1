"""Statements read back from the store: who said what, how sure, with the passage as evidence.

`find_statements` and `said_by` / `said_about` give passages for `factfile statements` and the dossier's
"what it said" / "what others said about it"; `list_statements` pages through them with corroboration
for the REST API, the web pages and the Python API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from factfile.errors import BadArgument
from factfile.read import records as m
from factfile.read.actors import actor_ids, find_actors
from factfile.read.posts import quoted_posts
from factfile.read.sql import OUTLET_NAME
from factfile.read.sql import page as paged
from factfile.relate.corroboration import for_statements
from factfile.store import schema as s


@dataclass(slots=True)
class StatementLine:
    """One attribution with the passage it comes from; `highlight` marks the content in `passage`."""

    statement_id: int
    document_id: int
    title: str | None
    outlet: str | None
    published: date | None
    source: str | None  # the source as the article words it
    source_actor: str | None  # the actor it was resolved to
    source_actor_id: int | None
    source_type: str
    cue: str | None
    content: str
    certainty: str  # how sure the source sounds
    hedges: list[str]
    direct: bool
    passage: str
    highlight: tuple[int, int]
    quoted_posts: list[m.QuotedPost] = field(default_factory=list)  # the stored Telegram posts it reports
    framing: list[str] = field(default_factory=list)  # the reporter's distancing words ("claimed", "allegedly")


def _passage_bounds():
    """First and last offset of source, cue and content (portable LEAST/GREATEST)."""
    content_start, content_end = s.Statement.content_start, s.Statement.content_end
    cue_start = func.coalesce(s.Statement.cue_start, content_start)
    cue_end = func.coalesce(s.Statement.cue_end, content_end)
    source_start = func.coalesce(s.Statement.source_start, content_start)
    source_end = func.coalesce(s.Statement.source_end, content_end)
    first = case((cue_start < content_start, cue_start), else_=content_start)
    first = case((source_start < first, source_start), else_=first)
    last = case((cue_end > content_end, cue_end), else_=content_end)
    last = case((source_end > last, source_end), else_=last)
    return first, last


def _query() -> Select:
    start, end = _passage_bounds()
    speaker = aliased(s.Actor)
    return (
        select(
            s.Statement,
            s.Document.title,
            OUTLET_NAME,
            s.Document.published,
            speaker.name,
            start,
            func.substr(s.Document.text, start + 1, end - start),
        )
        .join(s.Document, s.Document.id == s.Statement.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .outerjoin(speaker, speaker.id == s.Statement.source_actor_id)
        .where(s.Statement.marked_wrong.is_(False))
        .order_by(s.Document.published, s.Document.id, s.Statement.content_start)
    )


def _lines(session: Session, query: Select) -> list[StatementLine]:
    lines = []
    rows = list(session.execute(query))
    quoted = quoted_posts(session, [row[0].id for row in rows])
    for st, title, outlet, published, speaker, start, passage in rows:
        lines.append(
            StatementLine(
                statement_id=st.id,
                document_id=st.document_id,
                title=title,
                outlet=outlet,
                published=published,
                source=st.source_text,
                source_actor=speaker,
                source_actor_id=st.source_actor_id,
                source_type=st.source_type,
                cue=st.cue_text,
                content=st.content_text,
                certainty=st.certainty,
                hedges=list(st.hedges or []),
                direct=bool(st.direct),
                passage=passage or st.content_text,
                highlight=(st.content_start - start, st.content_end - start),
                quoted_posts=quoted.get(st.id, []),
                framing=list(st.framing or []),
            )
        )
    return lines


def statements_about(actor_ids: list[int]) -> Select:
    """Ids of statements whose content mentions one of the actors (a mention lies inside the content).

    Starts from the actors' mentions (indexed by actor, then document) and joins the statements of
    those documents that start at most the store's longest content before the mention (an index on the
    length gives it), so the cost follows how often the actor is mentioned, not the size of the store or
    of its documents."""
    lengths = aliased(s.Statement)
    longest = select(func.max(lengths.content_end - lengths.content_start)).scalar_subquery()
    return (
        select(s.Statement.id)
        .join(
            s.Mention,
            and_(
                s.Mention.document_id == s.Statement.document_id,
                s.Mention.start >= s.Statement.content_start,
                s.Mention.end <= s.Statement.content_end,
                s.Statement.content_start >= s.Mention.start - longest,
            ),
        )
        .where(s.Mention.actor_id == actor_ids[0] if len(actor_ids) == 1 else s.Mention.actor_id.in_(actor_ids))
    )


def _about(actor_ids: list[int]):
    return s.Statement.id.in_(statements_about(actor_ids))


def said_by(session: Session, actor_id: int, limit: int = 50, ids: list[int] | None = None) -> list[StatementLine]:
    """The actor's latest `limit` statements (by storage order, an index walk), by publication date.
    `ids`: the actor and those merged into it, when the caller has them (`read.actors.actor_ids`)."""
    ids = ids or actor_ids(session, actor_id)
    latest = select(s.Statement.id).where(s.Statement.source_actor_id.in_(ids), s.Statement.marked_wrong.is_(False))
    chosen = list(session.scalars(latest.order_by(s.Statement.id.desc()).limit(limit)))
    return _lines(session, _query().where(s.Statement.id.in_(chosen))) if chosen else []


def said_about(session: Session, actor_id: int, limit: int = 50, ids: list[int] | None = None) -> list[StatementLine]:
    """Attributed statements by others whose content mentions the actor: those of the latest documents.

    Walks the actor's mentions from the newest document back (the mentions index is ordered by actor,
    then document) and stops once `limit` statements are found, instead of joining every mention."""
    ids = ids or actor_ids(session, actor_id)
    query = (
        statements_about(ids)
        .where(
            s.Statement.source_type != "article",
            s.Statement.marked_wrong.is_(False),
            or_(s.Statement.source_actor_id.is_(None), s.Statement.source_actor_id.not_in(ids)),
        )
        .order_by(s.Mention.document_id.desc(), s.Mention.start)
    )
    rows = 4 * limit
    while True:
        found = list(session.scalars(query.limit(rows)))
        chosen = list(dict.fromkeys(found))[:limit]
        if len(chosen) >= limit or len(found) < rows:
            break
        rows *= 4  # statements mentioning it several times: look further back
    return _lines(session, _query().where(s.Statement.id.in_(chosen))) if chosen else []


def find_statements(
    session: Session,
    source: str | None = None,
    actor: str | None = None,
    certainty: str | None = None,
    include_article: bool = False,
    limit: int = 50,
    framed: bool | None = None,
) -> list[StatementLine]:
    """Statements filtered by who says them (`source`: actor name or words of the source), by an actor
    their content mentions, by certainty, and by whether the reporter distances it (`framed`). The article's own
    assertions only when asked for."""
    query = _query()
    if source:
        ids = [i for match in find_actors(session, source) if match.score >= 90 for i in actor_ids(session, match.actor.id)]
        query = query.where(or_(s.Statement.source_actor_id.in_(ids), s.Statement.source_text.ilike(f"%{source}%")))
    if actor:
        ids = [i for match in find_actors(session, actor) if match.score >= 90 for i in actor_ids(session, match.actor.id)]
        query = query.where(_about(ids) if ids else and_(False))
    if certainty:
        query = query.where(s.Statement.certainty == certainty)
    if framed is not None:
        query = query.where(_framed(framed))
    if not include_article:
        query = query.where(s.Statement.source_type != "article")
    return _lines(session, query.limit(limit))


def _framed(framed: bool):
    """Statements with framing words (True) or without (False, stored as NULL)."""
    return s.Statement.framing.is_not(None) if framed else s.Statement.framing.is_(None)


def corroboration(session: Session, statement_ids: list[int]) -> dict[int, int]:
    """Independent outlets behind each statement, as the dossier and the CLI count them (relate/corroboration)."""
    return {item: support.count for item, support in for_statements(session, statement_ids).items()}


# Matches a corroboration filter may count: each is compared with its peers in Python (a page of 20 costs about
# 60 ms at 10k documents), and the look-up binds every id (SQLite allows 32,766 bound values).
MAX_CORROBORATED = 10_000


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
    ids: list[int] | None = None  # only these statements
    framed: bool | None = None  # only statements the reporter distances ("claimed", "allegedly"), or only those it does not


def list_statements(session: Session, where: StatementFilter, limit: int = 50, offset: int = 0) -> tuple[int, list[m.StatementOut]]:
    """Statements matching `where`, most recently stored first, with their document, outlet and corroboration.

    The filters are applied to the statements table alone (joining only what a filter needs), so counting
    the matches stays cheap; the page of rows is then joined to documents, outlets and actors.
    """
    return list_statement_pages(session, [where], limit, offset)[0]


def list_statement_pages(
    session: Session, wheres: list[StatementFilter], limit: int = 50, offset: int = 0
) -> list[tuple[int, list[m.StatementOut]]]:
    """One page for each filter, as `list_statements` gives it, with the pages' corroboration and quoted posts
    looked up once for all of them: each look-up has a fixed cost of a dozen queries (an actor's page shows
    what it said and what was said about it)."""
    pages = [_page_of(session, where, limit, offset) for where in wheres]
    shown = list(dict.fromkeys(row[0].id for _, rows, _ in pages for row in rows))
    unsupported = list(dict.fromkeys(row[0].id for _, rows, support in pages if support is None for row in rows))
    found = corroboration(session, unsupported)
    quoted = quoted_posts(session, shown)
    return [(total, _outs(rows, found if support is None else support, quoted)) for total, rows, support in pages]


def _page_of(session: Session, where: StatementFilter, limit: int, offset: int) -> tuple[int, list, dict[int, int] | None]:
    """The number of matches and one page of rows (statement, title, outlet, published, source actor's name),
    with their corroboration when a filter on it had to count it first (else None)."""
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
    if where.framed is not None:
        conditions.append(_framed(where.framed))
    if where.document_id is not None:
        conditions.append(s.Statement.document_id == where.document_id)
    if where.outlet_id is not None:
        conditions.append(s.Statement.document_id.in_(select(s.Document.id).where(s.Document.outlet_id == where.outlet_id)))
    if not where.include_wrong:
        conditions.append(s.Statement.marked_wrong.is_(False))
    if where.ids is not None:
        conditions.append(s.Statement.id.in_(where.ids))
    query = (
        select(s.Statement, s.Document.title, OUTLET_NAME, s.Document.published, source_actor.name)
        .join(s.Document, s.Document.id == s.Statement.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .outerjoin(source_actor, source_actor.id == s.Statement.source_actor_id)
        .order_by(s.Statement.id.desc())
    )
    matching = select(s.Statement.id).where(*conditions)
    if where.min_corroboration is None and where.max_corroboration is None:
        if where.about_actor_id is None:
            total, rows = paged(session, query.where(*conditions), limit, offset, matching)
            return total, rows, None
        # The ids are found once, then counted and paged: the "about" filter joins the actor's mentions to
        # their documents' statements, which a count and a page would each do again.
        ids = list(session.scalars(matching.order_by(s.Statement.id.desc())))
        page = ids[offset : offset + limit]
        return len(ids), list(session.execute(query.where(s.Statement.id.in_(page)))), None
    # Corroboration is a fuzzy match computed in Python (not in SQL): every match is counted before paging.
    ids = list(session.scalars(matching.order_by(s.Statement.id.desc())))
    if len(ids) > MAX_CORROBORATED:
        raise BadArgument(
            f"a corroboration filter counts the outlets behind every match: {len(ids):,} statements match, at most "
            f"{MAX_CORROBORATED:,} can be counted; narrow it by source, actor, certainty, document or outlet"
        )
    support = corroboration(session, ids)
    low, high = where.min_corroboration or 0, where.max_corroboration
    ids = [i for i in ids if low <= support.get(i, 0) and (high is None or support.get(i, 0) <= high)]
    page = ids[offset : offset + limit]
    return len(ids), list(session.execute(query.where(s.Statement.id.in_(page)))), support


def _outs(rows: list, support: dict[int, int], quoted: dict[int, list[m.QuotedPost]]) -> list[m.StatementOut]:
    return [
        m.StatementOut(
            id=st.id, document_id=st.document_id, document_title=title, outlet=outlet, published=published,
            source_text=st.source_text, source_type=st.source_type, source_actor_id=st.source_actor_id, source_actor=actor_name,
            cue_text=st.cue_text, content_text=st.content_text, content_start=st.content_start, content_end=st.content_end,
            direct=st.direct, certainty=st.certainty, hedges=st.hedges, framing=st.framing, marked_wrong=st.marked_wrong,
            corroboration=support.get(st.id, 0), quoted_posts=quoted.get(st.id, []),
        )
        for st, title, outlet, published, actor_name in rows
    ]
