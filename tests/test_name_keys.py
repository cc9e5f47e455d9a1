"""relate/fingerprints.name_keys: the names, numbers and dates a translation keeps, read alike in every script."""

import pytest

from factfile.relate.fingerprints import name_key, name_keys

DAY = ["24", "m6", "2023"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("il 24 giugno 2023", "it"),
        ("w dniu 24 czerwca 2023", "pl"),
        ("em 24 de junho de 2023", "pt"),
        ("op 24 juni 2023", "nl"),
        ("στις 24 Ιουνίου 2023", "el"),
        ("في ٢٤ يونيو ٢٠٢٣", "ar"),
        ("24 июня 2023 года", "ru"),
    ],
)
def test_a_date_reads_the_same_in_every_language_and_script(text, language):
    assert name_keys(text, language) == DAY


def test_a_month_in_another_case_is_that_month():
    assert name_keys("в июне", "ru") == name_keys("у червні", "uk") == name_keys("w czerwcu", "pl") == ["m6"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("the mayor said the march would go on", "en"),
        ("майор сказал", "ru"),
        ("la maison mais", "fr"),
        ("el mayor de ellos", "es"),
    ],
)
def test_a_word_that_begins_like_a_month_is_none(text, language):
    assert name_keys(text, language) == []


def test_an_abbreviated_month_counts_beside_a_day_only():
    assert name_keys("Saturday, Oct. 8, 2022", "en") == ["m10", "8", "2022"]
    assert name_keys("he met Jan Nowak", "en") == [name_key("Jan"), name_key("Nowak")]


def test_a_month_written_alone_as_its_language_writes_it():
    assert name_keys("talks resumed in June", "en") == ["m6"]
    assert name_keys("переговоры в июне", "ru") == ["m6"]
    assert name_keys("مارس الضغط", "ar") == []  # "practised" as much as "March": an uncased month needs a number


@pytest.mark.parametrize(
    ("greek", "latin"),
    [("Βάγκνερ", "Wagner"), ("Μπάιντεν", "Biden"), ("Πριγκόζιν", "Prigozhin"), ("Ντονάλντ", "Donald")],
)
def test_a_foreign_name_in_greek_letters_keys_as_in_latin(greek, latin):
    assert name_key(greek) == name_key(latin)


def test_a_number_in_arabic_digits_with_its_thousands_separator_is_its_value():
    assert name_keys("١٦٬٠٠٠ شخص", "ar") == name_keys("16,000 people", "en") == ["16"]
