"""A country's armed forces in the words each language has for them: forces, army, troops, military, soldiers,
in their plurals and case forms, before or after the country's adjective."""

from __future__ import annotations

import pytest

from factfile.extract.lang import forces


@pytest.mark.parametrize(
    ("language", "text", "named"),
    [
        (
            "fr",
            "Les forces russes ont nié, les forces armées ukrainiennes aussi.",
            ["forces russes", "forces armées ukrainiennes"],
        ),
        ("es", "Los militares rusos atacaron; las fuerzas ucranianas respondieron.", ["militares rusos", "fuerzas ucranianas"]),
        ("it", "Le forze russe hanno colpito.", ["forze russe"]),
        (
            "de",
            "Das russische Militär und den russischen Streitkräften zufolge die russischen Kräfte.",
            ["russische Militär", "russischen Streitkräften", "russischen Kräfte"],
        ),
        (
            "pl",
            "Wojska rosyjskie zaatakowały. Według rosyjskiego wojska i wojsk rosyjskich.",
            ["Wojska rosyjskie", "rosyjskiego wojska", "wojsk rosyjskich"],
        ),
        ("cs", "Ruská armáda a ruské síly zaútočily.", ["Ruská armáda", "ruské síly"]),
    ],
)
def test_forces_troops_and_soldiers_of_a_country(language, text, named):
    found = forces.find(text, language)
    assert [text[s:e] for s, e, _ in found] == named
    assert {country for _, _, country in found} <= {"Russia", "Ukraine"}


def test_forces_of_no_country_are_no_actor():
    assert forces.find("Die politischen Kräfte und die Truppen marschierten.", "de") == []
    assert forces.country_of_adjective("rosyjskich", "pl") == "Russia"


def test_a_word_after_forces_that_is_no_countrys_adjective():
    assert forces.find("Les forces armées ont tiré.", "fr") == []
    assert forces.find("Nie mają sił na to.", "pl") == []


@pytest.mark.parametrize(
    ("language", "text", "english"),
    [
        ("ru", "Вокзал обстреляли российские военные.", "Russian Military"),
        ("ru", "Об этом сообщили российским оккупантам.", "Russian Occupiers"),
        ("ru", "Спасибо украинским вооружённым силам.", "Ukrainian Armed Forces"),
        ("uk", "Вокзал обстріляли російські сили.", "Russian Forces"),
    ],
)
def test_a_countrys_forces_in_small_letters_in_russian_and_ukrainian(language, text, english):
    from factfile.extract.lang import analyse
    from factfile.records import Article

    analysis = analyse(Article(origin="t", text=text, content_hash=language + text[:9], language=language))
    assert any(english in chain.aliases and chain.label == "ORG" for chain in analysis.chains)
