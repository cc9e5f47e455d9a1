"""`factfile follow`: poll feeds (RSS/Atom) and pages on a schedule and store each new article once.

A round polls every feed that is due with a conditional request (the ETag and Last-Modified of its
last answer: a 304 costs nothing), queues the entries it has not seen and those the publisher
changed, then fetches each queued entry's page (conditionally again when it was fetched before) and
runs it through the same pipeline as `factfile ingest`. A followed URL that answers with HTML is a
page: its text is stored again whenever it changes. Every request goes through the SSRF-guarded
fetcher (`url.fetch`), obeys robots.txt and keeps the per-host gap and backoff of `polite.Hosts`.

Each step commits its state in the store (`store.follow`): the new items with the validators that
make the next poll conditional, a fetched page before it is analysed, `stored` inside the document's
own write transaction. A killed run therefore resumes with the items it had queued or fetched,
without asking for a feed or page again whose answer it had kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sqlalchemy.orm import Session

from factfile.config import DEFAULT_LIMITS, Limits
from factfile.errors import IngestError
from factfile.ingest.feed import ParsedFeed, parse_feed
from factfile.ingest.polite import Hosts, backoff, retry_after, utc
from factfile.ingest.url import FetchPolicy, Response, fetch, is_url, page_item
from factfile.pipeline import Pipeline
from factfile.records import Hints, RawItem
from factfile.store import Store
from factfile.store import follow as state
from factfile.store.schema import FeedItem, FollowedFeed, as_utc

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
MAX_ATTEMPTS = 5  # fetches of one item's page that fail for a passing reason before it is given up
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_FEED_MARKS = (b"<rss", b"<feed", b"<rdf:RDF", b"<RDF")


@dataclass(slots=True)
class Round:
    """What one round did, for its one-line summary."""

    number: int
    polled: int = 0
    changed: int = 0  # feeds that answered with new content
    unchanged: int = 0  # 304, or the same content again
    failed: int = 0
    not_due: int = 0
    new_items: int = 0
    changed_items: int = 0
    fetched: int = 0  # pages fetched
    not_modified: int = 0  # pages that answered 304 to a conditional request
    stored: int = 0
    duplicate: int = 0  # the text was already stored
    failed_items: int = 0
    waiting: int = 0  # items left for a later round (their host is backing off)

    def summary(self) -> str:
        return (
            f"round {self.number}: feeds polled {self.polled} (new content {self.changed}, unchanged {self.unchanged}, "
            f"failed {self.failed}), not due {self.not_due}; items new {self.new_items}, changed {self.changed_items}; "
            f"pages fetched {self.fetched}, not modified {self.not_modified}; articles stored {self.stored}, "
            f"already stored {self.duplicate}, failed {self.failed_items}, waiting {self.waiting}"
        )


@dataclass(slots=True)
class FeedList:
    urls: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def feed_list(arguments: Iterable[str]) -> FeedList:
    """The URLs given, and those listed one per line in the files given (blank lines and # comments
    skipped); a problem line for each argument or line that is neither."""
    found = FeedList()
    for argument in arguments:
        if is_url(argument):
            found.urls.append(argument)
            continue
        path = Path(argument)
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeError) as exc:
            problem = "no such file, and not an http(s) URL" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc}"
            found.problems.append(f"{argument}: {problem}")
            continue
        for number, line in enumerate(lines, start=1):
            line = "" if line.lstrip().startswith("#") else line.strip()
            if not line:
                continue
            if is_url(line):
                found.urls.append(line)
            else:
                found.problems.append(f"{argument}:{number}: not an http(s) URL: {line[:200]!r}")
    return found


class Follower:
    def __init__(
        self, store: Store, policy: FetchPolicy, every: float, delay: float = 1.0, workers: int = 1,
        limits: Limits = DEFAULT_LIMITS, say: Callable[[str], None] = print,
        clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep,
    ):
        self.store = store
        self.policy = policy
        self.every = every
        self.limits = limits
        self.say = say  # one line per feed or item that went wrong
        self.clock = clock
        self.sleep = sleep
        self.hosts = Hosts(delay, clock, sleep)
        self.robots: dict = {}
        # items arrive one fetch at a time: small batches store what has arrived before the next fetch is waited for
        self.pipeline = Pipeline(store, workers=workers, limits=limits, batch_size=2, on_stored=self._on_stored)
        self._in_pipeline: deque[tuple[str, int]] = deque()  # (origin, item id) handed to the pipeline, in order
        self._titles: dict[int, str | None] = {}

    def follow(self, urls: Iterable[str]) -> list[int]:
        """Start following `urls` (those already followed stay as they are); their feed ids."""
        with self.store.transaction() as session:
            return [feed.id for feed in state.add_feeds(session, urls)]

    def followed(self) -> list[int]:
        with self.store.snapshot() as session:
            return [feed.id for feed in state.feeds(session)]

    def run(self, feed_ids: list[int], rounds: int | None = None) -> Iterator[Round]:
        """Round after round, each when the first feed is due, until `rounds` are done (for ever without)."""
        number = 0
        while True:
            number += 1
            yield self.round(feed_ids, number)
            if rounds is not None and number >= rounds:
                return
            self.sleep(self._until_due(feed_ids))

    def round(self, feed_ids: list[int], number: int = 1) -> Round:
        report = Round(number)
        self.robots = {}  # each site's robots.txt is read again once a round
        with self.store.snapshot() as session:
            feeds = state.feeds(session, feed_ids)
        for feed in feeds:
            self._titles[feed.id] = feed.title
            if self._due(feed, self.clock()) and not self.hosts.blocked(feed.url):
                self._poll(feed, report)
            else:
                report.not_due += 1
        with self.store.snapshot() as session:
            items = state.pending(session, feed_ids)
        for outcome in self.pipeline.run_items(self._raw_items(items, report)):
            origin, item_id = self._in_pipeline.popleft()
            if outcome.status == "stored":
                report.stored += 1
            elif outcome.status == "duplicate":
                self._commit(state.stored, item_id, None, utc(self.clock()))
                report.duplicate += 1
            else:
                self._commit(state.item_failed, item_id, outcome.problem or "rejected", True)
                report.failed_items += 1
                self.say(f"{origin}: {outcome.problem}")
        return report

    def _commit(self, change: Callable, *arguments) -> None:
        with self.store.transaction() as session:
            change(session, *arguments)

    def _due(self, feed: FollowedFeed, now: float) -> bool:
        retry = as_utc(feed.retry_at)
        if retry is not None and retry.timestamp() > now:
            return False
        polled = as_utc(feed.polled_at)
        if polled is None or feed.failures:
            return True
        slack = min(60.0, self.every / 10)  # a cron job started every `every` finds its feeds due
        return polled.timestamp() + self.every - slack <= now

    def _until_due(self, feed_ids: list[int]) -> float:
        now = self.clock()
        with self.store.snapshot() as session:
            feeds = state.feeds(session, feed_ids)
        times = []
        for feed in feeds:
            retry, polled = as_utc(feed.retry_at), as_utc(feed.polled_at)
            if retry is not None and (feed.failures or polled is None):
                times.append(retry.timestamp())
            else:
                times.append(max(polled.timestamp() + self.every if polled is not None else now, self.hosts.free_at(feed.url)))
        if (free := self.hosts.first_free()) is not None:  # items left waiting for a host
            times.append(free)
        return max(0.0, min(times, default=now + self.every) - now)

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        self.hosts.wait(url)
        try:
            return fetch(url, self.policy, headers, self.robots)
        finally:
            self.hosts.asked(url, self._crawl_delay(url))

    def _crawl_delay(self, url: str) -> float | None:
        parts = urlsplit(url)
        robots = self.robots.get(f"{parts.scheme}://{parts.netloc}")
        delay = robots.crawl_delay(self.policy.user_agent) if robots is not None else None
        return float(delay) if delay is not None else None

    def _poll(self, feed: FollowedFeed, report: Round) -> None:
        report.polled += 1
        headers = {"Accept": FEED_ACCEPT, **_validators(feed.etag, feed.last_modified)}
        try:
            response = self._get(feed.url, headers)
        except IngestError as error:
            self._feed_failed(feed, error.problem, None, report, host_trouble=_unreachable(error))
            return
        now = self.clock()
        next_poll = utc(now + self.every)
        if response.status == 304:
            self._commit(state.polled, feed.id, utc(now), next_poll)
            self.hosts.answered(feed.url)
            report.unchanged += 1
            return
        if response.status != 200:
            trouble = _passing(response.status)
            wait = retry_after(response.headers.get("retry-after"), now) if trouble else None
            self._feed_failed(feed, f"HTTP {response.status} from {response.url}", wait, report, host_trouble=trouble)
            return
        self.hosts.answered(feed.url)
        page = response.headers.get("content-type", "").lower().startswith(_PAGE_TYPES)
        try:
            if page and not any(mark in response.body[:2048] for mark in _FEED_MARKS):
                self._read_page(feed, response, now, report)
                return
            try:
                parsed = parse_feed(response.body, feed.url, self.limits)
            except IngestError:
                if not page:
                    raise
                self._read_page(feed, response, now, report)
                return
            self._read_feed(feed, parsed, response, now, report)
        except IngestError as error:
            self._feed_failed(feed, error.problem, None, report)

    def _read_feed(self, feed: FollowedFeed, parsed: ParsedFeed, response: Response, now: float, report: Round) -> None:
        entries = [dataclasses.replace(e, link=urljoin(response.url, e.link)) if e.link else e for e in parsed.entries]
        with self.store.transaction() as session:
            new, changed = state.add_entries(session, feed.id, entries, utc(now))
            state.polled(
                session, feed.id, utc(now), utc(now + self.every), changed=True, kind="feed", title=parsed.title,
                etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
            )
        self._titles[feed.id] = parsed.title
        report.new_items += new
        report.changed_items += changed
        if new or changed:
            report.changed += 1
        else:
            report.unchanged += 1

    def _read_page(self, feed: FollowedFeed, response: Response, now: float, report: Round) -> None:
        raw = page_item(feed.url, response)
        fingerprint = hashlib.sha256(response.body).hexdigest()
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        with self.store.transaction() as session:
            changed = state.add_page(
                session, feed.id, feed.url, fingerprint, response.body, raw.kind, response.url, raw.encoding, etag, modified, utc(now),
            )
            state.polled(session, feed.id, utc(now), utc(now + self.every), changed=True, kind="page", etag=etag, last_modified=modified)
        if changed:
            report.changed += 1
            report.new_items += 1
        else:
            report.unchanged += 1

    def _feed_failed(self, feed: FollowedFeed, problem: str, wait: float | None, report: Round, host_trouble: bool = False) -> None:
        """Count the failure and leave the feed alone for its backoff; a host that is overloaded or
        unreachable (429, 5xx, no connection) is left alone as a whole."""
        now = self.clock()
        seconds = max(wait or 0.0, backoff(feed.failures + 1))
        if host_trouble:
            seconds = max(seconds, self.hosts.failed(feed.url, wait))
        with self.store.transaction() as session:
            failures = state.poll_failed(session, feed.id, utc(now), problem, utc(now + seconds))
        report.failed += 1
        self.say(f"{feed.url}: {problem} ({failures} failure{'s' if failures > 1 else ''} in a row; next try in {_duration(seconds)})")

    def _raw_items(self, items: list[FeedItem], report: Round) -> Iterator[RawItem]:
        for item in items:
            raw = self._raw_item(item, report)
            if raw is not None:
                self._in_pipeline.append((raw.origin, item.id))
                yield raw

    def _raw_item(self, item: FeedItem, report: Round) -> RawItem | None:
        """The item's page as a raw item: kept from an earlier fetch, fetched now, or the entry's own
        text when it has no page; None when there is nothing to analyse now."""
        if item.state == "fetched":
            return RawItem(item.url or item.key, item.payload_kind or "html", item.payload, self._hints(item, item.payload_url), item.encoding)
        url = item.url
        if not url or not is_url(url):
            return self._entry_text(item, "the entry links to no web page", report)
        if self.hosts.blocked(url):
            report.waiting += 1
            return None
        try:
            response = self._get(url, _validators(item.etag, item.last_modified))
        except IngestError as error:
            permanent = not _unreachable(error)
            return self._item_failed(item, url, error.problem, permanent, None, report)
        now = self.clock()
        if response.status == 304:
            self._commit(state.stored, item.id, None, utc(now))
            self.hosts.answered(url)
            report.not_modified += 1
            return None
        if _passing(response.status):
            wait = retry_after(response.headers.get("retry-after"), now)
            return self._item_failed(item, url, f"HTTP {response.status} from {response.url}", False, wait, report)
        try:
            raw = page_item(url, response)
        except IngestError as error:
            return self._item_failed(item, url, error.problem, True, None, report)
        self.hosts.answered(url)
        self._commit(
            state.fetched, item.id, raw.payload, raw.kind, response.url, raw.encoding,
            response.headers.get("etag"), response.headers.get("last-modified"), utc(now),
        )
        report.fetched += 1
        return dataclasses.replace(raw, origin=url, hints=self._hints(item, response.url))

    def _item_failed(self, item: FeedItem, url: str, problem: str, permanent: bool, wait: float | None, report: Round) -> RawItem | None:
        if not permanent:
            self.hosts.failed(url, wait)
        give_up = permanent or item.failures + 1 >= MAX_ATTEMPTS
        if give_up and item.document_id is not None:  # a stored page that is gone now: keep what was stored
            self._commit(state.stored, item.id, None, utc(self.clock()))
            return None
        if give_up and item.body:
            self.say(f"{url}: {problem}; storing the feed's text of it instead")
            return self._entry_text(item, problem, report)
        self._commit(state.item_failed, item.id, problem, give_up)
        if give_up:
            report.failed_items += 1
            self.say(f"{url}: {problem}")
        else:
            report.waiting += 1
        return None

    def _entry_text(self, item: FeedItem, problem: str, report: Round) -> RawItem | None:
        if not item.body:
            self._commit(state.item_failed, item.id, f"{problem}, and the feed gives no text of it", True)
            report.failed_items += 1
            self.say(f"{item.url or item.key}: {problem}, and the feed gives no text of it")
            return None
        url = item.url if item.url and is_url(item.url) else None
        return RawItem(url or item.key, "html", item.body, self._hints(item, url))

    def _hints(self, item: FeedItem, url: str | None) -> Hints:
        return Hints(url=url, title=item.title, author=item.author, published=item.published, site=self._titles.get(item.feed_id))

    def _on_stored(self, session: Session, origin: str, document_id: int) -> None:
        """In the document's write transaction: its item is stored."""
        handed, item_id = self._in_pipeline[0]
        assert handed == origin, (handed, origin)
        state.stored(session, item_id, document_id, utc(self.clock()))


def _validators(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _unreachable(error: IngestError) -> bool:
    """A fetch that failed for want of an answer (no connection, timeout), not because the answer said no."""
    return error.problem.startswith(("cannot fetch", "timed out", "cannot resolve"))


def _passing(status: int) -> bool:
    """Statuses that say "later", not "never": too many requests, server errors."""
    return status in (408, 429) or status >= 500


def _duration(seconds: float) -> str:
    for unit, size in (("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit}"
    return f"{seconds:.0f} s"
