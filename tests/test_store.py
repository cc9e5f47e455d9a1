"""The store: idempotent ingestion, one transaction per document, migrations, search and export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import inspect, select

from conftest import BACKENDS, PAGES, SEED, table_snapshot
from factfile.pipeline import Pipeline
from factfile.store import Store
from factfile.store import schema as s

pytestmark = pytest.mark.parametrize("db", BACKENDS, indirect=True)


def test_reingest_is_idempotent(cli, db):
    first = cli("ingest", SEED, *(p["path"] for p in PAGES.values()))
    assert "stored 4" in first.stderr
    before = table_snapshot(db)
    second = cli("ingest", SEED, *(p["path"] for p in PAGES.values()))
    assert second.exit_code == 0
    assert "stored 0, skipped as duplicate 4" in second.stderr
    assert table_snapshot(db) == before


def test_same_content_in_another_file_is_a_duplicate(tmp_path, cli):
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED.read_text(encoding="utf-8").replace("\n\n", "\n\n\n"), encoding="utf-8")
    assert "stored 1" in cli("ingest", SEED).stderr
    assert "skipped as duplicate 1" in cli("ingest", copy).stderr


def test_failure_while_writing_a_document_leaves_nothing_of_it_and_the_run_goes_on(db, tmp_path):
    """A relater failing on one document rejects that document, naming the failure, with nothing of it
    stored; the documents after it are stored (one odd page must not stop a run)."""
    store = Store(db)
    pipeline = Pipeline(store)
    assert pipeline.ingest([str(SEED)]).stored == 1
    before = table_snapshot(db)
    odd = str(next(iter(PAGES.values()))["path"])

    def explode(linking):
        if linking.analysis.article.origin == odd:
            raise RuntimeError("crash in the middle of a document")

    pipeline.relaters.append(explode)
    assert pipeline.ingest([odd]).rejections[0].problem == "not stored: relating it failed (RuntimeError: crash in the middle of a document)"
    assert table_snapshot(db) == before
    later = tmp_path / "later.txt"
    later.write_text(SEED.read_text(encoding="utf-8").replace("\n\n", " Later.\n\n"), encoding="utf-8")
    summary = pipeline.ingest([odd, str(later)])
    assert (summary.rejected, summary.stored) == (1, 1)


def test_a_store_that_cannot_be_written_stops_the_run(db, monkeypatch):
    """Locks, disks and connections are the store's problems, not one document's: they are not rejections."""
    from sqlalchemy.exc import OperationalError

    pipeline = Pipeline(Store(db))

    def full(linking):
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    pipeline.relaters.append(full)
    with pytest.raises(OperationalError):
        pipeline.ingest([str(SEED)])


def test_schema_is_at_the_latest_migration(db):
    store = Store(db)
    with store.engine.connect() as connection:
        versions = set(connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
        tables = set(inspect(connection).get_table_names())
    from alembic.script import ScriptDirectory

    from factfile.store.migrate import alembic_config

    assert versions == set(ScriptDirectory.from_config(alembic_config()).get_heads())
    assert {"outlets", "documents", "mentions", "actors", "aliases", "statements", "events", "places", "quantities"} <= tables


def test_mention_offsets_point_into_the_stored_text(cli, db):
    cli("ingest", SEED)
    store = Store(db)
    with store.session() as session:
        document = session.scalars(select(s.Document)).one()
        mentions = session.scalars(select(s.Mention).where(s.Mention.document_id == document.id)).all()
        assert len(mentions) > 50
        for mention in mentions:
            assert document.text[mention.start:mention.end] == mention.text
            assert document.text[mention.sent_start:mention.sent_end].find(mention.text) >= 0
        labels = {m.label for m in mentions}
        assert {"PERSON", "ORG", "GPE", "DATE", "CARDINAL"} <= labels


def test_search_finds_documents_and_actors(cli):
    cli("ingest", SEED, *(p["path"] for p in PAGES.values()))
    result = cli("search", "Kapustin")
    assert result.exit_code == 0
    assert "Denis Kapustin" in result.stdout and "[Kapustin]" in result.stdout
    assert cli("search", "zzzunknownword").exit_code == 1


def test_export_jsonl_and_csv(cli, tmp_path):
    cli("ingest", SEED)
    out = tmp_path / "documents.jsonl"
    assert cli("export", "--format", "jsonl", "--output", out).exit_code == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["declared_source"] == "Watson" and "Legion of Freedom of Russia" in record["text"]
    result = cli("export", "--format", "csv", "--table", "mentions")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["text"] in r["sentence"] for r in rows)
    actors = cli("export", "--format", "jsonl", "--table", "actors").stdout.splitlines()
    nikitin = [json.loads(a) for a in actors if json.loads(a)["name"] == "Denis Nikitin"]
    assert nikitin and "Nikitin" in nikitin[0]["aliases"]
    assert cli("export", "--format", "nope").exit_code == 2


def test_stats(cli):
    cli("ingest", SEED)
    result = cli("stats")
    assert result.exit_code == 0
    assert "documents" in result.stdout and "Denis Nikitin" in result.stdout


def _document_with_statements(session, spans: list[tuple[int, int, list[str] | None]]) -> tuple[int, list[int]]:
    """A document of 3,000 characters with statements over `spans` (content start, end, framing words)."""
    document = s.Document(content_hash=f"{len(spans):064x}", origin="test", text="x" * 3000)
    session.add(document)
    session.flush()
    rows = [
        s.Statement(document_id=document.id, source_type="person", content_text="x" * (end - start), content_start=start,
                    content_end=end, certainty="asserted", framing=framing)
        for start, end, framing in spans
    ]
    session.add_all(rows)
    session.flush()
    return document.id, [row.id for row in rows]


def test_no_framing_is_sql_null_and_a_filter_on_it_finds_stores_of_json_null_after_migration_0019(db):
    from alembic import command

    from factfile.read.statements import StatementFilter, list_statements
    from factfile.store.migrate import alembic_config

    store = Store(db)
    with store.transaction() as session:
        _, (plain, framed) = _document_with_statements(session, [(0, 10, None), (20, 30, ["claimed"])])
    with store.engine.begin() as connection:
        assert connection.scalar(select(s.Statement.id).where(s.Statement.framing.is_(None))) == plain
        command.downgrade(alembic_config(connection), "0018")
        connection.exec_driver_sql(f"UPDATE statements SET framing = 'null' WHERE id = {plain}")  # as 0018's writer stored none
        command.upgrade(alembic_config(connection), "heads")
    with store.session() as session:
        assert session.scalar(select(s.Statement.id).where(s.Statement.framing.is_(None))) == plain
        assert [row.id for row in list_statements(session, StatementFilter(framed=False))[1]] == [plain]
        assert [row.id for row in list_statements(session, StatementFilter(framed=True))[1]] == [framed]
    store.close()


def test_statements_about_an_actor_reach_a_mention_far_into_the_longest_content(db):
    """The join from an actor's mentions to the statements holding them is bounded by the longest content."""
    from factfile.read.statements import StatementFilter, list_statements

    store = Store(db)
    with store.transaction() as session:
        actor = s.Actor(name="Denis Nikitin", kind="person")
        session.add(actor)
        session.flush()
        document_id, (short, longest, _) = _document_with_statements(session, [(1500, 1600, None), (100, 2900, None), (2950, 2990, None)])
        session.add_all([
            s.Mention(document_id=document_id, actor_id=actor.id, text="Nikitin", label="PERSON", start=start, end=start + 7, sent_start=start, sent_end=start + 7)
            for start in (1550, 2800)
        ])
    with store.session() as session:
        total, rows = list_statements(session, StatementFilter(about_actor_id=actor.id))
    assert total == 2 and sorted(row.id for row in rows) == sorted([short, longest])
    store.close()
