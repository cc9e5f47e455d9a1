"""The disputes page: `/disputes`, for the whole store or one actor, event or story."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from factfile.read.disputes import disputes
from factfile.serve.deps import SessionDep
from factfile.serve.models import Int64
from factfile.serve.web.pages import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/disputes")
def disputes_page(
    request: Request, session: SessionDep, actor_id: Int64 | None = None, event_id: Int64 | None = None, story_id: Int64 | None = None
):
    scope = " · ".join(f"{name} #{value}" for name, value in (("actor", actor_id), ("event", event_id), ("story", story_id)) if value is not None)
    found = disputes(session, actor=actor_id, event=event_id, story=story_id)
    return render(request, "disputes.html", disputes=found, scope=scope)
