"""East Slavic names as the Polish, Czech, Slovak, German and French press writes them, and a man's name in
a Slavic case form joining its nominative's record (real coverage: "Władimira Putina" was no one's name,
"Zełenskiego" an organisation of its own)."""

from __future__ import annotations

from ingested import actor_of_mentions

from factfile.extract.gender import first_name_gender, first_name_nominative
from factfile.extract.lang import analyse
from factfile.extract.lang.latin import _nominative
from factfile.extract.lang.romanize import foreign_spelling, foreign_spellings
from factfile.records import Article


def test_each_language_spells_a_cyrillic_first_name_by_its_own_rules():
    assert [foreign_spelling("Владимир", lang) for lang in ("pl", "cs", "sk", "de", "fr")] == [
        "Władimir",
        "Vladimir",
        "Vladimir",
        "Wladimir",
        "Vladimir",
    ]
    assert [foreign_spelling("Сергей", lang) for lang in ("pl", "cs", "de", "fr")] == ["Siergiej", "Sergej", "Sergej", "Sergueï"]
    assert [foreign_spelling("Дмитрий", lang) for lang in ("pl", "cs", "de", "fr")] == ["Dmitrij", "Dmitrij", "Dmitri", "Dmitri"]
    assert foreign_spelling("Евгений", "fr") == "Evgueni" and foreign_spelling("Вячеслав", "pl") == "Wiaczesław"
    assert (
        foreign_spelling("Володимир", "pl", ukrainian=True) == "Wołodymyr"
        and foreign_spelling("Олег", "cs", ukrainian=True) == "Oleh"
    )


def test_foreign_spellings_and_case_forms_are_first_names():
    for first in ("Władimir", "Wołodymyr", "Dmitrij", "Siergiej", "Jewgienij", "Sergueï", "Evgueni", "Władimira", "Dmytrowi"):
        assert first_name_gender(f"{first} Kowalski") == "male", first
    assert first_name_nominative("Władimira") == "Władimir" and first_name_nominative("Siergiejowi") == "Siergiej"
    assert first_name_nominative("Dmytra") == "Dmytro" and first_name_nominative("Władimir") is None


def test_a_mans_name_in_a_case_form_has_its_nominative():
    assert _nominative(["Władimira", "Putina"]) == "Władimir Putin"
    assert _nominative(["Wołodymyra", "Zełenskiego"]) == "Wołodymyr Zełenski"
    assert _nominative(["Zelenského"]) == "Zelenský" and _nominative(["Zełenskiemu"]) == "Zełenski"
    assert _nominative(["Aleksandrom", "Bastrikinom"]) == "Aleksandr Bastrikin"
    assert _nominative(["Zełenski"]) is None


def test_declined_polish_and_czech_names_join_the_english_record(tmp_path):
    pages = {
        "en.txt": "Russian President Vladimir Putin met Ukrainian President Volodymyr Zelensky. Putin said the talks went well.",
        "pl.txt": "Rosja oskarżyła Ukrainę o próbę zamachu na prezydenta Władimira Putina. Prezydent Ukrainy Wołodymyr "
        "Zełenski zaprzeczył. Zełenskiego nie było w Kijowie.",
        "cs.txt": "Rusko obvinilo Ukrajinu z pokusu o atentát na prezidenta Vladimira Putina. Putin nebyl v budově. "
        "Ukrajinský prezident Volodymyr Zelenskyj to popřel. Zelenského úřad to odmítl.",
    }
    actor = actor_of_mentions(tmp_path, pages)
    assert actor["Władimira Putina"] == actor["Vladimira Putina"] == actor["Vladimir Putin"]
    assert actor["Zełenskiego"] == actor["Zelenského"] == actor["Wołodymyr Zełenski"] == actor["Volodymyr Zelensky"]


def test_german_spells_a_greek_name_its_own_way_and_a_first_name_ending_in_er_is_kept():
    """Kramatorsk: "Olexander Hontscharenko" was lost, "Olexander" read as a German noun in "-er"."""
    assert foreign_spellings("Олександр", "de", ukrainian=True) == ["Oleksandr", "Olexander"]
    assert foreign_spellings("Алексей", "de") == ["Aleksej", "Alexej"]
    text = "Der Bürgermeister von Kramatorsk, Olexander Hontscharenko, sagte, es gebe viele Tote."
    analysis = analyse(Article(origin="t", text=text, content_hash="de", language="de"))
    assert [c.name for c in analysis.chains if c.label == "PERSON"] == ["Olexander Hontscharenko"]
