"""Statements in the languages read by word rules (extract/lang/reported_latin.py): sentences of eval/realstory's
Olenivka pages."""

from __future__ import annotations

from datetime import date

import pytest

from factfile.extract.lang import analyse
from factfile.records import Article


def _said(text: str, language: str) -> list[tuple[str | None, str, str, str]]:
    """(source's chain name, cue, content, certainty) of each statement found."""
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language, published=date(2022, 7, 30)))
    return [
        (analysis.chains[st.source_chain].name if st.source_chain is not None else None, st.cue.text, st.content.text, st.certainty)
        for st in analysis.statements
    ]


@pytest.mark.parametrize("text, language, speaker, cue", [
    ("Múltiples prisioneros murieron. Por su parte, Rusia dijo que el campo de prisioneros de Olenivka fue alcanzado por "
     "cohetes ucranianos.", "es", "Rusia", "dijo"),
    ("Die Ukraine spricht von Mord. Moskau behauptete, die Ukrainer hätten das Gefängnis in Oleniwka bombardiert.", "de", "Russia", "behauptete"),
    ("Secondo l’Ucraina, i morti sono stati almeno 40 e i feriti 75.", "it", "Ucraina", "Secondo"),
])
def test_a_state_named_alone_speaks(text, language, speaker, cue):
    found = [s for s in _said(text, language) if s[1] == cue]
    assert found and speaker in found[0][0]  # Moscow's chain goes by the state's name (extract/capitals.py)


def test_a_state_opening_a_sentence_untagged_there_is_the_speaker_the_article_names_elsewhere():
    said = _said("Ucrania dice que la prisión fue atacada por Rusia. El fiscal general de Ucrania abrió una investigación.", "es")
    assert said and said[0][:2] == ("Ucrania", "dice")


def test_a_state_whose_body_speaks_is_not_the_speaker():
    said = _said("El Estado Mayor de las Fuerzas Armadas de Ucrania dijo que los rusos volaron los cuarteles.", "es")
    assert all(source != "Ucrania" for source, *_ in said)


@pytest.mark.parametrize("text, language, speaker, content", [
    ("Andriy Kostin dijo que había abierto una investigación. Daniil Bezsonov, portavoz de la separatista República Popular "
     "de Donetsk respaldada por Rusia, dijo que el ataque había sido un golpe directo.", "es", "Daniil Bezsonov", "el ataque había sido"),
    ("L’armée ukrainienne a nié avoir effectué des tirs à Olenivka. Denis Pushilin, le chef de la république non reconnue de Donetsk, a dit que la prison comptait "
     "193 détenus.", "fr", "Denis Pushilin", "la prison comptait"),
])
def test_a_person_set_off_by_commas_before_a_verb_with_a_that_clause_is_its_subject(text, language, speaker, content):
    said = [s for s in _said(text, language) if s[2].startswith(content)]
    assert said and said[0][0] == speaker


@pytest.mark.parametrize("text, language, speaker, cue, content", [
    ("Der Anführer der Separatisten in Donezk, Denis Puschilin, sprach von 47 Toten.", "de", "Denis Puschilin", "sprach von", "47 Toten"),
    ("Der ukrainische Präsident Selenskyj warf Moskau Kriegsverbrechen vor.", "de", "Selenskyj", "warf Moskau Kriegsverbrechen vor",
     "Moskau Kriegsverbrechen"),
    ("Russland hatte angegeben, die Explosion sei durch eine Rakete verursacht worden. Die Lage in Russland ist ruhig.", "de", "Russland", "angegeben",
     "die Explosion sei durch eine Rakete verursacht worden"),
    ("Dmytro Łubinec poinformował w piątek o ciałach. Rosyjskie ministerstwo obrony poinformowało, że w ataku zginęło 40 więźniów.",
     "pl", None, "poinformowało", "w ataku zginęło 40 więźniów"),
])
def test_german_and_polish_cues_news_writes(text, language, speaker, cue, content):
    said = [s for s in _said(text, language) if s[1] == cue]
    assert said and said[0][2] == content and (speaker is None or said[0][0] == speaker)


def test_a_conditional_modal_hedges_a_content():
    said = _said("Daniil Bezsonov dijo que el número de muertos podría aumentar.", "es")
    assert said and said[0][3] == "hedged"


def test_as_a_body_noted_is_an_according_to_phrase_and_a_quotation_asserted_in_a_statement_is_its_issuers():
    said = _said("Как отметили в Минобороны РФ, два года назад погибло 50 пленных украинцев, еще 73 были ранены.", "ru")
    assert said and said[0][:3] == ("Минобороны РФ", "Как отметили", "два года назад погибло 50 пленных украинцев, еще 73 были ранены")
    said = _said(
        "Об ударе заявил Игорь Конашенков. «Погибло 40 и ранено 75 военнопленных украинцев», — утверждалось в заявлении.", "ru"
    )
    assert [s[:2] for s in said if s[1] == "утверждалось"] == [("Игорь Конашенков", "утверждалось")]


def test_as_the_general_staff_informed_is_an_according_to_phrase_naming_the_staff_by_its_two_words():
    said = _said("Come ha informato lo stato maggiore delle forze armate ucraine, l’esercito russo ha sparato contro la colonia.", "it")
    assert said and said[0][1] == "Come ha informato" and said[0][2].startswith("l’esercito russo ha sparato")


def test_an_adverb_inside_a_french_compound_denial():
    said = _said("Les autorités ukrainiennes ont cependant nié toute implication dans l’attaque.", "fr")
    assert said and said[0][1] == "ont cependant nié" and said[0][3] == "denied"


def test_a_topic_before_a_russian_verb_puts_its_source_after_it():
    said = _said("Еще раньше об ударе сообщили представители ДНР.", "ru")
    assert said and said[0][1] == "сообщили" and "ДНР" in (said[0][0] or "")


def test_unnamed_sources_in_a_body_relay_its_claim_second_hand():
    said = _said("Нічна атака на Кримський міст була спецоперацією ЗСУ. Про це «РБК-Україна» повідомили джерела в СБУ.", "uk")
    assert [s[3] for s in said if s[1] == "повідомили"] == ["hedged"]

