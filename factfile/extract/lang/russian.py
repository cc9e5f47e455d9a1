"""The Cyrillic reader's stages in order: names and chains, places, dates, numbers, statements, events."""

from __future__ import annotations

from factfile.extract.capitals import add_regimes, move_acting_capitals
from factfile.extract.events import BATTLES, CIVILIANS, PROTESTS, REMOTE, STRATEGIC, Trigger
from factfile.extract.lang import cyrillic, dates, departments, members, reported, titles
from factfile.extract.lang.romanize import romanizations
from factfile.extract.places import resolve_names
from factfile.records import Analysis, Event

# Lemmas (Russian and Ukrainian) that report an event, typed as the English verbs and nouns are.
TRIGGERS: dict[str, Trigger] = {
    **{w: Trigger(BATTLES, "Armed clash", True) for w in (
        "атаковать", "атакувати", "атака", "штурм", "штурмовать", "бой", "бій", "столкновение", "зіткнення", "сбить",
        "збити", "обстрелять", "напасть", "напад", "нападение", "вторжение", "вторгнення", "прорыв", "прорив")},
    **{w: Trigger(BATTLES, "Non-state actor overtakes territory", True) for w in ("захватить", "захопити", "захват", "захоплення")},
    **{w: Trigger(REMOTE, "Shelling/artillery/missile attack", True) for w in (
        "обстрел", "обстріл", "обстріляти", "ракетный", "ракетний", "ракета", "удар", "артиллерия", "артилерія")},
    **{w: Trigger(REMOTE, "Air/drone strike", True) for w in ("беспилотник", "безпілотник", "дрон", "авиаудар", "авіаудар")},
    **{w: Trigger(REMOTE, "Remote explosive/landmine/IED", True) for w in ("взрыв", "вибух", "взорвать", "підірвати")},
    **{w: Trigger(CIVILIANS, "Attack", True) for w in ("убить", "вбити", "убийство", "вбивство", "расстрелять", "розстріляти")},
    **{w: Trigger(PROTESTS, "Peaceful protest") for w in ("протест", "митинг", "мітинг", "демонстрация", "демонстрація")},
    **{w: Trigger(STRATEGIC, "Arrests") for w in ("арестовать", "заарештувати", "задержать", "затримати", "арест", "арешт")},
    **{w: Trigger(STRATEGIC, "Agreement") for w in ("перемирие", "перемир'я", "договорённость", "договоренность", "домовленість", "соглашение", "угода")},
    **{w: Trigger(STRATEGIC, "Other") for w in ("мятеж", "заколот", "бунт", "мятеж")},
}


def analyse(analysis: Analysis, language: str) -> None:
    reading = cyrillic.read(analysis, language)
    _big_places_not_persons(analysis, reading)
    analysis.places = places(analysis, reading)
    move_acting_capitals(analysis, reading.tokens)
    analysis.times = dates.find_times(analysis, language)
    analysis.quantities = dates.find_quantities(analysis, language, lambda w: cyrillic._word_lemma(w, language))
    analysis.statements = reported.find_statements(analysis, reading)
    analysis.events = events(analysis, reading)
    titles.add_titled(analysis, reading)
    departments.add_departments(analysis, reading)
    departments.add_owned_bodies(analysis, reading)
    members.add_members(analysis, reading)
    add_regimes(analysis, reading.tokens)


BIG_PLACE = 100_000


def _big_places_not_persons(analysis: Analysis, reading: cyrillic.Reading) -> None:
    """The model calls some cities persons ("Київ" as the subject of "звинуватити"): a one-word "person"
    whose Latin form the gazetteer knows as a country or a city of 100,000 or more is that place."""
    from factfile.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    for chain in analysis.chains:
        if chain.label != "PERSON" or " " in chain.name.strip() or any(" " in analysis.mentions[i].span.text.strip() for i in chain.mentions):
            continue
        found = [p for form in romanizations(chain.name, reading.language) for p in gazetteer.lookup(form)]
        if any(p.kind == "country" or p.population >= BIG_PLACE for p in found):
            analysis.relabel(chain, "GPE")


def places(analysis: Analysis, reading: cyrillic.Reading):
    """Place mentions looked up by their nominative's Latin forms ("Козинку" → Kozinka)."""
    from factfile.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    names = []
    for index, mention in enumerate(analysis.mentions):
        if mention.label != "GPE":
            continue
        lemma = reading.lemmas[index]
        region = any(w in lemma.lower().split() for w in cyrillic._REGION_WORDS)
        forms = romanizations(lemma, reading.language)
        found = next((f for f in forms if (gazetteer.regions(f) if region else gazetteer.lookup(f))), forms[0] if forms else lemma)
        names.append((mention.span, index, found, region, "GPE"))
    return resolve_names(analysis, names)


def events(analysis: Analysis, reading: cyrillic.Reading) -> list[Event]:
    """An event per sentence with a trigger lemma; a violent one needs a named actor or place in the
    sentence, as in English; its actor is the first organisation or person named before the trigger."""
    found: list[Event] = []
    seen: set[int] = set()
    for token in reading.tokens:
        trigger = TRIGGERS.get(token.lemma)
        if trigger is None:
            continue
        sentence = analysis.sentence_of(token.start)
        if sentence.start in seen:
            continue
        actors = [m for m in analysis.mentions if sentence.contains(m.span) and m.label in ("ORG", "PERSON") and m.chain is not None]
        place = next((i for i, p in enumerate(analysis.places) if sentence.contains(p.span)), None)
        if trigger.violent and not actors and place is None:
            continue
        before = [m for m in actors if m.span.end <= token.start]
        after = [m for m in actors if m.span.start >= token.end]
        time = next((i for i, t in enumerate(analysis.times) if sentence.contains(t.span)), None)
        statement = next((i for i, s in enumerate(analysis.statements) if s.content.contains(cyrillic_span(token))), None)
        certainty = analysis.statements[statement].certainty if statement is not None else "asserted"
        seen.add(sentence.start)
        found.append(Event(
            event_type=trigger.event_type, sub_type=trigger.sub_type, trigger=cyrillic_span(token), sentence=sentence,
            actor1_chain=before[0].chain if before else None, actor2_chain=after[0].chain if after else None,
            place=place, time=time, statement=statement, certainty=certainty,
        ))
    return found


def cyrillic_span(token: cyrillic.Token):
    from factfile.records import Span

    return Span(token.start, token.end, token.text)
