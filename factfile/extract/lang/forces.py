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

# Nouns for a country's armed forces, its troops and its soldiers (English's "forces", "army", "troops",
# "military", "soldiers", which `names` takes for one actor), with their plurals and, in the declining
# languages, their case forms. Romance languages put the adjective after the noun, German and Dutch before
# it, Polish, Czech and Slovak either ("rosyjskie wojska", "wojsk rosyjskich"). Longer names come first, so
# that "forces armées russes" is read whole.
_AFTER = {
    "fr": r"forces armées|forces|armée|armées|troupes|militaires|soldats",
    "es": r"fuerzas armadas|fuerzas|ejército|ejércitos|tropas|militares|soldados",
    "pt": r"forças armadas|forças|exército|exércitos|tropas|militares|soldados",
    "it": r"forze armate|forze|esercito|eserciti|truppe|militari|soldati",
}
_SLAVIC = {
    "pl": r"wojsko|wojska|wojsk|wojskom|wojskami|wojskach|siły|sił|siłom|siłami|siłach|armia|armii|armię|armią"
          r"|żołnierze|żołnierzy|żołnierzom|żołnierzami",
    "cs": r"armáda|armády|armádě|armádu|armádou|vojska|vojsk|vojskům|vojsky|síly|sil|silám|silami|vojáci|vojáků|vojákům|vojáky",
    "sk": r"armáda|armády|armáde|armádu|armádou|vojská|vojsk|vojskám|vojskami|sily|síl|silám|silami|vojaci|vojakov|vojakom",
}
_BEFORE = {
    "de": r"streitkräften|streitkräfte|armee|truppen|militärs|militär|kräften|kräfte|soldaten",
    "nl": r"strijdkrachten|leger|troepen|militairen|soldaten",
    **_SLAVIC,
}
_AFTER |= _SLAVIC
_ARMED = ("arme", "armad", "armat", "zbrojn", "ozbrojen")  # "armées", "armadas", "armate", "zbrojne": armed, not a country's
_ELIDED = r"(?:[lL]['’])?"  # "l'armée", "l'esercito": the article is one word with the noun
_ADJECTIVE = r"[^\W\d_]{4,}"
_INFLECTIONS = re.compile(r"(?:ischen|ische|ischer|isches|isch|iennes|ienne|iens|ien|anos|anas|ano|ana|ains|aine|ain|"
                          r"os|as|es|o|a|e|i|s)$")
_NAME_ENDINGS = re.compile(r"(?:land|ia|ie|a|e)$")
_YJ = re.compile(r"(?<=[^aeiouy])yj(?=sk)")  # an adjective of a name in "-ja" ("Rosja", "rosyjski")


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
    stems = {stem, _YJ.sub("j", stem)}  # Polish "rosyjski" of "Rosja"
    fits = [s for s in _stems(language) if len(s) >= 3 and any(t.startswith(s) or s.startswith(t) and len(s) - len(t) <= 1 for t in stems)]
    return _stems(language)[max(fits, key=len)] if fits else None


def find(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country's armed forces the text names."""
    patterns = []
    if language in _AFTER:
        patterns.append(rf"(?<!\w){_ELIDED}(?:{_AFTER[language]})\s+(?P<adjective>{_ADJECTIVE})(?!\w)")
    if language in _BEFORE:
        patterns.append(rf"(?<!\w)(?P<adjective>{_ADJECTIVE})\s+(?:{_BEFORE[language]})(?!\w)")
    found: list[tuple[int, int, str]] = []
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.I):
            if name_key(match.group("adjective")).startswith(_ARMED):
                continue  # "forces armées" of no country
            country = country_of_adjective(match.group("adjective"), language)
            if country and not any(s < match.end() and match.start() < e for s, e, _ in found):
                found.append((match.start(), match.end(), country))
    return sorted(found)
