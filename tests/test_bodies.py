"""State bodies named in words in the languages read without a model (extract/lang/bodies.py): cases from
eval/realstory (Kerch's and Wagner's pages), where each was an actor of its own or no mention at all."""

from __future__ import annotations

import pytest

from factfile.extract.lang import analyse
from factfile.extract.lang.bodies import find
from factfile.extract.names import signature
from factfile.records import Article


@pytest.mark.parametrize(("language", "text", "english"), [
    ("fr", "Le Comité d'enquête russe a ouvert une enquête.", "Russian Investigative Committee"),
    ("es", "El Comité de Investigación de Rusia informó.", "Russian Investigative Committee"),
    ("pt", "O Comitê de Investigação da Rússia abriu um processo.", "Russian Investigative Committee"),
    ("it", "Il Comitato nazionale per l’antiterrorismo russo ha detto.", "Russian National Anti-Terrorism Committee"),
    ("es", "según el comité nacional antiterrorista.", "National Anti-Terrorism Committee"),
    ("pl", "Narodowy Komitet Antyterrorystyczny poinformował.", "National Anti-Terrorism Committee"),
    ("de", "Das Nationale Anti-Terror-Komitee teilte mit.", "National Anti-Terrorism Committee"),
    ("de", "Das russische Ermittlungskomitee teilte mit.", "Russian Investigative Committee"),
    ("it", "Il ministero della Difesa russo ha smentito.", "Russian Ministry of Defence"),
    ("pt", "O Ministério de Situações de Emergência russo disse.", "Russian Ministry of Emergency Situations"),
    ("pl", "Służby Bezpieczeństwa Ukrainy zatrzymały agenta.", "Security Service of Ukraine"),
])
def test_a_body_named_in_words_compares_with_its_english_name(language, text, english):
    (found,) = find(text, language)
    assert signature(english) in {signature(form) for form in found[2]}


def test_a_minister_or_a_vague_committee_is_no_body():
    assert find("Le ministre de la Défense russe a parlé. Il ministro della Difesa. Le comité national a voté.", "fr") == []


def test_the_bodys_span_is_its_mention_and_its_chain_carries_the_english_forms():
    text = "Le Comité national antiterroriste russe a annoncé une opération à Moscou."
    analysis = analyse(Article(origin="test", text=text, content_hash="b", language="fr"))
    (chain,) = [c for c in analysis.chains if c.label == "ORG"]
    assert chain.name == "Comité national antiterroriste russe"
    assert signature("National Anti-Terrorism Committee") in {signature(a) for a in chain.aliases}


def test_a_body_in_small_letters_needs_its_country_and_goes_by_its_english_name():
    assert find("i servizi di sicurezza hanno agito.", "it") == []  # whose services, the text does not say
    text = "Secondo il ministero della difesa russo, l'attacco è stato respinto."
    analysis = analyse(Article(origin="test", text=text, content_hash="m", language="it"))
    (chain,) = [c for c in analysis.chains if c.label == "ORG"]
    assert chain.name == "Russian Ministry Defense" and "ministero della difesa russo" in chain.aliases


def test_a_bodys_country_may_be_its_capital_after_it():
    """eval/realstory (Kerch): "das Verteidigungsministerium in Moskau" was a German defence ministry of no country."""
    ((start, end, forms),) = find("Das Verteidigungsministerium in Moskau teilte mit.", "de")
    assert "Das Verteidigungsministerium in Moskau"[start:end] == "Verteidigungsministerium"
    assert signature("Russian Defence Ministry") in {signature(f) for f in forms}


def test_polish_armed_forces_of_a_country():
    """eval/realstory (Kakhovka): "Siły Zbrojne Ukrainy" had no mention."""
    ((start, end, forms),) = find("Siły Zbrojne Ukrainy odparły atak. Silny wiatr zbrojny wiał.", "pl")
    assert signature("Ukrainian forces") in {signature(f) for f in forms}


def test_a_german_body_in_small_letters_with_a_compound_name_is_one():
    """eval/realstory (Kerch): "Das nationale Ermittlungskomitee" had no mention: a lower-case first word was
    taken for a description, though the compound says three English words ("National Investigative Committee")."""
    ((start, end, forms),) = find("Das nationale Ermittlungskomitee teilte mit.", "de")
    assert "Das nationale Ermittlungskomitee teilte mit."[start:end] == "nationale Ermittlungskomitee"
    assert signature("National Investigative Committee") in {signature(f) for f in forms}
    assert find("Les services de renseignement ont agi.", "fr") == []


@pytest.mark.parametrize(("language", "text", "english"), [
    ("it", "La Croce Rossa ha chiesto l'accesso.", "Red Cross"),
    ("de", "Das Internationale Komitee vom Roten Kreuz forderte Zugang.", "International Committee of the Red Cross"),
    ("fr", "Le Comité international de la Croix-Rouge a demandé.", "International Committee of the Red Cross"),
    ("pl", "Międzynarodowy Komitet Czerwonego Krzyża zażądał.", "International Committee of the Red Cross"),
    ("de", "Die Vereinten Nationen forderten eine Untersuchung.", "United Nations"),
    ("es", "Las Naciones Unidas pidieron acceso.", "United Nations"),
    ("it", "La Repubblica Popolare di Donetsk ha accusato Kiev.", "Donetsk People's Republic"),
    ("es", "El Estado Mayor de las Fuerzas Armadas de Ucrania informó.", "Ukrainian General Staff"),
    ("de", "Der Generalstab der ukrainischen Streitkräfte meldete.", "General Staff of the Armed Forces of Ukraine"),
])
def test_international_bodies_and_republics_named_in_common_words_compare_with_their_english_names(language, text, english):
    (found,) = find(text, language)
    assert signature(english) in {signature(form) for form in found[2]}


def test_a_republic_needs_its_region_and_a_stateless_name_its_capitals():
    assert find("La Repubblica Popolare ha accusato Kiev.", "it") == []  # which republic, the text does not say
    assert find("una croce rossa sul tetto", "it") == []


def test_a_countrys_general_staff_is_its_armed_forces_and_no_other_countrys():
    assert signature("Ukrainian General Staff") == signature("Ukrainian forces") == signature("General Staff of the Armed Forces of Ukraine")
    assert signature("Russian General Staff") != signature("Ukrainian forces")
    assert signature("General Staff") != signature("forces")
