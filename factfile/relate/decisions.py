"""The log of a user's corrections, and the corrections of actors and statements: merge actors, split an
actor, mark a statement wrong. Copy and story corrections (relate/corrections.py) are logged here too.

Each correction is a row in the `decisions` table and is applied at once. Its payload names the actors
by id *and* by their alias keys, and the statement by its document's content hash and offsets, so that
a replay can find the same things again after re-ingestion has given them new ids. New documents
respect decisions through the aliases (a merged actor's names now lead to the kept actor) and through
`kept_apart` (names split off one actor never rejoin it). Copy and story corrections name documents by
their content hash (their identity across re-ingestion); the `copies` and `stories` relaters look them
up here for each new document, so a re-ingested document lands where the user put it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from factfile.errors import FactfileError
from factfile.extract.names import name_key, state_named
from factfile.store import schema as s
from factfile.store.schema import Decision

MERGE, SPLIT, WRONG_STATEMENT = "merge", "split", "statement_wrong"
NOT_COPY, COPY_OF, STORY = "not_copy", "copy_of", "story"


class DecisionError(FactfileError):
    """A correction that cannot be applied (unknown actor, alias not of that actor ...)."""


def merge_actors(session: Session, keep_id: int, other_ids: list[int], note: str | None = None) -> Decision:
    """Make `other_ids` one actor with `keep_id`: their aliases, mentions, facts ... move to it."""
    keep = _live(session, keep_id)
    others = _distinct_live(session, other_ids, exclude=keep.id)
    if not others:
        raise DecisionError(f"nothing to merge: actors {other_ids} are already actor #{keep.id}")
    decision = Decision(
        kind=MERGE,
        payload={
            "keep": keep.id,
            "keep_keys": _keys(session, keep.id),
            "others": [{"id": other.id, "keys": _keys(session, other.id)} for other in others],
        },
        note=note,
    )
    session.add(decision)
    session.flush()
    _merge(session, keep, others, f"merged by user (decision #{decision.id})")
    return decision


def split_actor(session: Session, actor_id: int, alias_keys: list[str], note: str | None = None) -> tuple[Decision, int]:
    """Move the named aliases (names or keys) of an actor, and the mentions using them, to a new actor."""
    actor = _live(session, actor_id)
    keys = sorted({name_key(k) for k in alias_keys} - {""})
    held = set(_keys(session, actor.id))
    if not keys:
        raise DecisionError("name at least one alias to split off")
    if missing := [k for k in keys if k not in held]:
        raise DecisionError(f"actor #{actor.id} ({actor.name}) has no alias {', '.join(map(repr, missing))}")
    if held <= set(keys):
        raise DecisionError(f"splitting off every alias of actor #{actor.id} would leave it empty")
    decision = Decision(
        kind=SPLIT,
        payload={"actor": actor.id, "actor_keys": sorted(held - set(keys)), "keys": keys, "new": None},
        note=note,
    )
    session.add(decision)
    session.flush()
    new = _split(session, actor, set(keys), f"split from #{actor.id} by user (decision #{decision.id})")
    decision.payload = {**decision.payload, "new": new.id}
    return decision, new.id


def mark_statement_wrong(session: Session, statement_id: int, note: str | None = None) -> Decision:
    """Flag a statement as wrongly extracted; it stays stored but is shown as marked wrong."""
    statement = session.get(s.Statement, statement_id)
    if statement is None:
        raise DecisionError(f"no statement #{statement_id}")
    content_hash = session.scalar(select(s.Document.content_hash).where(s.Document.id == statement.document_id))
    statement.marked_wrong = True
    decision = Decision(
        kind=WRONG_STATEMENT,
        payload={
            "statement": statement.id,
            "document_hash": content_hash,
            "content_start": statement.content_start,
            "content_end": statement.content_end,
        },
        note=note,
    )
    session.add(decision)
    session.flush()
    return decision


def copy_decisions(session: Session, content_hash: str) -> list[tuple[str, str, str]]:
    """(kind, copy hash, original hash) of the copy corrections naming this document, oldest first."""
    rows = session.execute(
        select(Decision.kind, Decision.payload).where(Decision.kind.in_((NOT_COPY, COPY_OF))).order_by(Decision.id)
    )
    return [
        (kind, payload["copy"], payload["original"])
        for kind, payload in rows
        if content_hash in (payload.get("copy"), payload.get("original"))
    ]


def story_decision(session: Session, content_hash: str) -> tuple[bool, str | None]:
    """(decided, hash of a document whose story this one belongs to, None: a story of its own)."""
    rows = session.execute(select(Decision.payload).where(Decision.kind == STORY).order_by(Decision.id.desc()))
    for (payload,) in rows:
        if payload.get("document") == content_hash:
            return True, payload.get("with")
    return False, None


def placed_by_user(session: Session) -> set[str]:
    """Hashes of the documents a user put in a story (or in one of their own)."""
    rows = session.execute(select(Decision.payload).where(Decision.kind == STORY))
    return {payload["document"] for (payload,) in rows if payload.get("document")}


def kept_apart(session: Session) -> dict[int, set[int]]:
    """For each live actor, the live actors a user split from it: they must never be merged again."""
    apart: dict[int, set[int]] = defaultdict(set)
    for (payload,) in session.execute(select(Decision.payload).where(Decision.kind == SPLIT)):
        one, other = _follow(session, payload.get("actor")), _follow(session, payload.get("new"))
        if one is not None and other is not None and one != other:
            apart[one].add(other)
            apart[other].add(one)
    return apart


def join_actors(session: Session, keep_id: int, other_ids: list[int], reason: str) -> None:
    """An automatic merge made by the resolver (not a user decision, so not stored or replayed). A person
    and a state are never joined so: only a user's merge (`merge_actors`) makes them one record."""
    keep = _live(session, keep_id)
    others = [o for o in _distinct_live(session, other_ids, exclude=keep.id) if not _person_and_state(session, keep, o)]
    if others:
        _merge(session, keep, others, reason)


def _person_and_state(session: Session, one: s.Actor, other: s.Actor) -> bool:
    """Whether one of two actors is a person and the other a state (named by a country or its government)."""
    if (one.kind == "person") == (other.kind == "person"):
        return False
    state = other if one.kind == "person" else one
    return state_named(state.name) is not None or any(
        state_named(name) for name in session.scalars(select(s.Alias.name).where(s.Alias.actor_id == state.id, s.Alias.mentions > 0)))


def replay_decision(session: Session, decision: Decision) -> None:
    """Re-apply one stored correction of actors or statements (relate/corrections.py replays the rest)."""
    if decision.kind == MERGE:
        _replay_merge(session, decision)
    elif decision.kind == SPLIT:
        _replay_split(session, decision)
    elif decision.kind == WRONG_STATEMENT:
        _replay_wrong_statement(session, decision)


def _replay_merge(session: Session, decision: Decision) -> None:
    payload = decision.payload
    keep = _find(session, payload["keep"], payload.get("keep_keys", []))
    if keep is None:
        return
    found = [_find(session, other["id"], other.get("keys", [])) for other in payload.get("others", [])]
    others = [o for o in {o.id: o for o in found if o is not None}.values() if o.id != keep.id]
    if others:
        _merge(session, keep, others, f"merged by user (decision #{decision.id}, replayed)")


def _replay_split(session: Session, decision: Decision) -> None:
    payload = decision.payload
    keys, rest = set(payload["keys"]), set(payload.get("actor_keys", []))
    holders = session.execute(
        select(s.Alias.actor_id, s.Alias.key).join(s.Actor, s.Actor.id == s.Alias.actor_id)
        .where(s.Alias.key.in_(keys | rest), s.Actor.merged_into_id.is_(None))
    ).all()
    by_actor: dict[int, set[str]] = defaultdict(set)
    for actor_id, key in holders:
        by_actor[actor_id].add(key)
    for actor_id, held in by_actor.items():
        if held & keys and held & rest:
            actor = session.get(s.Actor, actor_id)
            new = _split(session, actor, held & keys, f"split from #{actor_id} by user (decision #{decision.id}, replayed)")
            decision.payload = {**payload, "actor": actor_id, "new": new.id}


def _replay_wrong_statement(session: Session, decision: Decision) -> None:
    payload = decision.payload
    statement_id = session.scalar(
        select(s.Statement.id)
        .join(s.Document, s.Document.id == s.Statement.document_id)
        .where(
            s.Document.content_hash == payload.get("document_hash"),
            s.Statement.content_start == payload.get("content_start"),
            s.Statement.content_end == payload.get("content_end"),
        )
    )
    if statement_id is not None:
        session.execute(update(s.Statement).where(s.Statement.id == statement_id).values(marked_wrong=True))


def _merge(session: Session, keep: s.Actor, others: list[s.Actor], reason: str) -> None:
    other_ids = [o.id for o in others]
    kept = {a.key: a for a in session.scalars(select(s.Alias).where(s.Alias.actor_id == keep.id))}
    for alias in session.scalars(select(s.Alias).where(s.Alias.actor_id.in_(other_ids))).all():
        if alias.key in kept:
            kept[alias.key].mentions += alias.mentions
            session.delete(alias)
        else:
            alias.actor_id = keep.id
            alias.reason = f"{alias.reason or 'same name'}; {reason}"
            kept[alias.key] = alias
    session.flush()
    for table, column in _actor_references():
        session.execute(update(table).where(column.in_(other_ids)).values({column.key: keep.id}))
    session.execute(update(s.Actor).where(s.Actor.merged_into_id.in_(other_ids)).values(merged_into_id=keep.id))
    for other in others:
        other.merged_into_id = keep.id
    session.flush()


def _split(session: Session, actor: s.Actor, keys: set[str], reason: str) -> s.Actor:
    aliases = session.scalars(select(s.Alias).where(s.Alias.actor_id == actor.id, s.Alias.key.in_(keys))).all()
    top = max(aliases, key=lambda a: (a.mentions, len(a.name.split()), a.name))
    new = s.Actor(name=top.name, kind=actor.kind, label=actor.label)
    session.add(new)
    session.flush()
    for alias in aliases:
        alias.actor_id = new.id
        alias.reason = f"{alias.reason or 'same name'}; {reason}"
    if name_key(actor.name) in keys:
        remaining = session.scalars(
            select(s.Alias).where(s.Alias.actor_id == actor.id).order_by(s.Alias.mentions.desc(), s.Alias.id)
        ).first()
        if remaining is not None:
            actor.name = remaining.name
    moved_documents = _move_mentions(session, actor.id, new.id, keys)
    for table, column in _actor_references():
        if table is not s.Mention.__table__ and "document_id" in table.c and moved_documents:
            session.execute(
                update(table)
                .where(column == actor.id, table.c.document_id.in_(moved_documents))
                .values({column.key: new.id})
            )
    session.flush()
    return new


def _move_mentions(session: Session, old_id: int, new_id: int, keys: set[str]) -> list[int]:
    """Move each document chain whose names are mostly the split-off ones; return documents wholly moved."""
    rows = session.execute(
        select(s.Mention.id, s.Mention.document_id, s.Mention.chain, s.Mention.text, s.Mention.role)
        .where(s.Mention.actor_id == old_id)
    ).all()
    votes: dict[tuple, Counter] = defaultdict(Counter)
    members: dict[tuple, list[int]] = defaultdict(list)
    for mention_id, document_id, chain, text, role in rows:
        group = (document_id, chain if chain is not None else f"m{mention_id}")
        members[group].append(mention_id)
        if role != "pronoun" and role != "description":
            votes[group][name_key(text) in keys] += 1
    moving = [group for group in members if votes[group][True] > votes[group][False]]
    moved_ids = [m for group in moving for m in members[group]]
    for start in range(0, len(moved_ids), 500):
        chunk = moved_ids[start : start + 500]
        session.execute(update(s.Mention).where(s.Mention.id.in_(chunk)).values(actor_id=new_id))
    staying = {group[0] for group in members if group not in moving}
    return sorted({group[0] for group in moving} - staying)


def _actor_references():
    """Every column outside `actors`/`aliases` that points at an actor, including tables added after this module."""
    for table in s.Base.metadata.sorted_tables:
        if table.name in ("actors", "aliases"):
            continue
        for column in table.columns:
            if any(fk.column.table.name == "actors" for fk in column.foreign_keys):
                yield table, column


def _keys(session: Session, actor_id: int) -> list[str]:
    return sorted(session.scalars(select(s.Alias.key).where(s.Alias.actor_id == actor_id)))


def _follow(session: Session, actor_id: int | None) -> int | None:
    """The live actor an id now belongs to, following merges."""
    seen: set[int] = set()
    while actor_id is not None and actor_id not in seen:
        seen.add(actor_id)
        merged_into = session.scalar(select(s.Actor.merged_into_id).where(s.Actor.id == actor_id))
        if merged_into is None:
            return actor_id if session.get(s.Actor, actor_id) is not None else None
        actor_id = merged_into
    return None


def _live(session: Session, actor_id: int) -> s.Actor:
    live_id = _follow(session, actor_id)
    if live_id is None:
        raise DecisionError(f"no actor #{actor_id}")
    return session.get(s.Actor, live_id)


def _distinct_live(session: Session, actor_ids: list[int], exclude: int) -> list[s.Actor]:
    found: dict[int, s.Actor] = {}
    for actor_id in actor_ids:
        actor = _live(session, actor_id)
        if actor.id != exclude:
            found[actor.id] = actor
    return list(found.values())


def _find(session: Session, actor_id: int, keys: list[str]) -> s.Actor | None:
    """The live actor for a decision's stored id, or, when that id is gone, the one holding most of its keys."""
    live_id = _follow(session, actor_id)
    if live_id is not None and (not keys or set(keys) & set(_keys(session, live_id))):
        return session.get(s.Actor, live_id)
    if not keys:
        return None
    holders = Counter(
        session.scalars(
            select(s.Alias.actor_id).join(s.Actor, s.Actor.id == s.Alias.actor_id)
            .where(s.Alias.key.in_(keys), s.Actor.merged_into_id.is_(None))
        )
    )
    if not holders:
        return None
    return session.get(s.Actor, holders.most_common(1)[0][0])
