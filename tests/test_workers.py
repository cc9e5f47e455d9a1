"""Several worker processes store exactly what one process stores."""

from __future__ import annotations

import pytest

from conftest import PAGES, SEED, table_snapshot
from factfile import pipeline


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_two_workers_match_one(tmp_path, monkeypatch, start_method):
    from typer.testing import CliRunner

    from factfile.cli import app

    monkeypatch.setattr(pipeline, "_start_method", lambda: start_method)

    inputs = [str(SEED), *(str(p["path"]) for p in PAGES.values())]
    snapshots = []
    for workers in ("1", "2"):
        db = str(tmp_path / f"w{workers}.db")
        result = CliRunner().invoke(app, ["--db", db, "ingest", "--workers", workers, *inputs])
        assert result.exit_code == 0 and "stored 4" in result.stderr, result.stderr
        snapshot = table_snapshot(db)
        for table in ("documents", "actors", "decisions", "stories"):
            snapshot[table] = [row[1:] for row in snapshot[table]]
        snapshot["documents"] = [tuple(v for v in row if not str(v).startswith("20")) for row in snapshot["documents"]]
        snapshot["actors"] = [row[:3] for row in snapshot["actors"]]
        snapshots.append(snapshot)
    assert snapshots[0]["mentions"] == snapshots[1]["mentions"]
    assert snapshots[0]["aliases"] == snapshots[1]["aliases"]
    assert snapshots[0]["documents"] == snapshots[1]["documents"]


def test_each_batch_knows_how_many_are_left_once_the_end_is_near():
    counted = list(pipeline._with_count_left(iter("abcdef"), window=3))
    assert counted == [("a", None), ("b", None), ("c", None), ("d", 3), ("e", 2), ("f", 1)]
    assert list(pipeline._with_count_left(iter("ab"), window=3)) == [("a", 2), ("b", 1)]


def test_near_the_end_the_pool_gets_only_its_share():
    assert pipeline._pool_share(in_pool=5, left=None, helpers=1)  # end not in sight
    assert pipeline._pool_share(in_pool=0, left=2, helpers=1)  # one for the pool, one for this process
    assert not pipeline._pool_share(in_pool=1, left=1, helpers=1)
    assert pipeline._pool_share(in_pool=3, left=4, helpers=1)  # 4 of 7 left to the pool: this process also writes
    assert not pipeline._pool_share(in_pool=4, left=2, helpers=1)  # 5 of 6 is more than its two thirds
    assert pipeline._pool_share(in_pool=3, left=3, helpers=3)  # three helpers take three of four
    assert not pipeline._pool_share(in_pool=4, left=1, helpers=3)


def test_workers_are_forked_only_where_no_other_thread_runs():
    import sys
    import threading

    assert pipeline._start_method() == ("fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert pipeline._start_method() == "spawn"
    finally:
        stop.set()
        other.join()


def test_the_pool_is_fed_before_a_ready_batch_is_stored():
    assert pipeline._next_step(pool_room=True, front_ready=True, full=False) == "submit"
    assert pipeline._next_step(pool_room=False, front_ready=True, full=False) == "store"
    assert pipeline._next_step(pool_room=False, front_ready=False, full=False) == "analyse"
    assert pipeline._next_step(pool_room=True, front_ready=False, full=True) == "store"  # bounded: wait for the oldest
