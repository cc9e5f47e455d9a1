"""Shared fixtures: a fresh store per test, real article files, and builders for container formats."""

from __future__ import annotations

import gzip
import io
import json
import os
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factfile.cli import app

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed-article.txt"


def _pages() -> dict[str, dict]:
    truth = json.loads((DATA / "pages-ground-truth.json").read_text(encoding="utf-8"))
    for key, record in truth.items():
        record["path"] = DATA / f"{key}.html.gz"
        record["html"] = gzip.decompress(record["path"].read_bytes())
    return truth


PAGES = _pages()


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """DSN of a PostgreSQL server: $FACTFILE_TEST_PG (set by .ci/run), else a throwaway one started here.

    Skips only outside CI when PostgreSQL is not installed; in CI a missing server is an error.
    """
    import pg

    if os.environ.get(pg.ENV_DSN):
        yield os.environ[pg.ENV_DSN]
        return
    if pg.binaries() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must test the PostgreSQL store, but PostgreSQL is not installed")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql), and $FACTFILE_TEST_PG is not set")
    folder, dsn = pg.start()
    try:
        yield dsn
    finally:
        pg.stop(folder)


@pytest.fixture
def db(request, tmp_path) -> str:
    """Location of a fresh store: a SQLite file, or a new database on the test PostgreSQL server when a
    test is parametrised with `@pytest.mark.parametrize("db", BACKENDS, indirect=True)`."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield str(tmp_path / "store.db")
        return
    import psycopg

    server = request.getfixturevalue("postgres_server")
    name = f"factfile_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture
def cli(db):
    """Run the CLI against this test's store: cli("ingest", path) -> result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--db", db, *map(str, args)], catch_exceptions=False)

    return run


def make_warc(path: Path, pages: list[tuple[str, bytes]], gz: bool = True) -> Path:
    """A WARC with one request-less response record per (url, html) and a non-HTML record between."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for number, (url, html) in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers))
            if number == 0:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=image)
                )
    return path


def table_snapshot(db: str) -> dict[str, list]:
    """Every row of every table, to prove that a failed ingest changed nothing."""
    from sqlalchemy import create_engine, inspect, text

    from factfile.store import database_url

    engine = create_engine(database_url(db))
    try:
        with engine.connect() as connection:
            tables = [t for t in inspect(connection).get_table_names() if not t.startswith("documents_fts")]
            return {t: [tuple(r) for r in connection.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))] for t in tables}
    finally:
        engine.dispose()
