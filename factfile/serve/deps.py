"""Request-scoped access to the store and the paging parameters every list endpoint shares."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request

from factfile.read.session import Snapshot
from factfile.serve.gate import BACKGROUND
from factfile.serve.models import Int64

MAX_LIMIT = 500


async def get_session(request: Request) -> AsyncIterator[Snapshot]:
    """A read session on the app's store, for at most `ServeSettings.threads` requests of this process at once.

    One read transaction (`Store.snapshot`): every query of the request sees the store as of one moment,
    so an ingest committing meanwhile cannot leave a page half old, half new (an actor found, then its
    facts gone missing; a dossier's counts not matching its lists).

    The others wait here, holding neither a pool thread nor a connection. Without this gate a request whose
    endpoint is done keeps its connection until its answer is serialized, which FastAPI does in a pool
    thread: under load every thread can be waiting for a connection held by a request waiting for a thread,
    a deadlock broken only by SQLAlchemy's pool timeout ("QueuePool limit ... reached").
    Async, so that the gate and opening and closing the session take no turn in the thread pool. The cache's
    background refreshes wait behind requests (serve/gate.py).
    """
    async with request.app.state.sessions_gate.hold(background=request.scope.get(BACKGROUND, False)):
        with request.app.state.store.snapshot() as session:
            yield session


@dataclass(slots=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[Int64, Query(ge=0, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit, offset)


SessionDep = Annotated[Snapshot, Depends(get_session)]
PagingDep = Annotated[Paging, Depends(paging)]
