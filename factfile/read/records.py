"""The records the read layer returns: the Python API's results, the REST API's answers (its OpenAPI
schema) and what pages and exports render. Offsets are into the document's text.

A `Page` is one page of a filtered list; `to_pandas()` turns its items into a DataFrame."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Generic, TypeVar

from pydantic import BaseModel, Field
from pydantic.dataclasses import dataclass as pydantic_dataclass

from factfile.records import Location, location_of  # noqa: F401  (re-exported for the read layer)

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a filtered list: `items[offset : offset + limit]` of `total`."""

    total: int
    limit: int
    offset: int
    items: list[T]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def to_pandas(self):
        """The items as a DataFrame, one row per item and one column per field (nested records as dicts)."""
        return to_pandas(self.items)


def to_pandas(items: list):
    """Records (pydantic models or dataclasses) as a DataFrame; needs pandas (`pip install 'factfile[pandas]'`)."""
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError("to_pandas() needs pandas: pip install 'factfile[pandas]'") from error
    return pd.DataFrame.from_records([_plain(item) for item in items])


def _plain(item) -> dict:
    if isinstance(item, BaseModel):
        return item.model_dump()
    if dataclasses.is_dataclass(item):
        return dataclasses.asdict(item)
    return dict(item)


class OutletOut(BaseModel):
    id: int
    key: str
    domain: str | None
    name: str | None
    country: str | None
    documents: int = 0
    copies: int = 0  # documents that copy another outlet's article
    republisher_share: float | None = None  # copies / documents
    republisher: bool = False  # mostly republishes (relate/outlets.py)


class StoryOut(BaseModel):
    id: int
    label: str | None
    documents: int = 0
    first_published: date | None = None
    last_published: date | None = None


class AliasOut(BaseModel):
    id: int
    actor_id: int
    name: str
    mentions: int
    reason: str | None = None


class ActorOut(BaseModel):
    id: int
    name: str
    kind: str
    label: str | None
    mentions: int = 0
    merged_into_id: int | None = None
    aliases: list[AliasOut] = Field(default_factory=list)


class DocumentOut(BaseModel):
    id: int
    title: str | None
    url: str | None
    outlet_id: int | None
    outlet: str | None
    published: date | None
    language: str | None
    declared_source: str | None
    copy_of_id: int | None
    story_id: int | None
    snippet: str | None = None


class Annotation(BaseModel):
    """A highlighted stretch of a document: a mention, a statement part, or an event trigger."""

    kind: str  # mention | source | cue | content | event
    start: int
    end: int
    label: str
    ref: int  # id of the mention, statement or event
    actor_id: int | None = None


class PostRef(BaseModel):
    """A Telegram post (or the stand-in for a forwarded post that is not stored), in one line."""

    document_id: int
    channel: str
    message_id: int | None
    url: str | None
    posted_at: datetime | None
    text: str


class PostOut(PostRef):
    """A Telegram post with its thread and its forward: what it answers, what answers it, where it comes from."""

    channel_key: str
    media: str | None
    links: list[str]
    reply_to_message_id: int | None
    reply_to_document_id: int | None = Field(description="the stored post it answers, when stored")
    replies: list[PostRef]
    forwarded_from: str | None
    original_document_id: int | None = Field(description="the post it forwards (or that post's stand-in), when it is a forward")
    quoted_by: list[int] = Field(default_factory=list, description="ids of the statements of articles that report this post")


class QuotedPost(PostRef):
    """A stored post a statement reports, and why the two were linked."""

    reason: str


class DocumentDetail(DocumentOut):
    text: str
    annotations: list[Annotation]
    post: PostOut | None = None


class StatementOut(BaseModel):
    id: int
    document_id: int
    document_title: str | None
    outlet: str | None
    published: date | None
    source_text: str | None
    source_type: str
    source_actor_id: int | None
    source_actor: str | None
    cue_text: str | None
    content_text: str
    content_start: int
    content_end: int
    direct: bool
    certainty: str = Field(description="how sure the source sounds: asserted, reported, hedged or denied")
    hedges: list[str] | None
    framing: list[str] | None = Field(default=None, description="the reporter's distancing words (\"claimed\", \"allegedly\"); with any, the article presents the content as hedged")
    marked_wrong: bool
    corroboration: int = Field(description="independent outlets carrying the same statement (copies count once)")
    quoted_posts: list[QuotedPost] = Field(default_factory=list, description="stored Telegram posts the statement reports")


@pydantic_dataclass(kw_only=True)
class PlaceOut(Location):
    id: int
    name: str
    mentions: int | None = Field(default=None, description="mentions of the place in the store (in place lists)")


class EventOut(BaseModel):
    id: int
    document_id: int
    document_title: str | None
    outlet: str | None
    event_type: str
    sub_type: str | None
    trigger_text: str
    start: int
    end: int
    sentence: str
    actor1_id: int | None
    actor1: str | None
    actor2_id: int | None
    actor2: str | None
    actor1_acled: str | None = Field(default=None, description='the party as ACLED names it ("Military Forces of Russia")')
    actor2_acled: str | None = Field(default=None, description="the other party as ACLED names it")
    place: PlaceOut | None
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    fatalities: int | None
    certainty: str
    statement_id: int | None


class SearchOut(BaseModel):
    actors: list[ActorOut]
    documents: list[DocumentOut]


class DecisionOut(BaseModel):
    id: int
    kind: str
    payload: dict
    note: str | None
