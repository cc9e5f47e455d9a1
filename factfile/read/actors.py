"""Actors: finding them by name, following merges, listing them with their aliases and corrections.

An actor merged into another (`merged_into_id`) answers for the actor it now belongs to: `live_actor`
follows the chain up, `actor_ids` gathers the actor with everyone merged into it, `live_actors` maps
many ids at once. Every reader that meets an actor id goes through these.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factfile.extract.names import name_key
from factfile.read import records as m
from factfile.read.sql import page
from factfile.store import schema as s


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


def actor_ids(session: Session, actor_id: int) -> list[int]:
    """The actor and those merged into it."""
    ids, frontier = {actor_id}, [actor_id]
    while frontier:
        merged = [i for (i,) in session.execute(select(s.Actor.id).where(s.Actor.merged_into_id.in_(frontier)))]
        frontier = [i for i in merged if i not in ids]
        ids |= set(frontier)
    return sorted(ids)


def live_actors(session: Session, ids: set[int]) -> dict[int, s.Actor]:
    """Each actor id mapped to the actor it now is (following merges), in a few queries for many ids."""
    actors = {a.id: a for a in session.scalars(select(s.Actor).where(s.Actor.id.in_(ids)))}
    pending = {a.merged_into_id for a in actors.values() if a.merged_into_id and a.merged_into_id not in actors}
    while pending:
        for actor in session.scalars(select(s.Actor).where(s.Actor.id.in_(pending))):
            actors[actor.id] = actor
        pending = {a.merged_into_id for a in actors.values() if a.merged_into_id and a.merged_into_id not in actors}
    live: dict[int, s.Actor] = {}
    for actor_id in ids:
        actor, seen = actors.get(actor_id), set()
        while actor is not None and actor.merged_into_id and actor.id not in seen:
            seen.add(actor.id)
            actor = actors.get(actor.merged_into_id)
        if actor is not None:
            live[actor_id] = actor
    return live


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
    total, rows = page(session, query, limit, offset)
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
    total, rows = page(session, query, limit, offset)
    return total, [_alias_out(alias) for (alias,) in rows]


def aliases(session: Session, actor_id: int) -> list[s.Alias]:
    """The actor's own aliases, most used first, each with why it was joined."""
    return list(session.scalars(select(s.Alias).where(s.Alias.actor_id == actor_id).order_by(s.Alias.mentions.desc(), s.Alias.name)))


def decision_out(decision: s.Decision) -> m.DecisionOut:
    return m.DecisionOut(id=decision.id, kind=decision.kind, payload=decision.payload, note=decision.note)


def list_decisions(session: Session, newest_first: bool = False, limit: int | None = None, offset: int = 0) -> tuple[int, list[m.DecisionOut]]:
    """Users' corrections (relate/decisions.py)."""
    query = select(s.Decision).order_by(s.Decision.id.desc() if newest_first else s.Decision.id)
    total, rows = page(session, query, limit, offset)
    return total, [decision_out(d) for (d,) in rows]


_KINDS = {"actor": s.Actor, "statement": s.Statement, "document": s.Document}


def exists(session: Session, kind: str, item_id: int) -> bool:
    """Whether a row of `kind` ("actor", "statement", "document") has this id."""
    return session.get(_KINDS[kind], item_id) is not None
