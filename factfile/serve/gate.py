"""A semaphore whose waiting requests go before waiting background refreshes.

While an ingest commits, the response cache recomputes outdated pages in the background (serve/cache.py)
while still serving them. A request that cannot be answered from the cache (a page never asked for, or one
past its staleness bound) must not queue behind dozens of those refreshes: it takes the next free slot.
A refresh whose answer a request waits for is moved up among the requests (`Refresh.hurry`).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

BACKGROUND = "factfile.background"  # ASGI scope key the cache sets on its own refresh requests (a Refresh)


class Refresh:
    """A background refresh's place in the queue, so that a request that cannot do without its answer moves it up."""

    def __init__(self) -> None:
        self.urgent = False
        self.gate: Gate | None = None
        self.turn: asyncio.Future | None = None

    def hurry(self) -> None:
        """From now on it waits like a request (behind those already waiting), not behind them all."""
        self.urgent = True
        if self.gate is not None and self.turn is not None:
            self.gate.promote(self.turn)


class Gate:
    def __init__(self, size: int):
        self.free = size
        self.waiting: tuple[deque[asyncio.Future], deque[asyncio.Future]] = (deque(), deque())  # foreground, background

    @asynccontextmanager
    async def hold(self, background: bool | Refresh = False) -> AsyncIterator[None]:
        refresh = background if isinstance(background, Refresh) else None
        if self.free > 0 and not any(self.waiting):
            self.free -= 1
        else:
            turn = asyncio.get_running_loop().create_future()
            self.waiting[bool(background) and not (refresh is not None and refresh.urgent)].append(turn)
            if refresh is not None:
                refresh.gate, refresh.turn = self, turn
            try:
                await turn
            except asyncio.CancelledError:
                if turn.done() and not turn.cancelled():  # handed a slot just before being cancelled: pass it on
                    self._release()
                raise
            finally:
                if refresh is not None:
                    refresh.turn = None
        try:
            yield
        finally:
            self._release()

    def promote(self, turn: asyncio.Future) -> None:
        if turn in self.waiting[1]:
            self.waiting[1].remove(turn)
            self.waiting[0].append(turn)

    def _release(self) -> None:
        for queue in self.waiting:
            while queue:
                turn = queue.popleft()
                if not turn.done():
                    turn.set_result(None)
                    return
        self.free += 1
