"""Claim slots and the disputes built on them: who did it, how, whether it can be repaired, what it is
called, read from sentences of eval/realstory's pages (quoted as published), values normalised."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from test_copies import REPORT_A, REPORT_B, TEXTS, add
from test_corroboration import statement

from factfile.extract import Extractor
from factfile.read.disputes import disputes
from factfile.records import Article
from factfile.relate import contradictions
from factfile.relate.slots import Slot, agency_of, claimed, read, says_it_did, state_of
from factfile.store import Store
from factfile.store.schema import Actor, Document, StatementVector, Story


def values(content: str, cue: str | None = None, certainty: str = "asserted", attribute: str | None = None) -> set[tuple[str, bool]]:
    return {(s.value, s.denied) for s in read(content, cue, certainty) if attribute in (None, s.attribute)}


def test_agents_are_normalised_to_their_state():
    assert state_of("the Russian occupying forces") == state_of("вс рф") == state_of("Moscow") == "Russia"
    assert state_of("the Kiev regime") == state_of("ВСУ") == state_of("the Ukrainian side") == "Ukraine"
    assert state_of("Israeli troops") == "Israel"
    assert state_of("the researchers") is None
    assert state_of("Minsk") == "Belarus" and state_of("Moscow's forces") == "Russia" and state_of("Kiew") == "Ukraine"  # capitals
    assert state_of("Washington") == "United States"  # the capital, not the towns of that name in England
    assert state_of("Rússia") == state_of("l'armée russe") == state_of("la flotta russa") == "Russia"
    assert state_of("Ucrânia") == state_of("Ucrania") == state_of("los servicios ucranianos") == "Ukraine"


def test_a_content_naming_no_structure_is_about_the_one_its_source_words_name():
    found = read("в подрыве российскую армию", "обвинила", "reported", source="Каховской ГЭС")  # the sayer misread, its words kept
    assert [(s.attribute, s.target, s.value) for s in found] == [("responsibility", "dam", "Russia")]
    assert [s.target for s in read("в подрыве российскую армию", "обвинила", "reported")] == [None]


@pytest.mark.parametrize(("content", "cue", "certainty", "expected"), [
    ("“The Kakhovka (dam) was blown up by the Russian occupying forces,”", "said", "reported", {("Russia", False)}),
    ("that this is deliberate sabotage by the Ukrainian side", "can already say", "reported", {("Ukraine", False)}),
    ("the Kakhovka dam explosion was an “unthinkable crime” committed by the Kiev regime", "said", "reported", {("Ukraine", False)}),
    ("Ukraine has committed sabotage at the Kakhovka Hydroelectric Power Plant (HPP)", "said", "hedged", {("Ukraine", False)}),
    ("that Russia was not involved in the dam’s destruction", "says", "reported", {("Russia", True)}),
    ("Ukraine deliberately sabotaged the Kakhovka dam, rejecting accusations that Russia was behind the incident", "claims", "hedged",
     {("Ukraine", False), ("Russia", True)}),
    ("что плотина Каховской гидроэлектростанции (ГЭС) разрушилась во вторник, 6 июня, из-за «методичных атак ВСУ»", "заявила", "reported",
     {("Ukraine", False)}),
    ("По нашим данным подрыв ГЭС осуществлен личным составом 1 батальона 205 мотострелковой бригады вс рф", "пише", "reported",
     {("Russia", False)}),
    ("в подрыве Каховской ГЭС российские войска", "обвинило", "reported", {("Russia", False)}),
    # the state named nearest "is behind", in a phrase of a few words; the states' security services
    ("Ukrainian intelligence is behind the deadly attack on the Crimean Bridge", "said", "reported", {("Ukraine", False)}),
    ("Kyiv says Russia was behind the attack on the bridge", "said", "reported", {("Russia", False)}),
    ("the SBU of carrying out a “terrorist attack” on the main bridge connecting Russia and Crimea", "accused", "hedged", {("Ukraine", False)}),
    # the accused is the first state named, in Romance names and demonyms too; the bridge "que liga a Rússia" is no agent
    ("neste domingo (9) os serviços secretos ucranianos de terem causado a explosão que destruiu parcialmente a ponte que liga a Rússia "
     "à Crimeia, anexada por Moscou em 2014", "acusou", "reported", {("Ukraine", False)}),
    # whoever is said to be its doers or organisers did it; "за X стоит Y": Y is behind X
    ("“The perpetrators, executors and clients are the secret service of Ukraine,”", "has said", "reported", {("Ukraine", False)}),
    ("организатором взрыва на Крымском мосту является глава военной разведки Украины Кирилл Буданов", "установила", "reported",
     {("Ukraine", False)}),
    ("что за подрывом Крымского моста в 2022 году стоит СБУ", "заявил", "reported", {("Ukraine", False)}),
    ("the organisers of the festival were the city's residents", "said", "reported", set()),
    # accused of a terrorist act, a French lowercase demonym
    ("les services secrets ukrainiens d'\"acte terroriste\"", "a accusé", "reported", {("Ukraine", False)}),
    # a strike on a force's camps
    ("Минобороны России в ракетном ударе по «тыловым лагерям» наемников", "обвинил", "reported", {("Russia", False)}),
    # a passive without its agent names none; one sentence blaming both sides is a report of the dispute, not a side
    ("A vast Soviet-era dam in the Russian-controlled part of southern Ukraine was destroyed on Tuesday.", "said", "reported", set()),
    ("that Russian forces blew up the dam while Russian sources blamed Ukraine", "said", "reported", set()),
])
def test_who_did_it(content, cue, certainty, expected):
    assert values(content, cue, certainty, "responsibility") == expected


def test_how_it_was_done_is_said_of_the_structure():
    assert values("an explosion at the Kakhovka dam at 02:54 am on 6 June", attribute="means") == {("explosion", False)}
    assert values("that at night, the Ukrainian military delivered a strike on the Kakhovka HPP, presumably from an Olkha MLRS",
                  attribute="means") == {("strike", False)}
    assert values("подрыв ГЭС", "отрицал", "denied", attribute="means") == {("explosion", True)}
    assert values("it is physically impossible to destroy the dam from outside by shelling", attribute="means") == {("strike", True)}
    # shelling of a town beside the flooding from the dam is no means of its destruction
    assert values("that at least one civilian was killed in Russian shelling of the Kherson city centre, as the region deals with "
                  "massive flooding from the dam", attribute="means") == set()
    # an attack names no means, in any language ("атака на Кримський міст": the sea drones' blast, the RBC source's words)
    assert values("Нічна атака на Кримський міст була спецоперацією ВМС ЗСУ та СБУ", attribute="means") == set()
    assert values("the overnight attack on the Crimean bridge", attribute="means") == set()


@pytest.mark.parametrize("content", [
    "un coche bomba explotó en el puente de Crimea",  # es
    "Un véhicule piégé a déclenché un vaste incendie sur le pont de Crimée",  # fr
    "un camion fatto saltare in aria sul ponte",  # it
    "eine Detonation in einem Lastkraftwagen auf der Brücke",  # de
    "um caminhão-bomba explodiu na ponte",  # pt
])
def test_a_vehicle_bomb_in_the_stories_languages(content):
    """eval/realstory (Kerch): the committee's "a truck was blown up on the bridge" as each outlet's language words it."""
    assert values(content, attribute="means") == {("vehicle bomb", False)}


def test_a_kind_of_explosion_says_how_the_story_s_happening_was_done_with_no_structure_named():
    """eval/realstory (Kerch): the committee's "a truck was blown up", with no bridge named near it, is the story's
    truck bomb; a plain explosion with no structure says nothing of how."""
    for content in ("что «произошел подрыв грузового автомобиля», в результате чего загорелись семь цистерн",
                    "eine Detonation in einem Lastkraftwagen",
                    "that the truck bomb triggered seven railway cars carrying fuel to catch fire, resulting in a “partial collapse of "
                    "two sections of the bridge.”"):
        assert [(s.attribute, s.target, s.value, s.denied) for s in read(content)] == [("means", None, "vehicle bomb", False)]
    assert read("что произошел взрыв, в результате чего загорелись семь цистерн") == []
    assert values("что был подорван грузовой автомобиль, который передвигался по мосту", attribute="means") == {("vehicle bomb", False)}


def test_a_denied_strike_is_a_claim_an_asserted_one_what_it_is_about():
    """The defence ministry's "information about a strike on the camps does not correspond to reality" claims there
    was none; "the strike on the camps" asserted is what every report of it names."""
    denied = read("Информация об «ударе» по тыловым лагерям ЧВК «Вагнер» не соответствует действительности", "сообщили", "denied")
    assert [(s.attribute, s.target, s.value, s.denied) for s in denied] == [("means", "camp", "strike", True)]
    assert claimed(denied[0]) and not claimed(Slot("means", "camp", "strike"))


@pytest.mark.parametrize(("content", "expected"), [
    ("Россия столкнулась с предательством и изменой стране", {("betrayal", False)}),
    ("como «una puñalada por la espalda» y se comprometió a castigar a quienes habían «traicionado» a Rusia", {("betrayal", False)}),
    ("действията на лидерът на \"Вагнер\" Евгений Пригожин \"нож в гърба\"", {("betrayal", False)}),
    ("that they were patriots, not traitors", {("betrayal", True)}),
    # a negation of another verb; words that only look alike ("изменения", "traditional")
    ("не выполнять преступные и предательские приказы Пригожина", {("betrayal", False)}),
    ("изменения в законе вступят в силу", set()),
    ("traditional values", set()),
])
def test_an_act_called_a_betrayal_or_not(content, expected):
    """eval/realstory (Wagner): Putin's "treason and a stab in the back" in each outlet's language, one claim."""
    assert values(content, attribute="betrayal") == expected


def test_an_aircraft_shot_down_or_not():
    assert values("that the jet may have been shot down by systems Russian anti-aircraft defense", attribute="downed") == {("shot down", False)}
    assert values("що «ніщо не вказує на те, що літак був уражений ракетою із землі»", attribute="downed") == {("shot down", True)}
    # anti-aircraft defence is no aircraft, and an explosion on board says nothing of what brought the plane down
    assert values("Russian anti-aircraft defence repelled the attack on Belgorod", attribute="downed") == set()
    assert values("the plane crashed after an explosion on board", attribute="downed") == set()


def test_repairable_and_what_it_is_called():
    assert values("что Каховская ГЭС полностью разрушена и восстановлению не подлежит", attribute="repairable") == {("repairable", True)}
    assert values("я думаю, що сучасними технологіями відновити її буде досить швидко", attribute="repairable") == {("repairable", False)}
    # "не менш як рік", "не менее года" (not less than a year) deny nothing
    assert values("не менее года потребуется на восстановление ГЭС", attribute="repairable") == {("repairable", False)}
    assert values("про \"грандіозні пошкодження\" Каховської ГЕС і навіть порахували, що на її ремонт піде нібито \"не менш як рік\"",
                  attribute="repairable") == {("repairable", False)}
    assert values("restore justice", attribute="repairable") == set()
    called = "characterisation"
    assert values("\"This is not a military coup, but a march of justice,\"", "declared", attribute=called) == {("coup or mutiny", True)}
    assert values("Prigozhin's move as a 'military mutiny'", "described", attribute=called) == {("coup or mutiny", False)}
    assert values("an armed rebellion aimed at ousting Russia's defence minister", "has called for", attribute=called) == set()
    assert values("цели своего мятежа", "назвал", attribute=called) == set()


def test_a_denial_of_one_value_fits_another():
    assert Slot("means", "dam", "explosion", denied=True).compatible(Slot("means", "dam", "strike"))
    assert not Slot("means", "dam", "explosion").compatible(Slot("means", "dam", "strike"))
    assert not Slot("responsibility", "dam", "Russia", denied=True).compatible(Slot("responsibility", "dam", "Russia"))


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def story_of(store, texts_and_outlets, days_apart: int = 1, first: date = date(2023, 6, 6)) -> tuple[int, list[int]]:
    """One story of these reports, published `days_apart` days after each other from `first`."""
    documents = [add(store, text, outlet, first + timedelta(days=i * days_apart)) for i, (text, outlet) in enumerate(texts_and_outlets)]
    with store.transaction() as session:
        story = Story(label="the dam")
        session.add(story)
        session.flush()
        for document_id in documents:
            session.get(Document, document_id).story_id = story.id
        return story.id, documents


def test_a_story_shows_who_did_it_with_both_sides_and_no_narration(store):
    story, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        statement(session, first, "the South command", "The Kakhovka dam was blown up by the Russian occupying forces")
        statement(session, second, "Peskov", "this is deliberate sabotage by the Ukrainian side")
        statement(session, second, "Putin's spokesman", "Russia was not involved in the dam's destruction", "asserted")
        statement(session, third, None, "The dam was blown up by Ukrainian forces")  # the outlet's own voice is no side
    found = [d for d in disputes(store, story=story) if d.attribute.startswith("who did it")]
    assert len(found) == 1 and found[0].subject_kind == "story" and found[0].subject == "the dam"
    sides = {side.value: side for side in found[0].sides}
    assert set(sides) == {"Russia", "Ukraine / not Russia"}
    assert sides["Russia"].sources == ["the South command"] and sides["Russia"].outlets == ["a.example"]
    assert sides["Ukraine / not Russia"].sources == ["Peskov", "Putin's spokesman"]
    assert third not in sides["Russia"].documents + sides["Ukraine / not Russia"].documents


def test_one_source_on_every_side_is_no_dispute_and_a_shown_claim_is_not_shown_twice(store):
    story, (first, second, _) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        statement(session, first, "Prigozhin", "This is not a military coup, but a march of justice")
        statement(session, second, "prigozhin", "this has the look of a military coup")
    with store.session() as session:
        assert contradictions.for_story(session, story) == []
    with store.transaction() as session:
        statement(session, second, "Steve Fish", "this has the look of a military coup")
    with store.session() as session:
        found = contradictions.for_story(session, story)
    assert [(c.attribute, sorted(side.value for side in c.sides)) for c in found] == [
        ("what it is called", ["coup or mutiny", "not a coup or mutiny"])
    ]  # not also "confirmed vs denied" of the same statements


def test_a_denial_compared_by_words_alone_needs_more_than_names_in_common(store):
    """Russian statements have no vectors: the ministry's denial of Prigozhin's claim is not "confirmed" by the
    anti-terror committee's statement whose content was read as just "Евгения Пригожина" (token_set_ratio
    alone paired them: one is inside the other)."""
    _, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        denial = statement(session, first, "Минобороны",
                           "заявление главы «ЧВК «Вагнер» Евгения Пригожина в нанесении удара по тыловым лагерям формирования", "denied")
        statement(session, second, "Национальный антитеррористический", "Евгения Пригожина")
        session.query(StatementVector).delete()
    with store.session() as session:
        assert contradictions.for_statement(session, denial) == []
    with store.transaction() as session:
        statement(session, third, "Пригожин", "заявление главы ЧВК Вагнер Евгения Пригожина о нанесении удара по тыловым лагерям")
        session.query(StatementVector).delete()
    with store.session() as session:
        found = contradictions.for_statement(session, denial)
    assert [sorted(side.sources for side in c.sides) for c in found] == [[["Минобороны"], ["Пригожин"]]]


def test_a_population_or_a_possessive_is_no_fact_of_the_group():
    extract = Extractor()

    def facts(text: str) -> set[tuple[str, str]]:
        analysis = extract(Article(origin="t", text=text, content_hash=str(hash(text)), language="en"))
        return {(f.predicate, f.value) for f in analysis.facts if f.predicate in ("size", "head")}

    assert facts("The Associated Press reported the flood. The area was home to more than 60,000 people.") == set()
    assert facts("The office of Belarusian President Alexander Lukashenko said he had spoken to Prigozhin with Putin's approval, "
                 "and that the head of the Wagner militia had agreed to de-escalate the situation.") == set()
    assert facts("Yevgeny Prigozhin, the head of the Wagner Group, spoke on Friday.") == {("head", "Yevgeny Prigozhin")}


def test_how_the_dam_was_destroyed_with_a_denial_beside_the_other_means(store):
    """eval/realstory's Kakhovka "cause" contradiction: NORSAR's explosion against Saldo's strike, with the
    Russian-installed mayor's denial of the blast on the strike's side."""
    story, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        statement(session, first, "NORSAR", "an explosion at the Kakhovka dam at 02:54 am on 6 June")
        statement(session, second, "Vladimir Saldo", "the Ukrainian military delivered a strike on the Kakhovka HPP, presumably from an Olkha MLRS")
        statement(session, third, "Владимир Леонтьев", "подрыв ГЭС", "denied")
    with store.session() as session:
        found = {c.attribute: c for c in contradictions.for_story(session, story)}
    assert sorted(side.value for side in found["how it was done (dam)"].sides) == [
        "blown up (explosion)", "not blown up / struck (strike, shelling)"
    ]


def test_where_the_charge_was_a_truck_on_the_deck_or_under_water():
    """eval/realstory's Kerch "cause" contradiction: the anti-terrorism committee's truck bomb against a Ukrainian
    minister's adviser's blast at the supports under water; each a kind of explosion, neither of the other."""
    assert values("do wybuchu doszło na podporach mostu, a operację przeprowadzono pod wodą", attribute="means") == {("underwater", False)}
    assert values("произошел подрыв грузовика на Крымском мосту", attribute="means") == {("vehicle bomb", False)}
    assert values("A truck bomb caused the collapse of part of a bridge", attribute="means") == {("vehicle bomb", False)}
    assert values("the truck's owner lives near the bridge", attribute="means") == set()  # a vehicle alone is no bomb
    truck, water, blast = (Slot("means", "bridge", value) for value in ("vehicle bomb", "underwater", "explosion"))
    assert truck.compatible(blast) and water.compatible(blast) and not truck.compatible(water)
    assert not truck.compatible(Slot("means", "bridge", "explosion", denied=True))
    assert Slot("means", "bridge", "vehicle bomb", denied=True).compatible(blast)


def test_how_the_bridge_was_blown_up_a_truck_or_under_water(store):
    story, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        statement(session, first, "НАК", "на Крымском мосту произошел подрыв грузового автомобиля")
        statement(session, second, "the investigators", "an explosion on the bridge killed three people")
        statement(session, third, "Anton Heraszczenko", "do wybuchu doszło na podporach mostu, a operację przeprowadzono pod wodą")
    with store.session() as session:
        found = {c.attribute: c for c in contradictions.for_story(session, story)}
    sides = {side.value: side.sources for side in found["how it was done (bridge)"].sides}
    assert sides == {"blown up (a vehicle bomb) / blown up (explosion)": ["the investigators", "НАК"], "blown up (under water)": ["Anton Heraszczenko"]}


def test_a_side_shows_dated_reports_before_undated_ones(store):
    """A content farm's undated copy is not the first evidence a reader sees (SQLite sorts NULL first)."""
    story, (first, second, _) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    undated = add(store, TEXTS[1], "farm.example")
    with store.transaction() as session:
        session.get(Document, undated).story_id = story
        statement(session, undated, "the South command", "The Kakhovka dam was blown up by the Russian occupying forces")
        statement(session, first, "the South command", "The Kakhovka dam was blown up by the Russian occupying forces")
        statement(session, second, "Peskov", "this is deliberate sabotage by the Ukrainian side")
    (found,) = [d for d in disputes(store, story=story) if d.attribute.startswith("who did it")]
    russia = next(side for side in found.sides if side.value == "Russia")
    assert [e.document_id for e in russia.evidence] == [first, undated]


@pytest.mark.parametrize(("content", "certainty", "expected"), [
    ("that they had taken the small frontier village of Kozinka and would now march on Graivoron", "reported", {("kozin", "taken", False)}),
    ("the attack on Kozinka was repelled", "reported", {("kozin", "taken", True)}),
    ("the attack was repelled", "reported", {(None, "taken", True)}),
    ("the saboteurs failed to take Kozinka", "reported", {("kozin", "taken", True)}),
    ("боевики взяли под контроль Козинку", "reported", {("kozin", "taken", False)}),  # one key in either script
    ("что «взял» Ростов — заблокированы штаб южного военного округа", "reported", {("rosto", "taken", False)}),
    # a place said to be under someone's control, in a content naming a place the gazetteer holds
    ("i siti militari della città di Rostov sul Don sono sotto il controllo del Gruppo Wagner", "reported", {("rosto", "taken", False)}),
    ("se ha apoderado de «todas las instalaciones militares» de la ciudad de Rostov-on-Don", "reported", {("rosto", "taken", False)}),
    ("his men have infiltrated the Southern Defense Command in Rostov-on-Don and that the city's airfield was under his control",
     "reported", {("rosto", "taken", False)}),  # "Southern" is a word of a longer name, not the place
    ("the situation in Rostov is under control", "reported", set()),  # a situation, not a place, under control
    ("the airfield was under his control", "reported", set()),  # no place named
    ("Russian troops captured Bakhmut", "denied", {("bakhm", "taken", True)}),
    ("It took Ukraine three days to answer", "reported", set()),  # a country, not a place taken
    ("he took Putin seriously", "reported", set()),
    ("the attack was not repelled", "reported", set()),
    ("Они весьма эффективно и успешно отражают контрнаступление", "reported", set()),  # a campaign, no place
    ("the troops are repelling the Ukrainian counter-offensive", "reported", set()),
    ("the counter-offensive on Kozinka was repelled", "reported", {("kozin", "taken", True)}),
])
def test_an_attack_s_outcome_taken_or_repelled(content, certainty, expected):
    assert {(s.target, s.value, s.denied) for s in read(content, "said", certainty) if s.attribute == "outcome"} == expected


def test_a_place_said_taken_by_one_source_and_the_attack_said_repelled_by_another(store):
    story, (first, second, _) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        statement(session, first, "The Legion", "they had taken the small frontier village of Kozinka")
        statement(session, second, "the Russian defence ministry", "the attack was repelled")
    found = [d for d in disputes(store, story=story) if d.attribute.startswith("taken or repelled")]
    assert [d.attribute for d in found] == ["taken or repelled (Kozinka)"]
    assert {side.value: side.sources for side in found[0].sides} == {
        "taken": ["The Legion"], "not taken (repelled)": ["the Russian defence ministry"]
    }


def test_which_agency_did_it_is_read_with_its_state():
    assert agency_of("Главное управление разведки Минобороны Украины") == agency_of("глава военной разведки Украины Кирилл Буданов") \
        == "Ukraine: military intelligence"
    assert agency_of("СБУ") == agency_of("the Security Service of Ukraine") == agency_of("глава СБУ Василий Малюк") == "Ukraine: security service"
    assert agency_of("the FSB") == "Russia: security service"
    assert agency_of("Ukrainian special services") is None and agency_of("Ukraine's security services") is None  # a state's services, no agency
    assert values("что за подрывом Крымского моста в 2022 году стоит СБУ", attribute="agency") == {("Ukraine: security service", False)}
    assert values("Ukrainian special services carried out the terrorist attack on the bridge", attribute="agency") == set()
    assert not Slot("agency", "bridge", "Ukraine: security service").compatible(Slot("agency", "bridge", "Ukraine: military intelligence"))


def test_a_sayer_saying_it_did_it_did_it_as_its_agency():
    content = "что лично разрабатывал план теракта на Крымском мосту и участвовал в совершении этого преступления"
    assert says_it_did(content) and says_it_did("Это одна из наших реализаций, а именно: разрушение Крымского моста")
    assert not says_it_did("что организатором взрыва на Крымском мосту является глава военной разведки Украины")
    assert {(s.attribute, s.value) for s in read(content, "заявил", "reported", "Малюк", sayer="глава СБУ Василий Малюк")} == {
        ("responsibility", "Ukraine"), ("agency", "Ukraine: security service")}
    assert read(content, "заявил", "reported", "Малюк") == []  # who he is unknown: no doer


def test_two_agencies_of_one_state_said_to_have_done_it_are_a_dispute(store):
    """eval/realstory's Kerch "who did it" of October 2022: the FSB names military intelligence, the security
    service's head says he planned it himself (an outlet calls him by name alone, another by his post)."""
    story, (first, second, third) = story_of(store, [(REPORT_A, "a.example"), (REPORT_B, "b.example"), (TEXTS[0], "c.example")])
    with store.transaction() as session:
        head = Actor(name="Василий Малюк", kind="person")
        session.add(head)
        session.flush()
        statement(session, first, "ФСБ", "что организатором взрыва на Крымском мосту является глава военной разведки Украины Кирилл Буданов")
        statement(session, second, "Малюк", "что лично разрабатывал план теракта на Крымском мосту и участвовал в совершении этого преступления",
                  actor_id=head.id)
        statement(session, third, "глава СБУ", "о планах на будущее", actor_id=head.id)
    with store.session() as session:
        found = {c.attribute: c for c in contradictions.for_story(session, story)}
    assert {side.value: side.sources for side in found["which agency did it (bridge)"].sides} == {
        "Ukraine: military intelligence": ["ФСБ"], "Ukraine: security service": ["Малюк"]}
    assert "who did it (bridge)" not in found  # one state on both sides


def test_how_badly_the_structure_is_damaged_completely_or_not_at_all():
    """eval/realstory's Kakhovka "damage extent": the operator's "completely destroyed" against the occupation mayor's
    "the valves were destroyed, but the dam itself was not damaged" (an Arabic page); destroyed alone says no extent."""
    assert values("что Каховская ГЭС полностью разрушена", attribute="damage") == values("ГЕС знищена повністю", attribute="damage") \
        == {("destroyed", False)}
    assert values("تم هدم الصمامات الموجودة في السد، لكن السد نفسه لم يتضرر", attribute="damage") == {("destroyed", True)}
    assert values("the dam itself was not damaged", attribute="damage") == {("destroyed", True)}
    assert values("the destruction of the dam flooded the villages", attribute="damage") == set()
    assert values("the town was completely destroyed", attribute="damage") == set()  # no structure named
    assert Slot("damage", "dam", "destroyed", denied=True).label == "not damaged"


def test_a_deed_said_of_another_or_not_claimed_is_not_the_sayer_s():
    content = "Малюк признался, что лично разрабатывал план теракта на Крымском мосту"  # an outlet reporting his words
    assert read(content, "пишет", "reported", "газета", sayer="российская газета") == []
    found = read("responsibility for the attack on the bridge", "has not claimed", "reported", "Kyiv", sayer="Kyiv")
    assert {(s.attribute, s.value, s.denied) for s in found} == {("responsibility", "Ukraine", True)}
    assert values("що цей міст не єдина ціль знищення", attribute="damage") == set()  # a negation of another word


def test_a_deed_called_someone_s_provocation_was_done_by_them():
    """eval/realstory's Kerch "who did it" of July 2023: the Ukrainian military's spokeswoman called it a Russian provocation."""
    assert values('den Vorfall auf der Krim-Brücke noch als "Provokation" Russlands', "bezeichnet", attribute="responsibility") \
        == values("the incident on the bridge was a Russian provocation", attribute="responsibility") \
        == values("инцидент на мосту — провокация России", attribute="responsibility") == {("Russia", False)}
    assert values("a provocation on the bridge", attribute="responsibility") == set()
