"""Read endpoints: one paginated, filterable list and one detail per kind of record, plus search."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from factfile.errors import NotFound
from factfile.read import actors, documents, events, sources, statements
from factfile.read import search as searching
from factfile.read.dossier import build_dossier
from factfile.read.graph import actor_graph
from factfile.serve.api import models as m
from factfile.serve.deps import PagingDep, SessionDep
from factfile.serve.export.graph import cytoscape_elements
from factfile.serve.models import Int64

router = APIRouter(prefix="/api")

Certainty = Literal["asserted", "reported", "hedged", "denied"]


def _page(total: int, items: list, paging) -> dict:
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}


def _missing(kind: str, item_id: int) -> NotFound:
    return NotFound(f"no {kind} with id {item_id}")


@router.get("/search", response_model=m.SearchOut, tags=["search"])
def search(session: SessionDep, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Annotated[int, Query(ge=1, le=100)] = 10):
    """Actors whose names match `q` (exact alias first, then fuzzy) and documents matching it in full text."""
    return searching.search(session, q, limit)


@router.get("/actors", response_model=m.Page[m.ActorOut], tags=["actors"])
def list_actors(
    session: SessionDep, paging: PagingDep,
    q: Annotated[str | None, Query(description="part of a name or alias")] = None,
    kind: Annotated[str | None, Query(description="person, organization, group, place, other")] = None,
    include_merged: bool = False,
):
    """Actors, most mentioned first."""
    return _page(*actors.list_actors(session, q, kind, include_merged, paging.limit, paging.offset), paging)


@router.get("/actors/{actor_id}", response_model=m.ActorOut, tags=["actors"])
def get_actor(session: SessionDep, actor_id: Int64):
    """One actor with its aliases; `merged_into_id` says where a merged actor went."""
    actor = actors.get_actor(session, actor_id)
    if actor is None:
        raise _missing("actor", actor_id)
    return actor


@router.get("/actors/{actor_id}/dossier", tags=["actors"])
def get_dossier(session: SessionDep, actor_id: Int64, documents: Annotated[int, Query(ge=1, le=500)] = 50) -> dict:
    """Everything known about the actor: aliases, profile facts and mentions, each with its evidence."""
    return asdict(build_dossier(session, actor_id, max_documents=documents))


@router.get("/aliases", response_model=m.Page[m.AliasOut], tags=["actors"])
def list_aliases(session: SessionDep, paging: PagingDep, q: str | None = None, actor_id: Int64 | None = None):
    """Names actors go by, most used first."""
    return _page(*actors.list_aliases(session, q, actor_id, paging.limit, paging.offset), paging)


@router.get("/documents", response_model=m.Page[m.DocumentOut], tags=["documents"])
def list_documents(
    session: SessionDep, paging: PagingDep,
    q: Annotated[str | None, Query(description="full-text search; results ranked by relevance")] = None,
    outlet_id: Int64 | None = None, story_id: Int64 | None = None, language: str | None = None,
    published_from: date | None = None, published_to: date | None = None,
    actor_id: Annotated[Int64 | None, Query(description="documents mentioning this actor")] = None,
):
    """Documents, newest first (or by relevance with `q`)."""
    return _page(
        *documents.list_documents(
            session, q, outlet_id, story_id, language, published_from, published_to, actor_id, paging.limit, paging.offset
        ),
        paging,
    )


@router.get("/documents/{document_id}", response_model=m.DocumentDetail, tags=["documents"])
def get_document(session: SessionDep, document_id: Int64):
    """A document's stored text with its annotations (offsets into `text`)."""
    document = documents.get_document(session, document_id)
    if document is None:
        raise _missing("document", document_id)
    return document


@router.get("/statements", response_model=m.Page[m.StatementOut], tags=["statements"])
def list_statements(
    session: SessionDep, paging: PagingDep,
    source_actor_id: Annotated[Int64 | None, Query(description="statements this actor made")] = None,
    about_actor_id: Annotated[Int64 | None, Query(description="statements by others whose content mentions this actor")] = None,
    source: Annotated[str | None, Query(description="words in the source's name")] = None,
    source_type: str | None = None,
    certainty: Certainty | None = None,
    min_corroboration: Annotated[Int64 | None, Query(ge=0)] = None,
    max_corroboration: Annotated[Int64 | None, Query(ge=0)] = None,
    document_id: Int64 | None = None, outlet_id: Int64 | None = None,
    include_wrong: Annotated[bool, Query(description="include statements a user marked wrong")] = True,
    framed: Annotated[bool | None, Query(description="only statements the reporter distances ('claimed', 'allegedly'), or with false only those it does not")] = None,
):
    """Attributed statements: who says what, how sure, and how many independent outlets carry it."""
    where = statements.StatementFilter(
        source_actor_id, about_actor_id, source, source_type, certainty, min_corroboration, max_corroboration,
        document_id, outlet_id, include_wrong, framed=framed,
    )
    return _page(*statements.list_statements(session, where, paging.limit, paging.offset), paging)


@router.get("/events", response_model=m.Page[m.EventOut], tags=["events"])
def list_events(
    session: SessionDep, paging: PagingDep,
    event_type: str | None = None,
    actor_id: Annotated[Int64 | None, Query(description="actor 1 or actor 2")] = None,
    place_id: Int64 | None = None,
    date_from: date | None = None, date_to: date | None = None,
    located: Annotated[bool | None, Query(description="only events with (true) or without (false) coordinates")] = None,
    document_id: Int64 | None = None,
):
    """Events in date order (undated last)."""
    where = events.EventFilter(event_type, actor_id, place_id, date_from, date_to, located, document_id)
    return _page(*events.list_events(session, where, paging.limit, paging.offset), paging)


@router.get("/places", response_model=m.Page[m.PlaceOut], tags=["places"])
def list_places(session: SessionDep, paging: PagingDep, q: str | None = None, resolved: bool | None = None):
    """Places, resolved (with coordinates) or not."""
    return _page(*events.list_places(session, q, resolved, paging.limit, paging.offset), paging)


@router.get("/outlets", response_model=m.Page[m.OutletOut], tags=["sources"])
def list_outlets(session: SessionDep, paging: PagingDep, q: str | None = None):
    """Publishers, with how many documents each has in the store."""
    return _page(*sources.list_outlets(session, q, paging.limit, paging.offset), paging)


@router.get("/stories", response_model=m.Page[m.StoryOut], tags=["sources"])
def list_stories(session: SessionDep, paging: PagingDep):
    """Clusters of documents about the same story."""
    return _page(*sources.list_stories(session, paging.limit, paging.offset), paging)


@router.get("/graph", tags=["actors"])
def graph(
    session: SessionDep,
    actor_id: Annotated[Int64 | None, Query(description="only relations touching this actor")] = None,
    max_nodes: Annotated[int, Query(ge=1, le=2000)] = 150,
) -> dict:
    """The actor graph in Cytoscape.js format: who acts on, speaks about, is allied with or opposed to whom."""
    return cytoscape_elements(actor_graph(session, actor_id, max_nodes))
