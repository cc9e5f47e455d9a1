"""Events in ACLED's taxonomy: what happened, who did it to whom, where, when, and who says so.

An event starts at a trigger word ("raided", "captured", "blown up", "press conference", "lawsuit")
typed by the ACLED event type and sub-type it signals; the verb's arguments then give the actors
(actor 1 does, actor 2 undergoes), and the sentence and its paragraph give the place and the date.
Violent verbs count only with an armed actor or a physical target: a candidate who "attacks" a rival
is politics, not a battle. Group nouns and pronouns ("soldiers", "the unit", "they") stand for the
armed group the article last named, or for the source of the claim they appear in ("the Legion
posted that they had taken Konzinka").

Who reports an event and how sure it is come from the statement whose content holds the trigger
(the `statements` stage, when it ran); without one the sentence's own cues decide ("allegedly",
"would have", a claim verb).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from factfile.extract.event_actors import acled_name, country_name
from factfile.extract.event_typing import EventTyper, default_typer
from factfile.extract.nlp import text_of
from factfile.extract.places import (
    CODED_TO,
    FOLLOWED_BY_REGIONS,
    LOCATIVE_PREPOSITIONS,
    MOTION_VERBS,
    REGION_NOUNS,
    SETTLEMENT_NOUNS,
)
from factfile.extract.quantities import coded_deaths, deaths
from factfile.extract.registry import Stage, stages
from factfile.extract.statements.framing import presented
from factfile.records import Analysis, Certainty, Event, Span, TimeExpression

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    sub_type: str
    violent: bool = False


VERB_TRIGGERS: dict[str, Trigger] = {
    **{v: Trigger(BATTLES, "Armed clash", True) for v in (
        "attack", "assault", "raid", "storm", "invade", "clash", "fight", "ambush", "battle", "besiege", "shoot")},
    **{v: Trigger(BATTLES, "Non-state actor overtakes territory", True) for v in (
        "capture", "seize", "occupy", "overrun", "take")},
    **{v: Trigger(BATTLES, "Government regains territory", True) for v in ("retake", "recapture", "liberate")},
    **{v: Trigger(REMOTE, "Shelling/artillery/missile attack", True) for v in ("shell", "bombard")},
    **{v: Trigger(REMOTE, "Remote explosive/landmine/IED", True) for v in ("bomb", "explode", "detonate", "blow")},
    **{v: Trigger(CIVILIANS, "Attack", True) for v in ("kill", "murder", "massacre", "execute", "torture", "fire")},
    **{v: Trigger(CIVILIANS, "Abduction/forced disappearance", True) for v in ("kidnap", "abduct")},
    **{v: Trigger(PROTESTS, "Peaceful protest") for v in ("protest", "demonstrate", "rally")},
    **{v: Trigger(RIOTS, "Violent demonstration") for v in ("riot", "loot")},
    **{v: Trigger(STRATEGIC, "Arrests") for v in ("arrest", "detain")},
    **{v: Trigger(STRATEGIC, "Change to group/activity") for v in ("found", "form", "launch", "establish", "defect")},
    **{v: Trigger(STRATEGIC, "Other") for v in ("sue", "designate", "ban")},
    **{v: Trigger(STRATEGIC, "Disrupted weapons use") for v in ("find", "defuse", "discover", "intercept")},
    "march": Trigger(BATTLES, "Armed clash", True),
}
NOUN_TRIGGERS: dict[str, Trigger] = {
    **{n: Trigger(BATTLES, "Armed clash", True) for n in (
        "attack", "assault", "raid", "incursion", "invasion", "clash", "fighting", "battle", "offensive", "ambush", "shootout")},
    **{n: Trigger(REMOTE, "Shelling/artillery/missile attack", True) for n in ("shelling", "missile", "rocket", "artillery")},
    **{n: Trigger(REMOTE, "Air/drone strike", True) for n in ("airstrike", "drone")},
    **{n: Trigger(REMOTE, "Remote explosive/landmine/IED", True) for n in ("explosion", "bombing", "blast", "ied", "landmine")},
    **{n: Trigger(REMOTE, "Suicide bomb", True) for n in ("suicide",)},
    **{n: Trigger(CIVILIANS, "Attack", True) for n in ("massacre", "killing", "murder", "shooting")},
    **{n: Trigger(CIVILIANS, "Abduction/forced disappearance", True) for n in ("hostage", "kidnapping", "abduction")},
    **{n: Trigger(PROTESTS, "Peaceful protest") for n in ("protest", "demonstration", "sit-in", "vigil", "walk-in", "walkout")},
    **{n: Trigger(PROTESTS, "Peaceful protest") for n in ("protester", "demonstrator", "marcher")},
    **{n: Trigger(RIOTS, "Violent demonstration") for n in ("riot", "unrest", "looting")},
    **{n: Trigger(STRATEGIC, "Arrests") for n in ("arrest",)},
    **{n: Trigger(STRATEGIC, "Agreement") for n in ("ceasefire", "truce", "treaty", "accord")},
    **{n: Trigger(STRATEGIC, "Other") for n in ("conference", "lawsuit", "manifesto", "curfew")},
    **{n: Trigger(STRATEGIC, "Non-violent transfer of territory") for n in ("annexation",)},
    **{n: Trigger(STRATEGIC, "Other") for n in ("mutiny", "rebellion", "uprising")},  # as мятеж, Meuterei in the other readers (UPRISINGS)
    **{n: Trigger(STRATEGIC, "Agreement") for n in ("deal", "agreement")},  # only as what is brokered, struck, signed: `_concluded`
}
ARMED_NOUNS = frozenset({
    "soldier", "troop", "force", "militant", "gunman", "fighter", "army", "police", "rebel", "insurgent", "militia",
    "unit", "partisan", "sniper", "officer", "commando", "paratrooper", "mercenary", "guerrilla", "jihadist", "terrorist",
    "follower", "man", "men", "attacker", "assailant", "shooter", "bomber", "saboteur", "military",
})
ARMED_NAME = re.compile(
    r"\b(?:legion|corps|army|armed|forces?|brigade|battalion|militia|regiment|guards?|division|rebels?|front|"
    r"taliban|hamas|hezbollah|isis|isil|al[- ]qaeda|shabaab|wagner|police|military|marines|navy)\b",
    re.I,
)
ARMED_DESCRIPTION = re.compile(r"\b(?:paramilitary|militia|armed|military|rebel|fighters?|unit|troops?|insurgent)\b", re.I)
PHYSICAL_TARGETS = frozenset(
    SETTLEMENT_NOUNS | REGION_NOUNS
    | {"base", "school", "bus", "hospital", "station", "building", "position", "checkpoint", "convoy", "border", "house",
       "home", "church", "mosque", "market", "bridge", "airport", "plant", "civilian", "people", "resident", "child",
       "crowd", "protester", "vehicle", "car", "train", "office", "embassy", "headquarters", "territory", "control"}
)
CIVILIAN_TARGETS = frozenset({
    "civilian", "school", "bus", "hospital", "people", "resident", "child", "crowd", "protester", "villager", "man",
    "person", "boy", "girl", "teenager", "family", "worker", "driver",
    "home", "house", "church", "mosque", "market", "woman", "student", "passenger", "journalist", "hostage", "station",
})
WEAPONS = frozenset({"device", "bomb", "explosive", "explosives", "ied", "weapon", "weapons", "mine", "grenade", "missile", "rocket", "drone", "cache"})
TERRITORY = frozenset(SETTLEMENT_NOUNS | REGION_NOUNS | {"territory", "control", "base", "position"})
REPORT_VERBS = frozenset({
    "say", "claim", "report", "post", "announce", "write", "tell", "state", "allege", "confirm", "deny", "insist",
    "accuse", "publish", "inform", "add", "explain", "declare", "assert", "suggest",
})
HEDGES = re.compile(
    r"\b(?:allegedly|reportedly|possibly|apparently|presumably|would have|is said to|are said to|was said to|"
    r"were said to|may have|might have|could have|unconfirmed|purportedly|supposedly|unclear)\b",
    re.I,
)
UPRISINGS = frozenset({"mutiny", "rebellion", "uprising"})
CONCLUDING_VERBS = frozenset({"broker", "strike", "sign", "reach", "negotiate", "conclude", "seal", "agree"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "km", "kilometres", "kilometers", "miles"})
PRONOUNS = frozenset({"they", "he", "she", "it", "we", "them", "i"})
FATALITY_WORDS = re.compile(r"\b(?:kill(?:ed|ing)?|dead|die[sd]?|death|deaths|fatalit(?:y|ies)|lives)\b", re.I)
_DEATH_SENTENCES = 4
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
LEAD_CHARS = 800  # events this close to the top with no date of their own are the news of the day


LEARNED_MIN = 0.9  # the typer's probability needed to make an event of a learned verb
_UNTRIGGERED_SENTENCES = 2
OVERRULE_MIN = 0.8  # and to give a trigger word another type than its own
# ACLED's disorder types: a trigger word tells which the event is; the typer picks the type within it.
POLITICAL_VIOLENCE = frozenset({BATTLES, REMOTE, CIVILIANS})
DEMONSTRATIONS = frozenset({PROTESTS, RIOTS})
VIOLENT_TYPES = frozenset({BATTLES, REMOTE, CIVILIANS})
PROTESTER_NOUNS = frozenset({
    "protester", "demonstrator", "marcher", "activist", "supporter", "resident", "worker", "student", "farmer", "teacher",
    "doctor", "nurse", "trader", "vendor", "driver", "employee", "member", "people", "woman", "youth", "group",
})
WEAPON_WORDS = WEAPONS | {
    "shell", "mortar", "artillery", "airstrike", "strike", "gun", "rifle", "knife", "machete", "stone", "stick", "explosion",
    "landmine", "uav", "shelling", "air", "fire", "gunfire", "firearm", "bullet", "tear", "gas", "baton",
}


@stages.register("events")
def make_events() -> Stage:
    typer = default_typer()

    def events(doc: Doc, analysis: Analysis) -> None:
        analysis.events = EventReader(doc, analysis, typer).read()

    return events


@stages.register("events-rules")
def make_rule_events() -> Stage:
    """Events typed by the trigger lists alone: the baseline `eval/acled.py` measures the learned typing against."""

    def events(doc: Doc, analysis: Analysis) -> None:
        analysis.events = EventReader(doc, analysis).read()

    return events


def lead_date(offset: int, published: date) -> TimeExpression:
    """The date of the news a report leads with and does not date: its day or the day before ("overnight",
    "yesterday" untold), never a week back (of the realstory dev pages' dated events, 70 happened on their
    page's day, 17 the day before, 12 earlier); an inferred date, an empty-text time expression at `offset`."""
    return TimeExpression(span=Span(offset, offset, ""), start=published - timedelta(days=1), end=published, precision="range")


def _may_kill(event: Event) -> bool:
    """ACLED counts deaths for violence, riots and force used on protesters; a peaceful protest's
    report names the deaths it protests ("demanded justice for the death of a boy"), a strategic
    development's are not its own."""
    return event.event_type in VIOLENT_TYPES or event.event_type == RIOTS or event.sub_type == "Excessive force against protesters"


def _nominal(token: Token) -> bool:
    """A noun, or a verb's -ing form used as one ("the police shooting of a black man sparked protests")."""
    return token.pos_ in ("NOUN", "PROPN") or (
        token.tag_ == "VBG"
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and (any(c.dep_ == "det" for c in token.children) or token.lower_ in NOUN_TRIGGERS)  # "Shelling was reported"
    )


class EventReader:
    """Finds the triggers in one article and fills each event's arguments."""

    def __init__(self, doc: Doc, analysis: Analysis, typer: EventTyper | None = None):
        self.doc = doc
        self.analysis = analysis
        self.typer = typer
        self.chain_at: dict[int, int] = {}
        self.label_at: dict[int, str] = {}
        for mention in analysis.mentions:
            if mention.chain is None:
                continue
            for token in doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand") or ():
                if token.is_punct:
                    continue  # "Natal (Rio Grande", read as one name: its bracket is no party
                self.chain_at[token.i] = mention.chain
                self.label_at[token.i] = mention.label
        self.place_at = {}
        for index, place in enumerate(analysis.places):
            for token in doc.char_span(place.span.start, place.span.end, alignment_mode="expand") or ():
                self.place_at[token.i] = index
        self.armed_chains = self._armed_chains()

    def candidates(self) -> list[tuple[Token, Trigger | None]]:
        """Words that may start an event: the trigger words, and (with a typer) each sentence's main verb
        when the typer learned it heads event reports and the sentence says where or when; `None`
        stands for "no trigger word"."""
        found: list[tuple[Token, Trigger | None]] = [(t, trigger) for t in self.doc if (trigger := self._trigger(t)) is not None]
        if self.typer is None:
            return found
        triggered = {token.sent.start for token, _ in found}
        for sentence in self.doc.sents:
            verb = self._main_verb(sentence)
            if verb is None or sentence.start in triggered or verb.lemma_.lower() not in self.typer.triggers:
                continue
            if (verb.dep_ != "acl" and self._irrealis(verb)) or any(c.dep_ == "neg" for c in verb.children):
                continue
            if any(t.i in self.place_at for t in sentence) or any(
                sentence.start_char <= t.span.start < sentence.end_char and t.start for t in self.analysis.times
            ):
                found.append((verb, None))
        return found

    @staticmethod
    def _main_verb(sentence) -> Token | None:
        """The sentence's root verb, or what a claim or report verb at the root says happened ("IS claimed
        killing"), or its first verb in the past tense when the parser hung the clause on a noun or made
        an infinitive the root ("tens of doctors ... protested in Taluqan to demand", a reduced relative there)."""
        verb = sentence.root
        if verb.pos_ != "VERB" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):  # "... protested in Kabul to demand": root "demand"
            verb = next((t for t in sentence if t.i < sentence.root.i and t.pos_ == "VERB" and (t.tag_ == "VBD" or (t.tag_ == "VBN" and t.dep_ == "acl"))), None) or (
                next((t for t in sentence if t.pos_ == "VERB" and (t.tag_ == "VBD" or (t.dep_ == "acl" and t.head.i == verb.i))), None)  # "workers called by the union protested": root "workers"
            ) or (
                # "On 21 February 2022, in Acapulco, 15 people protested outside ...": the parser made "On" the root
                # and the verb a participle on "people"; a reduced relative would have its agent ("called by")
                next((t for t in sentence if t.pos_ == "VERB" and t.dep_ == "acl" and t.tag_ == "VBN" and not any(c.dep_ == "agent" for c in t.children)), verb)
            )
        if verb.lemma_.lower() in REPORT_VERBS:
            verb = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None)
        return verb if verb is not None and verb.pos_ == "VERB" else None

    def features(self, token: Token, trigger: Trigger | None) -> list[str]:
        """What the typer weighs: the trigger, the sentence's words, who acts on whom and of what kind, weapons."""
        lemma = token.lemma_.lower()
        out = [f"trigger={lemma}", f"trigger_pos={token.pos_}", f"rule={trigger.event_type}|{trigger.sub_type}" if trigger else "rule=none"]
        if trigger is not None:
            out.append(f"rule_type={trigger.event_type}")
        for child in token.children:
            if child.dep_ == "prt":
                out.append(f"trigger={lemma} {child.lower_}")
            elif child.dep_ == "prep":
                out.append(f"trigger_prep={child.lower_}")
            elif child.dep_ == "auxpass":
                out.append("passive")
            elif child.dep_ == "neg":
                out.append("negated")
        scope = token.subtree if token.pos_ == "VERB" else token.head.subtree  # the clause, not the whole sentence
        for word in token.sent:  # the rest of the sentence, weighed apart: "rioters", "mob", "stones" type it too
            if word.is_alpha and not word.is_stop and word.pos_ in ("NOUN", "VERB", "ADJ", "PROPN"):
                out.append(f"sentence={word.lemma_.lower()}")
        for word in scope:
            if word.is_alpha and not word.is_stop and word.pos_ in ("NOUN", "VERB", "ADJ", "ADV"):
                out.append(f"word={word.lemma_.lower()}")
                if word.lemma_.lower() in WEAPON_WORDS:
                    out.append(f"weapon={word.lemma_.lower()}")
            if word.ent_iob_ == "B":
                out.append(f"entity={word.ent_type_}")
        subject = self._subject(token)
        target = self._target(token)
        for role, head in (("actor1", subject), ("actor2", target)):
            if head is None:
                out.append(f"{role}=none")
                continue
            out.append(f"{role}={head.lemma_.lower()}")
            out += [f"{role} is {kind}" for kind in self._kinds(head)]
        return out

    def _kinds(self, head: Token) -> set[str]:
        """Armed group, civilians, protesters, a state, a person: the kinds of party a phrase names."""
        kinds = set()
        for part in head.subtree:
            lemma = part.lemma_.lower()
            chain = self.chain_at.get(part.i)
            if lemma in ARMED_NOUNS or chain in self.armed_chains:
                kinds.add("armed")
            if lemma in CIVILIAN_TARGETS:
                kinds.add("civilian")
            if lemma in PROTESTER_NOUNS:
                kinds.add("protester")
            if lemma in PHYSICAL_TARGETS:
                kinds.add("physical")
            if chain is not None:
                kinds.add(f"named {self.analysis.chains[chain].label}")
            if part.i in self.place_at:
                kinds.add("place")
        return kinds

    def _typed(self, token: Token, trigger: Trigger | None, alone: bool = True) -> tuple[Trigger | None, tuple[str, ...]]:
        """The typer, learned from ACLED's coders, types an event from its sentence, its trigger word
        and its parties; the trigger word's own type stands where the typer is not sure enough to
        overrule it (`OVERRULE_MIN`). Beyond the lead sentence's first trigger (which the typer learned
        on: a report's lead says what it codes), a strategic development keeps its trigger word's type
        (too varied for the few hundred the typer saw: "press conference", "terror list"), and so
        does a trigger sharing its sentence with others, whose features are much the sentence's: "had
        taken hostages, blown up a bridge and fired on a bus" is three types. A verb learned to head
        event reports makes an event only where the typer is sure of it."""
        assert self.typer is not None
        lead = token.sent.start == 0 and token.i == self._first_trigger
        if trigger is not None and not lead and (trigger.event_type == STRATEGIC or not alone):
            return trigger, (f"trigger word {token.lemma_.lower()!r}",)
        features = self.features(token, trigger)
        typing = self.typer.type(features)
        if trigger is None and typing.probability < LEARNED_MIN:
            return None, ()
        if trigger is not None and typing.event_type != trigger.event_type and typing.probability < OVERRULE_MIN:
            typing = self.typer.type(features, frozenset({trigger.event_type}))
        if trigger is not None and typing.event_type == trigger.event_type and features[0] not in self.typer.weights:
            return trigger, (*typing.reasons, f"trigger word {token.lemma_.lower()!r}")  # a word the typer never saw: its sub-type is a guess
        return Trigger(typing.event_type, typing.sub_type, typing.event_type in VIOLENT_TYPES), typing.reasons

    def read(self) -> list[Event]:
        triggers = self.candidates()
        self._first_trigger = min((t.i for t, _ in triggers), default=-1)  # the lead's event, typed by the typer alone
        per_sentence = Counter(token.sent.start for token, _ in triggers)
        # a verb says more than a noun: "Soldiers marched ..." over "waiting for Ukraine's spring offensive"
        triggers.sort(key=lambda pair: (pair[0].sent.start, _nominal(pair[0]), pair[0].i))
        found: list[Event] = []
        seen: set[tuple] = set()
        lemmas: set[str] = set()
        for token, rule in triggers:
            alone = per_sentence[token.sent.start] == 1
            trigger, reasons = self._typed(token, rule, alone) if self.typer is not None else (rule, ())
            if trigger is None:
                continue
            event = self._event(token, trigger)
            if event is None:
                continue
            event.reasons = list(reasons)
            if _nominal(token) and any(c.lower_ in ("the", "this", "that") for c in token.lefts) and (
                token.lemma_.lower() in lemmas or any(e.trigger.text.lower() == token.lower_ for e in found)
            ):
                continue  # "the explosion" said again, "the clash" after "clashed": the event already found
            if self._told_before(token, event, found):
                continue
            in_sentence = (event.sentence.start, event.event_type, event.sub_type)
            time = self.analysis.times[event.time] if event.time is not None else None
            reported = (event.event_type, event.sub_type, time.start if time else None, time.end if time else None)
            if token.lemma_.lower() == "kill" and token.tag_ == "VBG" and any(e.sentence.start == event.sentence.start for e in found):
                continue  # "shelled the village, killing two civilians": the killing is that event's fatalities
            if in_sentence in seen or (time is not None and reported in seen):
                continue  # "attacked and possibly captured": one event; a caption repeating the news: one event
            seen |= {in_sentence, reported} if time is not None else {in_sentence}
            found.append(event)
            lemmas.add(token.lemma_.lower())
        if not found and self.typer is not None:
            found = self._untriggered()
        found.sort(key=lambda e: e.trigger.start)
        self._link_quantities(found)
        return found

    def _dated_lead(self, token: Token) -> bool:
        """The report's lead dates what it tells to the day with its year ("On 2 February 2022, Iraqi airstrikes
        killed 4 IS militants"): what a violent word there tells is the violence reported, whoever the parties."""
        sentence = token.sent
        leads = [s.start for s in itertools.islice(self.doc.sents, _UNTRIGGERED_SENTENCES)]
        if sentence.start_char >= LEAD_CHARS or sentence.start not in leads:
            return False
        return any(
            sentence.start_char <= t.span.start < sentence.end_char and t.precision == "day" and _YEAR.search(t.span.text)
            for t in self.analysis.times
        )

    def _told_before(self, token: Token, event: Event, found: list[Event]) -> bool:
        """A later sentence of the paragraph that tells the deaths of the violent event before it ("One
        soldier was killed", "2 Turkish soldiers were killed in the attack": killed, no one doing it) or
        calls it back ("responded to the attack", "died from the blast") is that event, not another;
        its deaths go to that event (`_link_quantities`)."""
        text = self.analysis.article.text
        paragraph_start = text.rfind("\n", 0, event.sentence.start) + 1
        if not any(e.event_type in VIOLENT_TYPES and paragraph_start <= e.sentence.start < event.sentence.start for e in found):
            return False
        if token.pos_ == "VERB" and token.lemma_.lower() == "kill":
            return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) and not any(c.dep_ == "agent" for c in token.children)
        return event.event_type in VIOLENT_TYPES and _nominal(token) and any(c.lower_ in ("the", "this", "that") for c in token.lefts)

    def _untriggered(self) -> list[Event]:
        """A report with no trigger word still leads with what happened ("residents blocked the road
        with burning tyres in Recife on Monday"): the lead sentence's main verb makes the event when
        the sentence says where or when and the typer is as sure of its type as of a learned verb's;
        or, however sure the typer is, when the sentence gives the day with its year, as a report
        dating what it reports does ("On 24 June 2022, military forces exchanged fire with militants
        at Kulachi"). Asking 0.9 of the typer there too left 6% of acled-2022h1's dev reports without
        an event, three in four of which it then types right; "European leaders gathered Friday to
        discuss ..." stays no event."""
        assert self.typer is not None
        for sentence in list(self.doc.sents)[:_UNTRIGGERED_SENTENCES]:
            if sentence.start_char >= LEAD_CHARS:
                break
            verb = self._main_verb(sentence)
            if verb is None or any(c.dep_ == "neg" for c in verb.children):
                continue
            times = [t for t in self.analysis.times if sentence.start_char <= t.span.start < sentence.end_char and t.start]
            if not times and not any(t.i in self.place_at for t in sentence):
                continue
            typing = self.typer.type(self.features(verb, None))
            dated = any(t.precision == "day" and _YEAR.search(t.span.text) for t in times)
            if typing.probability < LEARNED_MIN and not dated:
                continue
            event = self._event(verb, Trigger(typing.event_type, typing.sub_type, typing.event_type in VIOLENT_TYPES))
            if event is not None:
                event.reasons = list(typing.reasons)
                return [event]
        return []

    # which words start an event

    def _trigger(self, token: Token) -> Trigger | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and not _nominal(token):
            trigger = VERB_TRIGGERS.get(lemma)
            if trigger is None or self._irrealis(token):
                return None
            if lemma == "take":
                if any(c.dep_ == "dobj" and c.lemma_.lower() == "hostage" for c in token.children):
                    return NOUN_TRIGGERS["hostage"]
                if not self._takes_territory(token):
                    return None
            if lemma == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
                return None
            if lemma == "fire" and not any(c.dep_ == "prep" and c.lower_ in ("on", "at", "upon") for c in token.children):
                return None
            if lemma == "march":
                return self._march(token)
            if trigger.sub_type == "Disrupted weapons use" and not any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in WEAPONS for c in token.children
            ):
                return None  # "found a device", "a bomb was defused"; not "found that"
            if lemma == "rally" and any(c.dep_ == "dobj" for c in token.children):
                return None  # "rallied voters": campaigning
            if lemma in ("found", "form", "launch", "establish") and not self._about_armed_group(token):
                return None
            return trigger
        if _nominal(token):
            if lemma in UPRISINGS and token.text[:1].isupper() and (token.ent_type_ in ("ORG", "PERSON") or any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts
            )):
                return None  # "Extinction Rebellion": a name, not what happened
            lemma = lemma if token.pos_ != "VERB" else token.lower_  # "the police shooting of a black man"
            trigger = NOUN_TRIGGERS.get(lemma)
            if lemma == "conference" and not any(c.lower_ == "press" for c in token.lefts):
                return None
            if lemma in ("protester", "demonstrator", "marcher") and not self._acting(token):
                return None  # protesters are an event only where they do something: march, gather, chant
            if trigger is not None and trigger.event_type == PROTESTS and any(
                c.lower_ in ("violent", "violently") for c in list(token.lefts) + list(token.head.children)
            ):
                return Trigger(RIOTS, "Violent demonstration")  # "sometimes violent protests", "demonstrations turned violent"
            if lemma in ("deal", "agreement") and not self._concluded(token):
                return None  # "a great deal", "the grain deal's terms": no agreement made here
            if lemma == "list" and any(c.lower_ in ("terror", "terrorist") for c in token.lefts):
                return Trigger(STRATEGIC, "Other")
            if lemma in ("missile", "rocket", "artillery", "drone", "suicide") and token.dep_ == "compound":
                return trigger  # "missile strike", "drone attack": the modifier types the event
            if lemma in ("missile", "rocket", "artillery", "drone"):
                return None  # weapons alone are not an event: "jointly owned drones"
            return trigger
        return None

    @staticmethod
    def _concluded(noun: Token) -> bool:
        """"brokered a deal with Prigozhin", "a deal had been struck", "signed an agreement": one made, not one talked of."""
        return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in CONCLUDING_VERBS

    def _irrealis(self, verb: Token) -> bool:
        """"to fight against Putin's regime", "the soldiers fighting on Russia's side": a purpose or a
        description, not something that happened."""
        while True:
            misparsed = verb.dep_ == "acl" and (verb.tag_ == "VBD" or (verb.head.dep_ == "ROOT" and verb.head.pos_ != "VERB"))
            if (verb.dep_ in ("acl", "amod") and not misparsed) or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
                return True  # a simple past on a noun, or a verb on a verbless sentence's root, is the main verb: "workers called by the union protested"
            if verb.dep_ != "conj" or verb.head is verb:
                return False
            verb = verb.head

    def _acting(self, noun: Token) -> bool:
        """"Protesters were a few blocks away", "groups of protesters continued", "hundreds of demonstrators moved"."""
        head = noun
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "NUM"):
            head = head.head.head
        if head.dep_ == "conj" and head.head.dep_ == "nsubj":  # "she and hundreds of other demonstrators moved"
            head = head.head
        return head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX")

    def _takes_territory(self, verb: Token) -> bool:
        """"taken the village of Konzinka", "seized Kherson"; not "took up arms"."""
        if any(c.dep_ == "prt" for c in verb.children):
            return False
        for child in verb.children:
            if child.dep_ == "dobj" and (child.lemma_.lower() in TERRITORY or child.i in self.place_at):
                return True
        return False

    def _march(self, verb: Token) -> Trigger | None:
        """"marched into Russian territory" is an incursion; "would march on Graivoron" a troop movement."""
        preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
        if "into" in preps:
            return VERB_TRIGGERS["march"]
        if "on" in preps and any(t.i in self.place_at for t in preps["on"].subtree):
            return Trigger(STRATEGIC, "Other")
        return None

    def _about_armed_group(self, verb: Token) -> bool:
        for token in verb.subtree:
            chain = self.chain_at.get(token.i)
            if chain is not None and chain in self.armed_chains:
                return True
        return False

    # one event's arguments

    def _event(self, token: Token, trigger: Trigger) -> Event | None:
        sentence = self.analysis.sentence_of(token.idx)
        actor1 = self._actor1(token)
        if actor1 is None and trigger.event_type == STRATEGIC:
            actor1 = self._passive_subject(token)  # "the Legion was formed in February 2022"
        target = self._target(token)
        actor2 = self._actor2(token, actor1)
        if trigger.violent:
            armed = actor1 in self.armed_chains or self._armed_subject(token) or (
                _nominal(token) and any(c.lemma_.lower() in ARMED_NOUNS for c in token.lefts)  # "the police shooting"
            )
            physical = target is not None and (
                target.lemma_.lower() in PHYSICAL_TARGETS | CIVILIAN_TARGETS | ARMED_NOUNS or target.i in self.place_at
            )  # "PKK shelled Turkish forces": an armed side hit is violence whoever the attacker
            if not armed and not physical and not (_nominal(token) and self._place(token, dateline=False) is not None) and not self._dated_lead(token):
                return None  # "Clinton attacked Trump": words, not violence
        event_type, sub_type = trigger.event_type, trigger.sub_type
        # without a typer, the target and the actors correct the trigger word's type
        if self.typer is None and event_type == BATTLES and sub_type == "Armed clash" and target is not None and target.lemma_.lower() in CIVILIAN_TARGETS:
            event_type, sub_type = CIVILIANS, "Attack"
        if self.typer is None and event_type == BATTLES and sub_type == "Armed clash" and _nominal(token) and actor1 is None:
            event_type, sub_type = CIVILIANS, "Attack"  # "the attack in Minnesota": no armed side named, people hit
        if self.typer is None and event_type == BATTLES and sub_type == "Non-state actor overtakes territory" and self._is_state(actor1):
            sub_type = "Armed clash"
        place, time = self._place(token), self._time(token, sentence)
        local = self._place(token, dateline=False)
        if _nominal(token) and actor1 is None and time is None and (
            local is None or self.analysis.places[local].feature_code in ("PCLI", "CONT")
        ):
            return None  # "the invasion of their country": a topic, not a reported event
        statement, certainty = self._statement(token, sentence)
        country = self._country(place)
        subject = self._subject(token)
        names = []
        for role, chain, phrase in ((1, actor1, subject), (2, actor2, target)):
            lemmas = {t.lemma_.lower() for t in phrase.subtree} if phrase is not None else set()
            if role == 1 and _nominal(token):
                lemmas |= {c.lemma_.lower() for c in token.lefts}  # "the police shooting"
            found = self.analysis.chains[chain] if chain is not None else None
            names.append(acled_name(event_type, role, lemmas, found.name if found else None, found.label if found else None, country))
        return Event(
            actor1_name=names[0],
            actor2_name=names[1],
            event_type=event_type,
            sub_type=sub_type,
            trigger=Span(token.idx, token.idx + len(token.text), token.text),
            sentence=sentence,
            actor1_chain=actor1,
            actor2_chain=actor2,
            place=place,
            time=time,
            statement=statement,
            certainty=certainty,
        )

    def _country(self, place: int | None) -> str | None:
        """The event's country: its place's, else the first the report names or places anything in."""
        places = self.analysis.places
        ordered = ([places[place]] if place is not None else []) + [p for p in places if p.feature_code == "PCLI"] + list(places)
        return next((name for p in ordered if (name := country_name(p.country_code)) is not None), None)

    def _subject(self, token: Token) -> Token | None:
        verb = token
        while True:
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass" if _nominal(token) else "nsubj"):
                    return child
                if child.dep_ == "agent" or (child.dep_ == "conj" and child.pos_ == "VERB" and verb.i == token.i):
                    agent = child if child.dep_ == "agent" else next((c for c in child.children if c.dep_ == "agent"), None)
                    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
                    if objects:
                        return objects[0]  # "was shot and killed by police officers": the agent of both
            if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head  # "attacked and captured": the second verb shares the subject
                continue
            if _nominal(token) and verb.pos_ != "VERB":
                head = verb.head
                while head.pos_ in ("ADP", "NOUN", "PROPN") and head.dep_ in ("prep", "pobj", "dobj", "compound") and head.head is not head:
                    head = head.head
                if head.pos_ == "VERB" and head is not verb:
                    verb = head  # "members appeared at a press conference": the noun's verb
                    continue
            return None

    def _actor1(self, token: Token) -> int | None:
        for child in token.children:  # "Russia's attack", "a Hamas raid"
            if _nominal(token) and child.dep_ in ("poss", "compound") and child.i in self.chain_at:
                if not self._locative(child):
                    return self.chain_at[child.i]
        subject = self._subject(token)
        if subject is None:
            return self._armed_group_before(token.idx) if not _nominal(token) and VERB_TRIGGERS.get(token.lemma_.lower(), Trigger("", "")).violent else None
        for part in subject.subtree:
            if part.i in self.chain_at and not self._locative(part):
                return self.chain_at[part.i]
        if subject.lower_ in PRONOUNS:
            return self._pronoun(subject, armed=self._trigger(token) is not None and self._trigger(token).violent)
        if subject.lemma_.lower() in ARMED_NOUNS or any(t.lemma_.lower() in ARMED_NOUNS for t in subject.subtree):
            return self._armed_group_before(token.idx)
        return None

    def _passive_subject(self, token: Token) -> int | None:
        for child in token.children:
            if child.dep_ == "nsubjpass":
                for part in child.subtree:
                    if part.i in self.chain_at:
                        return self.chain_at[part.i]
        return None

    def _armed_subject(self, token: Token) -> bool:
        """"soldiers", "unidentified armed individuals": the subject names fighters, or calls them armed."""
        subject = self._subject(token)
        return subject is not None and any(t.lemma_.lower() in ARMED_NOUNS or (t.lower_ == "armed" and t.dep_ == "amod") for t in subject.subtree)

    def _target(self, token: Token) -> Token | None:
        """The object, or a phrase "on", "against" ... it; not a date ("On 9 May, a man was shot")."""
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass") and not _nominal(token):
                return child
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "into", "at", "upon", "of", "in"):
                objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")]
                if objects and (child.lower_ != "in" or _nominal(token)):
                    return objects[0]
        return None

    def _actor2(self, token: Token, actor1: int | None) -> int | None:
        subject = self._subject(token)
        skip = {t.i for t in subject.subtree} if subject is not None else set()
        for part in token.subtree:
            if part.i in skip or part.i == token.i:
                continue
            chain = self.chain_at.get(part.i)
            if chain is None or chain == actor1 or self._locative(part) or self._bracketed_place(part):
                continue
            if part.dep_ == "poss" and part.head.lower_ in ("country", "own"):
                continue
            return chain
        return None

    def _bracketed_place(self, token: Token) -> bool:
        """A word of "Natal (Rio Grande do Norte)": a place and its region, never a party."""
        index = self.place_at.get(token.i)
        return index is not None and self.analysis.places[index].mention is not None and self._place_rank(index) in (0, 1)

    def _locative(self, token: Token) -> bool:
        """A place where something happens, not a party to it: "in Kiev", "the Belgorod region"."""
        if token.i not in self.place_at:
            return False
        head = token
        while head.dep_ in ("compound", "amod", "conj", "appos", "nmod") and head.head.i != head.i:
            if head.dep_ in ("compound", "amod") and head.head.lower_ in REGION_NOUNS:
                return True
            head = head.head  # "in a densely packed Chelsea neighborhood": the phrase's head is the location
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in DIRECTIONS:
            return False  # "north of Kharkiv" locates something else
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS | {"of", "on"}:
            return head.head.lower_ != "on" or head.head.head.lemma_.lower() in MOTION_VERBS
        return False

    def _pronoun(self, pronoun: Token, armed: bool = False) -> int | None:
        """"they" in "the Legion posted ... that they had taken": the claimant; else the last actor named."""
        head = pronoun.head
        while head.dep_ not in ("ROOT",) and head.head is not head:
            head = head.head
            if head.lemma_.lower() in REPORT_VERBS:
                for child in head.children:
                    if child.dep_ == "nsubj":
                        for part in child.subtree:
                            if part.i in self.chain_at:
                                return self.chain_at[part.i]
        person = pronoun.lower_ in ("he", "she")
        if armed and not person:
            return self._armed_group_before(pronoun.idx)
        sentence_start = pronoun.sent.start
        for i in range(pronoun.i - 1, max(-1, sentence_start - 80), -1):
            chain = self.chain_at.get(i)
            if chain is None or self._locative(self.doc[i]):
                continue
            label = self.analysis.chains[chain].label
            if (label == "PERSON") == person:
                return chain
        return None

    def _armed_group_before(self, offset: int) -> int | None:
        """The armed group most recently named before `offset` ("soldiers", "the unit" stand for it)."""
        last = None
        for mention in self.analysis.mentions:
            if mention.span.start >= offset:
                break
            if mention.chain in self.armed_chains:
                last = mention.chain
        return last

    def _armed_chains(self) -> set[int]:
        armed = {c.id for c in self.analysis.chains if c.label in ("ORG", "NORP") and ARMED_NAME.search(c.name)}
        armed |= {f.subject_chain for f in self.analysis.facts if f.predicate == "description" and ARMED_DESCRIPTION.search(f.value)}
        return {c for c in armed if self.analysis.chains[c].label != "PERSON"}

    def _is_state(self, chain: int | None) -> bool:
        return chain is not None and self.analysis.chains[chain].label in ("GPE",)

    def _place(self, token: Token, dateline: bool = True) -> int | None:
        """The place in the trigger's phrase, else in its sentence, else the last named in its paragraph,
        else (with `dateline`) where the article was filed."""
        sentence = token.sent
        paragraph_start = text_of(self.doc).rfind("\n", 0, sentence.start_char) + 1
        coded = [m.start(1) for m in CODED_TO.finditer(text_of(self.doc), paragraph_start, sentence.end_char)]
        for index, place in enumerate(self.analysis.places):
            if place.span.start in coded and place.latitude is not None:
                return index  # the coder's own word for where the event is placed
        in_phrase = [self.place_at[t.i] for t in token.subtree if t.i in self.place_at and (self._locative(t) or self._object_of(t, token))]
        in_sentence = [self.place_at[t.i] for t in sentence if t.i in self.place_at and self._locative(t)]
        # resolved first, in the phrase before the sentence; an unresolved name over none
        local = [i for i in dict.fromkeys(in_phrase + in_sentence) if self.analysis.places[i].feature_code not in ("PCLI", "CONT")]
        local.sort(key=self._place_rank)
        if local:
            return self._town_within(self._bracketed_region(local[0]), sentence)
        earlier = [
            i for i, p in enumerate(self.analysis.places)
            if paragraph_start <= p.span.start < sentence.start_char and p.feature_code not in ("PCLI", "CONT", None)
            and self._locative(self._token_at(p.span.start))
        ]
        if earlier:
            # the latest of the most specific: "in Grand Rapids (Michigan). Demonstrators ...": Grand Rapids
            return self._bracketed_region(min(reversed(earlier), key=self._place_rank))
        countries = [i for i in in_phrase + in_sentence if self.analysis.places[i].feature_code == "PCLI"]
        if countries:
            return countries[0]
        text = self.analysis.article.text
        datelines = [
            i for i, p in enumerate(self.analysis.places)
            if p.mention is None and p.latitude is not None and (p.span.start == 0 or text[p.span.start - 1] == "\n")
        ]  # "CHARLOTTE - ...": a name at a line's start that no entity covers
        if datelines and not countries and dateline:
            return datelines[0]  # "CHARLOTTE - ... the police shooting of a black man here"
        named = [
            i for i, p in enumerate(self.analysis.places)
            if sentence.start_char <= p.span.start < sentence.end_char and p.latitude is not None and p.feature_code not in ("PCLI", "CONT")
        ]
        if named:
            # no place in a locative role nor a dateline, but the sentence names one: "gathered by the Parliament in Helsinki"
            # (the parse hangs the place elsewhere), "in Niteroi - Praias da Baia (Rio de Janeiro), ... entered"
            return min(named, key=self._place_rank)
        # "Russia attacked Ukraine": in Ukraine; "Russia's Attorney General filed a lawsuit": in Russia
        for party in (self._actor2(token, self._actor1(token)), self._actor1(token)):
            for index, place in enumerate(self.analysis.places):
                mention = place.mention
                if party is not None and mention is not None and self.analysis.mentions[mention].chain == party and place.feature_code == "PCLI":
                    return index
        return None

    def _town_within(self, index: int, sentence) -> int:
        """"A fuel tank was on fire in Crimea" in a report filed from "KERCH, CRIMEA --": a town the sentence or
        the dateline names inside the region the event is placed in is the more specific place, ACLED's."""
        region, text = self.analysis.places[index], self.analysis.article.text
        if region.feature_code not in ("ADM1", "ADM2"):
            return index
        for i, p in enumerate(self.analysis.places):
            inside = (p.feature_code or "").startswith("PPL") and p.country_code == region.country_code and p.admin1 == region.admin1 and (
                region.feature_code == "ADM1" or p.admin2 == region.admin2
            )
            dateline = p.mention is None and (p.span.start == 0 or text[p.span.start - 1] == "\n")
            if inside and (sentence.start_char <= p.span.start < sentence.end_char or dateline):
                return i
        return index

    def _object_of(self, word: Token, trigger: Token) -> bool:
        """A place the trigger acts on: "bombed Liubotyn, Kharkiv", "shelled Oleksandrivka"."""
        while word.dep_ in ("compound", "appos", "conj") and word.head.i != word.i:
            word = word.head
        return word.dep_ in ("dobj", "npadvmod") and word.head.i == trigger.i and trigger.pos_ == "VERB"

    def _bracketed_region(self, index: int) -> int:
        """A place the gazetteer does not know, followed by the regions holding it ("in Kandivali East
        (Mumbai Suburban, Maharashtra)"): the most specific of those it knows; else the place itself."""
        place, text = self.analysis.places[index], self.analysis.article.text
        if place.latitude is not None:
            return index
        opened = FOLLOWED_BY_REGIONS.match(text, place.span.end)
        if opened is None:
            return index
        closed = text.find(")", opened.end())
        inside = [i for i, p in enumerate(self.analysis.places) if opened.end() <= p.span.start < closed and p.latitude is not None]
        return min(inside, key=lambda i: self.analysis.places[i].span.start, default=index)

    def _place_rank(self, index: int) -> int:
        """A resolved place followed by the regions holding it ("Natal (Rio Grande do Norte)") is where
        the report places the event; then the most specific of those regions resolved (the village
        itself may be too small for the gazetteer); then any resolved place, then an unresolved one."""
        place = self.analysis.places[index]
        text = self.analysis.article.text
        if place.latitude is None:
            return 3
        if FOLLOWED_BY_REGIONS.match(text, place.span.end):
            return 0
        opened = text.rfind("(", 0, place.span.start)
        return 1 if opened >= 0 and ")" not in text[opened : place.span.start] and text.rfind("\n", 0, place.span.start) < opened else 2

    def _token_at(self, offset: int) -> Token:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.root if span is not None else self.doc[0]

    def _time(self, token: Token, sentence: Span) -> int | None:
        times = self.analysis.times
        in_sentence = [i for i, t in enumerate(times) if sentence.start <= t.span.start < sentence.end and t.start]
        if in_sentence:
            subtree = {t.idx for t in token.subtree}
            # the trigger's own date first, but a day or a month over a year ("gathered on 4 March ... the 2022 invasion")
            return min(in_sentence, key=lambda i: (((times[i].end or times[i].start) - times[i].start).days > 31, times[i].span.start not in subtree, i))
        paragraph_start = text_of(self.doc).rfind("\n", 0, sentence.start) + 1
        earlier = [i for i, t in enumerate(times) if paragraph_start <= t.span.start < sentence.start and t.start]
        if earlier:
            return earlier[-1]
        published = self.analysis.article.published
        if published is not None and token.idx < LEAD_CHARS:
            self.analysis.times.append(lead_date(token.idx, published))
            return len(self.analysis.times) - 1
        return None

    def _statement(self, token: Token, sentence: Span) -> tuple[int | None, Certainty]:
        best = None
        for index, statement in enumerate(self.analysis.statements):
            content = statement.content
            if content.start <= token.idx < content.end:
                if best is None or content.end - content.start < self.analysis.statements[best].content.end - self.analysis.statements[best].content.start:
                    best = index
        modal = any(c.lower_ in ("would", "could", "might", "may") for c in token.children if c.dep_ == "aux")
        if best is not None:
            statement = self.analysis.statements[best]
            certainty = presented(statement.certainty, statement.framing)  # how sure the report is: the reporter's "allegedly" too
            return best, "hedged" if modal and certainty in ("asserted", "reported") else certainty
        if any(c.dep_ == "neg" for c in token.children):
            return None, "denied"
        if HEDGES.search(sentence.text) or modal:
            return None, "hedged"
        if any(a.lemma_.lower() in REPORT_VERBS for a in token.ancestors):
            return None, "reported"
        return None, "asserted"

    def _link_quantities(self, events: list[Event]) -> None:
        """Numbers in an event's sentence belong to it. Its fatalities are the deaths reported from its
        sentence on, up to the next event's sentence, in its paragraph and at most `_DEATH_SENTENCES`
        sentences ("... attacked a checkpoint. Two soldiers were killed.")."""
        for index, event in enumerate(events):
            for quantity in self.analysis.quantities:
                if quantity.sentence.start == event.sentence.start and quantity.event is None:
                    quantity.event = index
        text = self.analysis.article.text
        starts = sorted({e.sentence.start for e in events})
        for event in events:
            if not _may_kill(event):
                continue
            later = [s for s in starts if s > event.sentence.start]
            end = min([later[0]] if later else [len(text)])
            paragraph_end = text.find("\n", event.sentence.start)
            if paragraph_end >= 0:
                end = min(end, paragraph_end)
            following = [s for s in self.analysis.sentences if event.sentence.start <= s.start < end][:_DEATH_SENTENCES]
            if following:
                event.fatalities = deaths(text[event.sentence.start : following[-1].end])
        coded = coded_deaths(text)
        lead = next((e for e in events if _may_kill(e)), None)
        if coded is not None and lead is not None:
            lead.fatalities = coded  # a coder's "1 fatality." counts the event the report codes
