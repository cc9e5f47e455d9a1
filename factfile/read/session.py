"""The session every reader takes: opened by `Store.snapshot()`, so that all the queries of one request,
command or export see the store as of one moment while ingests commit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from factfile.store import Store

Snapshot = Session


@contextmanager
def snapshot(store: Store) -> Iterator[Snapshot]:
    with store.snapshot() as session:
        yield session
