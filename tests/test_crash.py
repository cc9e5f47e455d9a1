"""SIGKILL during ingest leaves a consistent store, and a re-run stores exactly what was missing.

FACTFILE_CRASH_KILLS sets the number of forked-child kills (default 24); bench/crash.py runs 200.
"""

from __future__ import annotations

import os
import sqlite3

import pytest
from crashing import CrashLoop, fingerprint, make_corpus, problems, reference_run

KILLS = int(os.environ.get("FACTFILE_CRASH_KILLS", "24"))


@pytest.fixture(scope="module")
def crash_setup(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("crash")
    corpus = make_corpus(workdir / "corpus", 8)
    return workdir, corpus, reference_run(workdir, corpus)


def test_reference_run_stores_every_document_whole(crash_setup):
    _, corpus, reference = crash_setup
    assert len(reference.fingerprint) == len(list(corpus.iterdir()))
    assert all(shape[1] > 0 for shape in reference.fingerprint.values()), "every article has mentions"


def test_random_sigkills_leave_a_consistent_store(crash_setup):
    workdir, corpus, reference = crash_setup
    loop = CrashLoop(workdir / "forked", corpus, reference, seed=9)
    (workdir / "forked").mkdir()
    report = loop.run(KILLS, methods=("timed", "injected"))
    assert report.inconsistencies == []
    assert report.kills == KILLS and report.by_method["injected"] > 0 and report.by_method["timed"] > 0
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
