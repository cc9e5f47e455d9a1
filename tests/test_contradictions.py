"""Disputes a reader would not call disagreements, as eval/realstory's pages once showed them: an undated
"offensive" placed in a country is no other site of the dam's breach; one article telling of one attack
in two words ("attack", "blowing up") is no dispute of how it was done; "As" read as the source of "As
X reported" is no side; a crash dated after the other side's article was written is no other date of what it told;
one happening is one dispute, whichever of its actors or its story a reader comes from; and "more than 40"
is no other toll than "at least 50", nor 53 told a day after 40 (the toll climbed)."""

from __future__ import annotations

from datetime import date

import pytest
from test_copies import REPORT_A, REPORT_B, TEXTS, add
from test_corroboration import statement
from test_slots import story_of

from conftest import BACKENDS
from factfile.read.disputes import disputes
from factfile.relate import contradictions
from factfile.store import Store
from factfile.store.schema import Actor, Document, Event, Place, Quantity


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


def test_the_word_opening_as_x_reported_is_no_sayer(store):
    """"Як повідомило KP.UA джерело" read with "Як" ("As") as the source: no side of how the bridge was attacked."""
    story, (first, second, _) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")], days_apart=0)
    with store.transaction() as session:
        statement(session, first, "the security service", "the bridge was struck by missiles overnight")
        statement(session, first, "As", "the bridge was hit by missiles")
        statement(session, second, "As", "the bridge was blown up overnight")
    with store.session() as session:
        assert contradictions.for_story(session, story) == []
    with store.transaction() as session:
        statement(session, second, "the investigators", "the bridge was blown up overnight")
    with store.session() as session:
        found = contradictions.for_story(session, story)
    assert [sorted(side.sources for side in c.sides) for c in found] == [[["the investigators"], ["the security service"]]]


def report(session, document_id, said_by, day=None, actor_id=None, certainty="asserted") -> int:
    row = Event(
        document_id=document_id, event_type="Explosions/Remote violence", trigger_text="strike", start=0, end=1, sent_start=0, sent_end=1,
        date_start=day, date_precision="day" if day else None, actor1_id=actor_id, certainty=certainty,
        statement_id=statement(session, document_id, said_by, "the camps were struck by missiles", certainty, actor_id=actor_id),
    )
    session.add(row)
    session.flush()
    return row.id


def test_a_date_after_the_other_side_s_article_was_published_is_another_happening(store):
    """An article of 24 June dates a strike to 23 June, one of 23 August a crash to 23 August: no dispute of one date."""
    _, (june, august, october) = story_of(
        store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")], days_apart=60, first=date(2023, 6, 24)
    )
    with store.transaction() as session:
        anchor = report(session, october, "an outlet")  # undated: matched to both
        report(session, june, "the group's chief", date(2023, 6, 23))
        later = report(session, august, "the ministry", date(2023, 8, 23))
    with store.session() as session:
        assert [c.attribute for c in contradictions.for_event(session, anchor)] == []
    with store.transaction() as session:
        session.get(Event, later).date_start = date(2023, 6, 21)
    with store.session() as session:
        found = {c.attribute: c for c in contradictions.for_event(session, anchor)}
    assert sorted(side.value for side in found["date"].sides) == ["2023-06-21", "2023-06-23"]


@pytest.mark.parametrize("db", BACKENDS, indirect=True)  # the queries led by the stories, on both stores
def test_one_happening_is_one_dispute_from_its_story_and_from_each_of_its_actors(store):
    """The chief's report and the ministry's denial do not match each other (other actors), each matches a
    third report with none: the strike's dispute is read from that first report, the same from every side."""
    story, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")], days_apart=0)
    with store.transaction() as session:
        chief, ministry = Actor(name="Yevgeny Prigozhin", kind="person"), Actor(name="Defence Ministry", kind="organization")
        session.add_all([chief, ministry])
        session.flush()
        anchor = report(session, first, "a witness")
        report(session, second, "Prigozhin", actor_id=chief.id, certainty="hedged")
        report(session, third, "the ministry", actor_id=ministry.id, certainty="denied")
        chief, ministry = chief.id, ministry.id

    def shown(**where) -> list:
        return [(d.subject_id, d.attribute, [side.documents for side in d.sides]) for d in disputes(store, **where)]

    expected = [(anchor, "happened", [[first, second], [third]])]
    assert shown(story=story) == expected
    assert shown(actor=chief) == expected
    assert shown(actor=ministry) == expected


def toll(session, document_id, said_by, fatalities, written, sentence=0) -> int:
    """A report of the prison strike killing `fatalities`, as `written` in the sentence starting at `sentence`."""
    row = Event(
        document_id=document_id, event_type="Explosions/Remote violence", trigger_text="strike", start=0, end=1, sent_start=0,
        sent_end=1, date_start=date(2022, 7, 29), date_precision="day", fatalities=fatalities,
        statement_id=statement(session, document_id, said_by, f"{written} prisoners were killed in the strike"),
    )
    session.add(row)
    session.flush()
    session.add(Quantity(document_id=document_id, text=written, start=sentence, end=sentence + len(written), sent_start=sentence,
                         sent_end=sentence + 40, value=float(fatalities), approximate=written[0].isalpha(), counts="prisoners"))
    session.flush()
    return row.id


def test_a_lower_bound_and_a_toll_that_climbs_are_no_other_toll(store):
    """"More than 40" (in the sentence after the report's) holds 50; the separatists' 53 told a day after the
    ministry's 40 updates it; 53 told the same day as 40 disagrees with it."""
    _, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        anchor = toll(session, first, "the defence ministry", 40, "more than 40", sentence=120)
        toll(session, second, "the president", 50, "at least 50")
    with store.session() as session:
        assert [c.attribute for c in contradictions.for_event(session, anchor)] == []
    with store.transaction() as session:
        session.get(Quantity, session.query(Quantity.id).filter(Quantity.document_id == first).scalar()).text = "40"
        toll(session, third, "the separatists", 53, "53")
    with store.session() as session:
        assert [c.attribute for c in contradictions.for_event(session, anchor)] == []
    with store.transaction() as session:
        session.get(Document, first).published = session.get(Document, third).published
    with store.session() as session:
        found = {c.attribute: c for c in contradictions.for_event(session, anchor)}
    assert sorted(side.value for side in found["fatalities"].sides) == ["40", "53 / at least 50"]



def test_a_toll_another_side_gives_as_its_lower_bound_is_an_earlier_count(store):
    """eval/realstory (Kramatorsk): the railway's 30 dead, then "more than 30" and the governor's 52, told the same
    day: 30 is what the others say the toll passed, no other toll; 40 no side gives as a bound still disagrees."""
    _, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")], days_apart=0)
    with store.transaction() as session:
        anchor = toll(session, first, "the railway", 30, "30")
        toll(session, second, "the railway company", 30, "more than 30")
        toll(session, third, "the governor", 52, "52")
    with store.session() as session:
        assert [c.attribute for c in contradictions.for_event(session, anchor)] == []
    with store.transaction() as session:
        counted = session.get(Quantity, session.query(Quantity.id).filter(Quantity.document_id == first).scalar())
        counted.text, counted.value = "40", 40.0
        session.get(Event, anchor).fatalities = 40
    with store.session() as session:
        found = {c.attribute: c for c in contradictions.for_event(session, anchor)}
    assert len(found["fatalities"].sides) == 2

def wounded(session, document_id, said_by, sentence, *numbers) -> None:
    """`said_by`'s statement of the document's opening `sentence`, with its `numbers` as quantities."""
    statement(session, document_id, said_by, sentence)
    for number in numbers:
        start = sentence.index(number)
        value = float(number) if number.isdigit() else {"eight": 8.0}[number]
        session.add(Quantity(document_id=document_id, text=number, start=start, end=start + len(number), sent_start=0,
                             sent_end=len(sentence), value=value, approximate=False))
    session.flush()


KILLED_AND_WOUNDED = "40 prisoners were killed and 75 wounded, and eight prison staff were also injured."
RANENO = "Погибло 40 и ранено 75 военнопленных украинцев."
PORANENI = "Ще 130 людей поранені, стверджують бойовики."
SEPARATISTS = "The separatists said 130 prisoners were wounded."


def test_counts_of_the_wounded_in_any_language_disagree_when_two_outlets_tell_each():
    for sentence in (RANENO, KILLED_AND_WOUNDED):
        counted = [n for n in ("40", "75") if contradictions.wounded_count(sentence, sentence.index(n), sentence.index(n) + 2)]
        assert counted == ["75"]
    assert contradictions.wounded_count(PORANENI, 3, 6)


def test_the_wounded_of_one_story_told_by_two_outlets_on_each_side(store):
    """The ministry's 75 (its "eight prison staff" a part of it) against the separatists' 130: one story's dispute
    once each count is told by two outlets; a count one article gives is no side."""
    sentences, bodies = (KILLED_AND_WOUNDED, RANENO, PORANENI, SEPARATISTS), (REPORT_A, REPORT_B, TEXTS[0], TEXTS[1])
    texts = [(f"{sentence} {body}", f"{x}.example") for sentence, body, x in zip(sentences, bodies, "abcd", strict=True)]
    story, (first, second, third, fourth) = story_of(store, texts, days_apart=0)
    with store.transaction() as session:
        wounded(session, first, "the defence ministry", KILLED_AND_WOUNDED, "40", "75", "eight")
        wounded(session, second, "в министерстве", RANENO, "40", "75")
        wounded(session, third, "бойовики", PORANENI, "130")
    with store.session() as session:
        assert [c.attribute for c in contradictions.for_story(session, story)] == []
    with store.transaction() as session:
        wounded(session, fourth, "the separatists", SEPARATISTS, "130")
    with store.session() as session:
        found = [c for c in contradictions.for_story(session, story) if c.attribute == "wounded"]
    assert [(sorted(side.value for side in c.sides), c.kind) for c in found] == [(["130", "75"], "numbers")]



FILLERS = (
    "Relatives gathered outside the regional hospital on Saturday, waiting for lists of names that never came.",
    "Satellite pictures taken the next morning showed a roofless barracks and scorched ground around the compound.",
    "The International Committee of the Red Cross asked for access to the site and was refused for weeks.",
)


def test_a_sayer_on_both_sides_of_the_wounded_is_on_neither(store):
    """eval/realstory (Olenivka): a report gives the ministry's 75 to the separatists' spokesman, who said 130
    elsewhere; the 75 the ministry's outlets tell and the 130 others tell still disagree without him. A sayer giving
    counts on three sides (a toll updated through the day) leaves the story's counts undisputed."""
    said = [
        (KILLED_AND_WOUNDED, "the defence ministry", ("40", "75", "eight")),
        (RANENO, "в министерстве", ("40", "75")),
        (PORANENI, "бойовики", ("130",)),
        (SEPARATISTS, "the separatists", ("130",)),
        (SEPARATISTS.replace("130", "75"), "the separatists", ("75",)),
        ("The prosecutor said 130 were wounded.", "the prosecutor", ("130",)),
    ]
    bodies = (REPORT_A, REPORT_B, TEXTS[0], TEXTS[1], *FILLERS[:2])
    texts = [(f"{sentence} {body}", f"{x}.example") for (sentence, _, _), body, x in zip(said, bodies, "abcdef", strict=True)]
    story, documents = story_of(store, texts, days_apart=0)
    with store.transaction() as session:
        for document, (sentence, sayer, numbers) in zip(documents, said, strict=True):
            wounded(session, document, sayer, sentence, *numbers)
    with store.session() as session:
        found = [c for c in contradictions.for_story(session, story) if c.attribute == "wounded"]
    assert [sorted(side.value for side in c.sides) for c in found] == [["130", "75"]]
    assert all("the separatists" not in side.sources for side in found[0].sides)
    updated = "The separatists said 300 prisoners were wounded."
    third = add(store, f"{updated} {FILLERS[2]}", "g.example", date(2023, 6, 6))
    with store.transaction() as session:
        session.get(Document, third).story_id = story
        wounded(session, third, "the separatists", updated, "300")
    with store.session() as session:
        assert [c for c in contradictions.for_story(session, story) if c.attribute == "wounded"] == []
