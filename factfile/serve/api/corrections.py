"""Write endpoints for users' corrections: merge and split actors, mark a statement wrong.

Each is stored as a decision (`factfile.relate.decisions`) that is replayed after re-ingestion. The
security middleware lets these through only with the server's token.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from sqlalchemy import func, select

from factfile.errors import FactfileError
from factfile.serve.api import models as m
from factfile.serve.api.deps import PagingDep, SessionDep
from factfile.store import schema as s

router = APIRouter(prefix="/api", tags=["corrections"])


def _decision_out(decision: s.Decision) -> m.DecisionOut:
    return m.DecisionOut(id=decision.id, kind=decision.kind, payload=decision.payload, note=decision.note)


def _transaction(request: Request):
    return request.app.state.store.transaction()


@router.post("/actors/{actor_id}/merge", response_model=m.CorrectionOut)
def merge(request: Request, actor_id: int, body: m.MergeIn):
    """Fold `other_ids` into this actor: their aliases, mentions and facts become this actor's."""
    from factfile.relate import decisions

    with _transaction(request) as session:
        for wanted in (actor_id, *body.other_ids):
            if session.get(s.Actor, wanted) is None:
                raise HTTPException(404, f"no actor with id {wanted}")
        if actor_id in body.other_ids:
            raise HTTPException(422, "an actor cannot be merged into itself")
        try:
            decision = decisions.merge_actors(session, actor_id, body.other_ids, body.note)
        except FactfileError as error:
            raise HTTPException(422, str(error)) from None
        return m.CorrectionOut(decision=_decision_out(decision), actor_id=actor_id)


@router.post("/actors/{actor_id}/split", response_model=m.CorrectionOut)
def split(request: Request, actor_id: int, body: m.SplitIn):
    """Move the named aliases (and their mentions) off this actor into a new one."""
    from factfile.relate import decisions

    with _transaction(request) as session:
        if session.get(s.Actor, actor_id) is None:
            raise HTTPException(404, f"no actor with id {actor_id}")
        try:
            decision, new_actor_id = decisions.split_actor(session, actor_id, body.alias_keys, body.note)
        except FactfileError as error:
            raise HTTPException(422, str(error)) from None
        return m.CorrectionOut(decision=_decision_out(decision), actor_id=new_actor_id)


@router.post("/statements/{statement_id}/wrong", response_model=m.CorrectionOut)
def mark_wrong(request: Request, statement_id: int, body: m.WrongIn):
    """Mark a statement as wrongly extracted; it stays visible, flagged, and leaves corroboration counts."""
    from factfile.relate import decisions

    with _transaction(request) as session:
        if session.get(s.Statement, statement_id) is None:
            raise HTTPException(404, f"no statement with id {statement_id}")
        decision = decisions.mark_statement_wrong(session, statement_id, body.note)
        return m.CorrectionOut(decision=_decision_out(decision))


@router.get("/decisions", response_model=m.Page[m.DecisionOut])
def list_decisions(session: SessionDep, paging: PagingDep):
    """Users' corrections, newest first."""
    query = select(s.Decision).order_by(s.Decision.id.desc())
    rows = list(session.scalars(query.limit(paging.limit).offset(paging.offset)))
    total = session.scalar(select(func.count()).select_from(s.Decision)) or 0
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": [_decision_out(d) for d in rows]}
