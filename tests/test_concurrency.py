"""Two ingests writing into one store at once: both finish, and each document is stored exactly once.

Both read the same corpus, so they race for every document, outlet, actor and place; a writer that
checks for a row and inserts it without holding the store's write lock in between fails on the
other's row. bench/crash.py --concurrent runs many more rounds.
"""

from __future__ import annotations

import sqlite3

import pytest
from crashing import concurrent_ingests, make_corpus, reference_run
from sqlalchemy import event

from factfile.pipeline import Pipeline
from factfile.store import Store


@pytest.fixture(scope="module")
def concurrent_setup(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("concurrent")
    corpus = make_corpus(workdir / "corpus", 8)
    return workdir, corpus, reference_run(workdir, corpus, cached_nlp=True)


def test_two_concurrent_ingests_both_exit_0_and_store_every_document_once(concurrent_setup):
    workdir, corpus, reference = concurrent_setup
    report = concurrent_ingests(workdir, corpus, reference, rounds=4)
    assert report.inconsistencies == []
    assert report.runs == 8 and report.failed_runs == 0


def test_a_store_locked_by_another_writer_rejects_the_document_with_a_line(concurrent_setup, tmp_path):
    """A writer that outlasts the busy timeout costs this ingest one document, reported, not the run."""
    _, _, reference = concurrent_setup
    store = Store(tmp_path / "locked.db")

    @event.listens_for(store.engine, "connect")
    def _short_wait(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA busy_timeout=50")

    store.engine.dispose()
    other = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    analysis = next(iter(reference.analyses.values()))
    try:
        outcome = Pipeline(store)._store(analysis)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert outcome.status == "rejected"
    assert "another writer held the store's lock" in outcome.problem
    assert Pipeline(store)._store(analysis).status == "stored"
