"""Where news pages place their events: names the gazetteer would misread, and the most specific place
(extract/places.py, extract/events.py `_place`)."""

from __future__ import annotations

from datetime import date

import pytest

from factfile.extract import Extractor
from factfile.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _analyse(extractor, text: str):
    return extractor(Article("test", text, str(hash(text)), published=date(2023, 6, 6), language="en"))


def _places(analysis) -> list[tuple[str, str]]:
    return [(p.span.text, p.name) for p in analysis.places]


def test_a_country_code_in_capitals_is_the_country(extractor):
    assert ("US", "United States") in _places(_analyse(extractor, "Ukraine was behind the Crimean Bridge blast, US media said."))


def test_a_direction_alone_is_no_place(extractor):
    analysis = _analyse(extractor, "The dam was blown up by the Russian occupying forces, the South command of Ukraine's Armed Forces said.")
    assert "South" not in {p.span.text for p in analysis.places}


def test_a_bracketed_date_is_no_place(extractor):
    analysis = _analyse(extractor, "Blasts at a dam in the Russian controlled part of southern Ukraine on Tuesday (Jun 6) unleashed floodwaters.")
    assert {p.span.text for p in analysis.places} == {"Ukraine"}


def test_a_dateline_with_two_dashes_is_where_the_report_is_filed(extractor):
    analysis = _analyse(extractor, "KERCH, CRIMEA -- A fuel tank was on fire early on Saturday.")
    assert ("KERCH", "Kerch") in _places(analysis)


def test_the_town_a_bridge_is_named_after_places_the_blast_on_it(extractor):
    analysis = _analyse(extractor, "The 19km Kerch bridge was hit by a blast around dawn on Saturday, Russian investigators said.")
    blast = next(e for e in analysis.events if e.trigger.text == "blast")
    assert analysis.places[blast.place].name == "Kerch"


def test_a_town_of_the_dateline_inside_the_region_named_is_the_events_place(extractor):
    analysis = _analyse(extractor, "KERCH, CRIMEA -- A fuel tank was on fire on the bridge in Crimea early on Saturday, "
                                   "while Ukraine's media reported an explosion.")
    explosion = next(e for e in analysis.events if e.trigger.text == "explosion")
    assert analysis.places[explosion.place].name == "Kerch"
