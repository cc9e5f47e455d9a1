"""Cyrillic names' comparison keys and mentions: Ukrainian spelling marks and lowercase state names."""

from __future__ import annotations

from factfile.extract.names import content_words, latin_key, signature, sound
from factfile.relate.actors import NameKeys


def test_soft_sign_and_apostrophe_do_not_cut_a_name_in_two():
    assert latin_key("Зеленський") == "zelenskij" == latin_key("Зеленский")
    assert content_words("Володимир Зеленський") == ["volodimir", "zelenskij"]
    assert signature("В'ячеслав Гладков", person=True) == signature("Вячеслав Гладков", person=True)
    assert sound("Зеленський") == sound("Zelensky")
    assert NameKeys.of("Володимир Зеленський", "person").surname == "zelenskij"


def test_a_state_written_in_small_letters_is_a_mention_of_it():
    from factfile.extract.lang import analyse
    from factfile.records import Article

    text = (
        "Сьогодні росія знову обстріляла Харків. За даними ОВА, росія застосувала ракети. Того ж дня мали відбутися переговори."
    )
    analysis = analyse(Article(origin="t", text=text, content_hash="uk", language="uk"))
    states = [m.span.text for m in analysis.mentions if m.label == "GPE"]
    assert states.count("росія") == 2
    assert not any(m.span.text in ("Того", "мали") for m in analysis.mentions)
    cargo = analyse(Article(origin="t", text="Из россии везли много груза в Крым.", content_hash="ru2", language="ru"))
    assert [m.span.text for m in cargo.mentions if m.label == "GPE" and m.span.text.islower()] == ["россии"]


def test_a_peoples_republic_named_in_russian_is_a_body_named_after_its_city():
    from factfile.extract.lang import analyse
    from factfile.extract.lang.romanize import place_of_adjective
    from factfile.records import Article

    assert place_of_adjective("донецкий") == place_of_adjective("донецький") == "Donetsk"
    assert place_of_adjective("российский") is None and place_of_adjective("военный") is None
    text = "Власти Донецкой народной республики заявили об обстреле. В ДНР погибли люди."
    analysis = analyse(Article(origin="t", text=text, content_hash="ru-dnr", language="ru"))
    (chain,) = [c for c in analysis.chains if "ДНР" in c.aliases]
    assert chain.label == "ORG" and "Donetsk People's Republic" in chain.aliases
