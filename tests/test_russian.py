"""Russian and Ukrainian articles in the same knowledge base as English ones (extract/lang)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from factfile.extract.lang import analyse
from factfile.extract.lang.dates import normalise
from factfile.extract.lang.romanize import romanizations, translated
from factfile.records import Article

RUSSIAN = (
    "Губернатор Белгородской области Вячеслав Гладков заявил, что в село Козинку вошли диверсанты. "
    "По словам Гладкова, двое мирных жителей ранены. Позже Гладков сообщил, что обстрел Козинки продолжается."
)
ENGLISH = (
    "The governor of the Belgorod region, Vyacheslav Gladkov, said on Monday that saboteurs had entered the village "
    "of Kozinka. Gladkov said two civilians were wounded in Kozinka and that the shelling of the village went on. "
    "Residents of the Belgorod region were told to stay in shelters while the army fought the saboteurs in Kozinka, "
    "and the governor said that he would report later in the day about what the situation was in the district."
)


def _article(text: str, language: str, published: date | None = date(2023, 5, 24)) -> Article:
    return Article(origin="test", text=text, content_hash=str(hash(text)), language=language, published=published)


def test_declined_names_share_one_chain_and_lemma():
    analysis = analyse(_article("Денис Капустин командует корпусом. Капустина видели в Козинке. Капустину звонили.", "ru"))
    people = [c for c in analysis.chains if c.label == "PERSON"]
    assert [c.name for c in people] == ["Денис Капустин"]
    assert {analysis.mentions[i].span.text for i in people[0].mentions} == {"Денис Капустин", "Капустина", "Капустину"}
    assert "Denis Kapustin" in people[0].aliases


def test_latin_forms_of_cyrillic_names():
    assert romanizations("Вячеслав Гладков", "ru")[0] == "Vyacheslav Gladkov"
    assert "Prigozhin" in romanizations("Пригожин", "uk")
    assert translated(["русский", "добровольческий", "корпус"]) == "Russian Volunteer Corps"
    assert translated(["вячеслав", "гладков"]) is None


def test_russian_and_ukrainian_dates():
    published = date(2023, 5, 24)  # a Wednesday
    assert normalise("22 мая", "ru", published) == date(2023, 5, 22)
    assert normalise("в понедельник", "ru", published) == date(2023, 5, 22)
    assert normalise("минулого тижня", "uk", published) == date(2023, 5, 15)
    assert normalise("в понедельник", "ru", None) is None


def test_statement_source_cue_content():
    analysis = analyse(_article(RUSSIAN, "ru"))
    said = [(s.source.text if s.source else None, s.cue.text, s.content.text) for s in analysis.statements]
    assert ("Вячеслав Гладков", "заявил", "что в село Козинку вошли диверсанты") in said
    assert ("Гладкова", "По словам", "двое мирных жителей ранены") in said
    places = {p.name for p in analysis.places}
    assert places == {"Belgorodskaya oblast'", "Kozinka"}


def test_russian_and_english_paragraphs_give_one_actor_one_place_and_the_dossier_lists_the_statement(cli, tmp_path, db):
    path = tmp_path / "two.jsonl"
    rows = [{"text": RUSSIAN, "url": "https://ria.example/1", "date": "2023-05-24"},
            {"text": ENGLISH, "url": "https://news.example/2", "date": "2023-05-24"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert cli("ingest", str(path)).exit_code == 0
    with sqlite3.connect(db) as con:
        languages = {row[0] for row in con.execute("SELECT language FROM documents")}
        actors = con.execute(
            "SELECT DISTINCT a.id FROM mentions m JOIN actors a ON a.id = m.actor_id "
            "WHERE m.text IN ('Вячеслав Гладков', 'Гладкова', 'Vyacheslav Gladkov', 'Gladkov') AND a.merged_into_id IS NULL"
        ).fetchall()
        places = con.execute(
            "SELECT DISTINCT p.id FROM mentions m JOIN places p ON p.id = m.place_id WHERE m.text IN ('Козинку', 'Kozinka')"
        ).fetchall()
    assert languages == {"ru", "en"}
    assert len(actors) == 1 and len(places) == 1
    shown = cli("show", "Vyacheslav Gladkov")
    assert shown.exit_code == 0, shown.stderr
    assert "что в село Козинку вошли диверсанты" in shown.stdout


def test_a_titled_source_is_the_person_not_the_place_in_the_title():
    """eval/realstory (Kakhovka): the mayor's words went to the town, the governor's to the oblast."""
    for text, person in [("Об этом сообщил мэр Новой Каховки Владимир Леонтьев.", "Владимир Леонтьев"),
                         ("Как заявил председатель правительства Херсонской области Андрей Алексеенко, эвакуация продолжается.", "Андрей Алексеенко")]:
        analysis = analyse(_article(text, "ru"))
        (statement,) = analysis.statements
        assert analysis.chains[statement.source_chain].name == person and statement.source_type == "person"


def test_about_this_reports_the_sentence_before():
    """"Об этом сообщил X" (eval/realstory): X's content is what the sentence before says, not the words "Об этом"."""
    text = "Уголовное дело в отношении Евгения Пригожина будет прекращено.\n\nОб этом сообщил пресс-секретарь президента Дмитрий Песков."
    analysis = analyse(_article(text, "ru"))
    (statement,) = analysis.statements
    assert statement.content.text == "Уголовное дело в отношении Евгения Пригожина будет прекращено"
    assert analysis.chains[statement.source_chain].name == "Дмитрий Песков"


def test_a_stop_glued_to_the_next_sentence_still_ends_it():
    """eval/realstory (Kakhovka): a scraped page lost the space in "человек.Об этом", and the content of
    "Об этом сообщил" became the words before the stop's sentence; a short abbreviation stays inside its sentence."""
    text = "На Каховской ГЭС погибли пять человек.Об этом сообщил глава района Иван Иванов на ул.Ленина."
    analysis = analyse(_article(text, "ru"))
    assert [sentence.text for sentence in analysis.sentences] == [
        "На Каховской ГЭС погибли пять человек.", "Об этом сообщил глава района Иван Иванов на ул.Ленина."
    ]
    (statement,) = analysis.statements
    assert statement.content.text == "На Каховской ГЭС погибли пять человек"


def test_a_pronoun_source_is_the_speaker_just_before():
    """eval/realstory (Kakhovka, Ukrainian): "- сказав він" is the mayor quoted just before, in both languages."""
    text = ("Мэр Новой Каховки Владимир Леонтьев заявил, что эвакуация пока не нужна. "
            "Он отметил, что вода в Новой Каховке поднялась до уровня в 10 метров.")
    analysis = analyse(_article(text, "ru"))
    statement = next(st for st in analysis.statements if "10 метров" in st.content.text)
    assert statement.source.text == "Он" and analysis.chains[statement.source_chain].name == "Владимир Леонтьев"
    text = ("Мер Нової Каховки Володимир Леонтьєв заявив, що евакуація поки не потрібна. "
            '"Я думаю, що відновити її буде досить швидко", - сказав він.')
    analysis = analyse(_article(text, "uk"))
    statement = next(st for st in analysis.statements if "досить швидко" in st.content.text)
    assert statement.source_chain is not None and "Леонтьєв" in analysis.chains[statement.source_chain].name


def test_his_words_take_the_speaker_named_before():
    """eval/realstory (Kakhovka ru, Wagner uk): "По его словам, ...", "За її словами, ..." are the person named just before."""
    analysis = analyse(_article("Мэр Новой Каховки Владимир Леонтьев рассказал о ситуации в городе. "
                                "По его словам, вода продолжает прибывать в Новую Каховку.", "ru"))
    statement = next(st for st in analysis.statements if st.cue.text.startswith("По его"))
    assert statement.content.text == "вода продолжает прибывать в Новую Каховку"
    assert analysis.chains[statement.source_chain].name == "Владимир Леонтьев"
    analysis = analyse(_article("Прес-секретар ДСНС Олександра Куксенкова розповіла про аварію. "
                                "За її словами, на борту загинуло десятеро людей.", "uk"))
    statement = next(st for st in analysis.statements if "десятеро" in st.content.text)
    assert "Куксенкова" in analysis.chains[statement.source_chain].name


def test_a_statement_noun_takes_the_name_it_governs():
    """eval/realstory (Wagner ru): "..., следует из заявления Министерства обороны", "«...», — приводит РИА Новости слова Пескова"."""
    analysis = analyse(_article("Информация об ударе не соответствует действительности, следует из заявления Министерства обороны России.", "ru"))
    (statement,) = analysis.statements
    assert statement.content.text == "Информация об ударе не соответствует действительности"
    assert analysis.chains[statement.source_chain].name == "Министерство обороны России"
    analysis = analyse(_article('"Это слово президента России", — приводит РИА Новости слова Пескова.', "ru"))
    (statement,) = analysis.statements
    assert analysis.chains[statement.source_chain].name == "Песков" and "слово президента" in statement.content.text


def test_about_this_the_speaker_after_the_verb_and_quoting_only_verbs():
    """eval/realstory (Wagner ru, Kakhovka uk): "Об этом в пятницу сообщает пресс-служба", "..., — йдеться в повідомленні"."""
    analysis = analyse(_article("Сведения об ударе не соответствуют действительности. "
                                "Об этом в пятницу, 23 июня, сообщает пресс-служба Минобороны.", "ru"))
    (statement,) = analysis.statements
    assert statement.source.text.startswith("пресс-служба")
    analysis = analyse(_article("Сейчас решается судьба народа. Об этом он сообщил во время обращения к россиянам.", "ru"))
    assert [st.source.text for st in analysis.statements] == ["он"]
    analysis = analyse(_article("«Евакуйовано 2412 осіб. Загинуло четверо людей», – йдеться в повідомленні. "
                                "Йдеться про евакуацію людей з Херсона.", "uk"))
    assert sorted(st.content.text for st in analysis.statements) == ["Евакуйовано 2412 осіб", "Загинуло четверо людей"]


def test_a_quotation_over_several_sentences_and_a_quote_paragraph_are_the_speakers():
    """eval/realstory (Wagner ru): the cue after «A. B.» attributes A too; a paragraph that is one quotation goes on
    quoting the speaker of the paragraph before."""
    text = ("«Только что начальник Генштаба дал команду поднять самолеты. Ему безразлично, кого убивать», — сказал Пригожин.\n"
            '"Часть из ЧВК подпишет контракты с Минобороны".\n'
            "Погода в Ростове хорошая.")
    analysis = analyse(_article(text, "ru"))
    carried = {st.content.text: analysis.chains[st.source_chain].name for st in analysis.statements}
    assert carried == {
        "Только что начальник Генштаба дал команду поднять самолеты": "Пригожин",
        "Ему безразлично, кого убивать": "Пригожин",
        "Часть из ЧВК подпишет контракты с Минобороны": "Пригожин",
    }


def test_telegram_channel_is_where_not_who_and_an_impersonal_cue_goes_on_with_the_speaker():
    """eval/realstory (Kakhovka ru): "— сообщил он в Telegram-канале администрации" is the mayor; "Уточняется, что ..."
    goes on with him; "Сообщается, что ..." with no one before names no one."""
    text = ("Мэр Новой Каховки Владимир Леонтьев сообщил, что власти ведут эвакуацию.\n"
            "«Вода продолжает прибывать», — сообщил он в Telegram-канале администрации.\n"
            "Уточняется, что на данный момент вода поднялась на десять метров.")
    analysis = analyse(_article(text, "ru"))
    by_content = {st.content.text: st for st in analysis.statements}
    assert by_content["Вода продолжает прибывать"].source.text == "он"
    carried = by_content["на данный момент вода поднялась на десять метров"]
    assert carried.cue.text == "Уточняется" and analysis.chains[carried.source_chain].name == "Владимир Леонтьев"
    for statement in by_content.values():
        assert analysis.chains[statement.source_chain].name == "Владимир Леонтьев"
    (alone,) = analyse(_article("Сообщается, что Пригожин принял предложение.", "ru")).statements
    assert alone.source is None and alone.content.text == "Пригожин принял предложение"


def test_a_title_ending_with_a_person_and_a_gerund_cue_are_that_person():
    """eval/realstory (Wagner ru): "заявил пресс-секретарь Путина Дмитрий Песков" is Peskov, not Putin; "Песков
    рассказал ..., отметив, что ..." is Peskov too."""
    analysis = analyse(_article("Уголовное дело будет прекращено, заявил пресс-секретарь Путина Дмитрий Песков.\n"
                                "Песков рассказал о ходе переговоров, отметив, что президент Белоруссии вызвался их провести.", "ru"))
    names = {st.cue.text: analysis.chains[st.source_chain].name for st in analysis.statements}
    assert names == {"заявил": "Дмитрий Песков", "рассказал": "Дмитрий Песков", "отметив": "Дмитрий Песков"}
    noted = next(st for st in analysis.statements if st.cue.text == "отметив")
    assert noted.content.text == "президент Белоруссии вызвался их провести"


def test_a_content_that_rejects_is_a_denial():
    """eval/realstory (Wagner ru): "... не соответствуют действительности, заявили в Минобороны" is the ministry's denial."""
    analysis = analyse(_article("Сведения об ударе по лагерям не соответствуют действительности, заявили в Министерстве обороны России.", "ru"))
    (statement,) = analysis.statements
    assert statement.certainty == "denied"
    analysis = analyse(_article("Сведения об ударе по лагерям подтвердились, заявили в Министерстве обороны России.", "ru"))
    assert [st.certainty for st in analysis.statements] == ["reported"]
    analysis = analyse(_article("«Все сообщения о якобы ударе по лагерям распространяются в соцсетях. Они не соответствуют "
                                "действительности. Это провокация», — заявили в Министерстве обороны России.", "ru"))
    carried = next(st for st in analysis.statements if st.content.text.startswith("Они"))
    assert carried.certainty == "denied"


def _source_names(analysis) -> dict[str, str | None]:
    return {st.cue.text: (analysis.chains[st.source_chain].name if st.source_chain is not None else None) for st in analysis.statements}


def test_an_agency_citing_someone_passes_on_their_words_and_a_role_is_its_holder():
    """eval/realstory (Kerch ru, uk): "сообщает РИА Новости со ссылкой на СК РФ" is the committee's; "Очільник СБУ каже" is
    the head named beside the service, not the service."""
    analysis = analyse(_article("В результате подрыва грузовика погибли три человека, сообщает РИА Новости со ссылкой на СК РФ.", "ru"))
    (statement,) = analysis.statements
    assert statement.source.text == "СК РФ"
    analysis = analyse(_article("Голова СБУ Василь Малюк дав інтерв'ю. Очільник СБУ каже, що операцію він готував особисто.", "uk"))
    assert _source_names(analysis)["каже"] == "Василь Малюк"


def test_an_adverb_or_a_platform_before_the_verb_is_not_the_source_and_as_reported_before():
    """eval/realstory (Kerch uk, ru): "Про це детально розповів голова СБУ Василь Малюк", "Про це у Facebook повідомив
    гендиректор Укрпошти Ігор Смілянський", "Как ранее писала «Парламентская газета», Малюк признался, что ..."."""
    for text in ("Вибухівку привезли вантажівкою. Про це детально розповів голова СБУ Василь Малюк.",
                 "Марку готували давно. Про це у Facebook повідомив гендиректор Укрпошти Ігор Смілянський."):
        analysis = analyse(_article(text, "uk"))
        (statement,) = [st for st in analysis.statements if st.source is not None]
        assert analysis.chains[statement.source_chain].label == "PERSON", text
    analysis = analyse(_article("Как ранее писала «Парламентская газета», Малюк признался, что лично разрабатывал план теракта.", "ru"))
    assert "признался" in _source_names(analysis)
    assert any(st.cue.text.startswith("Как ранее писала") for st in analysis.statements)


def test_a_negated_reporting_verb_is_no_statement_but_a_negated_confirmation_is_a_denial():
    """eval/realstory (Wagner uk): "Міноборони РФ не повідомляло про будь-які втрати" said nothing (it was shown as a denial
    disputing every claim of the story); "не подтвердил" denies."""
    analysis = analyse(_article("Міноборони РФ не повідомляло про будь-які втрати під час заколоту.", "uk"))
    assert analysis.statements == []
    analysis = analyse(_article("Песков не подтвердил, что переговоры состоялись.", "ru"))
    assert [st.certainty for st in analysis.statements] == ["denied"]
