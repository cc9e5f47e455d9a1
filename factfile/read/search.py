"""One search box: actors by name (exact alias first, then fuzzy) and documents by full text."""

from __future__ import annotations

from sqlalchemy.orm import Session

from factfile.read import records as m
from factfile.read.actors import _actor_out, find_actors
from factfile.read.documents import list_documents


def search(session: Session, q: str, limit: int = 10) -> m.SearchOut:
    actors = []
    for match in find_actors(session, q, limit=limit):
        actors.append(_actor_out(match.actor, match.mentions))
    _, documents = list_documents(session, q=q, limit=limit)
    return m.SearchOut(actors=actors, documents=documents)
