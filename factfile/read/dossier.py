"""An actor's dossier: everything the store knows about it, each line with its evidence and source.

The same `Dossier` feeds the CLI (`factfile show`), the API and the web page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from factfile.errors import NotFound
from factfile.extract.facts import SINGLE_VALUED
from factfile.extract.names import name_key
from factfile.read.actors import actor_ids
from factfile.read.events import EventRow, find_events
from factfile.read.sql import OUTLET_NAME, sentence_of
from factfile.read.statements import StatementLine, said_about, said_by
from factfile.relate.contradictions import disagree
from factfile.relate.corroboration import outlet_label
from factfile.store import schema as s

PREDICATE_ORDER = (
    "description", "founded", "founded_by", "based_in", "size", "leader", "commander", "head", "chief", "founder",
    "spokesman", "spokeswoman", "spokesperson", "designation", "part_of", "ally", "opponent",
)


@dataclass(slots=True)
class Evidence:
    """Where a line comes from: the sentence, its document and outlet, and the highlighted part."""

    document_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    declared_source: str | None
    sentence: str
    highlight: tuple[int, int]  # offsets into `sentence`
    start: int  # offsets into the document text
    end: int
    said_by: str | None = None  # the actor the sentence attributes the fact to ("UNIAN")


    @property
    def source_label(self) -> str:
        """Who published it, and whom they credit: "example.com, credits Watson"."""
        where = self.outlet or f"document {self.document_id}"
        return f"{where}, credits {self.declared_source}" if self.declared_source else where


@dataclass(slots=True)
class FactLine:
    predicate: str
    value: str
    evidence: list[Evidence]  # the first few sentences stating it (`mentions` counts them all)
    independent_outlets: list[str] = field(default_factory=list)  # relate/corroboration: copies collapsed
    mentions: int = 0

    @property
    def outlets(self) -> int:
        """Independent outlets: a copy of another outlet's article counts for the original outlet."""
        return len(self.independent_outlets) or len({e.outlet or f"doc{e.document_id}" for e in self.evidence})

    @property
    def sources(self) -> list[str]:
        """Who says it, as the articles attribute it ("UNIAN", "Oleksiy Arestovych"), else the outlets."""
        said = [e.said_by or e.source_label for e in self.evidence]
        return list(dict.fromkeys(said))


@dataclass(slots=True)
class DocumentMentions:
    document_id: int
    title: str | None
    outlet: str | None
    mentions: int
    evidence: list[Evidence]


@dataclass(slots=True)
class Dossier:
    actor_id: int
    name: str
    kind: str
    aliases: list[tuple[str, int]]
    facts: list[FactLine]
    documents: list[DocumentMentions]
    mention_count: int
    document_count: int
    outlet_count: int
    alias_count: int = 0  # all its aliases; `aliases` holds the most used
    events: list[EventRow] = field(default_factory=list)  # what it did or underwent, by date

    @property
    def conflicts(self) -> dict[str, list[FactLine]]:
        """Predicates with one true value (size, founding date, base ...) on which sources disagree."""
        by_predicate: dict[str, list[FactLine]] = {}
        for line in self.facts:
            if line.predicate in SINGLE_VALUED:
                by_predicate.setdefault(line.predicate, []).append(line)
        return {
            p: lines for p, lines in by_predicate.items()
            if len(lines) > 1 and disagree(p, [(line.value, line.evidence[0].published if line.evidence else None) for line in lines])
        }
    said: list[StatementLine] = field(default_factory=list)  # statements the actor is the source of
    said_about: list[StatementLine] = field(default_factory=list)  # others' statements mentioning it


def build_dossier(
    session: Session, actor_id: int, max_documents: int = 50, max_sentences: int = 3, max_items: int = 50, lists: bool = True
) -> Dossier:
    """The dossier; long sections keep their `max_items` first entries and count the rest (`alias_count`,
    `FactLine.mentions`), so an actor with 100,000 mentions costs little more than one with 100.
    `lists=False` leaves out what it said, what was said about it and its events, for a caller that
    pages through those itself (the web page)."""
    actor = session.get(s.Actor, actor_id)
    if actor is None:
        raise NotFound(f"no actor with id {actor_id}")
    ids = actor_ids(session, actor_id)
    mention_count, document_count = session.execute(
        select(func.count(), func.count(func.distinct(s.Mention.document_id))).where(s.Mention.actor_id == actor_id)
    ).one()
    aliases = [
        (name, n)
        for name, n in session.execute(
            select(s.Alias.name, s.Alias.mentions)
            .where(s.Alias.actor_id == actor_id)
            .order_by(s.Alias.mentions.desc(), s.Alias.name)
            .limit(max_items)
        )
    ]
    return Dossier(
        actor_id=actor.id,
        name=actor.name,
        kind=actor.kind,
        aliases=aliases,
        alias_count=session.scalar(select(func.count()).where(s.Alias.actor_id == actor_id)) or 0,
        facts=_facts(session, actor_id, max_sentences),
        documents=_documents(session, actor_id, max_documents, max_sentences),
        mention_count=mention_count,
        document_count=document_count,
        outlet_count=session.scalar(
            select(func.count(func.distinct(s.Document.outlet_id))).where(
                s.Document.id.in_(select(s.Mention.document_id).where(s.Mention.actor_id == actor_id))
            )
        )
        or 0,
        events=find_events(session, actor_ids=ids, limit=max_documents) if lists else [],
        said=said_by(session, actor_id, limit=max_items, ids=ids) if lists else [],
        said_about=said_about(session, actor_id, limit=max_items, ids=ids) if lists else [],
    )


def _evidence_columns(model):
    return (
        s.Document.id,
        s.Document.title,
        OUTLET_NAME,
        s.Document.url,
        s.Document.published,
        s.Document.declared_source,
        sentence_of(model),
        model.sent_start,
        model.start,
        model.end,
    )


def _evidence(row) -> Evidence:
    doc_id, title, outlet, url, published, declared, sentence, sent_start, start, end = row
    return Evidence(
        document_id=doc_id,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        declared_source=declared,
        sentence=sentence,
        highlight=(start - sent_start, end - sent_start),
        start=start,
        end=end,
    )


def _facts(session: Session, actor_id: int, max_sentences: int) -> list[FactLine]:
    """Profile lines: one per (predicate, value), counted in SQL, with its first sentences (who says
    each) and the independent outlets behind it (copies count for their original, relate/corroboration.py)."""
    lines: dict[tuple[str, str], FactLine] = {}
    line_of: dict[tuple[str, str], FactLine] = {}  # (predicate, value as stored) -> line
    for predicate, value, n in session.execute(
        select(s.Fact.predicate, s.Fact.value, func.count())
        .where(s.Fact.actor_id == actor_id)
        .group_by(s.Fact.predicate, s.Fact.value)
        .order_by(func.count().desc(), s.Fact.predicate, s.Fact.value)
    ):
        line = lines.setdefault((predicate, name_key(value)), FactLine(predicate, value, []))
        line.mentions += n
        line_of[(predicate, value)] = line
    if not lines:
        return []
    root = aliased(s.Document)
    outlets: dict[int, set[str]] = {id(line): set() for line in lines.values()}
    for predicate, value, key, root_id in session.execute(
        select(s.Fact.predicate, s.Fact.value, s.Outlet.key, case((s.Outlet.key.is_(None), root.id)))
        .join(s.Document, s.Document.id == s.Fact.document_id)
        .join(root, root.id == func.coalesce(s.Document.copy_of_id, s.Document.id))
        .outerjoin(s.Outlet, s.Outlet.id == root.outlet_id)
        .where(s.Fact.actor_id == actor_id)
        .distinct()
    ):
        outlets[id(line_of[(predicate, value)])].add(outlet_label(key, root_id))
    first = (
        select(s.Fact.id, func.row_number().over(partition_by=(s.Fact.predicate, s.Fact.value), order_by=(s.Fact.document_id, s.Fact.start)).label("n"))
        .where(s.Fact.actor_id == actor_id)
        .subquery()
    )
    said_by = aliased(s.Actor)
    for predicate, value, source, *evidence in session.execute(
        select(s.Fact.predicate, s.Fact.value, said_by.name, *_evidence_columns(s.Fact))
        .join(s.Document, s.Document.id == s.Fact.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .outerjoin(said_by, said_by.id == s.Fact.source_actor_id)
        .where(s.Fact.id.in_(select(first.c.id).where(first.c.n <= max_sentences)))
        .order_by(s.Document.published, s.Document.id, s.Fact.start)
    ):
        line = line_of[(predicate, value)]
        if len(line.evidence) < max_sentences:
            item = _evidence(evidence)
            item.said_by = source
            line.evidence.append(item)
    for line in lines.values():
        line.independent_outlets = sorted(outlets[id(line)])
    order = {p: i for i, p in enumerate(PREDICATE_ORDER)}
    return sorted(lines.values(), key=lambda line: (order.get(line.predicate, len(order)), line.predicate, -line.outlets, -line.mentions))


def _documents(session: Session, actor_id: int, max_documents: int, max_sentences: int) -> list[DocumentMentions]:
    """The documents that mention the actor most, each with its first few distinct evidence sentences.

    Three small queries instead of one join, so an actor with 10,000s of mentions costs an index scan:
    the top documents (index only), the offsets of their mentions, then evidence for the chosen ones.
    """
    top = session.execute(
        select(s.Mention.document_id, func.count())
        .where(s.Mention.actor_id == actor_id)
        .group_by(s.Mention.document_id)
        .order_by(func.count().desc(), s.Mention.document_id)
        .limit(max_documents)
    ).all()
    if not top:
        return []
    chosen: dict[int, dict[int, int]] = {document_id: {} for document_id, _ in top}  # document -> sentence -> mention
    for mention_id, document_id, sent_start in session.execute(
        select(s.Mention.id, s.Mention.document_id, s.Mention.sent_start)
        .where(s.Mention.actor_id == actor_id, s.Mention.document_id.in_(chosen))
        .order_by(s.Mention.document_id, s.Mention.start)
    ):
        sentences = chosen[document_id]
        if len(sentences) < max_sentences and sent_start not in sentences:
            sentences[sent_start] = mention_id
    evidence: dict[int, list[Evidence]] = {document_id: [] for document_id in chosen}
    for row in session.execute(
        select(*_evidence_columns(s.Mention))
        .join(s.Document, s.Document.id == s.Mention.document_id)
        .outerjoin(s.Outlet, s.Outlet.id == s.Document.outlet_id)
        .where(s.Mention.id.in_([m for sentences in chosen.values() for m in sentences.values()]))
        .order_by(s.Mention.document_id, s.Mention.start)
    ):
        item = _evidence(row)
        evidence[item.document_id].append(item)
    return [
        DocumentMentions(document_id, items[0].title, items[0].outlet, n, items)
        for document_id, n in top
        if (items := evidence[document_id])
    ]
