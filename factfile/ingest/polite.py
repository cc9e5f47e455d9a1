"""How `factfile follow` treats the sites it polls: one request at a time per host with a minimum gap
(the larger of ours and the site's robots.txt Crawl-delay), a host that answers 429 or 5xx, or not at
all, left alone for a while that doubles with each failure in a row, and a Retry-After obeyed."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

BACKOFF_START = 60.0  # seconds after the first failure
BACKOFF_MAX = 6 * 3600.0
RETRY_AFTER_MAX = 24 * 3600.0  # a longer Retry-After is taken as this


def backoff(failures: int) -> float:
    """Seconds to leave a feed or host alone after `failures` failures in a row."""
    return min(BACKOFF_MAX, BACKOFF_START * 2 ** max(0, failures - 1))


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), or None without one."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(RETRY_AFTER_MAX, float(value))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(RETRY_AFTER_MAX, max(0.0, moment.timestamp() - now))


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or url).lower()


class Hosts:
    """When each host may be asked next."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep):
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self.next_at: dict[str, float] = {}  # host -> earliest time of its next request
        self.blocked_until: dict[str, float] = {}  # host -> end of its backoff
        self.failures: dict[str, int] = {}

    def blocked(self, url: str) -> bool:
        return self.blocked_until.get(host_of(url), 0.0) > self.clock()

    def wait(self, url: str) -> None:
        """Sleep until the host's gap since its last request has passed."""
        left = self.next_at.get(host_of(url), 0.0) - self.clock()
        if left > 0:
            self.sleep(left)

    def asked(self, url: str, crawl_delay: float | None = None) -> None:
        """A request to the host just ended."""
        self.next_at[host_of(url)] = self.clock() + max(self.delay, crawl_delay or 0.0)

    def answered(self, url: str) -> None:
        self.failures.pop(host_of(url), None)

    def failed(self, url: str, wait: float | None = None) -> float:
        """Leave the host alone for `wait` seconds (its Retry-After), at least the backoff; the seconds chosen."""
        host = host_of(url)
        self.failures[host] = self.failures.get(host, 0) + 1
        seconds = max(wait or 0.0, backoff(self.failures[host]))
        self.blocked_until[host] = self.clock() + seconds
        return seconds

    def free_at(self, url: str) -> float:
        """When the host may be asked again after its backoff (a past time when it is not blocked)."""
        return self.blocked_until.get(host_of(url), 0.0)

    def first_free(self) -> float | None:
        """When the first blocked host is free again, None when none is blocked."""
        now = self.clock()
        waiting = [t for t in self.blocked_until.values() if t > now]
        return min(waiting) if waiting else None


def utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
