"""The English shortcut of language detection agrees with lingua, and leaves other languages to it."""

from __future__ import annotations

import pytest

from conftest import PAGES, SEED
from factfile.ingest import language, read_items, to_article
from factfile.records import Rejection

OTHERS = {
    "nl": "De regering heeft gisteren besloten dat het nieuwe plan voor de haven van Rotterdam was uitgesteld, "
    "omdat de kosten te hoog zijn. Het is nog niet duidelijk of de minister het voorstel opnieuw zal indienen. ",
    "de": "Die Regierung hat am Dienstag beschlossen, dass der neue Plan für den Hafen verschoben wird, weil "
    "die Kosten zu hoch sind. Es ist noch nicht klar, ob der Minister den Vorschlag erneut vorlegen wird. ",
    "it": "Il governo ha deciso ieri che il nuovo piano per il porto di Genova sarà rinviato, perché i costi "
    "sono troppo alti. Non è ancora chiaro se il ministro presenterà di nuovo la proposta al parlamento. ",
    "id": "Pemerintah memutuskan kemarin bahwa rencana baru untuk pelabuhan Jakarta ditunda karena biayanya "
    "terlalu tinggi. Belum jelas apakah menteri akan mengajukan usulan itu lagi kepada parlemen minggu depan. ",
    "es": "El gobierno decidió ayer que el nuevo plan para el puerto de Valencia se aplazará, porque los costes "
    "son demasiado altos. Todavía no está claro si el ministro volverá a presentar la propuesta. ",
}


def _lingua(text: str) -> str | None:
    found = language._detector().detect_language_of(text[:3000])
    return found.iso_code_639_1.name.lower() if found is not None else None


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_other_languages_go_to_lingua(code):
    text = OTHERS[code] * 8
    assert not language.plainly_english(text[:3000])
    assert language.detect_language(text) == _lingua(text) == code


def test_shortcut_agrees_with_lingua_on_english_articles():
    inputs = [str(SEED), *(str(p["path"]) for p in PAGES.values())]
    texts = [to_article(item).text for item in read_items(inputs) if not isinstance(item, Rejection)]
    assert len(texts) == 4
    for text in texts:
        assert language.detect_language(text) == _lingua(text) == "en"
    assert sum(language.plainly_english(text[:3000]) for text in texts) >= 3


def test_short_or_accented_english_goes_to_lingua():
    assert not language.plainly_english("The minister said that the plan was delayed.")
    assert language.detect_language("The minister said that the plan was delayed by the government.") == "en"


ACLED_NOTES = [
    "On 13 February 2022, 2 children were wounded by a bomb in the Bazar area of Nahr-i-Saraj district, Helmand. "
    "It's unclear who planted the bomb.",
    "On 27 March 2022, a tractor with an Azerbaijani civilian in it hit a landmine in the Ağdam region while carrying "
    "out construction work in the territory.",
]


@pytest.mark.parametrize("text", ACLED_NOTES)
def test_short_english_reports_full_of_names_are_english(text):
    assert language.detect_language(text) == "en"


def test_a_language_without_word_frequencies_stores_every_document(tmp_path, monkeypatch):
    """wordfreq has no word list for Tsonga: a document detected as Tsonga is stored, and so is every one after it."""
    from typer.testing import CliRunner

    from factfile.cli import app
    from factfile.ingest import article

    monkeypatch.setattr(article, "detect_language", lambda text: "ts")
    inputs = [str(SEED), *(str(p["path"]) for p in PAGES.values())]
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "ts.db"), "ingest", *inputs])
    assert result.exit_code == 0, result.stderr
    assert "stored 4" in result.stderr and "rejected 0" in result.stderr, result.stderr


def test_a_short_report_in_lower_case_english_is_not_bokmal():
    text = "On 17 May 2022, ADF rebels killed a young man in or around Bamande (Walese Vonkutu, Irumu, Ituri)."
    assert _lingua(text) != "en"  # lingua alone calls it Bokmål
    assert language.english_words(text)
    assert language.detect_language(text) == "en"


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_short_texts_in_other_languages_are_not_english_words(code):
    first = OTHERS[code].split(". ")[0]
    assert not language.english_words(first)
    assert language.detect_language(first) == code
