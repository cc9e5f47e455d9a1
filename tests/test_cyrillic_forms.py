"""How Russian and Ukrainian articles name key actors beyond their names (extract/lang): titles,
group names after their kind, a group's fighters. Cases from eval/realstory (Wagner's pages)."""

from __future__ import annotations

import pytest

from factfile.extract.lang import analyse
from factfile.extract.lang.romanize import translated
from factfile.records import Article


def _mentions(text: str, language: str = "ru") -> dict[str, tuple[str, str]]:
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language))
    return {m.span.text: (analysis.chains[m.chain].name if m.chain is not None else None, m.role) for m in analysis.mentions}


def test_a_titled_name_is_one_span_and_the_title_alone_is_the_same_person():
    found = _mentions("Как заявил пресс-секретарь президента России Дмитрий Песков, Путин в курсе. "
                      "Официальный представитель Кремля Дмитрий Песков отметил это. Представитель Кремля также сказал, "
                      "что пресс-секретарь президента России ответит позже.")
    assert found["пресс-секретарь президента России Дмитрий Песков"] == ("Дмитрий Песков", "description")
    assert found["Официальный представитель Кремля Дмитрий Песков"] == ("Дмитрий Песков", "description")
    assert found["Представитель Кремля"] == ("Дмитрий Песков", "description")
    assert found["пресс-секретарь президента России"] == ("Дмитрий Песков", "description")


def test_a_title_the_article_gives_two_people_is_no_ones():
    found = _mentions("Министр обороны России Сергей Шойгу прибыл. Позже министр обороны России Андрей Белоусов сказал, "
                      "что министр обороны России уедет.")
    assert "министр обороны России" not in found


def test_a_ukrainian_title_before_a_name():
    found = _mentions("Про це заявив офіційний представник Пентагону Патрік Райдер.", "uk")
    assert found["офіційний представник Пентагону Патрік Райдер"] == ("Патрік Райдер", "description")


def test_a_group_named_after_its_kind_without_quotes_and_the_person_after_it():
    found = _mentions("Прокуратура возбудила дело после заявлений основателя ЧВК Вагнер Евгения Пригожина. Бойцы ЧВК Вагнера ушли.")
    assert found["ЧВК Вагнер"] == ("Вагнер", "name")
    assert found["ЧВК Вагнера"] == ("Вагнер", "name")
    assert found["Евгения Пригожина"] == ("Евгений Пригожин", "name")
    chains = _chains("Половина людей підтримали ватажка ПВК Євгенія Пригожина.", "uk")
    assert [c.label for c in chains.values()] == ["PERSON"]
    assert "Yevgeny Prigozhin" in next(iter(chains.values())).aliases


def test_a_groups_fighters_are_the_group_when_the_article_names_it():
    found = _mentions("Бойцы ЧВК «Вагнер» вошли в Ростов. Во время мятежа вагнеровцы уничтожили 7 единиц техники. "
                      "ЧВКшники ушли. Кадыровцы стояли.")
    assert found["вагнеровцы"] == ("Вагнер", "description")
    assert found["ЧВКшники"] == ("Вагнер", "description")
    assert "Кадыровцы" not in found or found["Кадыровцы"][0] != "Вагнер"
    found = _mentions("Під час заколоту ПВК «Вагнер» вагнерівці знищили 7 одиниць техніки.", "uk")
    assert found["вагнерівці"] == ("Вагнер", "description")
    alone = analyse(Article(origin="test", text="Во время мятежа вагнеровцы уничтожили 7 единиц техники.", content_hash="alone", language="ru"))
    assert [(c.name, c.known_only) for c in alone.chains if c.mentions] == [("Вагнер", True)]  # joins a stored Wagner or none
    found = _mentions("«Вагнерівці» збили літак Іл-22М. Під час заколоту ПВК «Вагнер» рухалася на Москву.", "uk")
    assert found["Вагнерівці"] == ("Вагнер", "description")  # the name finder's own name for the word joins the group


def test_the_titled_person_goes_by_the_office_and_an_office_with_no_holder_is_left_alone():
    text = ("Переговоры провёл президент Белоруссии Александр Лукашенко. Украинским лидером Владимиром Зеленским "
            "это не обсуждалось. Белорусский лидер сказал, что представитель Кремля в курсе.")
    analysis = analyse(Article(origin="test", text=text, content_hash="t", language="ru"))
    chains = {c.name: c for c in analysis.chains}
    assert "президент Белоруссии" in chains["Александр Лукашенко"].aliases
    assert "украинский лидер" in [a.casefold() for a in chains["Владимир Зеленский"].aliases]
    found = _mentions(text)
    # the Belarusian leader is the president of Belarus the article names, not Zelensky (another nationality)
    assert found["Белорусский лидер"] == ("Александр Лукашенко", "description")
    assert found["представитель Кремля"] == ("представитель Кремля", "description")  # its own, joined only by exact name
    alone = {c.name for c in analysis.chains if c.offices}
    assert "представитель Кремля" in alone and "Белорусский лидер" not in alone


def _chains(text: str, language: str = "ru") -> dict[str, object]:
    return {c.name: c for c in analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language)).chains}


def test_an_institutions_words_make_an_organisation_not_a_person():
    chains = _chains("Але поки що ані Пригожин, ані Міноборони Росії це не коментували.", "uk")
    assert chains["Міноборони Росії"].label == "ORG"
    assert "Russian Defense Ministry" in chains["Міноборони Росії"].aliases


def test_mo_before_a_country_is_the_defence_ministry_and_alone_is_not():
    assert "Russian Defense Ministry" in _chains("Сведения о нанесении МО РФ удара по лагерям ложны.")["МО РФ"].aliases
    assert translated(["мо"]) is None


def test_a_descriptive_name_goes_by_its_initials():
    chains = _chains("Федеральная служба безопасности России возбудила уголовное дело.")
    assert "ФСБ" in chains["Федеральная служба безопасности России"].aliases


def test_a_place_the_model_ran_into_a_persons_name_is_cut_off():
    """eval/realstory (Kakhovka): "Нової Каховки Володимира Леонтьєва" was one person."""
    found = _mentions("Це відповідь на заяву гауляйтера Нової Каховки Володимира Леонтьєва.", "uk")
    assert found["Володимира Леонтьєва"][0] == "Володимир Леонтьєв"
    assert "Нової Каховки Володимира Леонтьєва" not in found


def test_story_name_terms_hear_one_name_in_the_presss_spellings():
    """eval/realstory (Wagner): the French pages ("Evguéni Prigojine") made a story of their own."""
    from factfile.relate.stories import name_term

    assert {name_term(w, lang) for w, lang in [("Prigozhin", "en"), ("Пригожина", "ru"), ("Prigoschin", "de"),
                                               ("Prigojine", "fr"), ("Prigožin", "sl")]} == {"~prgs"}
    assert {name_term(w, lang) for w, lang in [("Yevgeny", "en"), ("Evguéni", "fr"), ("Jewgeni", "de"), ("Євген", "uk")]} == {"~avgn"}
    assert name_term("Kachowka", "de") == name_term("Kakhovka", "en")  # German "ch" is no hissing sound


def test_a_heads_of_state_press_service_speaks_for_the_state():
    found = _mentions("Президент Белоруссии Александр Лукашенко провел переговоры. Об этом сообщает пресс-служба президента "
                      "Белоруссии. Об этом говорится в сообщении пресс-службы Лукашенко. Пресс-служба губернатора ответила.")
    assert found["пресс-служба президента Белоруссии"] == ("Белоруссия", "description")
    assert found["пресс-службы Лукашенко"] == ("Белоруссия", "description")
    assert not any(text.startswith("Пресс-служба губернатора") for text in found)
    ukrainian = _mentions("Про це повідомляє прес-служба глави Білорусі. Президент Білорусі Олександр Лукашенко провів переговори.", "uk")
    assert ukrainian["прес-служба глави Білорусі"] == ("Belarus", "description")


def test_a_countrys_army_written_with_the_country_after_it_is_its_armed_forces():
    found = _mentions("Крім нього армія РФ під час заколоту втратила три вертольоти.", "uk")
    assert found["армія РФ"] == ("армія РФ", "name")
    analysis = analyse(Article(origin="test", text="Він сказав, що втрати армії РФ зросли.", content_hash="army", language="uk"))
    assert "Russian Army" in next(c for c in analysis.chains if c.name == "армія РФ").aliases
    assert "Austria" not in {c.name for c in analysis.chains}  # "Він сказав" (he said) is no capital that acts


def test_a_capital_that_acts_is_its_state():
    found = _mentions("По словам Пескова, таким образом Киев попытался отвлечь внимание. Он вырос в центре Киева.")
    assert found["Киев"] == ("Ukraine", "description") and found["Киева"] == ("Киев", "name")


@pytest.mark.parametrize(
    ("text", "language", "capital"),
    [  # eval/realstory (Kerch, Kakhovka)
        ("Ранее причастность Киева к этому взрыву косвенно признала замминистра обороны.", "ru", "Киева"),
        ("Берег Днепра остается под контролем Киева.", "ru", "Киева"),
        ("Росіяни хотіли підірвати греблю і звинуватити у наслідках Київ.", "uk", "Київ"),
    ],
)
def test_a_capital_that_holds_answers_for_or_is_accused_is_its_state(text, language, capital):
    found = _mentions(text, language)
    assert found[capital] == ("Ukraine", "description")
    assert _mentions("Туристы гуляли по улицам Киева.")["Киева"] == ("Киев", "name")


def test_names_written_in_small_letters():
    found = _mentions("путін припустився помилки. Регіони підтримали бунт євгена пригожина, а 21 регіон — політику "
                      "володимира путіна. Половина росії підтримала пригожина, половина — путіна.", "uk")
    assert found["володимира путіна"] == found["путін"] == found["путіна"] == ("володимир путін", "name")
    assert found["пригожина"] == found["євгена пригожина"] == ("євген пригожин", "name")
    assert found["росії"] == ("росія", "name") and "політику" not in found  # the state in small letters, no person
    assert "нашите врагове" not in _mentions("Всякакви разпри, от които се възползват нашите врагове.")  # Bulgarian, guessed


@pytest.mark.parametrize(
    "lemmas, english",
    [(["национальный", "антитеррористический", "комитет"], "National Anti-Terrorism Committee"),
     (["мчс", "россия"], "Russian Ministry of Emergency Situations"),
     (["центр", "общественный", "связь"], "Centre for Public Relations")],
)
def test_state_bodies_translate_word_by_word_to_their_english_names(lemmas, english):
    """eval/realstory (Kerch): "Национальный антитеррористический комитет" and "National Anti-Terrorism Committee" were two actors."""
    from factfile.extract.names import signature

    assert signature(translated(lemmas) or "") == signature(english)


def test_a_name_stops_at_a_line_break_and_at_the_next_persons_first_name():
    """eval/realstory (Kakhovka uk, Kerch ru): "Олександр Прокудін\\n\\nСтаном" and a page's tag list
    "Алексей Данилов Михаил Подоляк" were each one person."""
    found = _mentions("Про це 7 червня повідомив начальник Херсонської ОВА Олександр Прокудін\n\nСтаном на 6:00 було евакуйовано людей.", "uk")
    assert found["Олександр Прокудін"][0] == "Олександр Прокудін"
    found = _mentions("Алексей Данилов Михаил Подоляк Россия Украина Крым происшествия закон общество.\n\nПодоляк: Крымский мост — это начало.")
    assert found["Алексей Данилов"][0] == "Алексей Данилов"
    assert found["Михаил Подоляк"][0] == found["Подоляк"][0] == "Михаил Подоляк"


def test_a_bodys_acronym_carries_its_countrys_letter():
    """eval/realstory (Kerch): "SBU"/"СБУ" and "Security Service of Ukraine" were two actors, "СК РФ" and "СКР" two."""
    chains = _chains("Про це повідомила Служба безпеки України. Як заявили у Збройних силах України, удар завдано вночі.", "uk")
    assert {"СБУ", "SBU"} <= set(chains["Служба безпеки України"].aliases)
    assert "ЗСУ" in chains["Збройний сила України"].aliases
    assert "СКР" in _chains("В СК РФ возбудили дело.")["СК РФ"].aliases


def test_one_bodys_name_with_two_countries_is_two_bodies():
    """A larger store joined "ЗС РФ" (Russia's armed forces) to Ukraine's: the chain key left the country out."""
    chains = _chains("Генштаб ЗС України заявив, що ЗС РФ відступили. ЗС атакували.", "uk")
    assert "ЗС РФ" not in chains["ЗС України"].aliases and "Armed Forces Russia" not in chains["ЗС України"].aliases
    assert "Armed Forces Ukraine" not in chains["ЗС РФ"].aliases
    found = _mentions("В СК РФ возбудили дело, сообщили в СК.")
    assert found["СК"][0] == found["СК РФ"][0] == "СК РФ"  # the body of the one country the article gives it


def test_a_body_named_with_the_ministry_it_belongs_to_is_one_name_and_keeps_its_own():
    """eval/realstory (Kerch): "Главное управление разведки минобороны Украины" was cut before the ministry
    (in small letters or not), declined "Главное управления разведки", and never met "ГУР"."""
    chains = _chains("Об этом сообщило Главное управление разведки минобороны Украины. По данным Главного управления "
                     "разведки Минобороны Украины, удар нанесли ночью.")
    (body,) = [c for c in chains.values() if c.name.startswith("Главное управление разведки")]
    assert body.name.casefold() == "главное управление разведки минобороны украины" and len(body.mentions) == 2
    assert {"Главное управление разведки Украины", "ГУР"} <= set(body.aliases)
    assert "Минобороны Украины" not in chains  # the ministry is named, not mentioned as the actor


def test_a_contracted_word_gives_no_initials():
    """"Главное разведуправление Украины" is not the ГРУ (Russia's military intelligence)."""
    chains = _chains("Представитель Главного разведуправления минобороны Украины сказал это.")
    assert not any("ГРУ" in c.aliases for c in chains.values())


def test_a_press_office_speaks_for_its_body():
    """eval/realstory (Kerch, Wagner): "ЦОС ФСБ", "Центра общественных связей ФСБ" had no mention of the FSB."""
    found = _mentions("Об этом сообщили в ЦОС ФСБ. По данным Центра общественных связей ФСБ, агент задержан.")
    assert found["ЦОС ФСБ"][0] == found["Центра общественных связей ФСБ"][0] == "ФСБ"


def test_words_bodies_names_are_made_of_are_a_body_where_the_model_saw_none():
    """eval/realstory: "Національного антитерористичного комітету", "Міноборони РФ", "федеральной службой
    безопасности Российской Федерации" had no mention; "Служба безопасности аэропорта" is no state body."""
    chains = _chains("Про це повідомив прес-центр Національного антитерористичного комітету. Міноборони РФ мовчить.", "uk")
    assert "National Anti-Terrorism Committee" in chains["Національний антитерористичний комітет"].aliases
    assert "Russian Defense Ministry" in chains["Міноборони РФ"].aliases
    found = _mentions("Как сообщили в федеральной службе безопасности Российской Федерации, всё спокойно. "
                      "Служба безопасности аэропорта проверила багаж.")
    assert "федеральной службе безопасности Российской Федерации" in found
    assert not any(text.startswith("Служба безопасности") for text in found)


def test_a_capitalised_word_after_small_letters_starts_another_body():
    """eval/realstory (Kerch, Wagner): "Главным следственным управлением Следственного комитета России" swallowed
    the committee's name; "Российское Минобороны" first in a line is the Russian ministry all the same."""
    found = _mentions("Главным следственным управлением Следственного комитета России возбуждено уголовное дело.\n"
                      "Российское Минобороны опровергло заявление.")
    assert found["Следственного комитета России"][0] == "Следственный комитет России"
    assert found["Российское Минобороны"][0] == "Российское Минобороны"


def test_a_president_or_a_company_in_small_letters_is_no_body():
    """eval/realstory (Wagner): "российский президент", "российская компания" were junk actors."""
    chains = _chains("Об этом сказал российский президент. Российская компания отказалась, как и российская служба новостей.")
    assert not [c.name for c in chains.values() if c.label == "ORG"]


def test_a_first_name_and_patronymic_is_the_person_named_in_full_with_that_first_name():
    text = ("Президент Беларуси Александр Лукашенко помог урегулировать конфликт. «Мы высоко ценим его инициативу. "
            "Александр Григорьевич давно лично знаком с Пригожиным», — сказал Песков. Александр Петрович Иванов не ответил.")
    mentions = _mentions(text)
    assert mentions["Александр Григорьевич"][0] == mentions["Александр Лукашенко"][0]


def test_a_courtesy_title_with_the_name_is_a_mention_of_the_person():
    found = _mentions("Евгений Прогожин призвал к вооружённому мятежу. Г-н Прогожин, призывавший к мятежу, исчез.")
    assert found["Г-н Прогожин"] == ("Евгений Прогожин", "description")


def test_a_preposition_opening_a_sentence_is_not_part_of_the_name():
    """eval/realstory (Kakhovka): the model read «В "Укргидроэнерго"» and «У Москві» as names."""
    found = _mentions('В "Укргидроэнерго" заявили, что станцию восстановить нельзя.')
    assert found["Укргидроэнерго"][1] == "name" and not any(text.startswith("В ") for text in found)
    found = _mentions("У Москві заявили, що це диверсія.", "uk")
    assert "Москві" in found and "У Москві" not in found


def test_a_surname_read_only_as_a_plural_first_name_keeps_its_written_form():
    """eval/realstory (Kerch): "Махир Юсубов" became "Махир Юсуб" (pymorphy reads "Юсубов" as "of the Yusubs" only), an
    actor apart from "Юсубов Махір"; a person is one."""
    analysis = analyse(Article(origin="test", text="Командир Махир Юсубов был задержан в Крыму.", content_hash="yusubov", language="ru"))
    assert "Махир Юсубов" in {c.name for c in analysis.chains}


def test_a_belarusian_name_is_parsed_as_ukrainian_spells_it():
    """eval/realstory (Wagner): a Belarusian page's "Уладзіміра Пуціна" and "Пуцін" (цеканне, дзеканне) stayed as
    written, a person of their own; "Прыгожына Пуцін" (Prigozhin's ..., Putin) ran two persons into one."""
    from factfile.extract.lang.cyrillic import ukrainian_spelling

    assert [ukrainian_spelling(w) for w in ("Пуціна", "Уладзіміра", "Прыгожына", "Украіна")] == ["Путіна", "Владіміра", "Пригожина", "Украіна"]
    chains = _chains("Відэазварот прэзідэнта Уладзіміра Пуціна паказалі. Мяцеж Прыгожына Пуцін назваў здрадай.", "be")
    putin = next(c for c in chains.values() if "Vladimir Putin" in c.aliases)
    assert putin.name == "Владімір Путін" and not any("Пригожин" in c.name and "Путін" in c.name for c in chains.values())


def test_a_body_a_ukrainian_article_names_without_its_country_is_ukraines():
    """eval/realstory (Olenivka): "Генштаб" in Ukrainian articles kept a record of its own ("General Staff"),
    apart from the Ukrainian military; a Russian article's, or one naming another country's, stays countryless."""
    def forms(text: str, language: str) -> list[str]:
        return next(c.aliases for c in _chains(text, language).values() if c.name == "Генштаб")

    assert "Ukrainian General Staff" in forms("Про це повідомляє Генштаб. Окупанти обстріляли колонію.", "uk")
    assert not any("Ukrainian" in f for f in forms("Об этом сообщил Генштаб. Оккупанты обстреляли колонию.", "ru"))
    assert not any("Ukrainian" in f for f in forms("Про це повідомляє російський Генштаб. Окупанти обстріляли колонію.", "uk"))
    assert "Ukrainian General Staff" not in _chains("Про це повідомляє Генштаб. Генштаб РФ мовчить.", "uk")["Генштаб РФ"].aliases
