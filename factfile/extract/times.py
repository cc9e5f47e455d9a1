"""Date expressions normalised against the article's publication date, with their precision.

News dates events relative to the day it appears: "on Friday", "last August", "in early March",
"February this year", "at the beginning of this year", "a week ago". Each becomes a date (precision
"day"), a calendar month or year, or a range ("early March" = 1-10 March), read in the past unless
the text says otherwise, as reports mostly look back. Rules cover the forms news uses; anything else
with a digit or a month name goes to dateparser. Without a publication date only absolute dates
resolve; relative ones are kept unresolved (no start, no precision).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, Precision, Span, TimeExpression

Resolved = tuple[date, date, Precision]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS |= {"sept": 9}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2}
_COUNT = r"(?P<count>\d+|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + r")"
_PART = r"(?P<part>early|earlier|mid|middle|late|later|beginning|start|end|the beginning|the start|the end|the middle)"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 14)}
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_LEAD = re.compile(r"^(?:(?:on|in|at|since|from|by|until|during|of|around|about|as of|the)\s+)+", re.I)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.I))
    for name, pattern in [
        ("iso", r"^(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})$"),
        ("month_day_year", rf"^(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
        ("day_month_year", rf"^(?:{_WEEKDAY},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$"),
        ("month_day", rf"^(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?$"),
        ("day_month", rf"^(?:{_WEEKDAY},?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}$"),
        ("month_year", rf"^(?:{_PART}(?:\s+of\s+|\s+|-))?{_MONTH},?\s+(?P<year>\d{{4}})$"),
        ("year", rf"^(?:{_PART}(?:\s+of\s+|\s+|-))?(?:the\s+year\s+)?(?P<year>(?:19|20)\d\d)$"),
        ("decade", r"^(?P<decade>(?:19|20)\d0)s$"),
        ("month_relative", rf"^(?:{_PART}(?:\s+of\s+|\s+|-))?(?:(?P<which>last|this|next|past)\s+)?{_MONTH}(?:\s+(?:of\s+)?(?P<rel>this|last|next)\s+year)?$"),
        ("season", rf"^(?:(?P<which>last|this|next|past)\s+)?{_SEASON}(?:\s+(?:of\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<rel>this|last|next)\s+year))?$"),
        ("part_year", rf"^{_PART}(?:\s+of)?\s+(?P<rel>this|last|next|the)\s+year$"),
        ("rel_year", r"^(?P<rel>this|last|next|the past|past|the previous|previous)\s+year$"),
        ("rel_unit", r"^(?P<rel>this|last|next|the past|past|the previous|previous)\s+(?P<unit>week|month|weekend)$"),
        ("weekday", rf"^(?:(?:early|late)\s+)?(?:(?P<which>last|this|next|past)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?$"),
        ("ago", rf"^{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)$"),
        ("deictic", r"^(?P<word>today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|last night)$"),
    ]
]
_MONTH_NAME = _MONTH.replace("(?P<month>", "(?:")
_FULL_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}\s+(?:19|20)\d\d\b|\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b", re.I)
_DURATION = re.compile(rf"^(?:the\s+)?(?:past\s+|last\s+|next\s+)?{_COUNT}\s+(?:day|week|month|year|decade|hour)s?(?:\s+old)?$|-year-old|-month-old", re.I)


@stages.register("times")
def make_times() -> Stage:
    def times(doc: Doc, analysis: Analysis) -> None:
        published = analysis.article.published
        found = []
        for mention in analysis.mentions:
            if mention.label not in ("DATE", "TIME"):
                continue
            span = _with_article(analysis.article.text, mention.span)
            resolved = normalise(span.text, published)
            if resolved is None and mention.label == "TIME":
                continue  # "8:30 p.m.": a time of day, kept only when it names the day ("Sunday night", "tonight")
            if resolved is None and _DURATION.search(span.text):
                continue  # "four years", "49-year-old": a length of time, not a point in it
            start, end, precision = resolved or (None, None, None)
            found.append(TimeExpression(span=span, start=start, end=end, precision=precision))
        text = analysis.article.text
        for match in _FULL_DATE.finditer(text):  # "Around 25 April 2022 (as reported), ...": a date the model did not tag
            if not any(t.span.start < match.end() and match.start() < t.span.end for t in found):
                resolved = normalise(match.group(0), published)
                if resolved is not None:
                    found.append(TimeExpression(Span(match.start(), match.end(), match.group(0)), *resolved))
        if published is None:
            in_the_pages_year(found, lambda text, year: normalise(f"{text} {year}", None), _yearless)
        analysis.times = sorted(found, key=lambda t: t.span.start)

    return times


def _yearless(text: str) -> bool:
    bare = " ".join(_LEAD.sub("", text.strip().rstrip(".,")).split()).lower()
    return any(name in ("month_day", "day_month") and pattern.match(bare) for name, pattern in _PATTERNS)


def in_the_pages_year(times: list[TimeExpression], with_year, yearless) -> None:
    """A page without a publication date: "October 8" takes the year that puts it nearest the latest
    full date the page itself gives ("Saturday, Oct. 8, 2022", "08.10.2022"); with none it stays
    unresolved, as relative dates do. `with_year(text, year)` resolves the text with that year added."""
    full = [t.start for t in times if t.start is not None and t.precision == "day" and re.search(r"(?:19|20)\d\d", t.span.text)]
    if not full:
        return
    anchor = max(full)
    for index, time in enumerate(times):
        if time.start is not None or not yearless(time.span.text):
            continue
        options = [r for year in (anchor.year - 1, anchor.year, anchor.year + 1) if (r := with_year(time.span.text, year)) is not None]
        if options:
            start, end, precision = min(options, key=lambda r: abs((r[0] - anchor).days))
            times[index] = TimeExpression(span=time.span, start=start, end=end, precision=precision)


def _with_article(text: str, span: Span) -> Span:
    """"a week ago" where spaCy's entity is "week ago", "23 May 2022" where it is "May 2022"."""
    before = text[max(0, span.start - 3) : span.start]
    if re.search(r"(?:^|\s)an?\s$", before, re.I) and re.search(r"\bago$", span.text):
        start = span.start - len(before.lstrip())
        return Span(start, span.end, text[start : span.end])
    day = re.search(r"(?:^|[\s(])(\d{1,2})(?:st|nd|rd|th)?\s+$", text[max(0, span.start - 6) : span.start])
    if day and re.match(_MONTH, span.text, re.I):  # "Around 23 May 2022", where the entity is "May 2022"
        start = span.start - (len(text[max(0, span.start - 6) : span.start]) - day.start(1))
        return Span(start, span.end, text[start : span.end])
    return span


def normalise(expression: str, published: date | None) -> Resolved | None:
    """The date or range `expression` means in an article published on `published`."""
    text = " ".join(_LEAD.sub("", expression.strip().rstrip(".,")).split()).lower()
    for name, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _RULES[name](match.groupdict(), published)
    if re.search(_MONTH, text, re.I) or re.search(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b", text):
        return _dateparser(text, published)
    return _lone_year(text)


def _lone_year(text: str) -> Resolved | None:
    """"several years from 2001", "10 in 2000": the one year named is all that is certain."""
    years = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    if len(years) != 1:
        return None
    year = int(years.pop())
    return date(year, 1, 1), date(year, 12, 31), "year"


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _part_of(start: date, end: date, part: str | None) -> Resolved:
    """"early March" = days 1-10, "mid" 11-20, "late" 21-end; for a year, the first / middle / last four months."""
    if not part:
        return start, end, "month" if start.month == end.month and start.year == end.year else "year"
    part = part.replace("the ", "")
    if start.month == end.month:
        edges = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20)}
        first, last = edges.get(part, (21, end.day))
        return start.replace(day=first), start.replace(day=last), "range"
    edges = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8)}
    first, last = edges.get(part, (9, 12))
    return date(start.year, first, 1), _month_range(start.year, last)[1], "range"


def _day(fields, published):
    return _valid(int(fields["year"]), _month(fields), int(fields["day"]))


def _iso(fields, published):
    return _valid(int(fields["year"]), int(fields["mon"]), int(fields["day"]))


def _valid(year: int, month: int, day: int) -> Resolved | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return when, when, "day"


def _month(fields) -> int:
    return MONTHS[fields["month"].lower().rstrip(".")]


def _day_no_year(fields, published):
    if published is None:
        return None
    month, day = _month(fields), int(fields["day"])
    options = [_valid(year, month, day) for year in (published.year - 1, published.year, published.year + 1)]
    options = [o for o in options if o]
    return min(options, key=lambda o: abs((o[0] - published).days), default=None)


def _month_year(fields, published):
    start, end = _month_range(int(fields["year"]), _month(fields))
    return _part_of(start, end, fields.get("part"))


def _year(fields, published):
    year = int(fields["year"])
    return _part_of(date(year, 1, 1), date(year, 12, 31), fields.get("part"))


def _decade(fields, published):
    first = int(fields["decade"])
    return date(first, 1, 1), date(first + 9, 12, 31), "range"


def _month_relative(fields, published):
    if published is None:
        return None
    month = _month(fields)
    which, rel = fields.get("which"), fields.get("rel")
    if rel:
        year = published.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif which == "next":
        year = published.year + (month <= published.month)
    elif which in ("last", "past"):
        year = published.year - (month >= published.month)
    elif which == "this":
        year = published.year
    else:
        year = published.year - (month > published.month)
    start, end = _month_range(year, month)
    return _part_of(start, end, fields.get("part"))


def _year_offset(rel: str) -> int:
    return {"this": 0, "the": 0, "next": 1}.get(rel, -1)


def _part_year(fields, published):
    if published is None:
        return None
    year = published.year + _year_offset(fields["rel"])
    if year == published.year and fields["part"] in ("earlier", "later"):
        # "earlier this year": up to the day of writing; "later this year": after it
        if fields["part"] == "earlier":
            return date(year, 1, 1), published, "range"
        return published, date(year, 12, 31), "range"
    return _part_of(date(year, 1, 1), date(year, 12, 31), fields["part"])


def _rel_year(fields, published):
    if published is None:
        return None
    year = published.year + _year_offset(fields["rel"])
    return date(year, 1, 1), date(year, 12, 31), "year"


def _rel_unit(fields, published):
    if published is None:
        return None
    offset = _year_offset(fields["rel"])
    if fields["unit"] == "month":
        month = published.month + offset
        year = published.year + (month - 1) // 12
        return (*_month_range(year, (month - 1) % 12 + 1), "month")
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    if fields["unit"] == "weekend":
        return monday + timedelta(days=5), monday + timedelta(days=6), "range"
    return monday, monday + timedelta(days=6), "range"


def _weekday(fields, published):
    """The most recent such day up to publication ("on Friday"); "next Friday" looks ahead."""
    if published is None:
        return None
    weekday = WEEKDAYS[fields["weekday"].lower()]
    back = (published.weekday() - weekday) % 7
    if fields.get("which") == "next":
        when = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    elif fields.get("which") in ("last", "past") and back == 0:
        when = published - timedelta(days=7)
    else:
        when = published - timedelta(days=back)
    return when, when, "day"


def _ago(fields, published):
    if published is None:
        return None
    count = fields["count"].lower()
    n = int(count) if count.isdigit() else _NUMBERS[count]
    unit = fields["unit"]
    if unit == "day":
        when = published - timedelta(days=n)
        return when, when, "day"
    if unit == "week":
        when = published - timedelta(weeks=n)
        return when, when, "day"
    if unit == "month":
        month = published.month - n
        year = published.year + (month - 1) // 12
        return (*_month_range(year, (month - 1) % 12 + 1), "month")
    year = published.year - n
    return date(year, 1, 1), date(year, 12, 31), "year"


def _deictic(fields, published):
    if published is None:
        return None
    word = fields["word"]
    when = published + timedelta(days={"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0))
    return when, when, "day"


def _season(fields, published):
    first, last = _SEASONS[fields["season"]]
    if fields.get("year"):
        year = int(fields["year"])
    elif published is None:
        return None
    elif fields.get("rel"):
        year = published.year + _year_offset(fields["rel"])
    else:  # the most recent such season that has begun, or the next one
        year = published.year - (published.month < first)
        if fields.get("which") == "next":
            year += 1
        elif fields.get("which") in ("last", "past") and year == published.year and published.month <= last:
            year -= 1  # "last summer" said in July is the previous one
    start = date(year, first, 1)
    end = _month_range(year + (last > 12), (last - 1) % 12 + 1)[1]
    return start, end, "range"


_RULES = {
    "season": _season,
    "iso": _iso,
    "month_day_year": _day,
    "day_month_year": _day,
    "month_day": _day_no_year,
    "day_month": _day_no_year,
    "month_year": _month_year,
    "year": _year,
    "decade": _decade,
    "month_relative": _month_relative,
    "part_year": _part_year,
    "rel_year": _rel_year,
    "rel_unit": _rel_unit,
    "weekday": _weekday,
    "ago": _ago,
    "deictic": _deictic,
}


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser  # imported on first need: it takes a second to load

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"]})


def _dateparser(text: str, published: date | None) -> Resolved | None:
    if not re.search(r"(?:19|20)\d\d", text):
        return None  # without a year dateparser guesses from today's date, not the article's
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return _lone_year(text)
    when: datetime = data.date_obj
    if data.period == "year":
        return date(when.year, 1, 1), date(when.year, 12, 31), "year"
    if data.period == "month":
        return (*_month_range(when.year, when.month), "month")
    return when.date(), when.date(), "day"
