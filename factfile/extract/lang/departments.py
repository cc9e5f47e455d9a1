"""A ministry called by its field: "оборонное ведомство", "военного ведомства", "внешнеполитическое ведомство" (the
defence, the foreign department) stand for the ministry of that field the article names ("Минобороны России"), as
"the ministry" does in English. Russian and Ukrainian news use them to avoid repeating the ministry's name, and without
this their statements and forms stay with no actor.

Which ministry: the one of that field, and of the country an adjective before gives ("российском оборонном ведомстве"),
the article names last before the phrase, else first after it; a phrase in an article naming no such ministry names
no actor.
"""

from __future__ import annotations

from factfile.extract.lang import cyrillic
from factfile.extract.names import body_of, country_of_word, signature
from factfile.records import Analysis, Mention, Span

# "Department" in Russian and Ukrainian.
_DEPARTMENTS = frozenset({"ведомство", "відомство"})
# The adjectives of a field (Russian and Ukrainian lemmas) that make "ведомство" one ministry, with the field's
# English word in that ministry's name: the fields of government the press names so.
_FIELDS = {
    "оборонный": "defence",
    "оборонний": "defence",
    "военный": "defence",
    "військовий": "defence",
    "внешнеполитический": "foreign",
    "зовнішньополітичний": "foreign",
    "дипломатический": "foreign",
    "дипломатичний": "foreign",
    "финансовый": "finance",
    "фінансовий": "finance",
}


def add_departments(analysis: Analysis, reading: cyrillic.Reading) -> None:
    """Append a description mention of the ministry each field's "ведомство" stands for (see the module)."""
    text = analysis.article.text
    tokens = reading.tokens
    ministries: dict[int, set[tuple[str | None, str]]] = {}
    for chain in analysis.chains:
        if chain.label == "ORG":
            found = {(body[0], signature(body[1])) for name in (chain.name, *chain.aliases) if (body := body_of(name))}
            if found:
                ministries[chain.id] = found
    if not ministries:
        return
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    for i in range(1, len(tokens)):
        field = _FIELDS.get(tokens[i - 1].lemma)
        if tokens[i].lemma not in _DEPARTMENTS or field is None or not _joined(text, tokens[i - 1], tokens[i]):
            continue
        if tokens[i - 1].parses and "plur" in str(tokens[i - 1].parses[0].tag):
            continue  # "военные ведомства": several
        first, country = i - 1, None
        if (
            first > 0
            and tokens[first - 1].lemma in cyrillic._NATIONAL_ADJECTIVES
            and _joined(text, tokens[first - 1], tokens[first])
        ):
            first -= 1
            country = country_of_word(cyrillic.LEXICON[tokens[first].lemma].lower())
        start, end = tokens[first].start, tokens[i].end
        if any(s < end and start < e for s, e in taken):
            continue
        words = signature(f"{field} ministry")
        chains = {c for c, found in ministries.items() if any(sig == words and country in (None, whose) for whose, sig in found)}
        chain = _nearest(analysis, chains, start)
        if chain is not None:
            analysis.add_mention(
                Mention(Span(start, end, text[start:end]), "ORG", analysis.sentence_of(start), chain=chain, role="description")
            )


def _joined(text: str, left: cyrillic.Token, right: cyrillic.Token) -> bool:
    return not text[left.end : right.start].strip()


def _nearest(analysis: Analysis, chains: set[int], position: int) -> int | None:
    """Of `chains`, the one mentioned last before `position`, else the one mentioned first after it."""
    starts = [(analysis.mentions[i].span.start, c) for c in chains for i in analysis.chains[c].mentions]
    before = [s for s in starts if s[0] < position]
    if before:
        return max(before)[1]
    return min(starts)[1] if starts else None
