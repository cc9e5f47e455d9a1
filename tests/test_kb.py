"""The Python API (`factfile.open`): the same answers as the CLI and the REST API, as typed records
that page and convert to pandas."""

from __future__ import annotations

import pandas as pd
import pytest

import factfile
import servedata
from factfile.kb import KnowledgeBase, NotFound
from factfile.read.dossier import Dossier
from factfile.read.records import Page, StatementOut


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    db, ids = servedata.build(tmp_path_factory.mktemp("kb"))
    with factfile.open(db) as opened:
        yield opened, ids


def test_open_gives_a_knowledge_base(kb):
    opened, _ = kb
    assert isinstance(opened, KnowledgeBase)
    assert opened.store.url.endswith("store.db")


def test_actor_is_its_dossier(kb):
    opened, ids = kb
    dossier = opened.actor("Legion of Freedom of Russia")
    assert isinstance(dossier, Dossier) and dossier.actor_id == ids.legion
    assert {"4,000", "several hundred soldiers"} <= {line.value for line in dossier.facts if line.predicate == "size"}
    assert "size" in dossier.conflicts
    assert opened.actor(ids.legion).name == dossier.name
    with pytest.raises(NotFound):
        opened.actor("Nobody Of That Name Anywhere")


def test_statements_by_source_to_pandas(kb):
    opened, ids = kb
    found = opened.statements(source="UNIAN")
    assert isinstance(found, Page) and all(isinstance(item, StatementOut) for item in found)
    assert {ids.unian_claim, ids.copy_claim} <= {item.id for item in found}
    frame = found.to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(found.items) == found.total
    assert {"source_text", "certainty", "content_text", "corroboration"} <= set(frame.columns)
    assert all("UNIAN" in source for source in frame["source_text"])
    assert opened.statements(source="UNIAN", certainty="asserted").total == 0
    assert {item.id for item in opened.statements(about="Legion of Freedom of Russia")} >= {ids.unian_claim}


def test_pages_walk_every_item_once(kb):
    opened, _ = kb
    every = opened.statements(limit=1000)
    assert every.total >= 3
    first = opened.statements(limit=2)
    assert len(first) == 2 and first.total == every.total
    walked = [item.id for item in opened.all(opened.statements, page_size=2)]
    assert walked == [item.id for item in every]


def test_events_near_a_point_and_a_place_name(kb):
    opened, ids = kb
    near = opened.events(near=(50.5, 35.95), km=10)
    assert [event.id for event in near] == [ids.kozinka_event]
    assert near.items[0].distance_km < 10
    assert opened.events(near=(50.5, 35.95), km=10, actor="Legion of Freedom of Russia").total == 1
    assert "Kozinka" in opened.events(near="Kozinka", km=10).to_pandas()["place"].tolist()
    assert ids.press_event in {e.id for e in opened.events(start="2022-04-01", end="2022-04-30")}
    assert ids.kozinka_event not in {e.id for e in opened.events(start="2022-04-01", end="2022-04-30")}


def test_outlets_and_stories(kb):
    opened, _ = kb
    outlets = opened.outlets()
    assert outlets.total >= 1 and sum(o.documents for o in outlets) >= 1
    assert opened.stories().total >= 1


def test_disputes_say_what_is_missing(kb):
    import importlib.util

    opened, _ = kb
    if importlib.util.find_spec("factfile.read.disputes") is None:
        with pytest.raises(NotImplementedError, match="disputes"):
            opened.disputes()
        return
    found = opened.disputes(actor="Legion of Freedom of Russia")
    assert isinstance(found, Page) and found.total == len(found.items)
    assert any(dispute.attribute == "size" for dispute in found), "the two sizes the store holds are a dispute"
