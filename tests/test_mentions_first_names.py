"""A surname the model found without its first name: "Kramatorsk Mayor Oleksandr Honcharenko" as "Honcharenko"."""

from __future__ import annotations

from factfile.extract.mentions import _first_names_before


def _spans(text: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    return [(text.index(name), text.index(name) + len(name), label) for name, label in names]


def test_a_rare_first_name_before_a_lone_surname_joins_it():
    text = "After the attack, Kramatorsk Mayor Oleksandr Honcharenko said buses were running. Volodymyr Zelenskiy spoke."
    found = _spans(text, ("Kramatorsk", "GPE"), ("Honcharenko", "PERSON"), ("Zelenskiy", "ORG"))
    assert [text[s:e] + "/" + label for s, e, label in _first_names_before(text, found)] == [
        "Kramatorsk/GPE",
        "Oleksandr Honcharenko/PERSON",
        "Volodymyr Zelenskiy/PERSON",
    ]


def test_an_ordinary_word_or_a_named_word_before_a_surname_stays_apart():
    text = "Will Zelensky travel? The Mayor Oleksandr Honcharenko office said so."
    found = _spans(text, ("Zelensky", "PERSON"), ("Mayor Oleksandr", "ORG"), ("Honcharenko", "PERSON"))
    assert _first_names_before(text, found) == found
