"""Events in languages read without a parser: trigger words, and each event's place and date.

German, French, Italian, Spanish, Portuguese, Dutch and Polish pages have no model here (see
`latin.py`), so an event starts at a word of one of ACLED's types, matched by its stem ("explo" is
an explosion in all of them, "bombard" a shelling), as the Cyrillic reader matches lemmas. A violent
word makes an event only where its sentence names a party or a place, as in English.

For every reader without the English parser (this one and the Cyrillic one) the event's place is
the most specific place its sentence names that the gazetteer knows, else the last one its paragraph
named before it; its date is the sentence's, else the paragraph's last before it, else, for the news
the page leads with, the page's day or the day before (`events.lead_date`, as for English).
"""

from __future__ import annotations

import re
from functools import lru_cache

from factfile.extract.events import BATTLES, CIVILIANS, LEAD_CHARS, PROTESTS, REMOTE, STRATEGIC, Trigger, lead_date
from factfile.records import Analysis, Event, Span

# Stems by type, each the start of a word (a "|" separates alternatives); one list for all seven
# languages, as their words for war share Latin and Greek roots.
_STEMS: list[tuple[Trigger, str]] = [
    (Trigger(REMOTE, "Air/drone strike", True),
     r"drohne|drone|droni\b|dron\b|drony|dronów|dronami|luftangriff|luchtaanval|frappes? aériennes?|raids? aérien|attacc\w* aere|"
     r"ataques? aére|nalot"),
    (Trigger(REMOTE, "Shelling/artillery/missile attack", True),
     r"beschuss|beschossen|beschiet|bombard|rakete|raket|rakiet|missil|míssil|mísseis|roquette|razz[oi]\b|cohete|foguete|"
     r"artill|artiglier|artilh|artyler|obus\b|ostrza[łl]|ostrzel|pocisk"),
    (Trigger(REMOTE, "Remote explosive/landmine/IED", True),
     r"explos|explod|esplos|esplod|explot(?!aci)|eksploz|ontplof|deton|sprengung|gesprengt|sprengsatz|wybuch|attentat|atentad|"
     r"autobomba|camion bomba|lkw-bombe"),
    (Trigger(BATTLES, "Armed clash", True),
     r"gefecht|kämpfe\b|kämpfen\b|kampfhandlung|combats?\b|combates?\b|combattiment|affrontement|scontr|enfrentamient|confronto|"
     r"walk[ia]\b|starci|gevecht|angriff|angegriffen|attaqu|attacc|ataque|atacad|atacar|atak|aanval|"
     r"abgeschossen|abattu|abbattut|derriba|derrub|zestrzel|neergeschoten"),
    (Trigger(BATTLES, "Non-state actor overtakes territory", True), r"erobert|eingenommen|s'empar|conquis|conquist|zdoby|veroverd"),
    (Trigger(CIVILIANS, "Abduction/forced disappearance", True), r"entführ|rapit|secuestr|sequestr|porwa|ontvoer"),
    (Trigger(PROTESTS, "Peaceful protest"),
     r"protest|demonstra|manifestation|manifestazion|manifestación|manifestaç|manifestant|kundgebung|rassemblement|corteo|betoging"),
    (Trigger(STRATEGIC, "Arrests"),
     r"festgenommen|festnahme|verhaft|arrest|detenid|detenção|detención|aresztow|zatrzyman|aangehouden"),
    (Trigger(STRATEGIC, "Agreement"),
     r"abkommen|vereinbarung|einigung|waffenstillstand|waffenruhe|accords?\\b|accord[oi]\\b|cessez-le-feu|trêve|tregua|trégua|(?<!de\s)acuerdo|"
     r"(?<!de\s)acordo|alto el fuego|cessar-fogo|cessate il fuoco|porozumieni|rozejm|akkoord|overeenkomst|wapenstilstand"),
    (Trigger(STRATEGIC, "Other"),
     r"meuterei|aufstand|revolte|putsch|mutin|rébellion|insurrection|ammutinament|ribellion|insurrezion|motín|"
     r"rebelión|sublevación|motim|rebelião|insurreição|bunt\b|rebelia|pucz|muiterij|opstand|staatsgreep"),
]


@lru_cache(maxsize=1)
def _triggers() -> list[tuple[Trigger, re.Pattern[str]]]:
    return [(trigger, re.compile(r"(?<![\w'’-])(?:" + stems + r")[\w'’-]*", re.I)) for trigger, stems in _STEMS]


def find_events(analysis: Analysis) -> list[Event]:
    """One event per sentence, at its most specific trigger word (the order of `_STEMS`: "attaque de
    drones" is a drone strike); actor 1 is the first organisation or person named before it, actor 2 the first after."""
    text = analysis.article.text
    hits = [(rank, m.start(), m.end(), trigger) for rank, (trigger, pattern) in enumerate(_triggers()) for m in pattern.finditer(text)]
    found: list[Event] = []
    seen: set[int] = set()
    for _, start, end, trigger in sorted(hits, key=lambda h: (analysis.sentence_of(h[1]).start, h[0], h[1])):
        sentence = analysis.sentence_of(start)
        if sentence.start in seen:
            continue
        actors = [m for m in analysis.mentions if sentence.contains(m.span) and m.label in ("ORG", "PERSON") and m.chain is not None]
        if trigger.violent and not actors and not any(sentence.contains(p.span) for p in analysis.places):
            continue  # "Explosionen" in a list of topics: no one and nowhere, no event
        statement = next((i for i, s in enumerate(analysis.statements) if s.content.start <= start < s.content.end), None)
        before = [m for m in actors if m.span.end <= start]
        after = [m for m in actors if m.span.start >= end]
        seen.add(sentence.start)
        found.append(Event(
            event_type=trigger.event_type, sub_type=trigger.sub_type, trigger=Span(start, end, text[start:end]), sentence=sentence,
            actor1_chain=before[0].chain if before else None, actor2_chain=after[0].chain if after else None,
            statement=statement, certainty=analysis.statements[statement].certainty if statement is not None else "asserted",
        ))
    return sorted(found, key=lambda e: e.trigger.start)


def place_and_date(analysis: Analysis) -> None:
    """Each event's place and date, from its sentence, then its paragraph, then (the date) the page's day."""
    text = analysis.article.text
    for event in analysis.events:
        paragraph_start = text.rfind("\n", 0, event.sentence.start) + 1
        event.place = _place(analysis, event.sentence, paragraph_start)
        event.time = _time(analysis, event, paragraph_start)


def _place(analysis: Analysis, sentence: Span, paragraph_start: int) -> int | None:
    def rank(index: int) -> tuple:
        place = analysis.places[index]
        country = place.feature_code in ("PCLI", "CONT")
        return (place.latitude is None, country)

    within = [i for i, p in enumerate(analysis.places) if sentence.contains(p.span)]
    resolved = [i for i in within if analysis.places[i].latitude is not None and analysis.places[i].feature_code not in ("PCLI", "CONT")]
    if resolved:
        return resolved[0]
    earlier = [
        i for i, p in enumerate(analysis.places)
        if paragraph_start <= p.span.start < sentence.start and p.latitude is not None and p.feature_code not in ("PCLI", "CONT")
    ]
    if earlier:
        return earlier[-1]
    return min(within, key=rank) if within else None


def _time(analysis: Analysis, event: Event, paragraph_start: int) -> int | None:
    times = analysis.times
    within = [i for i, t in enumerate(times) if event.sentence.contains(t.span) and t.start is not None]
    if within:
        return within[0]
    earlier = [i for i, t in enumerate(times) if paragraph_start <= t.span.start < event.sentence.start and t.start is not None]
    if earlier:
        return earlier[-1]
    published = analysis.article.published
    if published is not None and event.trigger.start < LEAD_CHARS:
        times.append(lead_date(event.trigger.start, published))
        return len(times) - 1
    return None
