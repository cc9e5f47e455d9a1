"""Disputes a reader would not call disagreements, as eval/realstory's pages once showed them: an undated
"offensive" placed in a country is no other site of the dam's breach; one article telling of one attack
in two words ("attack", "blowing up") is no dispute of how it was done."""

from __future__ import annotations

from datetime import date

import pytest
from test_copies import REPORT_A, REPORT_B, TEXTS
from test_corroboration import statement
from test_slots import story_of

from factfile.relate import contradictions
from factfile.store import Store
from factfile.store.schema import Event, Place


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def test_a_place_is_disputed_only_between_reports_surely_of_one_happening(store):
    _, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")], days_apart=0)
    with store.transaction() as session:
        kherson = Place(name="Kherson", country_code="UA", latitude=46.64, longitude=32.61, feature_code="PPLA")
        russia = Place(name="Russia", country_code="RU", latitude=60.0, longitude=100.0, feature_code="PCLI")
        session.add_all([kherson, russia])
        session.flush()

        def event(document_id, place, day, said_by):
            row = Event(
                document_id=document_id, event_type="Battles", trigger_text="offensive", start=0, end=1, sent_start=0, sent_end=1,
                place_id=place.id, date_start=day, date_precision="day" if day else None,
                statement_id=statement(session, document_id, said_by, "a failed offensive by Kyiv"),
            )
            session.add(row)
            session.flush()
            return row.id

        anchor = event(first, kherson, date(2023, 6, 6), "the governor")
        event(second, russia, None, "Reuters")  # undated: loosely matched, maybe another happening of the story
    with store.session() as session:
        assert [c.attribute for c in contradictions.for_event(session, anchor)] == []
    with store.transaction() as session:
        event(third, russia, date(2023, 6, 7), "the ministry")
    with store.session() as session:
        found = {c.attribute: c for c in contradictions.for_event(session, anchor)}
    assert sorted(side.value for side in found["place"].sides) == ["Kherson", "Russia"]


def test_slots_filled_in_one_document_only_are_no_dispute(store):
    story, (first, second, _) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")], days_apart=0)
    with store.transaction() as session:
        statement(session, first, "the security service", "the bridge was struck by missiles overnight")
        statement(session, first, "sources in the navy", "the bridge was blown up by explosives overnight")
    with store.session() as session:
        assert [c.attribute for c in contradictions.for_story(session, story)] == []
    with store.transaction() as session:
        statement(session, second, "the investigators", "the bridge was blown up by explosives overnight")
    with store.session() as session:
        found = contradictions.for_story(session, story)
    assert [(c.attribute, sorted(side.value for side in c.sides)) for c in found] == [
        ("how it was done (bridge)", ["blown up (explosion)", "struck (strike, shelling)"])
    ]
