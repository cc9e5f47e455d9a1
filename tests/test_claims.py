"""Statement band keys (relate/claims.py): similar contents share a key, unrelated ones do not, and
the migration that indexes an existing store writes the keys the writer writes."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from alembic import command
from sqlalchemy import select

from conftest import BACKENDS, SEED
from factfile.pipeline import Pipeline
from factfile.relate import claims
from factfile.store import Store
from factfile.store import schema as s
from factfile.store.migrate import alembic_config

CLAIM = "Fighters of the Russian Volunteer Corps had taken the village of Kozinka in the Belgorod region on Monday"


def shares_a_key(a: str, b: str) -> bool:
    first, second = claims.keys_of([a, b])
    return bool(set(first) & set(second))


def test_a_reworded_content_shares_a_key_and_an_unrelated_one_does_not():
    assert shares_a_key(CLAIM, CLAIM.replace("had taken", "took").replace("Monday", "Tuesday"))
    assert shares_a_key(CLAIM, "the fighters of the russian volunteer corps had taken the village of Kozinka in the Belgorod region")
    assert not shares_a_key(CLAIM, "Prices of grain rose sharply in Egypt after the deal with Turkey ended")


def test_stop_words_alone_do_not_make_contents_similar():
    assert not shares_a_key("it was what they said they would do", "what it was is what they would have done")
    assert claims.keys_of(["", "..."]) == [[], []]


def test_keys_find_most_pairs_above_half_overlap_and_few_below():
    """The LSH curve 1 − (1 − J²)⁸ on random word sets: high recall at J ≥ 0.6, few candidates at J ≤ 0.1."""
    rng = random.Random(4)
    vocabulary = [f"word{i}" for i in range(5000)]

    def pair(shared: int, own: int) -> tuple[str, str]:
        common = rng.sample(vocabulary, shared + 2 * own)
        return " ".join(common[: shared + own]), " ".join(common[:shared] + common[shared + own :])

    similar = [pair(12, 2) for _ in range(300)]  # J = 12 / 16 = 0.75
    unrelated = [pair(1, 9) for _ in range(300)]  # J = 1 / 19
    assert sum(shares_a_key(a, b) for a, b in similar) >= 0.95 * len(similar)
    assert sum(shares_a_key(a, b) for a, b in unrelated) <= 0.05 * len(unrelated)


@pytest.mark.parametrize("db", BACKENDS, indirect=True)
def test_migration_indexes_stored_statements_as_the_writer_does(db):
    store = Store(db)
    assert Pipeline(store).ingest([str(SEED)]).stored == 1

    def bands():
        with store.session() as session:
            return sorted(session.execute(select(s.StatementBand.key, s.StatementBand.statement_id)).tuples())

    written = bands()
    with store.session() as session:
        contents = dict(session.execute(select(s.Statement.id, s.Statement.content_text)).tuples().all())
    assert Counter(statement for _, statement in written) == {i: claims.BANDS for i, c in contents.items() if claims.words(c)}
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0008")
        command.upgrade(alembic_config(connection), "head")
    assert bands() == written


def test_russian_inflections_make_the_same_claim_and_other_words_do_not():
    """eval/realstory (Wagner): two agencies' words for Rosaviatsia's passenger list, in other case forms."""
    listed = "Согласно списку пассажиров, в их числе значится Евгений Пригожин"
    assert claims.same_claim(listed, "что в списке пассажиров значится Евгений Пригожин")
    assert shares_a_key(listed, "что в списке пассажиров значится Евгений Пригожин")
    assert not claims.same_claim(listed, "что бойцы ЧВК «Вагнер» смогут подписать контракты с Минобороны РФ")
    dropped, dropping = "уголовное дело в отношении Пригожина прекратят", "уголовное дело против Пригожин будет прекращено"
    assert claims.same_claim(dropped, dropping) and shares_a_key(dropped, dropping)  # by stems: "прекр", "приго"
    assert claims.content_words("Rostov-on-Don was taken") == frozenset({"rostov", "don", "taken"})  # English words whole


def test_names_differ_between_two_sides_not_between_two_wordings():
    assert claims.names_differ("Ukraine blew up the Kakhovka dam", "Russia blew up the Kakhovka dam")
    assert claims.names_differ("Во вторник Украина взорвала ГЭС", "Во вторник Россия взорвала ГЭС")
    assert not claims.names_differ("Во вторник Украина взорвала ГЭС", "Ukraine blew up the dam")  # one key in both scripts
    assert not claims.names_differ("Apparently, Russia blew up the dam", "Russia blew up the Kakhovka dam")  # no name opens it
    assert not claims.names_differ(  # a sentence opened by a frequent word ("Уголовное") against the same lower-case
        "Уголовное дело в отношении Евгения Пригожина будет прекращено",
        "что уголовное дело в отношении Евгения Пригожина будет прекращено, сообщает РИА",
    )


def test_a_content_cut_down_to_a_name_makes_no_claim_but_a_shared_number_does():
    """eval/realstory (Wagner): a statement whose content is only "Вагнер" joined five claims naming the
    group; (Kakhovka) "о 35 погибших" is the 35 dead another agency reports in a whole sentence."""
    assert not claims.same_claim("Вагнер", "что бойцы ЧВК «Вагнер» смогут подписать контракты с Минобороны РФ")
    assert not claims.same_claim("Евгения Пригожина", "Уголовное дело против главы ЧВК «Вагнер» Евгения Пригожина будет прекращено")
    assert claims.same_claim("о 35 погибших", "Число погибших в результате разрушения Каховской ГЭС выросло до 35 человек")
    assert claims.same_claim("Вагнер", "«Вагнер»")  # the same words still say the same


@pytest.mark.parametrize("db", BACKENDS, indirect=True)
def test_migration_keys_cyrillic_statements_as_the_writer_does(db, tmp_path):
    page = tmp_path / "ria.txt"
    page.write_text(
        "Пригожин был в списке пассажиров\n\nПресс-секретарь президента Дмитрий Песков заявил, что уголовное дело "
        "в отношении Евгения Пригожина будет прекращено. Об этом сообщил также Росавиация.\n", encoding="utf-8",
    )
    store = Store(db)
    assert Pipeline(store).ingest([str(page)]).stored == 1

    def bands():
        with store.session() as session:
            return sorted(session.execute(select(s.StatementBand.key, s.StatementBand.statement_id)).tuples())

    written = bands()
    assert written
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0014")
    assert bands() != written  # 0015's downgrade keys whole words again
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    assert bands() == written


def test_only_attributed_english_statements_are_embedded():
    """The model's work goes to what sources say; the article's own sentences and other languages are
    compared by their words."""
    from types import SimpleNamespace

    def analysis(language: str, *kinds: str):
        statements = [SimpleNamespace(source_type=kind, content=SimpleNamespace(text=f"Troops took the village {i}.")) for i, kind in enumerate(kinds)]
        return SimpleNamespace(article=SimpleNamespace(language=language), statements=statements)

    english = analysis("en", "person", "article", "anonymous")
    assert claims.embedded(english) == [True, False, True]
    assert claims.embedded(analysis("ru", "person")) == [False]


def test_one_of_counts_nothing():
    """eval/realstory (Kakhovka): Peskov's "one of the goals ... was to deprive Crimea of water" and his "Kyiv was pursuing
    the goal of depriving Crimea of water ... since 2014" are one claim; "one" of "one of" is no number that sets them apart."""
    assert claims.numbers("it is unmistakable that one of the goals of this act of sabotage was to deprive Crimea of water") == frozenset()
    assert claims.numbers("one soldier was killed and two were wounded") == {1.0, 2.0}
    assert claims.same_sayer_claim("one of the goals of this sabotage was to deprive Crimea of water",
                                   "Kyiv was pursuing the goal of depriving Crimea of water since 2014")


def test_number_words_in_the_stories_languages():
    """eval/realstory (Kerch): the investigators' "three people were killed" as Spanish, Portuguese and Russian outlets
    word it is one claim by its number; words that are another language's ordinary words count nothing."""
    assert claims.numbers("al menos tres personas han muerto") == claims.numbers("três pessoas teriam morrido na explosão") == {3.0}
    assert claims.numbers("drei Menschen kamen ums Leben") == claims.numbers("trzy osoby zginęły") == {3.0}
    assert claims.same_sayer_claim("al menos tres personas han muerto", "три человека погибли в результате ЧП на Крымском мосту")
    assert claims.numbers("due to the blast, sei in ritardo") == frozenset()


def test_one_sayers_counts_each_with_a_number_of_its_own_are_two_claims():
    """eval/realstory (Kramatorsk): the governor's "38 died at the scene and 12 more in hospital" and his later "12 were
    killed instantly, 40 died later" share the 12 and are two tolls; a toll told with a detail more is still one claim."""
    assert not claims.same_sayer_claim(
        "that 38 people had died at the incident site and another 12 in hospital",
        "12 people were killed instantly, while another 40 died later from injuries in hospital",
    )
    assert claims.same_sayer_claim(
        "that two missiles had hit the station. 30 people were killed and more than 100 were injured",
        "Es gebe 30 Tote und 100 Verletzte",
    )
    assert claims.counts_apart(frozenset({38.0, 12.0}), frozenset({12.0, 40.0}))
    assert not claims.counts_apart(frozenset({2.0, 30.0, 100.0}), frozenset({30.0, 100.0}))
    assert not claims.counts_apart(frozenset(), frozenset({3.0}))


def _unit(*values: float):
    import numpy as np

    vector = np.zeros(8, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)


def test_one_sources_statements_are_grouped_by_their_vectors_across_languages():
    """eval/realstory (Kramatorsk): the governor's "thousands of people were at the station" in Ukrainian, Italian
    and Polish share no word; their vectors across languages are close, his claim about the weapon's is not. Two
    statements of one report, two counts apart and a denial beside an assertion stay apart however close."""
    from types import SimpleNamespace as Said

    thousands = [
        Said(id=1, document_id=10, content_text="на вокзалі перебували тисячі людей", certainty="asserted"),
        Said(id=2, document_id=11, content_text="migliaia di persone erano alla stazione", certainty="asserted"),
        Said(id=3, document_id=12, content_text="na dworcu znajdowały się tysiące ludzi", certainty="asserted"),
    ]
    weapon = Said(id=4, document_id=12, content_text="the occupiers used an Iskander", certainty="asserted")
    same_report = Said(id=5, document_id=10, content_text="die Bewohner werden evakuiert", certainty="asserted")
    vectors = {1: _unit(1, 0.3), 2: _unit(1, 0.35), 3: _unit(1, 0.25), 4: _unit(0, 0, 1), 5: _unit(1, 0.3)}
    group = claims.sayer_groups([*thousands, weapon], vectors)
    assert group[1] == group[2] == group[3] == 1
    assert group[4] == 4
    group = claims.sayer_groups([*thousands[:2], same_report], vectors)
    assert group[1] == group[2] != group[5]
    counts = [Said(id=6, document_id=13, content_text="38 died at the scene and 12 in hospital", certainty="asserted"),
              Said(id=7, document_id=14, content_text="12 were killed instantly and 40 died later", certainty="asserted"),
              Said(id=8, document_id=15, content_text="thousands were at the station", certainty="denied")]
    group = claims.sayer_groups([*counts, thousands[0]], {6: _unit(1), 7: _unit(1), 8: _unit(1), 1: _unit(1)})
    assert group[6] != group[7] and group[8] != group[1]
    assert claims.sayer_groups([thousands[0]], {}) == {}


def test_sayer_groups_join_as_average_linkage_rescanning_every_mean_does():
    """The heap of `claims._average_linkage` joins the groups the plain rescan of every mean joins, ties to the
    lowest rows included, and `_jaccards` gives each pair's `_jaccard`."""
    import numpy as np

    rng = np.random.default_rng(7)
    for _ in range(50):
        count = int(rng.integers(2, 14))
        close = np.round(rng.uniform(-1, 1, (count, count)), 1).astype(np.float32)  # rounded: ties
        close = np.triu(close, 1) + np.triu(close, 1).T
        expected = {i: [i] for i in range(count)}
        sums = close.astype(np.float64)
        while len(expected) > 1:
            pairs = [(sums[a, b] / (len(expected[a]) * len(expected[b])), a, b) for a in expected for b in expected if a < b]
            mean, a, b = max(pairs, key=lambda pair: (pair[0], -pair[1], -pair[2]))
            if mean < 0.3:
                break
            expected[a] += expected.pop(b)
            sums[a, :] += sums[b, :]
            sums[:, a] = sums[a, :]
        found = claims._average_linkage(close.copy(), 0.3)
        assert sorted(map(sorted, found)) == sorted(map(sorted, expected.values()))
    sets = [frozenset("ab"), frozenset("bc"), frozenset(), frozenset("abc")]
    jaccards = claims._jaccards(sets)
    assert all(jaccards[i, j] == claims._jaccard(a, b) for i, a in enumerate(sets) for j, b in enumerate(sets) if i != j)
