"""Shared fixtures: a fresh store per test, real article files, and builders for container formats."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factfile.serve.cli import app

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed-article.txt"


def _pages() -> dict[str, dict]:
    truth = json.loads((DATA / "pages-ground-truth.json").read_text(encoding="utf-8"))
    for key, record in truth.items():
        record["path"] = DATA / f"{key}.html.gz"
        record["html"] = gzip.decompress(record["path"].read_bytes())
    return truth


PAGES = _pages()


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "store.db")


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
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'documents_fts%'")]
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        connection.close()
