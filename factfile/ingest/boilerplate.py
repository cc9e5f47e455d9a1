"""Plain-text boilerplate: titles at the top, bylines, author boxes and link lists at the bottom.

trafilatura removes boilerplate from HTML; scraped plain text keeps the page's trailer ("follow:",
an author bio, "Related Posts"). We cut that trailer so that its names do not become mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factfile.ingest.provenance import declared_source

_MARKER = re.compile(
    r"^(related( posts| articles| stories)?|follow( us)?( on \w+)?:?|share( this( article| story)?)?:?|"
    r"read (more|also|next):?.*|tags?:.*|about the author|advertisement|comments?|"
    r"subscribe.*|sign up.*|more from .*|you may also like|recommended( for you)?|print|email)\s*$",
    re.I,
)
_BIO = re.compile(r"^(I am|I'm|I’m|About) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+)*,", re.M)
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}$")


@dataclass(slots=True)
class PlainText:
    title: str | None
    body: str
    byline: str | None


def split_plain_text(text: str) -> PlainText:
    """Find the title and cut the trailer of a scraped plain-text article. The title stays at the top of
    the body: headlines name the story's actors, and their mentions count like any other."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    title = _title(paragraphs)
    keep = len(paragraphs)
    byline = None
    while keep > 1 and _is_trailer(paragraphs[keep - 1]):
        lines = paragraphs[keep - 1].splitlines()
        if len(lines) >= 2 and len(set(lines)) == 1 and _NAME_LINE.match(lines[0]):
            byline = lines[0]
        keep -= 1
    return PlainText(title=title, body="\n\n".join(paragraphs[:keep]), byline=byline)


def _title(paragraphs: list[str]) -> str | None:
    """The first line, when it reads like a headline rather than the article's first sentence."""
    if not paragraphs or (len(paragraphs) < 2 and "\n" not in paragraphs[0]):
        return None
    first = paragraphs[0].splitlines()[0].strip()
    if len(first) > 300 or len(first.split()) < 2:
        return None
    if first.endswith((".", "!", "?", "”", '"')) and not _title_case(first):
        return None
    return first


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’']*", line) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _is_trailer(paragraph: str) -> bool:
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    if _BIO.match(paragraph):
        return True
    return all(
        _MARKER.match(line) or _NAME_LINE.match(line) or declared_source(line) is not None
        for line in lines
    )
