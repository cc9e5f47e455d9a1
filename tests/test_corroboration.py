"""Corroboration counts sources, not copies; contradictions show both sides with their sources."""

from __future__ import annotations

from datetime import date

import pytest
from test_copies import REPORT_A, REPORT_B, SEED_TEXT, TEXTS, add

from factfile.relate import contradictions, corroboration
from factfile.store import Store
from factfile.store.schema import Actor, Event, Fact, Place, Quantity, Statement


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


@pytest.fixture
def three_documents(store):
    """An original, a copy of it on another outlet, and an independent report on a third outlet."""
    original = add(store, SEED_TEXT, "watson.ch", date(2023, 5, 23))
    copy = add(store, SEED_TEXT + "\nSource: Watson", "republisher.example", date(2023, 5, 24), declared="Watson")
    independent = add(store, TEXTS[0], "ctpost.com", date(2023, 5, 24))
    return original, copy, independent


def fact(session, document_id, actor_id, predicate, value) -> int:
    row = Fact(document_id=document_id, actor_id=actor_id, predicate=predicate, value=value, start=0, end=1, sent_start=0, sent_end=1)
    session.add(row)
    session.flush()
    return row.id


def statement(session, document_id, source, content, certainty="asserted", actor_id=None) -> int:
    row = Statement(
        document_id=document_id, source_text=source, source_type="organisation", source_actor_id=actor_id,
        content_text=content, content_start=0, content_end=len(content), certainty=certainty,
    )
    session.add(row)
    session.flush()
    return row.id


def test_a_copy_does_not_count_as_a_second_source(store, three_documents):
    original, copy, independent = three_documents
    with store.transaction() as session:
        legion = Actor(name="Legion of Freedom of Russia", kind="group")
        session.add(legion)
        session.flush()
        first = fact(session, original, legion.id, "size", "over 100 Russian soldiers")
        fact(session, copy, legion.id, "size", "over 100 Russian soldiers")
        lonely = fact(session, copy, legion.id, "based_in", "Ukraine")
    with store.session() as session:
        support = corroboration.for_facts(session, [first, lonely])
    assert support[first].documents == [original, copy]
    assert support[first].origins == [original]
    assert support[first].outlets == ["watson.ch"]
    assert support[first].single_source and support[first].copies == 1
    assert support[lonely].outlets == ["watson.ch"]  # only in the copy: still the original's outlet

    with store.transaction() as session:
        fact(session, independent, legion.id, "size", "Over 100 Russian soldiers.")
    with store.session() as session:
        support = corroboration.for_facts(session, [first])[first]
    assert support.count == 2 and not support.single_source
    assert support.outlets == ["ctpost.com", "watson.ch"]


def test_statements_from_one_source_are_matched_by_content_and_denials_do_not_support(store, three_documents):
    original, copy, independent = three_documents
    with store.transaction() as session:
        said = statement(session, original, "Ukrainian intelligence", "the groups carried out an operation to create a safe zone")
        statement(session, independent, "Ukrainian intelligence", "the groups carried out an operation to create a 'safe zone'")
        statement(session, independent, "Ukrainian intelligence", "the groups carried out an operation to create a safe zone", "denied")
    with store.session() as session:
        support = corroboration.for_statements(session, [said])[said]
    assert support.count == 2
    assert len(support.items) == 2


def test_conflicting_numbers_about_an_actor_are_flagged_with_both_sides(store, three_documents):
    original, copy, independent = three_documents
    with store.transaction() as session:
        legion = Actor(name="Legion of Freedom of Russia", kind="group")
        session.add(legion)
        session.flush()
        fact(session, original, legion.id, "size", "4,000 members")
        fact(session, copy, legion.id, "size", "4,000 members")
        fact(session, independent, legion.id, "size", "several hundred soldiers, 300")
        fact(session, independent, legion.id, "description", "a paramilitary group")
        session.add_all(
            Quantity(document_id=d, text=t, start=0, end=1, sent_start=0, sent_end=1, value=v, approximate=a, counts="members", actor_id=legion.id)
            for d, t, v, a in ((original, "4,000", 4000, False), (independent, "about 3,500", 3500, True), (independent, "100", 100, False))
        )
        actor_id = legion.id
    with store.session() as session:
        found = contradictions.for_actor(session, actor_id)
    size = next(c for c in found if c.attribute == "size")
    assert size.kind == "numbers"
    assert sorted(side.value for side in size.sides) == ["4,000 members", "several hundred soldiers, 300"]
    four_thousand = next(side for side in size.sides if side.value == "4,000 members")
    assert four_thousand.outlets == ["watson.ch"] and four_thousand.documents == [original, copy]
    counted = next(c for c in found if c.attribute == "counts members")
    assert sorted(side.value for side in counted.sides) == ["100", "4,000 / about 3,500"]
    assert not any(c.attribute == "description" for c in found)


def test_one_event_reported_with_different_tolls_and_places(store):
    first = add(store, REPORT_A, "watson.ch", date(2023, 5, 22))
    second = add(store, REPORT_B, "other.example", date(2023, 5, 23))
    with store.transaction() as session:
        grayvoron, kozinka = Place(name="Grayvoron"), Place(name="Kozinka")
        session.add_all([grayvoron, kozinka])
        session.flush()

        def event(document_id, place, fatalities):
            row = Event(
                document_id=document_id, event_type="Battles", trigger_text="attacked", start=0, end=1, sent_start=0, sent_end=1,
                place_id=place.id, fatalities=fatalities, date_start=date(2023, 5, 22), date_precision="day",
            )
            session.add(row)
            session.flush()
            return row.id

        reported = event(first, grayvoron, 2)
        event(second, kozinka, 12)
    with store.session() as session:
        support = corroboration.for_events(session, [reported])[reported]
        found = {c.attribute: c for c in contradictions.for_event(session, reported)}
    assert support.count == 2
    assert sorted(side.value for side in found["fatalities"].sides) == ["12", "2"]
    assert sorted(side.value for side in found["place"].sides) == ["Grayvoron", "Kozinka"]
    assert "date" not in found


def test_confirmed_by_one_source_denied_by_another(store):
    first = add(store, REPORT_A, "watson.ch", date(2023, 5, 22))
    second = add(store, REPORT_B, "other.example", date(2023, 5, 23))
    with store.transaction() as session:
        claim = statement(session, first, "the Russian Volunteer Corps", "its fighters had taken the village of Kozinka")
        statement(session, second, "the Russian defence ministry", "its fighters had taken the village of Kozinka", "denied")
    with store.session() as session:
        found = contradictions.for_statement(session, claim)
    assert len(found) == 1 and found[0].kind == "confirmed vs denied"
    confirmed, denied = found[0].sides
    assert confirmed.sources == ["the Russian Volunteer Corps"] and confirmed.outlets == ["watson.ch"]
    assert denied.sources == ["the Russian defence ministry"] and denied.outlets == ["other.example"]
