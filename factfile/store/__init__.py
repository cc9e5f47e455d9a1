"""Stage 4, store: SQLite by default, any SQLAlchemy URL (PostgreSQL) for a shared server.

    store = Store("factfile.db")          # creates or upgrades the schema
    with store.transaction() as session:  # work committed together or not at all
        ...
    with store.snapshot() as session:     # reads that all see one moment

The store knows tables, not meaning: the relate stage drives writes (`relate.write`), the read layer
(`factfile.read`) answers questions. Nothing here imports either.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from factfile.config import default_db_url
from factfile.errors import StoreError, require
from factfile.store.migrate import upgrade
from factfile.store.schema import Document


def database_url(location: str | Path | None) -> str:
    """SQLAlchemy URL for a path or URL; plain paths mean SQLite files."""
    location = str(location or default_db_url())
    if location.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + location.split("://", 1)[1]
    if "://" in location:
        return location
    if location == ":memory:":
        return "sqlite://"
    path = Path(location).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


class Store:
    def __init__(self, location: str | Path | None = None, migrate: bool = True):
        self.url = database_url(location)
        self.engine = _engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            try:
                self._upgrade()
            except (DatabaseError, OperationalError) as exc:
                raise StoreError(f"{location}: cannot open as a factfile store ({exc.orig})") from exc

    def _upgrade(self) -> None:
        """Create or upgrade the schema in one transaction: a crash midway leaves the old schema, not half a new one."""
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            if self.dialect != "sqlite":
                with connection.begin():
                    upgrade(connection)
                return
            # Python's sqlite3 commits before every CREATE TABLE unless it leaves transactions to us.
            legacy = raw.isolation_level
            raw.isolation_level = None
            try:
                with connection.begin():
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                    upgrade(connection)
            finally:
                raw.isolation_level = legacy

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        with self.sessions() as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A session for reading whose queries all see the store as of one moment, while ingests commit."""
        with self.sessions() as session:
            if self.dialect == "sqlite":
                session.connection().exec_driver_sql("BEGIN")  # else each SELECT sees its own moment
            else:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            # Closing ends the transaction (the pool rolls the connection back) and keeps what was read
            # usable after the block, detached; a rollback would expire it.
            yield session

    def session(self) -> Session:
        return self.sessions()

    def has_document(self, content_hash: str) -> bool:
        with self.sessions() as session:
            return session.scalar(select(Document.id).where(Document.content_hash == content_hash)) is not None

    def close(self) -> None:
        self.engine.dispose()


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        if url.startswith("postgresql+psycopg"):
            require("psycopg", "a PostgreSQL store", "postgres")
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        if url != "sqlite://":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    return engine


__all__ = ["Store", "database_url"]
