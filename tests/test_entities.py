"""Each stored entity is declared once, by its table (factfile/store/schema.py); the writer's insert,
the REST API's record and the table export are checked against it here, so a field added in one place
and forgotten in another fails a test instead of going missing.

For each entity: the columns the writer fills from an analysis, the columns the API record leaves out
(and why), and the API fields that are not columns (joined or computed when read)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect

from factfile.read import records
from factfile.read.tables import rows
from factfile.records import Analysis, Article, Event, Span, Statement
from factfile.relate import build
from factfile.relate.write import save
from factfile.store import Store, writer
from factfile.store import schema as s

ENTITIES = {
    "statements": dict(
        table=s.Statement,
        api=records.StatementOut,
        # set after the insert (parent_id: the nested statement's id; marked_wrong: by a user's decision)
        not_inserted={"id", "parent_id", "marked_wrong"},
        # offsets of the source and cue: the API gives the content's, the page highlights from annotations
        not_in_api={"source_start", "source_end", "cue_start", "cue_end", "parent_id"},
        api_only={"document_title", "outlet", "published", "source_actor", "corroboration", "quoted_posts"},
    ),
    "events": dict(
        table=s.Event,
        api=records.EventOut,
        not_inserted={"id"},
        not_in_api={"sent_start", "sent_end", "place_id"},
        api_only={"document_title", "outlet", "sentence", "actor1", "actor2", "place"},
    ),
}


def _columns(model) -> set[str]:
    return {column.key for column in inspect(model).columns}


def _analysis() -> Analysis:
    text = "The ministry said on Friday that troops had attacked Kozinka."
    sentence = Span(0, len(text), text)

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words), words)

    article = Article(origin="entities.txt", text=text, content_hash="entities-1", published=date(2023, 5, 20))
    statement = Statement(
        cue=span("said"), content=span("troops had attacked Kozinka"), source=span("The ministry"),
        source_type="organisation", direct=False, certainty="reported", hedges=["said"],
    )
    event = Event(event_type="Battles", sub_type="Armed clash", trigger=span("attacked"), sentence=sentence, statement=0, fatalities=2)
    return Analysis(article=article, sentences=[sentence], statements=[statement], events=[event])


@pytest.fixture(scope="module")
def stored(tmp_path_factory, monkeypatch_module):
    inserted: dict[str, list[dict]] = {}
    real = writer._insert

    def capture(session, model, rows_, returning=False):
        inserted.setdefault(model.__tablename__, []).extend(rows_)
        return real(session, model, rows_, returning)

    monkeypatch_module.setattr(writer, "_insert", capture)
    store = Store(str(tmp_path_factory.mktemp("entities") / "store.db"))
    with store.transaction() as session:
        save(session, _analysis(), build(("actors",)))
    yield store, inserted
    store.close()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("table", sorted(ENTITIES))
def test_the_writer_fills_every_column(stored, table):
    _, inserted = stored
    entity = ENTITIES[table]
    assert inserted.get(table), f"the sample analysis stored no {table}"
    assert set(inserted[table][0]) == _columns(entity["table"]) - entity["not_inserted"]


@pytest.mark.parametrize("table", sorted(ENTITIES))
def test_the_api_record_follows_the_table(table):
    entity = ENTITIES[table]
    fields = set(entity["api"].model_fields)
    columns = _columns(entity["table"])
    assert columns - entity["not_in_api"] <= fields, "columns the API record lacks"
    assert fields - columns == entity["api_only"], "API fields that are neither columns nor declared as joined"


@pytest.mark.parametrize("table", sorted(ENTITIES))
def test_the_table_export_has_every_column(stored, table):
    store, _ = stored
    with store.snapshot() as session:
        exported = next(rows(session, table))
    assert _columns(ENTITIES[table]["table"]) <= set(exported)
