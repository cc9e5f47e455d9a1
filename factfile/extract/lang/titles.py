"""A person's title as a mention of that person: "пресс-секретарь президента России Дмитрий Песков"
is one span naming Peskov, and "представитель Кремля" alone, later in the same article, is Peskov
too once the article has called him so. Russian and Ukrainian news name officials by their office far
more often than English news does, and without this their statements and forms stay with no actor.

The office is a noun of office (TITLES, lemmas) with the words after it up to the name (whose office:
"президента России", "ЧВК «Вагнер»") and a nationality adjective before it ("белорусский лидер");
other adjectives ("официальный") are part of the span, not of the office. An office the article gives
two people is no one's. Titled persons also get the office as an alias ("представитель Кремля"), so
that other articles' titled names find them by it. An office written alone with no holder in the
article is the person another article gave it, found by the office's exact name, whichever article came
first: an office of a named body ("представитель Кремля") with no such person yet is a person of its own,
whom the article that later names its holder joins; one with no named body ("белорусский лидер") names no
actor (as actors of their own such offices were mostly junk), nor does an office in the plural
("представители Минобороны" are no one person). A body's spokesperson is one office whatever noun the
article uses for it: "пресс-секретарь Кремля", "официальный спикер Кремля" and "представитель Кремля".
"""

from __future__ import annotations

import re

from factfile.extract.lang import cyrillic
from factfile.extract.names import country_in_english, country_of_word
from factfile.records import Analysis, Chain, Mention, Span

# Offices, in Russian and Ukrainian lemmas.
TITLES = frozenset({
    "президент", "пресс-секретарь", "прес-секретар", "представитель", "представник", "спикер", "речник", "глава",
    "основатель", "засновник", "лидер", "лідер", "министр", "міністр", "начальник", "командир", "командующий",
    "командувач", "губернатор", "мэр", "мер", "председатель", "голова", "диктатор", "ватажок", "руководитель",
    "керівник", "премьер-министр", "прем'єр-міністр", "канцлер", "генсек",
})
# The title of an office written alone, with no holder in the article (`Chain.offices`): the chain joins the
# person another article gives that office by that exact name, else it names no actor.
OFFICE_ALONE = ""
# Nouns for a body's spokesperson, one office: its name goes by the first ("представитель Кремля").
_SPOKESPERSON = ("представитель", "пресс-секретарь", "прес-секретар", "представник", "спикер", "речник")
_MAX_BETWEEN = 6  # words between an office and the name: "министра обороны РФ", "пресс-секретарь президента России"
_MAX_WHOSE = 4  # words of whose office in an office written alone: "основателя ЧВК «Вагнер»"
_QUOTES = set("«»„“\"")
_NOT_IN_TITLE = frozenset({"VERB", "INFN", "GRND", "CONJ", "PRCL", "NPRO", "PRED"})

Office = tuple[str, tuple[str, ...], tuple[str, ...]]  # noun, nationality adjectives, whose office


def add_titled(analysis: Analysis, reading) -> None:
    """Append description mentions of titled persons and of their offices written alone (after
    statements and events are read, so that those see the same mentions as before)."""
    text = analysis.article.text
    tokens = reading.tokens
    at = {t.start: i for i, t in enumerate(tokens)}
    holders: dict[Office, set[int]] = {}
    spans: list[tuple[int, int, int]] = []
    for mention in list(analysis.mentions):
        chain = analysis.chains[mention.chain] if mention.chain is not None else None
        if mention.label != "PERSON" or chain is None or mention.role not in ("name", "nickname") or len(chain.name.split()) < 2:
            continue
        j = at.get(mention.span.start)
        found = _title_before(text, tokens, j) if j is not None else None
        if found is None:
            continue
        first, title = found
        office = _office(text, tokens, title, range(title + 1, j))
        holders.setdefault(_canonical(office), set()).add(mention.chain)
        spans.append((tokens[first].start, mention.span.end, mention.chain))
        titled = text[tokens[first].start:mention.span.end]
        for name in (*_office_names(text, tokens, title, j - 1), _head_of_state_name(office)):
            if name and name not in chain.aliases and name != chain.name:
                chain.aliases.append(name)
                chain.alias_reasons[name] = f"its office in the article (“{titled}”)"
        for name in _office_names(text, tokens, title, j - 1):
            chain.offices.setdefault(name, titled)  # an office-alone actor of another article joins it (relate/actors.py)
    for i in range(len(tokens)):
        end = _bare_office(text, tokens, i)
        if end is None:
            continue
        first = _with_adjectives(text, tokens, i)
        if any(s < tokens[end].end and tokens[first].start < e for s, e, _ in spans):
            continue
        if tokens[i].has("plur"):
            continue  # "представители Минобороны": no one person
        office = _office(text, tokens, i, range(i + 1, end + 1))
        chains = holders.get(_canonical(office), set())
        if len(chains) == 1:
            spans.append((tokens[first].start, tokens[end].end, *chains))
        elif not chains:  # no holder here: the person other articles give this office, if any (relate/actors.py)
            name = _office_names(text, tokens, i, end)[-1]
            alone = next((c for c in analysis.chains if c.offices.get(name) == OFFICE_ALONE), None)
            if alone is None:
                alone = Chain(id=len(analysis.chains), name=name, label="PERSON", offices={name: OFFICE_ALONE})
                if head := _head_of_state_name(office):
                    alone.aliases.append(head)
                    alone.alias_reasons[head] = f"“{name}” is the head of state"
                analysis.chains.append(alone)
            spans.append((tokens[first].start, tokens[end].end, alone.id))
    spans += _courtesy_titled(analysis)
    for start, end, chain in spans:
        analysis.add_mention(Mention(Span(start, end, text[start:end]), "PERSON", analysis.sentence_of(start),
                                     chain=chain, role="description"))
    _add_press_services(analysis, tokens, holders)


_COURTESY = re.compile(r"(?<!\w)(?:[Гг]-[нж]а?|[Гг]осподин|[Гг]оспожа|[Пп]ан|[Пп]ані)\s+$")


def _courtesy_titled(analysis: Analysis) -> list[tuple[int, int, int]]:
    """"Г-н Прогожин", "пан Зеленський": a courtesy title with the name it stands before, a mention of that
    person as the English reader keeps "Mr Shoigu" (the title names no one by itself)."""
    text = analysis.article.text
    found = []
    for mention in analysis.mentions:
        title = _COURTESY.search(text, max(0, mention.span.start - 12), mention.span.start)
        if mention.label == "PERSON" and mention.chain is not None and mention.role == "name" and title:
            found.append((title.start(), mention.span.end, mention.chain))
    return found


_PRESS_SERVICE = re.compile(r"(?i)^прес{1,2}-служб")
_HEADS_OF_STATE = frozenset({"президент", "глава", "лидер", "лідер"})


def _add_press_services(analysis: Analysis, tokens: list, holders: dict[Office, set[int]]) -> None:
    """"пресс-служба президента Белоруссии", "пресс-службы Лукашенко" (whom the article calls "Президент
    Белоруссии"), "прес-служба глави Білорусі": the press service of a head of state speaks for the state,
    as the Kremlin does for Russia (a state and its government are one actor). A description of the
    state, in the chain of the country's name if the article writes it, else in one of its own."""
    text = analysis.article.text
    heads = {chain: _state(office[1] + office[2]) for office, chains in holders.items() if office[0] in _HEADS_OF_STATE
             for chain in chains if len(chains) == 1}
    names = {m.span.start: m for m in analysis.mentions if m.role in ("name", "nickname") and m.label == "PERSON"}
    for i in range(len(tokens) - 1):
        if not _PRESS_SERVICE.match(tokens[i].text) or text[tokens[i].end:tokens[i + 1].start].strip():
            continue
        end, country = None, None
        if _is_title(tokens[i + 1]) and tokens[i + 1].lemma in _HEADS_OF_STATE:
            last = _bare_office(text, tokens, i + 1)
            country = _state(tuple(_word(tokens[k]) for k in range(i + 2, last + 1))) if last is not None else None
            end = tokens[last].end if last is not None else None
        elif tokens[i + 1].start in names and names[tokens[i + 1].start].chain in heads:
            person = names[tokens[i + 1].start]
            end, country = person.span.end, heads[person.chain]
        if end is None or country is None:
            continue
        start = tokens[i].start
        chain = next((c for c in analysis.chains if c.label == "GPE" and country in map(country_in_english, [c.name, *c.aliases])), None)
        if chain is None:
            chain = Chain(id=len(analysis.chains), name=country, label="GPE")
            analysis.chains.append(chain)
        analysis.add_mention(Mention(Span(start, end, text[start:end]), "ORG", analysis.sentence_of(start), chain=chain.id,
                                     role="description"))


def _canonical(office: Office) -> Office:
    """A head of state's office however written: "белорусский лидер", "Президент Белоруссии" and "глава
    Беларуси" are one office (a country's leader is its head of state)."""
    country = _head_of_state(office)
    return ("президент", (), (country.lower(),)) if country else office


def _head_of_state(office: Office) -> str | None:
    """The country of a head-of-state noun whose only other word is that country ("Belarus"), else None."""
    noun, adjectives, whose = office
    words = adjectives + whose
    if noun not in _HEADS_OF_STATE or len(words) != 1:
        return None
    english = cyrillic.LEXICON.get(words[0])  # "белорусский" → "Belarusian"
    return _state(words) or (country_of_word(english.lower()) if english else None)


def _head_of_state_name(office: Office) -> str | None:
    """"head of state of Belarus": the alias that finds a head of state by any of the office's wordings."""
    country = _head_of_state(office)
    return f"head of state of {country}" if country else None


def _state(words: tuple[str, ...]) -> str | None:
    """The country among the words of whose an office is ("belarus" of "президент Белоруссии")."""
    return next((c for c in map(country_in_english, words) if c), None)


def _title_before(text: str, tokens: list, j: int) -> tuple[int, int] | None:
    """(first token of the title, its office noun) right before the name at token j, or None; the
    office is the first of the nouns of office ("пресс-секретарь президента")."""
    k, title = j - 1, None
    while k >= 0 and j - k <= _MAX_BETWEEN + 1 and not text[tokens[k].end:tokens[k + 1].start].strip():
        token = tokens[k]
        if _is_title(token):
            title = k
        elif not (token.text in _QUOTES or token.text[:1].isalnum() and _fits(token)):
            break
        k -= 1
    return (_with_adjectives(text, tokens, title), title) if title is not None else None


def _is_title(token) -> bool:
    return token.lemma in TITLES or token.text.lower() in TITLES


def _fits(token) -> bool:
    return not token.parses or token.parses[0].tag.POS not in _NOT_IN_TITLE


def _adjective(token) -> bool:
    return bool(token.parses) and token.parses[0].tag.POS == "ADJF"


def _with_adjectives(text: str, tokens: list, k: int) -> int:
    """The office noun's token with the adjectives right before it ("официальный представитель")."""
    while k > 0 and _adjective(tokens[k - 1]) and not text[tokens[k - 1].end:tokens[k].start].strip():
        k -= 1
    return k


def _nationality(text: str, tokens: list, k: int) -> list[int]:
    """Indexes of the nationality adjectives among those before the office noun at k."""
    return [a for a in range(_with_adjectives(text, tokens, k), k) if tokens[a].lemma in cyrillic._NATIONAL_ADJECTIVES]


def _word(token) -> str:
    lemma = token.lemma
    return "россия" if lemma in ("рф", "росія") else (country_in_english(lemma) or lemma).lower()


def _office(text: str, tokens: list, title: int, whose: range) -> Office:
    return (tokens[title].lemma, tuple(_word(tokens[a]) for a in _nationality(text, tokens, title)),
            tuple(_word(tokens[k]) for k in whose if tokens[k].text[:1].isalnum()))


def _office_names(text: str, tokens: list, title: int, last: int) -> list[str]:
    """The office in the nominative, with its nationality adjectives but no other: "белорусский лидер",
    "пресс-секретарь президента России"; then, for a spokesperson's, its one name ("представитель
    президента России")."""
    head = [tokens[a] for a in _nationality(text, tokens, title)] + [tokens[title]]
    name = cyrillic.nominative(head, "ORG", text[head[0].start:head[-1].end])
    whose = text[tokens[title].end:tokens[last].end].strip()
    names = [f"{name} {whose}".strip()]
    if len(head) == 1 and tokens[title].lemma in _SPOKESPERSON and whose:
        names.append(f"{_SPOKESPERSON[0]} {whose}")
    return list(dict.fromkeys(names))


def _bare_office(text: str, tokens: list, i: int) -> int | None:
    """The last token of an office written alone at token i, whose whose-office names someone ("Кремля",
    "ЧВК «Вагнер»", "Белоруссии") or which has a nationality adjective; None if a name follows."""
    if not _is_title(tokens[i]):
        return None
    k, end, words = i + 1, i, 0
    while k < len(tokens) and words < _MAX_WHOSE and not text[tokens[k - 1].end:tokens[k].start].strip(" "):
        token = tokens[k]
        if token.text in _QUOTES:
            k += 1
            continue
        if not token.text[:1].isalnum() or not (token.capitalised or token.has("gent")) or not _fits(token) or _adjective(token) \
                or token.parses and token.parses[0].tag.POS == "PREP":
            break
        if token.capitalised and token.has("Name", "Surn") and not token.has("Geox") and tokens[k - 1].text not in _QUOTES:
            return None  # a name follows: the titled name itself
        end, k, words = k, k + 1, words + 1
    if end < len(tokens) - 1 and tokens[end + 1].text in "»“\"":
        end += 1
    named = any(tokens[k].capitalised for k in range(i + 1, end + 1))
    return end if named or _nationality(text, tokens, i) else None
