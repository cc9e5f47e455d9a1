"""Names written in other languages' transliterations and words join one actor; look-alikes stay apart."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from factfile.extract.gender import first_name_gender
from factfile.extract.names import country_in_english, signature, sound
from factfile.pipeline import Pipeline
from factfile.relate.actors import similar_spelling
from factfile.store import Store
from factfile.store import schema as s


@pytest.mark.parametrize(
    "first, second",
    [
        ("Wolodymyr Selenskyj", "Volodymyr Zelensky"),
        ("Jewgeni Prigoschin", "Yevgeny Prigozhin"),
        ("Evguéni Prigojine", "Yevgeny Prigozhin"),
        ("Jevgenij Prigožin", "Yevgeny Prigozhin"),
        ("Loukatchenko", "Lukashenko"),
        ("Schoigu", "Shoigu"),
        ("Poutine", "Putin"),
        ("Ihor Klymenko", "Igor Klymenko"),
        ("Oleksandr Prokudin", "Alexander Prokudin"),
        ("Martin Griffith", "Martin Griffiths"),
        ("Cremlino", "Kremlin"),
    ],
)
def test_transliterations_of_one_name_sound_alike(first, second):
    assert sound(first) == sound(second)
    assert similar_spelling(first, second) is not None


@pytest.mark.parametrize(
    "first, second",
    [("Ivan Petrov", "Ivana Petrova"), ("Alexander Prokudin", "Alexandra Prokudin"), ("Intel Core", "Intel Corp"),
     ("Ivanka Trump", "Ivana Trump"), ("Vladimir Putin", "Vladimir Saldo"), ("Kim Jong-un", "Kim Jong-il")],
)
def test_other_people_and_things_do_not(first, second):
    assert similar_spelling(first, second) is None


@pytest.mark.parametrize("name", ["Wagner Group", "PMC Wagner", "Wagner-Gruppe", "gruppo Wagner", "groupe Wagner", "Grupo Wagner"])
def test_a_groups_name_in_any_language_is_its_name(name):
    assert signature(name) == signature("Wagner")


def test_countries_in_the_press_languages():
    assert [country_in_english(n) for n in ("Russland", "Russie", "Rosja", "Ucraina", "Україна", "Deutschland")] == [
        "Russia", "Russia", "Russia", "Ukraine", "Ukraine", "Germany"]
    assert country_in_english("Kremlin") is None


def test_first_names_tell_gender_from_a_permissive_list():
    assert first_name_gender("Donald Trump") == "male" and first_name_gender("Melania Trump") == "female"
    assert first_name_gender("Yevgeny Prigozhin") == "male"  # a Cyrillic first name, in its Latin form
    assert first_name_gender("Defense Council") is None and first_name_gender("Trump") is None


def test_german_and_italian_pages_join_the_english_actors(tmp_path):
    pages = {
        "en.txt": "Ukrainian President Volodymyr Zelensky said on Tuesday that Russia had blown up the dam. Zelensky "
                  "called it an ecological disaster and asked for help. Russia denied the accusation and blamed Ukraine.",
        "de.txt": "Der ukrainische Präsident Wolodymyr Selenskyj hat Russland für die Sprengung des Staudamms "
                  "verantwortlich gemacht. Selenskyj sprach von einer ökologischen Katastrophe und bat um Hilfe.",
        "it.txt": "Il presidente ucraino Volodymyr Zelensky accusa la Russia di ecocidio dopo la distruzione della diga. "
                  "Secondo Zelensky la Russia ha fatto saltare la diga per fermare la controffensiva.",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store(tmp_path / "store.db")
    Pipeline(store).ingest([str(tmp_path / name) for name in pages])
    with store.session() as session:
        rows = session.execute(select(s.Mention.text, s.Mention.actor_id).where(s.Mention.actor_id.isnot(None))).all()
        merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())

    def actors(*texts: str) -> set[int]:
        found = set()
        for text, actor in rows:
            if text in texts:
                while merged.get(actor):
                    actor = merged[actor]
                found.add(actor)
        return found

    assert len(actors("Volodymyr Zelensky", "Wolodymyr Selenskyj")) == 1
    assert len(actors("Russia", "Russland")) == 1
    assert actors("Russia") != actors("Volodymyr Zelensky")


def test_a_countrys_forces_in_russian_and_ukrainian():
    from factfile.extract.lang import analyse
    from factfile.records import Article

    text = "Российские войска обстреляли город. По данным ВСУ, ВС РФ отступили."
    analysis = analyse(Article(origin="ru.txt", text=text, language="ru", content_hash="ru"))
    signatures = {c.name: {signature(n) for n in (c.name, *c.aliases)} for c in analysis.chains}
    assert "forces russ" in signatures["Российское войско"] and "forces russ" in signatures["ВС РФ"]
    assert "forces ukrain" in signatures["ВСУ"]


def test_a_country_before_a_ukrainian_name_is_not_part_of_it():
    from factfile.extract.lang import analyse
    from factfile.records import Article

    text = "Про це заявив Президент України Володимир Зеленський у зверненні. Зеленський додав, що ворог програє."
    analysis = analyse(Article(origin="uk.txt", text=text, language="uk", content_hash="uk"))
    assert [c.name for c in analysis.chains if c.label == "PERSON"] == ["Володимир Зеленський"]


def _one_chain(text: str, name: str, label: str, resolved: bool):
    from factfile.records import Analysis, Article, Chain, Mention, PlaceRef, Span

    start = text.index(name)
    span = Span(start, start + len(name), name)
    analysis = Analysis(Article("t", text, "h", language="en"), mentions=[Mention(span, label, Span(0, len(text), text), chain=0)])
    analysis.chains = [Chain(0, name, label, mentions=[0])]
    analysis.places = [PlaceRef(span=span, name=name, mention=0, geonames_id=703448 if resolved else None)]
    return analysis


def test_a_place_the_gazetteer_does_not_know_may_be_a_person_of_a_close_spelling():
    """eval/realstory (Kerch): the model called "Mykhaylo Podolyak" a facility; he is "Mikhailo Podolyak"."""
    from factfile.relate.actors import Candidate, NameKeys, Pool, _best_match, _kind_guessed

    pool = Pool([Candidate(7, "person", "Mikhailo Podolyak", NameKeys.of("Mikhailo Podolyak", "person"), 3)])
    keys = [NameKeys.of("Mykhaylo Podolyak", "place")]
    unknown = _one_chain("Mykhaylo Podolyak said the bridge was a target.", "Mykhaylo Podolyak", "FAC", resolved=False)
    known = _one_chain("Mykhaylo Podolyak said the bridge was a target.", "Mykhaylo Podolyak", "FAC", resolved=True)
    assert _kind_guessed(unknown, unknown.chains[0]) and not _kind_guessed(known, known.chains[0])
    match = _best_match(keys, "place", pool, _kind_guessed(unknown, unknown.chains[0]))
    assert match is not None and match.actor_id == 7
    assert _best_match(keys, "place", pool, _kind_guessed(known, known.chains[0])) is None


@pytest.mark.parametrize(
    "official, usual",
    [("Малюку Василию Васильевичу", "Василь Малюк"), ("Юсубов Самір Сеймур-Огли", "Самір Юсубов"), ("Петров Иван Сергеевич", "Иван Петров")],
)
def test_a_name_written_surname_first_with_a_patronymic_is_the_persons(official, usual):
    """eval/realstory (Kerch): a court's and the FSB's lists write "Малюку Василию Васильевичу", "Юсубов Самір Сеймур-Огли"."""
    from factfile.relate.actors import Candidate, NameKeys, _evidence

    name, other = NameKeys.of(official, "person"), NameKeys.of(usual, "person")
    assert _evidence(name, "person", Candidate(1, "person", usual, other, 1)) is not None
    assert NameKeys.of("Roman Arkadyevich Abramovich", "person").surname == "abramovich"  # a patronymic in the middle: as before


def test_a_one_word_name_whose_translation_is_an_unqualified_body_still_matches_itself():
    """eval/realstory (Wagner): "Генпрокуратура", translated "Prosecutor General's Office" (a body named without
    its country, never matched), matched no stored "Генпрокуратура": the translation made it a many-word name."""
    from factfile.relate.actors import Candidate, NameKeys, Pool, _best_match

    pool = Pool([Candidate(3, "organization", "Генпрокуратура", NameKeys.of("Генпрокуратура", "organization"), 1)])
    names = [NameKeys.of(n, "organization") for n in ("Генпрокуратуры", "Генпрокуратура", "Prosecutor General's Office")]
    match = _best_match(names, "organization", pool)
    assert match is not None and match.actor_id == 3


def test_a_stored_place_the_gazetteer_does_not_know_may_be_an_organisation_of_a_close_spelling():
    """eval/realstory (Wagner): the first page typed "Rosaviatsia" a place; "Rosaviatsiya" (an organisation)
    is it. A place the gazetteer knows ("Bakhmut") stays a place."""
    from factfile.relate.actors import Candidate, NameKeys, Pool, _best_match

    pool = Pool([Candidate(5, "place", "Rosaviatsia", NameKeys.of("Rosaviatsia", "place"), 2),
                 Candidate(6, "place", "Bakhmut", NameKeys.of("Bakhmut", "place"), 2)])
    match = _best_match([NameKeys.of("Rosaviatsiya", "organization")], "organization", pool)
    assert match is not None and match.actor_id == 5
    assert _best_match([NameKeys.of("Bahmut", "organization")], "organization", pool) is None


def test_a_place_of_unsure_kind_joins_no_organisation_as_its_acronym():
    """eval/realstory (Kakhovka): "телеканал «Россия 1»" ("Russian Telekanal") is not "RT", which the model typed a place."""
    from factfile.relate.actors import Candidate, NameKeys, Pool, _best_match

    pool = Pool([Candidate(5, "place", "RT", NameKeys.of("RT", "place"), 2)])
    names = [NameKeys.of(n, "organization") for n in ("телеканал «Россия 1»", "Russian Telekanal")]
    assert _best_match(names, "organization", pool) is None


def test_a_rare_spelling_typed_the_other_kind_joins_a_person_named_far_more_often():
    """eval/realstory (Wagner): the model typed "Yvegney Prigozhin", written once, an organisation; the person
    "Yevgeny Prigozhin" is named hundreds of times. An organisation named as often as the chain is not outweighed."""
    from factfile.relate.actors import OUTWEIGH, Candidate, NameKeys, Pool, _best_match, _outweighed

    keys = [NameKeys.of("Yvegney Prigozhin", "organization")]
    often = Pool([Candidate(4, "person", "Yevgeny Prigozhin", NameKeys.of("Yevgeny Prigozhin", "person"), OUTWEIGH)])
    match = _best_match(keys, "organization", often, weight=1)
    assert match is not None and match.actor_id == 4
    seldom = Pool([Candidate(4, "person", "Yevgeny Prigozhin", NameKeys.of("Yevgeny Prigozhin", "person"), 1)])
    assert _best_match(keys, "organization", seldom, weight=1) is None
    assert not _outweighed("place", "person", 1, 100)  # a place is never one reading's guess for a person


def test_a_channels_word_before_its_name_is_a_mention_of_the_channel():
    """eval/realstory (Wagner): "Der Telegram-Kanal Grey Zone" names the channel "Grey Zone"; with its word
    before it, it is a description mention of the channel, as "Kremlin spokesman Dmitry Peskov" is of Peskov."""
    from factfile.extract.lang import latin
    from factfile.records import Analysis, Article

    text = "Der Telegram-Kanal Grey Zone, den Prigoschin nutzte, bestätigte am Mittwochabend den Tod."
    analysis = Analysis(Article("t", text, "h", language="de"))
    latin.analyse(analysis, "de")
    found = {(m.span.text, m.role): analysis.chains[m.chain].name for m in analysis.mentions if m.chain is not None}
    assert found[("Grey Zone", "name")] == "Grey Zone"
    assert found[("Telegram-Kanal Grey Zone", "description")] == "Grey Zone"


@pytest.mark.parametrize(
    "language, text, office, name",
    [
        ("it", "Lo ha annunciato il portavoce del Cremlino, Dmitry Peskov, secondo la Ria Novosti.", "portavoce del Cremlino", "Dmitry Peskov"),
        ("it", "Prigozhin accusa i capi della Difesa russa, ministro Shoigu in testa, di un attacco.", "ministro Shoigu", "Shoigu"),
        ("es", "El presidente ucraniano, Volodímir Zelenski, ha denunciado hoy el ataque.", "presidente ucraniano", "Volodímir Zelenski"),
        ("fr", "Le porte-parole du Kremlin Dmitri Peskov a démenti.", "porte-parole du Kremlin Dmitri Peskov", "Dmitri Peskov"),
    ],
)
def test_an_office_in_small_letters_before_a_name_is_a_mention_of_the_person(language, text, office, name):
    """eval/realstory (Wagner, Kakhovka): the offices Italian, Spanish and French pages write before a name were
    no mention of the person. A small-letter word that is no part of an office ("che") ends it."""
    from factfile.extract.lang import latin
    from factfile.records import Analysis, Article

    analysis = Analysis(Article("t", text, "h", language=language))
    latin.analyse(analysis, language)
    described = {m.span.text: analysis.chains[m.chain].name for m in analysis.mentions if m.role == "description"}
    assert described[office] == name
    assert office not in analysis.chains[next(m.chain for m in analysis.mentions if m.span.text == name)].aliases
    other = Analysis(Article("t", "Ha detto il ministro che Sergei Shoigu era a Mosca.", "h", language="it"))
    latin.analyse(other, "it")
    assert not any(m.role == "description" and "ministro" in m.span.text for m in other.mentions)


def test_a_german_noun_of_an_organisations_kind_before_its_name_describes_it():
    """eval/realstory (Wagner): "Die Luftfahrtbehörde Rosawiazija" was one person's name; the agency is
    "Rosawiazija", and "die Luftfahrtbehörde" later in the article is that agency, by description only."""
    from factfile.extract.lang import latin
    from factfile.records import Analysis, Article

    text = ("Die Luftfahrtbehörde Rosawiazija teilte zunächst nur mit, sein Name habe auf der Liste gestanden. Erst am "
            "Abend bestätigte die Luftfahrtbehörde, dass er an Bord war.")
    analysis = Analysis(Article("t", text, "h", language="de"))
    latin.analyse(analysis, "de")
    (chain,) = [c for c in analysis.chains if c.name == "Rosawiazija"]
    assert chain.label == "ORG" and chain.aliases == []
    described = [m.span.text for m in analysis.mentions if m.chain == chain.id and m.role == "description"]
    assert sorted(described) == ["Luftfahrtbehörde", "Luftfahrtbehörde", "Luftfahrtbehörde Rosawiazija"]


def test_spanish_and_german_spellings_of_kh_join_the_english_name(tmp_path):
    """eval/realstory (Kerch): "Mijailo Podoliak" (Spanish "j") and "Mychajlo Podoljak" (German "ch") had an
    actor of their own beside "Mykhailo Podolyak"."""
    pages = {
        "en.txt": "Mykhailo Podolyak, an adviser to the Ukrainian president, said on Saturday that Russia was behind it.",
        "es.txt": "El asesor presidencial ucraniano Mijailo Podoliak dijo que Rusia estaba detrás del ataque al puente.",
        "de.txt": "Der ukrainische Präsidentenberater Mychajlo Podoljak sagte, Russland stecke hinter dem Angriff.",
    }
    live = _live_actors(tmp_path, pages)
    assert live["Mijailo Podoliak"] == live["Mychajlo Podoljak"] == live["Mykhailo Podolyak"]


def test_names_in_arabic_letters_join_the_stored_actor_they_sound_like(tmp_path):
    """eval/realstory (Wagner): Arabic pages name Prigozhin, Wagner and Shoigu in Arabic letters, which no
    reader read; a rare word that sounds like no stored actor names no one."""
    from factfile.extract.lang.uncased import blocks

    assert "1prgsn" in blocks("بريغوجين") and "1vgnr" in blocks("فاغنر")
    assert "1prgsn" in blocks("प्रिगोझिन") and "2prgsnvgn" in blocks("येवगेनी प्रिगोझिन")  # Hindi
    pages = {
        "en.txt": "Wagner chief Yevgeny Prigozhin said on Saturday that his fighters had reached Rostov. Prigozhin "
                  "demanded that Defence Minister Sergei Shoigu be sacked. The Wagner group pulled back.",
        "ar.txt": "قال يفغيني بريغوجين قائد مجموعة فاغنر إن مقاتليه سيعودون. وطالب بريغوجين بإقالة وزير الدفاع سيرغي شويغو.",
    }
    live = _live_actors(tmp_path, pages)
    assert live["يفغيني بريغوجين"] == live["بريغوجين"] == live["Yevgeny Prigozhin"]
    assert live["فاغنر"] == live["Wagner"] and live["سيرغي شويغو"] == live["Sergei Shoigu"]
    assert "مقاتليه" not in live  # "his fighters": rare, and sounds like no stored actor


def test_a_name_in_greek_letters_joins_its_latin_spelling(tmp_path):
    """eval/realstory (Wagner): "Γεβγκένι Πριγκόζιν" in a Greek page, which no reader read."""
    from factfile.extract.lang.romanize import greek_to_latin

    assert greek_to_latin("Γεβγκένι Πριγκόζιν") == "Yevgeni Prigozin" and greek_to_latin("Πούτιν") == "Putin"
    pages = {
        "en.txt": "Wagner chief Yevgeny Prigozhin said on Saturday that his fighters had reached Rostov.",
        "el.txt": "«Καταρρίφθηκε από μονάδες της Wagner», ανέφερε ο Γεβγκένι Πριγκόζιν σε ηχητικό μήνυμά του.",
    }
    live = _live_actors(tmp_path, pages)
    assert live["Γεβγκένι Πριγκόζιν"] == live["Yevgeny Prigozhin"]


def test_a_declined_name_in_a_slavic_language_in_latin_letters_joins_its_nominative(tmp_path):
    """eval/realstory (Kerch): Serbian and Bosnian pages wrote "sa Aleksandrom Bastrikinom" (with Bastrykin)."""
    pages = {
        "en.txt": "Alexander Bastrykin, the head of Russia's Investigative Committee, met Putin on Saturday.",
        "sr.txt": "Putin je razgovarao sa Aleksandrom Bastrikinom o napadu na most.",
    }
    live = _live_actors(tmp_path, pages)
    assert live["Aleksandrom Bastrikinom"] == live["Alexander Bastrykin"]


def test_a_state_body_in_arabic_words_joins_the_stored_body_of_those_words(tmp_path):
    """eval/realstory (Wagner): "وزارة الدفاع الروسية" (the Russian Defence Ministry) and "القوات الروسية"
    (Russian forces) in Arabic pages; a body no page stored names no one."""
    pages = {
        "en.txt": "The Russian Defence Ministry said on Saturday that Russian forces had repelled the attack near Bakhmut.",
        "ar.txt": "قالت وزارة الدفاع الروسية إن القوات الروسية صدت الهجوم. ونفى الجيش الأوكراني ذلك.",
    }
    live = _live_actors(tmp_path, pages)
    assert live["وزارة الدفاع الروسية"] == live["Russian Defence Ministry"]
    assert live["القوات الروسية"] == live["Russian forces"]
    assert "الجيش الأوكراني" not in live


def test_a_ministry_without_its_country_is_that_of_the_minister_the_article_names(tmp_path):
    """eval/realstory (Wagner): "his feud with the Defense Ministry" in an article that calls for ousting "Russia's
    defense minister" is Russia's ministry, with Russia's and Ukraine's both stored; without a minister it stays apart."""
    pages = {
        "ru.txt": "The Russian Defense Ministry said on Friday that the strike had not happened.",
        "ua.txt": "Ukraine's Defence Ministry said on Friday that its forces had advanced near Bakhmut.",
        "wagner.txt": "Prigozhin called for a rebellion to oust Russia’s defense minister. He is known for his long feud "
                      "with the Defense Ministry.",
        "other.txt": "The Defence Ministry said on Monday that the drills were over.",
    }
    live = _live_actors(tmp_path, pages)
    assert live["Russian Defense Ministry"] != live["Ukraine's Defence Ministry"]
    assert live["Defense Ministry"] == live["Russian Defense Ministry"]
    assert live["Defence Ministry"] not in (live["Russian Defense Ministry"], live["Ukraine's Defence Ministry"])


def _live_actors(tmp_path, pages: dict[str, str]) -> dict[str, int]:
    """Each linked mention's text and the actor it lives on after merges, the pages ingested one by one
    (so a later page meets the earlier ones' stored actors)."""
    store = Store(tmp_path / "store.db")
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        Pipeline(store, workers=1).ingest([str(tmp_path / name)])
    with store.session() as session:
        rows = session.execute(select(s.Mention.text, s.Mention.actor_id).where(s.Mention.actor_id.isnot(None))).all()
        merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())
    return {text: merged.get(actor) or actor for text, actor in rows}
