"""A happening reported by one source and denied by another, as eval/realstory's Wagner pages tell it: the
group's chief says the defence ministry struck its camps, the ministry calls that untrue. The denial is
found whatever its wording's certainty label, shown once per happening and not again as a claim."""

from __future__ import annotations

from datetime import date

import pytest
from test_copies import REPORT_A, REPORT_B, TEXTS, add
from test_corroboration import statement
from test_slots import story_of

from factfile.read.disputes import disputes
from factfile.relate import contradictions
from factfile.store import Store
from factfile.store.schema import Actor, Document, Event, Statement, Story

UNTRUE_SENTENCE = "Сведения о якобы нанесении МО РФ удара по лагерям ЧВК «Вагнер» не соответствуют действительности."
CLAIM = "the defence ministry struck the rear camps of the group with missiles"


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def strike(session, document_id, said=None, day=None, sentence=(0, 1), certainty="asserted") -> int:
    row = Event(
        document_id=document_id, event_type="Explosions/Remote violence", trigger_text="strike", start=0, end=1,
        sent_start=sentence[0], sent_end=sentence[1], statement_id=said, date_start=day, date_precision="day" if day else None,
        certainty=certainty,
    )
    session.add(row)
    session.flush()
    return row.id


@pytest.fixture
def camps(store):
    """Four pages of one story: the chief's claim, the ministry's denial, the ministry calling the claim
    untrue (its sentence labelled 'reported'), and an outlet's own line calling it untrue."""
    texts = [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example"), (UNTRUE_SENTENCE, "d.example")]
    documents = [add(store, text, outlet, date(2023, 6, 23)) for text, outlet in texts]
    with store.transaction() as session:
        story = Story(label="the camps")
        chief, ministry = Actor(name="Yevgeny Prigozhin", kind="person"), Actor(name="МО РФ", kind="organization")
        session.add_all([story, chief, ministry])
        session.flush()
        for document_id in documents:
            session.get(Document, document_id).story_id = story.id
        first, second, third, fourth = documents
        claim = statement(session, first, "Prigozhin", CLAIM, "hedged", actor_id=chief.id)
        anchor = strike(session, first, claim, date(2023, 6, 23), certainty="hedged")
        strike(session, second, statement(session, second, "Минобороны", CLAIM, "denied", actor_id=ministry.id), certainty="denied")
        said = "Заявления Пригожина об ударе МО РФ по тыловым лагерям не соответствуют действительности"
        strike(session, third, statement(session, third, "в Министерстве обороны РФ", said, "reported", actor_id=ministry.id), certainty="reported")
        strike(session, fourth, sentence=(0, len(UNTRUE_SENTENCE)))
    return story.id, anchor, documents


def test_a_report_calling_the_claim_untrue_is_a_denial(store, camps):
    _, anchor, (first, second, third, fourth) = camps
    with store.session() as session:
        found = [c for c in contradictions.for_event(session, anchor) if c.attribute == "happened"]
    assert len(found) == 1
    happened, denied = found[0].sides
    assert happened.documents == [first]  # the outlet's line calling it untrue is on no side of "happened"
    assert denied.documents == [second, third] and denied.sources == ["Минобороны", "в Министерстве обороны РФ"]
    assert contradictions.denies(Statement(content_text="the reports of a strike are untrue", certainty="reported"))


def test_one_happening_is_one_dispute_and_its_denials_are_not_shown_again_as_claims(store, camps):
    story, _, (first, *_) = camps
    with store.transaction() as session:
        strike(session, first, day=date(2023, 6, 26))  # a report three days later: its own look at the same denials
    found = disputes(store, story=story)
    assert [(d.attribute, d.kind) for d in found] == [("happened", "confirmed vs denied")]


def test_a_quote_s_pronoun_or_a_sayer_on_both_sides_is_no_side(store):
    """From the demo corpus's pages: a quote's "I" against the man quoting himself, a candidate on both sides."""
    _, (first, second) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example")], days_apart=0, first=date(2016, 10, 1))
    with store.transaction() as session:
        quoted = statement(session, first, "I", "the phrase Islamic terrorism is a huge deal", "reported")
        statement(session, second, "Obama", "the phrase Islamic terrorism is not a huge deal", "reported")
        audited = statement(session, first, "Mr. Trump", "his tax returns are being audited by the IRS", "reported")
        statement(session, second, "Mr. Trump", "his tax returns are being audited by the IRS", "denied")
        statement(session, second, "The Trump campaign", "his tax returns are being audited by the IRS", "denied")
    with store.session() as session:
        assert contradictions.for_statement(session, quoted) == []
        assert contradictions.for_statement(session, audited) == []
    with store.transaction() as session:
        statement(session, first, "the IRS", "his tax returns are being audited by the IRS", "reported")
    with store.session() as session:
        found = contradictions.for_statement(session, audited)
    assert [[side.sources for side in c.sides] for c in found] == [[["the IRS"], ["The Trump campaign"]]]


def test_a_claim_and_its_denial_in_one_article_only_or_said_with_a_verb_of_refusal_are_no_dispute(store):
    """From the demo corpus's pages: one article's sentences sharing words ("audited") are two claims;
    "will refuse to answer" and "would not answer" say the same."""
    _, (first, second) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example")], days_apart=0, first=date(2016, 10, 1))
    with store.transaction() as session:
        audited = statement(session, first, "Mr. Trump", "his tax returns are being audited by the IRS", "reported")
        statement(session, first, "The Trump campaign", "his tax returns are not being audited by the IRS", "reported")
        refuses = statement(session, first, "Pagliano's lawyer", "he will refuse to answer any questions from the oversight panel", "reported")
        statement(session, second, "His lawyer", "he would not answer any questions from the oversight panel", "reported")
    with store.session() as session:
        assert contradictions.for_statement(session, audited) == []
        assert contradictions.for_statement(session, refuses) == []
    with store.transaction() as session:
        statement(session, second, "the IRS", "his tax returns are not being audited by the IRS", "reported")
    with store.session() as session:
        found = contradictions.for_statement(session, audited)
    assert [[side.sources for side in c.sides] for c in found] == [[["Mr. Trump"], ["The Trump campaign", "the IRS"]]]


def test_the_words_between_a_content_cut_at_a_quote_and_its_cue_are_the_sayer_s(store):
    """The ministry's statement read as «нанесении МО России удара по тыловым лагерям ЧВК» (cut at the inner quote):
    what follows up to "говорится" calls it untrue, so the ministry is on the side that denies, not the other."""
    text = ('Сообщения о "нанесении МО России удара по тыловым лагерям ЧВК "Вагнер" не соответствуют действительности и являются '
            'информационной провокацией", – говорится в заявлении ведомства.')
    content, cue = "нанесении МО России удара по тыловым лагерям ЧВК", "говорится"
    _, (ministry, chief) = story_of(store, [(text, "d.example"), (REPORT_A, "a.example")], days_apart=0, first=date(2023, 6, 23))
    with store.transaction() as session:
        said = Statement(
            document_id=ministry, source_text="в заявлении ведомства", source_type="organisation", content_text=content,
            content_start=text.index(content), content_end=text.index(content) + len(content), cue_text=cue,
            cue_start=text.index(cue), cue_end=text.index(cue) + len(cue), certainty="reported",
        )
        session.add(said)
        session.flush()
        anchor = strike(session, chief, statement(session, chief, "Prigozhin", CLAIM, "hedged"), certainty="hedged")
        strike(session, ministry, said.id, sentence=(0, len(text)), certainty="reported")
    with store.session() as session:
        found = [c for c in contradictions.for_event(session, anchor) if c.attribute == "happened"]
    assert [(side.value, side.documents) for side in found[0].sides] == [("happened", [chief]), ("denied", [ministry])]
