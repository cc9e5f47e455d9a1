"""Word frequencies on wordfreq's Zipf scale, with few languages' word lists in memory at once.

wordfreq keeps every language it has read for the life of the process, as a dict and a list of its
words (30-63 MB each: German is the largest), so a run over pages in many languages grew by the sum of
them. Here at most `LANGUAGES` languages stay loaded: asking for one more empties wordfreq's caches
first (English, asked for again, reloads in about 0.2 s of CPU). The values are wordfreq's own.
"""

from __future__ import annotations

import wordfreq

LANGUAGES = 3  # English and two others: a page in another language is mostly followed by English ones or its own
_loaded: list[str] = []


def zipf(word: str, language: str) -> float:
    """`wordfreq.zipf_frequency(word, language)`; LookupError or ImportError where wordfreq has no list or segmenter."""
    if language not in _loaded and len(_loaded) >= LANGUAGES:
        forget()
    value = wordfreq.zipf_frequency(word, language)
    if language not in _loaded:
        _loaded.append(language)
    return value


def forget() -> None:
    """Drop every word list wordfreq holds; the next lookup of a language reads its list again."""
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    _loaded.clear()
