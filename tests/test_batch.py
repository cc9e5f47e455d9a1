"""`factfile batch` on Spark stores exactly what a plain `factfile ingest` of the same WARC stores."""

from __future__ import annotations

import warnings

import pytest
from sqlalchemy import DateTime, MetaData, Table, create_engine, inspect, select
from sqlalchemy.exc import SAWarning
from typer.testing import CliRunner

from conftest import PAGES, make_warc
from factfile.cli import app
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
                with warnings.catch_warnings():  # an index on an expression is not reflected; only the columns are read
                    warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index", SAWarning)
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


def test_analyses_survive_the_parquet_codec():
    from datetime import date

    from factfile.batch.codec import dumps, loads
    from factfile.records import Analysis, Article, Chain, Mention, PlaceRef, Span, Statement, TimeExpression

    text = "Denis Nikitin said on 3 May that Kyiv had agreed."
    whole = Span(0, len(text), text)
    analysis = Analysis(
        article=Article(origin="x.txt", text=text, content_hash="h", published=date(2024, 5, 3), warnings=["w"]),
        sentences=[whole],
        mentions=[Mention(Span(0, 13, "Denis Nikitin"), "PERSON", whole, chain=0), Mention(Span(33, 37, "Kyiv"), "GPE", whole)],
        chains=[Chain(0, "Denis Nikitin", "PERSON", ["Nikitin"], [0], {"Nikitin": whole})],
        statements=[Statement(Span(14, 18, "said"), Span(33, 49, "Kyiv had agreed."), Span(0, 13, "Denis Nikitin"), "person", False, "reported", 0)],
        times=[TimeExpression(Span(22, 27, "3 May"), date(2024, 5, 3), None, "day")],
        places=[PlaceRef(span=Span(33, 37, "Kyiv"), name="Kyiv", geonames_id=703448, latitude=50.45, longitude=30.52, country_code="UA", mention=1)],
    )
    assert loads(dumps(analysis)) == analysis
    assert isinstance(loads(dumps(analysis)).chains[0].alias_evidence["Nikitin"], Span)
