"""The days a text names, as keys that read the same in every language and script.

One event's coverage in many languages shares few words but names the same day: "6 June", "June 6",
"6 июня", "6 червня", "6. Juni", "6 de junio", "06.06.2023" are all "@06-06". Month names come from
CLDR (babel), in each language's forms that follow a day ("июня", "czerwca") and that stand alone.
The same days, with the latest year and the latest day written with its year ("27 June 2023", `dated`) a
text names, place a page without a date in time (`clues`): a text is not older than the last day it dates.
The kind of event a text tells ("Absturz", "авіакатастрофа", "caiu" -> "!crash") is a key of the same
sort (`events`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import unquote, urlsplit

DATE_MARK = "@"

_DAY_MONTH = re.compile(r"(?<![\d.,])(\d{1,2})(?:\.|-?го|er|º|st|nd|rd|th)?\s+(?:de\s+|of\s+)?([^\W\d_]{3,})", re.UNICODE)
_MONTH_DAY = re.compile(r"([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th|\.)?(?![\d,.]\d)", re.UNICODE)
# Languages that write the month before the day ("June 6", "június 6.", "birželio 6 d."); elsewhere a
# number after a month name is something else ("6 июня 25 000 человек").
MONTH_FIRST = frozenset({"en", "hu", "lt", "lv"})
_NUMERIC_DATE = re.compile(r"(?<![\d.])(?:(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)|((?:19|20)\d\d)-(\d{2})-(\d{2}))(?!\d)")
# A day written with its year: "8 April 2022", "8 квітня 2022 року", "29 de julio de 2022", "June 27, 2023".
_YEAR_AFTER = r"\.?,?\s+(?:de\s+|del\s+)?((?:19|20)\d\d)(?!\d)"
_DAY_MONTH_YEAR = re.compile(_DAY_MONTH.pattern + _YEAR_AFTER, re.UNICODE)
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th|\.)?" + _YEAR_AFTER, re.UNICODE)


@lru_cache(maxsize=64)
def month_names(language: str) -> dict[str, int]:
    """Every wide month name of the language (both CLDR contexts), casefolded, with its number; English's
    too, which the press of every language quotes."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in dict.fromkeys(("en", language)):
        for context in ("format", "stand-alone"):
            try:
                months = get_month_names("wide", context, locale)
            except (UnknownLocaleError, ValueError):
                continue
            names.update({name.casefold().rstrip("."): number for number, name in months.items()})
    return names


@lru_cache(maxsize=64)
def _month_periods(language: str) -> tuple[re.Pattern, dict[str, int]]:
    """A month named with its year and no day ("in April 2022", "в апреле 2022 года", "w kwietniu 2022"): each
    month by the start its CLDR forms share, so that the case a preposition asks for ("апреле", "квітні") is read."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_month_names

    starts: dict[str, int] = {}
    for locale in dict.fromkeys(("en", language)):
        try:
            forms = [get_month_names("wide", context, locale) for context in ("format", "stand-alone")]
        except (UnknownLocaleError, ValueError):
            continue
        for number in forms[0]:
            a, b = (f[number].casefold() for f in forms)
            shared = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            starts[a[: max(shared, 3)]] = number
    alternatives = "|".join(sorted(map(re.escape, starts), key=len, reverse=True))
    pattern = rf"(?<![^\W\d_])({alternatives})[^\W\d_]*\.?,?\s+(?:de\s+|del\s+|of\s+)?((?:19|20)\d\d)(?!\d)"
    return re.compile(pattern, re.IGNORECASE), starts


def periods(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """The months the text names with their year but no day ("in April 2022": (2022, 4)), as a time past."""
    language = (language or "en").split("-")[0].lower()
    pattern, starts = _month_periods(language)
    in_days = [m.span() for m in _DAY_MONTH_YEAR.finditer(text)]
    found = []
    for match in pattern.finditer(text):
        if any(a <= match.start() < b for a, b in in_days):
            continue
        found.append((int(match.group(2)), starts[match.group(1).casefold()]))
    return found


def _key(month: int | None, day: str) -> str | None:
    if month is None or not 1 <= int(day) <= 31:
        return None
    return f"{DATE_MARK}{month:02d}-{int(day):02d}"


def dates(text: str, language: str | None = None) -> list[str]:
    """A key for each day the text names by day and month ("@06-06"), one per mention."""
    language = (language or "en").split("-")[0].lower()
    months = month_names(language)
    before = months if language in MONTH_FIRST else month_names("en")
    found = []
    for match in _DAY_MONTH.finditer(text):
        found.append(_key(months.get(match.group(2).casefold()), match.group(1)))
    for match in _MONTH_DAY.finditer(text):
        found.append(_key(before.get(match.group(1).casefold()), match.group(2)))
    for match in _NUMERIC_DATE.finditer(text):
        day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(6), match.group(5))
        if 1 <= int(month) <= 12:
            found.append(_key(int(month), day))
    return [key for key in found if key is not None]


def dated(text: str, language: str | None = None) -> list[date]:
    """The days the text names with their year ("8 April 2022", "29 липня 2022 року", "27.06.2023")."""
    language = (language or "en").split("-")[0].lower()
    months = month_names(language)
    found = [(m.group(3), months.get(m.group(2).casefold()), m.group(1)) for m in _DAY_MONTH_YEAR.finditer(text)]
    found += [(m.group(3), months.get(m.group(1).casefold()), m.group(2)) for m in _MONTH_DAY_YEAR.finditer(text)]
    for m in _NUMERIC_DATE.finditer(text):
        found.append((m.group(3), int(m.group(2)), m.group(1)) if m.group(1) else (m.group(4), int(m.group(5)), m.group(6)))
    days = []
    for year, month, day in found:
        try:
            days.append(date(int(year), month, int(day)))
        except (TypeError, ValueError):  # no month name, or no such day
            continue
    return days


EVENT_MARK = "!"
# What happened, in the words the press of each language uses for it: a plane crash, a blast, a mutiny,
# a flood, a drone attack, an arrest, an interview, each one key in every language ("Absturz",
# "авіакатастрофа", "caiu" -> "!crash"). Kinds of news events, not of one story: an undated page is placed
# by what happened in it, not by its actors alone (a mutiny and the crash that killed its leader two months
# on share every name). Stems start a word; tuned on eval/realstory's dev sets.
_EVENT_STEMS = {
    "crash": r"crash|plane went down|авиакатастроф|авіакатастроф|катастроф\w* (?:самол|літак)|крушени|разбил(?:ся|ась|ись)|розбився|розбил(?:ася|ися)"
             r"|absturz|abgestürzt|stürzte|s'est écrasé|s’est écrasé|écrasé|precipitat|schiant|se estrelló|estrellado|caiu|caída del avión"
             r"|prăbuș|strmogl|rozbił|zřítil|havári|συντριβ|neergestort|neerstort",
    "blast": r"explo[sd]|esplo[sd]|eksplo[zds]|exploz|wybuch|výbuch|взрыв|взорв|вибух|підрив|подрыв|підірв|подорв|detona|blast|spreng"
             r"|έκρηξ|εκρηξ|انفجار",
    "mutiny": r"mutin|мятеж|бунт|заколот|путч|meuter|aufstand|ammutin|motín|motim|rebel|revolt|insurre|повстан|uprising|putsch"
              r"|upor\b|upora|pucz|muiterij|opstand|vzbur|пуч",
    "flood": r"flood|затоп|наводн|паводк|повін|підтоп|überschwemm|hochwasser|überflut|inond|alluvion|allag|inunda|pow[óo]d[źz]"
             r"|zalan|zalew|overstrom|πλημμ|poplav",
    "drone": r"drone|drohne|dron|дрон|беспилот|безпілот|бпла|безэкипаж",
    "arrest": r"arrest|арест|заарешт|verhaft|haftbefehl|festgenommen|arresto|arrestat|detenido|aresztow|zaoczn|заочно|in absentia",
    "interview": r"interview|интервью|інтерв|intervista|entrevista|wywiad|entretien|rozhovor|συνέντευξ",
}
_EVENT_ALTERNATIVES = "|".join(rf"(?P<{kind}>{stems})" for kind, stems in _EVENT_STEMS.items())
# Not after a letter: the check comes first, so the stems are tried only where a word starts (4x less CPU).
_EVENT = re.compile(rf"(?<![^\W\d_])(?:{_EVENT_ALTERNATIVES})", re.IGNORECASE)
# Languages that write a compound as one word, its head last ("Seedrohnen", "Flugzeugabsturz",
# "oppervlaktedrones"): there a kind of event is told inside a word as well.
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn", "is", "af", "lb", "fy"})
_EVENT_IN_COMPOUNDS = re.compile(_EVENT_ALTERNATIVES, re.IGNORECASE)


def events(text: str, language: str | None = None) -> list[str]:
    """A key for each word telling what kind of event happened ("!crash"), one per mention; in a language
    that writes compounds as one word, a word ending in one counts too ("Marinedrohnen")."""
    language = (language or "").split("-")[0].lower()
    pattern = _EVENT_IN_COMPOUNDS if language in COMPOUNDING else _EVENT
    return [f"{EVENT_MARK}{match.lastgroup}" for match in pattern.finditer(text)]


_YEAR = re.compile(r"(?<!\d)(?<!\d,)(?:19[5-9]\d|20\d\d)(?!\d|[.,]\d)")  # not "2,022" nor "3.2024"
_YEAR_MONTH = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![\d/-])")  # ISO 8601 "2023-09", not "2023-09-02"
# The month a web address files its page under ("/2022/08/", "/2023/06/27/"): the folders most news systems and
# blogs (WordPress, Blogger) put an article in when they publish it.
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
# Words by which a text looks back on what it tells as a month or more past: "a year ago", "two months
# after", "last month", and the events' anniversary. Undated pages that say so in their lead (LEAD
# characters) are later coverage (an anniversary, an interview, the next event), not the coverage of the
# event they recall; further down such words are background ("since March last year"). LEAD tuned on
# eval/realstory's dev sets: of nine undated pages with such words, the seven later ones have them in the
# first 450 characters, the two pages of the event itself after 540.
LEAD = 500
_LOOKS_BACK = re.compile(
    r"\b(?:last year|a year ago|(?:a|one) year (?:later|after|on)|(?:two|three|four|five|six|several|\d+) months? (?:ago|after|later)"
    r"|last month)\b"
    r"|прошло[гм]о? год[ау]?|год назад|год спустя|(?:через|спустя) (?:два|три|несколько|\d+) месяц|прошлого месяца|месяца? назад"
    r"|минулого (?:року|місяця)|минулому році|рік тому|місяц[іяь]? тому"
    r"|vor einem Jahr|(?:letzte|vergangene)[nms]? Jahr(?:es)?|(?:zwei|drei|vier|\d+) Monate nach|vergangenen Monat"
    r"|l'an dernier|l'année dernière|il y a un an|un an après|(?:deux|trois|\d+) mois après|le mois dernier"
    r"|el año pasado|hace un año|un año después|el mes pasado|l'anno scorso|un anno fa|(?:un anno|due mesi) dopo|il mese scorso"
    r"|o ano passado|há um ano|um ano depois|no mês passado|w zeszłym roku|rok temu|w ubiegłym roku",
    re.IGNORECASE,
)
# The word for an event's anniversary, one concept in each language (word starts: "річниця", "роковини",
# "годовщина", "Jahrestag", "rocznica"): coverage on an anniversary looks back on the event by its very name.
_ANNIVERSARY = {
    "en": "anniversar",
    "ru": "годовщин",
    "uk": "річниц|роковин",
    "be": "гадавін|угодк",
    "de": "jahrestag",
    "fr": "anniversaire",
    "es": "aniversario",
    "it": "anniversari",
    "pt": "aniversário",
    "pl": "rocznic",
    "cs": "výročí",
    "sk": "výroči",
    "nl": "verjaardag",
    "bg": "годишнин",
    "sr": "годишњиц",
    "hr": "godišnjic",
    "ro": "aniversar",
    "hu": "évforduló",
    "el": "επέτει",
    "tr": "yıl ?dönüm",
    "ar": "ذكرى",
}


def headline(url: str | None) -> str:
    """The words of the last folder of a web address that has a few ("/news/rokovini-udaru-po-kramatorsku-2867212"):
    most news systems write an article's headline there, in Latin letters, however its own language is written."""
    for folder in reversed([f for f in urlsplit(url or "").path.split("/") if f]):
        words = re.findall(r"[^\W\d_]+", unquote(folder).rsplit(".", 1)[0])
        if len(words) >= 3:
            return " ".join(words)
    return ""


def _skeleton(word: str) -> str:
    """A word's consonants in Latin letters, which every transliteration of it shares ("роковини", "rokovyny",
    "rokovini": "rkvn")."""
    return re.sub(r"[^a-z]|[aeiouyjh]", "", word)


@lru_cache(maxsize=64)
def _anniversary_skeletons(language: str) -> tuple[str, ...]:
    from factfile.extract.lang.romanize import latin_letters

    # a word in Latin letters is read as it is written (`looking_back`)
    stems = [latin_letters(stem).casefold() for stem in _ANNIVERSARY.get(language, "").split("|") if not re.search("[a-z]", stem)]
    return tuple(dict.fromkeys(k for stem in stems if len(k := _skeleton(stem)) >= 3))


def headline_looks_back(url: str | None, language: str) -> bool:
    """Whether the headline a web address holds looks back on its events: in the language's own words, or by the
    word for an anniversary as a transliteration spells it ("rokovini-udaru-po-kramatorsku")."""
    words = headline(url)
    if not words:
        return False
    if looking_back(language).search(words):
        return True
    skeletons = _anniversary_skeletons(language)
    return any(_skeleton(w.casefold()).startswith(skeletons) for w in words.split() if len(w) >= 4)


@lru_cache(maxsize=64)
def looking_back(language: str) -> re.Pattern:
    """The words by which a text in this language (or in English) tells of its events as a month or more
    past: the phrasings of _LOOKS_BACK and the word for an anniversary. CLDR's relative times ("{0} роки
    тому", "hace {0} años", babel) are not: a lead's "hace 8 años" is background (a war since 2014) as
    often as it recalls the event; they place a page in time instead (`elapsed`), where a span of background
    lands in the future and places nothing."""
    words = "|".join(_ANNIVERSARY[locale] for locale in dict.fromkeys(("en", language)) if locale in _ANNIVERSARY)
    return re.compile(rf"{_LOOKS_BACK.pattern}|(?<![^\W\d_])(?:{words})", re.IGNORECASE)


# "A year has passed" (the passing of time, one concept in each language, like the anniversary's word): with
# a span of time beside it ("прошел ровно год", "минуло два роки") the lead tells how long ago its events were.
_PASSED = {
    "en": "has passed|have passed|passed since|elapsed",
    "ru": "прош[её]л|прошло|прошли|минул[оаи]?|истек(?:ло|ли)?",
    "uk": "минув|минуло|минули|минає|минають|сплив(?:ло|ли)?",
    "be": "мінуў|мінула|мінулі|прайшоў|прайшло",
    "de": "vergangen|vergeht|vergehen|verstrichen",
    "fr": "s'est écoulée?|se sont écoulée?s|passée?s?",
    "es": "ha pasado|han pasado|transcurrid[oa]s?",
    "it": "è passato|sono passati|trascors[oi]",
    "pt": "passou|passaram|se passaram|decorrid[oa]s?",
    "pl": "minął|minęło|minęły|upłynął|upłynęło|upłynęły",
    "cs": "uplynul[oay]?|uběhl[oay]?",
    "nl": "verstreken|voorbij",
}
# "Two years after" (a span past, told from the events on, one concept in each language): with a span of time
# before it ("два роки після", "zwei Jahre nach") the lead tells how long ago its events were.
_AFTER = {
    "en": "after|later|on",
    "ru": "после|спустя",
    "uk": "після|потому",
    "be": "пасля|потым",
    "de": "nach|später|danach",
    "fr": "après|plus tard",
    "es": "después",
    "it": "dopo",
    "pt": "depois|após",
    "pl": "po|później",
    "cs": "po|později",
    "nl": "na|later",
}
_UNIT_MONTHS = {"year": 12, "month": 1}


@lru_cache(maxsize=64)
def _spans_of_time(language: str) -> tuple[dict[str, int], dict[str, int], list[tuple[str, str]], frozenset[str]]:
    """A language's words for a span of years or months, its number words, its "N years ago" frames and the
    unit words that are one unit without a number ("год назад"), from CLDR's relative times (babel: "5 лет
    назад", "vor 2 Jahren", "hace 1 año": every plural form of the unit and the words around it) and
    dateparser's unit words and number words ("два", "двух", "второй" -> 2)."""
    from babel.core import UnknownLocaleError
    from babel.dates import format_timedelta

    units: dict[str, int] = {}
    frames: list[tuple[str, str]] = []
    single: set[str] = set()
    for unit, months in _UNIT_MONTHS.items():
        for n in (1, 2, 5):
            try:
                said = format_timedelta(
                    timedelta(days=-30.44 * months * n), granularity=unit, threshold=100, add_direction=True, locale=language
                )
            except (UnknownLocaleError, ValueError):
                break
            before, number, after = said.partition(str(n))
            if not number:
                continue
            word, _, rest = after.strip().partition(" ")
            units[word.casefold()] = months
            if n == 1:
                single.add(word.casefold())
            frames.append((before.strip().casefold(), rest.strip().casefold()))
    numbers: dict[str, int] = {}
    try:
        from importlib import import_module

        info = import_module(f"dateparser.data.date_translation_data.{language}").info
    except (ImportError, AttributeError):
        info = {}
    for unit, months in _UNIT_MONTHS.items():
        units.update({w.casefold(): months for w in info.get(unit, []) if len(w) >= 3})
    for simplification in info.get("simplifications", []):
        for words, value in simplification.items():
            if value.isdigit() and not re.search(r"\\|\\d|\d", words):
                numbers[words.casefold()] = int(value)
    return units, numbers, list(dict.fromkeys(f for f in frames if any(f))), frozenset(single)


@lru_cache(maxsize=64)
def _elapsed_patterns(language: str) -> tuple[re.Pattern, re.Pattern, dict[str, int], dict[str, int], frozenset[str]]:
    """A span of time (number and unit) and the frames that make it a span past, in the language and in
    English: CLDR's "N years ago" frames, the passing of time (_PASSED) and a span told from the events on
    (_AFTER)."""
    units: dict[str, int] = {}
    numbers: dict[str, int] = {}
    frames: list[str] = []
    single: set[str] = set()
    for locale in dict.fromkeys((language, "en")):
        own_units, own_numbers, own_frames, own_single = _spans_of_time(locale)
        single |= own_single
        units.update(own_units)
        numbers.update(own_numbers)
        if locale in _PASSED:
            frames += [rf"(?:{_PASSED[locale]})\s+(?:[^\W\d_]+\s+)?SPAN", rf"SPAN\s+(?:[^\W\d_]+\s+)?(?:{_PASSED[locale]})"]
        if locale in _AFTER:
            frames.append(rf"SPAN\s+(?:{_AFTER[locale]})(?![^\W\d_])")
        frames += ["\\s+".join(filter(None, (re.escape(before), "SPAN", re.escape(after)))) for before, after in own_frames]
    unit_words = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    span = rf"(?:(?P<number>\d{{1,2}}|{'|'.join(numbers)})\s+)?(?P<unit>{unit_words})(?![^\W\d_])"
    bare = span.replace("?P<number>", "?:").replace("?P<unit>", "?:")
    past = "|".join(f"(?:{frame.replace('SPAN', bare)})" for frame in dict.fromkeys(frames))
    return (
        re.compile(rf"(?<![^\W\d_])(?:{past})", re.IGNORECASE),
        re.compile(rf"(?<![^\W\d_]){span}", re.IGNORECASE),
        units,
        numbers,
        frozenset(single),
    )


def elapsed(lead: str, language: str | None = None) -> int | None:
    """How many months past the lead says its events are ("a year ago", "прошел ровно год", "vor zwei
    Jahren", "два года назад": 12, 12, 24, 24), or None if it names no span of time past."""
    language = (language or "en").split("-")[0].lower()
    past, span, units, numbers, single = _elapsed_patterns(language)
    # a phrasing that looks back ("a year after", "zwei Monate nach") tells a span only with its number: "last
    # year" and "l'an dernier" name a calendar year, not a year past
    found = [(m, False) for m in [past.search(lead)] if m is not None]
    found += [(m, True) for m in [looking_back(language).search(lead)] if m is not None]
    for match, counted in sorted(found, key=lambda f: f[0].start()):
        for said in span.finditer(match.group(0)):
            unit, number = units[said.group("unit").casefold()], said.group("number")
            if number is None and (counted or said.group("unit").casefold() not in single):
                continue  # "lata temu": years, how many not said
            return unit * _count(number, numbers)
    return None


def _count(number: str | None, numbers: dict[str, int]) -> int:
    """The number a span of time is said with: digits, a number word, or none (one unit)."""
    if number is None:
        return 1
    if number.isdigit():
        return int(number)
    return next((value for words, value in numbers.items() if re.fullmatch(words, number, re.IGNORECASE)), 1)


@dataclass(frozen=True, slots=True)
class Clues:
    """When an undated text was written, as far as it says: the days it names (month, day), unless it looks
    back on them, and, from the latest year or dated day it names, a day it cannot be older than."""

    days: tuple[tuple[int, int], ...] = ()
    not_before: date | None = None
    months: tuple[tuple[int, int], ...] = ()  # (year, month) written as ISO 8601 "2023-09"
    looks_back: bool = False  # its lead tells of its events as a month or more past (_LOOKS_BACK)
    latest_day: date | None = None  # the latest day it names with its year ("27 June 2023")
    elapsed: int | None = None  # months its lead says have passed since its events ("a year ago": 12; `elapsed`)
    past_until: date | None = None  # the end of the latest month it names as a time past ("in April 2022"; `periods`)

    def allow(self, first: date, last: date, slack: timedelta) -> bool:
        """Whether coverage over [first, last] (give or take `slack`) fits: not over before the text's
        latest year began or its latest dated day, overlapping one of the months it names and near one of the
        days it names, if it names any."""
        if self.not_before is not None and last + slack < self.not_before:
            return False
        if self.months and not any(_overlaps(year, month, first - slack, last + slack) for year, month in self.months):
            return False
        return not self.days or near(self.days, first, last, slack, self.not_before.year if self.not_before else None)


def _overlaps(year: int, month: int, low: date, high: date) -> bool:
    start = date(year, month, 1)
    return start <= high and low < (date(year + month // 12, month % 12 + 1, 1))


def url_months(url: str | None) -> tuple[tuple[int, int], ...]:
    """The (year, month) a web address's folders file its page under, if any."""
    return tuple(dict.fromkeys((int(y), int(m)) for y, m in _URL_MONTH.findall(url or "")))


def clues(text: str, language: str | None = None, url: str | None = None) -> Clues:
    """The days, ISO months, latest year and latest dated day a text names, whether it (or the headline its web
    address holds) looks back on its events and how long ago its lead says they were; the month its web address
    files it under counts as a month it names."""
    years = [date(int(y), 1, 1) for y in _YEAR.findall(text)]
    months = tuple(dict.fromkeys([*((int(y), int(m)) for y, m in _YEAR_MONTH.findall(text)), *url_months(url)]))
    latest = max(dated(text, language), default=None)
    not_before = max([*years, latest] if latest else years, default=None)
    language = (language or "en").split("-")[0].lower()
    looks_back = looking_back(language).search(text[:LEAD]) is not None or headline_looks_back(url, language)
    span = elapsed(text[:LEAD], language)
    after = None
    if past := periods(text, language):
        # a month named with its year and no day ("the attack in April 2022") is a time past: the text was written
        # after it, and the days it dates in it are of that past
        year, month = max(past)
        after = date(year + month // 12, month % 12 + 1, 1)
        not_before = max(filter(None, (not_before, after)))
    if looks_back or span is not None or (after is not None and (latest is None or latest < after)):
        # the days a text that looks back names are those of the events it recalls, not its own: they bound
        # it from below (not_before) but place it nowhere ("8 April 2022" on the first anniversary)
        return Clues((), not_before, months, looks_back, None, span, after)
    days = tuple(dict.fromkeys((int(k[1:3]), int(k[4:6])) for k in dates(text, language)))
    return Clues(days, not_before, months, looks_back, latest, span, after)


def near(days, first: date, last: date, slack: timedelta, named: int | None = None) -> bool:
    """Whether one of the days (month and day) falls in [first - slack, last + slack], in any year the span
    touches, or only in the year `named`: a text naming "29 July" and 2022 as its latest year tells of 29 July 2022, not
    of the anniversary coverage a year on."""
    low, high = first - slack, last + slack
    for month, day in days:
        for year in range(low.year, high.year + 1) if named is None else (named,):
            try:
                if low <= date(year, month, day) <= high:
                    return True
            except ValueError:  # 29 February in a common year
                continue
    return False
