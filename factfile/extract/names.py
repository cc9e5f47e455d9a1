"""Clean and compare the surface forms of names."""

from __future__ import annotations

import re
import unicodedata

QUOTES = "\"'“”„‟«»‹›‘’‚‛「」『』`´"
_INNER_QUOTES = set("\"“”„‟«»‹›「」『』")  # apostrophes inside names ("O'Brien") stay
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"\s*['’]s?$")


def clean_name(text: str) -> str:
    """The name itself: no surrounding quotes, brackets, articles or possessive ending."""
    name = " ".join(text.split())
    for _ in range(3):
        before = name
        name = name.strip(QUOTES + " ()[]{}.,;:-–—")
        name = _LEADING.sub("", name)
        name = _POSSESSIVE.sub("", name) if not name.endswith("s'") else name
        if name == before:
            break
    return "".join(ch for ch in name if ch not in _INNER_QUOTES)


def name_key(text: str) -> str:
    """Comparison key: case, accents, punctuation and spacing do not distinguish names."""
    decomposed = unicodedata.normalize("NFKD", clean_name(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", stripped))
