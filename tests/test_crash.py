"""SIGKILL during ingest leaves a consistent store, and a re-run stores exactly what was missing.

FACTFILE_CRASH_KILLS sets the number of kills of forked children with cached NLP (default 30); a few
more kill children that run the whole pipeline and the real command. bench/crash.py runs 200 and more.
"""

from __future__ import annotations

import os
import signal
import sqlite3

import pytest
from crashing import (
    SHAPE,
    CrashLoop,
    fingerprint,
    fork_ingest,
    kill_self_at,
    make_corpus,
    problems,
    reference_run,
    use_cached_analyses,
)

from factfile.store import Store

KILLS = int(os.environ.get("FACTFILE_CRASH_KILLS", "30"))


@pytest.fixture(scope="module")
def crash_setup(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("crash")
    corpus = make_corpus(workdir / "corpus", 8)
    return workdir, corpus, reference_run(workdir, corpus, cached_nlp=True)


def test_reference_run_stores_every_document_whole(crash_setup):
    _, corpus, reference = crash_setup
    assert len(reference.fingerprint) == len(list(corpus.iterdir()))
    assert all(shape[1] > 0 for shape in reference.fingerprint.values()), "every article has mentions"


@pytest.mark.parametrize(("kills", "cached_nlp"), [(KILLS, True), (4, False)], ids=["cached-nlp", "full-pipeline"])
def test_random_sigkills_leave_a_consistent_store(crash_setup, kills, cached_nlp):
    workdir, corpus, reference = crash_setup
    folder = workdir / f"forked-{cached_nlp}"
    folder.mkdir()
    report = CrashLoop(folder, corpus, reference, seed=9, cached_nlp=cached_nlp).run(kills, methods=("timed", "injected"))
    assert report.inconsistencies == []
    assert report.kills == kills and report.by_method["injected"] > 0 and report.by_method["timed"] > 0
    assert report.completed_runs >= 1, "some re-run got to the end and was checked"


def test_sigkill_of_the_real_command_and_its_workers(crash_setup):
    workdir, corpus, reference = crash_setup
    (workdir / "exec").mkdir()
    loop = CrashLoop(workdir / "exec", corpus, reference, seed=5, exec_workers=2)
    report = loop.run(1, methods=("exec",))
    assert report.by_method == {"exec": 1}
    assert report.completed_runs >= 1
    assert report.inconsistencies == []


def test_checker_finds_a_partial_document(crash_setup, tmp_path):
    """The consistency check itself must fail on the damage a non-atomic writer would leave."""
    workdir, _, reference = crash_setup
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes((workdir / "reference.db").read_bytes())
    assert problems(str(damaged), reference.fingerprint) == []
    connection = sqlite3.connect(damaged)
    document = connection.execute("SELECT document_id FROM mentions LIMIT 1").fetchone()[0]
    connection.execute("DELETE FROM mentions WHERE document_id = ? AND id % 2 = 0", (document,))
    connection.commit()
    connection.close()
    found = problems(str(damaged), reference.fingerprint)
    assert any("partial" in p for p in found)
    assert set(fingerprint(str(damaged))) == set(reference.fingerprint)


@pytest.mark.parametrize("statement", [2, 10, 30])
def test_kill_while_creating_the_schema_leaves_no_half_schema(tmp_path, statement):
    """The schema is created in one transaction: a kill between two CREATE TABLEs must not leave a store nobody can open."""
    db = str(tmp_path / "new.db")
    pid = os.fork()
    if pid == 0:
        kill_self_at(statement)
        Store(db)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL
    assert problems(db, {}) == []
    Store(db).close()  # opens, and finishes the schema
    assert sqlite3.connect(db).execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def reading_app(store: Store):
    """A small API over the store whose one endpoint reads several tables, as dossiers do."""
    from fastapi import FastAPI
    from sqlalchemy import text

    from factfile.serve.security import ServeSettings, install

    app = FastAPI()

    @app.get("/api/snapshot")
    def snapshot() -> dict:
        with store.snapshot() as session:
            documents = session.execute(text("SELECT count(*) FROM documents")).scalar()
            indexed = session.execute(text("SELECT count(*) FROM documents_fts_docsize")).scalar()
            shapes = session.execute(text(
                f"SELECT d.content_hash, length(d.text), {SHAPE} FROM documents d"
            )).all()
        return {"documents": documents, "indexed": indexed, "shapes": {row[0]: list(row[1:]) for row in shapes}}

    install(app, ServeSettings(rate=1e6, burst=1_000_000))
    return app


def test_reads_while_an_ingest_commits_see_whole_documents_only(crash_setup, tmp_path):
    """SQLite WAL: the API answers during an ingest, without errors and without half-written documents."""
    from fastapi.testclient import TestClient

    _, corpus, reference = crash_setup
    db = str(tmp_path / "served.db")
    store = Store(db)
    client = TestClient(reading_app(store))
    child = fork_ingest(db, corpus, lambda: use_cached_analyses(reference.analyses))
    seen: list[int] = []
    while True:
        finished, status = os.waitpid(child, os.WNOHANG)
        response = client.get("/api/snapshot")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["documents"] == body["indexed"] == len(body["shapes"])
        for content_hash, shape in body["shapes"].items():
            assert tuple(shape) == reference.fingerprint[content_hash], "a half-written document was visible"
        assert not seen or body["documents"] >= seen[-1]
        seen.append(body["documents"])
        if finished:
            break
    assert os.waitstatus_to_exitcode(status) == 0
    assert seen[-1] == len(reference.fingerprint)
    assert len(set(seen)) >= 3, f"reads happened while documents were being added: {sorted(set(seen))}"
    store.close()


def test_random_sigkills_with_postgresql(crash_setup, postgres_server):
    """The same kills against PostgreSQL: the server rolls back what a killed client left open."""
    import uuid

    import psycopg

    workdir, corpus, reference = crash_setup
    created: list[str] = []

    def fresh_database(_: int) -> str:
        name = f"factfile_crash_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(postgres_server, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return postgres_server.rsplit("/", 1)[0] + "/" + name

    folder = workdir / "postgresql"
    folder.mkdir()
    try:
        loop = CrashLoop(folder, corpus, reference, db_url=fresh_database, seed=11, cached_nlp=True)
        report = loop.run(max(6, KILLS // 3), methods=("timed", "injected"))
        assert report.inconsistencies == []
        assert report.completed_runs >= 1
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as connection:
            for name in created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
