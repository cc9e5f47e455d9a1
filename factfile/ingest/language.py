"""Offline language identification: plain English prose by its function words, the rest by lingua.

lingua (all languages, low-accuracy mode) costs about 12 ms per article, half a second to import and
as much again to load its models on the first text, in every worker process. Most news input is
English, and English prose gives itself away: in the first few thousand characters, one word in four
or more is one of a handful of English function words ("the", "of", "and", "said" ...), which no
other language's text comes near (Dutch "is", "was", "of" and French "a" are the nearest, a few per
cent). Such a text in plain Latin letters is called English without asking lingua; anything else
(other scripts, accented letters, few function words, short texts) goes to lingua as before.
`tests/test_language.py` checks that the shortcut and lingua agree.

A short English report full of names ("On 13 February, 2 children were wounded by a bomb in Nahr-i-
Saraj, Helmand") gives lingua too little English to go on: it calls such texts Danish, Latin or
Tsonga. Twenty words or more of which a quarter are English function words are English whatever
letters the names use; no other language's prose comes near that share. A shorter or terser report
("On 17 May 2022, ADF rebels killed a young man in or around Bamande (Walese Vonkutu, Irumu, Ituri)",
which lingua calls Bokmål) keeps its names capitalised: when nearly all of its lower-case words are
common English words (wordfreq), it is English. Windows of 25 words from the non-English pages of
eval/realstory pass that test only where they quote English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

# Words frequent in any English prose and rare as words of other languages written in Latin letters.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to that is was for with said have has be by it from which were are this"
    " he his she her they their who would will not but had been its what when there about".split()
)
_SHARED_FUNCTION_WORDS = frozenset("in on a an at as after into".split())  # English, but words of other languages too
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_ASCII = re.compile(r"[\x00-\x7f]+")
SHORTCUT_MIN_WORDS = 100  # a shorter sample goes to lingua
SHORTCUT_SHARE = 0.2  # English news prose: mostly 0.25-0.35 of its words; other languages: under 0.1
SHORT_MIN_WORDS = 20  # a short text this long, with SHORT_SHARE function words, is English
SHORT_SHARE = 0.25
# A short sample is English when at least LOWER_MIN_WORDS of its lower-case words, and LOWER_SHARE of
# them, have an English Zipf frequency of LOWER_ZIPF or more (set together on acled-2022h1's train and dev notes).
LOWER_MIN_WORDS = 4
LOWER_SHARE = 0.85
LOWER_ZIPF = 3.0
_LOWER_WORD = re.compile(r"[^\W\d_]+")
SHORTCUT_ASCII_LETTERS = 0.995  # letters outside ASCII (accents, other scripts) mean another language may be at hand


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import LanguageDetectorBuilder  # imported on the first text that needs it

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str, sample: int = 3000) -> str | None:
    """ISO 639-1 code of the text's language, judged on its first `sample` characters."""
    head = text[:sample]
    if plainly_english(head) or short_english(head) or english_words(head):
        return "en"
    language = _detector().detect_language_of(head)
    return language.iso_code_639_1.name.lower() if language is not None else None


def plainly_english(sample: str) -> bool:
    """Whether the sample is English prose beyond doubt: plain Latin letters and many English function words."""
    words = _WORD.findall(sample)
    if not sample.isascii():
        foreign = sum(map(str.isalpha, _ASCII.sub("", sample)))
        if foreign > (1 - SHORTCUT_ASCII_LETTERS) * (foreign + sum(map(len, words))):
            return False
    if len(words) < SHORTCUT_MIN_WORDS:
        return False
    common = sum(w.lower() in _ENGLISH_FUNCTION_WORDS for w in words)
    return common >= SHORTCUT_SHARE * len(words)


def short_english(sample: str) -> bool:
    """Whether a short sample, names and accents aside, is English: a quarter of its words or more are
    English function words (counting "in", "a", "on" too, which other languages share, when at least
    two of the words are English alone)."""
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < SHORT_MIN_WORDS:
        return False
    english = sum(w in _ENGLISH_FUNCTION_WORDS for w in words)
    shared = sum(w in _SHARED_FUNCTION_WORDS for w in words)
    return english >= 2 and english + shared >= SHORT_SHARE * len(words)


def english_words(sample: str) -> bool:
    """Whether a short sample's lower-case words (its names aside) are nearly all common English words."""
    if len(_WORD.findall(sample)) >= SHORTCUT_MIN_WORDS:
        return False
    lower = [w for w in _LOWER_WORD.findall(sample) if w.islower()]
    if len(lower) < LOWER_MIN_WORDS:
        return False
    import wordfreq  # the English list only; loaded on the first short text

    common = sum(wordfreq.zipf_frequency(w, "en") >= LOWER_ZIPF for w in lower)
    return common >= LOWER_SHARE * len(lower)
