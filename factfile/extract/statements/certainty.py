"""How sure a statement's source sounds: asserted, reported, hedged or denied.

Hedges are words that weaken a claim ("possibly", "would have", "is said to", "unclear", "preliminary") and cues
that only hint at a clause ("suggested that it was behind"); a denial is a cue that rejects the content ("denied",
"dismissed"), a content that is a rejection ("we categorically reject it", "were not true"), or a negated cue of
belief ("doesn't believe it"; "is not thought to" is a hedge). Any other negated cue ("did not say when", "did not
respond") reports a negative and stays `reported`, as eval/certainty/GUIDELINES.md has it. The reporter's distancing
("claimed", "accused", "allegedly") is no doubt of the source's: it is the statement's framing (framing.py), and
`framing.presented` joins both into how the article presents the content. The hedges found are kept with the
statement, so a reader sees why it was marked uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from factfile.extract.statements.framing import framing_of
from factfile.records import Certainty

HEDGE_WORDS = frozenset(
    {
        "possibly", "perhaps", "maybe", "probably", "likely", "unlikely",
        "apparently", "seemingly", "presumably", "unclear", "unconfirmed",
        "uncertain", "unverified", "rumored", "rumoured", "suspected", "might", "may", "could",
        "potentially", "conceivably", "preliminary",
    }
)
HEDGE_PHRASES = re.compile(
    r"\b(?:would have|(?:is|are|was|were) (?:not )?(?:said|believed|thought)(?: to\b|$)"
    r"|(?:is|was) not (?:clear|known)|seem(?:s|ed)? to|appear(?:s|ed)? to|it appears|according to unconfirmed"
    r"|(?:cannot|can't|can not|could not|couldn't)(?: yet)? (?:say|determine|conclude|tell) (?:definitively|conclusively|for certain|for sure|with certainty)"
    r"|nothing (?:indicates|suggests)|(?:has|have|had) no evidence)\b",
    re.I,
)
# A content that is itself the source's rejection ("we categorically reject it", "the reports were not true",
# "Russia was not involved"); a source saying it cannot tell ("cannot say definitively", "nothing indicates", "has no
# evidence") hedges.
DENIAL_PHRASES = re.compile(
    r"\b(?:categorically|resolutely|firmly|flatly|strongly)\s+(?:reject|rejects|rejected|deny|denies|denied)\b"
    r"|\b(?:is|are|was|were)\s+not\s+true\b|\b(?:does|do|did)\s+not\s+correspond\s+to\s+reality\b"
    r"|\b(?:is|are|was|were|had\s+been)\s+not\s+involved\b|\b(?:has|have|had)\s+nothing\s+to\s+do\s+with\b",
    re.I,
)
DENIAL_CUES = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "disavow", "disprove", "contradict", "dispute", "denial", "lie"})
BELIEF_CUES = frozenset({"believe", "think", "accept", "agree", "buy"})
# Cues of the source's own doubt; "claim", "allege", "accuse" are the reporter's distance (framing.DISTANCING_CUES).
DOUBT_CUES = frozenset({"speculate", "suspect", "rumor", "rumour", "guess", "speculation", "bet"})
# "Suggested that it was behind ..." hints at the content; "suggested looking at ...", "didn't suggest retaliation" propose it.
HINTING_CUES = frozenset({"suggest", "hint", "imply"})
UNSURE_CUES = frozenset({"sure", "certain"})


def hedges_in(tokens: Sequence[Token], text: str) -> list[str]:
    """Hedge words and phrases in order of appearance, each once."""
    found = [t.lower_ for t in tokens if t.lower_ in HEDGE_WORDS and _hedges(t)]
    found += [m.group(0).lower() for m in HEDGE_PHRASES.finditer(text)]
    return list(dict.fromkeys(found))


def _hedges(token: Token) -> bool:
    """A modal hedges only as a possibility ("could win", "may not want", but not "could not explain"); "suspected"
    before a noun doubts that noun ("Russia's suspected ties"), not the content's claim."""
    if token.lower_ in ("may", "might", "could"):
        negated = any(child.dep_ == "neg" for child in token.head.children)
        return token.tag_ == "MD" and not (token.lower_ == "could" and negated)
    if token.lower_ == "suspected":
        return token.dep_ != "amod"
    return True


def certainty_of(cue: Sequence[Token], content: Sequence[Token], content_text: str) -> tuple[Certainty, list[str]]:
    """How sure the source of attributed content sounds, from its cue and the words inside it."""
    lemmas = {t.lemma_.lower() for t in cue}
    hedges = hedges_in(content, content_text) + hedges_in(cue, " ".join(t.text for t in cue))
    if lemmas & DENIAL_CUES:
        return "denied", sorted(lemmas & DENIAL_CUES)
    rejection = DENIAL_PHRASES.search(content_text)
    if rejection:
        return "denied", [rejection.group(0).lower()]
    negated = [t for t in cue if any(child.dep_ == "neg" for child in t.children)]
    if any(t.lemma_.lower() in BELIEF_CUES and t.tag_ != "VBN" for t in negated):
        return "denied", ["not " + negated[0].lemma_.lower()]
    if negated:
        hedges += ["not " + t.lemma_.lower() for t in cue if t.lemma_.lower() in UNSURE_CUES]
    if lemmas & DOUBT_CUES:
        hedges.extend(sorted(lemmas & DOUBT_CUES))
    if lemmas & HINTING_CUES and not negated and _clause(content):
        hedges.extend(sorted(lemmas & HINTING_CUES))
    hedges = list(dict.fromkeys(hedges))
    return ("hedged" if hedges else "reported"), hedges


def _clause(content: Sequence[Token]) -> bool:
    """Whether a content is a clause ("that it was behind it", "it was behind it"), not a thing or an act proposed."""
    words = [t for t in content if not t.is_punct]
    return bool(words) and (words[0].lower_ == "that" or words[0].dep_ in ("nsubj", "nsubjpass", "expl"))


def certainty_of_article(sentence: Sequence[Token], text: str) -> tuple[Certainty, list[str]]:
    """Certainty of what the article asserts in its own voice: the reporter is its source, so its distancing words
    ("allegedly", "purportedly") are its hedges."""
    hedges = list(dict.fromkeys(hedges_in(sentence, text) + framing_of(None, text)))
    return ("hedged" if hedges else "asserted"), hedges
