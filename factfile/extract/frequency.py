"""Word frequencies on wordfreq's Zipf scale, with few languages' word lists in memory at once.

wordfreq keeps every language it has read for the life of the process, as a dict and a list of its
words (30-63 MB each: German is the largest), so a run over pages in many languages grew by the sum of
them. Here wordfreq's own store of those dicts is replaced by one holding the `LANGUAGES` most recently
used: a new language drops the one used longest ago, not every one, so English, which nearly every
page asks for, is not read again (0.2-0.5 s of CPU each time) after each page in a rarer language. The
word list a dict is built from is dropped once the dict is made. The values are wordfreq's own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import wordfreq

LANGUAGES = 3  # English and two others: a page in another language is mostly followed by English ones or its own
_build = getattr(wordfreq.get_frequency_dict, "__wrapped__", wordfreq.get_frequency_dict)  # wordfreq's, without its cache
_dicts: OrderedDict[tuple[str, str], dict[str, float]] = OrderedDict()
_lock = threading.Lock()


def zipf(word: str, language: str) -> float:
    """`wordfreq.zipf_frequency(word, language)`; LookupError or ImportError where wordfreq has no list or segmenter."""
    return wordfreq.zipf_frequency(word, language)


def _frequency_dict(lang: str, wordlist: str = "best", match_cutoff: None = None) -> dict[str, float]:
    """`wordfreq.get_frequency_dict`, holding the dicts of the `LANGUAGES` languages used last."""
    key = (lang, wordlist)
    with _lock:
        if key in _dicts:
            _dicts.move_to_end(key)
            return _dicts[key]
        made = _build(lang, wordlist)
        wordfreq.get_frequency_list.cache_clear()
        while len(_dicts) >= LANGUAGES:
            _dicts.popitem(last=False)
        _dicts[key] = made
        return made


def loaded() -> list[str]:
    """The languages whose word lists are held, the one used longest ago first."""
    return [lang for lang, _ in _dicts]


def forget() -> None:
    """Drop every word list held; the next lookup of a language reads its list again."""
    with _lock:
        _dicts.clear()
        wordfreq.get_frequency_list.cache_clear()


wordfreq.get_frequency_dict = _frequency_dict  # wordfreq's lookups call it by this module-level name
