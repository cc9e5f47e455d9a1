"""Where an ACLED coder places an event: rules measured on eval/acled.py's dev split (one test each)."""

from __future__ import annotations

from datetime import date

import pytest

from factfile.extract import Extractor
from factfile.extract.gazetteer import ACLED_PLACES
from factfile.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _place(extractor, text: str):
    analysis = extractor(Article("test", text, "hash", published=date(2022, 5, 1), language="en"))
    event = min(analysis.events, key=lambda e: e.trigger.start)
    return analysis.places[event.place] if event.place is not None else None


def test_a_city_zone_is_placed_at_its_city(extractor):
    place = _place(extractor, "On 31 May 2022, Querdenken members demonstrated in Berlin - Pankow against a vaccination campaign.")
    assert (place.name, place.country_code) == ("Berlin", "DE")


def test_the_coders_coded_to_names_the_place(extractor):
    place = _place(extractor, "On 23 May 2022, teachers protested in Brno (coded to Prague) against low wages.")
    assert place.name == "Prague"


def test_the_region_after_an_unknown_places_comma_is_a_place(extractor):
    place = _place(extractor, "On 10 May 2022, in Puerta de Anzar, Colima, a man was shot and killed by armed men in a vehicle.")
    assert (place.name, place.country_code) == ("Colima", "MX")


def test_a_kind_noun_makes_a_place_whatever_the_model_took_it_for(extractor):
    place = _place(extractor, "On 28 January 2022, Tum Emekli-Sen member retirees staged a demonstration in Osmangazi town, Bursa "
                              "to protest the hardship they face.")
    assert place.name == "Osmangazi"


def test_a_district_namesake_countries_away_is_dropped(extractor):
    analysis = extractor(Article("test", "On 22 June 2022, relatives of imprisoned ethnic Kazakhs protested outside the Chinese Consulate "
                                         "near Almaly district in Almaty city.", "hash", published=date(2022, 6, 22), language="en"))
    assert not [p for p in analysis.places if p.country_code == "TR"]


def test_a_later_sentence_takes_the_place_not_its_region(extractor):
    analysis = extractor(Article("test", "On 15 April 2022, people marched in support of Black Lives Matter in Grand Rapids (Michigan). "
                                         "Demonstrators also called for police reform.", "hash", published=date(2022, 4, 15), language="en"))
    later = [e for e in analysis.events if e.trigger.text == "Demonstrators"]
    assert later and analysis.places[later[0].place].name == "Grand Rapids"


@pytest.mark.skipif(not ACLED_PLACES.exists(), reason="no ACLED records to build acled_places.tsv from (make install builds it)")
def test_a_place_only_acled_located_is_in_the_gazetteer(extractor):
    place = _place(extractor, "On 22 June 2022, in Ducur (Canar), indigenous citizens blocked the highway as a demonstration.")
    assert (place.name, place.country_code) == ("Ducur", "EC")


def test_a_name_after_in_that_the_model_missed_is_a_place(extractor):
    place = _place(extractor, "On 5 April 2022, employees of the center for children demonstrated in Amilly.")
    assert (place.name, place.country_code) == ("Amilly", "FR")


def test_the_place_a_strike_hits_is_the_events_place(extractor):
    place = _place(extractor, "On 26 February 2022, Russian air forces bombed Liubotyn, Kharkiv. Casualties unknown.")
    assert place.name == "Liubotyn"


def test_the_name_after_a_places_comma_is_its_region(extractor):
    analysis = extractor(Article("test", "On 2 April 2022, in Temixco, Morelos, several armed individuals broke into a home and opened fire "
                                         "at a couple.", "hash", published=date(2022, 4, 2), language="en"))
    assert [(p.name, p.feature_code) for p in analysis.places if p.span.text == "Morelos"] == [("Morelos", "ADM1")]


def test_a_place_the_parse_hangs_elsewhere_is_still_the_sentences(extractor):
    place = _place(extractor, "On 9 May 2022, farmers blocked the road linking Beja to Bizerte (Bizerte Nord, Bizerte) with their cattle "
                              "and protested against the rise in fodder prices. [size=no report]")
    assert place is not None and place.name == "Bizerte"


def test_a_name_read_with_its_region_is_the_place(extractor):
    """The model reads "Gomez Palacio, Durango" as one name."""
    place = _place(extractor, "On 21 February 2022, in Gomez Palacio, Durango, about 100 teachers marched on Miguel Aleman Boulevard "
                              "to demand state authorities to respect the collective bargaining agreement.")
    assert (place.name, place.country_code) == ("Gómez Palacio", "MX")


def test_a_city_is_not_the_region_of_its_name(extractor):
    place = _place(extractor, "On 1 February 2022, graduates from educational institutions protested in front of the Education "
                              "Directorate building in Amara city.")
    assert place.country_code == "IQ"


def test_an_acronym_after_the_districts_name_is_still_a_region(extractor):
    place = _place(extractor, "Around 13 March 2022, Nigeria Governors' Wives Forum gathered at the National Assembly in Abuja "
                              "(Abuja Municipal, FCT) in a demonstration against the rejection of gender-related bills.")
    assert (place.name, place.country_code) == ("Abuja", "NG")


def test_a_region_named_by_an_alternate_name_of_a_village_does_not_unseat_the_town(extractor):
    analysis = extractor(Article("test", "On 11 February 2022, Fridays for Future activists demonstrated in Sundsvall to urge the government "
                                 "not to issue a license for iron-ore mine in the Gallok (Kallak) region.", "hash", language="en"))
    assert [(p.name, p.country_code) for p in analysis.places if p.span.text == "Sundsvall"] == [("Sundsvall", "SE")]


def test_a_name_and_city_the_model_took_for_a_person_is_a_place(extractor):
    place = _place(extractor, "On 11 March 2022, activists demonstrated in As Samawah city. The protesters denounced the targeted killing.")
    assert place is not None and place.country_code == "IQ"


@pytest.mark.skipif(not ACLED_PLACES.exists(), reason="no ACLED records to build acled_places.tsv from (make install builds it)")
def test_a_district_only_acled_names_places_a_village_geonames_lacks(extractor):
    place = _place(extractor, "On 3 March 2022, soldiers burned houses in Nyaung Pin Gyi village (Tigyaing, Katha).")
    assert (place.name, place.country_code, place.feature_code) == ("Tigyaing", "MM", "ADM3")


def test_a_region_holding_a_town_the_report_names_is_that_towns(extractor):
    place = _place(extractor, "On 16 March 2022, in Villa Elisa (Central), school transportation drivers staged a protest.")
    assert (place.name, place.country_code) == ("Villa Elisa", "PY")


def test_a_peoples_plural_is_not_a_town_spelled_like_it(extractor):
    analysis = extractor(Article("test", "On 22 June 2022, relatives of imprisoned ethnic Kazakhs in China protested outside the Chinese "
                                         "Consulate near Almaly district in Almaty city.", "hash", published=date(2022, 6, 22), language="en"))
    assert not [p for p in analysis.places if p.span.text == "Kazakhs" and p.latitude is not None]


def test_a_bracketed_region_abroad_gives_way_to_a_town_in_the_reports_country(extractor):
    place = _place(extractor, "On 29 June 2022, nurses staged a protest in Quigney (Buffalo City, Eastern Cape), demanding rural allowances.")
    assert (place.name, place.country_code) == ("East London", "ZA")


def test_a_longer_name_the_gazetteer_knows_replaces_the_part_the_model_saw(extractor):
    place = _place(extractor, "On 20 May 2022, in Mineral del Chico, Hidalgo, residents held and tied up their mayor.")
    assert (place.name, place.country_code) == ("Mineral del Chico", "MX")


def test_a_town_the_model_took_for_a_work_of_art_is_a_place(extractor):
    place = _place(extractor, "On 31 January 2022, around 200 teachers and students at Raymond Loewy school demonstrated in La Souterraine "
                              "to denounce the lack of education personnel at the school.")
    assert (place.name, place.country_code) == ("La Souterraine", "FR")


def test_the_town_a_building_stands_in_is_a_place(extractor):
    place = _place(extractor, "On 7 January 2022, Fridays for Future activists demonstrated in front of the City Hall in Malmo to draw "
                              "attention to environmental problems.")
    assert (place.name, place.country_code) == ("Malmö", "SE")


@pytest.mark.skipif(not ACLED_PLACES.exists(), reason="no ACLED records to build acled_places.tsv from (make install builds it)")
def test_an_acled_district_by_a_border_is_in_its_own_country():
    from factfile.extract.gazetteer import load_gazetteer

    assert {p.country_code for p in load_gazetteer().regions("Bahema-Boga")} == {"CD"}
