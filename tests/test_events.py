"""Events, places, times and quantities on the seed article (published 23 May 2023, the day after the
Belgorod incursion began)."""

from __future__ import annotations

import math
from datetime import date

import pytest

from conftest import SEED
from factfile.extract import Extractor
from factfile.extract.times import normalise
from factfile.ingest import read_items, to_article

PUBLISHED = date(2023, 5, 23)
# GeoNames coordinates: Belgorod and Bryansk oblasts are placed at their capitals, as ACLED does
KOZINKA = (50.4613, 35.6026)
GRAYVORON = (50.47893, 35.68087)
BELGOROD_OBLAST = (50.60343, 36.58091)
BRYANSK_OBLAST = (53.27096, 34.32143)
KYIV = (50.45466, 30.5238)
MOSCOW = (55.75204, 37.61781)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = map(lambda p: (math.radians(p[0]), math.radians(p[1])), (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed():
    (item,) = read_items([str(SEED)])
    article = to_article(item)
    article.published = PUBLISHED
    return Extractor()(article)


def event_at(analysis, words: str, trigger: str):
    """The event whose sentence contains `words` and whose trigger is `trigger`."""
    matches = [e for e in analysis.events if words in e.sentence.text and e.trigger.text == trigger]
    assert matches, f"no event {trigger!r} in the sentence with {words!r}"
    return matches[0]


def check(analysis, event, *, type_, actor1=None, actor2=None, near=None, within=(None, None)):
    chain = lambda index: analysis.chains[index].name if index is not None else None  # noqa: E731
    assert event.event_type == type_
    if actor1:
        assert chain(event.actor1_chain) and chain(event.actor1_chain).startswith(actor1), chain(event.actor1_chain)
    if actor2:
        assert chain(event.actor2_chain) in actor2
    if near:
        place = analysis.places[event.place]
        assert km((place.latitude, place.longitude), near) <= 25, place
    first, last = within
    if first:
        time = analysis.times[event.time]
        assert time.start <= last and first <= time.end, (time.start, time.end)
        assert (time.end - time.start).days <= 31


def test_the_raid_into_belgorod_region(seed):
    raid = event_at(seed, "Soldiers marched from Ukraine", "marched")
    check(seed, raid, type_="Battles", actor1="Legion of Freedom of Russia", actor2={"Russian", "Russia"},
          near=BELGOROD_OBLAST, within=(date(2023, 5, 22), date(2023, 5, 22)))
    assert raid.sub_type == "Armed clash"


def test_the_claimed_capture_of_kozinka_and_march_on_graivoron(seed):
    capture = event_at(seed, "Konzinka", "taken")
    check(seed, capture, type_="Battles", actor1="Legion", near=KOZINKA, within=(date(2023, 5, 19), date(2023, 5, 19)))
    assert capture.sub_type == "Non-state actor overtakes territory"
    assert capture.certainty == "reported"  # the Legion says so; nobody confirms it
    march = event_at(seed, "Konzinka", "march")
    check(seed, march, type_="Strategic developments", actor1="Legion", near=GRAYVORON)
    assert march.certainty == "hedged"  # "would now march": an intention


def test_the_march_raid_in_bryansk_region(seed):
    raid = event_at(seed, "Bryansk region", "raided")
    check(seed, raid, type_="Battles", actor1="Denis Nikitin", actor2={"Russian", "Russia"},
          near=BRYANSK_OBLAST, within=(date(2023, 3, 1), date(2023, 3, 10)))
    assert raid.certainty == "hedged"  # "allegedly"
    reported = [e for e in seed.events if "propaganda portals" in e.sentence.text]
    assert {e.event_type for e in reported} >= {"Violence against civilians", "Explosions/Remote violence"}
    assert all(e.certainty == "reported" and seed.chains[e.actor1_chain].name == "Denis Nikitin" for e in reported)
    assert all(km((seed.places[e.place].latitude, seed.places[e.place].longitude), BRYANSK_OBLAST) <= 25 for e in reported)


def test_the_press_conference_of_april_5_2022(seed):
    conference = event_at(seed, "appeared at a press conference", "conference")
    check(seed, conference, type_="Strategic developments", actor1="Legion of Freedom of Russia", near=KYIV,
          within=(date(2022, 4, 5), date(2022, 4, 5)))
    assert seed.times[conference.time].precision == "day"
    assert len([e for e in seed.events if e.trigger.text == "conference"]) == 1  # the caption repeats it


def test_the_february_lawsuit(seed):
    lawsuit = event_at(seed, "filed a lawsuit", "lawsuit")
    check(seed, lawsuit, type_="Strategic developments", actor1="Russia", near=MOSCOW,
          within=(date(2023, 2, 1), date(2023, 2, 28)))
    assert seed.times[lawsuit.time].precision == "month"


def test_words_are_not_battles(seed):
    triggers = {e.trigger.text for e in seed.events}
    assert "offensive" not in triggers  # the awaited spring offensive had not happened
    assert not any("to fight against Putin" in e.sentence.text for e in seed.events)  # a purpose, not a fight
    assert not any(e.trigger.text == "took" and "took up arms" in e.sentence.text for e in seed.events)


def test_places_resolve_villages_and_misspellings(seed):
    by_text = {p.span.text: p for p in seed.places}
    assert by_text["Konzinka"].name == "Kozinka" and by_text["Konzinka"].country_code == "RU"
    assert by_text["Graivoron"].name == "Grayvoron"
    assert by_text["Kiev"].name == "Kyiv" and by_text["Bucha"].country_code == "UA"  # not Bucha in Thuringia
    assert by_text["Belgorod"].feature_code == "ADM1"  # "the Belgorod region"
    assert by_text["Russia"].feature_code == "PCLI"
    assert "Financial Times" not in by_text and "Russian" not in by_text


def test_times_relative_to_publication(seed):
    by_text = {t.span.text: (t.start, t.end, t.precision) for t in seed.times if t.span.text}
    assert by_text["Friday"] == (date(2023, 5, 19), date(2023, 5, 19), "day")
    assert by_text["last August"] == (date(2022, 8, 1), date(2022, 8, 31), "month")
    assert by_text["early March"] == (date(2023, 3, 1), date(2023, 3, 10), "range")
    assert by_text["February this year"] == (date(2023, 2, 1), date(2023, 2, 28), "month")
    assert by_text["beginning of this year"][0] == date(2023, 1, 1) and by_text["beginning of this year"][2] == "range"
    assert by_text["a week ago"] == (date(2023, 5, 16), date(2023, 5, 16), "day")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on Friday", (date(2023, 5, 19), date(2023, 5, 19), "day")),
        ("in mid-March", (date(2023, 3, 11), date(2023, 3, 20), "range")),
        ("June last year", (date(2022, 6, 1), date(2022, 6, 30), "month")),
        ("Sept. 26, 2016", (date(2016, 9, 26), date(2016, 9, 26), "day")),
        ("last summer", (date(2022, 6, 1), date(2022, 8, 31), "range")),
        ("earlier this year", (date(2023, 1, 1), date(2023, 5, 23), "range")),
        ("Late Saturday night", (date(2023, 5, 20), date(2023, 5, 20), "day")),
        ("recently", None),
    ],
)
def test_normalise(text, expected):
    assert normalise(text, PUBLISHED) == expected


def test_relative_dates_need_a_publication_date():
    assert normalise("on Friday", None) is None
    assert normalise("April 5, 2022", None) == (date(2022, 4, 5), date(2022, 4, 5), "day")


def test_quantities_count_something(seed):
    by_text = {q.span.text: q for q in seed.quantities}
    assert by_text["over 100"].counts == "soldiers" and by_text["over 100"].approximate
    assert seed.chains[by_text["over 100"].chain].name == "Legion of Freedom of Russia"
    assert by_text["4,000"].value == 4000 and by_text["4,000"].counts == "members"
    hundreds = by_text["several hundred"]
    assert hundreds.approximate and hundreds.value < hundreds.value_max and hundreds.counts == "soldiers"


@pytest.fixture(scope="module")
def extract():
    from factfile.records import Article

    extractor = Extractor()

    def run(text: str):
        return extractor(Article(origin="test", text=text, content_hash=str(hash(text)), published=PUBLISHED, language="en"))

    return run


def test_unknown_places_stay_visibly_unresolved(extract):
    analysis = extract("Hundreds of protesters gathered in Qwertzburg on Sunday, the police said.")
    (place,) = [p for p in analysis.places if p.span.text == "Qwertzburg"]
    assert place.geonames_id is None and place.latitude is None
    (protest,) = analysis.events
    assert protest.event_type == "Protests" and protest.place == analysis.places.index(place)
    assert analysis.times[protest.time].start == date(2023, 5, 21)


def test_a_region_named_in_the_sentence_rules_out_other_countries(extract):
    analysis = extract("Shelling was reported in Zhuravlevka, a village in the Belgorod region, on Tuesday.")
    village = next(p for p in analysis.places if p.span.text == "Zhuravlevka")
    assert village.country_code in (None, "RU")  # never the Zhuravlivka in Ukraine
    (shelling,) = analysis.events
    assert shelling.sub_type == "Shelling/artillery/missile attack"


def test_killing_in_the_same_sentence_gives_fatalities(extract):
    analysis = extract("Russian troops shelled the village of Novaya Tavolzhanka near Shebekino on Monday, killing two civilians.")
    (shelling,) = analysis.events
    assert shelling.event_type == "Explosions/Remote violence" and shelling.fatalities == 2
    assert analysis.places[shelling.place].name == "Novaya Tavolzhanka"
    assert analysis.times[shelling.time].start == date(2023, 5, 22)
    assert any(q.event == 0 and q.value == 2 for q in analysis.quantities)


def test_rhetorical_attacks_are_not_battles(extract):
    analysis = extract("Clinton attacked Trump on Monday over his tax returns, and Trump fought back in a speech.")
    assert analysis.events == []
