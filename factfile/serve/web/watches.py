"""Watches for people: `/watches` (the list), `/watches/{id}` (what is new since the last visit, with a
button that marks it read) and `/watches/{id}.atom`, an Atom feed of the watch's unread changes whose
entry ids stay the same from one fetch to the next (a dispute that gains a side is the same entry, updated)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from factfile.errors import NotFound
from factfile.read import watches
from factfile.read.watches import ChangeOut, ChangesOut
from factfile.serve.deps import MAX_LIMIT, SessionDep
from factfile.serve.models import Int64
from factfile.serve.web.pages import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
ATOM = "application/atom+xml; charset=utf-8"


@router.get("/watches")
def watch_list(request: Request, session: SessionDep):
    return render(request, "watches.html", watches=watches.list_watches(session, count_unread=True))


@router.get("/watches/{watch_id}.atom", response_class=Response)
def watch_feed(request: Request, session: SessionDep, watch_id: Int64):
    """The watch's unread changes (at most `MAX_LIMIT`, oldest first) as an Atom feed."""
    found = _changes(session, watch_id, MAX_LIMIT)
    return Response(atom(found, str(request.base_url).rstrip("/")), media_type=ATOM)


@router.get("/watches/{watch_id}")
def watch_page(request: Request, session: SessionDep, watch_id: Int64):
    found = _changes(session, watch_id, MAX_LIMIT)
    by_kind: dict[str, list[ChangeOut]] = {}
    for change in found.items:
        by_kind.setdefault(change.kind, []).append(change)
    return render(
        request, "watch.html", watch=found.watch, found=found, by_kind=by_kind,
        new_statements={c.statement.id for c in by_kind.get("claim", []) if c.statement},
        new_events={c.event.id for c in by_kind.get("event", []) if c.event},
        new_disputes={c.dispute["key"] for c in by_kind.get("dispute", []) if c.dispute},
    )


def _changes(session, watch_id: int, limit: int) -> ChangesOut:
    if watches.get_watch(session, watch_id) is None:
        raise NotFound(f"no watch with id {watch_id}")
    return watches.changes(session, watch_id, limit=limit)


def atom(found: ChangesOut, base: str) -> bytes:
    """An Atom 1.0 document (feedgen) of the changes: one entry per change, its id built from the change's
    stable id, its time when the change was stored."""
    from feedgen.feed import FeedGenerator

    watch = found.watch
    feed = FeedGenerator()
    home = f"{base}/watches/{watch.id}"
    feed.id(home)
    feed.title(f"factfile: new about {watch.label}")
    feed.subtitle(f"{watch.kind} watch: claims, events, disputes and outlets that arrived after change {watch.read_seq}")
    feed.author({"name": "factfile"})
    feed.link(href=home, rel="alternate", type="text/html")
    feed.link(href=f"{home}.atom", rel="self", type="application/atom+xml")
    feed.generator("factfile")
    feed.updated(max((c.arrived for c in found.items if c.arrived), default=watch.read_at or watch.created_at))
    for change in found.items:
        entry = feed.add_entry(order="append")
        entry.id(f"{home}/{change.id}")
        entry.title(f"{change.kind}: {change.summary[:200]}")
        entry.link(href=base + change.link, rel="alternate", type="text/html")
        entry.updated(change.arrived or watch.created_at)
        entry.category(term=change.kind)
        entry.content(_text(change), type="text")
    return feed.atom_str(pretty=True)


def _text(change: ChangeOut) -> str:
    lines = [change.summary]
    if change.statement is not None:
        lines.append(f"{change.statement.outlet or 'document ' + str(change.statement.document_id)}, {change.statement.published or 'undated'}")
        if change.kind == "claim" and not change.new_claim:
            lines.append(f"supports the claim first made in statement {change.claim_id}")
    if change.event is not None:
        lines.append(" ".join(change.event.sentence.split()))
    if change.dispute is not None:
        for side in change.dispute["sides"]:
            lines.append(f"{side['value']}: {', '.join(side['sources'])}")
    return "\n".join(lines)
