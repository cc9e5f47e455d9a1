"""Several worker processes store exactly what one process stores."""

from __future__ import annotations

from conftest import PAGES, SEED, table_snapshot


def test_two_workers_match_one(tmp_path):
    from typer.testing import CliRunner

    from factfile.serve.cli import app

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
