"""Names in Arabic script, which has no capitals: rare words, spelled as the Latin press spells them.

Story terms take a script-neutral term from each name (relate/stories.name_term), found by its capital
letter; Arabic pages have none, and without this share no name term with pages in other languages. Here a
word the language rarely uses (wordfreq's Zipf scale) stands for a name, and its letters are read as a
foreign name is written in Arabic: short vowels are not written, "و" and "ي" inside a word are long
vowels, and one letter stands for several Latin sounds: "ب" is b or p, "ج" g or zh ("فاجنر" Wagner,
"بريجوجين" Prigozhin); "ف" is read v, as in the Russian names of the news ("روستوف" Rostov). Each reading
is a spelling; `name_term` makes the terms, so an ambiguous letter gives a few terms, one of which is the
Latin spelling's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from factfile.relate.fingerprints import common_word

# An Arabic word rarer than this is taken for a name ("فاجنر" 2.5, "روسيا" 5.3, "مروحية" 3.8); chosen with the
# letter readings below on the Arabic pages of eval/realstory/wagner.
NAME_ZIPF = 3.2
MIN_LETTERS = 4
AMBIGUOUS = 3  # letters read more than one way per word (at most 8 spellings; later ones take their first reading)

_ARABIC = re.compile(r"[\u0621-\u064A]")
_MARKS = re.compile(r"[\u064B-\u065F\u0640]")  # short-vowel marks and the tatweel stretch
# Each letter's readings as a foreign name's spelling; the first is the commonest.
_LETTERS: dict[str, tuple[str, ...]] = {
    "ا": ("a",), "أ": ("a",), "إ": ("i",), "آ": ("a",), "ء": ("",), "ئ": ("",), "ؤ": ("",),
    "ب": ("b", "p"), "پ": ("p",), "ت": ("t",), "ط": ("t",), "ث": ("s",), "ج": ("g", "zh"), "چ": ("ch",),
    "ح": ("h",), "خ": ("kh",), "د": ("d",), "ض": ("d",), "ذ": ("z",), "ر": ("r",), "ز": ("z",), "ژ": ("zh",),
    "س": ("s",), "ص": ("s",), "ش": ("sh",), "ع": ("",), "غ": ("g",), "ف": ("v",), "ڤ": ("v",),
    "ق": ("k",), "ك": ("k",), "گ": ("g",), "ل": ("l",), "م": ("m",), "ن": ("n",), "ه": ("h",), "ة": ("a",),
    "و": ("o",), "ي": ("i",), "ى": ("a",),
}
_START = {"و": "v", "ي": "ye"}  # at the start of a word these are consonants
_ARTICLE = ("وال", "بال", "لل", "ال")  # "the" with "and", "by", "to" written onto the word: never part of a name
_PARTICLES = ("و",)  # "and": a name may begin with the letter too, so both are read


def is_arabic(word: str) -> bool:
    return bool(word) and bool(_ARABIC.match(word))


@lru_cache(maxsize=100_000)
def readings(word: str, language: str = "ar") -> tuple[str, ...]:
    """Latin spellings of an Arabic word taken for a name (none if it is a common word or too short), with
    and without a particle written onto it."""
    word = _MARKS.sub("", word)
    for article in _ARTICLE:
        if word.startswith(article) and len(word) - len(article) >= MIN_LETTERS:
            word = word[len(article):]
            break
    forms = [word] + [word[1:] for particle in _PARTICLES if word.startswith(particle) and len(word) > MIN_LETTERS]
    return tuple(dict.fromkeys(spelling for form in forms for spelling in _spellings(form, language)))


def _spellings(word: str, language: str) -> list[str]:
    if len(word) < MIN_LETTERS or not all(letter in _LETTERS for letter in word) or common_word(word, language, NAME_ZIPF):
        return []
    choices = [(_START[letter],) if i == 0 and letter in _START else _LETTERS[letter] for i, letter in enumerate(word)]
    ambiguous = 0
    for i, options in enumerate(choices):
        if len(options) > 1:
            ambiguous += 1
            if ambiguous > AMBIGUOUS:
                choices[i] = options[:1]
    return ["".join(parts) for parts in product(*choices)]

