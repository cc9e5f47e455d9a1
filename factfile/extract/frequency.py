"""Word frequencies on wordfreq's Zipf scale, with few languages' word lists in memory at once.

wordfreq keeps every language it has read for the life of the process, as a dict and a list of its
words (30-63 MB each: German is the largest), so a run over pages in many languages grew by the sum of
them. Here wordfreq's own store of those dicts is replaced by one holding the `LANGUAGES` most recently
used: a new language drops the one used longest ago, not every one, so English, which nearly every
page asks for, is not read again (0.2-0.5 s of CPU each time) after each page in a rarer language. The
word list a dict is built from is dropped once the dict is made. The values are wordfreq's own.

Each language's table is a `Frequencies` instead of wordfreq's dict of str to float: the same lookups in
a third of the memory (English, German and Russian held at once: 57 MB instead of 166, an eighth of a
worker's peak RSS on bench/pipeline.py's inputs).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping

import numpy
import wordfreq

LANGUAGES = 3  # English and two others: a page in another language is mostly followed by English ones or its own
_dicts: OrderedDict[tuple[str, str], Mapping[str, float]] = OrderedDict()
_lock = threading.Lock()


def zipf(word: str, language: str) -> float:
    """`wordfreq.zipf_frequency(word, language)`; LookupError or ImportError where wordfreq has no list or segmenter."""
    return wordfreq.zipf_frequency(word, language)


class Frequencies(Mapping[str, float]):
    """A word list's frequencies as wordfreq's `get_frequency_dict` gives them, held compactly: the words
    joined in one UTF-8 text with each one's end, their hashes sorted in one array (a hash is a word's only
    once the text at its place matches), and each word's band, the index of its list in wordfreq's pack
    (frequency 10^(-band/100)). Built in about the time the dict took."""

    def __init__(self, pack: list[list[str]]):
        words = [word for band in pack for word in band]
        text = "".join(words)
        char_ends = numpy.cumsum(numpy.fromiter(map(len, words), dtype=numpy.int64, count=len(words)))
        points = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        utf8_ends = numpy.cumsum(1 + (points >= 0x80) + (points >= 0x800) + (points >= 0x10000), dtype=numpy.int64)
        self._ends = utf8_ends[char_ends - 1] if len(words) else char_ends  # each word's end in the UTF-8 text
        self._text = text.encode("utf-8", "surrogatepass")  # one emoji would make a str four bytes a letter
        self._bands = numpy.repeat(numpy.arange(len(pack), dtype=numpy.int32), [len(band) for band in pack])
        hashes = numpy.fromiter(map(hash, words), dtype=numpy.int64, count=len(words))
        # stable: a word listed twice has its later band last, which `_band` keeps, as the dict does
        self._order = numpy.argsort(hashes, kind="stable").astype(numpy.int32)
        self._hashes = hashes[self._order]
        self._values = [wordfreq.cB_to_freq(-band) for band in range(len(pack))]

    def _band(self, word: object) -> int | None:
        if not isinstance(word, str):
            return None
        key, band, text = hash(word), None, None
        i = int(numpy.searchsorted(self._hashes, key))
        while i < len(self._hashes) and self._hashes[i] == key:
            at = int(self._order[i])
            text = text or word.encode("utf-8", "surrogatepass")
            if self._text[int(self._ends[at - 1]) if at else 0 : int(self._ends[at])] == text:
                band = int(self._bands[at])
            i += 1
        return band

    def __getitem__(self, word: str) -> float:
        band = self._band(word)
        if band is None:
            raise KeyError(word)
        return self._values[band]

    def __contains__(self, word: object) -> bool:
        return self._band(word) is not None

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends.tolist():
            yield self._text[start:end].decode("utf-8", "surrogatepass")
            start = end

    def __len__(self) -> int:
        return len(self._hashes)


def _build(lang: str, wordlist: str = "best") -> Frequencies:
    return Frequencies(wordfreq.get_frequency_list(lang, wordlist))


def _frequency_dict(lang: str, wordlist: str = "best", match_cutoff: None = None) -> Mapping[str, float]:
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
