"""Russian and Ukrainian statements (extract/lang/reported.py): sentences of eval/realstory's Kerch and Wagner pages."""

from __future__ import annotations

from datetime import date

import pytest

from factfile.extract.lang import analyse
from factfile.records import Article


def _said(text: str, language: str = "ru") -> list[tuple[str | None, str, str]]:
    """(source's chain name, cue, content) of each statement found."""
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language, published=date(2023, 6, 24)))
    return [
        (analysis.chains[st.source_chain].name if st.source_chain is not None else None, st.cue.text, st.content.text)
        for st in analysis.statements
    ]


@pytest.mark.parametrize("text, language, speaker, cue", [
    ("Создатель ЧВК «Вагнер» Евгений Пригожин, которого еще называют «поваром Путина», вечером 23 июня обвинил Минобороны "
     "России в ракетном ударе по «тыловым лагерям» наемников.", "ru", "Евгений Пригожин", "обвинил"),
    ("В п'ятницю, 23 червня 2023 року Євген Пригожин, засновник приватної військової компанії „Вагнер”, звинуватив російську "
     "армію в ракетному обстрілі таборів групи „Вагнера”.", "uk", "Євген Пригожин", "звинуватив"),
    ("Федеральная служба безопасности Российской Федерации в среду, 12 октября, сообщила о задержании пятерых граждан России.",
     "ru", "Федеральная служба безопасности Российской Федерации", "сообщила"),
])
def test_the_subject_before_an_insertion_is_the_speaker_and_the_accused_is_not(text, language, speaker, cue):
    """A relative clause, an appositive or a date between the speaker and the verb; the accused after "обвинил"."""
    assert (speaker, cue) in [(source, found) for source, found, _ in _said(text, language)]


def test_a_verb_joined_by_and_keeps_the_speaker():
    said = _said("Евгений Пригожин вечером обвинил Минобороны России в ракетном ударе и объявил «марш справедливости».")
    assert [(source, cue) for source, cue, _ in said] == [("Евгений Пригожин", "обвинил"), ("Евгений Пригожин", "объявил")]


def test_according_to_a_version_a_finding_and_a_present_tense_cue():
    """"по версии ФСБ", "ФСБ установила, что ...", "Малюк подчеркивает, что ..."; "установили камеры" reports nothing."""
    said = _said("Организатором теракта на Крымском мосту, по версии ФСБ России, является ГУ разведки Минобороны Украины.")
    assert [(source, cue) for source, cue, _ in said] == [("ФСБ России", "по версии")]
    said = _said("Федеральная Служба безопасности России установила, что организатором взрыва является глава военной разведки Украины.")
    assert [cue for _, cue, _ in said] == ["установила"]
    said = _said("Василий Малюк также подчеркивает, что оба нападения на мост были работой украинских служб.")
    assert [(source, cue) for source, cue, _ in said] == [("Василий Малюк", "подчеркивает")]
    assert _said("Рабочие установили камеры на Крымском мосту.") == []


def test_bulgarian_verbs_as_written_and_a_relative_clause_takes_the_speaker_before_it():
    """eval/realstory (Wagner bg): the Russian dictionary knows no Bulgarian verb; "в което нарече" is Putin's."""
    said = _said("Руският президент Владимир Путин определи действията на Евгений Пригожин като “предателство”.", "bg")
    assert [(source, cue) for source, cue, _ in said] == [("Владимир Путин", "определи")]
    said = _said("По-рано Путин направи изявление, в което нарече действията на Евгений Пригожин \"нож в гърба\".", "bg")
    assert [(source, cue) for source, cue, _ in said] == [("Путин", "нарече")]
    said = _said("Песков сделал заявление, в котором назвал мятеж предательством.")
    assert [(source, cue) for source, cue, _ in said] == [("Песков", "назвал")]


def test_clauses_with_their_own_verbs_are_no_insertion_before_the_speaker():
    """eval/realstory (Kerch uk): "власник фури, що вибухнула, записав відеозвернення, в якому заявив" names no one;
    a name earlier in the sentence is not its speaker."""
    said = _said("Тим часом власник фури, що вибухнула, записав відеозвернення, в якому заявив, що відношення до вибуху він не має.", "uk")
    assert said and all(source is None for source, _, _ in said)


def test_preliminary_data_hedge_a_statement():
    """"по предварительным данным" (Kerch, Wagner pages): the source presents it as unconfirmed (eval/realstory GUIDELINES §4)."""
    analysis = analyse(Article(origin="test", text="Советник главы Крыма Олег Крючков заявил, что пострадавших, по предварительным данным, нет.",
                               content_hash="h-prelim", language="ru", published=date(2023, 6, 24)))
    assert [st.certainty for st in analysis.statements] == ["hedged"]
    analysis = analyse(Article(origin="test", text="Советник главы Крыма Олег Крючков заявил, что пострадавших нет.",
                               content_hash="h-prelim2", language="ru", published=date(2023, 6, 24)))
    assert [st.certainty for st in analysis.statements] == ["reported"]


def test_a_message_quoted_without_a_sayer_is_the_last_speakers():
    """eval/realstory (Kakhovka uk): "«...», – йдеться в повідомленні" after "Про це повідомив міністр ... Ігор Клименко"
    is the minister's message, not a source of its own."""
    said = _said("На Херсонщині фактично підтоплено 48 населених пунктів. Про це повідомив міністр внутрішніх справ Ігор "
                 "Клименко.\n\n«Евакуйовано 2412 осіб. Загинуло четверо людей», – йдеться в повідомленні.", "uk")
    assert {source for source, cue, _ in said if cue == "йдеться"} == {"Ігор Клименко"}


def test_a_message_quoted_over_several_sentences_is_the_speaker_before_its_quotation():
    """kakhovka-090: the quotation runs four sentences before "– йдеться в повідомленні"."""
    said = _said("Про це повідомив міністр внутрішніх справ Ігор Клименко.\n\n«Евакуйовано 2412 осіб. Загинуло четверо людей. "
                 "Травмовано 11. Безвісти зниклими вважаються 13 осіб», – йдеться в повідомленні.", "uk")
    assert {source for source, cue, _ in said if cue == "йдеться"} == {"Ігор Клименко"}


def test_a_paragraph_opened_by_a_dash_is_the_last_speakers_answer():
    """wagner-146: "Про це він сказав в інтерв’ю CNN." then "– Путін не контролює ..." is Zelensky's direct speech."""
    said = _said("Президент України Володимир Зеленський вважає, що в Росії відбувся розкол.\n\nПро це він сказав в інтерв’ю CNN.\n\n"
                 "– Путін не контролює ситуацію в регіонах. Він не контролює безпекову ситуацію.", "uk")
    assert {source for source, _, content in said if "безпекову ситуацію" in content} == {"Володимир Зеленський"}


def test_a_quotation_paragraph_after_a_reported_statement_goes_on_quoting_its_speaker():
    """wagner-145: "Він додав, що ..." then a paragraph that is one quotation, with no cue of its own."""
    said = _said("Такі дані оприлюднив президент України Володимир Зеленський у інтерв'ю CNN.\n"
                 "Він додав, що путін не контролює безпекову ситуацію в регіонах.\n"
                 "\"Ми бачимо дуже цікаву аналітику: половина росії підтримала пригожина. 18 чи 19 регіонів підтримали пригожина.\"", "uk")
    assert {source for source, _, content in said if "цікаву аналітику" in content} == {"Володимир Зеленський"}


def test_a_cue_without_a_subject_after_a_quotation_of_several_sentences_is_the_speaker_before_it():
    """kakhovka-126: "«...», afirmó." two quoted sentences after Zelenski's own statement is his."""
    said = _said("Volodímir Zelenski, que ha intervenido en el evento, ha señalado que «es físicamente imposible volarla desde el "
                 "exterior. Se colocaron explosivos» y esa zona está bajo control ruso. El presidente ha hablado de una explosión "
                 "deliberada. «Sabían exactamente lo que estaban haciendo». «Rusia ha detonado una bomba masiva. Es un verdadero "
                 "ecocidio», afirmó.", "es")
    assert {source for source, cue, _ in said if cue == "afirmó"} == {"Volodímir Zelenski"}


@pytest.mark.parametrize("text, language", [
    ("Ifølge Jevgenij Prigozjin har styrkene hans nådd Rostov ved Don uten motstand.", "nb"),
    ("Ifølge Jevgenij Prigozjin har hans styrker nået Rostov ved Don uden modstand.", "da"),
    ("Enligt Jevgenij Prigozjin har hans styrkor nått Rostov vid Don utan motstånd.", "sv"),
    ("Laut Jevgenij Prigozjin haben seine Truppen Rostow am Don ohne Widerstand erreicht.", "de"),
])
def test_according_to_in_norwegian_danish_and_swedish(text, language):
    """wagner-072: "Ifølge Lukasjenkos kontor har Prigozjin gått med på ..." is an according-to form, as "según" is; the
    finite verb second, not a comma, ends its source (German "Laut X haben ...")."""
    said = _said(text, language)
    assert [(source, cue) for source, cue, _ in said] == [("Jevgenij Prigozjin", text.split()[0])]


def test_a_headline_signed_with_a_dash_and_a_name_is_that_sources_claim():
    """wagner-146: "Путін не контролює ситуацію, в РФ відбувся розкол – Зеленський" is Zelensky's claim."""
    said = _said("Путін не контролює ситуацію, в РФ відбувся розкол – Зеленський\n\nПрезидент України Володимир Зеленський "
                 "вважає, що у російському суспільстві відбувся розкол.", "uk")
    assert [(source, cue) for source, cue, content in said if content.startswith("Путін не контролює")] == [("Володимир Зеленський", "–")]


def test_dash_paragraphs_after_a_comment_are_the_commenters_each_judged_on_its_own():
    """wagner-016: "Минобороны России комментирует заявления Пригожина:" then two dash paragraphs, the first a rejection
    with a quotation inside it (denied), the second a plain statement (reported)."""
    said = _said("Минобороны России комментирует заявления Пригожина:\n\n— Все распространяемые от имени Евгения Пригожина "
                 "сообщения о якобы «нанесении МО РФ удара по лагерям» не соответствуют действительности.\n\n— ВС РФ продолжают "
                 "выполнение боевых задач на линии соприкосновения.")
    analysis_said = {content[:12]: source for source, _, content in said}
    assert analysis_said.get("Все распрост") == "Минобороны России" and analysis_said.get("ВС РФ продол") == "Минобороны России"
    analysis = analyse(Article(origin="test", text="Минобороны России комментирует заявления Пригожина:\n\n— Все распространяемые "
                               "от имени Евгения Пригожина сообщения о якобы «нанесении МО РФ удара по лагерям» не соответствуют "
                               "действительности.\n\n— ВС РФ продолжают выполнение боевых задач на линии соприкосновения.",
                               content_hash="wagner-016", language="ru", published=date(2023, 6, 24)))
    certainty = {st.content.text[:12]: st.certainty for st in analysis.statements}
    assert certainty == {**certainty, "Все распрост": "denied", "ВС РФ продол": "reported"}


def test_a_name_after_a_preposition_before_the_verb_is_where_it_was_said_not_who_said_it():
    """kerch-071: "Ako na Telegrame uviedol jej šéf Ihor Šmeľanskyj, ..." is Šmeľanskyj's, not Telegram's."""
    said = _said("Ukrajinská pošta vydá známku. Ako na Telegrame uviedol jej šéf Ihor Šmeľanskyj, na známke bude zobrazené to, "
                 "čo zostalo z Krymského mosta.", "sk")
    assert [(source, cue) for source, cue, _ in said] == [("Ihor Šmeľanskyj", "uviedol")]


def test_a_role_named_with_no_one_is_the_speaker_going_on():
    """wagner-045: "«...», — пояснил представитель Кремля журналистам" right after Peskov spoke is Peskov, not the Kremlin."""
    said = _said("Основатель ЧВК «Вагнер» Евгений Пригожин уедет в Беларусь, сообщил пресс-секретарь президента России Дмитрий "
                 "Песков. «Уголовное дело будет прекращено в отношении него, и сам он уйдет в Беларусь», — пояснил представитель "
                 "Кремля журналистам.")
    assert {source for source, cue, _ in said if cue == "пояснил"} == {"Дмитрий Песков"}


def test_a_title_line_led_by_a_bodys_name_and_a_colon_is_that_bodys_claim():
    """kerch-095: "СК РФ: в результате подрыва ... погибли три человека" heads the page as the committee's claim."""
    said = _said("СК РФ: в результате подрыва грузовика на Крымском мосту погибли три человека\n\nСледователи установили данные "
                 "грузового автомобиля.")
    assert [(source, cue) for source, cue, content in said if content.startswith("в результате подрыва")] == [("СК РФ", ":")]


def test_an_outlet_quoting_a_person_passes_on_the_persons_words():
    """kerch-145: "«...», – цитирует «РБК-Украина» Василия Малюка" is Malyuk's, relayed by the outlet."""
    said = _said("Глава СБУ Василий Малюк подтвердил причастность Украины.\n\n«Это одна из наших реализаций, а именно: разрушение "
                 "Крымского моста», – цитирует «РБК-Украина» Василия Малюка.")
    assert {source for source, cue, _ in said if cue == "цитирует"} == {"Василий Малюк"}


@pytest.mark.parametrize("text, language, cue, framing", [
    ("Пригожин утверждает, что его бойцы сбили вертолёт.", "ru", "утверждает", ["утверждает"]),
    ("Песков заявил, что Украина якобы готовила удар по плотине.", "ru", "заявил", ["якобы"]),
    ("Пригожин звинуватив Міноборони в ударі по таборах.", "uk", "звинуватив", ["звинуватив"]),
    ("Laut Prigoschin wurde das Lager angeblich von der Armee beschossen.", "de", "Laut", ["angeblich"]),
])
def test_the_reporters_distance_is_framing_not_the_sources_doubt(text, language, cue, framing):
    """"утверждает", "якобы", "angeblich": the reporter keeps the content at a distance; the source sounds sure
    (eval/realstory/GUIDELINES.md §4), so its certainty stays `reported` and the words are the statement's framing."""
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language, published=date(2023, 6, 24)))
    statement = next(st for st in analysis.statements if st.cue.text.startswith(cue))
    assert (statement.certainty, statement.framing) == ("reported", framing)


@pytest.mark.parametrize("text, language, cue, certainty", [
    ("Самір Юсубов заявив, що ніякого відношення до вибуху на мосту не має.", "uk", "заявив", "denied"),
    ("Владимир Зеленский признался, что Украина пока не располагает доказательствами.", "ru", "признался", "hedged"),
    ("Рядер сказав, що ніщо не вказує на те, що літак був уражений ракетою.", "uk", "сказав", "hedged"),
    ("Rzecznik Białego Domu John Kirby powiedział, że Stany Zjednoczone nadal nie mogą ostatecznie stwierdzić, co spowodowało "
     "zawalenie się tamy.", "pl", "powiedział", "hedged"),
    ("Il portavoce John Kirby afferma che non possiamo dire in via definitiva cosa è accaduto alla diga.", "it", "afferma", "hedged"),
])
def test_no_part_in_it_is_denied_and_a_source_that_cannot_tell_is_hedged(text, language, cue, certainty):
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language=language, published=date(2023, 6, 24)))
    assert next(st for st in analysis.statements if st.cue.text.startswith(cue)).certainty == certainty


def test_an_institution_written_without_its_name_is_the_body_named_before_with_its_words():
    """"il Comitato" after "il Comitato nazionale antiterrorismo della Russia" (reported_described.named_before);
    a body the article never named stays without an actor."""
    text = ("Un camion bomba è esploso sul ponte di Kerch. Lo riporta la Tass citando il Comitato nazionale antiterrorismo della "
            "Russia. A causa dell'esplosione, ha reso noto in un comunicato il Comitato, sette serbatoi di carburante hanno preso fuoco.")
    analysis = analyse(Article(origin="test", text=text, content_hash=str(hash(text)), language="it", published=date(2022, 10, 8)))
    committee = next(st for st in analysis.statements if st.source.text == "il Comitato")
    assert analysis.chains[committee.source_chain].name == "Comitato nazionale antiterrorismo della Russia"
    alone = "Il ministero ha reso noto che sette serbatoi di carburante hanno preso fuoco."
    analysis = analyse(Article(origin="test", text=alone, content_hash=str(hash(alone)), language="it", published=date(2022, 10, 8)))
    assert [st.source_chain for st in analysis.statements] == [None]


def test_an_organ_written_by_its_kind_alone_is_the_body_that_spoke_just_before():
    """"добавили в ведомстве" after "заявили в ЦОС ФСБ": the FSB; with no body speaking before, no one."""
    said = _said("«Призываем бойцов не совершать непоправимые ошибки», – заявили в ЦОС ФСБ. «Своими заявлениями и действиями "
                 "Пригожин фактически призвал к вооруженному конфликту», – добавили в ведомстве.")
    assert [speaker for speaker, cue, _ in said if cue in ("заявили", "добавили")] == ["ФСБ", "ФСБ"]
    assert [speaker for speaker, _, _ in _said("В ведомстве добавили, что следователи установили двенадцать человек.")] == [None]


@pytest.mark.parametrize("text, language, speaker", [
    ("За даними Національного антитерористичного комітету Росії, вибух на мосту призвів до пожежі.", "uk", "Національний антитерористичний комітет"),
    ("За даними Росії, вибух на мосту призвів до пожежі.", "uk", "Росія"),
    ("Мэр Новой Каховки Владимир Леонтьев заявил, что вода поднялась.", "ru", "Владимир Леонтьев"),
    ("Переговоры длились в течение всего дня, сообщает пресс-служба президента Белоруссии.", "ru", "Белоруссия"),
])
def test_a_country_after_a_bodys_noun_is_whose_body_not_the_source(text, language, speaker):
    assert [source for source, _, _ in _said(text, language)] == [speaker]


def test_a_pronoun_with_when_after_it_and_the_subject_after_a_verb_told_to_an_outlet():
    """eval/realstory (Kerch ru, uk): "написала она в начале июня" is Malyar; "Про це «РБК-Україна» повідомили джерела в СБУ"
    is the SBU's sources telling the outlet, "Як повідомило X джерело" an according-to; "Об этом Песков сообщил журналистам" Peskov's."""
    said = _said("Об этом заявила представитель Минобороны Украины Анна Маляр. «Мы нанесли первый удар по мосту», – написала она в начале июня.")
    assert ("Анна Маляр", "написала") in [(source, cue) for source, cue, _ in said]
    said = _said("Нічна атака на міст була спецоперацією ЗСУ. Про це «РБК-Україна» повідомили джерела в СБУ.", "uk")
    assert [(source, cue) for source, cue, _ in said] == [("СБУ", "повідомили")]
    said = _said("Як повідомило KP.UA джерело в Службі безпеки, до підриву причетні СБУ та ВМС.", "uk")
    assert [cue for _, cue, _ in said] == ["Як повідомило"]
    said = _said("Мост будет восстановлен к июлю. Об этом Песков сообщил журналистам.")
    assert [(source, cue) for source, cue, _ in said] == [("Песков", "сообщил")]
    said = _said("Радник Президента Михайло Подоляк визначив міст як військову ціль. Про це він розповів в коментарі для The Guardian.", "uk")
    assert [(source, cue) for source, cue, _ in said] == [("Михайло Подоляк", "розповів")]


def test_a_quotation_naming_its_speaker_and_the_first_of_two_subjects():
    """eval/realstory (Kerch uk, ru): "«Я, Самір Юсубов, ... не маю»" is Samir Yusubov's whatever the cue points to;
    "ФСБ и СК РФ установили" is the FSB's, the first subject, as English takes "Russia and Ukraine" for Russia."""
    said = _said("Власник фури записав відеозвернення. «Я, Самір Юсубов, ніякого стосунку до того, що трапилося на мості, "
                 "не маю, на фурі працює мій дядько, Юсубов Махір», - йдеться в зверненні.", "uk")
    assert [source for source, _, _ in said] == ["Самір Юсубов"]
    said = _said("ФСБ и СК РФ установили, что организатором теракта являлось ГУР Минобороны Украины.")
    assert [(source, cue) for source, cue, _ in said] == [("ФСБ", "установили")]
