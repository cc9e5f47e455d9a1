"""Events as an ACLED coder codes them: deaths by ACLED's rules, actors in ACLED's naming, the learned
typer's choice and its reasons, places in the region the report names, the export's event date."""

from __future__ import annotations

from datetime import date

import pytest

from factfile.extract import Extractor
from factfile.extract.event_actors import acled_name, country_of_demonym
from factfile.extract.event_typing import default_typer
from factfile.extract.quantities import deaths
from factfile.records import Article
from factfile.serve.export.acled import acled_record


@pytest.mark.parametrize(("text", "count"), [
    ("On 22 April 2022, at least 33-40 civilians were killed and 43-50 others were wounded in an explosion.", 33),
    ("On 13 February 2022, 2 children were wounded by a bomb in Helmand.", None),
    ("A man was shot and killed by gunmen. Two civilians were killed by stray bullets.", 3),
    ("Dozens were killed when the market was shelled.", 12),
    ("NRF repulsed Taliban attacks. Fatalities coded as 3. NRF claimed 11 Taliban fatalities.", 3),
    ("IS claimed killing 1 Taliban member in Kunduz.", 1),
    ("12 soldiers and 4 volunteer fighters (VDP) were killed, 21 others wounded.", 16),
    ("On 20 May 2022, 3 assailants killed a journalist in Sakho village.", 1),
    ("1 Taliban member was killed and 1 was wounded. NRF claimed killing 3 Taliban forces in this attack.", 1),
    ("At least twenty militants were killed. Fatalities are split across five events.", 4),
    ("The army sustained 1 fatality and 5 tribal militants were killed.", 6),
    ("The clash resulted in between 1 and 3 fatalities depending on the source.", 1),
    ("An unknown number of people were killed. Unknown fatalities coded to 3.", 3),
    ("Unidentified persons attacked a TMC member with sharp weapons. He was killed in the incident.", 1),
    ("Five civilians were killed. One wounded succumbed bringing the total to six killed.", 6),
    ("Cameroonian soldiers intercepted and killed more than twenty Boko Haram militants in Amchide.", 20),
])
def test_deaths_follow_acleds_rules(text, count):
    assert deaths(text) == count


def test_actors_take_acleds_names():
    assert acled_name("Protests", 1, {"teacher"}, None, None, "India") == "Protesters (India)"
    assert acled_name("Battles", 1, {"russian", "force"}, "Russian", "NORP", "Ukraine") == "Military Forces of Russia"
    assert acled_name("Violence against civilians", 1, {"gunman", "unknown"}, None, None, "Nigeria") == "Unidentified Armed Group (Nigeria)"
    assert acled_name("Violence against civilians", 2, {"villager"}, None, None, "Mali") == "Civilians (Mali)"
    assert acled_name("Battles", 1, set(), "Boko Haram", "ORG", "Nigeria") == "Boko Haram"
    assert country_of_demonym("Ukrainian") == "Ukraine"


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _analyse(extractor, text: str, published: date = date(2022, 3, 6)):
    return extractor(Article("test", text, "hash", published=published, language="en"))


def test_shelling_is_remote_violence_with_its_reasons(extractor):
    analysis = _analyse(extractor, "On 6 March 2022, Russian forces shelled residential areas of Kharkiv, Kharkiv region, killing 2 civilians.")
    event = min(analysis.events, key=lambda e: e.trigger.start)
    assert (event.event_type, event.sub_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert event.reasons and event.fatalities == 2
    assert event.actor1_name == "Military Forces of Russia"


def test_a_learned_verb_makes_a_protest_event(extractor):
    analysis = _analyse(extractor, "On 5 May 2022, supporters of the Republican Party of Armenia blocked the Yerevan-Ashtarak "
                                   "highway near Ashtarak, Armenia, demanding the resignation of the government.")
    assert [(e.event_type, e.trigger.text, e.actor1_name) for e in analysis.events] == [("Protests", "blocked", "Protesters (Armenia)")]


def test_a_meeting_of_leaders_is_no_event(extractor):
    analysis = _analyse(extractor, "BRUSSELS - European leaders gathered Friday to discuss the torrent of challenges facing the bloc.")
    assert analysis.events == []


def test_a_place_with_its_regions_in_brackets_places_the_event(extractor):
    """The model reads "Natal (Rio Grande" as one organisation; the bracket says place and region."""
    analysis = _analyse(extractor, "On 16 March 2022, in Natal (Rio Grande do Norte), a man was killed in a drive-by shooting "
                                   "in the Lagoa Azul neighborhood by an armed individual on a motorcycle.", date(2022, 3, 16))
    event = min(analysis.events, key=lambda e: e.trigger.start)
    place = analysis.places[event.place]
    assert (place.name, place.admin1) == ("Natal", "Rio Grande do Norte")
    assert not [p for p in analysis.places if p.name.startswith("Sen.")]


def test_a_bracket_after_a_person_or_an_acronym_is_no_place(extractor):
    analysis = _analyse(extractor, "Sen. Bernie Sanders (I-Vt.) and Reclaim Our Schools (AROS) spoke in Chicago on Friday.")
    assert [p.name for p in analysis.places] == ["Chicago"]


def test_around_a_day_is_that_day_and_the_coders_count_is_the_deaths(extractor):
    analysis = _analyse(extractor, "Around 23 May 2022 (as reported), 3 members of an unidentified armed group were killed and "
                                   "1 captured during clashes with the Taliban in Jabulussaraj district, Parwan. 4 fatalities.", date(2022, 5, 23))
    event = min(analysis.events, key=lambda e: e.trigger.start)
    time = analysis.times[event.time]
    assert (time.start, time.end) == (date(2022, 5, 23), date(2022, 5, 23))
    assert event.fatalities == 4


def test_a_lead_without_trigger_word_still_makes_its_event(extractor):
    """"marched" starts no event by itself (troops march too) and the typer did not learn it as a lead verb."""
    analysis = _analyse(extractor, "On 31 January 2022, in Cochabamba (Cochabamba), women activists and family members of femicide "
                                   "victims marched through the city to complain about justice authorities.", date(2022, 1, 31))
    assert [(e.event_type, e.trigger.text) for e in analysis.events] == [("Protests", "marched")]


def test_the_region_named_outranks_a_namesake(extractor):
    """The gazetteer knows only the Chervonyi Yar in Odesa oblast: the event is placed in the region the report names."""
    analysis = _analyse(extractor, "On 3 March 2022, shelling was reported in Chervonyi Yar, Luhansk region.")
    assert not [p for p in analysis.places if p.admin1 == "Odeska oblast"]
    (event,) = analysis.events
    assert analysis.places[event.place].admin1 == "Luhanska oblast"


def test_the_export_dates_an_undated_event_on_its_report(extractor):
    from factfile.read.events import EventRow

    row = EventRow(id=1, document_id=1, event_type="Battles", sub_type="Armed clash", trigger="clashed",
                   date_start=date(2022, 2, 27), date_end=date(2022, 3, 6), date_precision="range", actor1=None, actor2=None,
                   place=None, latitude=None, longitude=None, country_code=None, admin1=None, admin2=None, feature_code=None,
                   geonames_id=None, fatalities=None, certainty="asserted", reported_by=None, sentence="", title=None, url=None,
                   outlet=None, published=date(2022, 3, 6))
    assert acled_record(row)["event_date"] == "2022-03-06"


def test_typer_is_loaded_with_its_learned_verbs():
    typer = default_typer()
    assert "shell" in typer.triggers


def test_demonyms_name_their_country_by_the_longest_shared_start():
    assert [country_of_demonym(w) for w in ("Turkish", "Malian", "Nigerian", "Iraqi")] == ["Turkey", "Mali", "Nigeria", "Iraq"]
    assert acled_name("Explosions/Remote violence", 1, {"turkish", "force"}, "Turkish", "NORP", "Syria") == "Military Forces of Turkey"
    assert acled_name("Violence against civilians", 1, {"armed", "individual"}, None, None, "Nigeria") == "Unidentified Armed Group (Nigeria)"
    # "a man was killed and his body was found": ACLED's coders give the deed to an unidentified armed group
    assert acled_name("Violence against civilians", 1, set(), None, None, "Mexico") == "Unidentified Armed Group (Mexico)"
    assert acled_name("Protests", 2, set(), None, None, "Mexico") is None


def _lead(analysis):
    return min(analysis.events, key=lambda e: e.trigger.start) if analysis.events else None


def test_a_place_named_with_its_kind_is_the_events_place(extractor):
    analysis = _analyse(extractor, "On 24 April 2022, BJP members gathered to stage a protest near Jhanda Chowk in Jharsuguda town "
                                   "(Jharsuguda, Odisha), over the death of a cook.", date(2022, 4, 24))
    event = _lead(analysis)
    assert event is not None and analysis.places[event.place].name == "Jharsuguda"
    analysis = _analyse(extractor, "On 18 May 2022, Turkish forces shelled QSD positions near Al Bab city in Aleppo countryside. "
                                   "Casualties unknown.", date(2022, 5, 18))
    event = _lead(analysis)
    assert (analysis.places[event.place].name, analysis.places[event.place].country_code) == ("Al Bāb", "SY")
    assert event.actor1_name == "Military Forces of Turkey"


def test_a_verbless_parse_keeps_its_main_verb(extractor):
    # the small model makes "On" the root and "protested" a participle on "people"
    analysis = _analyse(extractor, "On 21 February 2022, in Acapulco de Juarez, Guerrero, 15 people protested outside the Commission of "
                                   "Potable Water and Sewerage of the Municipality of Acapulco (CAPAMA) to demand access to drinking water. "
                                   "Police arrested two of them.",
                        date(2022, 2, 21))
    assert [(e.event_type, e.trigger.text) for e in analysis.events][:1] == [("Protests", "protested")]


def test_armed_individuals_are_an_armed_actor(extractor):
    analysis = _analyse(extractor, "On 6 June 2022, armed individuals abducted a medical doctor while he was driving out of his house "
                                   "in Umuokpara (Ehime Mbano, Imo).", date(2022, 6, 6))
    event = _lead(analysis)
    assert event is not None and (event.event_type, event.trigger.text) == ("Violence against civilians", "abducted")
    assert event.actor1_name == "Unidentified Armed Group (Nigeria)"


def test_a_lead_without_trigger_word_is_the_reports_event_however_unsure_the_typer(extractor):
    analysis = _analyse(extractor, "On 24 June 2022, military forces of Pakistan exchanged fire with unidentified militants during an "
                                   "operation at Kulachi tehsil (Dera Ismail Khan district, KP).", date(2022, 6, 24))
    event = _lead(analysis)
    assert event is not None and event.trigger.text == "exchanged"
    assert analysis.times[event.time].start == date(2022, 6, 24)


def test_an_unknown_place_gives_way_to_the_region_bracketed_after_it(extractor):
    analysis = _analyse(extractor, "On 23 January 2022, family members staged a protest outside the Additional Commissioner's office in "
                                   "Kandivali East (Mumbai Suburban, Maharashtra), to demand justice.", date(2022, 1, 23))
    event = _lead(analysis)
    assert analysis.places[event.place].name == "Mumbai Suburban"


def test_a_full_date_the_model_missed_dates_the_event(extractor):
    analysis = _analyse(extractor, "Around 25 April 2022 (as reported), workers protested in Xian city, Shaanxi to demand wage arrears.",
                        date(2022, 4, 25))
    time = analysis.times[_lead(analysis).time]
    assert (time.span.text, time.start, time.end) == ("25 April 2022", date(2022, 4, 25), date(2022, 4, 25))


def test_shelling_armed_forces_is_an_event_whoever_shells(extractor):
    """"PKK" is no name the armed-group list knows, but what it shelled is an armed side."""
    event = _lead(_analyse(extractor, "On 26 June 2022, PKK shelled Turkish forces in the Sikefta Birindara area of Duhok. Casualties unknown.",
                           date(2022, 6, 26)))
    assert event is not None and event.event_type == "Explosions/Remote violence"


def test_the_deaths_told_after_an_attack_are_its_own(extractor):
    """"One soldier was killed": the IED's deaths, not another event that would end the IED's."""
    analysis = _analyse(extractor, "On 13 May 2022, a remote controlled IED by Al Shabaab militants detonated, targeting a government "
                                   "security forces (SNA) convoy in Mogadishu. One soldier was killed and four others were injured.",
                        date(2022, 5, 13))
    assert [(e.event_type, e.fatalities) for e in analysis.events] == [("Explosions/Remote violence", 1)]


def test_a_peaceful_protest_has_no_deaths_of_its_own(extractor):
    analysis = _analyse(extractor, "On 30 June 2022, in Belem (Para), about 20 civil servants carried out a protest to demand justice "
                                   "for the death of a court clerk during a robbery.", date(2022, 6, 30))
    event = min(analysis.events, key=lambda e: e.trigger.start)
    assert event.event_type == "Protests" and event.fatalities is None


def test_a_violent_word_in_a_lead_dated_to_the_day_is_the_reported_violence(extractor):
    """Neither "airstrikes" nor "IS militants" reads as an armed party or a physical target to the rules."""
    analysis = _analyse(extractor, "On 2 February 2022, Iraqi airstrikes killed 4 IS militants in the Aradi Hawi al Maytah area near the "
                                   "Salah Al Din - Diyala provincial border.", date(2022, 2, 2))
    event = min(analysis.events, key=lambda e: e.trigger.start)
    assert event.event_type == "Explosions/Remote violence" and event.fatalities == 4


def test_words_against_a_rival_stay_no_event_without_a_dated_lead(extractor):
    analysis = _analyse(extractor, "Clinton attacked Trump over his tax returns during the debate.")
    assert analysis.events == []


def test_a_lead_event_the_report_does_not_date_is_dated_the_reports_day_or_the_day_before(extractor):
    """Not the week before publication: the news of the day happened on it or the day before, never a week back."""
    analysis = _analyse(extractor, "Russian forces shelled the city of Kherson, killing two civilians.", date(2023, 6, 8))
    time = analysis.times[_lead(analysis).time]
    assert (time.start, time.end, time.precision) == (date(2023, 6, 7), date(2023, 6, 8), "range")


def test_a_deal_brokered_is_an_agreement_with_the_sub_type_of_its_word(extractor):
    """The typer never saw "deal" as a trigger: its guess of a strategic sub-type ("Looting/property destruction") yields to the word's."""
    analysis = _analyse(extractor, "Belarusian President Alexander Lukashenko said on Saturday that he had brokered a deal with Yevgeny Prigozhin.",
                        date(2023, 6, 24))
    assert [(e.event_type, e.sub_type, e.trigger.text) for e in analysis.events] == [("Strategic developments", "Agreement", "deal")]


def test_a_deal_talked_of_is_no_agreement(extractor):
    analysis = _analyse(extractor, "The grain deal was worth a great deal of money to Ukraine.", date(2023, 6, 24))
    assert [e for e in analysis.events if e.sub_type == "Agreement"] == []


def test_a_mutiny_is_a_strategic_development_as_in_the_other_readers(extractor):
    analysis = _analyse(extractor, "Putin called the armed rebellion by the Wagner group on Saturday a betrayal.", date(2023, 6, 24))
    assert [(e.event_type, e.sub_type) for e in analysis.events] == [("Strategic developments", "Other")]


def test_a_yearless_date_of_an_undated_page_takes_the_year_nearest_the_pages_full_date(extractor):
    analysis = extractor(Article("test", "The talks of December 30 failed; on Jan. 2, 2023 the blast came.", "hash-yearless", language="en"))
    assert [(t.span.text, t.start) for t in analysis.times] == [("December 30", date(2022, 12, 30)), ("Jan. 2, 2023", date(2023, 1, 2))]


def test_a_trigger_word_inside_an_organisations_name_is_no_event(extractor):
    analysis = _analyse(extractor, "On 11 March 2022, members of Extinction Rebellion marched in Uppsala against climate inaction.", date(2022, 3, 11))
    assert "Rebellion" not in [e.trigger.text for e in analysis.events]
