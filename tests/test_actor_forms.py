"""Actors: the forms real coverage names one actor by (eval/realstory's key actors) land on it: titles
with the name, offices, lone surnames, group words, governments for their state."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from factfile.extract import Extractor
from factfile.extract.lang import analyse as analyse_other
from factfile.extract.names import government_of, signature
from factfile.ingest import to_article
from factfile.pipeline import Pipeline
from factfile.records import Analysis, Article, RawItem
from factfile.store import Store
from factfile.store import schema as s


@pytest.fixture(scope="module")
def analyse():
    extractor = Extractor()
    return lambda text: extractor(to_article(RawItem("test.txt", "text", text)))


def forms(analysis) -> dict[str, set[str]]:
    """Each chain's name -> the text of every mention in it (descriptions too)."""
    return {c.name: {analysis.mentions[i].span.text for i in c.mentions} for c in analysis.chains}


def ingested(tmp_path, pages: dict[str, str], **options) -> Store:
    """A store holding these pages (file name -> text), ingested by the whole pipeline."""
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store(tmp_path / "store.db")
    Pipeline(store, **options).ingest([str(tmp_path / name) for name in pages])
    return store


def live_actors(session) -> tuple[dict[str, int | None], dict[str, int]]:
    """Each mention's text -> its actor as stored, and -> the actor it was merged into, if any, else that actor."""
    rows = dict(session.execute(select(s.Mention.text, s.Mention.actor_id)).all())
    merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())
    return rows, {text: merged.get(actor) or actor for text, actor in rows.items() if actor is not None}


def test_a_lone_surname_the_model_missed_is_the_persons(analyse):
    analysis = analyse(
        "Ukraine’s NSDC Secretary Oleksiy Danilov has commented on the statement. Danilov reminded that the dam was mined. "
        "Addressing the Security Council, Russia’s representative Vassily Nebenzia spoke. Nebenzia added more."
    )
    found = forms(analysis)
    assert {"Oleksiy Danilov", "Danilov"} <= found["Oleksiy Danilov"]
    assert {"Vassily Nebenzia", "Nebenzia"} <= found["Vassily Nebenzia"]
    assert next(c for c in analysis.chains if c.name == "Vassily Nebenzia").label == "PERSON"


def test_a_title_with_the_name_is_a_mention_of_the_person(analyse):
    analysis = analyse(
        "Russian President Vladimir Putin met Defense Minister Sergei Shoigu on Monday. Mr Putin said the Kremlin "
        "spokesman Dmitry Peskov would speak. On Saturday, Gen. Valery Gerasimov left."
    )
    found = forms(analysis)
    assert {"Russian President Vladimir Putin", "Mr Putin"} <= found["Vladimir Putin"]
    assert "Defense Minister Sergei Shoigu" in found["Sergei Shoigu"]
    assert "Gen. Valery Gerasimov" in found["Valery Gerasimov"]
    assert not any(text.startswith("Saturday") for texts in found.values() for text in texts)
    putin = next(c for c in analysis.chains if c.name == "Vladimir Putin")
    assert "Russian President Vladimir Putin" not in putin.aliases  # a title names no one by itself


def test_a_definite_phrase_set_before_a_name_is_a_mention_of_it(analyse):
    """eval/realstory (Kakhovka, Wagner): "Norway’s nuclear test-ban monitor, the Norwegian Seismic Array" and
    "the chief of the General Staff, General Valery Gerasimov," name the array and the general; "a Russian
    officer, Ivan Petrov," says what he is, not who (a description fact, no mention)."""
    analysis = analyse(
        "Norway’s nuclear test-ban monitor, the Norwegian Seismic Array (NORSAR), analyzed seismic signals. He claimed "
        "that the chief of the General Staff, General Valery Gerasimov, scrambled warplanes. A Russian officer, Ivan "
        "Petrov, said nothing."
    )
    found = forms(analysis)
    assert "Norway’s nuclear test-ban monitor" in found["Norwegian Seismic Array"]
    assert "chief of the General Staff" in found["Valery Gerasimov"]
    assert not any("officer" in text for texts in found.values() for text in texts)
    array = next(c for c in analysis.chains if c.name == "Norwegian Seismic Array")
    assert "Norway’s nuclear test-ban monitor" not in array.aliases  # a description names no one by itself


def test_an_office_names_the_person_the_article_gives_it(analyse):
    analysis = analyse(
        "Wagner chief Yevgeny Prigozhin declared war on Friday. Putin met Defence Minister Sergei Shoigu. The Wagner chief "
        "said he would meet Russia's defense minister. Putin's spokesman said nothing. The Kremlin spokesman, Dmitry "
        "Peskov, denied it."
    )
    found = forms(analysis)
    assert "Wagner chief" in found["Yevgeny Prigozhin"]
    assert "Russia's defense minister" in found["Sergei Shoigu"]
    assert "Kremlin spokesman" in found["Dmitry Peskov"]
    assert not any("spokesman" in text for text in found["Putin"] | found["Sergei Shoigu"])
    assert "Putin's spokesman" not in found  # a person's office is no person of its own ("Mr. Trump's chief strategist")


def test_a_military_command_by_its_direction_is_one_organisation(analyse):
    """eval/realstory (Kakhovka): the model cut "the South command of Ukraine's Armed Forces" into a place and the
    armed forces, so the statement it made had no actor; "US" stays on "US Southern Command"."""
    analysis = analyse(
        "\"The dam was blown up by the Russian occupying forces,\" the South command of Ukraine's Armed Forces said "
        "on Tuesday. US Southern Command said the ship left Miami."
    )
    names = {m.span.text: m.label for m in analysis.mentions}
    assert names["South command of Ukraine's Armed Forces"] == "ORG" and "South" not in names
    assert names["US Southern Command"] == "ORG"
    (statement, *_) = analysis.statements
    assert analysis.chains[statement.source_chain].name == "South command of Ukraine's Armed Forces"


def test_group_words_are_part_of_the_groups_name(analyse):
    analysis = analyse("Yevgeny Prigozhin, the head of the Wagner mercenary group, spoke. Wagner militia fighters left.")
    assert {"Wagner mercenary group", "Wagner militia"} <= next(iter(v for k, v in forms(analysis).items() if "Wagner" in k))
    assert signature("Wagner mercenary group") == signature("Wagner militia") == signature("Wagner")
    assert signature("Russian military") != signature("Russia")


@pytest.mark.parametrize(
    ("language", "text", "name", "label"),
    [
        ("it", "Lo afferma il portavoce per la sicurezza nazionale John Kirby, sottolineando il contatto.", "John Kirby", "PERSON"),
        ("es", "La disputa entre el líder del Grupo Wagner y los altos mandos militares.", "Grupo Wagner", "ORG"),
        ("de", "Der Chef der Wagner-Gruppe gilt als verschollen.", "Wagner-Gruppe", "ORG"),
        ("de", "Die Gruppe Wagner hat keinen Kontakt zu Prigoschin.", "Gruppe Wagner", "ORG"),
        ("it", "La tensione tra la milizia Wagner e il ministero della Difesa cresce.", "milizia Wagner", "ORG"),
    ],
)
def test_other_languages_keep_first_names_and_group_words(language, text, name, label):
    analysis = analyse_other(Article(origin=f"{language}.txt", text=text, language=language, content_hash=language + text[:9]))
    assert [(c.name, c.label) for c in analysis.chains if name in c.name] == [(name, label)]


def test_a_government_is_its_state():
    assert government_of("the Kremlin") == government_of("Cremlino") == government_of("Kreml") == "Russia"
    assert government_of("Ukrainian authorities") == government_of("Ukraine's government") == "Ukraine"
    assert government_of("Kremlin spokesman") is None and government_of("American officials") is None


def test_the_kremlin_and_a_countrys_government_join_the_country(tmp_path):
    pages = {
        "a.txt": "Russia denied on Tuesday that it had destroyed the dam, and Ukraine blamed Russia for the flood.",
        "b.txt": "The Kremlin denied on Tuesday that Russian forces had destroyed the dam. The Kremlin called it sabotage.",
        "c.txt": "Ukrainian authorities said on Wednesday that 2,000 people had been evacuated from the flooded towns.",
    }
    store = ingested(tmp_path, pages)
    with store.session() as session:
        rows = session.execute(select(s.Mention.text, s.Mention.actor_id).where(s.Mention.actor_id.isnot(None))).all()
        merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())
    actor_of: dict[str, set[int]] = {}
    for text, actor in rows:
        while merged.get(actor):
            actor = merged[actor]
        actor_of.setdefault(text, set()).add(actor)
    assert actor_of["Kremlin"] == actor_of["Russia"]
    assert actor_of["Ukrainian authorities"] == actor_of["Ukraine"]
    assert actor_of["Russian forces"] != actor_of["Russia"]


def test_an_office_named_without_its_holder_joins_the_person_another_article_gives_it(tmp_path):
    pages = {
        "a.txt": "Wagner chief Yevgeny Prigozhin declared on Friday that his fighters had crossed into Russia. "
                 "Russian President Vladimir Putin called it treason.",
        "b.txt": "The Wagner chief said on Saturday that his men would return to their camps to avoid bloodshed.",
        "c.txt": "Russian President Dmitry Medvedev met the Wagner chief in 2010, the magazine wrote.",
    }
    store = ingested(tmp_path, pages, workers=1)
    with store.session() as session:
        rows = session.execute(select(s.Mention.text, s.Mention.actor_id).where(s.Mention.actor_id.isnot(None))).all()
        merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())
        reasons = dict(session.execute(select(s.Alias.name, s.Alias.reason)).all())
    actor_of: dict[str, set[int]] = {}
    for text, actor in rows:
        while merged.get(actor):
            actor = merged[actor]
        actor_of.setdefault(text, set()).add(actor)
    assert actor_of["Wagner chief"] == actor_of["Yevgeny Prigozhin"]
    assert actor_of["Dmitry Medvedev"] != actor_of["Vladimir Putin"]
    assert "Wagner chief Yevgeny Prigozhin" in reasons["Wagner chief"]


def test_a_countrys_representative_is_the_person_another_article_gives_that_office(tmp_path):
    """eval/realstory (Kakhovka): "Russia’s representative said ..." at the Security Council is the envoy another
    article names "Russia’s representative Vassily Nebenzia"; Ukraine's is another person."""
    pages = {
        "a.txt": "Addressing the UN Security Council, Russia’s representative Vassily Nebenzia said Kyiv had committed a crime.",
        "b.txt": "Russia’s representative said the dam explosion was an unthinkable crime. Ukraine’s representative disagreed.",
    }
    store = ingested(tmp_path, pages, workers=1)
    with store.session() as session:
        _, actor_of = live_actors(session)
    assert actor_of["Russia’s representative"] == actor_of["Vassily Nebenzia"]
    assert actor_of.get("Ukraine’s representative") != actor_of["Vassily Nebenzia"]


def test_a_countrys_office_is_one_however_the_article_says_whose():
    """eval/realstory (Kakhovka): "the Russian Federation’s representative" is the office "Russia’s representative"."""
    from factfile.extract.chains import office_name

    assert office_name("the Russian Federation’s representative") == office_name("Russia’s representative") == "russia representative"
    assert office_name("Russian defence minister") == office_name("Russia's defense minister")
    assert office_name("Ukraine’s representative") != office_name("Russia’s representative")
    assert office_name("The Wagner chief") == "wagner chief"


def test_a_person_known_by_office_alone_joins_the_holder_named_later(tmp_path):
    pages = [
        ("a.txt", "\"This is deliberate sabotage,\" the Kremlin spokesman told reporters on Tuesday in Moscow."),
        ("b.txt", "Kremlin spokesman Dmitry Peskov said on Wednesday that the investigation would take weeks."),
    ]
    store = Store(tmp_path / "store.db")
    for name, text in pages:  # one after the other: the office comes first
        (tmp_path / name).write_text(text, encoding="utf-8")
        Pipeline(store, workers=1).ingest([str(tmp_path / name)])
    with store.session() as session:
        rows = session.execute(select(s.Mention.text, s.Mention.actor_id).where(s.Mention.actor_id.isnot(None))).all()
        merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())
    actor_of: dict[str, set[int]] = {}
    for text, actor in rows:
        while merged.get(actor):
            actor = merged[actor]
        actor_of.setdefault(text, set()).add(actor)
    assert actor_of["Kremlin spokesman"] == actor_of["Dmitry Peskov"]


def test_a_capital_that_acts_is_its_state_and_a_capital_as_a_place_is_the_city(analyse):
    analysis = analyse("Moscow called the blast an act of Ukrainian sabotage on Tuesday. Thousands of people live in Moscow, "
                       "where the talks were held.")
    chain_of = {(analysis.mentions[i].span.start, analysis.mentions[i].span.text): c.name for c in analysis.chains for i in c.mentions}
    acting, place = sorted(k for k in chain_of if k[1] == "Moscow")
    assert chain_of[acting] == "Russia" and chain_of[place] == "Moscow"


def test_a_capital_as_a_source_as_the_accused_or_as_a_passives_agent_is_its_state(analyse):
    analysis = analyse("Russia blamed Kyiv for the attack on the bridge. According to Moscow, two people were killed. "
                       "The bridge had been attacked by Kyiv before. Flights from Moscow to Warsaw resumed on Monday.")
    chain_of = {(analysis.mentions[i].span.start, analysis.mentions[i].span.text): c.name for c in analysis.chains for i in c.mentions}
    assert [chain_of[k] for k in sorted(chain_of) if k[1] == "Kyiv"] == ["Ukraine", "Ukraine"]
    assert [chain_of[k] for k in sorted(chain_of) if k[1] == "Moscow"] == ["Russia", "Moscow"]


@pytest.mark.parametrize(
    ("language", "text", "states", "cities"),
    [
        ("de", "Kiew und Moskau beschuldigen sich gegenseitig. In Moskau erklärte ein Sprecher, es gebe keine Beweise.",
         {"Kiew": "Ukraine", "Moskau": "Russia"}, {"Moskau"}),
        ("it", "Mosca nega e imputa l'azione a Kiev.", {"Mosca": "Russia"}, {"Kiev"}),
        ("fr", "Le barrage, dont Kiev et Moscou s'accusent mutuellement la destruction.", {"Kiev": "Ukraine", "Moscou": "Russia"}, set()),
        ("it", "Secondo Mosca, l'esplosione è stata causata da un camion bomba. Il treno per Mosca è partito.", {"Mosca": "Russia"}, set()),
        ("de", "Die Brücke wurde von Kiew zuletzt verstärkt angegriffen. Der Zug fuhr von Moskau nach Sankt Petersburg.",
         {"Kiew": "Ukraine"}, {"Moskau"}),
        ("fr", "Vladimir Poutine a accusé Kiev d'avoir organisé l'explosion. Le train pour Kiev est parti.", {"Kiev": "Ukraine"}, set()),
    ],
)
def test_a_capital_that_acts_is_its_state_in_other_languages(language, text, states, cities):
    analysis = analyse_other(Article(origin=f"{language}.txt", text=text, language=language, content_hash=language + text[:9]))
    acting = {m.span.text: analysis.chains[m.chain].name for m in analysis.mentions if m.role == "description"}
    named = {m.span.text for m in analysis.mentions if m.role == "name" and m.label == "GPE"}
    assert acting == states and cities <= named


def test_names_as_common_as_words_are_names_after_a_first_name_or_as_big_cities():
    text = "Russlands Präsident Wladimir Putin bezeichnete ihn als Verräter. Putin sprach im Fernsehen. Moskau schweigt."
    analysis = analyse_other(Article(origin="de.txt", text=text, language="de", content_hash="de-putin"))
    chains = {c.name: {analysis.mentions[i].span.text for i in c.mentions if analysis.mentions[i].role != "description"} for c in analysis.chains}
    assert chains["Wladimir Putin"] == {"Wladimir Putin", "Putin"} and "Moskau" in chains


def test_a_heads_of_state_office_speaks_for_the_state(analyse):
    analysis = analyse("The office of Belarusian President Alexander Lukashenko said on Saturday that he had brokered a deal. "
                       "Lukashenko’s press service said talks went on all day. The Belarusian presidency published the text.")
    found = forms(analysis)
    assert {"The office of Belarusian President Alexander Lukashenko", "Lukashenko’s press service"} <= found["Belarus"]
    assert government_of("Belarusian presidency") == "Belarus"
    assert "Lukashenko’s press service" not in found["Alexander Lukashenko"]


@pytest.mark.parametrize(
    ("language", "text", "army"),
    [
        ("fr", "Le groupe Wagner accuse l'armée russe d'avoir mené des frappes.", "l'armée russe"),
        ("es", "La cúpula del Ejército ruso ha escalado.", "Ejército ruso"),
        ("pt", "Prigozhin disse que o exército russo havia atacado um acampamento.", "exército russo"),
        ("de", "Die Lager seien von der russischen Armee angegriffen worden.", "russischen Armee"),
    ],
)
def test_a_countrys_army_in_other_languages_is_its_armed_forces(language, text, army):
    analysis = analyse_other(Article(origin=f"{language}.txt", text=text, language=language, content_hash=language + text[:9]))
    (chain,) = [c for c in analysis.chains if c.name == army]
    assert chain.label == "ORG" and signature("Armed Forces of Russia") in {signature(a) for a in chain.aliases}
    assert signature("Russian forces") == signature("Armed Forces of the Russian Federation")


def test_an_office_written_alone_joins_the_person_another_article_gives_it_or_no_one(tmp_path):
    """eval/realstory (Wagner): "Представитель Кремля", "Официальный спикер Кремля" and "пресс-секретарь Кремля"
    alone, in articles stored before the one that names Peskov so; an office with no named body and one in
    the plural name no one."""
    pages = [
        ("a.txt", "Уголовное дело прекратят. Представитель Кремля добавил, что гарантией служит слово президента."),
        ("b.txt", "Официальный спикер Кремля также рассказал журналистам, что переговоры шли весь день."),
        ("c.txt", "Официальный представитель Кремля Дмитрий Песков заявил, что Пригожин уедет в Белоруссию."),
        ("d.txt", "Такое заявление пресс-секретарь Кремля сделал после разговора. Белорусский лидер промолчал. "
                  "Представители Министерства обороны РФ отказались от комментариев."),
    ]
    store = Store(tmp_path / "store.db")
    for name, text in pages:  # one after the other: the offices come first
        (tmp_path / name).write_text(text, encoding="utf-8")
        Pipeline(store, workers=1).ingest([str(tmp_path / name)])
    with store.session() as session:
        rows, live = live_actors(session)
    peskov = live["Дмитрий Песков"]
    assert live["Представитель Кремля"] == live["Официальный спикер Кремля"] == live["пресс-секретарь Кремля"] == peskov
    assert "Белорусский лидер" in rows and "Белорусский лидер" not in live
    assert not any(text.startswith("Представители") for text in rows)


def test_a_courtesy_title_the_model_took_into_the_name_is_a_title():
    """eval/realstory (Wagner): in one BBC page the model wrote the person "Mr Progozhin", title and all."""
    from factfile.extract.chains import build_chains
    from factfile.records import Mention, Span

    text = "Yevgeny Progozhin owns the private Wagner force. Mr Progozhin, who has called for an armed rebellion, spoke."
    first, second = Span(0, 48, text[:48]), Span(49, len(text), text[49:])
    analysis = Analysis(article=Article(origin="t", text=text, content_hash="mr", language="en"), sentences=[first, second])
    analysis.mentions = [Mention(Span(0, 17, "Yevgeny Progozhin"), "PERSON", first), Mention(Span(49, 61, "Mr Progozhin"), "PERSON", second)]
    (chain,) = build_chains(analysis)
    assert {analysis.mentions[i].span.text for i in chain.mentions} == {"Yevgeny Progozhin", "Progozhin", "Mr Progozhin"}
    assert chain.name == "Yevgeny Progozhin" and "Mr Progozhin" not in chain.aliases


def test_a_head_of_state_written_by_adjective_or_by_country_is_one_office(tmp_path):
    """eval/realstory (Wagner): "Президент Белоруссии Александр Лукашенко" in one article, "белорусский лидер"
    alone in another; "российский лидер" is another country's head and stays apart."""
    pages = {
        "a.txt": "Президент Белоруссии Александр Лукашенко провел переговоры с Пригожиным в субботу.",
        "b.txt": "Переговоры шли весь день. По словам белорусского лидера, Пригожин согласился уехать.",
        "c.txt": "Переговоры шли весь день. Российский лидер выступил с обращением к нации.",
    }
    store = ingested(tmp_path, pages)
    with store.session() as session:
        _, live = live_actors(session)
    assert live["белорусского лидера"] == live["Александр Лукашенко"]
    assert live.get("Российский лидер") != live["Александр Лукашенко"]


def test_a_countrys_armed_forces_never_join_anothers_by_their_shared_acronym(tmp_path):
    """A larger store joined "ЗС РФ" (Russia's armed forces) to Ukraine's record as "same name as “Armed
    Forces Ukraine”": the article wrote both, and its chain key left the country out."""
    store = ingested(tmp_path, {
        "a.txt": "Генштаб ЗС України заявив, що ЗС РФ відступили з позицій біля Херсона. ЗС України продовжують наступ.",
        "b.txt": "Генштаб ЗС України повідомив про нові удари. ЗС України знищили склад боєприпасів під Бахмутом.",
    })
    with store.session() as session:
        _, actors = live_actors(session)
        names = {actor: set(session.scalars(select(s.Alias.name).where(s.Alias.actor_id == actor))) for actor in set(actors.values())}
    assert actors["ЗС РФ"] != actors["ЗС України"]
    assert "Armed Forces Russia" not in names[actors["ЗС України"]] and "Armed Forces Ukraine" not in names[actors["ЗС РФ"]]


def test_a_lone_surname_on_a_page_read_without_a_model_joins_the_person(tmp_path):
    """eval/realstory (Kerch): "Khusnullin" on an Italian page, guessed an organisation, was an actor of its own."""
    store = ingested(tmp_path, {
        "a.txt": "Russian Deputy Prime Minister Marat Khusnullin said on Saturday that the Crimean Bridge would be repaired quickly.",
        "b.txt": "Il vicepremier russo Khusnullin ha detto sabato che il ponte di Crimea sarà riparato entro pochi mesi, secondo la Tass.",
    })
    with store.session() as session:
        _, actors = live_actors(session)
    assert actors["Khusnullin"] == actors["Marat Khusnullin"]


def test_a_place_before_a_persons_name_is_cut_off_in_other_languages():
    analysis = analyse_other(Article(origin="t", text="Lo ha riferito il leader filorusso della Crimea Serghei Aksyonov, citato dalla Tass. "
                                     "Aksyonov ha detto che il traffico è ripreso.", content_hash="it", language="it"))
    names = {c.name: c for c in analysis.chains}
    assert "Serghei Aksyonov" in names and "Crimea Serghei Aksyonov" not in names
    assert len(names["Serghei Aksyonov"].mentions) == 2


def test_an_article_naming_two_stored_organisations_as_one_joins_them(tmp_path):
    """eval/realstory (Kerch): "СБУ" and "Security Service of Ukraine" were two actors, stored apart by
    articles that each gave one name, and an article giving both joined only one of them."""
    store = ingested(tmp_path, {
        "a.txt": "Співробітники СБУ затримали агента російських спецслужб у Києві в суботу ввечері.",
        "b.txt": "The Security Service of Ukraine said on Saturday that it had detained a Russian agent in Kyiv.",
        "c.txt": "Про це повідомила Служба безпеки України. Співробітники СБУ затримали ще одного агента в Одесі.",
    })
    with store.session() as session:
        _, actors = live_actors(session)
    assert actors["СБУ"] == actors["Security Service of Ukraine"] == actors["Служба безпеки України"]


def test_an_organisation_known_only_by_an_acronym_joins_the_one_an_article_names_with_it(tmp_path):
    """eval/realstory (Kerch): "МЧС" alone on one page stayed an actor apart from Russia's emergencies
    ministry, which another page names in full with that acronym."""
    store = ingested(tmp_path, {
        "a.txt": "Russia's Ministry of Emergency Situations said on Saturday that the fire at the depot was out.",
        "b.txt": "На место происшествия направлены сотрудники МЧС, сообщили в субботу в администрации района.",
        "c.txt": "Russia's Ministry of Emergency Situations (МЧС) said on Sunday that nobody had been hurt in the blast.",
    })
    with store.session() as session:
        rows = session.execute(select(s.Mention.document_id, s.Mention.text, s.Mention.actor_id)).all()
        merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())
    actors = {(document, text): merged.get(actor) or actor for document, text, actor in rows if actor is not None}
    ministry = {a for (_, text), a in actors.items() if text == "Russia's Ministry of Emergency Situations"}
    assert len(ministry) == 1 and {a for (_, text), a in actors.items() if text == "МЧС"} == ministry


def test_an_office_of_a_place_is_its_holder_here_or_in_another_article(analyse, tmp_path):
    analysis = analyse("MOSCOW, June 24, 2023 (AFP) – The mayor of Moscow said on Saturday that measures were being taken. "
                       "“Measures aimed at strengthening security are being taken,” Moscow Mayor Sergei Sobyanin said.")
    assert "mayor of Moscow" in forms(analysis)["Sergei Sobyanin"]
    analysis = analyse("Sergei Sobyanin, the mayor of Moscow, said on Saturday that anti-terror measures were being taken.")
    assert "mayor of Moscow" in forms(analysis)["Sergei Sobyanin"]
    store = ingested(tmp_path, {
        "a.txt": "Please be considerate of the measures taken, Sobyanin said on Telegram on Saturday morning.\n\n"
                 "Rostov regional Governor Vasily Golubev has called on local residents to avoid traveling to the center of Rostov-on-Don.",
        "b.txt": "“This is a march of justice,” the rebels declared. The governor of Rostov region has urged citizens to remain indoors.",
    })
    with store.session() as session:
        _, live = live_actors(session)
    assert live["governor of Rostov region"] == live["Vasily Golubev"]


@pytest.mark.parametrize(
    ("language", "text", "regime", "state"),
    [
        ("ru", "Это очередной теракт, совершённый киевским режимом, заявили в Москве.", "киевским режимом", "Ukraine"),
        ("uk", "Так званий московський режим знову погрожує, заявив речник.", "московський режим", "Russia"),
        ("de", "Die Brücke wurde vom Kiewer Regime angegriffen, sagte die Sprecherin.", "Kiewer Regime", "Ukraine"),
        ("fr", "Le régime de Moscou nie toute implication dans l'attaque.", "régime de Moscou", "Russia"),
    ],
)
def test_a_capitals_regime_is_its_state(language, text, regime, state):
    analysis = analyse_other(Article(origin=f"{language}.txt", text=text, language=language, content_hash=language + text[:12]))
    found = {m.span.text: analysis.chains[m.chain].name for m in analysis.mentions if m.chain is not None}
    assert found[regime] == state


def test_a_groups_fighters_alone_join_the_stored_group_of_that_name_or_none(tmp_path):
    """eval/realstory (Wagner): "вагнеровцы", "вагнераўцы" in pages that never name Wagner itself."""
    pages = [
        ("a.txt", "Бойцы ЧВК «Вагнер» вошли в Ростов-на-Дону в субботу утром."),
        ("b.txt", "Во время мятежа вагнеровцы уничтожили семь единиц техники. Кадыровцы стояли у Ростова."),
    ]
    store = Store(tmp_path / "store.db")
    for name, text in pages:
        (tmp_path / name).write_text(text, encoding="utf-8")
        Pipeline(store, workers=1).ingest([str(tmp_path / name)])
    with store.session() as session:
        rows, live = live_actors(session)
    assert live["вагнеровцы"] == live["ЧВК «Вагнер»"]
    assert "Кадыровцы" not in live


def test_a_body_named_without_its_country_joins_the_one_countrys_body_so_named(tmp_path):
    """eval/realstory (Kerch): "Komitet Śledczy", "Istražnog komiteta", "Comité antiterroriste" were actors of their own
    beside Russia's committees; "Russian National Investigative Committee" beside "Russian Investigative Committee"."""
    store = ingested(tmp_path, {
        "a.txt": "The Russian Investigative Committee opened a criminal case on Saturday after the blast on the bridge.",
        "b.txt": "Rzecznik przekazał, że Komitet Śledczy wszczął w sobotę śledztwo w sprawie wybuchu na moście krymskim.",
        "c.txt": "Russlands nationales Ermittlungskomitee teilte mit, dass nach der Explosion ein Verfahren eröffnet wurde.",
    })
    with store.session() as session:
        _, live = live_actors(session)
    assert live["Komitet Śledczy"] == live["Russian Investigative Committee"] == live["nationales Ermittlungskomitee"]


def test_a_body_named_without_its_country_joins_none_of_two_countries_bodies_so_named(tmp_path):
    store = ingested(tmp_path, {
        "a.txt": "The Russian Investigative Committee opened a criminal case on Saturday after the blast on the bridge.",
        "b.txt": "The Belarusian Investigative Committee opened a criminal case on Sunday after the fire at the plant.",
        "c.txt": "Rzecznik przekazał, że Komitet Śledczy wszczął w sobotę śledztwo w sprawie wybuchu na moście krymskim.",
    })
    with store.session() as session:
        _, live = live_actors(session)
    assert live["Russian Investigative Committee"] != live["Belarusian Investigative Committee"]
    assert live["Komitet Śledczy"] not in {live["Russian Investigative Committee"], live["Belarusian Investigative Committee"]}


def test_an_office_alone_joins_the_person_another_article_gives_it_whatever_its_noun_or_spelling(tmp_path):
    """eval/realstory (Kakhovka, Wagner): "The Kremlin’s press secretary" and "Russia’s defence minister" were persons of
    their own, though other articles wrote "Kremlin spokesman Dmitry Peskov" and "Russia’s defense minister, Sergei Shoigu,"."""
    store = ingested(tmp_path, {
        "a.txt": "Kremlin spokesman Dmitry Peskov told reporters on Monday that talks were not planned.",
        "b.txt": "Russia’s defense minister, Sergei Shoigu, visited the troops in the south on Tuesday.",
        "c.txt": "The Kremlin’s press secretary said on Wednesday that the dam was destroyed on purpose.",
        "d.txt": "Russia’s defence minister said on Thursday that the offensive had failed near the town.",
    })
    with store.session() as session:
        _, live = live_actors(session)
    assert live["Kremlin’s press secretary"] == live["Dmitry Peskov"]
    assert live["Russia’s defence minister"] == live["Sergei Shoigu"]


def test_a_command_named_by_its_direction_is_one_body_whatever_words_name_whose_it_is(tmp_path):
    """eval/realstory (Kakhovka): Ukraine's southern command was four actors: "the South command of Ukraine’s Armed
    Forces", "Southern Command of the Armed Forces of Ukraine", "Southern Operational Command" and one with no actor."""
    store = ingested(tmp_path, {
        "a.txt": "The South command of Ukraine’s Armed Forces said on Tuesday that Russian troops shelled the town.",
        "b.txt": "The Southern Command of the Armed Forces of Ukraine said that the water level kept rising near the dam.",
        "c.txt": "Ukraine's Southern Operational Command reported on Wednesday that the evacuation was under way.",
        "d.txt": "The Southern Operational Command said on Thursday that more villages were flooded overnight.",
    })
    with store.session() as session:
        _, live = live_actors(session)
    assert len({live[name] for name in ("South command of Ukraine’s Armed Forces", "Southern Command of the Armed Forces of Ukraine",
                                        "Ukraine's Southern Operational Command", "Southern Operational Command")}) == 1
