"""Whole GET responses kept until the store changes: a repeated read costs a dictionary lookup, not queries.

Each response is stored with the store's *data version* read before it was computed (SQLite's
`PRAGMA data_version` on a connection of its own, which changes whenever any other connection — an
ingest, a correction — commits). A response computed at the current version is served as is. Once a
write commits, a response computed before it is *stale*: it is still served for at most `max_stale`
seconds, counted from the last moment its version was seen (so from before the commit, whatever the
traffic), while one request recomputes it in the background: at once if the answer is older than half
the bound, else once it is (so an ingest committing every second costs at most one recomputation per URL
per max_stale / 2, not one per commit, and each recomputation has at least half the bound to finish).
Past the bound, requests wait for a fresh answer; one already being computed is taken if it is itself
within the bound, so that waiting requests do not each recompute while writes keep coming (but not a
background refresh: those wait behind requests for the store, see serve/api/gate.py). Replayed
answers carry `Age` (seconds since they were computed) and `x-cache: hit | stale`. A correction made
through this process outdates its stale answers at once (other worker processes keep the bound). Concurrent misses on one URL are computed once (single flight).
Nothing is cached on stores without a cheap change counter (PostgreSQL): there every request is computed.

Installed innermost, under the rate limit and the security headers, so both apply to cached answers.
Only successful, whole responses to GET requests without a body are kept; static files (which answer
conditional and range requests) and exports (streamed, large) pass through.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from factfile.serve.api.gate import BACKGROUND
from factfile.serve.security import WRITE_METHODS, ASGIApp, Message, Receive, Scope, Send
from factfile.store import Store

log = logging.getLogger("factfile.serve")

UNCACHED_PREFIXES = ("/static/", "/api/exports")


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


@dataclass(slots=True)
class Entry:
    epoch: int  # the version epoch it was computed in
    computed: float  # clock when its computation started
    start: Message
    body: bytes


class ResponseCache:
    def __init__(
        self, app: ASGIApp, version: Callable[[], int | None], max_stale: float = 5.0,
        max_bytes: int = 64 * 1024 * 1024, max_body: int = 2 * 1024 * 1024, clock: Callable[[], float] = time.monotonic,
    ):
        self.app = app
        self.version = version
        self.max_stale = max_stale
        self.max_bytes = max_bytes
        self.max_body = max_body
        self.clock = clock
        self.entries: OrderedDict[bytes, Entry] = OrderedDict()
        self.size = 0
        self.flights: dict[bytes, asyncio.Future[Entry | None]] = {}
        self.refreshing: set[asyncio.Task] = set()
        self.in_background: set[bytes] = set()  # keys whose flight is a background refresh
        self.current: int | None = None  # last version read
        self.epoch = 0  # how many times the version was seen to change
        self.last_seen: dict[int, float] = {}  # epoch -> last moment its version was read

    def _epoch(self) -> int | None:
        version = self.version()
        if version is None:
            return None
        now = self.clock()
        if version != self.current:
            if self.current is not None:
                self.epoch += 1
            self.current = version
            for old in [e for e, seen in self.last_seen.items() if now - seen > self.max_stale]:  # too old to serve
                del self.last_seen[old]
        self.last_seen[self.epoch] = now
        return self.epoch

    def staleness(self, entry: Entry) -> float | None:
        """Seconds since the write that outdated `entry` at the most (it came after its epoch was last seen)."""
        seen = self.last_seen.get(entry.epoch)
        return None if seen is None else self.clock() - seen

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in WRITE_METHODS:
            try:
                await self.app(scope, receive, send)
            finally:
                self.last_seen.clear()  # whoever corrected something here is never answered from before it
            return
        if not _cacheable(scope):
            await self.app(scope, receive, send)
            return
        epoch = self._epoch()
        if epoch is None:
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        entry = self.entries.get(key)
        if entry is not None and entry.epoch == epoch:
            self.entries.move_to_end(key)
            await self._replay(entry, send, b"hit")
            return
        if entry is not None and self._servable(entry):
            if key not in self.flights and self.clock() - entry.computed >= self.max_stale / 2:
                self._refresh(key, scope, epoch)
            await self._replay(entry, send, b"stale")
            return
        flight = self.flights.get(key)
        if flight is not None and key not in self.in_background:  # a refresh may still wait behind others: not waited for
            fresh = await asyncio.shield(flight)
            if fresh is not None and (fresh.epoch == epoch or self._servable(fresh)):
                await self._replay(fresh, send, b"hit" if fresh.epoch == epoch else b"stale")
                return
        await self._compute(key, scope, receive, send, epoch)

    def _servable(self, entry: Entry) -> bool:
        staleness = self.staleness(entry)
        return staleness is not None and staleness < self.max_stale

    async def _replay(self, entry: Entry, send: Send, how: bytes) -> None:
        age = str(int(self.clock() - entry.computed)).encode()
        headers = [*entry.start.get("headers", []), (b"age", age), (b"x-cache", how)]
        await send({"type": "http.response.start", "status": entry.start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _compute(self, key: bytes, scope: Scope, receive: Receive, send: Send, epoch: int, background: bool = False) -> None:
        """Run the app for this request, passing its answer on and keeping it if it is cacheable."""
        flight: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self.flights[key] = flight
        (self.in_background.add if background else self.in_background.discard)(key)
        started = self.clock()
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200 and not any(k.lower() == b"set-cookie" for k, _ in message.get("headers", []))
                message = {**message, "headers": [*message.get("headers", []), (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                size += len(message.get("body", b""))
                keep = size <= self.max_body
                chunks.append(message.get("body", b""))
            await send(message)

        entry = None
        try:
            await self.app(scope, receive, capture)
            if keep and start is not None:
                entry = Entry(epoch, started, start, b"".join(chunks))
                self._store(key, entry)
        finally:
            if self.flights.get(key) is flight:
                del self.flights[key]
                self.in_background.discard(key)
            flight.set_result(entry)

    def _refresh(self, key: bytes, scope: Scope, epoch: int) -> None:
        """Recompute a stale entry in the background while it is still served."""
        fresh_scope = {**scope, "headers": list(scope.get("headers", [])), BACKGROUND: True}
        delivered = False

        async def receive() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": b"", "more_body": False}
            return {"type": "http.disconnect"}

        async def discard(_: Message) -> None:
            return None

        async def run() -> None:
            try:
                await self._compute(key, fresh_scope, receive, discard, epoch, background=True)
            except Exception:  # the stale answer stays until it expires; the next request tries again
                log.exception("refreshing %s failed", key.decode(errors="replace"))

        task = asyncio.get_running_loop().create_task(run())
        self.refreshing.add(task)
        task.add_done_callback(self.refreshing.discard)

    def _store(self, key: bytes, entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes and self.entries:
            _, evicted = self.entries.popitem(last=False)
            self.size -= len(evicted.body)


def _cacheable(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    return not scope["path"].startswith(UNCACHED_PREFIXES)

