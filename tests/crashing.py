"""Kill `factfile ingest` with SIGKILL at random points and check what it leaves behind.

Used by tests/test_crash.py (a few dozen kills) and bench/crash.py (200 and more). Three ways to kill:

- timed: a forked child runs the `factfile ingest` command (model already loaded by the parent, so a
  kill costs no start-up time); the parent SIGKILLs it after a random delay;
- injected: the same child SIGKILLs itself right before its k-th SQL statement or commit, with k drawn
  at random, so kills land inside write transactions as often as between them;
- exec: the real `factfile ingest` executable (optionally with worker processes) is started in its own
  process group, which is SIGKILLed once the store starts growing plus a random delay.

An "uninterrupted" step forks the same child without killing it. With `cached_nlp`, forked children take each article's analysis from the parent instead of running
spaCy again: reading, storing, linking and transactions are the real code, and a run takes seconds
instead of minutes, so hundreds of kills fit in a bench run. After every kill the store must be
consistent (`problems`), and whenever a run completes it must have stored exactly the documents that
were missing before it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine

from factfile.records import Analysis, RawItem
from factfile.store import database_url

ROOT = Path(__file__).resolve().parents[1]
CHILD_TABLES = (
    "mentions", "statements", "facts", "time_expressions", "events", "quantities", "copy_fingerprints", "copy_bands", "story_terms",
)
# What is stored with a document d, as SQL columns: rows in each child table, then its statements' band keys.
SHAPE = ", ".join(f"(SELECT count(*) FROM {t} WHERE {t}.document_id = d.id)" for t in CHILD_TABLES) + (
    ", (SELECT count(*) FROM statement_bands b JOIN statements st ON st.id = b.statement_id WHERE st.document_id = d.id)"
)
Fingerprint = dict[str, tuple]  # content hash -> (text length, rows in each child table)


def corpus_files(count: int) -> list[Path]:
    """Real news texts: PolNeAR dev articles from ../shared when present, else the test pages."""
    shared = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "data" / "polnear" / "dev" / "text"
    if shared.is_dir():
        return sorted(shared.glob("*.txt"))[:count]
    data = ROOT / "tests" / "data"
    return [data / "seed-article.txt", *sorted(data.glob("*.html.gz"))][:count]


def make_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in corpus_files(count):
        shutil.copy(path, folder / path.name)
    return folder


def fingerprint(url: str) -> Fingerprint:
    """For each stored document, the size of everything stored with it."""
    counts = SHAPE
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("documents"):
                return {}
            rows = connection.execute(text(f"SELECT d.content_hash, length(d.text), {counts} FROM documents d")).all()
    finally:
        engine.dispose()
    return {row[0]: tuple(row[1:]) for row in rows}


def problems(url: str, reference: Fingerprint) -> list[str]:
    """Everything wrong with the store, as sentences; empty when it is consistent."""
    found: list[str] = []
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if not tables:
                return []  # killed before the schema was created: the next run creates it
            if "alembic_version" not in tables or connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() != 1:
                return [f"schema half created: tables {sorted(tables)} without a version"]
            if engine.dialect.name == "sqlite":
                found += _sqlite_problems(connection)
            duplicates = connection.execute(
                text("SELECT content_hash FROM documents GROUP BY content_hash HAVING count(*) > 1")
            ).scalars().all()
            found += [f"document {h[:12]} stored twice" for h in duplicates]
            for table in CHILD_TABLES:
                orphans = connection.execute(
                    text(f"SELECT count(*) FROM {table} t LEFT JOIN documents d ON d.id = t.document_id WHERE d.id IS NULL")
                ).scalar()
                if orphans:
                    found.append(f"{orphans} {table} rows belong to no document")
            orphans = connection.execute(
                text("SELECT count(*) FROM statement_bands b LEFT JOIN statements st ON st.id = b.statement_id WHERE st.id IS NULL")
            ).scalar()
            if orphans:
                found.append(f"{orphans} statement_bands rows belong to no statement")
    finally:
        engine.dispose()
    for content_hash, shape in fingerprint(url).items():
        expected = reference.get(content_hash)
        if expected is None:
            found.append(f"document {content_hash[:12]} is not in the corpus")
        elif shape != expected:
            found.append(f"document {content_hash[:12]} is partial: {shape} rows, expected {expected} ({CHILD_TABLES}, statement_bands)")
    return found


def _sqlite_problems(connection) -> list[str]:
    found = []
    integrity = connection.execute(text("PRAGMA integrity_check")).scalars().all()
    if integrity != ["ok"]:
        found.append(f"integrity_check: {integrity[:5]}")
    foreign = connection.execute(text("PRAGMA foreign_key_check")).all()
    if foreign:
        found.append(f"foreign_key_check: {foreign[:5]}")
    try:
        connection.execute(text("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"))
    except Exception as exc:  # noqa: BLE001 - any failure here is the finding
        found.append(f"full-text index out of sync with documents: {exc}")
    indexed = connection.execute(text("SELECT count(*) FROM documents_fts_docsize")).scalar()
    documents = connection.execute(text("SELECT count(*) FROM documents")).scalar()
    if indexed != documents:
        found.append(f"full-text index holds {indexed} rows for {documents} documents")
    connection.rollback()
    return found


def kill_self_at(statement: int) -> None:
    """In a child: SIGKILL this process right before its `statement`-th SQL statement or commit."""
    seen = [0]

    def step(*_args) -> None:
        seen[0] += 1
        if seen[0] >= statement:
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "before_cursor_execute", step)
    event.listen(Engine, "commit", step)


def _count_statements(into: Path) -> None:
    seen = [0]

    def step(*_args) -> None:
        seen[0] += 1
        into.write_text(str(seen[0]))

    event.listen(Engine, "before_cursor_execute", step)
    event.listen(Engine, "commit", step)


def fork_ingest(db: str, corpus: Path, setup: Callable[[], None] | None = None) -> int:
    """Fork a child that runs `factfile --db DB ingest -q CORPUS`; return its pid."""
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        if setup:
            setup()
        from factfile.cli import app

        try:
            app(["--db", db, "ingest", "-q", str(corpus)], standalone_mode=False)
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        os._exit(code)


def _wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def analyse_corpus(corpus: Path) -> dict[str, Analysis]:
    """Each article's analysis by content hash, computed once in this process."""
    from factfile.extract import Extractor
    from factfile.ingest import read_items, to_article

    articles = [to_article(item) for item in read_items([str(corpus)]) if isinstance(item, RawItem)]
    return {analysis.article.content_hash: analysis for analysis in Extractor().pipe(articles)}


def use_cached_analyses(analyses: dict[str, Analysis]) -> None:
    """In a child: the extractor hands out the parent's analyses instead of running spaCy."""
    from factfile.extract import Extractor

    Extractor.pipe = lambda self, articles, errors="raise": (analyses[a.content_hash] for a in articles)


@dataclass
class Reference:
    fingerprint: Fingerprint
    seconds: float  # one clean run in a forked child
    statements: int  # SQL statements and commits in that run
    analyses: dict[str, Analysis] | None = None  # for cached_nlp runs
    cached_seconds: float = 0.0  # one clean run with cached analyses


def reference_run(workdir: Path, corpus: Path, cached_nlp: bool = False) -> Reference:
    """Ingest the corpus once without interruption: what every document must look like once stored."""
    import factfile.cli.ingest  # noqa: F401
    import factfile.pipeline  # noqa: F401 - children inherit the code loaded now, even if files change meanwhile
    from factfile.extract.nlp import load_model

    load_model()  # loaded once here, inherited by every forked child
    db = str(workdir / "reference.db")
    counter = workdir / "statements.txt"
    started = time.perf_counter()
    code = _wait(fork_ingest(db, corpus, lambda: _count_statements(counter)))
    seconds = time.perf_counter() - started
    if code != 0:
        raise RuntimeError(f"clean reference ingest failed with exit code {code}")
    reference = Reference(fingerprint(db), seconds, int(counter.read_text()))
    if cached_nlp:
        reference.analyses = analyse_corpus(corpus)
        cached_db = str(workdir / "reference-cached.db")
        started = time.perf_counter()
        code = _wait(fork_ingest(cached_db, corpus, lambda: use_cached_analyses(reference.analyses)))
        reference.cached_seconds = time.perf_counter() - started
        if code != 0 or fingerprint(cached_db) != reference.fingerprint:
            raise RuntimeError("ingest with cached analyses does not store what the full ingest stores")
    return reference


@dataclass
class Report:
    kills: int = 0
    by_method: dict[str, int] = field(default_factory=dict)
    completed_runs: int = 0  # runs that finished (and were checked to store exactly what was missing)
    fresh_stores: int = 0
    inconsistencies: list[str] = field(default_factory=list)

    def summary(self) -> str:
        methods = ", ".join(f"{name} {n}" for name, n in sorted(self.by_method.items()))
        return (
            f"kills: {self.kills} ({methods}); survived with a consistent store: {self.kills - self._bad_kills()}; "
            f"completed re-runs checked: {self.completed_runs}; stores: {self.fresh_stores}; "
            f"inconsistencies: {len(self.inconsistencies)}"
        )

    def _bad_kills(self) -> int:
        return len({line.split(":", 1)[0] for line in self.inconsistencies})


class CrashLoop:
    """Kill, check, resume; start a fresh store whenever the corpus is complete."""

    def __init__(self, workdir: Path, corpus: Path, reference: Reference, db_url: Callable[[int], str] | None = None,
                 seed: int = 0, exec_workers: int = 2, cached_nlp: bool = False):
        self.cached_nlp = cached_nlp and reference.analyses is not None
        self.seconds = reference.cached_seconds if self.cached_nlp else reference.seconds
        self.workdir = workdir
        self.corpus = corpus
        self.reference = reference
        self.random = random.Random(seed)
        self.exec_workers = exec_workers
        self.db_url = db_url or (lambda n: str(workdir / f"store-{n}.db"))
        self.report = Report()
        self.db = self._fresh()

    def _fresh(self) -> str:
        self.report.fresh_stores += 1
        return self.db_url(self.report.fresh_stores)

    def run(self, kills: int, methods: tuple[str, ...] = ("timed", "injected"), log: Callable[[str], None] | None = None,
            finish_every: int = 8) -> Report:
        """Kill until `kills` is reached; after every `finish_every` kills, let one re-run complete."""
        while self.report.kills < kills:
            method = methods[self.report.kills % len(methods)]
            kills_before = self.report.kills
            self.step(method)
            if self.report.kills > kills_before and self.report.kills % finish_every == 0 and self._exists():
                self.step("uninterrupted")
            if log and self.report.kills and self.report.kills % 10 == 0:
                log(self.report.summary())
        if self.report.kills and self._exists():
            self.step("uninterrupted")  # the last kill's store, too, must complete with exactly the rest
        return self.report

    def step(self, method: str) -> None:
        before = set(fingerprint(self.db)) if self._exists() else set()
        missing = 1 - len(before) / len(self.reference.fingerprint)
        if method == "exec":
            killed = self._exec_and_kill(before)
        else:
            statement = self.random.randint(1, max(1, int(self.reference.statements * missing)))
            analyses = self.reference.analyses if self.cached_nlp else None

            def setup() -> None:
                if analyses:
                    use_cached_analyses(analyses)
                if method == "injected":
                    kill_self_at(statement)

            pid = fork_ingest(self.db, self.corpus, setup)
            if method == "timed":
                killed = self._kill_after(pid, self.random.uniform(0, self.seconds * missing))
            else:
                killed = self._outcome(_wait(pid))
        if killed:
            self.report.kills += 1
            self.report.by_method[method] = self.report.by_method.get(method, 0) + 1
            self._check(f"kill {self.report.kills} ({method})")
        else:
            self._check_completed(before)
            self.report.completed_runs += 1
            self.db = self._fresh()

    def _exists(self) -> bool:
        return "://" in self.db or Path(self.db).exists()

    def _kill_after(self, pid: int, delay: float) -> bool:
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return self._outcome(os.waitstatus_to_exitcode(status))
            time.sleep(0.01)
        os.kill(pid, signal.SIGKILL)
        return self._outcome(_wait(pid))

    def _outcome(self, code: int) -> bool:
        """True when the child was killed; a child that ended by itself must have succeeded."""
        if code == -signal.SIGKILL:
            return True
        if code != 0:
            self.report.inconsistencies.append(f"run after kill {self.report.kills}: ingest exited with {code}")
        return False

    def _exec_and_kill(self, before: set[str]) -> bool:
        command = [str(Path(sys.executable).with_name("factfile")), "--db", self.db, "ingest", "-q",
                   "--workers", str(self.exec_workers), str(self.corpus)]
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            while child.poll() is None and len(self._stored()) <= len(before):  # until it writes
                time.sleep(0.05)
            deadline = time.monotonic() + self.random.uniform(0, 2 * self.reference.seconds / len(self.reference.fingerprint))
            while child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            if child.poll() is not None:
                return False
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            return True
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()

    def _stored(self) -> set[str]:
        try:
            return set(fingerprint(self.db))
        except Exception:  # noqa: BLE001 - the store may not exist yet while the child creates it
            return set()

    def _check(self, label: str) -> None:
        self.report.inconsistencies += [f"{label}: {p}" for p in problems(self.db, self.reference.fingerprint)]

    def _check_completed(self, before: set[str]) -> None:
        label = f"completed run after kill {self.report.kills}"
        self._check(label)
        after = set(fingerprint(self.db))
        expected = set(self.reference.fingerprint)
        if after != expected:
            self.report.inconsistencies.append(f"{label}: {len(expected - after)} documents missing after a full run")
        if not before <= after:
            self.report.inconsistencies.append(f"{label}: {len(before - after)} stored documents lost")


@dataclass
class ConcurrentReport:
    rounds: int = 0
    runs: int = 0
    failed_runs: int = 0
    inconsistencies: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"rounds: {self.rounds}; concurrent ingests: {self.runs}, exited non-zero: {self.failed_runs}; "
            f"inconsistencies: {len(self.inconsistencies)}"
        )


def concurrent_ingests(workdir: Path, corpus: Path, reference: Reference, rounds: int, writers: int = 2,
                       cached_nlp: bool = True, log: Callable[[str], None] | None = None) -> ConcurrentReport:
    """Start `writers` ingests of the same corpus into one fresh store at once, `rounds` times: each
    must exit 0 and the store must hold every document exactly once, whole."""
    report = ConcurrentReport()
    analyses = reference.analyses if cached_nlp else None
    for round_ in range(1, rounds + 1):
        db = str(workdir / f"concurrent-{round_}.db")
        pids = [fork_ingest(db, corpus, (lambda: use_cached_analyses(analyses)) if analyses else None) for _ in range(writers)]
        codes = [_wait(pid) for pid in pids]
        report.rounds += 1
        report.runs += len(codes)
        report.failed_runs += sum(code != 0 for code in codes)
        label = f"round {round_}"
        report.inconsistencies += [f"{label}: ingest exited with {code}" for code in codes if code != 0]
        report.inconsistencies += [f"{label}: {p}" for p in problems(db, reference.fingerprint)]
        missing = set(reference.fingerprint) - set(fingerprint(db))
        if missing:
            report.inconsistencies.append(f"{label}: {len(missing)} documents missing")
        if log and round_ % 5 == 0:
            log(report.summary())
    return report
