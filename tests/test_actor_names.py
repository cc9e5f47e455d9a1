"""One actor per real actor: name variants that join, names that must not, and mentions that name no actor."""

from __future__ import annotations

import pytest

from factfile.extract import Extractor
from factfile.extract.names import initials, name_key, signature, unqualified_body
from factfile.ingest import to_article
from factfile.records import RawItem


@pytest.mark.parametrize(
    "first, second",
    [
        ("Freedom of Russia Legion", "Liberty of Russia Legion"),
        ("Freedom of Russia Legion", "Free Russia Legion"),
        ("Freedom of Russia Legion", "Legion 'Freedom of Russia'"),
        ("Freedom of Russia Legion", "Freedom for Russia Legion"),
        ("Legion of Freedom of Russia", "Легион «Свобода России»"),
        ("Advanced Micro Devices Inc", "Advanced Micro Devices"),
        ("Intel Corp", "Intel"),
        ("JSC Rosneft", "Rosneft"),
        ("Ministry of Defence of Ukraine", "Ukrainian Defense Ministry"),
    ],
)
def test_variants_of_one_organisation_share_a_signature(first, second):
    assert signature(first) == signature(second)


@pytest.mark.parametrize(
    "first, second",
    [("UK Ministry of Defence", "Russian Ministry of Defence"), ("Intel Corp", "Intel Core"), ("Freedom House", "Freedom of Russia Legion")],
)
def test_other_actors_keep_other_signatures(first, second):
    assert signature(first) != signature(second)


def test_spelled_out_acronyms_and_legal_forms():
    assert name_key("U.S. Geological Survey") == name_key("US Geological Survey")
    assert initials("Advanced Micro Devices Inc") == "AMD"
    assert unqualified_body("the Defence Ministry") and not unqualified_body("Russian Defence Ministry")


@pytest.fixture(scope="module")
def analyse():
    extractor = Extractor()

    def run(text: str):
        return extractor(to_article(RawItem("test.txt", "text", text)))

    return run


def chain_of(analysis, name):
    return next(c for c in analysis.chains if name in (c.name, *c.aliases))


def test_adjectives_and_products_name_no_actor(analyse):
    analysis = analyse(
        "American officials said on Monday that Apple would ship the MacBook Pro in May. A Republican senator, John Smith, "
        "said Republicans would oppose it, while Democrats welcomed it."
    )
    assert chain_of(analysis, "American").not_an_actor
    assert chain_of(analysis, "Republican").not_an_actor
    assert chain_of(analysis, "MacBook Pro").not_an_actor
    assert chain_of(analysis, "Republicans").not_an_actor is None
    assert chain_of(analysis, "Democrats").not_an_actor is None
    assert chain_of(analysis, "Apple").not_an_actor is None


def test_headline_names_are_mentions(analyse):
    analysis = analyse("Kapustin says his fighters crossed the border\n\n"
                       "The Russian nationalist Denis Kapustin said on Monday that his fighters had crossed the border.")
    assert analysis.article.title.startswith("Kapustin says")
    headline = [m for m in analysis.mentions if m.span.end <= len(analysis.article.title)]
    assert any(m.span.text == "Kapustin" for m in headline)
    assert "Kapustin" in chain_of(analysis, "Denis Kapustin").aliases


def test_born_in_a_city_is_no_alias_and_agencies_in_brackets_are_no_acronym(analyse):
    analysis = analyse(
        "Moscow-born Denis Kapustin, whose real name is Denis Nikitin, leads the Russian Volunteer Corps (RDK). "
        "Fighters of the National Volunteer Corps (AFP) crossed the border, the group said."
    )
    kapustin = chain_of(analysis, "Denis Kapustin")
    assert "Denis Nikitin" in kapustin.aliases and "Moscow" not in kapustin.aliases
    assert "RDK" in chain_of(analysis, "Russian Volunteer Corps").aliases
    assert all("AFP" not in c.aliases for c in analysis.chains)


def test_a_first_name_taken_for_a_nationality_is_the_persons(analyse):
    analysis = analyse(
        "Marat Khusnullin, Russia’s Deputy Prime Minister for Construction, posted two videos of cars on the bridge.\n\n"
        "Khusnullin said traffic was restored in the right-hand lane, in Russia’s Krasnodar region.\n\n"
        "Russia says two people were killed in the attack. Credit: Marat Khusnullin via Storyful"
    )
    person = chain_of(analysis, "Marat Khusnullin")
    assert person.label == "PERSON" and "Khusnullin" in person.aliases


def test_a_nationality_before_a_common_word_stays_a_nationality(analyse):
    analysis = analyse("Christian Democrats and Sunni Muslims met in Berlin on Monday, the Tatar Mejlis said.")
    assert all(c.label != "PERSON" for c in analysis.chains if c.name in ("Christian Democrats", "Tatar Mejlis"))


def test_a_committee_the_model_took_for_a_law_is_an_organisation(analyse):
    analysis = analyse(
        "Moscow's security services have opened a case against the mercenary chief, the BBC reports.\n\n"
        "The National Anti-Terrorism Committee, which is part of the Federal Security Services, or FSB, said he would "
        "be investigated for calling for an armed rebellion."
    )
    assert chain_of(analysis, "National Anti-Terrorism Committee").label == "ORG"


def test_a_ministry_keeps_its_country(analyse):
    analysis = analyse(
        "The Russian Defence Ministry said on Tuesday that eight drones were shot down. The Defence Ministry added that "
        "nobody was hurt. Britain's Ministry of Defence said in its daily update that the attack had failed."
    )
    russian = chain_of(analysis, "Russian Defence Ministry")
    assert "Defence Ministry" in russian.aliases
    assert not any("Britain" in alias for alias in russian.aliases)


def test_a_surname_beside_another_full_name_is_another_person(analyse):
    analysis = analyse(
        "President Trump and Melania Trump, the first lady, welcomed the French president. "
        "Mr. Trump said the talks went well. Trump spoke for an hour."
    )
    assert "Trump" not in chain_of(analysis, "Melania Trump").aliases


def test_she_is_not_the_man_named_last(analyse):
    analysis = analyse(
        "Deputy Defence Minister Hanna Maliar wrote on Telegram that the fighting was heavy. President Volodymyr Zelensky "
        "met troops on Sunday. \"The enemy is advancing,\" she said."
    )
    sources = [analysis.chains[s.source_chain].name for s in analysis.statements if s.source and s.source.text == "she"]
    assert sources and set(sources) == {"Hanna Maliar"}


def test_what_the_article_calls_a_product_names_no_actor(analyse):
    analysis = analyse(
        "Stadia, Google's game streaming platform, will close in January. Stadia is a cloud gaming device that never "
        "found players, Google said. "
        "Apple, the iPhone maker, declined to comment."
    )
    assert "product" in (chain_of(analysis, "Stadia").not_an_actor or "")
    assert chain_of(analysis, "Apple").not_an_actor is None


def test_bylines_credits_and_timestamps_name_no_actor(analyse):
    analysis = analyse(
        "Drones hit a depot in Crimea\n\nBy John Whitaker\n\nDrones hit a fuel depot in Sevastopol on Saturday, the governor "
        "Mikhail Razvozhayev said. The reservoir held 18 km3 of water, Ukrenergo said.\n\nPhoto: Getty Images"
    )
    assert "byline" in (chain_of(analysis, "John Whitaker").not_an_actor or "")
    assert chain_of(analysis, "Mikhail Razvozhayev").not_an_actor is None
    assert all(c.not_an_actor for c in analysis.chains if c.name in ("Getty Images", "km3"))


def test_a_paragraph_opening_with_by_is_no_byline(analyse):
    analysis = analyse(
        "Space news\n\nby Jeff Foust Monday, November 18, 2019 Earlier this month, NASA announced the newest milestone in "
        "its plans, and NASA said the rocket would fly next year."
    )
    assert chain_of(analysis, "NASA").not_an_actor is None


def test_a_paragraph_holding_bars_is_no_navigation(analyse):
    analysis = analyse("Space news\n\n|  | Earlier this month, NASA announced the newest milestone in its plans, and NASA said "
                       "the rocket would fly next year.\n\nHome | World | Science | Boeing")
    assert chain_of(analysis, "NASA").not_an_actor is None


def test_a_countrys_forces_are_an_actor_and_its_adjective_is_not(analyse):
    analysis = analyse(
        "Russian troops shelled the town on Monday, and Ukrainian officials said the Russian army had mined the dam. "
        "Ukraine's military said Russian forces were retreating."
    )
    forces = chain_of(analysis, "Russian troops")
    assert forces.not_an_actor is None and forces.label == "ORG"
    assert signature("Russian troops") == signature("Russian army") == signature("Armed Forces of Russia")
    assert signature("Ukraine's military") != signature("Russian forces")


def test_a_countrys_ministry_in_small_letters_is_a_mention_of_the_ministry(analyse):
    analysis = analyse("Kyiv blamed the Russian defence ministry for the strike on the prison.")
    assert [(m.label, m.role) for m in analysis.mentions if m.span.text == "Russian defence ministry"] == [("ORG", "name")]
    assert signature("Russia's defense ministry") == signature("Russian Defence Ministry")


def test_a_bodys_name_says_its_country_and_its_words():
    from factfile.extract.names import body_of

    assert body_of("Russian Investigative Committee") == body_of("Investigative Committee Russia") == ("Russia", "investigative committee")
    assert body_of("Ministry of Defence of the Russian Federation") == ("Russia", "ministry defence")
    assert body_of("National Anti-Terrorism Committee") == (None, "anti terrorism committee")  # "National" says not whose
    assert body_of("Defence Ministry") == (None, "defence ministry")
    assert body_of("Freedom of Russia Legion") is None and body_of("Russia") is None and body_of("National Committee") is None
