"""A semaphore whose waiting requests go before waiting background refreshes.

While an ingest commits, the response cache recomputes outdated pages in the background (serve/api/cache.py)
while still serving them. A request that cannot be answered from the cache (a page never asked for, or one
past its staleness bound) must not queue behind dozens of those refreshes: it takes the next free slot.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

BACKGROUND = "factfile.background"  # ASGI scope key the cache sets on its own refresh requests


class Gate:
    def __init__(self, size: int):
        self.free = size
        self.waiting: tuple[deque[asyncio.Future], deque[asyncio.Future]] = (deque(), deque())  # foreground, background

    @asynccontextmanager
    async def hold(self, background: bool = False) -> AsyncIterator[None]:
        if self.free > 0 and not any(self.waiting):
            self.free -= 1
        else:
            turn = asyncio.get_running_loop().create_future()
            self.waiting[background].append(turn)
            try:
                await turn
            except asyncio.CancelledError:
                if turn.done() and not turn.cancelled():  # handed a slot just before being cancelled: pass it on
                    self._release()
                raise
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        for queue in self.waiting:
            while queue:
                turn = queue.popleft()
                if not turn.done():
                    turn.set_result(None)
                    return
        self.free += 1
