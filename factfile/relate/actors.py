"""Map each within-document chain to one store actor, across documents, outlets, spellings and scripts.

A chain joins the stored actor that one of its names matches, by the strongest of these evidences:
  4  the same name (case, accents, punctuation aside);
  3  the same words in another order or script ("Freedom of Russia Legion", "Денис Капустин");
  2  an acronym of the actor's name ("RVC"), or a lone surname of a person's full name ("Nikitin");
  1  a similar spelling: the same consonant skeleton, as another language's transliteration writes it
     ("Selenskyj"/"Zelensky", "Prigoschin"/"Prigozhin"), and rapidfuzz ratio ≥ 70 on the transliterated
     words; a feminine "-a" form is another person ("Petrova" is not "Petrov").
An office the article gives a person ("Wagner chief Yevgeny Prigozhin") is stored as an alias found by
its exact name alone, so that an article that names the office without its holder ("the Wagner chief
said") joins that person; offices alone meet by one key whatever their noun or spelling ("The Kremlin’s press
secretary", "Kremlin spokesman"). A state body named without its country ("Investigative Committee",
"Komitet Śledczy") joins the stored bodies so named with a country when they are all one country's, and
none of them when they are several countries'. Weaker evidence needs the same kind of actor (person, organisation ...); ties go to the actor with more
mentions. Candidates come from indexed blocking keys stored on each alias (`Alias.signature`,
`initials`, `surname`, `block`), one query per document, so linking a document costs the same however
large the store is (an index lookup: log n). Every alias records why it was joined (`Alias.reason`),
and names a user split off an actor (`decisions.kept_apart`) are never added back to it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import bindparam, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from factfile.extract.chains import office_name
from factfile.extract.lang.cyrillic import HOME_QUALIFIED
from factfile.extract.lang.romanize import has_cyrillic
from factfile.extract.lang.titles import OFFICE_ALONE
from factfile.extract.names import (
    COUNTRY_ADJECTIVES,
    body_of,
    clean_name,
    content_words,
    country_in_english,
    government_of,
    initials,
    is_acronym,
    latin_key,
    name_key,
    oblique_case,
    signature,
    sound,
    sound_stem,
    state_named,
    union_in_english,
    unqualified_body,
)
from factfile.records import Chain, Mention
from factfile.relate import Linking, relaters
from factfile.relate.decisions import join_actors, kept_apart
from factfile.store.schema import Actor, Alias, Decision
from factfile.store.schema import Mention as StoredMention

KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place"}
_ORGANISATIONS = {"organization", "group"}
OFFICE = "office"  # an office's alias ("Wagner chief") is found by its exact name only, by articles that name no holder
FUZZY_THRESHOLD = 70


@dataclass(frozen=True, slots=True)
class NameKeys:
    """The blocking keys of one name (see module docstring)."""

    key: str
    signature: str
    initials: str | None
    surname: str | None
    block: str | None
    acronym: bool
    body: bool = False  # a state body named without its country ("Defence Ministry")
    first_last: str | None = None  # a person's first name and surname, when a middle name stands between
    state: bool = False  # the country a government's name stands for ("Russia" for "the Kremlin"): as telling as a full name

    @classmethod
    def of(cls, name: str, kind: str, state: bool = False) -> NameKeys:
        surname_first = kind == "person" and surname_first_name(name)
        if surname_first:
            name = surname_first
        key = name_key(name)
        words = content_words(name)
        many = len(words) >= 2
        skeleton = sound(name).replace(" ", "")
        return cls(
            key=key,
            signature=signature(name, person=kind == "person"),
            initials=initials(name)[:16] if many else None,
            surname=_surname(words[0] if surname_first else words[-1], name) if many and kind == "person" else None,
            block=f"{len(words)}{skeleton}"[:16] if len(skeleton) >= 2 else None,  # same length, same consonant skeleton
            acronym=is_acronym(name),
            body=kind != "person" and unqualified_body(name),
            first_last=_first_last(name) if kind == "person" else None,
            state=state,
        )

    @property
    def surname_keys(self) -> tuple[str, ...]:
        """The keys by which this name finds a person whose surname it may be: a one-word name as written and
        transliterated ("Zełenski", "zelenski"), and the one word of a name besides its particles ("von der Leyen")."""
        keys = (self.key, latin_key(self.key)) if " " not in self.key else ()
        if self.signature and " " not in self.signature:
            keys += (self.signature,)
        return tuple(dict.fromkeys(keys))


# A patronymic after the first name, as official Russian and Ukrainian lists write a person ("Малюк Василий
# Васильевич", "Юсубов Самір Сеймур-Огли"), in any case form ("Малюку Василию Васильевичу").
_PATRONYMIC = re.compile(r"^\w+(?:ovi?ch|evi?ch|ovych|evych|ovn|evn|ivn|ichn|ович|евич|йович|ьович|овн|евн|івн|ичн)\w{0,2}$")
_AZERI_PATRONYMIC = frozenset({"ogli", "ogly", "oglu", "kyzy", "kizi", "gyzy", "огли", "оглы", "оглу", "кызы", "кизи"})


def surname_first_name(name: str) -> str | None:
    """"Малюк Василий" of "Малюк Василий Васильевич": a person written surname, first name, patronymic,
    without the patronymic; None for a name not written so."""
    words, written = name_key(name).split(), re.findall(r"\w+", clean_name(name))
    if len(words) != len(written):
        return None
    if len(words) == 4 and words[3] in _AZERI_PATRONYMIC or len(words) == 3 and _PATRONYMIC.match(words[2]) and not _PATRONYMIC.match(words[1]):
        return " ".join(written[:2])
    return None


def _surname(word: str, name: str) -> str | None:
    """A person's surname (`word`, transliterated) as the key a lone surname finds them by, unless the name
    ends in a state's name: "head of state of Russia" and "Президент России", a president's office aliases,
    are not full names of "Russia"."""
    written = re.findall(r"\w+", clean_name(name))
    return None if state_named(word) or written and state_named(written[-1]) else word[:100]


def _first_last(name: str) -> str | None:
    """"rafael grossi" of "Rafael Mariano Grossi", "vladimir putin" of "Vladimir Vladimirovich Putin"."""
    words = name_key(name).split()
    return f"{words[0]} {words[-1]}" if len(words) == 3 and all(len(w) > 1 for w in words) else None


@dataclass(slots=True)
class Candidate:
    """An alias of a live actor, as fetched for matching."""

    actor_id: int
    kind: str
    name: str
    keys: NameKeys
    mentions: int


def _compact(key: str) -> str:
    return key.upper().replace(" ", "")


class Pool:
    """The candidates of one document, indexed by each blocking key so a name meets only its own."""

    def __init__(self, candidates: list[Candidate]):
        self.all: list[Candidate] = []
        self.index: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
        self.totals: dict[int, int] = defaultdict(int)
        self.surnames: dict[str, set[int]] = defaultdict(set)
        for candidate in candidates:
            self.add(candidate)

    def add(self, candidate: Candidate) -> None:
        keys = candidate.keys
        self.all.append(candidate)
        self.totals[candidate.actor_id] += candidate.mentions
        for field, value in (("key", keys.key), ("signature", keys.signature), ("initials", keys.initials),
                             ("surname", keys.surname), ("block", keys.block), ("compact", _compact(keys.key) if keys.acronym else None)):
            if value:
                self.index[(field, value)].append(candidate)
        if keys.surname:
            self.surnames[keys.surname].add(candidate.actor_id)

    def near(self, name: NameKeys) -> list[Candidate]:
        lookups = [("key", name.key), ("signature", name.signature), ("block", name.block)]
        if name.acronym:
            lookups.append(("initials", _compact(name.key)))
        if name.initials:
            lookups.append(("compact", name.initials))
        lookups += [("surname", key) for key in name.surname_keys]
        if name.first_last:
            lookups.append(("key", name.first_last))
        found = {id(c): c for field, value in lookups if value for c in self.index.get((field, value), ())}
        return list(found.values())

    def renumber(self, placeholders: dict[int, int]) -> None:
        """Give the document's new actors their ids once they are flushed."""
        for candidate in self.all:
            candidate.actor_id = placeholders.get(candidate.actor_id, candidate.actor_id)
        self.surnames = defaultdict(set, {k: {placeholders.get(a, a) for a in v} for k, v in self.surnames.items()})


@dataclass(slots=True)
class Match:
    actor_id: int
    strength: int
    reason: str
    same_kind: bool
    mentions: int

    specific: bool  # matched by a many-word name or an acronym, not by one word like "Legion"
    full_name: bool  # the actor has a full name this one word is the surname of ("Trump" → "Donald Trump")

    def rank(self) -> tuple:
        return (self.specific, self.strength, self.full_name, self.same_kind, self.mentions, -self.actor_id)


@relaters.register("actors")
def make_actor_linker():
    def link(linking: Linking) -> None:
        with linking.session.no_autoflush:
            _link(linking)

    return link


def _link(linking: Linking) -> None:
    session = linking.session
    chains = [chain for chain in linking.analysis.chains if chain.not_an_actor is None]
    _states_are_no_persons(chains)
    _name_unions(chains, linking.analysis.article.language)
    kinds = {chain.id: KIND_OF_LABEL.get(chain.label, "other") for chain in chains}
    countries = _name_places(linking.analysis, [chain for chain in chains if kinds[chain.id] == "place"])
    states = countries | _name_states(chains)
    bodies = [chain for chain in chains if kinds[chain.id] in _ORGANISATIONS]
    _name_bodies_without_country(bodies)
    _name_ministries_of_ministers(bodies, chains, linking.analysis.mentions)
    _name_offices([chain for chain in chains if kinds[chain.id] == "person"])
    names = {chain.id: _names(chain) for chain in chains}
    keys = {chain.id: [NameKeys.of(n, kinds[chain.id], state=states.get(chain.id) == n) for n in names[chain.id]] for chain in chains}
    offices = [NameKeys(k, "", None, None, None, False) for chain in chains for o in chain.offices for k in _office_keys(o)]
    pool = Pool(_candidates(session, [k for ks in keys.values() for k in ks] + offices))
    created: dict[int, dict] = {}
    reasons: dict[int, str] = {}  # chain -> why it joined a stored actor
    qualified = _bodies_with_country(session, pool, keys)
    sounded = _sounded(session, [chain for chain in chains if chain.known_only], names)
    for chain in chains:
        if chain.known_only:
            found = sounded.get(chain.id) or _same_name(keys[chain.id], kinds[chain.id], pool)
            if found is None:
                chain.not_an_actor = "a name guessed from a word (a rare word without capitals, a group's fighters) that no stored actor has"
                continue
            linking.actor_of_chain[chain.id], kinds[chain.id], reasons[chain.id] = found
            continue
        match = _best_match(keys[chain.id], kinds[chain.id], pool, _kind_guessed(linking.analysis, chain), qualified, len(chain.mentions))
        alone = OFFICE_ALONE in chain.offices.values()
        if alone and (match is None or match.strength < 4):
            if not _names_a_body(chain.name):
                chain.not_an_actor = "an office written alone that no article gives anyone by this name"
                continue
            match = None  # a person known by the office, whom an article naming its holder joins (_absorb_office_actors)
        if match is None:
            created[chain.id] = {"name": chain.name[:500], "kind": kinds[chain.id], "label": chain.label}
            actor_id = -chain.id - 1  # placeholder until the new actors are inserted together
            for name, name_keys in zip(names[chain.id], keys[chain.id], strict=True):
                pool.add(Candidate(actor_id, kinds[chain.id], name, name_keys, len(chain.mentions)))
                if (body := body_of(name)) and body[0]:
                    qualified[actor_id].add((signature(body[1]), body[0]))
        else:
            actor_id = match.actor_id
            reasons[chain.id] = match.reason
            for name, name_keys in zip(names[chain.id], keys[chain.id], strict=True):  # "Zełenski", found by "Zełenskiego" later on
                if name_keys.key not in {c.keys.key for c in pool.index.get(("key", name_keys.key), ()) if c.actor_id == actor_id}:
                    pool.add(Candidate(actor_id, kinds[chain.id], name, name_keys, 0))
        linking.actor_of_chain[chain.id] = actor_id
    placeholders = {}
    if created:
        inserted = session.execute(insert(Actor).returning(Actor.id, sort_by_parameter_order=True), list(created.values()))
        placeholders = {-chain_id - 1: actor_id for chain_id, actor_id in zip(created, inserted.scalars(), strict=True)}
    for chain_id, actor_id in linking.actor_of_chain.items():
        linking.actor_of_chain[chain_id] = placeholders.get(actor_id, actor_id)
    pool.renumber(placeholders)
    apart = _held_apart(session, pool.all)
    _absorb_surname_actors(linking, keys, kinds, pool, apart)
    _absorb_named_actors(linking, keys, kinds, pool, apart)
    _absorb_acronym_actors(linking, keys, kinds, pool, apart)
    _absorb_office_actors(linking, pool, apart)
    _count_aliases(linking, kinds, reasons, apart)


def _states_are_no_persons(chains: list[Chain]) -> None:
    """A person and a state never share a record (only a user's merge makes them one): a chain the model
    took for a person whose name names a state ("У Кремлі", "Росії") is the state, and a person's chain
    keeps no state's name among its aliases ("Russia" beside "Putin")."""
    for chain in chains:
        if chain.label != "PERSON":
            continue
        if state_named(chain.name):
            chain.label = "GPE"
            continue
        chain.aliases = [a for a in chain.aliases if not state_named(a)]


def _name_unions(chains: list[Chain], language: str | None) -> None:
    """A union of states named in another language ("ONU", "ONZ", "ООН", "UNO", "Nations unies") also goes by its
    English name (`names.union_in_english`), and is an organisation whatever a reader took it for."""
    for chain in chains:
        if chain.label == "PERSON":
            continue
        english = next((u for u in (union_in_english(n, language) for n in _names(chain)) if u), None)
        if english:
            chain.label = "ORG"
            _give_alias(chain, english, "the union's name in English")


def _person_and_state(kind: str, name: NameKeys, candidate: Candidate) -> bool:
    """Whether a name would join a person to a state's record, or a state's name to a person's."""
    if kind == "person":
        return candidate.kind != "person" and state_named(candidate.name) is not None
    return candidate.kind == "person" and (name.state or state_named(name.key) is not None)


def _same_name(names: list[NameKeys], kind: str, pool: Pool) -> tuple[int, str, str] | None:
    """(actor, kind, why) of the stored actor of this kind (organisations being one kind) that has one of
    these very names, or its words in another order, the one with most mentions; None if none has."""
    found = [c for n in names for c in pool.near(n) if (c.keys.key == n.key or n.signature and c.keys.signature == n.signature)
             and c.actor_id > 0 and (c.kind == kind or {c.kind, kind} <= _ORGANISATIONS)]
    if not found:
        return None
    best = max(found, key=lambda c: (pool.totals[c.actor_id], -c.actor_id))
    return best.actor_id, best.kind, f"same name as “{best.name}”"


def _office_keys(office: str) -> tuple[str, ...]:
    """The keys an office the article gives a person is stored under: as written, and as `office_name` has it,
    in that order, so that alias rows are written in the same order on every run."""
    key = name_key(office)
    canonical = office_name(office)
    return (key, canonical) if canonical and canonical != key else (key,)


def _name_offices(chains: list[Chain]) -> None:
    """A person known by an office alone ("The Kremlin’s press secretary", "Russia’s defence minister") also
    goes by the office's one key (`office_name`: "kremlin spokesman"), by which it finds the person other
    articles give that office whatever their noun or spelling ("Kremlin spokesman Dmitry Peskov")."""
    for chain in chains:
        for name in _names(chain):
            office = office_name(name)
            if office:
                _give_alias(chain, office, f"the office “{name}” names, as other articles write it", key=office)


def _name_bodies_without_country(chains: list[Chain]) -> None:
    """A body named with its country ("Russian Investigative Committee", "Comité national antiterroriste
    russe") also goes by its words alone ("Investigative Committee", "Anti Terrorism Committee"), the name
    by which articles that do not say whose it is find it (`_only_body`); words that do not say whose
    ("National") are left out of that name, so that "Comité antiterroriste" finds it too."""
    for chain in chains:
        for name in _names(chain):
            body = body_of(name)
            if body is None:
                continue
            country, words = body
            forms = {words.title(): f"“{name}” without {'its country' if country else 'the words that do not say whose it is'}"}
            if country:  # "nationales Ermittlungskomitee" of Russia is its "Russian Investigative Committee"
                forms[f"{COUNTRY_ADJECTIVES.get(country, country)} {words.title()}"] = f"“{name}” without the words that do not say whose it is"
            for form, why in forms.items():
                _give_alias(chain, form, why)


_MINISTER = re.compile(r"(?i)\bminister\b")


def _name_ministries_of_ministers(bodies: list[Chain], chains: list[Chain], mentions: list[Mention]) -> None:
    """"The Defence Ministry" in an article that calls someone Russia's defence minister ("Russian Defense
    Minister Sergei Shoigu", "Russia’s defense minister" alone) is Russia's: it also goes by the country's
    name of it ("Russian Defense Ministry"), which finds that country's ministry, not another country's of
    those words. Ministers of several countries' ministries of those words leave it as it is."""
    ministries: dict[str, set[str]] = defaultdict(set)
    offices = {o for chain in chains for o in (*chain.offices, chain.name)} | {m.span.text for m in mentions if m.role == "description"}
    for office in {o for o in offices if _MINISTER.search(o)}:
        body = body_of(_MINISTER.sub("ministry", office))
        if body and body[0]:
            ministries[signature(body[1])].add(body[0])
    for chain in bodies:
        named = [body for name in _names(chain) if (body := body_of(name))]
        countries = {c for country, words in named if country is None for c in ministries.get(signature(words), ())}
        if len(countries) != 1 or any(country for country, _ in named):
            continue
        (country,) = countries
        words = next(words for _, words in named if country in ministries.get(signature(words), ()))
        _give_alias(chain, f"{COUNTRY_ADJECTIVES.get(country, country)} {words.title()}", f"the ministry of {country}'s minister the article names")


def _bodies_with_country(session: Session, pool: Pool, keys: dict[int, list[NameKeys]]) -> dict[int, set[tuple[str, str]]]:
    """Stored organisations a name of a body without its country finds -> the bodies they are named as
    with a country, (signature of the body's words, country): one query."""
    found: dict[int, set[tuple[str, str]]] = defaultdict(set)
    ids = {c.actor_id for ks in keys.values() for n in ks if n.body for c in pool.near(n) if c.actor_id > 0 and c.kind in _ORGANISATIONS}
    if ids:
        for actor_id, name in session.execute(select(Alias.actor_id, Alias.name).where(Alias.actor_id.in_(sorted(ids)))):
            if (body := body_of(name)) and body[0]:
                found[actor_id].add((signature(body[1]), body[0]))
    return found


def _only_body(name: NameKeys, candidates: list[Candidate], qualified: dict[int, set[tuple[str, str]]]) -> tuple[list[Candidate], str]:
    """The candidates a name of a body without its country ("Investigative Committee") may join: the
    stored bodies so named with a country when all are one country's ("Russian Investigative Committee");
    none named with a country when they are several countries' (the UK's and Russia's defence ministries)."""
    body = body_of(name.key)
    if body is None:
        return candidates, ""
    words = signature(body[1])
    countries = {c.actor_id: {country for sig, country in qualified.get(c.actor_id, ()) if sig == words} for c in candidates}
    every = set().union(*countries.values())
    if len(every) == 1:
        return [c for c in candidates if countries[c.actor_id]], f", the only country's body so named ({next(iter(every))})"
    return [c for c in candidates if not countries[c.actor_id]], ""


def _sounded(session: Session, chains: list[Chain], names: dict[int, list[str]]) -> dict[int, tuple[int, str, str]]:
    """Chains of names guessed in Arabic or Devanagari script (`extract/lang/uncased.py`) -> (actor, kind, why) of the stored
    person or organisation one of whose names has a consonant skeleton the name may have (its full name
    before its surname; of several such actors, the one whose names were written most). One indexed query."""
    if not chains:
        return {}
    from factfile.extract.lang.uncased import blocks, uncased_letters

    wanted = {chain.id: [(name, blocks(name)) for name in names[chain.id] if uncased_letters(name)] for chain in chains}
    every = set().union(*(b for forms in wanted.values() for _, b in forms))
    if not every:
        return {}
    rows = session.execute(
        select(Alias.actor_id, Actor.kind, Alias.name, Alias.block, Alias.mentions).join(Actor, Actor.id == Alias.actor_id)
        .where(Actor.merged_into_id.is_(None), Alias.block.in_(sorted(every)), Actor.kind.in_(("person", *_ORGANISATIONS)), Alias.mentions > 0)
    ).all()
    found = {}
    for chain_id, forms in wanted.items():
        for name, keys in forms:
            written: Counter = Counter()
            for actor_id, kind, alias, block, mentions in rows:
                if block in keys:
                    written[(actor_id, kind, alias)] += mentions
            totals = Counter()
            for (actor_id, kind, _), mentions in written.items():
                totals[(actor_id, kind)] += mentions
            if totals:
                (actor_id, kind), _ = totals.most_common(1)[0]
                alias = max((a for a in written if a[0] == actor_id), key=written.get)[2]
                found[chain_id] = (actor_id, kind, f"“{name}” sounds like “{alias}”")
                break
    return found


def _names_a_body(office: str) -> bool:
    """Whether an office written alone names whose it is by a name ("представитель Кремля"), not by an
    adjective alone ("белорусский лидер"), so that it is one post."""
    return any(word[:1].isupper() for word in office.split()[1:])


def _name_places(analysis, chains: list[Chain]) -> dict[int, str]:
    """Give a place named as an actor its English name, so that "Russland", "Rosja" and "Russia", or
    "Kiew", "Киев" and "Kyiv", are one actor: a country's from CLDR, else the gazetteer's name of the
    place most of the chain's mentions resolve to. Returns the countries so named ("Russia" for "Russian
    Federation"), whose one word is as telling as the chain's full name."""
    countries = {}
    resolved: dict[int, Counter] = defaultdict(Counter)
    for place in analysis.places:
        if place.geonames_id is not None and place.mention is not None and place.mention < len(analysis.mentions):
            chain_id = analysis.mentions[place.mention].chain
            if chain_id is not None:
                resolved[chain_id][place.name] += 1
    for chain in chains:
        english = next((c for c in map(country_in_english, [chain.name, *chain.aliases]) if c), None)
        reason = "the English name of the country"
        if english is None and resolved.get(chain.id):
            (english, votes), *rest = resolved[chain.id].most_common(2)
            reason = "the gazetteer's name of the place it names"
            if rest and rest[0][1] == votes:
                continue
        if english:
            _give_alias(chain, english, reason)
            if reason == "the English name of the country":
                countries[chain.id] = english
    return countries


def _name_states(chains: list[Chain]) -> dict[int, str]:
    """A government goes by its country's name, the state and its government being one actor: "the
    Kremlin" and "Ukrainian authorities" join Russia and Ukraine. Returns the country named for each chain."""
    states = {}
    for chain in chains:
        country = next((c for c in map(government_of, [chain.name, *chain.aliases]) if c), None)
        if country and _give_alias(chain, country, f"the government of {country}, which is one actor with the state"):
            states[chain.id] = country
    return states


def _names(chain: Chain) -> list[str]:
    return [n for n in dict.fromkeys([chain.name, *chain.aliases]) if name_key(n)]


def _give_alias(chain: Chain, form: str, why: str, key: str | None = None) -> bool:
    """Add `form` to the chain's names, with why, unless one of them has its key already (`key`, else its
    `name_key`); whether it was added."""
    if (key if key is not None else name_key(form)) in {name_key(n) for n in _names(chain)}:
        return False
    chain.aliases.append(form)
    chain.alias_reasons[form] = why
    return True


def _candidates(session: Session, keys: list[NameKeys]) -> list[Candidate]:
    """Aliases of live actors sharing any blocking key with the document's names: one indexed query."""
    wanted = {
        Alias.key: {k.key for k in keys} | {k.first_last for k in keys if k.first_last} | {k.initials.lower() for k in keys if k.initials}
        | {" ".join(k.initials.lower()) for k in keys if k.initials},  # "UN" and "U.N." for "United Nations"
        Alias.signature: {k.signature for k in keys if k.signature},
        Alias.initials: {k.key.upper().replace(" ", "") for k in keys if k.acronym},
        Alias.surname: {s for k in keys for s in k.surname_keys},
        Alias.block: {k.block for k in keys if k.block},
    }
    conditions = [column.in_(sorted(values)) for column, values in wanted.items() if values]
    if not conditions:
        return []
    rows = session.execute(
        select(Alias.actor_id, Actor.kind, Alias.name, Alias.key, Alias.signature, Alias.initials, Alias.surname, Alias.block, Alias.mentions)
        .join(Actor, Actor.id == Alias.actor_id)
        .where(Actor.merged_into_id.is_(None), or_(*conditions))
    )
    return [
        Candidate(actor_id, kind, name, NameKeys(key, sig or "", ini, sur, blk, len(key) <= 16 and is_acronym(name)), mentions or 0)
        for actor_id, kind, name, key, sig, ini, sur, blk, mentions in rows
    ]


def _kind_guessed(analysis, chain: Chain) -> bool:
    """Pages in other Latin-script languages are read without a model (`extract/lang/latin.py`): a lone
    capitalised word there is called an organisation for want of better, and may be a person
    ("Selenskyjs", "Prigoschin"). A place the gazetteer knows none of the mentions of is as unsure: the
    model calls names it has not seen places ("Mykhaylo Podolyak", "Rosaviatsia")."""
    if KIND_OF_LABEL.get(chain.label) == "place":
        members = set(chain.mentions)
        return not any(p.geonames_id is not None and p.mention in members for p in analysis.places)
    language = (analysis.article.language or "en").split("-")[0]
    return language != "en" and chain.label == "ORG" and not has_cyrillic(chain.name) and " " not in name_key(chain.name)


@lru_cache(maxsize=65536)
def _known_place(name: str) -> bool:
    """Whether the gazetteer knows the name: a stored "place" it does not know ("Rosaviatsia", as the
    model typed it) may be an organisation or a person, as `_kind_guessed` says of a new chain."""
    from factfile.extract.gazetteer import load_gazetteer

    return bool(load_gazetteer().lookup(name))


def _best_match(names: list[NameKeys], kind: str, pool: Pool, kind_guessed: bool = False,
                qualified: dict[int, set[tuple[str, str]]] | None = None, weight: int = 0) -> Match | None:
    """The strongest match; a chain with a full name must match on a full name or acronym, not on
    one shared word ("Minyon Moore" is not "Gwen Moore" because both are called "Moore"). A chain whose
    kind is only guessed may join a person or an organisation. A body's name without its country counts
    only when no other name of the chain matches ("Ermittlungskomitee", translated "Investigative Committee")
    and none says whose the body is. A chain of `weight` mentions may join a person or organisation of the
    other kind by spelling or script when that actor is named far more often (`_outweighed`)."""
    plain = [n for n in names if not n.body]  # "Defence Ministry" is whose the article says: match "Russian Defence Ministry"
    best = _strongest(plain, kind, pool, kind_guessed, weight=weight) if plain else None
    says_whose = any((body := body_of(n.key)) and body[0] for n in names)  # "Armed Forces Russia" is not Ukraine's
    if best is None and len(plain) < len(names) and not says_whose:
        best = _strongest([n for n in names if n.body], kind, pool, kind_guessed, qualified or {}, weight)
    return best


def _strongest(names: list[NameKeys], kind: str, pool: Pool, kind_guessed: bool, qualified: dict[int, set[tuple[str, str]]] | None = None,
               weight: int = 0) -> Match | None:
    """`_best_match` over some of a chain's names. Names of a body without its country (`qualified` given)
    join only the bodies of the one country whose body is so named (`_only_body`)."""
    best: Match | None = None
    has_full_name = any(" " in n.key for n in names)  # of the names matched: "Генпрокуратура" is one word, its translation a body
    totals, surnames = pool.totals, pool.surnames
    for name in names:
        candidates, why = pool.near(name), ""
        if qualified is not None:
            candidates, why = _only_body(name, candidates, qualified)
        for candidate in candidates:
            evidence = _evidence(name, "person" if kind_guessed and candidate.kind == "person" else kind, candidate)
            if evidence is None or _person_and_state(kind, name, candidate):
                continue
            strength, reason = evidence
            reason += why
            spelled = strength in (1, 3)  # a place of unsure kind joins by its spelling or script, not as an acronym ("RT")
            same_kind = candidate.kind == kind or {candidate.kind, kind} <= _ORGANISATIONS or (
                kind_guessed and candidate.kind in _ORGANISATIONS | {"person"} and (kind != "place" or spelled)) or (
                candidate.kind == "place" and kind in _ORGANISATIONS | {"person"} and spelled and not _known_place(candidate.name)) or (
                spelled and _outweighed(kind, candidate.kind, weight, totals[candidate.actor_id]))
            if strength < 4 and not same_kind:
                continue
            if kind == "person" and candidate.kind != "person" and " " not in name.key and not name.acronym and surnames.get(name.key):
                continue  # "Ford" where John M. Ford and Mike Ford are in play is one of them, not the carmaker
            specific = " " in name.key or name.acronym or name.state
            if has_full_name and not specific:
                continue
            full_name = candidate.actor_id in surnames.get(name.key, ()) or candidate.actor_id in surnames.get(latin_key(name.key), ())
            match = Match(candidate.actor_id, strength, reason, same_kind, totals[candidate.actor_id], specific, full_name)
            if best is None or match.rank() > best.rank():
                best = match
    return best


# How many times more often a stored actor must be named than a new chain for the chain's kind (person or
# organisation, as the model or a reader guessed it for one article) to give way to the actor's.
OUTWEIGH = 5


def _outweighed(kind: str, other: str, weight: int, mentions: int) -> bool:
    """"Yvegney Prigozhin", which one article's reading took for an organisation: a name spelled like a person
    or organisation named far more often is that actor, whatever kind one reading gave it."""
    return weight > 0 and {kind, other} <= _ORGANISATIONS | {"person"} and mentions >= OUTWEIGH * weight


def _evidence(name: NameKeys, kind: str, candidate: Candidate) -> tuple[int, str] | None:
    """How strongly, and why, a name of the new chain names the candidate's actor."""
    other = candidate.keys
    quoted = f"“{candidate.name}”"
    if name.key == other.key:
        return 4, f"same name as {quoted}"
    if name.signature and name.signature == other.signature:
        return 3, f"same words as {quoted} in another order or script"
    if kind == "person" and candidate.kind == "person" and name.first_last and name.first_last == other.key:
        return 3, f"the first name and surname of {quoted}, with a middle name"
    if kind in _ORGANISATIONS or kind == "other":
        if name.acronym and other.initials and name.key.upper().replace(" ", "") == other.initials:
            return 2, f"acronym of {quoted}"
        if other.acronym and name.initials and name.initials == other.key.upper().replace(" ", ""):
            return 2, f"{quoted} is its acronym"
    if kind == "person" and candidate.kind == "person" and other.surname and other.surname in name.surname_keys:
        return 2, f"surname of {quoted}"
    if name.block and name.block == other.block and not name.acronym and not other.acronym:
        score = similar_spelling(name.key, other.key)
        if score is not None:
            return 1, f"similar spelling to {quoted} ({score:.0f}/100)"
    return None


def similar_spelling(a: str, b: str) -> float | None:
    """How alike two names are spelled (rapidfuzz ratio of their words lined up by consonant skeleton),
    when the skeletons agree word for word, no word is a feminine "-a" form of the other's ("Petrova",
    "Alexandra") and the ratio reaches FUZZY_THRESHOLD; else None."""
    words, other_words = (sorted(content_words(n), key=sound_stem) for n in (a, b))
    if len(words) != len(other_words) or (len(words) == 1 and len(sound_stem(words[0])) < 3 and len(words[0]) < 6):
        return None
    for word, other in zip(words, other_words, strict=True):
        if sound_stem(word) != sound_stem(other) or (word.rstrip("s")[-1:] == "a") != (other.rstrip("s")[-1:] == "a") \
                or _another_vowel(word, other):
            return None
    score = fuzz.ratio(" ".join(words), " ".join(other_words))
    return score if score >= FUZZY_THRESHOLD else None


# Vowels that transliterations write one for another ("Sergei" / "Sergii", "Oleksei" / "Oleksii"; "y" is any's).
_TRANSLITERATED_VOWELS = frozenset({"e", "i"})


def _another_vowel(word: str, other: str) -> bool:
    """"Tim" / "Tom", "Dan" / "Don": words alike but for one vowel inside, which spells another name rather
    than another transliteration (those vary consonants, endings, "y" and "e"/"i": "Ihor" / "Igor")."""
    if len(word) != len(other) or not word.isascii() or not other.isascii():
        return False
    differ = [(i, a, b) for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    if len(differ) != 1:
        return False
    i, a, b = differ[0]
    return 0 < i < len(word) - 1 and {a, b} <= set("aeiou") and {a, b} != _TRANSLITERATED_VOWELS


def _absorb_surname_actors(linking: Linking, keys, kinds, pool: Pool, apart: dict[int, set[str]]) -> None:
    """An actor known only by a surname ("Trump", from articles that never gave the full name) joins
    the person whose full name this article gives, when no other known person has that surname."""
    session = linking.session
    for chain in (c for c in linking.analysis.chains if c.not_an_actor is None):
        actor_id = linking.actor_of_chain[chain.id]
        surnames = {k.surname for k in keys[chain.id] if k.surname}
        if kinds[chain.id] != "person" or not surnames:
            continue
        if {a for s in surnames for a in pool.surnames.get(s, ())} - {actor_id}:
            continue  # "Clinton" could be Hillary or Bill: leave it
        one_word = {c.actor_id for s in surnames for c in pool.index.get(("key", s), ()) if c.actor_id != actor_id}
        for other in sorted(one_word):
            other_keys = set(session.scalars(select(Alias.key).where(Alias.actor_id == other)))
            if other_keys and other_keys <= surnames and not other_keys & apart.get(actor_id, set()):
                name = next(iter(other_keys))
                join_actors(session, actor_id, [other], f"its only name “{name}” is the surname of “{chain.name}” (document {linking.document.id})")
                pool.renumber({other: actor_id})


def _absorb_named_actors(linking: Linking, keys, kinds, pool: Pool, apart: dict[int, set[str]]) -> None:
    """Two stored organisations this article names as one: its chain joined one by a full name or an
    acronym of three letters or more, and names the other by a full name of several words, in the same
    words ("Служба безпеки України", which the article also calls СБУ, is the "Security Service of Ukraine"
    another article stored apart). A name without its country ("Defence Ministry") never bridges two."""
    session = linking.session
    for chain in (c for c in linking.analysis.chains if c.not_an_actor is None and kinds[c.id] in _ORGANISATIONS):
        actor_id = linking.actor_of_chain[chain.id]
        others: dict[int, str] = {}
        for name in keys[chain.id]:
            if name.body or name.state or not (" " in name.key or name.acronym and len(name.key) >= 3):
                continue
            for candidate in pool.near(name):
                evidence = _evidence(name, kinds[chain.id], candidate)
                if candidate.actor_id == actor_id or candidate.kind not in _ORGANISATIONS or evidence is None or evidence[0] < 3 \
                        or " " not in candidate.keys.key or candidate.keys.body or candidate.keys.key in apart.get(actor_id, set()):
                    continue
                others.setdefault(candidate.actor_id, evidence[1])
        for other, why in sorted(others.items()):
            join_actors(session, actor_id, [other], f"{why}, a name of “{chain.name}” (document {linking.document.id})")
            pool.renumber({other: actor_id})


def _absorb_acronym_actors(linking: Linking, keys, kinds, pool: Pool, apart: dict[int, set[str]]) -> None:
    """An organisation known only by an acronym ("МЧС", from articles that never spelled it out) or by one rare
    word ("Генпрокуратура") joins the one this article names by a full name with that acronym or word ("МЧС
    России" ... "МЧС"; "Генеральная прокуратура РФ" ... "Генпрокуратуры"), as a lone surname joins the person
    named in full. A full name without its country ("Defence Ministry") does not tell whose the acronym is;
    names added without a mention (translations, romanisations) do not count. A word of the language ("Office",
    "Кремль") is no one's name alone."""
    session = linking.session
    language = (linking.analysis.article.language or "en").split("-")[0]
    for chain in (c for c in linking.analysis.chains if c.not_an_actor is None and kinds[c.id] in _ORGANISATIONS):
        names = keys[chain.id]
        if not any(" " in n.key and not n.body for n in names):
            continue
        actor_id = linking.actor_of_chain[chain.id]
        for name in (n for n in names if n.acronym and len(n.key) >= 3 or _rare_word(n.key, language)):
            others = {c.actor_id: c.name for c in pool.index.get(("key", name.key), ()) if c.actor_id != actor_id and c.kind in _ORGANISATIONS}
            for other, acronym in sorted(others.items()):
                named = {key for key, mentions in session.execute(select(Alias.key, Alias.mentions).where(Alias.actor_id == other)) if mentions}
                if named == {name.key} and name.key not in apart.get(actor_id, set()):
                    join_actors(session, actor_id, [other], f"its only name “{acronym}” is the acronym this article gives “{chain.name}” "
                                f"(document {linking.document.id})")
                    pool.renumber({other: actor_id})


# Zipf frequency from which a word is an ordinary word of its language, no organisation's name alone.
_ORDINARY = 4.0


def _rare_word(key: str, language: str) -> bool:
    """A one-word name of five letters or more that is no ordinary word of the article's language."""
    from factfile.extract import frequency

    return " " not in key and len(key) >= 5 and frequency.zipf(key, language) < _ORDINARY


def _absorb_office_actors(linking: Linking, pool: Pool, apart: dict[int, set[str]]) -> None:
    """An actor known only by an office ("Kremlin spokesman", from articles that never named its
    holder) joins the person this article gives that office ("Kremlin spokesman Dmitry Peskov")."""
    session = linking.session
    for chain in (c for c in linking.analysis.chains if c.not_an_actor is None and c.offices):
        actor_id = linking.actor_of_chain[chain.id]
        for office, titled in chain.offices.items():
            if titled == OFFICE_ALONE:
                continue
            keys = _office_keys(office)
            for other in sorted({c.actor_id for key in keys for c in pool.index.get(("key", key), ()) if c.actor_id != actor_id}):
                names = set(session.scalars(select(Alias.key).where(Alias.actor_id == other)))
                if names and all(n in keys or office_name(n) in keys for n in names) and not names & apart.get(actor_id, set()):
                    join_actors(session, actor_id, [other], f"its only name “{office}” is the office “{titled}” gives “{chain.name}” (document {linking.document.id})")
                    pool.renumber({other: actor_id})


def _held_apart(session: Session, candidates: list[Candidate]) -> dict[int, set[str]]:
    """For each actor, the name keys a user split off it (held by actors kept apart from it)."""
    if not session.scalar(select(exists().where(Decision.kind == "split"))):
        return {}
    apart = kept_apart(session)
    keys_of: dict[int, set[str]] = defaultdict(set)
    for candidate in candidates:
        keys_of[candidate.actor_id].add(candidate.keys.key)
    return {actor: {k for other in others for k in keys_of.get(other, ())} for actor, others in apart.items()}


def _count_aliases(linking: Linking, kinds: dict[int, str], matched: dict[int, str], apart: dict[int, set[str]]) -> None:
    """Add each chain's names to its actor's aliases, counting the mentions that used them. A body whose country only
    its article's language gives (`cyrillic.HOME_QUALIFIED`) adds only its names with the country."""
    mentions = linking.analysis.mentions
    document = linking.document.id
    counts: dict[tuple[int, str], list] = {}
    for chain in (c for c in linking.analysis.chains if c.not_an_actor is None):
        actor_id = linking.actor_of_chain[chain.id]
        cross = matched.get(chain.id, "")
        home = any(HOME_QUALIFIED in reason for reason in chain.alias_reasons.values())
        for index in chain.mentions:
            if mentions[index].role == "description" or home:
                continue
            text = clean_name(mentions[index].span.text)
            entry = counts.setdefault((actor_id, name_key(text)), [text, 0, kinds[chain.id], None])
            entry[1] += 1
        for alias in _names(chain):
            if home and not ((body := body_of(alias)) and body[0]):
                continue  # "Генштаб" is Ukraine's only by the article's language: another language's is anyone's
            kind = OFFICE if chain.offices.get(alias) == OFFICE_ALONE else kinds[chain.id]  # found by its exact name only
            entry = counts.setdefault((actor_id, name_key(alias)), [alias, 0, kind, None])
            within = chain.alias_reasons.get(alias)
            why = [w for w in (within, cross) if w]
            entry[3] = entry[3] or f"{'; '.join(why) or 'its own name'} (document {document})"
        for office, titled in chain.offices.items():
            if titled == OFFICE_ALONE:
                continue
            for key in _office_keys(office):
                entry = counts.setdefault((actor_id, key), [office if key == name_key(office) else key, 0, OFFICE, None])
                entry[3] = entry[3] or f"the office the article gives it: “{titled}” (document {document})"
    counts = {k: v for k, v in counts.items() if k[1] and k[1] not in apart.get(k[0], ())}
    if not counts:
        return
    session = linking.session
    existing, used = {}, {}
    for alias_id, actor_id, key, mentions in session.execute(
        select(Alias.id, Alias.actor_id, Alias.key, Alias.mentions).where(
            Alias.actor_id.in_({actor_id for actor_id, _ in counts}), Alias.key.in_({key for _, key in counts})
        )
    ):
        if (actor_id, key) in counts:
            existing[(actor_id, key)] = alias_id
            used[(actor_id, key)] = (mentions or 0) + counts[(actor_id, key)][1]
    increments, new = [], []
    for (actor_id, key), (name, count, kind, reason) in counts.items():
        if (actor_id, key) in existing:
            if count:
                increments.append({"alias_id": existing[(actor_id, key)], "more": count})
            continue
        used[(actor_id, key)] = count
        keys = NameKeys(key, "", None, None, None, False) if kind == OFFICE else NameKeys.of(name, kind)
        new.append({
            "actor_id": actor_id, "name": name[:500], "key": key[:500], "mentions": count,
            "reason": reason or f"same name (document {document})",
            "signature": keys.signature[:500], "initials": keys.initials, "surname": keys.surname, "block": keys.block,
        })
    table = Alias.__table__
    if increments:
        session.execute(
            update(table).where(table.c.id == bindparam("alias_id")).values(mentions=table.c.mentions + bindparam("more")),
            increments,
        )
    if new:
        session.execute(insert(table), new)
    _name_by_use(session, {k: (v[0], used[k]) for k, v in counts.items() if v[1] and v[2] != OFFICE})
    _kind_by_mentions(linking, kinds)


def _name_by_use(session: Session, used: dict[tuple[int, str], tuple[str, int]]) -> None:
    """Name each actor this document named by its commonest full form, not by the first article's
    ("Democrats", not "Virginia Democrats"): of the names whose use this document added to, (name,
    mentions so far) by (actor, key), the one used most takes the record's name when used more often than it,
    a name in Latin letters before one in another script, and a nominative before a Slavic case form. A shortening of the record's name ("Trump" of
    "Donald Trump", "Legion") never does, nor a one-word name of a person, an acronym of a name of several
    words, or a name in small letters."""
    best: dict[int, tuple[tuple[bool, int], str, str]] = {}
    for (actor_id, key), (name, mentions) in used.items():
        rank = (_latin(name), not oblique_case(name), mentions)
        if name != name.lower() and (actor_id not in best or rank > best[actor_id][0]):
            best[actor_id] = (rank, name, key)
    if not best:
        return
    records, kinds = {}, {}
    for actor_id, name, kind in session.execute(select(Actor.id, Actor.name, Actor.kind).where(Actor.id.in_(best))):
        records[actor_id], kinds[actor_id] = name, kind
    held = {(actor_id, key): mentions for actor_id, key, mentions in session.execute(
        select(Alias.actor_id, Alias.key, Alias.mentions).where(Alias.actor_id.in_(best), Alias.key.in_({name_key(n) for n in records.values()})))}
    for actor_id, (rank, name, key) in best.items():
        current = records.get(actor_id, "")
        words, current_words = set(key.split()), set(name_key(current).split())
        if key == name_key(current) or words <= current_words or kinds.get(actor_id) == "person" and len(words) < 2 \
                or is_acronym(name) and len(current_words) > 1:
            continue
        if rank > (_latin(current), not oblique_case(current), held.get((actor_id, name_key(current)), 0)):
            session.execute(update(Actor).where(Actor.id == actor_id).values(name=name[:500]))


def _latin(name: str) -> bool:
    """Written in Latin letters, as the readers of an English knowledge base read names."""
    return all(ch < "\u0250" for ch in name if ch.isalpha())


_NAMED = ("person", *_ORGANISATIONS)


def _kind_by_mentions(linking: Linking, kinds: dict[int, str]) -> None:
    """A person's or an organisation's kind follows what most of its mentions call it, not its first article:
    an actor stored as a person whose mentions are a group's (54 NORP, 8 PERSON) becomes a group. So does a
    "place" no gazetteer or country list knows, which a reader took for one by its acronym alone ("ДНР", the
    Donetsk People's Republic, a body as the articles that spell it out read it). A tie keeps the stored kind: one
    article's guess ("Zelensky" alone in an Italian page, read without a model) never outvotes another's reading.
    Asked only of the actors this document names as another of those kinds: one query."""
    session = linking.session
    chains = [c for c in linking.analysis.chains if c.not_an_actor is None and kinds[c.id] in _NAMED]
    named = {linking.actor_of_chain[c.id]: kinds[c.id] for c in chains}
    stored = {a: (kind, name) for a, kind, name in session.execute(select(Actor.id, Actor.kind, Actor.name).where(Actor.id.in_(named)))} if named else {}
    doubted = {a for a, kind in named.items() if a in stored and (
        stored[a][0] in _NAMED and (kind == "person") != (stored[a][0] == "person")
        or stored[a][0] == "place" and kind in _ORGANISATIONS and _unknown_place(stored[a][1]))}
    if not doubted:
        return
    labels: dict[int, Counter] = defaultdict(Counter)
    for actor_id, label, count in session.execute(
        select(StoredMention.actor_id, StoredMention.label, func.count())
        .where(StoredMention.actor_id.in_(sorted(doubted)), StoredMention.role != "description")
        .group_by(StoredMention.actor_id, StoredMention.label)
    ):
        labels[actor_id][label] += count
    mentions = linking.analysis.mentions
    for chain in chains:
        if (actor_id := linking.actor_of_chain[chain.id]) in doubted:
            labels[actor_id].update(mentions[i].label for i in chain.mentions if mentions[i].role != "description")
    for actor_id in sorted(doubted):
        votes = labels[actor_id]
        person, organisation = votes["PERSON"], votes["ORG"] + votes["NORP"]
        if stored[actor_id][0] == "place":
            if organisation > votes["GPE"] + votes["LOC"] + votes["FAC"] + person:
                label = max(("ORG", "NORP"), key=lambda lab: votes[lab])
                session.execute(update(Actor).where(Actor.id == actor_id).values(kind=KIND_OF_LABEL[label], label=label))
            continue
        if person != organisation and (person > organisation) != (stored[actor_id][0] == "person"):
            label = "PERSON" if person > organisation else max(("ORG", "NORP"), key=lambda lab: votes[lab])
            session.execute(update(Actor).where(Actor.id == actor_id).values(kind=KIND_OF_LABEL[label], label=label))


def _unknown_place(name: str) -> bool:
    """A stored place's name that neither the gazetteer nor the list of countries and their names knows."""
    return not _known_place(name) and country_in_english(name) is None and state_named(name) is None and government_of(name) is None
