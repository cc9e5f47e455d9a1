"""A country's armed forces in the languages read without a model: "l'armée russe", "el ejército ruso",
"o exército russo", "l'esercito russo", "die russischen Truppen". Written in small letters, where the
name finder (capitalised words) does not look, they are an actor all the same, the one English calls
"Russian forces"; the Cyrillic reader has its own rule (`cyrillic._forces`).

The country comes from the adjective by the stem it shares with the country's name in that language
(CLDR's, from babel): "ruso" / "Rusia", "russischen" / "Russland", "ucraniano" / "Ucrania".
"""

from __future__ import annotations

import re
from functools import lru_cache

from factfile.extract.names import name_key

# Nouns for armed forces; Romance languages put the adjective after them, German and Dutch before.
_AFTER = {
    "fr": r"armée|armées|forces armées|troupes", "es": r"ejército|fuerzas armadas|tropas",
    "pt": r"exército|forças armadas|tropas", "it": r"esercito|forze armate|truppe",
}
_BEFORE = {"de": r"armee|streitkräfte|truppen", "nl": r"leger|strijdkrachten|troepen"}
_ELIDED = r"(?:[lL]['’])?"  # "l'armée", "l'esercito": the article is one word with the noun
_ADJECTIVE = r"[^\W\d_]{4,}"
_INFLECTIONS = re.compile(r"(?:ischen|ische|ischer|isches|isch|iennes|ienne|iens|ien|anos|anas|ano|ana|ains|aine|ain|"
                          r"os|as|es|o|a|e|i|s)$")
_NAME_ENDINGS = re.compile(r"(?:land|ia|ie|a|e)$")


@lru_cache(maxsize=32)
def _stems(language: str) -> dict[str, str]:
    """Stem of each country's name in `language` -> the country's English name."""
    from babel import Locale

    english = Locale("en").territories
    try:
        local = Locale.parse(language).territories
    except (ValueError, LookupError):
        return {}
    stems = {}
    for code, name in local.items():
        key = name_key(name)
        if code.isalpha() and code in english and " " not in key and len(key) >= 4:
            stems[_NAME_ENDINGS.sub("", key)] = english[code]
    return stems


def country_of_adjective(word: str, language: str) -> str | None:
    """"ruso" (es) → Russia, "russischen" (de) → Russia, "ucraniano" → Ukraine: the country whose name's
    stem is the longest to start the adjective's stem (three letters at least), or the reverse."""
    stem = _INFLECTIONS.sub("", name_key(word))
    if len(stem) < 3:
        return None
    fits = [s for s in _stems(language) if len(s) >= 3 and (stem.startswith(s) or s.startswith(stem))]
    return _stems(language)[max(fits, key=len)] if fits else None


def find(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country's armed forces the text names."""
    if language in _AFTER:
        pattern = rf"(?<!\w){_ELIDED}(?:{_AFTER[language]})\s+(?P<adjective>{_ADJECTIVE})"
    elif language in _BEFORE:
        pattern = rf"(?<!\w)(?P<adjective>{_ADJECTIVE})\s+(?:{_BEFORE[language]})(?!\w)"
    else:
        return []
    found = []
    for match in re.finditer(pattern, text, re.I):
        country = country_of_adjective(match.group("adjective"), language)
        if country:
            found.append((match.start(), match.end(), country))
    return found
