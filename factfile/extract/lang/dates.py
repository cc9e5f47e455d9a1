"""Dates and numbers in languages other than English, normalised against the publication date.

Candidate expressions are found by patterns over month and weekday names and relative words of each
language ("22 мая", "в понедельник", "минулого тижня", "le 24 juin", "am Samstag"); dateparser (which
knows some two hundred languages offline) turns each into a date, relative ones counted back from the
publication date, as reports mostly look back.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from factfile.records import Analysis, Quantity, Span, TimeExpression

_MONTHS = {
    "ru": "январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]",
    "uk": "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня",
    "de": "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "it": "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
    "pt": "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
    "nl": "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
}
_RELATIVE = {
    "ru": r"(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|вчера|сегодня|позавчера|"
          r"на\s+(?:прошлой|этой)\s+неделе|в\s+(?:прошлом|этом)\s+месяце|в\s+(?:прошлом|этом)\s+году",
    "uk": r"(?:у|в)\s+(?:понеділок|вівторок|середу|четвер|п['’]ятницю|суботу|неділю)|вчора|сьогодні|позавчора|"
          r"минулого\s+(?:тижня|місяця|року)|цього\s+(?:тижня|місяця|року)",
    "de": r"am\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)|gestern|heute|vergangene\s+Woche",
    "fr": r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|hier|aujourd['’]hui|la\s+semaine\s+dernière",
    "it": r"(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)|ieri|oggi|la\s+settimana\s+scorsa",
    "es": r"el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)|ayer|hoy|la\s+semana\s+pasada",
    "pt": r"(?:segunda|terça|quarta|quinta|sexta)-feira|sábado|domingo|ontem|hoje|na\s+semana\s+passada",
}
_DAY_FIRST = r"(?<!\d)(\d{1,2})\.?\s+(?:de\s+)?(?:%s)(?:\s+(?:de\s+)?(?:19|20)\d\d(?:\s*(?:г\.|года|року|р\.))?)?"
_NUMERIC = r"(?<!\d)\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?!\d)"


@lru_cache(maxsize=32)
def _pattern(language: str) -> re.Pattern[str] | None:
    months = _MONTHS.get(language)
    if months is None:
        return None
    parts = [_DAY_FIRST % months, _NUMERIC]
    if language in _RELATIVE:
        parts.append(r"\b(?:" + _RELATIVE[language] + r")\b")
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I)


def find_times(analysis: Analysis, language: str) -> list[TimeExpression]:
    pattern = _pattern(language)
    if pattern is None:
        return []
    text, published = analysis.article.text, analysis.article.published
    found = []
    for match in pattern.finditer(text):
        resolved = normalise(match.group(0), language, published)
        span = Span(match.start(), match.end(), match.group(0))
        if resolved is None:
            found.append(TimeExpression(span, None, None, None))
        else:
            found.append(TimeExpression(span, resolved, resolved, "day"))
    if published is None:
        from factfile.extract.times import in_the_pages_year

        def with_year(expression: str, year: int):
            day = normalise(f"{expression} {year}", language, None)
            return (day, day, "day") if day else None

        in_the_pages_year(found, with_year, lambda expression: bool(re.fullmatch(_DAY_FIRST % _MONTHS[language], expression, re.I))
                          and not re.search(r"(?:19|20)\d\d", expression))
    return found


def normalise(expression: str, language: str, published: date | None) -> date | None:
    """The day an expression names; relative ones need the publication date."""
    import dateparser

    week = re.search(r"(?:прошлой|этой)\s+неделе|(?:минулого|цього)\s+тижня|vergangene\s+Woche|semaine\s+dernière|settimana\s+scorsa|semana\s+pasada",
                     expression, re.I)
    if week:
        if published is None:
            return None
        back = 0 if re.search(r"этой|цього", expression, re.I) else 7
        monday = published - timedelta(days=published.weekday() + back)
        return monday
    base = datetime.combine(published, datetime.min.time()) if published else None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    elif not re.search(r"(?:19|20)\d\d", expression):
        return None
    bare = re.sub(r"^(?:в|во|у|am|el|на)\s+", "", expression.strip(), flags=re.I)
    parsed = dateparser.parse(bare, languages=[language], settings=settings)
    return parsed.date() if parsed else None


_NUMBER_WORDS = {
    "ru": {"один": 1, "одна": 1, "два": 2, "две": 2, "двое": 2, "три": 3, "трое": 3, "четыре": 4, "пять": 5, "шесть": 6,
           "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "сто": 100, "тысяча": 1000},
    "uk": {"один": 1, "одна": 1, "два": 2, "дві": 2, "двоє": 2, "три": 3, "троє": 3, "чотири": 4, "п'ять": 5, "шість": 6,
           "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10, "двадцять": 20, "сто": 100, "тисяча": 1000},
}
_SCALE = {"тыс": 1e3, "тысяч": 1e3, "тисяч": 1e3, "млн": 1e6, "миллион": 1e6, "мільйон": 1e6, "млрд": 1e9,
          "mio": 1e6, "millionen": 1e6, "millions": 1e6, "milioni": 1e6, "millones": 1e6, "milhões": 1e6}
_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?)(?:\s+(тыс|тысяч\w*|тисяч\w*|млн|миллион\w*|мільйон\w*|млрд|Mio|Millionen|millions|milioni|millones|milhões)\b\.?)?")


def find_quantities(analysis: Analysis, language: str, lemma=None) -> list[Quantity]:
    """Numbers in digits (with thousands and scale words: "1,5 млн") and small number words; what each
    counts is the word after it, as its lemma when the reader has one."""
    text = analysis.article.text
    found = []
    times = [t.span for t in analysis.times]
    for match in _DIGITS.finditer(text):
        span = Span(match.start(), match.end(), match.group(0))
        if any(t.overlaps(span) for t in times) or re.fullmatch(r"(?:19|20)\d\d", match.group(1)):
            continue
        value = float(re.sub(r"[  ]", "", match.group(1)).replace(",", "."))
        if match.group(2):
            value *= next(v for k, v in _SCALE.items() if match.group(2).lower().startswith(k.lower()))
        found.append(_quantity(analysis, span, value, lemma))
    words = _NUMBER_WORDS.get(language, {})
    if words:
        for match in re.finditer(r"(?<![\w'’])(" + "|".join(map(re.escape, words)) + r")(?![\w'’])", text, re.I):
            found.append(_quantity(analysis, Span(match.start(), match.end(), match.group(0)), float(words[match.group(0).lower()]), lemma))
    return sorted(found, key=lambda q: q.span.start)


def _quantity(analysis: Analysis, span: Span, value: float, lemma) -> Quantity:
    text = analysis.article.text
    following = re.match(r"\s+([^\W\d_][\w'’-]*)", text[span.end:span.end + 40])
    counts = following.group(1) if following else None
    if counts and lemma is not None:
        counts = lemma(counts)
    return Quantity(span=span, value=value, counts=counts, sentence=analysis.sentence_of(span.start))
