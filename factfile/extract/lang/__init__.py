"""Articles in languages other than English, read without the English spaCy model.

Russian, Ukrainian (and Belarusian, read as Ukrainian) get the Cyrillic reader: names with their
lemmas and Latin forms, chains, places, dates, numbers, statements and events; other languages written
in Cyrillic (Bulgarian, Macedonian, Serbian, Kazakh ...) get it with the Russian dictionary, for names
and their Latin forms. Other languages get
names by capitalisation, places from the gazetteer, dates and numbers (`latin.py`). The models load on
the first such article, so English-only runs never pay for them. Events: the Cyrillic reader's by
lemma, the others' by word stem (`events.py`), each placed and dated there alike.
"""

from __future__ import annotations

import re

from factfile.extract.lang import events
from factfile.extract.statements.detect import add_detected
from factfile.extract.statements.late import link_late_sources
from factfile.records import Analysis, Article

CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")


def analyse(article: Article) -> Analysis:
    analysis = Analysis(article=article)
    language = (article.language or "").split("-")[0]
    if language in CYRILLIC_LANGUAGES or _mostly_cyrillic(article.text):
        from factfile.extract.lang import russian

        russian.analyse(analysis, "uk" if language in ("uk", "be") else "ru")
    else:
        from factfile.extract.lang import latin

        latin.analyse(analysis, language)
        analysis.events = events.find_events(analysis)
    add_detected(analysis)
    link_late_sources(analysis)
    events.place_and_date(analysis)
    return analysis


def _mostly_cyrillic(text: str, sample: int = 2000) -> bool:
    head = text[:sample]
    return len(_CYRILLIC.findall(head)) > 0.5 * max(1, len(_LETTER.findall(head)))
