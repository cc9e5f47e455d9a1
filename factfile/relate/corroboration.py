"""How many independent outlets support a statement, fact or event: sources, not copies.

A claim carried by a wire story and its twenty republications has one source. Every supporting
document is first replaced by its origin (the original it copies, see relate/copies.py); the origins
are then counted once per outlet (an outlet repeating itself is still one source). An item supported by
one independent outlet is single-source.

The same claim in different documents is found by what it is about:
- facts: the same actor, predicate and value (or value actor);
- events: the same type, compatible actors, the same place (finer than a country) or story, and dates at most a day apart;
- statements: the same claim (relate/claims.same_claim: sentence embeddings and words, numbers and
  negation apart; among the statements sharing an LSH key of their content words) from the same source
  (actor, or source text) anywhere, or from any source within one story. Outlets resolve the same
  speaker differently ("the South command of Ukraine's armed forces" unresolved on one page, "the
  Southern Command" an actor on another; a pronoun; a wrong actor), so within a story the content
  decides: on eval/realstory's Kakhovka pairs of one labelled claim whose statements were found, 18 of
  71 were grouped by source, 34 of 71 by story, with no pair of two labelled claims grouped. From
  another source, a content naming someone the other does not, and the other someone it does not
  (claims.names_differ: "Ukraine blew up the dam" / "Russia blew up the dam"), is the other side of a
  dispute, however alike their words. The same source actor within one story is compared by less
  (claims.same_sayer_claim: a shared number, two denials, a claimed slot of the story's happening filled alike
  (relate/slots.py), a fifth of their words), which reaches the
  same claim reported in two languages, where words and the English-only vectors cannot; such statements
  of two reports pair off one to one (`_aligned`). Where their words share nothing (a claim told in Ukrainian and
  in Italian), the same source's statements of one story are also grouped by their vectors across languages
  (claims.sayer_groups: average linkage over all of them, not one pair's cosine). A statement whose source no actor
  was given for ("Russian news agencies", "the committee") counts as one actor's where it retells, as closely as a
  translation, what one of that actor's statements of the story says, and no other actor's (`_adopted`).

    support = corroboration.for_statements(session, [12, 13])   # {12: Corroboration, 13: ...}
    support[12].outlets, support[12].single_source, support[12].documents
    claim_ids(session, [12, 13])                                 # {12: 7, 13: 13}: the claim each belongs to
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from sqlalchemy import Row, exists, func, intersect, or_, select, union
from sqlalchemy.orm import Session

from factfile.relate import claims, embedding, slots
from factfile.store.schema import Document, Event, Fact, MultilingualVector, Outlet, Place, Statement, StatementBand

# Share of two groups' statement pairs that must make the same claim (`for_statements`) for `claim_groups` to join
# them: on eval/realstory's five dev sets, 0.5 grouped pairs of one labelled claim with P 0.832 R 0.137 where each
# statement taking its first peer's claim gave P 0.800 R 0.133. On the four sets without Kramatorsk, more than half
# gave P 0.917 R 0.163, half P 0.905 R 0.172.
MAJORITY = 0.5
SAME_CONTENT = claims.SAME_WORDS  # rapidfuzz token_set_ratio above which two contents without vectors say the same
MAX_DAYS_APART = 1
# GeoNames feature codes of a country (the political entities, A.PCL*) and of a continent: a report placed there names
# no site another report of the same type can share.
WIDE_PLACES = frozenset({"PCL", "PCLD", "PCLF", "PCLH", "PCLI", "PCLIX", "PCLS", "CONT"})


@dataclass(slots=True)
class Corroboration:
    """Support for one item: its documents, their origins and the independent outlets behind them."""

    item_id: int
    documents: list[int]  # every document carrying the item, copies included
    origins: list[int]  # the documents they come from (copies collapsed to their original)
    outlets: list[str]  # the independent sources: outlet of each origin (or "document N" without one)
    items: list[int] = field(default_factory=list)  # ids of the matching rows (statements, facts or events)

    @property
    def count(self) -> int:
        return len(self.outlets)

    @property
    def single_source(self) -> bool:
        return self.count <= 1

    @property
    def copies(self) -> int:
        """Supporting documents that are copies of another document: not counted as sources."""
        return len(set(self.documents) - set(self.origins))


def outlet_label(outlet_key: str | None, document_id: int) -> str:
    """How an independent source is named: its outlet, or the document itself when the outlet is unknown."""
    return outlet_key.removeprefix("name:") if outlet_key else f"document {document_id}"


def _origins_and_outlets(session: Session, document_ids: set[int]) -> tuple[dict[int, int], dict[int, str]]:
    """(each document's origin: itself, or the original it copies; each origin's `outlet_label`), two queries."""
    if not document_ids:
        return {}, {}
    origin_of = {
        doc_id: copy_of or doc_id
        for doc_id, copy_of in session.execute(select(Document.id, Document.copy_of_id).where(Document.id.in_(document_ids)))
    }
    outlet_of = {
        doc_id: outlet_label(outlet_key, doc_id)
        for doc_id, outlet_key in session.execute(
            select(Document.id, Outlet.key).outerjoin(Outlet, Outlet.id == Document.outlet_id).where(Document.id.in_(set(origin_of.values())))
        )
    }
    return origin_of, outlet_of


def independent_sources(session: Session, document_ids: Iterable[int]) -> tuple[list[int], list[str]]:
    """(origins, independent outlets) behind a set of documents."""
    origin_of, outlet_of = _origins_and_outlets(session, set(document_ids))
    return sorted(set(origin_of.values())), sorted(set(outlet_of.values()))


def _support(session: Session, item_id: int, rows: list[tuple[int, int]]) -> Corroboration:
    """rows: (matching item id, its document id)."""
    return _supports(session, {item_id: rows})[item_id]


def _supports(session: Session, rows_by_item: dict[int, list[tuple[int, int]]]) -> dict[int, Corroboration]:
    """`_support` for many items with two queries in all, not two per item (a dossier lists forty)."""
    origin_of, outlet_of = _origins_and_outlets(session, {doc for rows in rows_by_item.values() for _, doc in rows})
    result = {}
    for item_id, rows in rows_by_item.items():
        docs = sorted({doc for _, doc in rows})
        item_origins = sorted({origin_of[doc] for doc in docs if doc in origin_of})
        outlets = sorted({outlet_of[doc] for doc in item_origins if doc in outlet_of})
        result[item_id] = Corroboration(item_id, docs, item_origins, outlets, sorted({item for item, _ in rows}))
    return result


def normalise_value(value: str) -> str:
    return re.sub(r"[^\w]+", " ", value.casefold()).strip()


def for_facts(session: Session, fact_ids: Iterable[int]) -> dict[int, Corroboration]:
    facts = session.scalars(select(Fact).where(Fact.id.in_(set(fact_ids)))).all()
    actors = {f.actor_id for f in facts if f.actor_id is not None}
    peers = session.scalars(select(Fact).where(Fact.actor_id.in_(actors))).all() if actors else []
    result = {}
    for fact in facts:
        same = [
            (p.id, p.document_id)
            for p in peers
            if fact.actor_id is not None and _same_fact(fact, p)
        ] or [(fact.id, fact.document_id)]
        result[fact.id] = _support(session, fact.id, same)
    return result


def _same_fact(a: Fact, b: Fact) -> bool:
    if a.actor_id != b.actor_id or a.predicate != b.predicate:
        return False
    if a.value_actor_id is not None and a.value_actor_id == b.value_actor_id:
        return True
    return normalise_value(a.value) == normalise_value(b.value)


def same_events(session: Session, event: Event) -> list[Event]:
    """Events in the store that report the same happening as `event` (itself included), in id order."""
    return reports_of(session, [event])[event.id]


def reports_of(session: Session, events: Iterable[Event]) -> dict[int, list[Event]]:
    """`same_events` of each event, with three queries for all of them, not three per event (a page lists ten):
    the events' stories, their places that are a country or a continent (`WIDE_PLACES`: no site; reports of a
    year apart in three stories placed "in Ukraine" are no one happening), then every event of their types at
    one of their other places or in one of their stories.
    The third is led by the places and by the stories' documents, a union of the two: with the type in
    either, or the two OR-ed, a planner without statistics (SQLite before ANALYZE) walks every event of the
    type across the store."""
    events = list(events)
    story_of = dict(session.execute(select(Document.id, Document.story_id).where(Document.id.in_({e.document_id for e in events}))).all())
    places = {e.place_id for e in events if e.place_id is not None}
    if places:
        places -= set(session.scalars(select(Place.id).where(Place.id.in_(places), Place.feature_code.in_(WIDE_PLACES))))
    stories = {story_of.get(e.document_id) for e in events} - {None}
    types = {e.event_type for e in events}
    near = [select(Event.id).where(Event.place_id.in_(places), Event.event_type.in_(types))] if places else []
    if stories:
        near.append(select(Event.id).where(Event.document_id.in_(select(Document.id).where(Document.story_id.in_(stories)))))
    at_place: dict[tuple, list[Event]] = defaultdict(list)
    in_story: dict[tuple, list[Event]] = defaultdict(list)
    if near:
        for peer, peer_story in session.execute(
            select(Event, Document.story_id).join(Document, Document.id == Event.document_id)
            .where(Event.id.in_(near[0] if len(near) == 1 else union(*near)), Event.event_type.in_(types))
        ):
            if peer.place_id is not None:
                at_place[peer.event_type, peer.place_id].append(peer)
            if peer_story is not None:
                in_story[peer.event_type, peer_story].append(peer)
    result = {}
    for event in events:
        story_id = story_of.get(event.document_id)
        if event.place_id not in places and story_id is None:
            result[event.id] = [event]
            continue
        found = {peer.id: peer for peer in at_place.get((event.event_type, event.place_id), ()) if event.place_id in places}
        found.update((peer.id, peer) for peer in in_story.get((event.event_type, story_id), ()) if story_id is not None)
        result[event.id] = [found[i] for i in sorted(found) if i == event.id or compatible_events(event, found[i])]
    return result


def compatible_events(a: Event, b: Event) -> bool:
    """Whether two reports may tell one happening: dated close enough and sharing their actors where both name them."""
    if a.date_start and b.date_start and abs((a.date_start - b.date_start).days) > MAX_DAYS_APART:
        return False
    actors_a = {x for x in (a.actor1_id, a.actor2_id) if x is not None}
    actors_b = {x for x in (b.actor1_id, b.actor2_id) if x is not None}
    return not (actors_a and actors_b and not actors_a & actors_b)


def for_events(session: Session, event_ids: Iterable[int]) -> dict[int, Corroboration]:
    events = session.scalars(select(Event).where(Event.id.in_(set(event_ids)))).all()
    reports = reports_of(session, events)
    return {event.id: _support(session, event.id, [(e.id, e.document_id) for e in reports[event.id]]) for event in events}


def same_statements(session: Session, statement: Statement, any_certainty: bool = False) -> list[Statement]:
    """Statements in the store that say the same as `statement` (itself included).

    Peers: the same source actor, else the same source text, anywhere in the store; and every statement
    of the same story, whatever its source. Saying the same: sharing a band key of the content words
    (relate/claims.py: likely from a word-set Jaccard of about 0.5 up) and `claims.same_claim`, or, for the
    same source actor's statements in the same story, `claims.same_sayer_claim` without a shared key, paired
    off one to one between two documents (`_aligned`), or in one group of `claims.sayer_groups` (vectors across
    languages). A denial does not support an assertion: unless
    `any_certainty`, both must be denials or neither. This is the definition, read one statement at a time;
    `for_statements` computes the same for many at once.
    """
    row = session.execute(_COMPARED.where(Statement.id == statement.id)).one_or_none()
    groups = _peer_groups(row) if row is not None else []
    if not groups:
        return [statement]
    found = session.execute(
        select(Statement, Document.story_id).join(Document, Document.id == Statement.document_id)
        .where(or_(*(_in_group(group) for group in groups)), Statement.marked_wrong.is_(False))
    ).all()
    peers = [p for p, _ in found]
    told = [p for p, story_id in found if story_id is not None and story_id == row.story_id]
    sayers = story_sayers([*told, row] if all(p.id != row.id for p in told) else told)
    sayers.update(_adopted(session, [*told, statement] if all(p.id != row.id for p in told) else told, sayers))
    kin_key = _kin_of(row, sayers)
    kindred = [p for p in told if kin_key is not None and kin_key == _kin_of_peer(p, row.story_id, sayers)]
    filled = _claimed_slots(session, {statement.id, *(p.id for p in kindred)})
    kin = _aligned(row, kindred, filled)
    sayer_group = _sayer_groups(session, {kin_key: kindred}, {kin_key}) if kin_key is not None else {}
    own = set(claims.keys_of([statement.content_text])[0])
    similar = {p.id for p, keys in zip(peers, claims.keys_of([p.content_text for p in peers]), strict=True) if own & set(keys)}
    vectors = claims.vectors_of(session, {statement.id} | similar | kin)
    denied = statement.certainty == "denied"
    return [
        p
        for p in peers
        if p.id == statement.id
        or (
            (any_certainty or (p.certainty == "denied") == denied)
            and ((p.id in similar and _same_claim(row, p, vectors)) or (p.id in kin and _same_sayer_claim(row, p, filled))
                 or _one_group(sayer_group, statement.id, p.id))
        )
    ]


def _same_claim(statement: Row, peer: Row | Statement, vectors: dict) -> bool:
    """`claims.same_claim`, and from another source no name the other content lacks on either side."""
    if not claims.same_claim(statement.content_text, peer.content_text, vectors.get(statement.id), vectors.get(peer.id)):
        return False
    return _same_source(statement, peer) or not claims.names_differ(statement.content_text, peer.content_text)


def _same_sayer_claim(statement: Row, peer: Row | Statement, filled: dict[int, frozenset] | None = None) -> bool:
    """`claims.same_sayer_claim` of two statements of one source actor in one story (`_kin_of`), with the claimed
    slots they fill (`_claimed_slots`)."""
    denials = statement.certainty == "denied" and peer.certainty == "denied"
    return claims.same_sayer_claim(statement.content_text, peer.content_text, denials, _share_slot(statement, peer, filled))


def _share_slot(a, b, filled: dict[int, frozenset] | None) -> bool:
    """Whether two statements fill a claimed slot alike; a slot naming no structure fills the one another names."""
    if not filled or a.id not in filled or b.id not in filled:
        return False
    return any(x[0] == y[0] and x[2:] == y[2:] and (x[1] == y[1] or x[1] is None or y[1] is None) for x in filled[a.id] for y in filled[b.id])


def _claimed_slots(session: Session, statement_ids: set[int]) -> dict[int, frozenset]:
    """The slots of the story's happening (relate/slots.py) each statement fills that say what it claims
    (`slots.claimed`), read by id: a source's contents in two languages share a slot where they share few words."""
    if not statement_ids:
        return {}
    rows = session.execute(
        select(Statement.id, Statement.content_text, Statement.cue_text, Statement.certainty, Statement.source_text)
        .where(Statement.id.in_(statement_ids))
    ).all()
    return {row.id: found for row in rows if (found := _slot_keys(row.content_text, row.cue_text, row.certainty, row.source_text))}


@lru_cache(maxsize=1 << 14)
def _slot_keys(content: str, cue: str | None, certainty: str, source: str | None) -> frozenset:
    return frozenset((s.attribute, s.target, s.value, s.denied) for s in slots.read(content, cue, certainty, source) if slots.claimed(s))


def _aligned(statement: Row, kin: list, filled: dict[int, frozenset] | None = None, closeness: dict[tuple[int, int], float] | None = None) -> set[int]:
    """The kin (`_kin_of`) a statement may share a claim with by `claims.same_sayer_claim`: in each other document,
    only its closest statements (`claims.sayer_similarity`), and only those to which no other statement of its own
    document is closer. One source's statements in two reports of one story pair off one to one: a prolific
    sayer's other claims in the same report ("the attack was ordered by Shoigu" / "Rostov's military sites are
    under our control") are not the same claim because they share the story's names. A kin filling a claimed slot
    alike (`_share_slot`), in the statement's own document too, is compared whatever its closeness: the slot says
    what it claims where its words, in another language, do not, and one report giving a claim twice gives it once.

    `closeness` keeps the similarities of (own statement, other report's statement) pairs across calls: the
    statements of one report ask about the same pairs."""
    closeness = {} if closeness is None else closeness

    def close(own, other) -> float:
        if (own.id, other.id) not in closeness:
            closeness[own.id, other.id] = claims.sayer_similarity(own.content_text, other.content_text, _share_slot(own, other, filled))
        return closeness[own.id, other.id]

    by_document: dict[int, list] = {}
    for peer in kin:
        by_document.setdefault(peer.document_id, []).append(peer)
    own = by_document.get(statement.document_id, [])
    if not any(p.id == statement.id for p in own):
        own = [*own, statement]
    allowed = set()
    for document_id, peers in by_document.items():
        if document_id == statement.document_id:
            continue
        best = max(close(statement, p) for p in peers)
        for peer in peers:
            if close(statement, peer) == best and all(close(other, peer) <= best for other in own):
                allowed.add(peer.id)
    return allowed | {p.id for p in kin if _share_slot(statement, p, filled)}


def _kin_of(statement: Row, sayers: dict[int, int] | None = None) -> tuple[int, int] | None:
    """(source actor, story) of a statement with a story and a source actor, or a source its story's statements tell
    as one actor's (`story_sayers`): its kin, the same source's statements in the same story, are compared by
    `claims.same_sayer_claim`, whatever their words' language."""
    actor = statement.source_actor_id or (sayers or {}).get(statement.id)
    if actor is None or statement.story_id is None:
        return None
    return actor, statement.story_id


def _kin_of_peer(peer, story_id: int, sayers: dict[int, int]) -> tuple[int, int] | None:
    actor = peer.source_actor_id or sayers.get(peer.id)
    return (actor, story_id) if actor is not None else None


def story_sayers(statements: Iterable) -> dict[int, int]:
    """The source actor of each of one story's statements whose source no actor was given for, where the story's
    other statements tell it: the words of its source ("the defence ministry", "the committee", "Yevgeny Prigozhin")
    are all among those one actor's statements of the story are said by ("Russia's defence ministry"), and among no
    other actor's. Outlets name one speaker many ways, and a name the resolver missed on one page it found on another."""
    statements = list(statements)
    words: dict[int, set[str]] = defaultdict(set)
    for st in statements:
        if st.source_actor_id is not None and st.source_text:
            words[st.source_actor_id] |= _sayer_words(st.source_text)
    found = {}
    for st in statements:
        if st.source_actor_id is not None or not st.source_text or not (own := _sayer_words(st.source_text)):
            continue
        holders = [actor for actor, held in words.items() if own <= held]
        if len(holders) == 1:
            found[st.id] = holders[0]
    return found


@lru_cache(maxsize=1 << 14)
def _sayer_words(source: str) -> frozenset[str]:
    """The words of a source that may name it: casefolded, stop words and pronouns left out (none: it names no one)."""
    words = (w.casefold() for w in re.findall(r"\w+", source) if not w.isdigit())
    return frozenset(w for w in words if w not in claims._stop_words())


def _same_source(statement: Row, peer: Row | Statement) -> bool:
    """The source group of `_peer_groups`: the same actor, else the same source text."""
    if statement.source_actor_id is not None:
        return peer.source_actor_id == statement.source_actor_id
    return bool(statement.source_text) and peer.source_text == statement.source_text


def one_source(a, b) -> bool:
    """Whether either statement's source group (`_peer_groups`: its actor, else its source text) holds the other: the
    pairs corroboration compares as one source's, whichever of the two it reads first."""
    return _same_source(a, b) or _same_source(b, a)


def for_statements(session: Session, statement_ids: Iterable[int]) -> dict[int, Corroboration]:
    """`same_statements` for each statement, reading only the statements that share a band key with it.

    The band keys are looked up in the stored index (`statement_bands`), so the cost follows the number
    of similar statements, not the number of statements their sources have made.
    """
    ids = set(statement_ids)
    if not ids:
        return {}
    statements = session.execute(_COMPARED.where(Statement.id.in_(ids))).all()
    keys = dict(zip((st.id for st in statements), claims.keys_of([st.content_text for st in statements]), strict=True))
    asking: dict[tuple, list[Row]] = {}
    same: dict[int, list[tuple[int, int]]] = {}
    for statement in statements:
        groups = _peer_groups(statement)
        same[statement.id] = [(statement.id, statement.document_id)] if not groups else []
        for group in groups:
            asking.setdefault(group, []).append(statement)
    near: dict[int, dict[int, _Peer]] = {}
    by_kind: dict[str, dict] = {}
    for (kind, value), members in asking.items():
        by_kind.setdefault(kind, {})[value] = members
    for kind, groups in by_kind.items():  # one look-up per kind of group, not per group (a page asks about twenty)
        wanted = {key for members in groups.values() for st in members for key in keys[st.id]}
        holding: dict[tuple, list[_Peer]] = {}
        for peer, value in _similar_in_groups(session, kind, set(groups), wanted):
            for key in set(peer.keys):
                holding.setdefault((value, key), []).append(peer)
        for value, members in groups.items():
            for statement in members:
                near.setdefault(statement.id, {}).update((p.id, p) for key in set(keys[statement.id]) for p in holding.get((value, key), ()))
    kin, sayers = _kin(session, {st.story_id for st in statements if st.story_id is not None})
    kin_of = {st.id: _kin_of(st, sayers) for st in statements}
    filled = _claimed_slots(session, {st.id for st in statements} | {p.id for found in kin.values() for p in found})
    vectors = claims.vectors_of(session, set(near) | {p for found in near.values() for p in found})
    sayer_group = _sayer_groups(session, kin, {key for key in kin_of.values() if key is not None})
    closeness: dict[tuple[int, int], float] = {}
    for statement in statements:
        if statement.id not in near:
            continue
        denied = statement.certainty == "denied"
        itself = [(statement.id, statement.document_id)] if not statement.marked_wrong else []
        kindred = {p.id: p for p in kin.get(kin_of[statement.id], ())}
        aligned = _aligned(statement, list(kindred.values()), filled, closeness)
        candidates = {**kindred, **near[statement.id]}
        same[statement.id] = itself + [
            (p.id, p.document_id)
            for p in sorted(candidates.values(), key=lambda p: p.id)
            if p.id != statement.id
            and (p.certainty == "denied") == denied
            and ((p.id in near[statement.id] and _same_claim(statement, p, vectors)) or (p.id in aligned and _same_sayer_claim(statement, p, filled))
                 or _one_group(sayer_group, statement.id, p.id))
        ]
    return _supports(session, same)


def _sayer_groups(session: Session, kin: dict[tuple[int, int], list], keys: set[tuple[int, int]]) -> dict[int, int]:
    """`claims.sayer_groups` of the kin (one source's statements of one story) of each of `keys`, read with their vectors
    across languages (those stored have one: `claim_vectors.add_multilingual`)."""
    wanted = {p.id for key in keys for p in kin.get(key, ())}
    if not wanted:
        return {}
    vectors = {i: embedding.from_bytes(v) for i, v in session.execute(
        select(MultilingualVector.statement_id, MultilingualVector.vector).where(MultilingualVector.statement_id.in_(wanted)))}
    group = {}
    for key in keys:
        group.update(claims.sayer_groups(kin.get(key, ()), vectors))
    return group


def _one_group(group: dict[int, int], a: int, b: int) -> bool:
    return a in group and group.get(b) == group[a]


def _kin(session: Session, stories: set[int]) -> tuple[dict[tuple[int, int], list[_Peer]], dict[int, int]]:
    """(the statements (not marked wrong) of each (source actor, story) pair of these stories, a statement without an
    actor counted for the one its story tells (`story_sayers`); those statements' actors), one query for all, led by
    the stories' documents: a story holds a few hundred statements, a prolific source thousands across the store."""
    if not stories:
        return {}, {}
    rows = session.execute(
        select(Statement.id, Statement.document_id, Statement.content_text, Statement.certainty, Statement.source_actor_id,
               Statement.source_text, Statement.source_type, Document.story_id)
        .join(Document, Document.id == Statement.document_id)
        .where(Document.story_id.in_(stories), Statement.marked_wrong.is_(False))
        .order_by(Statement.id)
    ).all()
    by_story: dict[int, list] = defaultdict(list)
    for row in rows:
        by_story[row.story_id].append(row)
    sayers = {}
    for told in by_story.values():
        sayers.update(story_sayers(told))
        sayers.update(_adopted(session, told, sayers))
    found: dict[tuple[int, int], list[_Peer]] = {}
    for row in rows:
        if (actor := row.source_actor_id or sayers.get(row.id)) is not None:
            found.setdefault((actor, row.story_id), []).append(
                _Peer(row.id, row.document_id, row.content_text, row.certainty, row.source_actor_id, row.source_text, []))
    return found, sayers


def _adopted(session: Session, told: list, sayers: dict[int, int]) -> dict[int, int]:
    """The source actor of each attributed statement of one story (`told`) that no actor was given for, nor the story's
    statements tell by their sources' words (`sayers`, `story_sayers`), where its content says what an actor's statement
    of the story in another document says, by their vectors across languages and their words (`claims.sayer_closeness`
    at least `claims.ADOPT_CLOSENESS`), and no other actor's comes within `claims.ADOPT_MARGIN` of it. Outlets relay a
    source as "Russian news agencies", "the committee", "le ministère de la Défense", "he": the claim, told in the
    source's words in every language, names it where the outlet's description does not."""
    orphans = [st for st in told if st.source_actor_id is None and st.id not in sayers and st.source_type != "article"]
    said = [st for st in told if (st.source_actor_id or sayers.get(st.id)) is not None]
    if not orphans or not said:
        return {}
    wanted = {st.id for st in orphans} | {st.id for st in said}
    vectors = {
        i: embedding.from_bytes(v)
        for i, v in session.execute(
            select(MultilingualVector.statement_id, MultilingualVector.vector).where(MultilingualVector.statement_id.in_(wanted))
        )
    }
    orphans = [st for st in orphans if st.id in vectors]
    said = [st for st in said if st.id in vectors]
    if not orphans or not said:
        return {}
    # a pair whose cosine falls short of the margin under the floor by more than its words can add is passed over
    cosines = np.stack([vectors[st.id] for st in orphans]) @ np.stack([vectors[st.id] for st in said]).T
    reach = claims.ADOPT_CLOSENESS - claims.ADOPT_MARGIN - claims.SAYER_LINKAGE_WORDS
    found = {}
    for i, orphan in enumerate(orphans):
        best: dict[int, float] = {}
        for j in np.flatnonzero(cosines[i] >= reach).tolist():
            st = said[j]
            if st.document_id != orphan.document_id:
                actor = st.source_actor_id or sayers[st.id]
                closeness = claims.sayer_closeness(orphan, st, vectors[orphan.id], vectors[st.id])
                best[actor] = max(best.get(actor, claims.APART_CLOSENESS), closeness)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        if ranked and ranked[0][1] >= claims.ADOPT_CLOSENESS and (len(ranked) == 1 or ranked[1][1] < ranked[0][1] - claims.ADOPT_MARGIN):
            found[orphan.id] = ranked[0][0]
    return found


def claim_ids(session: Session, statement_ids: Iterable[int]) -> dict[int, int]:
    """The claim each statement belongs to, as readers are shown it: the id of the first statement, by arrival
    (documents.seq, then id), of its claim group (`claim_groups`) among these statements and those making the same
    claim as one of them (`for_statements`)."""
    support = for_statements(session, statement_ids)
    asked = set(support)
    if further := {peer for found in support.values() for peer in found.items} - asked:
        support.update(for_statements(session, further))
    links: dict[int, set[int]] = {item: set() for item in support}
    for item, found in support.items():
        for peer in found.items:
            if peer != item:
                links[item].add(peer)
                links.setdefault(peer, set()).add(item)
    order = dict(session.execute(
        select(Statement.id, Document.seq).join(Document, Document.id == Statement.document_id).where(Statement.id.in_(set(links)))
    ).all())
    groups = claim_groups(links, lambda statement: (order.get(statement) or 0, statement))
    return {item: groups[item] for item in asked}


def claim_groups(links: dict[int, set[int]], arrival: Callable[[int], tuple]) -> dict[int, int]:
    """Each statement's group, named by its first member by `arrival`: groups are joined, the most linked pair first
    (the share of their statement pairs that `links` says make the same claim), while that share is at least
    `MAJORITY` (average linkage). A link is one pairwise judgement and a few are wrong; a statement quoting two
    claims links to both. Joining whatever links (a closure), or taking a peer's claim, chains two claims through one
    such link; a group joins another only where most of their pairs agree.

    The pairs wait in a heap, most linked first (then by their groups' keys); a join changes only the shares of the
    joined group's pairs, which are pushed again, and an entry pushed before its groups last changed is passed over:
    O(links log links), not a rescan of every pair for each join."""
    members = {statement: [statement] for statement in links}
    between: dict[int, dict[int, int]] = {statement: dict.fromkeys(peers, 1) for statement, peers in links.items()}
    changed = dict.fromkeys(links, 0)  # how often each group has changed: an entry carries the counts it was pushed at
    waiting: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        share = between[a][b] / (len(members[a]) * len(members[b]))
        if share >= MAJORITY:
            heapq.heappush(waiting, (-share, a, b, changed[a], changed[b]))

    for a, peers in between.items():
        for b in peers:
            if a < b:
                push(a, b)
    while waiting:
        _, a, b, a_changed, b_changed = heapq.heappop(waiting)
        if a not in members or b not in members or changed[a] != a_changed or changed[b] != b_changed:
            continue
        members[a] += members.pop(b)
        for other, count in between.pop(b).items():
            if other != a:
                between[other].pop(b)
                between[a][other] = between[a].get(other, 0) + count
                between[other][a] = between[a][other]
        between[a].pop(b, None)
        changed[a] += 1
        for other in between[a]:
            push(a, other)
    group_of = {}
    for group in members.values():
        head = min(group, key=arrival)
        group_of.update((statement, head) for statement in group)
    return group_of


# What the comparison reads of a statement: columns, not ORM objects.
_COMPARED = select(
    Statement.id, Statement.document_id, Statement.source_actor_id, Statement.source_text, Statement.content_text,
    Statement.certainty, Statement.marked_wrong, Document.story_id,
).join(Document, Document.id == Statement.document_id)


@dataclass(slots=True)
class _Peer:
    id: int
    document_id: int
    content_text: str
    certainty: str
    source_actor_id: int | None
    source_text: str | None
    keys: list[int]


# The column a statement (joined to its document) is grouped by, for each kind of peer group.
_GROUP_COLUMNS = {"actor": Statement.source_actor_id, "text": Statement.source_text, "story": Document.story_id}


def _in_group(group: tuple):
    """The condition on a statement (joined to its document) of belonging to a peer group."""
    kind, value = group
    return _GROUP_COLUMNS[kind] == value


def _similar_in_groups(session: Session, kind: str, values: set, keys: set[int]) -> list[tuple[_Peer, object]]:
    """The statements (not marked wrong) of the groups of one kind holding one of `keys`, each with its own
    keys and the group it belongs to. A statement holding a key of another group's members only is read but
    never compared: the caller looks peers up by their group and the key.

    One query, led by whichever side is smaller. A source text's statements are found from
    the stored band keys (a prolific source has tens of thousands of statements, the keys of twenty of
    them select a few hundred); a source actor's and a story's by the plan two counts choose (`_plan`):
    a story holds a few hundred statements, while a short content of common names shares its keys with
    tens of thousands of statements across the store.
    """
    column = _GROUP_COLUMNS[kind]
    in_group = column.in_(values)
    holders = select(StatementBand.statement_id).where(StatementBand.key.in_(keys))
    plan = "keys" if kind == "text" else _plan(session, kind, in_group, keys)
    if plan == "group":
        holding = exists().where(StatementBand.statement_id == Statement.id, StatementBand.key.in_(keys))
    elif plan == "both":
        holding = Statement.id.in_(intersect(holders, _members(kind, in_group)))
    else:
        holding = Statement.id.in_(holders)
    query = (
        select(Statement.id, Statement.document_id, Statement.content_text, Statement.certainty, Statement.source_actor_id, Statement.source_text, column)
        .join(Document, Document.id == Statement.document_id)
        .where(holding, Statement.marked_wrong.is_(False), in_group)
    )
    rows = session.execute(query).all()
    held = claims.keys_of([row.content_text for row in rows])
    return [
        (_Peer(row.id, row.document_id, row.content_text, row.certainty, row.source_actor_id, row.source_text, own), row[-1])
        for row, own in zip(rows, held, strict=True)
    ]


def _members(kind: str, in_group):
    """The ids of a group's statements, from indexes alone (a story's through its documents)."""
    query = select(Statement.id)
    if kind == "story":
        query = query.join(Document, Document.id == Statement.document_id)
    return query.where(in_group)


def _plan(session: Session, kind: str, in_group, keys: set[int]) -> str:
    """How to find a group's statements holding one of `keys`: "group", walk its statements and look each up in
    the keys (a lookup per statement and key); "both", intersect its statement ids with the keys' holders (one
    index entry per statement and per holder); "keys", walk the holders and look each up in the group (a row
    per holder). A key of common words is held by thousands of statements across the store, a story holds a few
    hundred, a prolific source thousands (the counts come from indexes; only a story's needs the documents)."""
    holders = session.scalar(select(func.count()).select_from(StatementBand).where(StatementBand.key.in_(keys))) or 0
    made = session.scalar(select(func.count()).select_from(_members(kind, in_group).subquery())) or 0
    if made * len(keys) < holders:
        return "group"
    return "both" if made < holders else "keys"


def _peer_groups(statement: Row) -> list[tuple]:
    """Which statements may say the same as this one (see `same_statements`): its source's (actor, else
    source text) and its story's; none: only itself."""
    groups = []
    if statement.source_actor_id is not None:
        groups.append(("actor", statement.source_actor_id))
    elif statement.source_text:
        groups.append(("text", statement.source_text))
    if statement.story_id is not None:
        groups.append(("story", statement.story_id))
    return groups
