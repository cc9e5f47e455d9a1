"""Whether "he" or "she" can refer to a person the article names, from what the article itself shows:
a courtesy title before the name ("Mr. Trump", "Mrs. May"), a gendered role ("spokeswoman", "first
lady"), else the first name (gender-guesser's name dictionary; names it gives as only "mostly" one
gender, or both, decide nothing)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from factfile.records import Analysis

Gender = Literal["male", "female"]

PRONOUNS: dict[str, Gender] = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|Madam|Mme|Herr|Frau)\.?\s+$")
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
def _detector():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def first_name_gender(name: str) -> Gender | None:
    words = name.split()
    if len(words) < 2:
        return None
    guess = _detector().get_gender(words[0])
    return guess if guess in ("male", "female") else None


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
