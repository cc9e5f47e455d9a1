"""Whole GET responses kept until the store changes: a repeated read costs a dictionary lookup, not queries.

Each response is stored with the store's *data version* read before it was computed (SQLite's
`PRAGMA data_version` on a connection of its own, which changes whenever any other connection — an
ingest, a correction — commits). A response computed at the current version is served as is. Once a
write commits, a response computed before it is *stale*: it is still served for at most `max_stale`
seconds, counted from the last moment its version was seen (so from before the commit, whatever the
traffic), while one request recomputes it in the background: at once if the answer is older than half
the bound, else once it is — on a timer (set when it is stored or served, and again every half bound while
the page is asked for within twice the bound), not at the next request, which for a page asked for every few
seconds may come only after the bound (so an ingest committing every second costs at most one
recomputation per URL per max_stale / 2, not one per commit, each recomputation has at least half the
bound to finish, and a page nobody asks for any more is not recomputed).
Past the bound, requests wait for a fresh answer; one already being computed is taken if it is itself
within the bound, so that waiting requests do not each recompute while writes keep coming; a background
refresh still queued (those wait behind requests for the store, see serve/gate.py) is moved up to
wait like a request, and taken, rather than computed a second time. Replayed
answers carry `Age` (seconds since they were computed) and `x-cache: hit | stale`. A correction made
through this process outdates its stale answers at once (other worker processes keep the bound). Concurrent misses on one URL are computed once (single flight).
Nothing is cached on stores without a cheap change counter (PostgreSQL): there every request is computed.

Worker processes of one server (`factfile serve --workers N`) share their answers through a SQLite file
(`SharedEntries`): each answer a worker computes is written there, and a worker without a current answer
takes the shared one if it is newer than its own. Data versions are per connection, so a shared answer
is judged by *when* its computation started, on the clock all processes share: from a version this
process had already seen then (it is current if this process had seen the current version by then;
otherwise it is stale, counted from the last moment this process saw the version it reflects). An answer
older than every version this process still remembers, or computed before this process's own correction,
is not taken. A worker about to recompute a stale answer first claims it in the file; while another
worker holds the claim, it serves its stale copy and takes the other's answer once written. So after an
ingest commit each URL is recomputed by one worker, not by all. Without the file (one worker, or
`--no-share-cache`) each worker keeps its own answers.

Installed innermost, under the rate limit and the security headers, so both apply to cached answers.
Only successful, whole responses to GET requests without a body are kept; static files (which answer
conditional and range requests) and exports (streamed, large) pass through.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factfile.serve.gate import BACKGROUND, Refresh
from factfile.serve.security import WRITE_METHODS, ASGIApp, Message, Receive, Scope, Send
from factfile.store.responses import SharedEntries

log = logging.getLogger("factfile.serve")

UNCACHED_PREFIXES = ("/static/", "/api/exports")
# Pages asked for within this many staleness bounds are refreshed on a timer. Twice: each worker sees only its
# share of the requests for a page, and the page's answer must be fresh in every worker that gets them.
KEPT_FRESH = 2


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
        shared: SharedEntries | None = None, call_later: Callable[..., Any] | None = None,
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
        self.first_seen: dict[int, float] = {}  # epoch -> first moment its version was read
        self.shared = shared
        self.call_later = call_later  # (delay, callback, *args) -> handle; the event loop's by default
        self.claimed_elsewhere: dict[bytes, float] = {}  # key -> until when another process recomputes it
        self.timers: dict[bytes, Any] = {}  # key -> when its answer is looked at again (_schedule)
        self.asked: dict[bytes, tuple[float, Scope]] = {}  # key -> when it was last asked for, and by what request
        self.hurry: dict[bytes, Refresh] = {}  # key -> its background refresh, to move up if a request needs it
        if shared is not None:
            # The version from the start: a worker not yet asked for anything (its peers got every connection so
            # far) can take their answers computed since, instead of recomputing each page on its first request.
            self._epoch()

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
                self.first_seen.pop(old, None)
        self.first_seen.setdefault(self.epoch, now)
        self.last_seen[self.epoch] = now
        return self.epoch

    def epoch_at(self, moment: float) -> int | None:
        """The epoch an answer whose computation started at `moment` reflects at least; None if too old to tell."""
        known = [epoch for epoch, first in self.first_seen.items() if first <= moment]
        return max(known) if known else None

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
                self.first_seen.clear()  # nor from another process's answer computed before it
            return
        if not _cacheable(scope):
            await self.app(scope, receive, send)
            return
        epoch = self._epoch()
        if epoch is None:
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        self._asked(key, scope)
        entry = self.entries.get(key)
        if entry is not None and entry.epoch == epoch:
            self.entries.move_to_end(key)
            self._schedule(key, entry)
            await self._replay(entry, send, b"hit")
            return
        if self.shared is not None:
            entry = self._adopt(key, entry)
            if entry is not None and entry.epoch == epoch:
                await self._replay(entry, send, b"hit")
                return
        if entry is not None and self._servable(entry):
            if key not in self.flights:
                if self.clock() - entry.computed < self.max_stale / 2:
                    self._schedule(key, entry)
                elif self._claim(key):
                    self._refresh(key, scope, epoch)
            await self._replay(entry, send, b"stale")
            return
        flight = self.flights.get(key)
        if flight is not None:
            if key in self.in_background and key in self.hurry:  # a refresh waits behind requests: moved up, not repeated
                self.hurry[key].hurry()
            fresh = await asyncio.shield(flight)
            if fresh is not None and (fresh.epoch == epoch or self._servable(fresh)):
                await self._replay(fresh, send, b"hit" if fresh.epoch == epoch else b"stale")
                return
        await self._compute(key, scope, receive, send, epoch)

    def _asked(self, key: bytes, scope: Scope) -> None:
        self.asked[key] = (self.clock(), dict(scope))  # as it came: the app adds to a request's scope (route, exit stacks)
        if len(self.asked) > 2 * len(self.entries) + 1000:  # forget what is not kept (errors, evicted answers)
            self.asked = {k: v for k, v in self.asked.items() if k in self.entries}

    def _schedule(self, key: bytes, entry: Entry, at: float | None = None) -> None:
        """Look at an answer again once it is half the bound old, whether or not it is asked for then.

        Waiting for the next request to start a refresh loses the race for a page asked for every few seconds:
        its answer passes the bound before anyone asks, and the next request waits for a recomputation. Only
        pages asked for within twice the bound (`KEPT_FRESH`) are looked at (a current answer again every half
        bound, so that a write landing just after a look leaves half the bound for its refresh): a page nobody
        asks for any more is not recomputed.
        """
        asked = self.asked.get(key)
        if key in self.timers or self.max_stale <= 0 or asked is None or self.clock() - asked[0] > KEPT_FRESH * self.max_stale:
            return
        delay = max(0.0, (entry.computed + self.max_stale / 2 if at is None else at) - self.clock())
        self.timers[key] = (self.call_later or asyncio.get_running_loop().call_later)(delay, self._due, key)

    def _due(self, key: bytes) -> None:
        """Refresh `key` in the background if a write outdated its answer (see `_schedule`)."""
        self.timers.pop(key, None)
        epoch = self._epoch()
        entry = self.entries.get(key)
        if self.shared is not None:
            entry = self._adopt(key, entry)
        if epoch is not None and entry is not None and entry.epoch == epoch:  # current: again in half the bound
            self._schedule(key, entry, at=self.clock() + self.max_stale / 2)
            return
        if epoch is None or entry is None or key in self.flights or not self._servable(entry):
            return  # being computed, or past the bound: left to requests
        if self.clock() - entry.computed < self.max_stale / 2:  # another process's newer answer
            self._schedule(key, entry)
        elif key not in self.asked:
            return
        elif self._claim(key):
            scope = self.asked[key][1]
            self._refresh(key, {**scope, "headers": list(scope.get("headers", []))}, epoch)
        else:  # another process recomputes it: take its answer once written
            self._schedule(key, entry, at=self.clock() + min(0.25, self.max_stale / 4))

    def _adopt(self, key: bytes, entry: Entry | None) -> Entry | None:
        """Another process's answer for `key` if it was computed later than `entry`, else `entry`."""
        assert self.shared is not None
        computed = self.shared.computed(key)
        if computed is None or (entry is not None and computed <= entry.computed):
            return entry
        epoch = self.epoch_at(computed)
        if epoch is None:  # computed before any version this process saw (or before its own correction)
            return entry
        row = self.shared.get(key)
        if row is None:
            return entry
        adopted = Entry(epoch, *row)
        self._store(key, adopted)
        return adopted

    def _claim(self, key: bytes) -> bool:
        """Whether this process should recompute `key`: no other process is doing it (one shared cache)."""
        if self.shared is None:
            return True
        now = self.clock()
        if self.claimed_elsewhere.get(key, now) > now:
            return False
        hold = max(self.max_stale, 1.0)
        if self.shared.claim(key, now, hold):
            self.claimed_elsewhere.pop(key, None)
            return True
        if len(self.claimed_elsewhere) > 10_000:
            self.claimed_elsewhere.clear()
        self.claimed_elsewhere[key] = now + min(hold, 0.25)  # look again soon: its answer may be shared by then
        return False

    def _servable(self, entry: Entry) -> bool:
        staleness = self.staleness(entry)
        return staleness is not None and staleness < self.max_stale

    async def _replay(self, entry: Entry, send: Send, how: bytes) -> None:
        age = str(int(self.clock() - entry.computed)).encode()
        headers = [*entry.start.get("headers", []), (b"age", age), (b"x-cache", how)]
        await send({"type": "http.response.start", "status": entry.start["status"], "headers": headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _compute(
        self, key: bytes, scope: Scope, receive: Receive, send: Send, epoch: int, background: bool = False,
        flight: asyncio.Future[Entry | None] | None = None,
    ) -> None:
        """Run the app for this request, passing its answer on and keeping it if it is cacheable."""
        flight = flight or self._take_off(key, background)
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
                if self.shared is not None:
                    self.shared.put(key, started, start, entry.body)
        finally:
            if entry is None and background and self.shared is not None:
                self.shared.release(key)
            if self.flights.get(key) is flight:
                del self.flights[key]
                self.in_background.discard(key)
                self.hurry.pop(key, None)
            flight.set_result(entry)

    def _take_off(self, key: bytes, background: bool) -> asyncio.Future[Entry | None]:
        flight: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self.flights[key] = flight
        (self.in_background.add if background else self.in_background.discard)(key)
        return flight

    def _refresh(self, key: bytes, scope: Scope, epoch: int) -> None:
        """Recompute a stale entry in the background while it is still served."""
        handle = self.hurry[key] = Refresh()
        fresh_scope = {**scope, "headers": list(scope.get("headers", [])), BACKGROUND: handle}
        delivered = False

        async def receive() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": b"", "more_body": False}
            return {"type": "http.disconnect"}

        async def discard(_: Message) -> None:
            return None

        flight = self._take_off(key, background=True)  # at once: no second refresh starts before this one runs

        async def run() -> None:
            try:
                await self._compute(key, fresh_scope, receive, discard, epoch, background=True, flight=flight)
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
        if key in self.entries:
            self._schedule(key, entry)  # a page still asked for is kept fresh without waiting for a request


def _cacheable(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    return not scope["path"].startswith(UNCACHED_PREFIXES)

