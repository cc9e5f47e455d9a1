"""Claim vectors only where a comparison can use them: the writer embeds a statement when it is stored
next to another it may be compared with, and the other then too.

A vector (relate/embedding.py) decides nothing alone: `claims.same_claim` weighs it only for two
statements that both have one, after their numbers, negation and content words have let the pair
through, and the readers ask it only about a statement's peers: corroboration compares a statement
with those sharing a band key of its words among its source's and its story's statements, contradictions
a denial with the statements of its story. A statement with no such peer in another document is never
compared by vectors where it counts, and embedding every one was most of the pipeline's time beyond the
parse. So the writer, which sees the store, embeds a new statement (`claims.embedded`: English,
attributed) when a stored one of the same kind in another document is its peer (`peers`) and vectors
could join the two where a reader compares them (`could_be_one_claim`), and gives that peer its vector if it has
none yet. It asks what the readers ask (a cosine two different contents reach, the names of two sources' sides, a
denial's sayer), so that a pair no reader would join by vectors costs no embedding; most peers in one story are
such pairs (denials against statements no reader can set against them).

Peers are taken at the moment of writing: statements that become peers later (two stories merged, two
actors joined) are compared by their words, as statements stored before this rule are (below the store's
`vectors_from` mark, store/schema.StoreMark: a store from before vectors, a bulk load), which are never
peers here: embedding each on its first new peer cost a new document 1.4 s at 10,000 synthetic documents. A store
holding Telegram posts embeds every such statement: posts are matched to the statements reporting them
by vectors (relate/posts.py) outside these peer groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from sqlalchemy import and_, exists, insert, or_, select
from sqlalchemy.orm import Session

from factfile.records import Analysis
from factfile.relate import claims, contradictions
from factfile.relate.corroboration import one_source
from factfile.store.schema import Document, MultilingualVector, Post, Statement, StatementBand, StatementVector, StoreMark


@dataclass(frozen=True, slots=True)
class _Said:
    """What the rule reads of a statement, new or stored (the first fields as in `statements`)."""

    id: int
    document_id: int
    content_text: str
    cue_text: str | None
    certainty: str
    source_actor_id: int | None
    source_text: str | None
    story_id: int | None
    keys: frozenset[int]
    denies: bool  # contradictions.denies: compared with every statement of its story


# The highest cosine the model gives two contents that share under a tenth of their content words: on the 20,705
# pairs of one story's stored vectors in eval/realstory's dev sets sharing a content word, those under a tenth
# (14,024) stayed under 0.82 and those under 0.15 under 0.84; vectors joined none of them, and none under 0.15.
COSINE_CEILING = 0.9


@cache
def _ceiling() -> np.ndarray:
    """A vector whose dot product with itself is `COSINE_CEILING`."""
    return np.full(1, np.sqrt(COSINE_CEILING), dtype=np.float32)


def could_be_one_claim(a: _Said, b: _Said) -> bool:
    """Whether vectors could make `a` and `b` one claim where a reader compares them: a vector adds its cosine,
    at most `COSINE_CEILING` for two contents that differ, to their content words' Jaccard, so they share a content
    word, and `same_claim` at that cosine lets them through (most of one story's pairs share a word or two, and
    vectors joined none sharing under a sixth) (without its negation check: contradictions compare a
    claim with its denial, `_contrasted`); otherwise only corroboration compares them, which also asks what
    `_corroborating` does."""
    if not claims.content_words(a.content_text) & claims.content_words(b.content_text):
        return False
    if not claims.same_claim(a.content_text, b.content_text, _ceiling(), _ceiling(), polarity=False):
        return False
    return _contrasted(a, b) or _corroborating(a, b)


def _contrasted(a: _Said, b: _Said) -> bool:
    """Whether contradictions compare the two by vectors: one story, and a denial on one side with a sayer a reader
    can tell apart on the other (contradictions._named: a denial's peers without one are no side)."""
    if a.story_id is None or a.story_id != b.story_id:
        return False
    return (a.denies and contradictions._named(b)) or (b.denies and contradictions._named(a))


def _corroborating(a: _Said, b: _Said) -> bool:
    """Whether corroboration could join the two, whatever their cosine (relate/corroboration.same_statements): a shared
    band key within one source's or one story's statements, both denied or neither, both negated or neither, and from one source or, from two, neither naming someone
    the other does not (`claims.names_differ`: "Ukraine blew up the dam" / "Russia blew up the dam" are two sides).
    A pair that fails here is never joined by vectors, so embedding it is work no reader uses."""
    same_story = a.story_id is not None and a.story_id == b.story_id
    if not (a.keys & b.keys and (same_story or one_source(a, b))):
        return False
    if (a.certainty == "denied") != (b.certainty == "denied") or claims.negated(a.content_text) != claims.negated(b.content_text):
        return False
    return one_source(a, b) or not claims.names_differ(a.content_text, b.content_text)


def peers(a: _Said, b: _Said) -> bool:
    """Whether a reader compares `a` and `b` by vectors in two documents: a shared band key within one source's
    or one story's statements (corroboration), or one story with a denial on either side (contradictions).
    Within one document the words decide: a document supports a claim once, however often it repeats it,
    and a contradiction needs a confirmation and a denial in two documents."""
    if a.document_id == b.document_id:
        return False
    same_story = a.story_id is not None and a.story_id == b.story_id
    if (same_story or one_source(a, b)) and a.keys & b.keys:
        return True
    return same_story and (a.denies or b.denies)


def add(session: Session, analysis: Analysis, document: Document, statement_ids: Sequence[int]) -> list[bytes | None]:
    """The stored form of each new statement's vector (None where no comparison needs one), after storing
    the vectors its stored peers were missing. Called before the new statements' band keys are stored."""
    from factfile.relate import embedding

    wanted = {i for i, w in zip(statement_ids, claims.embedded(analysis), strict=True) if w}
    if not wanted:
        return [None] * len(statement_ids)
    new = _said(session, Statement.id.in_(wanted), document.story_id, english=False)
    if session.scalar(select(exists().where(Post.document_id.is_not(None)))):
        chosen, missing = {a.id for a in new}, []
    else:
        stored = _stored(session, new, document)
        pairs = [(a, b) for a in new for b in stored if peers(a, b) and could_be_one_claim(a, b)]
        chosen = {a.id for a, _ in pairs}
        has_vector = set(session.scalars(select(StatementVector.statement_id).where(StatementVector.statement_id.in_({b.id for _, b in pairs}))))
        missing = list({b.id: b for _, b in pairs if b.id not in has_vector}.values())
    texts = [a for a in new if a.id in chosen] + missing
    vectors = {said.id: embedding.to_bytes(v) for said, v in zip(texts, embedding.encode([said.content_text for said in texts]), strict=True)}
    if missing:
        session.execute(insert(StatementVector), [{"statement_id": b.id, "vector": vectors[b.id]} for b in missing])
    return [vectors.get(i) for i in statement_ids]


def add_multilingual(session: Session, document: Document, statement_ids: Sequence[int]) -> None:
    """Store vectors across languages (relate/crosslingual.py) where one source's statements of a story can be grouped
    by them (corroboration: `claims.sayer_groups`, for claims two outlets' languages leave no word to share), and where
    a statement no actor was given for can be told as an actor's by what it says (corroboration._adopted): each new
    attributed statement gets one once its story holds an attributed statement in another document, and so do those
    stored attributed statements of the story that have none yet. Only once the store holds a document in another
    language than this one: a store in one language never loads the model for them."""
    from factfile.relate import copies, crosslingual, embedding

    if document.story_id is None or not statement_ids:
        return
    new = session.execute(
        select(Statement.id, Statement.content_text).where(Statement.id.in_(statement_ids), Statement.source_type != "article")
    ).all()
    wanted = [row for row in new if row.content_text.strip()]
    if not wanted:
        return
    elsewhere = (Document.story_id == document.story_id, Statement.document_id != document.id, Statement.source_type != "article")
    told = session.scalar(select(exists().where(Statement.document_id == Document.id, *elsewhere)))
    if not told or not copies.other_language_stored(session, document.language):
        return
    stored = session.execute(
        select(Statement.id, Statement.content_text)
        .join(Document, Document.id == Statement.document_id)
        .where(*elsewhere, ~exists().where(MultilingualVector.statement_id == Statement.id))
    ).all()
    wanted += [row for row in stored if row.content_text.strip()]
    vectors = crosslingual.encode([row.content_text for row in wanted])
    rows = [{"statement_id": row.id, "vector": embedding.to_bytes(v)} for row, v in zip(wanted, vectors, strict=True)]
    session.execute(insert(MultilingualVector), rows)


def vectors_for(session: Session, statement_ids: Sequence[int]) -> dict[int, np.ndarray]:
    """The vectors of these statements, embedding and storing those `claims.embedded` wants that have none:
    a comparison found after the fact (a post stored after the articles that report it, relate/posts.py)
    needs vectors the writer left out when no peer was there."""
    from factfile.relate import embedding

    vectors = claims.vectors_of(session, statement_ids)
    missing = _said(session, Statement.id.in_(set(statement_ids) - set(vectors))) if len(vectors) < len(set(statement_ids)) else []
    if missing:
        stored = {said.id: embedding.to_bytes(v) for said, v in zip(missing, embedding.encode([said.content_text for said in missing]), strict=True)}
        session.execute(insert(StatementVector), [{"statement_id": i, "vector": v} for i, v in stored.items()])
        vectors.update({i: embedding.from_bytes(v) for i, v in stored.items()})  # as stored (float16), as a later read gives them
    return vectors


def _said(session: Session, where, story_id: int | None = None, english: bool = True, keys: dict[int, set[int]] | None = None) -> list[_Said]:
    """The statements matching `where` that `claims.embedded` embeds (English, attributed), with their band keys
    (from `keys` where given: the stored ones a rule can compare); `english=False` for the new statements, already
    chosen by `claims.embedded`."""
    rows = session.execute(
        select(Statement.id, Statement.document_id, Statement.content_text, Statement.cue_text, Statement.certainty,
               Statement.source_actor_id, Statement.source_text, Document.story_id)
        .join(Document, Document.id == Statement.document_id)
        .where(where, *((Document.language == "en", Statement.source_type != "article") if english else ()))
        .order_by(Statement.id)
    ).all()
    found = claims.keys_of([row.content_text for row in rows]) if keys is None else [keys.get(row.id, ()) for row in rows]
    return [
        _Said(*row[:7], row.story_id if story_id is None else story_id, frozenset(k), contradictions.denies(row))  # type: ignore[arg-type]
        for row, k in zip(rows, found, strict=True)
    ]


def _stored(session: Session, new: list[_Said], document: Document) -> list[_Said]:
    """Stored statements that may be the new ones' peers (`peers`), read without reading a whole story: those
    sharing a band key with one within their sources or their story, and the story's denials (all its
    statements only when a new one denies). A story grows with the store; its band-key and denial rows do not
    grow with it as fast. A stored statement's keys are those of its `statement_bands` rows it shares with a new one:
    `peers` only intersects them with the new ones' keys.

    Each query is led by ids (the band keys' statements, the denials) or by the story: one condition OR-ed over
    the kinds of peer leads SQLite through every statement of the store."""
    floor = vectors_from(session)
    holding = (StatementBand.key.in_(set().union(*(a.keys for a in new))), StatementBand.statement_id >= floor)
    shared: dict[int, set[int]] = {}
    for statement_id, key in session.execute(select(StatementBand.statement_id, StatementBand.key).where(*holding)):
        shared.setdefault(statement_id, set()).add(key)
    groups = [Statement.source_actor_id.in_(actors)] if (actors := {a.source_actor_id for a in new} - {None}) else []
    groups += [Statement.source_text.in_(texts)] if (texts := {a.source_text for a in new} - {None, ""}) else []
    others = []
    if document.story_id is not None:
        in_story = Document.story_id == document.story_id
        groups.append(in_story)
        if any(a.denies for a in new):
            others.append(in_story)
        elif denials := _story_denials(session, document, floor):
            others.append(Statement.id.in_(denials))
    scopes = [and_(Statement.id.in_(select(StatementBand.statement_id).where(*holding)), or_(*groups))] if groups and shared else []
    found = {said.id: said for scope in scopes + others
             for said in _said(session, and_(scope, Statement.document_id != document.id, Statement.id >= floor), keys=shared)}
    return [found[i] for i in sorted(found)]


def _story_denials(session: Session, document: Document, floor: int) -> list[int]:
    """The ids of the English, attributed statements of the document's story from `floor` on that deny their content."""
    rows = session.execute(
        select(Statement.id, Statement.content_text, Statement.cue_text, Statement.certainty)
        .join(Document, Document.id == Statement.document_id)
        .where(Document.story_id == document.story_id, Statement.document_id != document.id,
               Document.language == "en", Statement.source_type != "article", Statement.id >= floor)
    ).all()
    return [row.id for row in rows if contradictions.denies(row)]


def vectors_from(session: Session) -> int:
    """The first statement id under this rule (`StoreMark` "vectors_from"): the stored statements below it are no peers."""
    return session.scalar(select(StoreMark.value).where(StoreMark.name == "vectors_from")) or 0
