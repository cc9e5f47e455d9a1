"""The whole job for a set of inputs: ingest → extract → relate → store.

Reading files happens here; extraction and NLP run in `workers` processes: this one and `workers - 1`
started after this one loaded the model (forked on Linux, so they share it; spawned elsewhere, loading
their own). This process is also the writer: it stores each document in its own transaction, in
input order, so a crash or a bad input never leaves a half-written document, and re-running skips
what is already stored. It keeps the pool's queue full first, stores what is analysed next, and
analyses a batch itself only when the queue is full and nothing is ready to store, so writing
never falls behind; on a machine with as many cores as workers no core idles behind a writer that
has little to write. Near the end of the input the pool gets only its share of what is left (this
process, which also writes, counting as half a worker), so that no process waits, idle, for another's
queue to drain.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from factfile.config import DEFAULT_LIMITS, Limits
from factfile.errors import IngestError
from factfile.extract import DEFAULT_STAGES, Extractor
from factfile.extract.nlp import preload
from factfile.ingest import FetchPolicy, read_items, to_article
from factfile.records import Analysis, RawItem, Rejection
from factfile.relate import DEFAULT_RELATERS, prepare, write
from factfile.relate import build as build_relaters
from factfile.store import Store

Status = Literal["stored", "duplicate", "rejected"]


@dataclass(slots=True)
class Outcome:
    """What happened to one input item."""

    origin: str
    status: Status
    problem: str | None = None
    document_id: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Summary:
    read: int = 0
    stored: int = 0
    duplicate: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.read += 1
        if outcome.status == "stored":
            self.stored += 1
        elif outcome.status == "duplicate":
            self.duplicate += 1
        else:
            self.rejected += 1
            self.rejections.append(Rejection(outcome.origin, outcome.problem or "rejected"))

    @property
    def ingested_any(self) -> bool:
        return self.stored + self.duplicate > 0


@dataclass(slots=True)
class Duplicate:
    origin: str
    warnings: list[str]


Processed = Analysis | Rejection | Duplicate

# Items analysed at once by a pipeline of one process: spaCy parses 8 texts at a time for a tenth less CPU than 2
# (and 181 MB more peak RSS over bench/pipeline.py's articles; 16: hardly less CPU, 266 MB more).
_ALONE_BATCH = 8
_POOL_BATCH = 2  # items per batch handed to a worker process or analysed here beside the pool
_QUEUED_PER_WORKER = 6  # batches given to each worker process: enough to keep it busy while this one analyses a long batch
_BUFFERED = 16  # batches analysed here while waiting for the pool's oldest one


class Analyser:
    """Per-process worker state: the extractor and a way to skip already-stored content before NLP.

    Besides extracting, it does the relaters' work on each document alone (`relate.prepare`: story
    terms, copy fingerprints), so that the writer, which every document passes in turn, only relates
    it to the store."""

    def __init__(
        self, stages: tuple[str, ...], limits: Limits, known: Callable[[str], bool], relaters: tuple[str, ...] = DEFAULT_RELATERS
    ):
        self.extractor = Extractor(stages)
        self.limits = limits
        self.known = known
        self.relaters = relaters

    def __call__(self, items: list[RawItem]) -> list[Processed]:
        results: list[Processed | None] = []
        articles = []
        for item in items:
            try:
                article = to_article(item, self.limits)
            except IngestError as error:
                results.append(Rejection(error.origin, error.problem))
                continue
            if self.known(article.content_hash):
                results.append(Duplicate(article.origin, article.warnings))
                continue
            results.append(None)
            articles.append(article)
        analyses = iter(self.extractor.pipe(articles, errors="reject"))
        return [r if r is not None else self._prepared(next(analyses)) for r in results]

    def _prepared(self, processed: Analysis | Rejection) -> Analysis | Rejection:
        return prepare(processed, self.relaters) if isinstance(processed, Analysis) else processed


_worker: Analyser | None = None


def _start_worker(stages: tuple[str, ...], limits: Limits, store_url: str, relaters: tuple[str, ...], parent: int) -> None:
    global _worker
    die_with_parent(parent)
    store = Store(store_url, migrate=False)
    _worker = Analyser(stages, limits, store.has_document, relaters)
    _tune_collector()  # a spawned worker's models too (a forked one's were frozen before the fork)


def _run_worker(items: list[RawItem]) -> list[Processed]:
    assert _worker is not None
    return _worker(items)


class Pipeline:
    def __init__(
        self,
        store: Store,
        workers: int = 1,
        limits: Limits = DEFAULT_LIMITS,
        stages: tuple[str, ...] = DEFAULT_STAGES,
        relaters: tuple[str, ...] = DEFAULT_RELATERS,
        batch_size: int | None = None,
        fetch: FetchPolicy | None = None,
        on_stored: Callable[[Session, str, int], None] | None = None,
    ):
        """`on_stored(session, origin, document_id)` runs inside each new document's write transaction, so
        what a caller records about the document (`factfile follow`'s item state) commits with it. `batch_size`:
        items analysed at once; by default `_ALONE_BATCH` for one process and `_POOL_BATCH` with a pool. An input
        that arrives slowly (a feed fetched item by item) wants small batches, so that what has arrived is stored
        before the next item is waited for."""
        self.store = store
        self.workers = max(1, workers)
        self.limits = limits
        self.stages = stages
        self.relater_names = relaters
        self.relaters = build_relaters(relaters)
        self.batch_size = batch_size
        self.fetch = fetch
        self.on_stored = on_stored

    def run(self, arguments: Iterable[str]) -> Iterator[Outcome]:
        """Ingest every article in the inputs, yielding one outcome per item as it is decided."""
        rejected: list[Rejection] = []

        def items() -> Iterator[RawItem]:
            for found in read_items(arguments, self.limits, self.fetch):
                if isinstance(found, Rejection):
                    rejected.append(found)
                else:
                    yield found

        for processed in self._analyse(items()):
            while rejected:
                yield Outcome(rejected[0].origin, "rejected", rejected.pop(0).problem)
            yield self._store(processed)
        for rejection in rejected:
            yield Outcome(rejection.origin, "rejected", rejection.problem)

    def run_items(self, items: Iterable[RawItem]) -> Iterator[Outcome]:
        """Ingest raw items read elsewhere (`factfile follow` fetches its own), one outcome per item in their order."""
        for processed in self._analyse(iter(items)):
            yield self._store(processed)

    def ingest(self, arguments: Iterable[str]) -> Summary:
        summary = Summary()
        for outcome in self.run(arguments):
            summary.add(outcome)
        return summary

    def _analyse(self, items: Iterator[RawItem]) -> Iterator[Processed]:
        """Analysed batches in input order: from the pool while it has room, else from this process. A pipeline of
        one process analyses larger batches (`_ALONE_BATCH`): it has no pool to share them with."""
        if self.workers == 1:
            analyser = Analyser(self.stages, self.limits, self.store.has_document, self.relater_names)
            with _long_lived_frozen():
                for batch in _batches(items, self.batch_size or _ALONE_BATCH):
                    yield from analyser(batch)
            return
        batches = _batches(items, self.batch_size or _POOL_BATCH)
        local = Analyser(self.stages, self.limits, self.store.has_document, self.relater_names)
        helpers = self.workers - 1
        method = _start_method()
        if method == "fork":  # the forked workers share what this one loads first, instead of each loading its own
            preload()
        with _long_lived_frozen():
            yield from self._analyse_with_pool(batches, local, helpers, method)

    def _analyse_with_pool(
        self, batches: Iterator[list[RawItem]], local: Analyser, helpers: int, method: str
    ) -> Iterator[Processed]:
        context = multiprocessing.get_context(method)
        initargs = (self.stages, self.limits, self.store.url, self.relater_names, os.getpid())
        with ProcessPoolExecutor(helpers, mp_context=context, initializer=_start_worker, initargs=initargs) as pool:
            pending: deque[Future | list[Processed]] = deque()  # batches in input order, analysed here or in the pool
            in_pool: set[Future] = set()
            for batch, left in _with_count_left(batches, helpers * _QUEUED_PER_WORKER * 2):
                while True:
                    in_pool = {future for future in in_pool if not future.done()}
                    pool_room = len(in_pool) < helpers * _QUEUED_PER_WORKER and _pool_share(len(in_pool), left, helpers)
                    full = len(pending) >= helpers * _QUEUED_PER_WORKER + _BUFFERED
                    step = _next_step(pool_room, bool(pending) and _ready(pending[0]), full)
                    if step == "store":
                        yield from _result(pending.popleft())
                        continue
                    if step == "submit":
                        future = pool.submit(_run_worker, batch)
                        in_pool.add(future)
                        pending.append(future)
                    else:
                        pending.append(local(batch))
                    break
            while pending:
                yield from _result(pending.popleft())

    def _store(self, processed: Processed) -> Outcome:
        if isinstance(processed, Rejection):
            return Outcome(processed.origin, "rejected", processed.problem)
        if isinstance(processed, Duplicate):
            return Outcome(processed.origin, "duplicate", warnings=processed.warnings)
        article = processed.article
        for attempt in range(1, _BUSY_ATTEMPTS + 1):
            try:
                document = write.store(self.store, processed, self.relaters, then=self._then(article.origin))
                break
            except OperationalError as exc:
                if not _busy(exc):
                    raise
                if attempt == _BUSY_ATTEMPTS:
                    return Outcome(
                        article.origin,
                        "rejected",
                        f"not stored: another writer held the store's lock through {attempt} waits ({exc.orig})",
                    )
            except IngestError as error:
                return Outcome(article.origin, "rejected", error.problem)
        if document is None:
            return Outcome(article.origin, "duplicate", warnings=article.warnings)
        return Outcome(article.origin, "stored", document_id=document.id, warnings=article.warnings)

    def _then(self, origin: str) -> Callable[[Session, int], None] | None:
        on_stored = self.on_stored
        return None if on_stored is None else lambda session, document_id: on_stored(session, origin, document_id)


_BUSY_ATTEMPTS = 3  # each waits the store's busy timeout for another writer's transaction to end


def _busy(error: OperationalError) -> bool:
    """Whether the store refused a write because another writer holds its lock (SQLite's busy timeout ran out)."""
    return "locked" in str(error.orig) or "busy" in str(error.orig)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Make this worker process end when `parent` does, even by SIGKILL, which gives the pool no chance
    to stop it: an orphaned worker would otherwise wait for work for ever, holding its model's memory.

    Linux signals the worker when its parent dies (prctl); elsewhere a thread watches the parent id."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the request took effect
                os._exit(1)
            return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="factfile-parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


_YOUNG_COLLECTED_AT = (
    10_000  # allocations less deallocations between collections of the youngest generation (Python's default: 700)
)


@contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """The garbage collector tuned for a run over many documents, then restored: what is loaded by then (the models,
    their vocabularies and tables) is frozen out of its collections, each of which walked all of it (the four full
    collections of bench/pipeline.py --every 2 took a second of CPU), and the youngest generation is collected
    less often. Worker processes forked inside inherit both, and a frozen object's page is not copied into a
    worker by a collection's writes to it."""
    thresholds = _tune_collector()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _tune_collector() -> tuple[int, int, int]:
    """Freeze what is loaded out of the collector's walks and collect the youngest generation at
    `_YOUNG_COLLECTED_AT`; the thresholds it replaced."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(_YOUNG_COLLECTED_AT, *thresholds[1:])
    return thresholds


def _start_method() -> str:
    """Fork on Linux when no other thread runs here: forked workers start with the model this process
    loaded (copy-on-write) instead of importing and loading their own. A lock another thread holds at
    the fork stays held for ever in the child, and macOS and Windows have no safe fork: spawn there."""
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


def _next_step(pool_room: bool, front_ready: bool, full: bool) -> Literal["submit", "store", "analyse"]:
    """What this process does next with the batch in hand: store the oldest batch, waiting for it, when as many
    as it holds are pending (`full`); else give the batch to the pool while the pool has room; else store the
    oldest batch if it is analysed (`front_ready`), one at a time, looking at the pool again after each; else
    analyse the batch here. Feeding the pool before storing keeps it from idling while this process stores a
    run of batches that came back while it analysed one of its own."""
    if full:
        return "store"
    if pool_room:
        return "submit"
    return "store" if front_ready else "analyse"


def _ready(batch: Future | list[Processed]) -> bool:
    return not isinstance(batch, Future) or batch.done()


def _result(batch: Future | list[Processed]) -> list[Processed]:
    return batch.result() if isinstance(batch, Future) else batch


def _pool_share(in_pool: int, left: int | None, helpers: int) -> bool:
    """Whether the next batch goes to the pool. Near the end of the input, only while the pool holds
    less than its share of the batches not yet analysed: this process would otherwise wait, idle,
    for the pool's queue to drain. This process counts as half a worker there, since it also stores
    every document the others analyse (about a quarter of a document's CPU time, relate/write.py)."""
    return left is None or (in_pool + 1) * (2 * helpers + 1) <= 2 * helpers * (in_pool + left)


def _with_count_left(batches: Iterator[list[RawItem]], window: int) -> Iterator[tuple[list[RawItem], int | None]]:
    """Each batch with the number of batches from it to the end, once the end is within `window`."""
    ahead: deque[list[RawItem]] = deque()
    for batch in batches:
        ahead.append(batch)
        if len(ahead) > window:
            yield ahead.popleft(), None
    while ahead:
        yield ahead.popleft(), len(ahead) + 1


def _batches(items: Iterator[RawItem], size: int) -> Iterator[list[RawItem]]:
    batch: list[RawItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
