"""Names of one actor across languages and scripts that the readers without a model must join (lang/cyrillic.py)."""

from __future__ import annotations

from factfile.extract.lang import analyse
from factfile.records import Article


def _chains(text: str, language: str):
    return analyse(Article(origin="test", text=text, content_hash=text[:16], language=language)).chains


def test_a_republics_acronym_in_brackets_is_its_name_and_a_places_country_is_not():
    text = "Трагедия в Донецкой народной республике (ДНР) произошла ночью. В Москве (РФ) заявили о провокации."
    chains = _chains(text, "ru")
    (republic,) = [c for c in chains if "ДНР" in (c.name, *c.aliases)]
    assert republic.name == "Донецкая народная республика"
    assert not any("РФ" in c.aliases for c in chains)


def test_an_international_committee_goes_by_its_specific_words_and_a_parliaments_committee_does_not():
    from factfile.extract.names import signature

    assert signature("International Committee of the Red Cross") == signature("Red Cross") == signature("Internationale Red Cross")
    assert signature("Ukrainian Parliament Committee") != signature("Ukrainian Parliament")
    assert signature("Investigative Committee") != signature("Investigative")


def test_a_slavic_country_name_in_another_case_is_the_country():
    from factfile.extract.names import country_in_english

    assert [country_in_english(w) for w in ("Rosji", "Ukrainy", "Ukrainie", "Ukrajinou", "Indii")] == [
        "Russia", "Ukraine", "Ukraine", "Ukraine", "India"]
    assert country_in_english("Putina") is None and country_in_english("Biden") is None


def test_a_states_name_of_common_words_is_one_name():
    chains = _chains("Il ponte collega la Crimea e la Federazione Russa.", "it")
    assert "Federazione Russa" in {c.name for c in chains}
    chains = _chains("La Fédération de Russie a nié.", "fr")
    assert "Fédération de Russie" in {c.name for c in chains}


def test_a_country_before_a_full_name_is_no_part_of_it():
    chains = _chains("Predstaviteľ Doneckej republiky Ukrajiny Danijil Bezsonov na Telegrame napísal.", "sk")
    assert "Danijil Bezsonov" in {c.name for c in chains}
