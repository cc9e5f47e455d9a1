"""A body's contracted name ("Генпрокуратура") and its full name with the country in one Russian article."""

from __future__ import annotations

from ingested import actor_of_mentions

from factfile.extract.lang import analyse
from factfile.records import Article


def _chain_of(text: str, language: str = "ru") -> dict[str, str | None]:
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language))
    return {m.span.text: analysis.chains[m.chain].name if m.chain is not None else None for m in analysis.mentions}


def test_a_contracted_body_name_is_the_body_the_article_names_with_its_country():
    """eval/realstory (Wagner): "Генпрокуратуры" and "Генеральная прокуратура РФ" were two records."""
    found = _chain_of("Генеральная прокуратура РФ начала проверку. Как сообщили в Генпрокуратуре, проверка займёт неделю.")
    assert found["Генеральная прокуратура РФ"] == found["Генпрокуратуре"]


def test_a_compound_of_the_countrys_syllable_is_translated_and_romanised():
    """eval/realstory (Kramatorsk): "Укрзалізниця" (Ukr- + railway) never met "Ferrovie ucraine" or "Koleje Ukraińskie"."""
    analysis = analyse(Article(origin="test", text="Як повідомила Укрзалізниця, поїзди ходять. У Укрзалізниці заявили, що все добре.", content_hash="uz", language="uk"))
    (chain,) = analysis.chains
    assert {"Ukrainian Railways", "Ukrzaliznytsia"} <= set(chain.aliases)


def test_a_body_known_by_one_rare_word_joins_the_body_an_article_names_in_full_with_it(tmp_path):
    """eval/realstory (Wagner): "Генпрокуратура" of one article stayed apart from "Генеральная прокуратура РФ", which
    another article also calls "Генпрокуратура"."""
    pages = {
        "a.txt": "Генпрокуратура начала проверку после мятежа. Генпрокуратура сообщила об этом в среду.",
        "b.txt": "Генеральная прокуратура РФ начала проверку. Как сообщили в Генпрокуратуре, проверка займёт неделю.",
    }
    found = actor_of_mentions(tmp_path, pages)
    assert found["Генпрокуратура"] == found["Генеральная прокуратура РФ"]
