"""Read queries shared by the CLI, the API and the web UI."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from factfile.extract.names import name_key
from factfile.store import schema as s


def sentence_of(model) -> object:
    """SQL expression for the evidence sentence of a row with `sent_start`/`sent_end` offsets."""
    return func.substr(s.Document.text, model.sent_start + 1, model.sent_end - model.sent_start)


def live_actor(session: Session, actor_id: int) -> s.Actor | None:
    """The actor, following merges to the actor it now belongs to."""
    actor = session.get(s.Actor, actor_id)
    seen = set()
    while actor is not None and actor.merged_into_id is not None and actor.id not in seen:
        seen.add(actor.id)
        actor = session.get(s.Actor, actor.merged_into_id)
    return actor


@dataclass(slots=True)
class ActorMatch:
    actor: s.Actor
    mentions: int
    matched_name: str
    score: float


def find_actors(session: Session, query: str, limit: int = 5) -> list[ActorMatch]:
    """Actors whose names match `query`: exact (normalised) alias matches first, then fuzzy ones."""
    key = name_key(query)
    if not key:
        return []
    mention_total = (
        select(s.Alias.actor_id, func.sum(s.Alias.mentions).label("n")).group_by(s.Alias.actor_id).subquery()
    )
    exact = session.execute(
        select(s.Actor, s.Alias.name, mention_total.c.n)
        .join(s.Alias, s.Alias.actor_id == s.Actor.id)
        .join(mention_total, mention_total.c.actor_id == s.Actor.id)
        .where(s.Alias.key == key, s.Actor.merged_into_id.is_(None))
        .order_by(mention_total.c.n.desc())
    ).all()
    if exact:
        return [ActorMatch(actor, int(n or 0), name, 100.0) for actor, name, n in exact[:limit]]
    words = [w for w in key.split() if len(w) > 2] or key.split()
    candidates = session.execute(
        select(s.Alias.key, s.Alias.name, s.Alias.actor_id)
        .join(s.Actor, s.Actor.id == s.Alias.actor_id)
        .where(s.Actor.merged_into_id.is_(None), *[s.Alias.key.contains(w) for w in words[:1]])
        .limit(50_000)
    ).all()
    choices = {i: row.key for i, row in enumerate(candidates)}
    best: dict[int, ActorMatch] = {}
    for _, score, i in process.extract(key, choices, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=80):
        row = candidates[i]
        if row.actor_id not in best or best[row.actor_id].score < score:
            actor = session.get(s.Actor, row.actor_id)
            total = session.scalar(select(func.sum(s.Alias.mentions)).where(s.Alias.actor_id == row.actor_id)) or 0
            best[row.actor_id] = ActorMatch(actor, int(total), row.name, score)
    return sorted(best.values(), key=lambda m: (-m.score, -m.mentions))[:limit]


@dataclass(slots=True)
class DocumentHit:
    document_id: int
    title: str | None
    outlet: str | None
    published: object
    snippet: str


def search_documents(session: Session, query: str, limit: int = 20, offset: int = 0) -> list[DocumentHit]:
    """Full-text search over titles and texts (FTS5 on SQLite, tsvector on PostgreSQL)."""
    terms = re.findall(r"\w+", query)
    if not terms:
        return []
    outlet = select(s.Outlet.name).where(s.Outlet.id == s.Document.outlet_id).scalar_subquery()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
        rows = session.execute(
            text(
                "SELECT d.id, d.title, d.published, (SELECT name FROM outlets o WHERE o.id = d.outlet_id), "
                "snippet(documents_fts, 1, '[', ']', ' … ', 16) "
                "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :match ORDER BY rank LIMIT :limit OFFSET :offset"
            ),
            {"match": match, "limit": limit, "offset": offset},
        ).all()
        return [DocumentHit(r[0], r[1], r[3], r[2], r[4]) for r in rows]
    if dialect == "postgresql":
        vector = func.to_tsvector("simple", func.coalesce(s.Document.title, "") + " " + s.Document.text)
        tsquery = func.plainto_tsquery("simple", " ".join(terms))
        headline = func.ts_headline("simple", s.Document.text, tsquery, "StartSel=[, StopSel=], MaxFragments=1, MaxWords=24")
        stmt: Select = (
            select(s.Document.id, s.Document.title, s.Document.published, outlet, headline)
            .where(vector.op("@@")(tsquery))
            .order_by(func.ts_rank(vector, tsquery).desc())
            .limit(limit)
            .offset(offset)
        )
    else:
        stmt = (
            select(s.Document.id, s.Document.title, s.Document.published, outlet, func.substr(s.Document.text, 1, 200))
            .where(*[s.Document.text.contains(t) for t in terms])
            .limit(limit)
            .offset(offset)
        )
    return [DocumentHit(r[0], r[1], r[3], r[2], r[4]) for r in session.execute(stmt)]


def counts(session: Session) -> dict[str, int]:
    tables = {
        "documents": s.Document, "outlets": s.Outlet, "mentions": s.Mention, "actors": s.Actor,
        "aliases": s.Alias, "facts": s.Fact, "statements": s.Statement, "events": s.Event,
        "places": s.Place, "quantities": s.Quantity, "stories": s.Story,
    }
    result = {name: session.scalar(select(func.count()).select_from(model)) or 0 for name, model in tables.items()}
    result["actors"] = session.scalar(select(func.count()).select_from(s.Actor).where(s.Actor.merged_into_id.is_(None))) or 0
    return result


def top_actors(session: Session, limit: int = 10, kinds: tuple[str, ...] | None = None) -> list[tuple[s.Actor, int, int]]:
    """Actors with most mentions: (actor, mentions, documents)."""
    stmt = (
        select(s.Actor, func.count(s.Mention.id), func.count(func.distinct(s.Mention.document_id)))
        .join(s.Mention, s.Mention.actor_id == s.Actor.id)
        .where(s.Actor.merged_into_id.is_(None))
        .group_by(s.Actor.id)
        .order_by(func.count(s.Mention.id).desc())
        .limit(limit)
    )
    if kinds:
        stmt = stmt.where(s.Actor.kind.in_(kinds))
    return [(a, n, d) for a, n, d in session.execute(stmt)]


def languages(session: Session) -> list[tuple[str | None, int]]:
    return list(
        session.execute(
            select(s.Document.language, func.count()).group_by(s.Document.language).order_by(func.count().desc())
        ).tuples()
    )


def top_outlets(session: Session, limit: int = 10) -> list[tuple[str, int]]:
    return list(
        session.execute(
            select(func.coalesce(s.Outlet.name, s.Outlet.key), func.count(s.Document.id))
            .join(s.Document, s.Document.outlet_id == s.Outlet.id)
            .group_by(s.Outlet.id)
            .order_by(func.count(s.Document.id).desc())
            .limit(limit)
        ).tuples()
    )
