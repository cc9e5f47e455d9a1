"""The pages people use: search, actor dossier, statements, document with highlights, timeline, map, graph."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from factfile.errors import NotFound
from factfile.read import actors, documents, stats
from factfile.read import events as event_reads
from factfile.read import search as searching
from factfile.read import watches as watch_reads
from factfile.read.disputes import disputes
from factfile.read.dossier import build_dossier
from factfile.read.statements import StatementFilter, list_statement_pages, list_statements
from factfile.serve.deps import SessionDep
from factfile.serve.models import INT64_MAX, Int64
from factfile.serve.web import templates
from factfile.serve.web.highlight import parse_focus, segments

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 50


def render(request: Request, name: str, **context):
    context.setdefault("writable", request.app.state.settings.writable)
    return templates.TemplateResponse(request, name, context)


def _count(value: str | None) -> int | None:
    """A form's count field: digits, else no filter; a count beyond any store's integers means "more than any"."""
    if not value or not (value.isascii() and value.isdigit()):
        return None
    return INT64_MAX if len(value) > 18 else int(value)


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


@router.get("/")
def home(request: Request, session: SessionDep):
    return render(
        request, "home.html",
        counts=stats.counts(session),
        actors=stats.top_actors(session, limit=15, kinds=("person", "organization", "group")),
        documents=documents.list_documents(session, limit=10)[1],
    )


@router.get("/search")
def search(request: Request, session: SessionDep, q: Annotated[str, Query(max_length=500)] = ""):
    q = q.strip()
    result = searching.search(session, q, limit=20) if q else None
    return render(request, "search.html", q=q, result=result)


@router.get("/actors/{actor_id}")
def actor(request: Request, session: SessionDep, actor_id: Int64):
    live = actors.live_actor(session, actor_id)
    if live is None:
        raise NotFound(f"no actor with id {actor_id}")
    if live.id != actor_id:
        return RedirectResponse(f"/actors/{live.id}", status_code=303)
    dossier = build_dossier(session, actor_id, max_documents=25, lists=False)  # the lists come paged below
    disputed = disputes(session, actor=actor_id)
    (said_total, said), (about_total, about) = list_statement_pages(
        session, [StatementFilter(source_actor_id=actor_id), StatementFilter(about_actor_id=actor_id)], limit=20
    )
    events_total, events = event_reads.list_events(session, event_reads.EventFilter(actor_id=actor_id), limit=20)
    watched = watch_reads.watches_on(session, "actor", actor_id)
    fresh = watch_reads.changes(session, watched[0].id) if watched else None
    return render(
        request, "actor.html",
        dossier=dossier,
        profile=[line for line in dossier.facts if line.predicate not in {d.attribute for d in disputed if d.subject_kind == "actor"}],
        disputes=disputed,
        said=said, said_total=said_total,
        about=about, about_total=about_total,
        events=events, events_total=events_total,
        watch=watched[0] if watched else None, unread=len(fresh.items) if fresh else 0, head=fresh.head if fresh else 0,
        new=watch_reads.new_ids(fresh),
    )


@router.get("/statements")
def statements(
    request: Request, session: SessionDep,
    source: str | None = None, source_type: str | None = None, certainty: str | None = None,
    min_corroboration: str | None = None, source_actor_id: Int64 | None = None, about_actor_id: Int64 | None = None,
    document_id: Int64 | None = None, page: Annotated[int, Query(ge=1, le=INT64_MAX // PAGE)] = 1,
    framing: Literal["", "framed", "unframed"] = "",
):
    minimum = _blank_to_none(min_corroboration)
    where = StatementFilter(
        source_actor_id=source_actor_id, about_actor_id=about_actor_id, source=_blank_to_none(source),
        source_type=_blank_to_none(source_type), certainty=_blank_to_none(certainty),
        min_corroboration=_count(minimum), document_id=document_id, framed={"framed": True, "unframed": False}.get(framing),
    )
    total, rows = list_statements(session, where, limit=PAGE, offset=(page - 1) * PAGE)
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}
    return render(
        request, "statements.html", where=where, rows=rows, total=total, page=page, pages=max(1, -(-total // PAGE)),
        query=urlencode(params), certainties=("asserted", "reported", "hedged", "denied"),
        source_types=("person", "organisation", "official", "outlet", "anonymous", "document", "article"),
    )


@router.get("/documents/{document_id}")
def document(request: Request, session: SessionDep, document_id: Int64, hl: str | None = None):
    detail = documents.get_document(session, document_id)
    if detail is None:
        raise NotFound(f"no document with id {document_id}")
    _, doc_statements = list_statements(session, StatementFilter(document_id=document_id), limit=200)
    _, doc_events = event_reads.list_events(session, event_reads.EventFilter(document_id=document_id), limit=200)
    return render(
        request, "document.html", document=detail, segments=segments(detail.text, detail.annotations, parse_focus(hl)),
        statements=doc_statements, events=doc_events,
    )


@router.get("/timeline")
def timeline(
    request: Request, session: SessionDep, actor_id: Int64 | None = None, event_type: str | None = None,
    date_from: str | None = None, date_to: str | None = None,
):
    where = event_reads.EventFilter(
        event_type=_blank_to_none(event_type), actor_id=actor_id,
        date_from=_date(date_from), date_to=_date(date_to),
    )
    total, events = event_reads.list_events(session, where, limit=500)
    months: OrderedDict[str, list] = OrderedDict()
    for event in events:
        key = event.date_start.strftime("%Y-%m") if event.date_start else "undated"
        months.setdefault(key, []).append(event)
    actor = actors.get_actor(session, actor_id) if actor_id is not None else None
    return render(request, "timeline.html", months=months, total=total, shown=len(events), actor=actor, where=where)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/map")
def map_page(request: Request, session: SessionDep, actor_id: Int64 | None = None):
    actor = actors.get_actor(session, actor_id) if actor_id is not None else None
    params = {"located": "true", "limit": "500", **({"actor_id": str(actor_id)} if actor_id is not None else {})}
    total, _ = event_reads.list_events(session, event_reads.EventFilter(actor_id=actor_id, located=True), limit=1)
    places_url = "/api/places?resolved=true&limit=500" if actor_id is None else ""
    return render(request, "map.html", actor=actor, events_url="/api/events?" + urlencode(params), places_url=places_url, located=total)


@router.get("/graph")
def graph_page(request: Request, session: SessionDep, actor_id: Int64 | None = None):
    actor = actors.get_actor(session, actor_id) if actor_id is not None else None
    url = "/api/graph" + (f"?actor_id={actor_id}" if actor_id is not None else "")
    return render(request, "graph.html", actor=actor, graph_url=url)


@router.get("/docs")
def api_docs(request: Request):
    return render(request, "docs.html")
