"""The file in which the worker processes of one server share their answers (see `factfile.serve.cache`).

It is not the knowledge store: a SQLite file of whole HTTP answers that any worker may lose or rebuild, kept
here so that the code a user touches runs no SQL of its own.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import MutableMapping
from typing import Any

log = logging.getLogger("factfile.serve")

CacheError = sqlite3.Error  # the shared cache file cannot be opened or written
Message = MutableMapping[str, Any]  # an ASGI message (serve/security.py's alias, not imported: the store looks down only)


class SharedEntries:
    """Answers kept in a SQLite file that every worker process of one server opens: one computes, all replay.

    Each row holds an answer with the moment its computation started, on a clock all processes share
    (`time.monotonic`, the system's CLOCK_MONOTONIC). A *claim* marks an answer being recomputed, so that
    the other workers keep serving their stale copy instead of recomputing it too; a claim lapses after
    `hold` seconds (its worker may have died). Any SQLite error here is logged and treated as "nothing
    shared": a worker then answers on its own, as without this file.
    """

    def __init__(self, path: str | os.PathLike, max_bytes: int = 64 * 1024 * 1024, owner: int | None = None):
        self.path = str(path)
        self.max_bytes = max_bytes
        self.owner = os.getpid() if owner is None else owner
        self.puts = 0
        self.connection = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=OFF")  # a lost answer is recomputed, nothing more
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, computed REAL, status INTEGER, headers BLOB,"
            " body BLOB, size INTEGER)"
        )
        self.connection.execute("CREATE TABLE IF NOT EXISTS claims (key BLOB PRIMARY KEY, owner INTEGER, until REAL)")
        self.connection.execute("PRAGMA busy_timeout = 200")  # serving: never wait long for the other workers

    def computed(self, key: bytes) -> float | None:
        """When the shared answer for `key` started being computed, or None without one."""
        row = self._query("SELECT computed FROM entries WHERE key = ?", (key,))
        return row[0] if row else None

    def get(self, key: bytes) -> tuple[float, Message, bytes] | None:
        row = self._query("SELECT computed, status, headers, body FROM entries WHERE key = ?", (key,))
        if row is None:
            return None
        computed, status, headers, body = row
        pairs = [tuple(line.split(b": ", 1)) for line in headers.split(b"\r\n")] if headers else []
        return computed, {"type": "http.response.start", "status": status, "headers": pairs}, body

    def put(self, key: bytes, computed: float, start: Message, body: bytes) -> None:
        """Keep an answer unless a later-computed one is already kept; release this process's claim on it."""
        headers = b"\r\n".join(bytes(name) + b": " + bytes(value) for name, value in start.get("headers", []))
        self._write(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET computed = excluded.computed,"
            " status = excluded.status, headers = excluded.headers, body = excluded.body, size = excluded.size"
            " WHERE excluded.computed > entries.computed",
            (key, computed, start["status"], headers, body, len(body)),
        )
        self.release(key)
        self.puts += 1
        if self.puts % 64 == 0:
            self.prune()

    def claim(self, key: bytes, now: float, hold: float) -> bool:
        """Take the right to recompute `key` for `hold` seconds; False while another process holds it."""
        changed = self._write(
            "INSERT INTO claims VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET owner = excluded.owner,"
            " until = excluded.until WHERE claims.until <= ? OR claims.owner = excluded.owner",
            (key, self.owner, now + hold, now),
        )
        return changed == 1

    def release(self, key: bytes) -> None:
        self._write("DELETE FROM claims WHERE key = ? AND owner = ?", (key, self.owner))

    def prune(self) -> None:
        """Forget the least recently computed answers beyond `max_bytes`."""
        try:
            rows = self.connection.execute("SELECT key, size FROM entries ORDER BY computed DESC").fetchall()
        except sqlite3.Error:
            log.warning("shared response cache %s: cannot read", self.path, exc_info=True)
            return
        total, drop = 0, []
        for key, size in rows:
            total += size
            if total > self.max_bytes:
                drop.append((key,))
        if drop:
            try:
                self.connection.executemany("DELETE FROM entries WHERE key = ?", drop)
            except sqlite3.Error:
                log.warning("shared response cache %s: cannot prune", self.path, exc_info=True)

    def _query(self, sql: str, parameters: tuple) -> tuple | None:
        try:
            return self.connection.execute(sql, parameters).fetchone()
        except sqlite3.Error:
            log.warning("shared response cache %s: cannot read", self.path, exc_info=True)
            return None

    def _write(self, sql: str, parameters: tuple) -> int:
        try:
            return self.connection.execute(sql, parameters).rowcount
        except sqlite3.Error:  # busy past the timeout, disk full...: this answer is not shared
            log.warning("shared response cache %s: cannot write", self.path, exc_info=True)
            return 0
