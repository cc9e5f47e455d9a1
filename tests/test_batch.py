"""`factfile batch` on Spark stores exactly what a plain `factfile ingest` of the same WARC stores."""

from __future__ import annotations

import pytest
from sqlalchemy import DateTime, MetaData, Table, create_engine, inspect, select
from typer.testing import CliRunner

from conftest import PAGES, make_warc
from factfile.serve.cli import app
from factfile.store import database_url

pytest.importorskip("pyspark")


def comparable_rows(db: str) -> dict[str, list[tuple]]:
    """Every row of every table, minus the timestamps of when it was written."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            snapshot = {}
            for table in inspect(connection).get_table_names():
                if table.startswith("documents_fts") or table == "alembic_version":
                    continue
                reflected = Table(table, MetaData(), autoload_with=connection)
                columns = [c for c in reflected.columns if not isinstance(c.type, DateTime)]
                snapshot[table] = [tuple(r) for r in connection.execute(select(*columns).order_by(*reflected.primary_key.columns))]
            return snapshot
    finally:
        engine.dispose()


def test_spark_batch_and_plain_ingest_store_the_same(tmp_path):
    pages = [(record.get("url") or f"https://news.example/{key}", record["html"]) for key, record in PAGES.items()]
    warc = make_warc(tmp_path / "news.warc.gz", [*pages, pages[0]])  # the repeated page is a duplicate
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("# one WARC\nnews.warc.gz\n", encoding="utf-8")

    plain = str(tmp_path / "plain.db")
    via_spark = str(tmp_path / "spark.db")
    runner = CliRunner()
    ingested = runner.invoke(app, ["--db", plain, "ingest", str(warc)])
    assert "stored 3, skipped as duplicate 1" in ingested.stderr, ingested.stderr
    batched = runner.invoke(
        app, ["--db", via_spark, "batch", "--manifest", str(manifest), "--out", str(tmp_path / "out"), "--master", "local[1]", "--load"]
    )
    assert batched.exit_code == 0, batched.stderr
    assert "stored 3, skipped as duplicate 1" in batched.stderr, batched.stderr

    expected, got = comparable_rows(plain), comparable_rows(via_spark)
    assert expected["documents"] and expected["mentions"] and expected["aliases"]
    for table in expected:
        assert got[table] == expected[table], table


def test_unreadable_manifest_and_missing_output_are_named(tmp_path, cli):
    result = cli("batch", "--manifest", tmp_path / "nope.txt", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "nope.txt: cannot read manifest" in result.stderr
    result = cli("batch", "--load-only", "--out", tmp_path / "empty")
    assert result.exit_code == 2 and "no Parquet part files" in result.stderr
