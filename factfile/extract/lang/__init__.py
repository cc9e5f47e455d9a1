"""Articles in languages other than English, read without the English spaCy model.

Russian, Ukrainian (and Belarusian, read as Ukrainian) get the Cyrillic reader: names with their
lemmas and Latin forms, chains, places, dates, numbers, statements and events. Other languages get
names by capitalisation, places from the gazetteer, dates and numbers (`latin.py`). The models load on
the first such article, so English-only runs never pay for them.
"""

from __future__ import annotations

from factfile.records import Analysis, Article

CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be"})


def analyse(article: Article) -> Analysis:
    analysis = Analysis(article=article)
    language = (article.language or "").split("-")[0]
    if language in CYRILLIC_LANGUAGES:
        from factfile.extract.lang import russian

        russian.analyse(analysis, "ru" if language == "ru" else "uk")
    else:
        from factfile.extract.lang import latin

        latin.analyse(analysis, language)
    return analysis
