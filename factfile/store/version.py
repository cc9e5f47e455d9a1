"""The store's data version: a number that changes whenever any connection commits to it.

The server's response cache keys answers by it (serve/cache.py). SQLite keeps it per connection
(`PRAGMA data_version`), so one connection kept open for the purpose sees every other's commits.
"""

from __future__ import annotations

import sqlite3

from factfile.store import Store


class DataVersion:
    """A number that changes whenever a transaction commits to the store, or None if the store has none."""

    def __init__(self, store: Store):
        self.connection: sqlite3.Connection | None = None
        database = store.engine.url.database
        if store.dialect == "sqlite" and database and database != ":memory:":
            self.connection = sqlite3.connect(database, check_same_thread=False, isolation_level=None)

    def __call__(self) -> int | None:
        if self.connection is None:
            return None
        return self.connection.execute("PRAGMA data_version").fetchone()[0]
