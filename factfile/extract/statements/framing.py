"""The reporter's framing of a statement: the words with which the article keeps its distance from what a source says.

A statement carries two marks. Its `certainty` is how sure the source sounds: "Russia claimed that Ukraine blew up
the dam" gives Russia no doubt, so it is `reported` (eval/realstory/GUIDELINES.md §4 labels the source's
commitment). Its `framing` is the reporter's distancing: a cue verb that keeps the content at a distance ("claimed",
"alleged", "accused") and words that doubt it without being the source's hedge ("allegedly", "purportedly",
"якобы", "angeblich", "presunto"), in the languages the statement readers read (English, the Cyrillic reader's
Russian and Ukrainian, reported_latin's languages). "So-called" doubts a name, not what is claimed ("the tax
treatment of so-called carried interest"), so it is no framing. `presented` combines the two into how sure the
article presents the content, the label eval/certainty/GUIDELINES.md defines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factfile.records import Certainty, Statement

# Cue words (stems) whose choice distances the reporter from the content: claim, allege, accuse and their
# equivalents (ru утверждать, обвинить; uk стверджувати, звинуватити; de behaupten, beschuldigen; fr prétendre;
# es/pt acusar, alegar; it/fr accusare/accuser; pl oskarżyć; ar زعم, اتهم).
DISTANCING_CUES = re.compile(
    r"(?<!\w)(?:claim|alleg|accus|acus|утвержд|обвин|стверд|звинува|behaupt|beschuldig|prétend|oskarż)\w*"
    r"|(?<!\w)[وف]?(?:زعم|اتهم|يزعم|يتهم)\w*",
    re.I,
)
# Words that doubt the content on the reporter's behalf, wherever they stand in cue or content.
DISTANCING_WORDS = re.compile(
    r"(?<!\w)(?:allegedly|alleged|purportedly|purported|supposedly|reportedly"
    r"|якобы|будто\s+бы|нібито|начебто"
    r"|angeblich\w*|mutmaßlich\w*|prétendu\w*|prétendument|présumé\w*|presunt\w*"
    r"|supuest\w*|alegad\w*|supost\w*|rzekom\w*|podobno|navodn\w*|údajn\w*|ال?مزعوم\w*)(?!\w)",
    re.I,
)


def framing_of(cue: str | None, content: str) -> list[str]:
    """The distancing words of a cue and its content, casefolded, in order, each once."""
    found = [m.group(0) for m in DISTANCING_CUES.finditer(cue or "")]
    found += [m.group(0) for m in DISTANCING_WORDS.finditer(cue or "")]
    found += [m.group(0) for m in DISTANCING_WORDS.finditer(content)]
    return list(dict.fromkeys(" ".join(word.casefold().split()) for word in found))


def framed(statements: Iterable[Statement]) -> list[Statement]:
    """The statements with the framing of each attributed one set (the article's own voice has no reporter apart
    from its source: its distancing words are its certainty's hedges)."""
    result = list(statements)
    for statement in result:
        if statement.source_type != "article":
            statement.framing = framing_of(statement.cue.text if statement.cue else None, statement.content.text)
    return result


def presented(certainty: Certainty, framing: Iterable[str]) -> Certainty:
    """How sure the article presents a content: a denial stays denied, any distancing word makes the rest hedged."""
    if certainty == "denied" or certainty == "hedged":
        return certainty
    return "hedged" if any(True for _ in framing) else certainty
