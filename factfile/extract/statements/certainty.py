"""How sure the article presents a statement's content: asserted, reported, hedged or denied.

Hedges are words that weaken a claim ("allegedly", "possibly", "would have", "is said to",
"unclear"); a denial is a cue that rejects the content ("denied", "dismissed"). The hedges found
are kept with the statement, so a reader sees why it was marked uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from factfile.records import Certainty

HEDGE_WORDS = frozenset(
    {
        "allegedly", "reportedly", "possibly", "perhaps", "maybe", "probably", "likely", "unlikely",
        "apparently", "purportedly", "supposedly", "seemingly", "presumably", "unclear", "unconfirmed",
        "uncertain", "unverified", "rumored", "rumoured", "suspected", "alleged", "might", "may", "could",
    }
)
HEDGE_PHRASES = re.compile(
    r"\b(?:would have|(?:is|are|was|were) said to|(?:is|are|was|were) believed to|(?:is|are|was|were) thought to"
    r"|(?:is|was) not (?:clear|known)|seems? to|appears? to|it appears|according to unconfirmed)\b",
    re.I,
)
DENIAL_CUES = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disavow", "disprove", "contradict", "dispute", "denial"})
DOUBT_CUES = frozenset({"claim", "allege", "speculate", "suspect", "rumor", "rumour", "guess", "speculation", "allegation"})


def hedges_in(tokens: Sequence[Token], text: str) -> list[str]:
    """Hedge words and phrases in order of appearance, each once."""
    found = [
        t.lower_
        for t in tokens
        if t.lower_ in HEDGE_WORDS and (t.tag_ == "MD" or t.lower_ not in ("may", "might", "could"))
    ]
    found += [m.group(0).lower() for m in HEDGE_PHRASES.finditer(text)]
    return list(dict.fromkeys(found))


def certainty_of(cue: Sequence[Token], content: Sequence[Token], content_text: str) -> tuple[Certainty, list[str]]:
    """Certainty of attributed content, from its cue and the words inside it."""
    lemmas = {t.lemma_.lower() for t in cue}
    hedges = hedges_in(content, content_text) + hedges_in(cue, " ".join(t.text for t in cue))
    if lemmas & DENIAL_CUES:
        return "denied", sorted(lemmas & DENIAL_CUES)
    negated = [t for t in cue if any(child.dep_ == "neg" for child in t.children)]
    if negated:
        hedges.append("not " + negated[0].lemma_.lower())
    if lemmas & DOUBT_CUES:
        hedges.extend(sorted(lemmas & DOUBT_CUES))
    hedges = list(dict.fromkeys(hedges))
    return ("hedged" if hedges else "reported"), hedges


def certainty_of_article(sentence: Sequence[Token], text: str) -> tuple[Certainty, list[str]]:
    """Certainty of what the article asserts in its own voice."""
    hedges = hedges_in(sentence, text)
    return ("hedged" if hedges else "asserted"), hedges
