"""Bodies every state has (its police, railways, prosecutor's office), which the press of other languages names by
the country alone ("ukraińska policja", "Ferrovie ucraine"): found and translated word by word (lang/bodies.py)."""

from __future__ import annotations

from factfile.extract.lang.bodies import find
from factfile.extract.names import signature


def _found(text: str, language: str) -> dict[str, list[str]]:
    return {text[start:end]: forms for start, end, forms in find(text, language)}


def test_a_police_or_a_railway_named_by_its_country_is_that_countrys():
    """eval/realstory (Kramatorsk): "ukraińska policja", "Koleje Ukraińskie", "ferrocarriles ucranianos" named no actor."""
    assert _found("Według ukraińska policja podała, że", "pl") == {"ukraińska policja": ["Ukrainian Police"]}
    assert _found("Koleje Ukraińskie podały", "pl") == {"Koleje Ukraińskie": ["Ukrainian Railways"]}
    assert _found("los ferrocarriles ucranianos informaron", "es") == {"ferrocarriles ucranianos": ["Ukrainian Railways"]}


def test_words_the_english_name_leaves_out_stay_in_the_name():
    """"compagnie ferroviaire ukrainienne" is Ukraine's railways, as English writes them."""
    assert _found("la compagnie ferroviaire ukrainienne a dit", "fr") == {"compagnie ferroviaire ukrainienne": ["Ukrainian Railways"]}


def test_a_police_without_its_country_is_no_one():
    """"la polizia" alone is every state's: no name."""
    assert _found("la polizia ha detto", "it") == {}


def test_a_prosecutors_office_reads_as_the_english_name():
    """eval/realstory (Olenivka): "Prokuratury Generalnej Ukrainy" against "Prosecutor General's Office"."""
    (forms,) = _found("według Prokuratury Generalnej Ukrainy", "pl").values()
    assert signature(forms[0]) == signature("Ukrainian Prosecutor General's Office")
