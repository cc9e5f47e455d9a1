"""Bodies that Russian and Ukrainian news call by common nouns rather than by name, as description mentions of the
body the article names. Without them their statements and forms stay with no actor.

A ministry called by its field: "оборонное ведомство", "военного ведомства", "внешнеполитическое ведомство" (the
defence, the foreign department) are the ministry of that field, and of the country an adjective before gives
("российском оборонном ведомстве"), that the article names last before the phrase, else first after it.

A body's noun before an organisation's name: "генштабе ВСУ", "Генеральний штаб ЗСУ" are that organisation's body;
the noun alone ("в генштабі") is the body of that noun the article names nearest to it.

A phrase in an article naming no such body names no actor.
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
    return _closest([(analysis.mentions[i].span.start, c) for c in chains for i in analysis.chains[c].mentions], position)


def _closest(starts: list[tuple[int, int]], position: int) -> int | None:
    """Of (where, chain) pairs, the chain of the last one before `position`, else of the first one after it."""
    before = [s for s in starts if s[0] < position]
    if before:
        return max(before)[1]
    return min(starts)[1] if starts else None


def add_owned_bodies(analysis: Analysis, reading: cyrillic.Reading) -> None:
    """ "генштабе ВСУ", "Генеральний штаб ЗСУ": the noun of a body (a word, or an adjective and a noun, that translates
    to a body's name without its country, `names.body_of`) right before an organisation's name is that organisation's
    body, a description mention of it, as "General Staff of the Armed Forces" is in English. The noun alone elsewhere in
    the article ("в генштабі") is the body of that noun the article names nearest to it; with none, it names no actor."""
    text = analysis.article.text
    tokens = reading.tokens
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    owners = {m.span.start: m for m in analysis.mentions if m.label == "ORG" and m.chain is not None}
    known: list[tuple[int, str, int]] = []  # (where, the body's words, chain)
    for index, mention in enumerate(analysis.mentions):
        words = (
            _body_words(reading.lemmas.get(index, "").split()) if mention.label == "ORG" and mention.chain is not None else None
        )
        if words:
            known.append((mention.span.start, words, mention.chain))
    bare: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        found = _body_at(text, tokens, i)
        if found is None:
            i += 1
            continue
        last, words = found
        start, end = tokens[i].start, tokens[last].end
        if any(s < end and start < e for s, e in taken) or tokens[last].parses and "plur" in str(tokens[last].parses[0].tag):
            i = last + 1
            continue
        owner = (
            owners.get(tokens[last + 1].start)
            if last + 1 < len(tokens) and _joined(text, tokens[last], tokens[last + 1])
            else None
        )
        if owner is not None:
            span = Span(start, owner.span.end, text[start : owner.span.end])
            analysis.add_mention(Mention(span, "ORG", analysis.sentence_of(start), chain=owner.chain, role="description"))
            known.append((start, words, owner.chain))
        else:
            bare.append((start, end, words))
        i = last + 1
    for start, end, words in bare:
        chain = _closest([(where, chain) for where, w, chain in known if w == words], start)
        if chain is not None:
            analysis.add_mention(
                Mention(Span(start, end, text[start:end]), "ORG", analysis.sentence_of(start), chain=chain, role="description")
            )


def _body_words(lemmas: list[str]) -> str | None:
    """The signature of the body a name's lemmas translate to with no country ("генштаб" → general staff), else None."""
    english = cyrillic.translated(lemmas) if lemmas else None
    body = body_of(english) if english else None
    return signature(body[1]) if body and body[0] is None else None


def _body_at(text: str, tokens: list[cyrillic.Token], i: int) -> tuple[int, str] | None:
    """(last token, the body's signature) of a body's noun at token i: one word, or an adjective and a noun."""
    if not tokens[i].text[:1].isalpha():
        return None
    if words := _body_words([tokens[i].lemma]):
        return i, words
    adjective = bool(tokens[i].parses) and tokens[i].parses[0].tag.POS == "ADJF"
    if (
        adjective
        and i + 1 < len(tokens)
        and _joined(text, tokens[i], tokens[i + 1])
        and (words := _body_words([tokens[i].lemma, tokens[i + 1].lemma]))
    ):
        return i + 1, words
    return None
