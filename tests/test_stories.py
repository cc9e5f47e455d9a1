"""Stories bounded by their event's coverage in time, and merged when a document shows two are one."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import pytest
from sqlalchemy import select

from factfile.ingest.article import content_hash
from factfile.records import Article
from factfile.relate import stories, story_keys
from factfile.relate.corrections import move_to_story
from factfile.relate.story_keys import Clues, clues, dated, dates, events
from factfile.store import Store
from factfile.store.schema import Document, Story
from factfile.store.writer import add_document

DAY = date(2023, 6, 6)
NUMBER = count()
FLOOD = {"dam": 0.6, "flood": 0.6, "kherson": 0.5}  # one event's telling terms
FLOOD_TOO = {"dam": 0.55, "flood": 0.55, "evacuation": 0.6}


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def put(
    store: Store, terms: dict[str, float], published: date | None, language: str = "en", says: str = "", url: str | None = None
) -> int:
    """A document with this story profile (and text that `says` this), put in its story as the relater does."""
    text = f"{' '.join(terms)} {says} {published} {next(NUMBER)}"
    article = Article(
        origin=content_hash(text)[:8], text=text, content_hash=content_hash(text), published=published, language=language, url=url
    )
    with store.transaction() as session:
        document = add_document(session, article)
        stories.assign(session, document, terms=terms)
        return document.id


def story_of(store: Store) -> dict[int, int]:
    with store.session() as session:
        return {d.id: d.story_id for d in session.scalars(select(Document))}


def test_coverage_day_after_day_stays_one_story_beyond_two_weeks(store):
    ids = [put(store, FLOOD if n % 2 else FLOOD_TOO, DAY + timedelta(days=4 * n)) for n in range(5)]  # 16 days
    assert len({story_of(store)[i] for i in ids}) == 1


def test_a_later_event_after_a_quiet_week_starts_a_new_story(store):
    first = put(store, FLOOD, DAY)
    again = put(store, FLOOD_TOO, DAY + timedelta(days=2))
    later = put(store, FLOOD, DAY + timedelta(days=10))  # within the story's span, after eight quiet days
    story = story_of(store)
    assert story[first] == story[again] != story[later]


def test_no_story_runs_longer_than_its_span(store):
    ids = [put(store, FLOOD, DAY + timedelta(days=3 * n)) for n in range(12)]  # a document every 3 days for 33 days
    story = story_of(store)
    assert story[ids[0]] != story[ids[-1]]
    with store.session() as session:
        for s in session.scalars(select(Story).where(Story.size > 0)):
            assert s.last_published - s.first_published <= stories.STORY_SPAN


def test_a_document_close_to_two_stories_merges_them(store):
    english = put(store, {"dam": 0.7, "flood": 0.7}, DAY)
    russian = put(store, {"~kkvk": 0.7, "~khrs": 0.7}, DAY + timedelta(days=1))  # nothing in common with it
    assert story_of(store)[english] != story_of(store)[russian]
    both = put(store, {"dam": 0.5, "flood": 0.5, "~kkvk": 0.5, "~khrs": 0.5}, DAY + timedelta(days=1))
    story = story_of(store)
    assert story[english] == story[russian] == story[both]
    with store.session() as session:
        kept = session.get(Story, story[both])
        assert kept.size == 3 and (kept.first_published, kept.last_published) == (DAY, DAY + timedelta(days=1))
        assert sum(s.size for s in session.scalars(select(Story))) == 3


def test_stories_apart_in_time_are_not_merged(store):
    early = put(store, {"dam": 0.7, "flood": 0.7}, DAY)
    late = put(store, {"~kkvk": 0.7, "~khrs": 0.7}, DAY + stories.STORY_SPAN + timedelta(days=5))
    put(store, {"dam": 0.5, "flood": 0.5, "~kkvk": 0.5, "~khrs": 0.5}, None)  # undated: fits both, proves nothing
    story = story_of(store)
    assert story[early] != story[late]


def test_a_story_a_user_arranged_is_not_merged(store):
    english = put(store, {"dam": 0.7, "flood": 0.7}, DAY)
    russian = put(store, {"~kkvk": 0.7, "~khrs": 0.7}, DAY)
    with store.transaction() as session:
        move_to_story(session, russian, None)
    put(store, {"dam": 0.5, "flood": 0.5, "~kkvk": 0.5, "~khrs": 0.5}, DAY)
    story = story_of(store)
    assert story[english] != story[russian]


def test_days_read_the_same_in_every_language():
    assert dates("On June 6, 25,000 people fled; 13 died at 02:50.", "en") == ["@06-06"]
    assert dates("6 июня 25 000 человек бежали", "ru") == ["@06-06"]
    assert dates("Am 6. Juni flohen 25.000 Menschen; 06.06.2023", "de") == ["@06-06", "@06-06"]
    assert dates("W nocy 6 czerwca 2023 r., 2023-06-07", "pl") == ["@06-06", "@06-07"]
    assert dates("6 червня, 31 травня, 40 травня", "uk") == ["@06-06", "@05-31"]


def test_pages_in_two_languages_naming_one_day_join_one_story(store):
    english = "Explosions hit the port of Odesa on June 6. Ukraine blamed Russia for the blasts at the port."
    russian = "Взрывы в порту Одессы прогремели 6 июня. Украина обвинила Россию во взрывах в порту."
    first = put(store, stories.profile(english, "en"), DAY, "en")
    second = put(store, stories.profile(russian, "ru"), DAY, "ru")
    assert story_of(store)[first] == story_of(store)[second]


def test_a_document_joining_one_story_and_fairly_close_to_another_merges_them(store):
    english = put(store, {"dam": 0.7, "flood": 0.7}, DAY)
    russian = put(store, {"~kkvk": 0.7, "~khrs": 0.7}, DAY + timedelta(days=1))
    both = put(store, {"dam": 0.6, "flood": 0.6, "~kkvk": 0.37, "levee": 0.37}, DAY + timedelta(days=1))  # 0.26 to the second
    story = story_of(store)
    assert story[english] == story[russian] == story[both]


def test_an_undated_page_joins_the_coverage_of_the_day_it_names(store):
    june = put(store, FLOOD, DAY)
    july = put(store, FLOOD_TOO, DAY + timedelta(days=41))  # 17 July: a later event, a story of its own
    undated = put(store, FLOOD, None, says="the attack of 17 July")  # the June story's very terms
    story = story_of(store)
    assert story[june] != story[july] == story[undated]


def test_an_undated_page_naming_a_later_year_is_no_part_of_an_older_story(store):
    first = put(store, FLOOD, DAY)
    looking_back = put(store, FLOOD, None, says="a year on, in 2024")
    assert story_of(store)[first] != story_of(store)[looking_back]


def test_what_an_undated_text_says_of_its_time():
    assert clues("On 17 July 2023 the bridge was hit; 25,000 fled, 2,022 homes", "en") == Clues(
        ((7, 17),), date(2023, 7, 17), latest_day=date(2023, 7, 17)
    )
    assert clues("Взрыв 08.10.2022, 8 октября", "ru") == Clues(((10, 8),), date(2022, 10, 8), latest_day=date(2022, 10, 8))
    assert clues("No time here: 1,2024 and 3.2024.5", "en") == Clues()
    assert Clues(((7, 17),)).allow(date(2023, 7, 18), date(2023, 7, 20), timedelta(days=7))
    assert not Clues(((10, 8),)).allow(date(2023, 7, 17), date(2023, 7, 20), timedelta(days=7))
    assert not Clues((), date(2024, 1, 1)).allow(date(2023, 6, 6), date(2023, 6, 20), timedelta(days=7))


def test_of_two_stories_with_the_same_actors_a_page_joins_the_one_its_other_terms_tell(store):
    mutiny = put(store, {"prigozhin": 0.6, "wagner": 0.6, "mutiny": 0.5}, DAY)
    crash = put(store, {"prigozhin": 0.6, "wagner": 0.6, "crash": 0.3, "embraer": 0.4}, DAY + timedelta(days=60))
    wreck = put(store, {"crash": 0.6, "embraer": 0.6, "tver": 0.5}, DAY + timedelta(days=60))
    # 0.72 to the mutiny, 0.62 to the crash; the names agree with both alike, the crash terms with one
    undated = put(store, {"prigozhin": 0.6, "wagner": 0.6, "crash": 0.4, "tver": 0.3}, None)
    story = story_of(store)
    assert story[mutiny] != story[crash] == story[wreck] == story[undated]


def test_an_iso_month_places_an_undated_text_in_that_month():
    assert clues("am 2023-09-02", "de").months == ()  # a day, not a month
    said = clues("date 2023-09 Russland hat drei Seedrohnen abgewehrt", "de")
    assert said.months == ((2023, 9),)
    assert said.allow(date(2023, 9, 2), date(2023, 9, 2), timedelta(days=7))
    assert said.allow(date(2023, 8, 20), date(2023, 8, 28), timedelta(days=7))  # within a week of September
    assert not said.allow(date(2023, 7, 6), date(2023, 7, 11), timedelta(days=7))


def test_an_undated_page_naming_another_month_is_no_part_of_a_story(store):
    july = put(store, FLOOD, date(2023, 7, 6))
    september = put(store, FLOOD, None, says="date 2023-09")
    assert story_of(store)[july] != story_of(store)[september]


def test_an_undated_page_looking_back_on_a_story_joins_the_later_one_it_resembles(store):
    mutiny = put(store, {"prigozhin": 0.6, "wagner": 0.6, "mutiny": 0.5}, DAY)
    crash = put(store, {"prigozhin": 0.6, "wagner": 0.5, "crash": 0.6}, DAY + timedelta(days=60))
    # closer to the mutiny (0.66) than to the crash (0.54), but it tells of the mutiny as two months past
    later = put(store, {"prigozhin": 0.6, "wagner": 0.6, "mutiny": 0.3, "crash": 0.2}, None, says="zwei Monate nach der Meuterei")
    story = story_of(store)
    assert story[mutiny] != story[crash] == story[later]


def test_an_undated_page_looking_back_on_the_only_story_like_it_starts_its_own(store):
    mutiny = put(store, {"prigozhin": 0.6, "wagner": 0.6, "mutiny": 0.5}, DAY)
    anniversary = put(store, {"prigozhin": 0.6, "wagner": 0.6, "mutiny": 0.5}, None, says="a year ago")
    assert story_of(store)[mutiny] != story_of(store)[anniversary]


def test_what_looks_back():
    assert clues("Год назад разбился самолет", "ru").looks_back
    assert clues("Zelensky said last month that", "en").looks_back
    assert not clues("The dam was blown up on Tuesday, officials said.", "en").looks_back
    assert not clues("The dam was blown up on Tuesday, officials said. " * 12 + "It was seized last year.", "en").looks_back


@pytest.mark.parametrize(
    "lead, language",
    [
        ("Другі роковини ракетного удару по вокзалу", "uk"),
        ("У другу річницю трагедії в Оленівці", "uk"),
        ("Год после Еленовки: годовщина трагедии", "ru"),
        ("Zum Jahrestag des Angriffs auf den Bahnhof", "de"),
        ("En el aniversario del ataque", "es"),
        ("W rocznicę ataku na więzienie", "pl"),
        ("On the first anniversary of the strike", "fr"),  # the English word, quoted in any language
    ],
)
def test_an_anniversary_looks_back(lead, language):
    assert clues(lead, language).looks_back


def test_an_undated_page_on_the_anniversary_is_no_part_of_the_events_coverage(store):
    station = put(store, {"~krmt": 0.6, "station": 0.6, "missile": 0.5}, date(2022, 4, 8))
    anniversary = put(store, {"~krmt": 0.6, "station": 0.6, "missile": 0.5}, None, "uk", says="Другі роковини удару")
    assert story_of(store)[station] != story_of(store)[anniversary]


@pytest.mark.parametrize(
    "lead, language, months",
    [
        ("C момента трагедии в колонии прошел ровно год.", "ru", 12),
        ("Два роки тому росія здійснила масове вбивство", "uk", 24),
        ("une frappe de missile avait fait 61 morts il y a un an", "fr", 12),
        ("Vor zwei Jahren wurde das Lager getroffen", "de", 24),
        ("три месяца назад", "ru", 3),
        ("zwei Monate nach der Meuterei", "de", 2),  # a look-back phrasing with its number
        ("Два роки після удару РФ по вокзалу", "uk", 24),  # a span told from the events on
        ("Год после Еленовки", "ru", 12),
        ("Zwei Jahre nach dem Angriff auf den Bahnhof", "de", 24),
        ("Zelensky said last year that", "en", None),  # a calendar year, not a span past
        ("dwa lata temu", "pl", None),  # years, how many not said
        ("The dam was blown up on Tuesday, officials said.", "en", None),
    ],
)
def test_how_long_ago_a_lead_says_its_events_were(lead, language, months):
    assert story_keys.elapsed(lead, language) == months


STATION = {"~krmt": 0.6, "station": 0.6, "missile": 0.5}


def test_an_undated_page_saying_how_long_ago_its_events_were_joins_the_coverage_of_that_time(store):
    strike = put(store, STATION, date(2022, 4, 8))
    # another strike on the city half a year on, sharing more of the anniversary page's words
    later = put(store, {"~krmt": 0.6, "station": 0.4, "missile": 0.5, "victims": 0.5}, date(2022, 10, 1))
    anniversary = put(store, {"~krmt": 0.6, "station": 0.6, "memorial": 0.5}, date(2023, 4, 8))
    year_on = put(
        store, {"~krmt": 0.6, "station": 0.5, "missile": 0.4, "victims": 0.4, "memorial": 0.2}, None, "uk", says="Рік тому"
    )
    story = story_of(store)
    assert story[year_on] == story[anniversary] not in (story[strike], story[later])
    # placed in time by what it says, it places its story: a page two years on is no part of it
    two_years_on = put(store, {"~krmt": 0.6, "station": 0.6, "memorial": 0.5}, None, "uk", says="Два роки тому")
    assert story_of(store)[two_years_on] != story[anniversary]


def test_the_days_a_page_looking_back_names_are_its_events_not_its_own():
    assert clues("Рік тому, 8 квітня 2022 року, ракета влучила у вокзал", "uk") == Clues(
        (), date(2022, 4, 8), looks_back=True, elapsed=12
    )
    assert clues("A year after the strike of 8 April 2022", "en").days == ()


def test_an_undated_anniversary_page_naming_its_events_day_joins_the_coverage_of_its_time(store):
    strike = put(store, STATION, date(2022, 4, 8))
    anniversary = put(store, {"~krmt": 0.6, "station": 0.6, "memorial": 0.5}, date(2023, 4, 8))
    year_on = put(store, {"~krmt": 0.6, "station": 0.6, "memorial": 0.4}, None, "uk", says="Рік тому, 8 квітня 2022 року")
    story = story_of(store)
    assert story[year_on] == story[anniversary] != story[strike]


@pytest.mark.parametrize(
    ("url", "language", "looks_back"),
    [
        ("https://news.example.ua/uk/news/rokovini-udaru-po-kramatorsku-na-vokzalakh-2867212", "uk", True),
        ("https://example.com.ua/druhi-rokovyny-raketnoho-udaru-po-vokzalu/amp", "uk", True),
        ("https://example.ru/news/godovschina-tragedii-v-elenovke.html", "ru", True),
        ("https://example.com/2023/04/08/one-year-after-the-station-strike/", "en", True),
        ("https://example.com.ua/news/raketniy-udar-po-kramatorsku-desyatky-zagyblyh_n2290734", "uk", False),
        ("https://example.com/?p=1046310", "en", False),
    ],
)
def test_a_headline_in_a_web_address_may_look_back(url, language, looks_back):
    assert clues("8 квітня 2022 року армія РФ обстріляла вокзал", language, url).looks_back is looks_back


def test_a_month_named_with_its_year_and_no_day_is_a_time_past():
    assert story_keys.periods("the attack in April 2022; в апреле 2022 года", "ru") == [(2022, 4), (2022, 4)]
    assert story_keys.periods("у квітні 2022 року", "uk") == story_keys.periods("w kwietniu 2022", "pl") == [(2022, 4)]
    assert story_keys.periods("MOSCOW (08th April, 2022) and 8 квітня 2022 року", "uk") == []
    when = clues("HRW said on Tuesday that the strike in April 2022, on April 8, 2022, was a war crime", "en")
    assert when == Clues((), date(2022, 5, 1), past_until=date(2022, 5, 1))
    # a day dated after the time past it names is the page's own
    assert clues("Crimea, annexed in March 2014, was hit on 8 October 2022", "en").days == ((10, 8),)


def test_an_undated_report_on_an_event_in_a_month_past_joins_the_reports_coverage_not_the_events(store):
    strike = put(store, STATION, date(2022, 4, 8))
    report = put(store, {"~krmt": 0.6, "station": 0.5, "~hmnr": 0.6}, date(2023, 2, 21))
    undated = put(store, {"~krmt": 0.6, "station": 0.6, "missile": 0.4, "~hmnr": 0.4}, None, says="the strike in April 2022")
    story = story_of(store)
    assert story[undated] == story[report] != story[strike]


def test_a_page_looking_back_on_a_month_past_is_not_kept_from_coverage_begun_since(store):
    strike = put(store, STATION, date(2022, 4, 8))
    report = put(store, {"~krmt": 0.6, "station": 0.5, "~hmnr": 0.6}, date(2023, 2, 21))
    undated = put(store, {"~krmt": 0.6, "station": 0.5, "~hmnr": 0.6}, None, says="the strike last year, in April 2022")
    story = story_of(store)
    assert story[undated] == story[report] != story[strike]


def test_the_month_a_web_address_files_a_page_under_places_it():
    assert story_keys.url_months("https://russland.jetzt/2022/08/krimbrucke-soll-zerstort-werden.html") == ((2022, 8),)
    assert story_keys.url_months("https://example.org/2023/6/27/strike") == ((2023, 6),)
    assert story_keys.url_months("https://locals.md/2022/krymskyi-most") == ()  # a year alone
    assert story_keys.url_months("https://kiwix.org/wikipedia_en_all_2024-02/A/Strike") == ()  # no folders of a date
    assert clues("Die Brücke soll zerstört werden", "de", "https://x.de/2022/08/bruecke.html").months == ((2022, 8),)


def test_an_undated_page_filed_under_another_month_is_no_part_of_a_story(store):
    blast = put(store, {"~krms": 0.6, "bridge": 0.6, "podolyak": 0.5}, date(2022, 10, 8))
    threat = put(store, {"~krms": 0.6, "bridge": 0.6, "podolyak": 0.5}, None, "de", url="https://x.de/2022/08/bruecke.html")
    assert story_of(store)[blast] != story_of(store)[threat]


def test_a_span_of_background_that_would_place_a_page_in_the_future_does_not_place_it(store):
    strike = put(store, STATION, date(2022, 4, 8))
    page = put(store, STATION, None, "es", says="una guerra que empezó hace 80 años")
    assert story_of(store)[page] == story_of(store)[strike]


def test_a_doubled_letter_is_one_sound_in_a_name():
    assert stories.name_term("Rossaviatsia") == stories.name_term("Rosaviatsia") == stories.name_term("Росавиация")


def test_an_undated_page_looking_back_stays_with_undated_coverage_it_resembles(store):
    first = put(store, {"prigozhin": 0.6, "wagner": 0.6, "mutiny": 0.5}, None)
    again = put(store, {"prigozhin": 0.6, "wagner": 0.6, "mutiny": 0.5}, None, says="as he did last year")
    assert story_of(store)[first] == story_of(store)[again]


BLAST = {"bridge": 0.6, "blast": 0.6, "~krch": 0.5}
BLAST_DAY = date(2022, 10, 8)


@pytest.mark.parametrize("says", ["date 2022-08", "a year ago"])
def test_a_page_kept_out_of_a_story_by_its_time_is_not_merged_into_it_later(store, says):
    blast = put(store, BLAST, BLAST_DAY)
    # an August page, or one looking back on the blast: it starts a story of its own
    apart = put(store, {"bridge": 0.6, "~krch": 0.5, "~pdlk": 0.6}, None, says=says)
    assert story_of(store)[blast] != story_of(store)[apart]
    # an undated page close to both would show them to be one, were the first page's time not told
    both = put(store, {"bridge": 0.5, "blast": 0.6, "~krch": 0.5, "~pdlk": 0.4}, None)
    story = story_of(store)
    assert story[blast] == story[both] != story[apart]


def test_an_undated_page_joins_the_story_of_what_happened_in_it_not_of_its_actors(store):
    mutiny = [put(store, {"~prgs": 0.6, "~vgnr": 0.6, "!mutiny": 0.4} | more, DAY)
              for more in ({"~rstv": 0.3}, {"!crash": 0.2}, {"!mutiny": 0.5}, {"~mskv": 0.3}, {"~lksn": 0.3})]  # one tells of a helicopter downed
    crash = put(store, {"~prgs": 0.5, "~vgnr": 0.4, "!crash": 0.6, "~embr": 0.4}, DAY + timedelta(days=60))
    # closer to the mutiny (0.85 to 0.81), whose actors it shares more, but it tells of a crash, as the
    # crash's coverage does and most of the mutiny's does not
    undated = put(store, {"~prgs": 0.6, "~vgnr": 0.6, "!crash": 0.25}, None, "pt")
    story = story_of(store)
    assert story[mutiny[0]] == story[mutiny[2]] != story[crash] == story[undated]


def test_a_kind_of_event_several_of_the_closest_storys_pages_tell_is_that_storys_too(store):
    others = ("~hmrs", "~azov", "~dnsk", "~rdcr", "~knvr", "~lvov", "~mrpl", "~hrsn")
    prison = [
        put(store, {"~olnv": 0.6, "prison": 0.6, "strike": 0.5, more: 0.3}, date(2022, 7, 29)) for more in ("!blast", "!blast", *others)
    ]
    # a report a year on, all of whose pages tell of the blast (an explosion, no rocket)
    report = [put(store, {"~olnv": 0.6, "prison": 0.4, "!blast": 0.6, "~trk": 0.4}, date(2023, 7, 25)) for _ in range(2)]
    # as close to both; two of the prison's pages (a fifth) tell of its blast: it tells of the prison's
    undated = put(store, {"~olnv": 0.6, "prison": 0.5, "strike": 0.3, "!blast": 0.3, "~trk": 0.2}, None)
    story = story_of(store)
    assert story[prison[0]] == story[undated] != story[report[0]]


def test_what_happened_reads_the_same_in_every_language():
    assert events("Prigoschins Flugzeug ist abgestürzt") == events("літак розбився: авіакатастрофа")[:1] == ["!crash"]
    assert events("Взрыв на Крымском мосту; вибух; eksplozja, explosión") == ["!blast"] * 4
    assert events("He will exploit the explorers' findings") == []


def test_what_happened_is_read_inside_a_compound_where_a_language_writes_them_as_one_word():
    assert events("Moskau wehrte drei Marinedrohnen ab; nach dem Flugzeugabsturz", "de") == ["!drone", "!crash"]
    assert events("aangevallen met oppervlaktedrones", "nl") == ["!drone"]
    assert events("Die Belastung der Brücke", "de") == []
    assert events("the marinedrones", "en") == []  # elsewhere a kind is told by a word of its own


def put_copy(store: Store, original: int, terms: dict[str, float], says: str) -> int:
    """An undated copy of `original` whose own text says this, put in its story as the relater does."""
    text = f"{' '.join(terms)} {says} {next(NUMBER)}"
    article = Article(origin=content_hash(text)[:8], text=text, content_hash=content_hash(text), language="en")
    with store.transaction() as session:
        document = add_document(session, article)
        document.copy_of_id = original
        stories.assign(session, document, terms=terms)
        return document.id


def test_an_undated_copy_naming_another_month_is_no_part_of_its_originals_story(store):
    october = put(store, FLOOD, date(2022, 10, 8))
    original = put(store, FLOOD, None)  # undated and telling no time: joins the October coverage
    assert story_of(store)[original] == story_of(store)[october]
    july = put_copy(store, original, FLOOD, says="date 2023-07")
    same = put_copy(store, original, FLOOD, says="date 2022-10")
    assert story_of(store)[july] != story_of(store)[october]
    assert story_of(store)[same] == story_of(store)[october]


def test_undated_pages_naming_months_a_year_apart_are_not_one_story(store):
    july = put(store, FLOOD, None, says="date 2022-07")
    may = put(store, FLOOD, None, says="date 2023-05")
    untold = put(store, FLOOD, None)  # tells no time: fits either
    story = story_of(store)
    assert story[july] != story[may]
    assert story[untold] in (story[july], story[may])


def test_a_dated_page_does_not_join_undated_pages_naming_another_month(store):
    september = put(store, FLOOD, None, says="date 2022-09")
    january = put(store, FLOOD, date(2023, 1, 5))
    assert story_of(store)[september] != story_of(store)[january]


def test_an_undated_page_naming_a_day_of_an_earlier_year_is_no_part_of_that_days_anniversary():
    assert not Clues(((7, 29),), date(2022, 1, 1)).allow(date(2023, 7, 25), date(2023, 7, 25), timedelta(days=7))
    assert Clues(((7, 29),), date(2023, 1, 1)).allow(date(2023, 7, 25), date(2023, 7, 25), timedelta(days=7))
    assert Clues(((7, 29),)).allow(date(2023, 7, 25), date(2023, 7, 25), timedelta(days=7))


def test_an_undated_page_on_an_events_day_joins_its_coverage_not_the_finding_a_year_on(store):
    event = put(store, FLOOD_TOO, date(2022, 7, 29))
    finding = put(store, FLOOD, date(2023, 7, 25))  # the undated page's very terms
    undated = put(store, FLOOD, None, says="the strike of 29 July 2022")
    story = story_of(store)
    assert story[event] == story[undated] != story[finding]


def test_a_story_is_named_by_a_title_or_opening_words_never_by_its_terms(store):
    """A story begun by an untitled page reads as that page's opening words, not as its profile's name
    keys ("~alnv"); the first titled page to join gives it its title, and a later title leaves it be."""
    terms = {"~alnv": 0.7, "dam": 0.6, "flood": 0.6}
    text = "Water poured through the breach overnight. Thousands were evacuated from the villages below."
    article = Article(origin="untitled", text=text, content_hash=content_hash(text), published=DAY)
    with store.transaction() as session:
        first = add_document(session, article)
        stories.assign(session, first, terms=terms)
        story_id = first.story_id
        assert session.get(Story, story_id).label == "Water poured through the breach overnight. Thousands were evacuated from the villages below."
    for title in ("Dam breach floods the valley", "A later headline"):
        said = f"{text} {title}"
        article = Article(origin=title, title=title, text=said, content_hash=content_hash(said), published=DAY)
        with store.transaction() as session:
            document = add_document(session, article)
            stories.assign(session, document, article.title, terms)
            assert document.story_id == story_id
    with store.session() as session:
        assert session.get(Story, story_id).label == "Dam breach floods the valley"


def test_a_long_opening_is_cut_at_a_sentence_or_a_word():
    opening = "Missiles struck the railway station while thousands waited to be evacuated. "
    assert stories.label(None, opening + "word " * 40) == opening.strip()
    cut = stories.label(None, "word " * 60)
    assert cut.endswith(" …") and len(cut) <= stories.LABEL_LEAD + 2
    assert stories.label("  A   title ", "text") == "A title"


def test_a_day_written_with_its_year_reads_the_same_in_every_language():
    assert dated("8 квітня 2022 року о 10:28", "uk") == dated("le 8 avril 2022", "fr") == [date(2022, 4, 8)]
    assert dated("el 29 de julio de 2022", "es") == dated("on July 29, 2022", "en") == dated("29.07.2022") == [date(2022, 7, 29)]
    assert dated("2023-06-27 and 2023-06") == [date(2023, 6, 27)]
    assert dated("on 8 April, when 2022 began", "en") == dated("8 April", "en") == dated("31 June 2023", "en") == []


def test_an_undated_text_is_no_older_than_the_last_day_it_dates():
    restaurant = clues("The missile hit the restaurant on 27 June 2023, after the strike of 8 April 2022.", "en")
    assert restaurant.not_before == restaurant.latest_day == date(2023, 6, 27)
    assert not restaurant.allow(date(2023, 6, 1), date(2023, 6, 10), timedelta(days=7))  # over a week before it
    assert restaurant.allow(date(2023, 6, 27), date(2023, 6, 28), timedelta(days=7))
    assert clues("Since 2022 the city was shelled, 27 June", "en").not_before == date(2022, 1, 1)


def test_an_undated_page_dating_its_day_joins_that_days_coverage_not_undated_pages_of_another_month(store):
    february = put(store, FLOOD, None, says="date 2023-02")
    june = put(store, FLOOD_TOO, date(2023, 6, 27))
    undated = put(store, FLOOD, None, says="on 27 June 2023")  # the February page's very terms
    story = story_of(store)
    assert story[undated] == story[june] != story[february]


def test_a_page_far_closer_to_one_story_joins_it_whatever_another_tells_of_what_happened(store):
    station = put(store, {"~krmt": 0.6, "station": 0.6, "missile": 0.5}, date(2022, 4, 8))
    restaurant = put(store, {"~krmt": 0.6, "restaurant": 0.6, "!blast": 0.5}, date(2023, 6, 27))
    # twice as close to the station's coverage, none of whose pages tell of a blast as the restaurant's do
    undated = put(store, {"~krmt": 0.6, "station": 0.6, "missile": 0.5, "!blast": 0.2}, None)
    story = story_of(store)
    assert story[undated] == story[station] != story[restaurant]
