"""Names of bodies the model cuts short: "General Staff of Ukraine" seen as "Ukraine", "Prosecutor General's Office"
as "Office", "Institute for the Study of War" as "Study"."""

from __future__ import annotations

from factfile.extract.mentions import _body_phrases, _split_compound


def _spans(text: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    return [(text.index(name), text.index(name) + len(name), label) for name, label in names]


def _named(text: str, found: list[tuple[int, int, str]]) -> list[str]:
    return [f"{text[s:e]}/{label}" for s, e, label in sorted(_body_phrases(text, found))]


def test_a_body_before_of_and_a_name_is_one_name_with_it():
    text = "However, the General Staff of Ukraine stated it. Later the General Staff of the Armed Forces of Ukraine reported."
    found = _spans(text, ("Ukraine", "GPE"), ("Armed Forces of Ukraine", "ORG"))
    assert _named(text, found) == ["General Staff of Ukraine/ORG", "General Staff of the Armed Forces of Ukraine/ORG"]


def test_a_body_after_a_country_and_the_body_alone():
    text = "Ukraine’s General Staff accused Russia. The General Staff said Ukraine’s armed forces had not."
    found = _spans(text, ("Ukraine", "GPE"), ("Russia", "GPE"), ("Ukraine’s armed forces", "ORG"))
    assert _named(text, found) == ["Ukraine’s General Staff/ORG", "Russia/GPE", "General Staff/ORG", "Ukraine’s armed forces/ORG"]


def test_a_name_dangling_on_of_and_an_office_after_a_possessive():
    text = "the Prosecutor General of Ukraine said. According to the Ukrainian Prosecutor General’s office, Russia fired"
    found = _spans(
        text, ("Prosecutor General of", "ORG"), ("Ukraine", "GPE"), ("Ukrainian Prosecutor General", "ORG"), ("Russia", "GPE")
    )
    assert _named(text, found) == ["Prosecutor General of Ukraine/ORG", "Ukrainian Prosecutor General’s office/ORG", "Russia/GPE"]


def test_a_title_around_a_one_word_organisation():
    text = "Zdaniem ekspertów z Institute for the Study of War, analiza zdjęć"
    assert _named(text, _spans(text, ("Study", "ORG"))) == ["Institute for the Study of War/ORG"]
    text = "The Office will continue. While the Office could not clarify it, Kyiv did."
    assert _named(text, _spans(text, ("Office", "ORG"))) == ["Office/ORG"]


def test_names_stay_as_found_where_a_longer_name_would_cut_or_hold_another():
    text = "He said the chief of the General Staff, Gen. Valery Gerasimov, flew. Moscow Study Institute and Red Cross met."
    found = _spans(
        text, ("chief of the General Staff", "PERSON"), ("Valery Gerasimov", "PERSON"), ("Moscow", "GPE"), ("Study", "ORG")
    )
    assert _body_phrases(text, found) == sorted(found)


def test_a_possessive_before_a_head_noun_alone_is_one_name():
    text = "According to the Prosecutor General's Office, as a result"
    name = "Prosecutor General's Office"
    start = text.index(name)
    assert [text[s:e] for s, e, _ in _split_compound(text, start, start + len(name), "ORG", {})] == [name]
    text = "Trump's National Economic Council met"
    assert [text[s:e] for s, e, _ in _split_compound(text, 0, text.index(" met"), "ORG", {"Trump": "PERSON"})] == [
        "Trump",
        "National Economic Council",
    ]
