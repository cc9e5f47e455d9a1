"""A person's title as a mention of that person: "пресс-секретарь президента России Дмитрий Песков"
is one span naming Peskov, and "представитель Кремля" alone, later in the same article, is Peskov
too once the article has called him so. Russian and Ukrainian news name officials by their office far
more often than English news does, and without this their statements and forms stay with no actor.

The title is a noun of office (TITLES, lemmas) with the adjectives before it and the words after it
up to the name (whose office: "президента России", "ЧВК «Вагнер»"); a title the article gives two
people is no one's. The mentions are descriptions: they join the person's chain, not its aliases.
"""

from __future__ import annotations

from factfile.extract.names import country_in_english
from factfile.records import Analysis, Mention, Span

# Offices, in Russian and Ukrainian lemmas.
TITLES = frozenset({
    "президент", "пресс-секретарь", "прес-секретар", "представитель", "представник", "спикер", "речник", "глава",
    "основатель", "засновник", "лидер", "лідер", "министр", "міністр", "начальник", "командир", "командующий",
    "командувач", "губернатор", "мэр", "мер", "председатель", "голова", "диктатор", "ватажок", "руководитель",
    "керівник", "гарант", "премьер-министр", "прем'єр-міністр", "канцлер", "генсек", "генеральный секретарь",
})
_MAX_BETWEEN = 6  # words between an office and the name: "министра обороны РФ", "пресс-секретарь президента России"
_QUOTES = set("«»„“\"")
_NOT_IN_TITLE = frozenset({"VERB", "INFN", "GRND", "CONJ", "PRCL", "NPRO", "PRED"})


def add_titled(analysis: Analysis, reading) -> None:
    """Append description mentions of titled persons to their chains (after statements and events
    are read, so that those see the same mentions as before)."""
    text = analysis.article.text
    tokens = reading.tokens
    at = {t.start: i for i, t in enumerate(tokens)}
    offices: dict[tuple, set[int]] = {}
    spans: list[tuple[int, int, int]] = []
    for mention in list(analysis.mentions):
        if mention.label != "PERSON" or mention.chain is None or mention.role not in ("name", "nickname"):
            continue
        j = at.get(mention.span.start)
        found = _title_before(text, tokens, j) if j is not None else None
        if found is None:
            continue
        first, title = found
        offices.setdefault(_office(tokens, title, j), set()).add(mention.chain)
        spans.append((tokens[first].start, mention.span.end, mention.chain))
    for key, chains in offices.items():
        if len(chains) != 1:
            continue
        (chain,) = chains
        for i in range(len(tokens)):
            end = _bare_title(tokens, i, key, text)
            if end is None:
                continue
            first = _with_adjectives(text, tokens, i)
            if not any(s < tokens[end].end and tokens[first].start < e for s, e, _ in spans):
                spans.append((tokens[first].start, tokens[end].end, chain))
    for start, end, chain in spans:
        analysis.chains[chain].mentions.append(len(analysis.mentions))
        analysis.mentions.append(Mention(Span(start, end, text[start:end]), "PERSON", analysis.sentence_of(start),
                                         chain=chain, role="description"))


def _title_before(text: str, tokens: list, j: int) -> tuple[int, int] | None:
    """(first token of the title, its office noun) right before the name at token j, or None; the
    office is the first of the nouns of office ("пресс-секретарь президента")."""
    k, title = j - 1, None
    while k >= 0 and j - k <= _MAX_BETWEEN + 1 and not text[tokens[k].end:tokens[k + 1].start].strip():
        token = tokens[k]
        if token.lemma in TITLES or token.text.lower() in TITLES:
            title = k
        elif not (token.text in _QUOTES or token.text[:1].isalnum() and _fits(token)):
            break
        k -= 1
    return (_with_adjectives(text, tokens, title), title) if title is not None else None


def _fits(token) -> bool:
    return not token.parses or token.parses[0].tag.POS not in _NOT_IN_TITLE


def _with_adjectives(text: str, tokens: list, k: int) -> int:
    """The office noun's token with the adjectives right before it ("официальный представитель")."""
    while k > 0 and tokens[k - 1].parses and tokens[k - 1].parses[0].tag.POS == "ADJF" and not text[tokens[k - 1].end:tokens[k].start].strip():
        k -= 1
    return k


def _word(token) -> str:
    lemma = token.lemma
    return "россия" if lemma in ("рф", "росія") else (country_in_english(lemma) or lemma).lower()


def _office(tokens: list, title: int, name: int) -> tuple:
    """The office without its adjectives: the noun's lemma and the lemmas of whose office it is."""
    return (tokens[title].lemma, *(_word(t) for t in tokens[title + 1:name] if t.text[:1].isalnum()))


def _bare_title(tokens: list, i: int, key: tuple, text: str) -> int | None:
    """The last token of the office `key` written at token i without a name after it, or None."""
    if tokens[i].lemma != key[0]:
        return None
    k, end = i + 1, i
    for word in key[1:]:
        while k < len(tokens) and tokens[k].text in _QUOTES:
            k += 1
        if k >= len(tokens) or _word(tokens[k]) != word:
            return None
        end, k = k, k + 1
    if k < len(tokens) and tokens[k].text in "»“\"":
        end, k = k, k + 1
    if k < len(tokens) and tokens[k].capitalised and not text[tokens[end].end:tokens[k].start].strip() and tokens[k].has("Name", "Surn"):
        return None  # a name follows: the titled name itself
    return end
