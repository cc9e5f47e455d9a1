"""The API's request bodies and answers; the answers are the read layer's records (`factfile.read.records`)."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Interval
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

INT64_MAX = 2**63 - 1  # SQLite and PostgreSQL (bigint) hold no larger integer: binding one raises OverflowError
Int64 = Annotated[int, Interval(ge=-INT64_MAX - 1, le=INT64_MAX)]  # every integer a client sends: ids, offsets, counts


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
