"""The API's response records (they are its OpenAPI schema). Offsets are into the document's text."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Generic, TypeVar

from annotated_types import Interval
from pydantic import BaseModel, Field

INT64_MAX = 2**63 - 1  # SQLite and PostgreSQL (bigint) hold no larger integer: binding one raises OverflowError
Int64 = Annotated[int, Interval(ge=-INT64_MAX - 1, le=INT64_MAX)]  # every integer a client sends: ids, offsets, counts

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a filtered list: `items[offset : offset + limit]` of `total`."""

    total: int
    limit: int
    offset: int
    items: list[T]


class OutletOut(BaseModel):
    id: int
    key: str
    domain: str | None
    name: str | None
    country: str | None
    documents: int = 0


class StoryOut(BaseModel):
    id: int
    label: str | None
    documents: int = 0


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


class DocumentDetail(DocumentOut):
    text: str
    annotations: list[Annotation]


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
    certainty: str
    hedges: list[str] | None
    marked_wrong: bool
    corroboration: int = Field(description="independent outlets carrying the same statement (copies count once)")


class PlaceOut(BaseModel):
    id: int
    name: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    feature_code: str | None
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


class MergeIn(BaseModel):
    other_ids: list[Int64] = Field(min_length=1, description="actors to fold into this one")
    note: str | None = Field(default=None, max_length=2000)


class SplitIn(BaseModel):
    alias_keys: list[str] = Field(min_length=1, description="names (or their keys) that move to a new actor")
    note: str | None = Field(default=None, max_length=2000)


class WrongIn(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


class CorrectionOut(BaseModel):
    decision: DecisionOut
    actor_id: int | None = None
