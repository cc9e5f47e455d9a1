"""The API's request bodies and answers; the answers are the read layer's records (`factfile.read.records`)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from factfile.read.records import (  # noqa: F401  (the API's answers, re-exported for its routes)
    ActorOut,
    AliasOut,
    Annotation,
    DecisionOut,
    DocumentDetail,
    DocumentOut,
    EventOut,
    OutletOut,
    Page,
    PlaceOut,
    SearchOut,
    StatementOut,
    StoryOut,
)
from factfile.serve.models import Int64


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
