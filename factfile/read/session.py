"""The session every reader takes: opened by `Store.snapshot()`, so that all the queries of one request,
command or export see the store as of one moment while ingests commit. Code above the read layer names
its type from here, not from SQLAlchemy."""

from __future__ import annotations

from sqlalchemy.orm import Session

Snapshot = Session
