"""The store's tables. Every extracted row keeps its document and character offsets (its evidence).

Offsets are character positions in `documents.text`; `sent_start`/`sent_end` delimit the evidence
sentence, so a row can be shown with its sentence by `substr()` without loading the whole text.
Schema changes go through Alembic migrations in `store/migrations/versions/`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime | None) -> datetime | None:
    """A stored time with its zone: the store writes times in UTC, and SQLite gives them back without it."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Outlet(Base):
    """A publisher: known by its domain, or by its name when a document has no URL."""

    __tablename__ = "outlets"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    domain: Mapped[str | None] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(255))
    country: Mapped[str | None] = mapped_column(String(2))
    documents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    copies: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    republisher_share: Mapped[float | None] = mapped_column(Float)  # copies / documents: 1.0 = only republishes


class Story(Base):
    """Documents about the same event or story."""

    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    size: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    first_published: Mapped[date | None] = mapped_column(Date)
    last_published: Mapped[date | None] = mapped_column(Date)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_outlet_id_copy_of_id", "outlet_id", "copy_of_id"),
        Index("ix_documents_seq", "seq", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    origin: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    site: Mapped[str | None] = mapped_column(String(255))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"))  # indexed with copy_of_id
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    declared_source: Mapped[str | None] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    warnings: Mapped[list | None] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    copy_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    copy_reason: Mapped[str | None] = mapped_column(Text)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    copy_similarity: Mapped[float | None] = mapped_column(Float)
    # The store's change number when the document and its records were written (`ChangeCounter`): what
    # arrived after a watch was last read is exactly what has a larger number. None for rows loaded
    # around the writer, which count as arrived before any watch.
    seq: Mapped[int | None] = mapped_column(BigInteger)


class CopyBand(Base):
    """One LSH band key of a document's fingerprint (relate/fingerprints.py): sharing one makes a copy candidate."""

    __tablename__ = "copy_bands"
    __table_args__ = (Index("ix_copy_bands_key_document_id", "key", "document_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    key: Mapped[int] = mapped_column(BigInteger)


class CopyFingerprint(Base):
    """A document's MinHash signatures and shingle counts, to estimate overlap before reading texts."""

    __tablename__ = "copy_fingerprints"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    words: Mapped[bytes] = mapped_column(LargeBinary)
    words_size: Mapped[int] = mapped_column(Integer)
    skeleton: Mapped[bytes] = mapped_column(LargeBinary)
    skeleton_size: Mapped[int] = mapped_column(Integer)


class TranslationVectors(Base):
    """A document's sentence vectors in a space shared by languages (relate/crosslingual.py), int8 rows with one
    scale each: stored once, so a document compared with later ones in other languages is never encoded again."""

    __tablename__ = "translation_vectors"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    vectors: Mapped[bytes] = mapped_column(LargeBinary)  # of its first sentences, or all when `sentences` rows
    scales: Mapped[bytes] = mapped_column(LargeBinary)
    sentences: Mapped[int] = mapped_column(Integer)  # the text's sentences (relate/crosslingual.sentences)


class TranslationSignature(Base):
    """A document's 128-bit lead signature (relate/crosslingual.signature) and base language: the translation search
    ranks the documents in other languages by the bits their signatures differ in, 16 bytes each to read."""

    __tablename__ = "translation_signatures"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))  # the base code ("pt" for "pt-BR"; "en" when none was detected)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class StoryTerm(Base):
    """A weighted term of a document's story profile (relate/stories.py): shared terms make story candidates."""

    __tablename__ = "story_terms"
    __table_args__ = (Index("ix_story_terms_term_document_id", "term", "document_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    term: Mapped[str] = mapped_column(String(100))
    weight: Mapped[float] = mapped_column(Float)


class Actor(Base):
    """One real-world actor (person, organisation, group, place) across all documents."""

    __tablename__ = "actors"
    __table_args__ = (  # merged actors only: see migration 0008
        Index("ix_actors_merged_into_id", "merged_into_id", sqlite_where=text("merged_into_id IS NOT NULL"), postgresql_where=text("merged_into_id IS NOT NULL")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(32))  # person | organization | group | place | other
    label: Mapped[str | None] = mapped_column(String(32))  # spaCy label most mentions carry
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))


class Alias(Base):
    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("actor_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(500))
    key: Mapped[str] = mapped_column(String(500), index=True)  # names.name_key(name)
    mentions: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(Text)  # why this name belongs to the actor
    # Blocking keys for cross-document resolution (relate/actors.py), each indexed so that finding
    # candidate actors for a new name costs one index lookup, however large the store grows.
    signature: Mapped[str | None] = mapped_column(String(500), index=True)  # names.signature: order/script-free
    initials: Mapped[str | None] = mapped_column(String(16), index=True)  # "RVC" for a many-word name
    surname: Mapped[str | None] = mapped_column(String(100), index=True)  # last word of a person's full name
    block: Mapped[str | None] = mapped_column(String(16), index=True)  # start of the longest word, for fuzzy matches


class Place(Base):
    """A gazetteer place (GeoNames), or an unresolved place name (no geonames_id, no coordinates)."""

    __tablename__ = "places"
    id: Mapped[int] = mapped_column(primary_key=True)
    geonames_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(255), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    country_code: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(255))
    admin2: Mapped[str | None] = mapped_column(String(255))
    feature_code: Mapped[str | None] = mapped_column(String(10))


class Mention(Base):
    __tablename__ = "mentions"
    __table_args__ = (
        Index("ix_mentions_document_id_start", "document_id", "start"),
        Index("ix_mentions_actor_id_document_id_start_end", "actor_id", "document_id", "start", "end"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))
    label: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16), default="name")
    chain: Mapped[int | None] = mapped_column(Integer)
    sent_start: Mapped[int] = mapped_column(Integer)
    sent_end: Mapped[int] = mapped_column(Integer)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"), index=True)


class Statement(Base):
    """An attribution: source, cue and content spans, how direct and how certain."""

    __tablename__ = "statements"
    __table_args__ = (
        Index("ix_statements_content_text", "content_text", postgresql_using="hash"),
        Index("ix_statements_document_id_content_start_content_end", "document_id", "content_start", "content_end"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_type: Mapped[str] = mapped_column(String(32))
    source_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    cue_text: Mapped[str | None] = mapped_column(String(500))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    direct: Mapped[bool] = mapped_column(Boolean, default=False)
    certainty: Mapped[str] = mapped_column(String(16))
    hedges: Mapped[list | None] = mapped_column(JSON)
    # The reporter's distancing words (migration 0018); none is SQL NULL (0019), so a filter on it is IS NULL.
    framing: Mapped[list | None] = mapped_column(JSON(none_as_null=True))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id", ondelete="SET NULL"))
    marked_wrong: Mapped[bool] = mapped_column(Boolean, default=False)


# The longest content in the store, read from this index in one step (migration 0019): a mention lies in a content
# that starts at most that far before it, which bounds the join of an actor's mentions to the statements about it.
Index("ix_statements_content_length", Statement.content_end - Statement.content_start)


class StatementBand(Base):
    """One LSH key of a statement's content words (relate/claims.py): statements sharing one may say the same.

    Keyed on (key, statement id) without a rowid: the table is only ever searched by key. Statements
    are not deleted one by one, so no index on statement_id is kept for the cascade.
    """

    __tablename__ = "statement_bands"
    __table_args__ = {"sqlite_with_rowid": False}
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)


class StatementVector(Base):
    """A statement content's sentence embedding (relate/embedding.py, float16): two statements make the same
    claim when their vectors and words are close enough (relate/claims.py). Statements stored before
    vectors existed have none and are compared by their words alone."""

    __tablename__ = "statement_vectors"
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class MultilingualVector(Base):
    """An attributed statement content's vector across languages (relate/crosslingual.py's encoder, float16): one
    source's statements of one story are grouped into claims by it where their words, in two languages, share
    nothing, and an actor-less statement is told as the actor's whose claim it retells (relate/corroboration.py). Stored
    once the store holds two languages, for attributed statements of a story with one in another document
    (relate/claim_vectors.add_multilingual); the others are grouped by their words."""

    __tablename__ = "multilingual_vectors"
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class Fact(Base):
    """A profile line about an actor (description, founding, size, leader ...) with its evidence."""

    __tablename__ = "facts"
    __table_args__ = tuple(  # non-null only: see migration 0008
        Index(f"ix_facts_{c}", c, sqlite_where=text(f"{c} IS NOT NULL"), postgresql_where=text(f"{c} IS NOT NULL"))
        for c in ("source_actor_id", "value_actor_id")
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    predicate: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    value_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sent_start: Mapped[int] = mapped_column(Integer)
    sent_end: Mapped[int] = mapped_column(Integer)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id", ondelete="SET NULL"))
    source_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))  # who says it


class TimeExpression(Base):
    __tablename__ = "time_expressions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(255))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(8))


class Event(Base):
    """Something that happened, ACLED-typed, with actors, place, time and the statement reporting it."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_type: Mapped[str | None] = mapped_column(String(64))
    trigger_text: Mapped[str] = mapped_column(String(255))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sent_start: Mapped[int] = mapped_column(Integer)
    sent_end: Mapped[int] = mapped_column(Integer)
    actor1_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    actor2_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    actor1_acled: Mapped[str | None] = mapped_column(String(255))  # as ACLED names the party: "Military Forces of Russia"
    actor2_acled: Mapped[str | None] = mapped_column(String(255))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"), index=True)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    fatalities: Mapped[int | None] = mapped_column(Integer)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id", ondelete="SET NULL"))
    certainty: Mapped[str] = mapped_column(String(16), default="asserted")


class Quantity(Base):
    __tablename__ = "quantities"
    __table_args__ = (  # non-null only: see migration 0016
        Index("ix_quantities_event_id", "event_id", sqlite_where=text("event_id IS NOT NULL"), postgresql_where=text("event_id IS NOT NULL")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(255))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sent_start: Mapped[int] = mapped_column(Integer)
    sent_end: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    counts: Mapped[str | None] = mapped_column(String(255))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id", ondelete="SET NULL"))


class Decision(Base):
    """A user's correction (merge or split actors, mark a statement wrong); replayed after re-ingestion."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ChangeCounter(Base):
    """The store's last change number: raised by one inside each write transaction that stores a document,
    under the store's write lock, so numbers follow commit order and are never reused."""

    __tablename__ = "change_counter"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class StoreMark(Base):
    """A named position in the store. `vectors_from`: the first statement id stored under the writer's claim-vector
    rule (relate/claim_vectors.py). Statements below it were stored before that rule (a store from before claim
    vectors, a bulk load) and are compared by their words; embedding them as peers would hold up every new
    document until each old statement was embedded."""

    __tablename__ = "store_marks"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class Watch(Base):
    """A user's watch on an actor, story, place or search, and how far its user has read (a change number)."""

    __tablename__ = "watches"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # actor | story | place | search
    target_id: Mapped[int | None] = mapped_column(BigInteger)  # the actor, story or place id
    query: Mapped[str] = mapped_column(Text)  # what the user asked for: a name, an id, search words
    label: Mapped[str] = mapped_column(Text)
    read_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # changes up to this number have been read
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FollowedFeed(Base):
    """A feed (RSS/Atom) or page that `factfile follow` polls, with what it needs to poll it politely:
    the validators of the last answer for conditional requests, when it was polled, and the backoff
    after consecutive failures."""

    __tablename__ = "followed_feeds"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    kind: Mapped[str | None] = mapped_column(String(8))  # feed | page, known after the first answer
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    polled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # last answer with new content
    next_poll_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    retry_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # backoff: not polled before this
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # consecutive
    problem: Mapped[str | None] = mapped_column(Text)  # what went wrong last time, while it still fails


class FeedItem(Base):
    """One entry of a followed feed (or a followed page), and how far it got: queued (seen, not
    fetched), fetched (its page is kept here until stored), stored (its text is in the store) or
    failed. Each step commits, so a killed `factfile follow` resumes where it stopped."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_id", "key"), Index("ix_feed_items_state", "state"))
    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("followed_feeds.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(2000))  # the entry's guid, else its link
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(100))  # as the feed writes it
    body: Mapped[str | None] = mapped_column(Text)  # the entry's content or summary: the article when there is no page
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(8))
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)  # the fetched page, until it is stored
    payload_kind: Mapped[str | None] = mapped_column(String(8))
    payload_url: Mapped[str | None] = mapped_column(Text)  # where the page was fetched from, after redirects
    encoding: Mapped[str | None] = mapped_column(String(40))
    etag: Mapped[str | None] = mapped_column(Text)  # the page's validators: a changed entry is re-fetched conditionally
    last_modified: Mapped[str | None] = mapped_column(String(100))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    problem: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    stored_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

class Post(Base):
    """The Telegram side of a document that is a post: its channel, message id and time, the message it
    answers (the thread) and the channel it was forwarded from. A stand-in for a forwarded post whose
    original is not stored has a row too, without a message id."""

    __tablename__ = "posts"
    __table_args__ = (
        Index("ix_posts_channel_key_message_id", "channel_key", "message_id"),
        Index("ix_posts_text_hash", "text_hash"),
    )
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    channel_key: Mapped[str] = mapped_column(String(255))
    channel: Mapped[str] = mapped_column(String(255))
    message_id: Mapped[int | None] = mapped_column(Integer)
    posted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reply_to_message_id: Mapped[int | None] = mapped_column(Integer)
    forwarded_from: Mapped[str | None] = mapped_column(String(255))
    forwarded_from_key: Mapped[str | None] = mapped_column(String(255))
    text_hash: Mapped[str] = mapped_column(String(64))  # the text's content hash alone: a forward has its original's
    links: Mapped[list | None] = mapped_column(JSON)
    media: Mapped[str | None] = mapped_column(String(32))


class PostQuote(Base):
    """An article's statement that reports a stored post ("the Legion posted on Telegram that ..."), and why."""

    __tablename__ = "post_quotes"
    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    post_document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
