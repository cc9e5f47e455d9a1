"""A ministry called by its field ("оборонное ведомство") is the ministry of that field the article names."""

from __future__ import annotations

from factfile.extract.lang import analyse
from factfile.records import Article


def _chains(text: str, language: str = "ru") -> dict[str, str | None]:
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language))
    return {m.span.text: analysis.chains[m.chain].name if m.chain is not None else None for m in analysis.mentions}


def test_the_field_department_is_the_ministry_named_before_it_and_of_the_country_it_gives():
    found = _chains(
        "Министерство обороны России сообщило об ударе. В российском оборонном ведомстве заявили, что всё идёт по плану. "
        "Минобороны Украины это отрицает. Представитель оборонного ведомства отказался."
    )
    assert found["российском оборонном ведомстве"] == "Министерство обороны России"
    assert found["оборонного ведомства"] == found["Минобороны Украины"]


def test_a_ukrainian_article_and_no_ministry_of_that_field():
    assert (
        _chains("Міноборони України повідомило про удар. У оборонному відомстві заявили, що все.", "uk")["оборонному відомстві"]
        == (
            _chains("Міноборони України повідомило про удар. У оборонному відомстві заявили, що все.", "uk")["Міноборони України"]
        )
    )
    found = _chains(
        "Министерство обороны России сообщило об ударе. Во внешнеполитическом ведомстве промолчали. Военные ведомства молчат."
    )
    assert "внешнеполитическом ведомстве" not in found and "Военные ведомства" not in found


def test_a_bodys_noun_before_an_organisation_is_its_body_and_alone_the_nearest_such_body():
    found = _chains(
        "Генеральний штаб ЗСУ повідомив, що росіяни самі. Про це йдеться у заяві генштабу. Прокуратура почала розслідування.",
        "uk",
    )
    assert found["Генеральний штаб ЗСУ"] == found["ЗСУ"] == found["генштабу"]
    assert "Прокуратура" not in found
    found = _chains("В генштабе ВСУ в обстреле колонии обвинили Россию.")
    assert found["генштабе ВСУ"] == found["ВСУ"]
