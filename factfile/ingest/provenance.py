"""Find the original source an article declares: "Source: Watson", "(Reuters) -", "via AP".

Republishers and content farms usually say where a text came from, in a credit line at the end or a
wire dateline at the start, and often with typos ("Soource :Watson"). That declaration is the first
clue for tracing a copy to its original.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

WIRES = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "dpa", "DPA", "Bloomberg",
    "UPI", "ANSA", "EFE", "Xinhua", "TASS", "Interfax", "UNIAN", "Ukrinform", "PA", "Press Association",
    "CNN", "BBC", "Kyodo", "Yonhap", "KNA", "SDA", "Keystone-SDA", "APA", "Anadolu",
)
_WIRE_ALT = "|".join(sorted((re.escape(w) for w in WIRES), key=len, reverse=True))

# "Source: Watson", "Soource :Watson", "Sources: BBC, AP", "Quelle: SRF" (a line of its own).
_CREDIT_LINE = re.compile(r"^\s*(?P<word>[A-Za-z]{4,9})\s*:\s*(?P<name>[^\n:]{2,80}?)\s*\.?\s*$", re.M)
_CREDIT_WORDS = ("source", "sources", "quelle", "fuente", "fonte", "bron", "via")

# "WASHINGTON (Reuters) -", "(AP) —", "KYIV, Ukraine (AP) —" at the start of a paragraph.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .,'’\-]{0,60}?\s*\((?P<name>" + _WIRE_ALT + r")\)\s*[-—–:]|^\((?P<name2>" + _WIRE_ALT + r")\)\s*[-—–:]",
    re.M,
)
# "via AP", not a picture credit "Maxar Technologies via AP Photo": the agency carried the picture, not the text
_VIA = re.compile(r"\bvia\s+(?:the\s+)?(?P<name>" + _WIRE_ALT + r")\b(?!\s+(?:[Pp]hotos?|[Ii]mages?|[Vv]ideo|[Ff]ile))")
_REPUBLISHED = re.compile(
    r"(?:originally\s+(?:published|appeared)|first\s+(?:published|appeared)|republished(?:\s+with\s+permission)?)"
    r"\s+(?:by|in|on|at|from)\s+(?P<name>[A-Z][\w.&'’\- ]{1,60}?)(?=[.,;\n]|\s+(?:on|and|under)\b|$)",
    re.I | re.M,
)


def declared_source(text: str) -> str | None:
    """The original source the text declares, or None."""
    for match in _CREDIT_LINE.finditer(text):
        word = match.group("word").lower()
        if any(word[0] == w[0] and Levenshtein.distance(word, w) <= (1 if len(w) <= 6 else 2) for w in _CREDIT_WORDS):
            return _clean(match.group("name"))
    head = text[:600]
    if match := _DATELINE.search(head):
        return _clean(match.group("name") or match.group("name2"))
    if match := _REPUBLISHED.search(text):
        return _clean(match.group("name"))
    if match := _VIA.search(text):
        return _clean(match.group("name"))
    return None


def _clean(name: str) -> str:
    return name.strip(" \t«»\"'“”‘’.,;-—–")
