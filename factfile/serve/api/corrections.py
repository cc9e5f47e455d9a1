"""Write endpoints for users' corrections: merge and split actors, mark a statement wrong.

Each is stored as a decision (`factfile.relate.decisions`) that is replayed after re-ingestion. The
security middleware lets these through only with the server's token.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Request

from factfile.errors import NotFound
from factfile.read import actors as actor_reads
from factfile.read.actors import decision_out, exists
from factfile.read.session import Snapshot
from factfile.relate import decisions
from factfile.serve.api import models as m
from factfile.serve.deps import PagingDep, SessionDep
from factfile.serve.models import Int64

router = APIRouter(prefix="/api", tags=["corrections"])


@contextmanager
def _correction(request: Request, kind: str, *ids: int) -> Iterator[Snapshot]:
    """A write transaction in which every id must name a `kind` row (404)."""
    with request.app.state.store.transaction() as session:
        for wanted in ids:
            if not exists(session, kind, wanted):
                raise NotFound(f"no {kind} with id {wanted}")
        yield session


@router.post("/actors/{actor_id}/merge", response_model=m.CorrectionOut)
def merge(request: Request, actor_id: Int64, body: m.MergeIn):
    """Fold `other_ids` into this actor: their aliases, mentions and facts become this actor's."""
    if actor_id in body.other_ids:
        raise decisions.DecisionError("an actor cannot be merged into itself")
    with _correction(request, "actor", actor_id, *body.other_ids) as session:
        decision = decisions.merge_actors(session, actor_id, body.other_ids, body.note)
    return m.CorrectionOut(decision=decision_out(decision), actor_id=actor_id)


@router.post("/actors/{actor_id}/split", response_model=m.CorrectionOut)
def split(request: Request, actor_id: Int64, body: m.SplitIn):
    """Move the named aliases (and their mentions) off this actor into a new one."""
    with _correction(request, "actor", actor_id) as session:
        decision, new_actor_id = decisions.split_actor(session, actor_id, body.alias_keys, body.note)
    return m.CorrectionOut(decision=decision_out(decision), actor_id=new_actor_id)


@router.post("/statements/{statement_id}/wrong", response_model=m.CorrectionOut)
def mark_wrong(request: Request, statement_id: Int64, body: m.WrongIn):
    """Mark a statement as wrongly extracted; it stays visible, flagged, and leaves corroboration counts."""
    with _correction(request, "statement", statement_id) as session:
        decision = decisions.mark_statement_wrong(session, statement_id, body.note)
    return m.CorrectionOut(decision=decision_out(decision))


@router.get("/decisions", response_model=m.Page[m.DecisionOut])
def list_decisions(session: SessionDep, paging: PagingDep):
    """Users' corrections, newest first."""
    total, items = actor_reads.list_decisions(session, newest_first=True, limit=paging.limit, offset=paging.offset)
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}
