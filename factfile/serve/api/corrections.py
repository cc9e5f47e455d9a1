"""Write endpoints for users' corrections: merge and split actors, mark a statement wrong.

Each is stored as a decision (`factfile.relate.decisions`) that is replayed after re-ingestion. The
security middleware lets these through only with the server's token.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, HTTPException, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factfile.errors import FactfileError
from factfile.relate import decisions
from factfile.serve.api import models as m
from factfile.serve.api.deps import PagingDep, SessionDep
from factfile.serve.api.models import Int64
from factfile.store import schema as s

router = APIRouter(prefix="/api", tags=["corrections"])


def _decision_out(decision: s.Decision) -> m.DecisionOut:
    return m.DecisionOut(id=decision.id, kind=decision.kind, payload=decision.payload, note=decision.note)


@contextmanager
def _correction(request: Request, model: type, *ids: int) -> Iterator[Session]:
    """A write transaction in which every id must name a `model` row (404) and a refused correction is a 422."""
    with request.app.state.store.transaction() as session:
        for wanted in ids:
            if session.get(model, wanted) is None:
                raise HTTPException(404, f"no {model.__name__.lower()} with id {wanted}")
        try:
            yield session
        except FactfileError as error:
            raise HTTPException(422, str(error)) from None


@router.post("/actors/{actor_id}/merge", response_model=m.CorrectionOut)
def merge(request: Request, actor_id: Int64, body: m.MergeIn):
    """Fold `other_ids` into this actor: their aliases, mentions and facts become this actor's."""
    if actor_id in body.other_ids:
        raise HTTPException(422, "an actor cannot be merged into itself")
    with _correction(request, s.Actor, actor_id, *body.other_ids) as session:
        decision = decisions.merge_actors(session, actor_id, body.other_ids, body.note)
    return m.CorrectionOut(decision=_decision_out(decision), actor_id=actor_id)


@router.post("/actors/{actor_id}/split", response_model=m.CorrectionOut)
def split(request: Request, actor_id: Int64, body: m.SplitIn):
    """Move the named aliases (and their mentions) off this actor into a new one."""
    with _correction(request, s.Actor, actor_id) as session:
        decision, new_actor_id = decisions.split_actor(session, actor_id, body.alias_keys, body.note)
    return m.CorrectionOut(decision=_decision_out(decision), actor_id=new_actor_id)


@router.post("/statements/{statement_id}/wrong", response_model=m.CorrectionOut)
def mark_wrong(request: Request, statement_id: Int64, body: m.WrongIn):
    """Mark a statement as wrongly extracted; it stays visible, flagged, and leaves corroboration counts."""
    with _correction(request, s.Statement, statement_id) as session:
        decision = decisions.mark_statement_wrong(session, statement_id, body.note)
    return m.CorrectionOut(decision=_decision_out(decision))


@router.get("/decisions", response_model=m.Page[m.DecisionOut])
def list_decisions(session: SessionDep, paging: PagingDep):
    """Users' corrections, newest first."""
    query = select(s.Decision).order_by(s.Decision.id.desc())
    rows = list(session.scalars(query.limit(paging.limit).offset(paging.offset)))
    total = session.scalar(select(func.count()).select_from(s.Decision)) or 0
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": [_decision_out(d) for d in rows]}
