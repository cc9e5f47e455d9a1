"""Events on pages read without the English parser: trigger stems, and each event's place and date
(extract/lang/events.py), and place names of other languages (extract/places.py resolve_names)."""

from __future__ import annotations

from datetime import date

from factfile.extract.lang import analyse
from factfile.records import Article


def _events(text: str, language: str, published: date | None = None):
    analysis = analyse(Article(language, text, f"h-{language}-{hash(text)}", language=language, published=published))
    return analysis, [
        (e.event_type, e.sub_type, e.trigger.text, analysis.places[e.place].name if e.place is not None else None,
         analysis.times[e.time].start if e.time is not None else None)
        for e in analysis.events
    ]


def test_a_german_explosion_is_an_event_placed_at_the_town_and_dated_from_the_day_before_the_page():
    analysis, found = _events("Auf der Brücke bei Kertsch ist ein Lastwagen explodiert, teilte Moskau mit.", "de", date(2022, 10, 8))
    assert found == [("Explosions/Remote violence", "Remote explosive/landmine/IED", "explodiert", "Kerch", date(2022, 10, 7))]


def test_the_most_specific_trigger_of_a_sentence_types_it():
    _, found = _events("Une attaque de drones a visé Sébastopol dans la nuit.", "fr")
    assert [(t, s, w) for t, s, w, _, _ in found] == [("Explosions/Remote violence", "Air/drone strike", "drones")]


def test_a_violent_word_with_no_party_nor_place_is_no_event():
    _, found = _events("Die Zahl der Explosionen nimmt zu.", "de")
    assert found == []


def test_according_to_is_no_agreement():
    _, found = _events("De acuerdo con la agencia, el presidente habló con Lukashenko.", "es")
    assert found == []
    _, found = _events("El grupo Wagner y Minsk alcanzaron un acuerdo con Lukashenko.", "es")
    assert [t[:2] for t in found] == [("Strategic developments", "Agreement")]


def test_an_event_without_a_date_of_its_own_takes_its_paragraphs():
    _, found = _events("Die Lage blieb am 17. Juli 2023 angespannt. Die Brücke bei Kertsch wurde von Drohnen getroffen.", "de")
    assert found == [("Explosions/Remote violence", "Air/drone strike", "Drohnen", "Kerch", date(2023, 7, 17))]


def test_an_event_is_placed_at_the_town_of_its_sentence_not_the_country_nor_the_paragraphs_town():
    _, found = _events("In Kiew gab es Alarm. Russland meldet eine Explosion in Kertsch.", "de")
    assert found[-1][2:4] == ("Explosion", "Kerch")


def test_country_names_of_other_languages_are_countries_and_short_words_no_places():
    analysis, _ = _events("La explosión en Ucrania fue en la noche. We wtorek.", "es")
    assert [(p.span.text, p.name, p.feature_code) for p in analysis.places] == [("Ucrania", "Ukraine", "PCLI")]


def test_a_cyrillic_event_is_dated_from_the_day_before_the_page_when_it_leads_undated():
    _, found = _events("Взрыв прогремел на Крымском мосту.", "ru", date(2022, 10, 8))
    assert found and found[0][0] == "Explosions/Remote violence" and found[0][-1] == date(2022, 10, 7)


def test_a_declined_country_name_is_the_country_its_lemma_names():
    analysis, _ = _events("Пригожин согласился уехать в Белоруссию, сообщили в России.", "ru")
    assert [(p.span.text, p.name, p.feature_code) for p in analysis.places] == [("Белоруссию", "Belarus", "PCLI"), ("России", "Russia", "PCLI")]


def test_a_yearless_date_of_an_undated_page_takes_the_year_of_the_pages_own_full_date():
    analysis, _ = _events("Взрыв на мосту произошел 8 октября. Опубликовано 08.10.2022.", "ru")
    assert [(t.span.text, t.start) for t in analysis.times] == [("8 октября", date(2022, 10, 8)), ("08.10.2022", date(2022, 10, 8))]
    analysis, _ = _events("Взрыв на мосту произошел 8 октября.", "ru")
    assert [t.start for t in analysis.times] == [None]
