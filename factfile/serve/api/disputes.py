"""`/api/disputes`: disputes by actor, event or story (factfile/read/disputes.py), as JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query

from factfile.read.disputes import disputes
from factfile.serve.deps import SessionDep
from factfile.serve.models import Int64

router = APIRouter(prefix="/api")


@router.get("/disputes", tags=["disputes"])
def list_disputes(
    session: SessionDep,
    actor_id: Int64 | None = None,
    event_id: Int64 | None = None,
    story_id: Int64 | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict:
    """Attributes on which sources disagree (a group's size, a clash's toll, place or date, whether it
    happened, who did it and how, a claim and its denial), each side with its sources, certainty, outlets
    and evidence."""
    found = disputes(session, actor=actor_id, event=event_id, story=story_id, limit=limit)
    return {"total": len(found), "items": [asdict(d) | {"key": d.key} for d in found]}
