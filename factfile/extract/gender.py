"""Whether "he" or "she" can refer to a person the article names, from what the article itself shows:
a courtesy title before the name ("Mr. Trump", "Mrs. May"), a gendered role ("spokeswoman", "first
lady"), else the first name: the male and female first names of Faker's 80-odd locales (MIT), the
Cyrillic ones also in their Latin forms; a name given to one gender in at least three times as many
locales as to the other is that gender's, any other decides nothing; East Slavic first names also in the
press's spellings (`romanize.FIRST_NAMES`: "Oleksiy", "Oleksii")."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Literal

from factfile.records import Analysis

Gender = Literal["male", "female"]

PRONOUNS: dict[str, Gender] = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam|Mme|Herr|Frau)\.?\s+$")
# A person's office right before a name: "Deputy Defence Minister Hanna Maliar", "NSDC Secretary Oleksiy Danilov".
PERSON_TITLE = re.compile(
    r"\b(?:[Mm]inister|[Pp]resident|[Dd]eputy|[Ss]pokes(?:man|woman|person)|[Ss]ecretary|[Cc]olonel|[Gg]eneral|[Cc]ommander|"
    r"[Aa]dvis[eo]r|[Mm]ayor|[Gg]overnor|[Ss]enator|[Jj]udge|[Dd]irector|[Cc]hief|[Aa]mbassador|[Ll]eader|[Ff]ounder|[Rr]epresentative|[Ee]nvoy|[Cc]hairman)\s+$"
)
TITLES: dict[str, Gender] = {
    "mr": "male", "sir": "male", "lord": "male", "herr": "male",
    "mrs": "female", "ms": "female", "miss": "female", "dame": "female", "lady": "female", "madam": "female", "mme": "female", "frau": "female",
}
_ROLES = re.compile(
    r"\b(?P<female>spokeswoman|chairwoman|congresswoman|businesswoman|first lady|wife|mother|daughter|sister|widow|actress|queen|princess)\b"
    r"|\b(?P<male>spokesman|chairman|congressman|businessman|husband|father|son|brother|widower|actor|king|prince)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, Gender]:
    import importlib
    import pkgutil

    import faker.providers.person as person

    from factfile.extract.lang.romanize import FIRST_NAMES, has_cyrillic, romanize
    from factfile.extract.names import name_key

    votes: dict[str, Counter] = defaultdict(Counter)
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for gender, names in (("male", getattr(provider, "first_names_male", ())), ("female", getattr(provider, "first_names_female", ()))):
            forms = set()
            for first in names:
                forms.add(name_key(first))
                if has_cyrillic(first):
                    forms |= {name_key(romanize(first)), name_key(romanize(first, ukrainian=True))}
            for form in forms:
                votes[form][gender] += 1
    found: dict[str, Gender] = {}
    for form, count in votes.items():
        gender = max(count, key=count.__getitem__)
        if form and " " not in form and count[gender] >= 3 * (sum(count.values()) - count[gender]):
            found[form] = gender
    for cyrillic, english in FIRST_NAMES.items():  # East Slavic names as the press spells them ("Oleksiy")
        gender = found.get(name_key(english)) or ("female" if cyrillic[-1] in "ая" else "male")
        for form in (romanize(cyrillic), romanize(cyrillic, ukrainian=True), english):
            found.setdefault(name_key(form), gender)
    spelled, declined = _foreign_first_names()
    for latin, (_, gender) in spelled.items():
        found.setdefault(latin, gender)
    for latin in declined:
        found.setdefault(latin, "male")
    return found


# Slavic languages in Latin letters decline a man's first name: "Władimira", "Władimirowi", "Władimirem" (Polish),
# "Vladimira", "Vladimirovi", "Vladimirem", "Vladimiru" (Czech, Slovak; Croatian, Serbian, Slovene alike), and one
# in "-o" from its stem ("Dmytra", "Dmytrowi"). The endings of the genitive-accusative, dative and instrumental.
_MALE_CASE_ENDINGS = ("a", "owi", "ovi", "em", "om", "u")


@lru_cache(maxsize=1)
def _foreign_first_names() -> tuple[dict[str, tuple[str, Gender]], dict[str, str]]:
    """Name keys of the East Slavic first names (Faker's Russian and Ukrainian locales, `romanize.FIRST_NAMES`) as
    the Polish, Czech, Slovak, German and French press spells them (`romanize.foreign_spelling`: "Władimir",
    "Siergiej", "Dmitrij", "Sergueï") -> (the name, gender); and of a man's name in the Slavic case forms -> its nominative."""
    import faker.providers.person.ru_RU as russian
    import faker.providers.person.uk_UA as ukrainian

    from factfile.extract.lang.romanize import FIRST_NAMES, FOREIGN_LANGUAGES, foreign_spelling, foreign_spellings
    from factfile.extract.names import name_key

    names: list[tuple[str, Gender, bool]] = []
    for provider, in_ukrainian in ((russian.Provider, False), (ukrainian.Provider, True)):
        names += [(n, "male", in_ukrainian) for n in provider.first_names_male]
        names += [(n, "female", in_ukrainian) for n in provider.first_names_female]
    names += [(n, "female" if n[-1] in "ая" else "male", reading) for n in FIRST_NAMES for reading in (False, True)]
    found: dict[str, tuple[str, Gender]] = {}
    declined: dict[str, str] = {}
    for cyrillic, gender, in_ukrainian in names:
        for language in FOREIGN_LANGUAGES:
            for form in foreign_spellings(cyrillic, language, in_ukrainian):
                found.setdefault(name_key(form), (form, gender))
            form = foreign_spelling(cyrillic, language, in_ukrainian)
            if gender == "male" and language in ("pl", "cs", "sk") and form[-1:] not in ("a", "i", "ï", "y"):
                stem = form[:-1] if form.endswith("o") else form
                for ending in _MALE_CASE_ENDINGS:
                    declined.setdefault(name_key(stem + ending), form)
    return found, declined


def first_name_nominative(word: str) -> str | None:
    """The nominative of a man's East Slavic first name in a Slavic case form ("Władimira" → Władimir,
    "Dmytrowi" → Dmytro), or None for a word that is no such form (a nominative included)."""
    from factfile.extract.names import name_key

    return _foreign_first_names()[1].get(name_key(word))


def first_name_gender(name: str) -> Gender | None:
    from factfile.extract.names import name_key

    words = name.split()
    if len(words) < 2:
        return None
    return _first_names().get(name_key(words[0]))


def chain_gender(analysis: Analysis, chain_id: int) -> Gender | None:
    """The gender the article shows for a person chain, or None when it shows none (or both)."""
    text = analysis.article.text
    chain = analysis.chains[chain_id]
    seen: set[Gender] = set()
    for index in chain.mentions:
        mention = analysis.mentions[index]
        title = TITLE_BEFORE.search(text[max(0, mention.span.start - 8) : mention.span.start])
        if title:
            seen.add(TITLES[title.group(1).lower()])
    for fact in analysis.facts:
        if fact.subject_chain == chain_id and fact.predicate == "description":
            role = _ROLES.search(fact.value)
            if role:
                seen.add("female" if role.group("female") else "male")
    if len(seen) == 1:
        return seen.pop()
    if seen:
        return None
    return next((g for g in map(first_name_gender, [chain.name, *chain.aliases]) if g), None)
