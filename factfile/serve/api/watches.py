"""`/api/watches` and `/api/changes`: users' watches and what arrived since each was read (read/watches.py).

Changes come in arrival order with stable ids; `since` is a cursor (`next` of the previous answer), so a
client that keeps asking from the last `next` sees every change exactly once, page after page. Saving,
deleting and marking watches read are writes: they need the server's token like corrections do.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from factfile.errors import NotFound
from factfile.read import watches
from factfile.read.watches import ChangesOut, WatchOut
from factfile.serve.deps import MAX_LIMIT, SessionDep
from factfile.serve.models import Int64

router = APIRouter(prefix="/api", tags=["watches"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="changes per page")]
Since = Annotated[str | None, Query(max_length=400, description="a cursor (`next` of an earlier answer) or a change number")]


class WatchIn(BaseModel):
    kind: Literal["actor", "story", "place", "search"]
    target: str = Field(min_length=1, max_length=500, description="the actor's name or id, the story's id, the place's name, or search words")
    from_start: bool = Field(default=False, description="count everything already stored as new")


class ReadIn(BaseModel):
    through: Int64 | None = Field(default=None, ge=0, description="mark read up to this change number (the `head` you saw); default: all")


@router.get("/watches", response_model=list[WatchOut])
def list_watches(session: SessionDep):
    """The saved watches, each with its count of unread changes."""
    return watches.list_watches(session, count_unread=True)


@router.post("/watches", response_model=WatchOut, status_code=201)
def add_watch(request: Request, body: WatchIn):
    """Save a watch on an actor, a story, a place or a search."""
    with request.app.state.store.transaction() as session:
        return watches.add_watch(session, body.kind, body.target, from_start=body.from_start)


@router.get("/watches/{watch_id}", response_model=WatchOut)
def get_watch(session: SessionDep, watch_id: Int64):
    found = watches.get_watch(session, watch_id)
    if found is None:
        raise NotFound(f"no watch with id {watch_id}")
    return found


@router.delete("/watches/{watch_id}", status_code=204)
def remove_watch(request: Request, watch_id: Int64) -> None:
    with request.app.state.store.transaction() as session:
        if not watches.remove_watch(session, watch_id):
            raise NotFound(f"no watch with id {watch_id}")


@router.get("/watches/{watch_id}/changes", response_model=ChangesOut)
def watch_changes(session: SessionDep, watch_id: Int64, since: Since = None, limit: Limit = 100):
    """What arrived for the watch after `since` (default: its last read): articles, claims, events,
    disputes and new independent outlets, oldest first. Reading does not mark read."""
    return watches.changes(session, watch_id, since=since, limit=limit)


@router.post("/watches/{watch_id}/read", response_model=WatchOut)
def mark_read(request: Request, watch_id: Int64, body: ReadIn | None = None):
    """Mark the watch read up to `through` (the `head` of the changes you saw), or everything stored now."""
    with request.app.state.store.transaction() as session:
        return watches.mark_read(session, watch_id, body.through if body else None)


@router.get("/changes", response_model=ChangesOut)
def list_changes(session: SessionDep, since: Since = None, watch_id: Int64 | None = None, limit: Limit = 100):
    """Changes after the cursor `since`, oldest first: for one watch (`watch_id`; default since its last
    read) or for the whole store (documents, statements and events; default since the beginning).
    Follow `next` for the next page and, once `more` is false, for what arrives later."""
    return watches.changes(session, watch_id, since=since, limit=limit)
