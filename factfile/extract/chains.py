"""Within-document chains: which mentions in one article name the same actor.

Mentions join a chain when the article itself says or shows they are one actor:
- the same name, or the same name in another word order ("Legion of the Freedom of Russia");
- a person's surname or first name after the full name ("Denis Nikitin" ... "Nikitin");
- an acronym of a name in the article ("RVC"), or any name the article puts in brackets after
  another: "Russian Volunteer Corps (RDK)", "Legion of Freedom of Russia (Легион «Свобода России»)";
- "X, whose real name is Y", "X, also known as Y", "X, better known as Y";
- a short name that is part of a longer one ("the Legion"), and descriptions ("the group", "the unit"),
  which go to the most prominent organisation mentioned just before them.
"A soldier nicknamed Caesar" makes "Caesar" a person's nickname. Each joined name keeps the reason and
the sentence that justify it, and the chain's label is voted by its mentions, because the model labels
the same name differently from sentence to sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from factfile.extract.capitals import acting_subject, capital_country
from factfile.extract.gender import PERSON_TITLE, TITLE_BEFORE, TITLES, first_name_gender
from factfile.extract.mentions import ACTOR_LABELS
from factfile.extract.names import (
    PARTICLE_ARTICLES,
    STATE_WORDS,
    SURNAME_PARTICLES,
    acronym_of,
    clean_name,
    country_of_word,
    is_acronym,
    is_country_word,
    latin_key,
    name_key,
    nationality,
    signature,
    unqualified_body,
)
from factfile.extract.registry import Stage, stages
from factfile.ingest.provenance import WIRES
from factfile.records import Analysis, Chain, Mention, Span

_NOT_SURNAMES = {"GPE", "LOC", "NORP", "FAC"}
_ORGANISATIONS = {"ORG", "NORP"}
_ALIAS_CUE = re.compile(
    r"^(?:[\s,;:(–—]*(?:whose real name is|(?:his|her|its) real name is|real name|"
    r"(?:also |better |formerly |otherwise )?known as|also called|a\.?k\.?a\.?|alias)|\s*[,(]\s*(?:born|née))\s*[“\"«‘']?\s*$",
    re.I,
)
_BRACKET = re.compile(r"^[\s”\"»’]*\(\s*[“\"«]?$")
_NICKNAME_CUE = re.compile(r"(?:nicknamed|nickname|dubbed|call ?sign|nom de guerre|code-?named)\s*[“\"«‘']?\s*$", re.I)
_GROUP_NOUNS = (
    "group|unit|organi[sz]ation|militia|movement|corps|legion|battalion|brigade|regiment|formation|force|"
    "party|network|outfit"
)
# Plural nouns for the members of a group: "Virginia Democrats", "Crimean Tatars" are groups, never a person
# whose surname is "Democrats" (however much "Virginia" looks like a first name).
_MEMBERS = frozenset({
    "democrats", "republicans", "conservatives", "liberals", "socialists", "communists", "greens", "nationalists",
    "separatists", "rebels", "militants", "insurgents", "loyalists", "fighters", "forces", "troops", "soldiers", "officials",
    "lawmakers", "legislators", "senators", "voters", "supporters", "activists", "protesters", "allies", "volunteers", "tatars",
})
_DESCRIPTION = re.compile(rf"\b[Tt]he ({_GROUP_NOUNS})\b(?!\s+(?:of|that|which|who)\b)")
_LOOKBACK_SENTENCES = 5


@dataclass(slots=True)
class _Link:
    """Two mentions the text says are one actor, why, and where it says so."""

    first: int
    second: int
    reason: str
    sentence: Span


@stages.register("chains")
def make_chains() -> Stage:
    def chains(doc: Doc, analysis: Analysis) -> None:
        analysis.chains = build_chains(analysis, doc)
        mark_non_actors(doc, analysis)

    return chains


def build_chains(analysis: Analysis, doc: Doc | None = None) -> list[Chain]:
    text = analysis.article.text
    _groups_not_persons(analysis)
    _peoples_names(analysis, text)
    _courtesy_titles_out(analysis, text)
    _add_bracketed_names(analysis, text)
    _mark_nicknames(analysis, text)
    links = _stated_links(analysis, text)
    groups = _Groups()
    actor_mentions = [i for i, m in enumerate(analysis.mentions) if m.label in ACTOR_LABELS and name_key(m.span.text)]
    for index in actor_mentions:
        groups.add(index, name_key(analysis.mentions[index].span.text), clean_name(analysis.mentions[index].span.text))
    votes = {key: _vote(analysis, members) for key, members in groups.members().items()}

    for link in links:
        groups.union(_key(analysis, link.first), _key(analysis, link.second), link.reason, link.sentence)
    by_signature: dict[str, list[str]] = {}
    for key in votes:
        by_signature.setdefault(signature(key), []).append(key)
    for keys in by_signature.values():
        for other in keys[1:]:
            if " " in other:
                groups.union(keys[0], other, "same name in another word order, wording or script")
    _join_acronyms(analysis, groups, votes)
    _qualify_bodies(analysis, groups, votes)
    persons = _join_short_names(analysis, groups, votes)
    _add_descriptions(analysis, text, groups, votes)
    _add_titles(analysis, text, groups, persons)
    offices = _add_roles(analysis, text, groups, persons)
    _add_head_of_state_offices(analysis, text, groups)
    if doc is not None:
        _acting_capitals(doc, analysis, groups)
    return _chains(analysis, groups, persons, offices)


_HEAD_OF_STATE = re.compile(r"(?:President|[Ll]eader)\b")
_OFFICE_OF = re.compile(r"\b[Tt]he\s+(?:office|press\s+service|press\s+office)\s+of\s+$")
_OFFICE_AFTER = re.compile(r"['’]s?\s+(?:office|press\s+service|press\s+office)\b")


def _add_head_of_state_offices(analysis: Analysis, text: str, groups: _Groups) -> None:
    """"The office of Belarusian President Alexander Lukashenko", "Lukashenko's press service" (whom the
    article calls Belarusian President): a head of state's office speaks for the state, as "the Kremlin"
    does for Russia (a state and its government are one actor). A description of the state, in the chain
    of the country's name (started if the article does not write it)."""
    country_of: dict[str, str] = {}  # a person's group -> the state the article makes them head of
    for index, mention in enumerate(analysis.mentions):
        if mention.role == "description" and mention.label == "PERSON" and index in groups.assigned:
            words = text[mention.span.start : mention.span.end].split()
            title = next((i for i, w in enumerate(words) if _HEAD_OF_STATE.fullmatch(w)), None)
            country = next((c for w in words[:title] if (c := country_of_word(name_key(w)))), None) if title else None
            if country:
                country_of.setdefault(groups.find(groups.assigned[index]), country)
    added: list[tuple[Mention, str]] = []
    for index, mention in enumerate(analysis.mentions):
        owner = groups.assigned.get(index) or (name_key(mention.span.text) if mention.label == "PERSON" else None)
        country = country_of.get(groups.find(owner)) if owner in groups.parent else None
        if country is None:
            continue
        before = _OFFICE_OF.search(text, max(0, mention.span.start - 40), mention.span.start)
        after = _OFFICE_AFTER.match(text, mention.span.end) if mention.role == "name" else None
        if before is not None and (mention.role == "description" or not any(
                m.role == "description" and m.span.end == mention.span.end for m in analysis.mentions)):
            span = Span(before.start(), mention.span.end, text[before.start() : mention.span.end])
        elif after is not None:
            span = Span(mention.span.start, after.end(), text[mention.span.start : after.end()])
        else:
            continue
        key = name_key(country)
        groups.start(key, country)
        added.append((Mention(span, "GPE", mention.sentence, role="description"), key))
    _insert(analysis, groups, added)


def _acting_capitals(doc: Doc, analysis: Analysis, groups: _Groups) -> None:
    """"Moscow called the blast sabotage", "Kyiv and Moscow accuse each other": a capital that acts is its
    state (extract/capitals.py), a description of it in the chain of the country's name, if the article
    writes it, else in a chain of its own named after the country."""
    for index, mention in enumerate(analysis.mentions):
        if mention.label != "GPE" or mention.role != "name" or " " in mention.span.text.strip():
            continue
        country = capital_country(mention.span.text)
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand") if country else None
        if span is None or not acting_subject(span[-1]):
            continue
        key = name_key(country)
        groups.start(key, country)
        mention.role = "description"
        groups.assigned[index] = key
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    added: list[tuple[Mention, str]] = []
    for token in doc:  # "Kyiv accused Russian forces": a capital the model did not take for a name
        if token.pos_ != "PROPN" or any(s < token.idx + len(token) and token.idx < e for s, e in taken) or not acting_subject(token):
            continue
        country = capital_country(token.text)
        if country is not None:
            groups.start(name_key(country), country)
            span = Span(token.idx, token.idx + len(token), token.text)
            added.append((Mention(span, "GPE", analysis.sentence_of(token.idx), role="description"), name_key(country)))
    _insert(analysis, groups, added)


def names_members(name: str) -> bool:
    """"Virginia Democrats", "Ukrainians": a name ending in a plural noun for a group's members or a people."""
    words = name_key(name).split()
    return bool(words) and (words[-1] in _MEMBERS or nationality(words[-1]))


def _groups_not_persons(analysis: Analysis) -> None:
    """A name the model took for a person's that names a group's members ("Virginia Democrats") is a group's."""
    for mention in analysis.mentions:
        if mention.label == "PERSON" and mention.role == "name" and names_members(mention.span.text):
            mention.label = "NORP"


_PEOPLES = re.compile(r"(?:(?!(?:The|A|An)\b)[A-Z][\w-]+[^\S\n]+){0,3}People['’]s[^\S\n]+$")


def _peoples_names(analysis: Analysis, text: str) -> None:
    """"Donetsk People’s Republic", "People's Liberation Army": the model cuts such a name at its possessive
    and keeps only "Republic"; the name is the whole, an organisation's."""
    kept = []
    for mention in analysis.mentions:
        if mention.label in ACTOR_LABELS and mention.role == "name" and mention.span.text[:1].isupper():
            before = _PEOPLES.search(text, max(0, mention.span.start - 60), mention.span.start)
            if before is not None:
                start = before.start()
                kept = [m for m in kept if m.span.end <= start]
                mention.span, mention.label = Span(start, mention.span.end, text[start : mention.span.end]), "ORG"
        kept.append(mention)
    analysis.mentions = kept


_COURTESY = re.compile(r"(?:Mr|Mrs|Ms|Dr)\.?\s+(?=[A-Z])")


def _courtesy_titles_out(analysis: Analysis, text: str) -> None:
    """"Mr Progozhin" as the model wrote it: the name is "Progozhin", and the title with it a description
    (`_add_titles`), as where the model leaves the title out ("Mr. Trump")."""
    for mention in analysis.mentions:
        title = _COURTESY.match(mention.span.text) if mention.label == "PERSON" and mention.role == "name" else None
        if title is not None:
            start = mention.span.start + title.end()
            mention.span = Span(start, mention.span.end, text[start : mention.span.end])


class _Groups:
    """Union-find over name keys; mentions whose names share a root are one chain."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.mentions: dict[str, list[int]] = {}
        self.reasons: dict[str, tuple[str, Span | None]] = {}
        self.assigned: dict[int, str] = {}  # mentions placed in a group one by one (short names, descriptions)
        self.surface: dict[str, str] = {}  # key -> the name as first written

    def add(self, mention: int, key: str, name: str) -> None:
        self.start(key, name)
        self.mentions[key].append(mention)

    def start(self, key: str, name: str) -> None:
        self.parent.setdefault(key, key)
        self.surface.setdefault(key, name)
        self.mentions.setdefault(key, [])

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str, reason: str, sentence: Span | None = None) -> None:
        if a not in self.parent or b not in self.parent:
            return
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        keep, join = (ra, rb) if len(ra.split()) >= len(rb.split()) else (rb, ra)
        self.parent[join] = keep
        self.reasons.setdefault(a, (reason, sentence))
        self.reasons.setdefault(b, (reason, sentence))

    def members(self) -> dict[str, list[int]]:
        result: dict[str, list[int]] = {}
        for key, mentions in self.mentions.items():
            for mention in mentions:
                root = self.find(self.assigned[mention]) if mention in self.assigned else self.find(key)
                result.setdefault(root, []).append(mention)
        return result


def _key(analysis: Analysis, index: int) -> str:
    return name_key(analysis.mentions[index].span.text)


_BRACKETED = re.compile(r"\(\s*[“\"«]?([^()\n“”\"«»]{2,60}?(?:[«“\"][^()\n]{1,40}?[»”\"])?)[”\"»]?\s*\)")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|the|for|and|de)\s+)*){1,6}[A-Z][\w'’-]*)[\s”\"»’]*$")


def _bracketed_alias(outer: str, label: str, inner: str) -> bool:
    """Is the bracketed text another name of the name before it? An organisation's acronym ("(RDK)") or
    a name in another script is; a news agency ("WASHINGTON (AP)", "the Legion (Reuters)") or a party
    tag ("(D-N.J.)") is not."""
    if outer.isupper() and len(outer) > 3 or re.match(r"^[A-Z]\.?-", inner) or inner.strip() in WIRES:
        return False
    if not inner.isascii():
        return True
    return label in ("ORG", "NORP") and (is_acronym(inner) or len(inner.split()) >= 2)


def _add_bracketed_names(analysis: Analysis, text: str) -> None:
    """A name in brackets right after a name is another name for it: "(RDK)", "(Легион «Свобода России»)".

    The name before the brackets becomes one mention even where the model saw only part of it
    ("Russian" in "Russian Volunteer Corps (RDK)").
    """
    mentions = analysis.mentions
    for match in _BRACKETED.finditer(text):
        start, end = match.span(1)
        inner = text[start:end]
        if any(ch.isdigit() for ch in inner) or len(inner.split()) > 6 or not (inner[0].isupper() or not inner[0].isascii()):
            continue
        before = text[max(0, match.start() - 120) : match.start()]
        name = _NAME_BEFORE.search(before)
        ending = [m for m in mentions if m.label in ACTOR_LABELS and m.span.end <= match.start() and re.fullmatch(r"[\s”\"»’]*", text[m.span.end : match.start()])]
        if ending:
            label = ending[0].label
            if not _bracketed_alias(ending[0].span.text, label, inner):
                continue
        elif name:
            name_start = match.start() - len(before) + name.start(1)
            name_end = match.start() - len(before) + name.end(1)
            inside = [m for m in mentions if name_start <= m.span.start and m.span.end <= name_end]
            if any(m.span.start < name_end and name_start < m.span.end for m in mentions if m not in inside):
                continue
            label = next((m.label for m in inside if m.label in ("ORG", "PERSON")), "ORG")
            if not _bracketed_alias(name.group(1), label, inner):
                continue
            mentions = [m for m in mentions if m not in inside]
            mentions.append(Mention(Span(name_start, name_end, text[name_start:name_end]), label, analysis.sentence_of(name_start)))
        else:
            continue
        if any(m.span.start < end and start < m.span.end for m in mentions):
            continue
        role = "acronym" if is_acronym(inner) else "name"
        mentions.append(Mention(Span(start, end, inner), label, analysis.sentence_of(start), role=role))
    analysis.mentions = sorted(mentions, key=lambda m: m.span.start)


def _mark_nicknames(analysis: Analysis, text: str) -> None:
    """"A soldier nicknamed Caesar": the name is a person's nickname, whatever label the model gave it."""
    for mention in analysis.mentions:
        if mention.label in ACTOR_LABELS and _NICKNAME_CUE.search(text[max(0, mention.span.start - 30) : mention.span.start]):
            mention.role = "nickname"
            if mention.label not in ("PERSON",) and not re.search(_GROUP_NOUNS, text[max(0, mention.span.start - 45) : mention.span.start]):
                mention.label = "PERSON"
    nicknames = {name_key(m.span.text) for m in analysis.mentions if m.role == "nickname"}
    for mention in analysis.mentions:
        if mention.role == "name" and name_key(mention.span.text) in nicknames:
            mention.role = "nickname"
            mention.label = "PERSON"


def _stated_links(analysis: Analysis, text: str) -> list[_Link]:
    """Pairs of neighbouring names the sentence says are one: brackets, "whose real name is", "also known as"."""
    links = []
    mentions = analysis.mentions
    for i in range(len(mentions) - 1):
        first, second = mentions[i], mentions[i + 1]
        if first.label not in ACTOR_LABELS or second.label not in ACTOR_LABELS or first.sentence != second.sentence:
            continue
        between = text[first.span.end : second.span.start]
        if len(between) > 40:
            continue
        if _BRACKET.match(between) and _bracketed_alias(first.span.text, first.label, second.span.text):
            links.append(_Link(i, i + 1, "named in brackets after it", first.sentence))
        elif _ALIAS_CUE.match(between):
            cue = " ".join(re.sub(r"[^\w\s.]", " ", between).split())
            links.append(_Link(i, i + 1, f"the article says “{cue}”", first.sentence))
    return links


def _join_acronyms(analysis: Analysis, groups: _Groups, votes: dict[str, str]) -> None:
    """"RVC" joins "Russian Volunteer Corps" when that is the only name in the article it abbreviates."""
    names = [key for key, label in votes.items() if " " in key and label in _ORGANISATIONS | {"GPE", "FAC"}]
    for index in range(len(analysis.mentions)):
        mention = analysis.mentions[index]
        if not is_acronym(mention.span.text) or mention.label not in ACTOR_LABELS:
            continue
        key = name_key(mention.span.text)
        if any(key in other.split() for other in votes if other != key):
            continue  # "NBC" in a text that also says "NBC News" is a name of its own
        owners = {groups.find(name) for name in names if acronym_of(mention.span.text, name)}
        if len(owners) == 1 and key in groups.parent:
            (owner,) = owners
            groups.union(owner, key, f"acronym of “{groups.surface[owner]}”", mention.sentence)


def _qualify_bodies(analysis: Analysis, groups: _Groups, votes: dict[str, str]) -> None:
    """"The Defence Ministry" is the one the article named with its country just before ("the
    Russian Defence Ministry"); with none named, it stays as it is."""
    for key in votes:
        if not unqualified_body(key) or groups.find(key) != key:
            continue
        words = set(signature(key).split())
        owners = {other for other in votes if not unqualified_body(other) and words < set(signature(other).split())}
        if not owners:
            continue
        for index in groups.mentions[key]:
            owner = _nearest_before(analysis, groups, owners, analysis.mentions[index].span.start)
            if owner is not None:
                groups.assigned[index] = owner
                groups.reasons.setdefault(key, (f"the state body the article names as “{groups.surface[owner]}”", None))


# A surname that opens with a nobiliary particle, as a name key: "von der leyen", "de gaulle", "van rompuy".
_PARTICLE_SURNAME = re.compile(rf"(?:{SURNAME_PARTICLES})(?: (?:{PARTICLE_ARTICLES}))? \w+")


def _join_short_names(analysis: Analysis, groups: _Groups, votes: dict[str, str]) -> set[str]:
    """Surnames and first names join a person's full name; a one-word name that is part of an
    organisation's name ("Legion") joins the nearest organisation mentioned before it."""
    places_and_groups = {key for key, label in votes.items() if label in _NOT_SURNAMES}
    text = analysis.article.text
    person_keys = {
        key for key, ms in groups.mentions.items()
        if any(analysis.mentions[i].label == "PERSON" for i in ms)
        or votes.get(key) == "ORG" and _titled_person(text, groups.surface[key], [analysis.mentions[i] for i in ms])
    }
    persons = {
        key
        for key in votes
        if (votes[key] == "PERSON" or key in person_keys) and 2 <= len(key.split()) <= 4 and not places_and_groups & set(key.split())
    }
    organisations = {key for key, label in votes.items() if label == "ORG" and len(key.split()) >= 2}
    for key in sorted(votes, key=len):
        particle = _PARTICLE_SURNAME.fullmatch(key) is not None  # "von der leyen", a surname of three words
        if " " in key and not particle or key in places_and_groups or groups.find(key) != key:
            continue
        if any(analysis.mentions[i].role == "nickname" for i in groups.mentions[key]):
            continue
        positions = (-1, 0) if votes[key] == "PERSON" else (-1,)
        full_names = [p for p in persons if p.endswith(f" {key}") and p != key] if particle else \
            [p for p in persons if any(latin_key(key) == latin_key(p).split()[i] for i in positions)]
        titled = _titled_gender(analysis, groups.mentions[key])
        full_names = [p for p in full_names if titled is None or first_name_gender(p) in (None, titled)]  # "Mr. Trump" is not Melania
        apart = [p for p in full_names if _side_by_side(analysis, groups, key, p)]
        if apart:  # "President Trump and Melania Trump": the surname is another person of that name
            continue
        owners = {groups.find(p) for p in full_names}
        if len(owners) == 1:
            groups.union(owners.pop(), key, "surname or first name of the full name")
            continue
        if owners or votes[key] != "ORG":
            continue
        candidates = {o for o in organisations if _short_for(key, o) and groups.find(o) != groups.find(key)}
        for index in groups.mentions[key]:
            owner = _nearest_before(analysis, groups, candidates, analysis.mentions[index].span.start)
            if owner is not None:
                groups.assigned[index] = owner
                groups.reasons.setdefault(key, (f"short for “{groups.surface[owner]}”", None))
    return persons


def _titled_gender(analysis: Analysis, mentions: list[int]) -> str | None:
    """The gender the courtesy titles before these mentions show ("Mr. Trump"), if they agree."""
    text = analysis.article.text
    seen = set()
    for index in mentions:
        start = analysis.mentions[index].span.start
        title = TITLE_BEFORE.search(text[max(0, start - 8) : start])
        if title:
            seen.add(TITLES[title.group(1).lower()])
    return seen.pop() if len(seen) == 1 else None


def _side_by_side(analysis: Analysis, groups: _Groups, short: str, full: str) -> bool:
    """Does a sentence name both the lone name and the full name? Then they are two people."""
    sentences = {analysis.mentions[i].sentence.start for i in groups.mentions[full]}
    return any(analysis.mentions[i].sentence.start in sentences for i in groups.mentions[short])


def _short_for(word: str, name: str) -> bool:
    """"Legion" for "Legion of Freedom of Russia", "Times" for "New York Times"; not "House" for "White House"."""
    words = name.split()
    return (words[0] == word and words[1] in ("of", "for")) or (words[-1] == word and len(words) >= 3)


def _nearest_before(analysis: Analysis, groups: _Groups, keys: set[str], position: int) -> str | None:
    best, best_start = None, -1
    for key in keys:
        for index in groups.mentions[key]:
            start = analysis.mentions[index].span.start
            if best_start < start < position:
                best, best_start = groups.find(key), start
    if best is None and keys:
        first = min(keys, key=lambda k: min(analysis.mentions[i].span.start for i in groups.mentions[k]))
        best = groups.find(first)
    return best


def _add_descriptions(analysis: Analysis, text: str, groups: _Groups, votes: dict[str, str]) -> None:
    """"the group", "the unit": the organisation named most often in the last few sentences."""
    size: Counter[str] = Counter()
    labels: dict[str, Counter[str]] = {}
    for key, mentions in groups.mentions.items():
        size[groups.find(key)] += len(mentions)
        labels.setdefault(groups.find(key), Counter()).update(analysis.mentions[i].label for i in mentions)
    organisations = {key for key in votes if labels[groups.find(key)].most_common(1)[0][0] == "ORG"}
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    sentence_starts = [s.start for s in analysis.sentences]
    added: list[tuple[Mention, str]] = []
    for match in _DESCRIPTION.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(s < end and start < e for s, e in taken):
            continue
        sentence = analysis.sentence_of(start)
        first_sentence = max(0, _index_at_or_before(sentence_starts, sentence.start) - _LOOKBACK_SENTENCES)
        window_start = analysis.sentences[first_sentence].start if analysis.sentences else 0
        weight: Counter[str] = Counter()
        for key in sorted(organisations):  # not set order, which changes with each process: ties go to the first
            recent = sum(window_start <= analysis.mentions[i].span.start < start for i in groups.mentions[key])
            if recent:
                weight[groups.find(key)] += recent
        if not weight:
            continue
        owner = max(weight, key=lambda root: (weight[root], size[root]))
        mention = Mention(Span(start, end, text[start:end]), "ORG", sentence, role="description")
        added.append((mention, owner))
    _insert(analysis, groups, added)


_TITLE_WORD = re.compile(
    r"(?:President|Minister|[Ss]pokes(?:man|woman|person)|[Ll]eader|Governor|Mayor|[Gg]eneral|Gen\.|Commander-in-Chief|Chairman|"
    r"Secretary|[Cc]hief|[Bb]oss|[Ff]ounder|[Rr]epresentative|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
)
# Words of an office that stand before its title word: "Defense Minister", "Rostov regional Governor".
_OFFICE_WORDS = frozenset({"defense", "defence", "foreign", "interior", "prime", "deputy", "vice", "regional", "top", "emergencies"})
_MAX_QUALIFIERS = 3


def _add_titles(analysis: Analysis, text: str, groups: _Groups, persons: set[str]) -> None:
    """"President Vladimir Putin", "Kremlin spokesman Dmitry Peskov", "Mr Shoigu": the title the
    article writes before a person's name, with the name, is a mention of that person too. It is
    kept as a description (it names no one by itself), so the person's names stay the names."""
    actors = [(m.span.start, m.span.end) for m in analysis.mentions if m.label in ACTOR_LABELS]
    added: list[tuple[Mention, str]] = []
    for key, indexes in list(groups.mentions.items()):
        for index in indexes:
            mention = analysis.mentions[index]
            if mention.role != "name" or not (mention.label == "PERSON" or key in persons):
                continue
            start = _title_start(text, mention, actors)
            if start is not None:
                titled = Mention(Span(start, mention.span.end, text[start : mention.span.end]), "PERSON", mention.sentence, role="description")
                added.append((titled, groups.assigned.get(index, key)))
    _insert(analysis, groups, added)


_OFFICE = r"(?i:(?:top\s+)?(?:defen[cs]e\s+minister|press\s+secretary|chief|boss|leader|founder|head|spokes(?:man|woman|person)|chef|mayor|governor|representative|envoy))"
_ROLE_AFTER = re.compile(rf"(?:['’]s)?\s+(?P<office>{_OFFICE})\b(?![ \t]+(?:[A-Z]|of\b))")
_ROLE_AT_END = re.compile(rf"{_OFFICE}(?=\s+$)")
_ROLE_OF = re.compile(r"(?<!\w)(?P<office>(?i:mayor|governor))\s+of\s+(?:the\s+)?$")  # "the mayor of" Moscow
_REGION = re.compile(r"\s+(?:region|oblast|province)\b")
_REGIONAL = frozenset({"regional", "region", "oblast", "province"})


def _whose(text: str) -> str:
    """Whose an office is, as a key: "Rostov regional" and "Rostov" (of "the governor of Rostov region") are one."""
    return " ".join(w for w in name_key(text).split() if w not in _REGIONAL)


def _office_of(whose: str, office: str) -> str:
    """"Rostov regional Governor" written the other way round, "governor of Rostov region": the name by which
    an office named after its holder's place ("the mayor of Moscow") finds the holder other articles name."""
    region = " region" if _REGIONAL & set(name_key(whose).split()) else ""
    place = " ".join(w for w in whose.split() if name_key(w) not in _REGIONAL)
    return f"{office.lower()} of {place}{region}"


def _add_roles(analysis: Analysis, text: str, groups: _Groups, persons: set[str]) -> dict[str, dict[str, str]]:
    """"The Wagner chief", "Kremlin spokesman", "Russia's defence minister": an office named by what it
    is the office of names the person holding it: the one the article gives that title ("Wagner chief
    Yevgeny Prigozhin"), or names right after it (", Yevgeny Prigozhin,"); never its owner ("Putin's
    spokesman" is not Putin). With neither, it names a person of its own, known by that office, whom
    other articles may name (`relate/actors.py` joins it to the person they give the office). Returns
    the offices with whose they are ("Wagner chief" of "Wagner chief Yevgeny Prigozhin") by person."""
    people = {groups.find(k) for k, ms in groups.mentions.items() if k in persons or any(analysis.mentions[i].label == "PERSON" for i in ms)}
    owner_of = {i: groups.assigned.get(i, k) for k, ms in groups.mentions.items() for i in ms}
    titled: dict[tuple[str, str], str] = {}  # (whose, office) -> the person given that title
    offices: dict[str, dict[str, str]] = {}
    for index, mention in enumerate(analysis.mentions):
        if mention.role == "description" and mention.label == "PERSON" and index in owner_of:
            name = next((m for m in analysis.mentions if m.role == "name" and m.span.end == mention.span.end), None)
            office = _ROLE_AT_END.search(text, mention.span.start, name.span.start) if name is not None else None
            if office is not None:
                whose = _whose(text[mention.span.start : office.start()])
                holder = groups.find(owner_of[index])
                titled.setdefault((whose, _office_key(office.group(0))), holder)
                if whose:
                    offices.setdefault(holder, {}).setdefault(text[mention.span.start : office.end()], mention.span.text)
                    if re.fullmatch(r"(?i)mayor|governor", office.group(0)):
                        offices[holder].setdefault(_office_of(text[mention.span.start : office.start()].strip(), office.group(0)), mention.span.text)
    added: list[tuple[Mention, str]] = []
    for index, mention in enumerate(analysis.mentions):
        if mention.label not in ("ORG", "GPE", "NORP", "PERSON") or mention.role == "description":
            continue
        of = _ROLE_OF.search(text, max(mention.sentence.start, mention.span.start - 20), mention.span.start)
        if of is not None and mention.label != "ORG" and " " not in mention.span.text.strip():  # "the mayor of Moscow"
            region = _REGION.match(text, mention.span.end)
            end = region.end() if region else mention.span.end
            span = Span(of.start(), end, text[of.start() : end])
            qualifier = groups.find(owner_of[index]) if index in owner_of else None
            holder = titled.get((_whose(mention.span.text), _office_key(of.group("office")))) or _holder(analysis, groups, owner_of, people - {qualifier}, end) \
                or _holder_before(analysis, groups, owner_of, people - {qualifier}, of.start())
            if holder is not None and holder != qualifier:
                added.append((Mention(span, "PERSON", mention.sentence, role="description"), holder))
            elif holder is None:
                key = name_key(span.text)
                groups.start(key, span.text)
                added.append((Mention(span, "PERSON", mention.sentence), key))
            continue
        role = _ROLE_AFTER.match(text, mention.span.end)
        if role is None or role.end() > mention.sentence.end:
            continue
        span = Span(mention.span.start, role.end(), text[mention.span.start : role.end()])
        qualifier = groups.find(owner_of[index]) if index in owner_of else None
        office = _office_key(role.group("office"))
        named = _holder(analysis, groups, owner_of, people - {qualifier}, role.end())
        holder = titled.get((name_key(mention.span.text), office)) or titled.get(("", office)) or named
        if holder is not None and holder != qualifier:
            added.append((Mention(span, "PERSON", mention.sentence, role="description"), holder))
            if holder == named and mention.label in ("ORG", "GPE"):  # "Russia’s defence minister, Sergei Shoigu,": the article gives him the office
                offices.setdefault(holder, {}).setdefault(span.text, text[span.start : _holder_end(analysis, role.end())])
        elif holder is None and mention.label in ("ORG", "GPE"):  # "The Wagner chief said": a person known by office alone
            key = name_key(span.text)
            groups.start(key, span.text)
            added.append((Mention(span, "PERSON", mention.sentence), key))
    _insert(analysis, groups, added)
    return offices


def _office_key(office: str) -> str:
    """"Defence Minister" and "defense minister", "spokesperson", "press secretary" and "spokesman" are one
    office (a body's spokesperson, whatever noun the article uses for it, as `lang/titles.py` has it)."""
    return re.sub(r"spokes\w+|press secretary", "spokesman", name_key(office).replace("defence", "defense"))


_OFFICE_AT_END = re.compile(rf"(?<!\w){_OFFICE}$")


def office_name(text: str) -> str | None:
    """The office a name of an office alone stands for, as one key whatever the article's noun, spelling or
    possessive: "kremlin spokesman" of "The Kremlin’s press secretary" and of "Kremlin spokesman", "russia
    defense minister" of "Russia’s defence minister"; None for a name that is no such office."""
    name = clean_name(text)
    found = _OFFICE_AT_END.search(name)
    whose = [w for w in name_key(name[: found.start()]).split() if w != "s"] if found else []
    return " ".join([*_country_whose(whose), _office_key(found.group(0))]) if whose else None


def _country_whose(whose: list[str]) -> list[str]:
    """A country's office whichever way the article says whose it is: "Russia’s", "Russian", "the Russian
    Federation’s" are all "russia"; other owners ("Kremlin", "Wagner") as written."""
    countries = {country_of_word(w) for w in whose if w not in STATE_WORDS}
    if len(countries) == 1 and None not in countries:
        return name_key(countries.pop()).split()
    return whose


def _holder(analysis: Analysis, groups: _Groups, owner_of: dict[int, str], people: set[str], position: int) -> str | None:
    """The person named right after an office, between commas: "the Kremlin spokesman, Dmitry Peskov,"."""
    text = analysis.article.text
    after = [i for i, m in enumerate(analysis.mentions) if m.span.start >= position and m.role != "description" and i in owner_of]
    if after and re.fullmatch(r"\s*,\s*", text[position : analysis.mentions[after[0]].span.start]):
        holder = groups.find(owner_of[after[0]])
        return holder if holder in people else None
    return None


def _holder_end(analysis: Analysis, position: int) -> int:
    """Where the name `_holder` found after an office ends."""
    return min(m.span.end for m in analysis.mentions if m.span.start >= position and m.role != "description")


def _holder_before(analysis: Analysis, groups: _Groups, owner_of: dict[int, str], people: set[str], position: int) -> str | None:
    """The person named right before an office, set off by a comma: "Sergei Sobyanin, the mayor of Moscow,"."""
    text = analysis.article.text
    before = [i for i, m in enumerate(analysis.mentions) if m.span.end <= position and m.role != "description" and i in owner_of]
    if before and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[analysis.mentions[before[-1]].span.end : position], re.I):
        holder = groups.find(owner_of[before[-1]])
        return holder if holder in people else None
    return None


def _title_start(text: str, mention: Mention, actors: list[tuple[int, int]]) -> int | None:
    """Where the title before a name starts: a title word right before it, and before that up to three
    words of the office or names of what it is the office of ("Belarusian", "Kremlin", "Russia’s")."""
    words = list(re.finditer(r"[^\s,;:()\[\]\"“”«»]+", text[mention.sentence.start : mention.span.start]))
    if not words or text[words[-1].end() + mention.sentence.start : mention.span.start].strip():
        return None
    last = words[-1]
    if not _TITLE_WORD.fullmatch(last.group(0)):
        return None
    start = mention.sentence.start + last.start()
    for word in reversed(words[-1 - _MAX_QUALIFIERS : -1]):
        word_start = mention.sentence.start + word.start()
        if text[mention.sentence.start + word.end() : start].strip():
            break  # punctuation between: the title starts after it
        bare = re.sub(r"['’]s$", "", word.group(0))
        named = any(s <= word_start and word_start + len(bare) <= e for s, e in actors)
        if not (named or bare.lower() in _OFFICE_WORDS or _TITLE_WORD.fullmatch(bare)):
            break
        start = word_start
    return start


def _insert(analysis: Analysis, groups: _Groups, added: list[tuple[Mention, str]]) -> None:
    """Put new mentions in text order among the others, each in the group of its owner."""
    if not added:
        return
    analysis.mentions.extend(m for m, _ in added)
    order = sorted(range(len(analysis.mentions)), key=lambda i: analysis.mentions[i].span.start)
    new_index = {old: new for new, old in enumerate(order)}
    analysis.mentions = [analysis.mentions[i] for i in order]
    groups.mentions = {k: [new_index[i] for i in ms] for k, ms in groups.mentions.items()}
    groups.assigned = {new_index[i]: k for i, k in groups.assigned.items()}
    first_added = len(order) - len(added)
    for offset, (_, owner) in enumerate(added):
        index = new_index[first_added + offset]
        groups.mentions[owner].append(index)
        groups.assigned[index] = owner


def _index_at_or_before(starts: list[int], position: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, position) - 1)


def _chains(analysis: Analysis, groups: _Groups, persons: set[str], offices: dict[str, dict[str, str]]) -> list[Chain]:
    members = groups.members()
    result = []
    for chain_id, (root, indexes) in enumerate(sorted(members.items(), key=lambda kv: min(kv[1]))):
        indexes.sort()
        mentions = [analysis.mentions[i] for i in indexes]
        named = [m for m in mentions if m.role != "description"]
        label = "PERSON" if root in persons or any(m.role == "nickname" for m in named) else _vote(analysis, indexes)
        names = [clean_name(m.span.text) for m in named if m.role != "acronym"] or [clean_name(m.span.text) for m in named]
        if not names:  # only descriptions: a state known here by its acting capital
            names, label = [groups.surface[root]], mentions[0].label
        name = max(names, key=lambda n: (len(n.split()) > 1, n.isascii(), names.count(n), len(n.split()), -names.index(n)))
        aliases = sorted({clean_name(m.span.text) for m in named} - {name})
        chain = Chain(id=chain_id, name=name, label=label, aliases=aliases, mentions=indexes, offices=offices.get(root, {}))
        for alias in aliases:
            reason, sentence = groups.reasons.get(name_key(alias), ("same name", None))
            chain.alias_reasons[alias] = reason
            if sentence is not None:
                chain.alias_evidence[alias] = sentence
        result.append(chain)
        for i in indexes:
            analysis.mentions[i].chain = chain_id
    return result


_PLURAL_TAGS = {"NNS", "NNPS"}
# Words that end the names of products and models, not of companies: "MacBook Pro", "Galaxy S23 Ultra".
_PRODUCT_WORDS = frozenset({"pro", "max", "mini", "air", "plus", "ultra", "lite", "core", "edition", "series", "phone", "pad", "book"})
_MODEL_NUMBER = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]{2,8}$")  # "i7", "S23", "X1"


def mark_non_actors(doc: Doc, analysis: Analysis) -> None:
    """Chains that name no actor keep their mentions for the article's own reading but get a reason
    instead of an actor: nationality and party adjectives ("American officials", "a Republican
    senator"; the groups "Republicans", "Democrats" stay), and products ("MacBook Pro", "Core i7")."""
    text = analysis.article.text
    for chain in analysis.chains:
        named = [analysis.mentions[i] for i in chain.mentions if analysis.mentions[i].role != "description"]
        if not named:
            continue
        if all(_adjectival(doc, m) for m in named):
            chain.not_an_actor = "a nationality, or a nationality or party adjective, not a group"
        elif _product(chain.name) and (chain.label != "PERSON" or first_name_gender(chain.name) is None):
            chain.not_an_actor = "the name of a product"
        elif chain.name == chain.name.lower() and chain.name != chain.name.upper():
            chain.not_an_actor = "not written as a name (no capital letter)"
        elif (debris := _debris(text, chain.name, named)) is not None:
            chain.not_an_actor = debris
        elif chain.name.lower() in _TITLE_WORDS:
            chain.not_an_actor = "a word of an official's title (“Defence Minister”), not a name"
        elif chain.label in ("ORG", "FAC", "GPE", "LOC") and _titled_person(text, chain.name, named):
            chain.label = "PERSON"


_MEASURE_OR_TIME = re.compile(r"(?i)\b(?:km|km2|km3|m3|kg|mph|kmh|gmt|utc)\b|\b\d{1,2}[.:/]\d{2}\b|[-–]\s*\d+(?:st|nd|rd|th)?$")
_CREDIT_NAME = re.compile(r"\s/\s|\b(?:Images|Photos?|Pictures|Stock|Imago)$")
_CREDIT_LINE = re.compile(
    r"(?im)^\W*(?:by|written by|reporting by|editing by|additional reporting by|(?:photo|photograph|image|video)s?(?: by)?|"
    r"credit|copyright|©)\b[^\n]*$"
)


def _debris(text: str, name: str, named: list[Mention]) -> str | None:
    """Page furniture taken for names: measures and timestamps ("km3", "GMT 23.08.2023"), credit lines
    ("UrduPoint News / Sputnik", "Getty Images"), bylines and navigation ("Home | World | Europe")."""
    if _MEASURE_OR_TIME.search(name):
        return "a measure, date or time, not a name"
    if re.search(r"\b[A-Z]{1,3}-\d+\w*\b", name):
        return "a designation of a road, weapon or model (“M-4”, “Su-25”), not an actor"
    if _CREDIT_NAME.search(name):
        return "a photo or agency credit, not an actor"
    if re.search(r",\s*(?!(?:Inc|Ltd|LLC|Co|Corp|Jr|Sr|PLC)\b)\S", name):
        return "a list of names run together, not one name"
    lines = [text[text.rfind("\n", 0, m.span.start) + 1 : (text.find("\n", m.span.end) + 1 or len(text) + 1) - 1] for m in named]
    if all(_CREDIT_LINE.match(line) and len(line.split()) <= 10 or _navigation(line) for line in lines):
        return "named only in a byline, credit or navigation line"
    return None


def _navigation(line: str) -> bool:
    """"Home | World | Europe": short items between bars, not a paragraph that happens to hold some."""
    bars = line.count("|")
    return bars >= 2 and len(line.split()) <= 4 * (bars + 1)


_TITLE_WORDS = frozenset({"defence", "defense", "foreign", "interior", "internal", "justice", "finance", "health", "emergencies", "security"})
_PLACE_WORDS = re.compile(
    r"(?i)\b(?:valley|station|street|river|power|airport|square|bridge|city|county|island|lake|mountains?|park|bay|sea|"
    r"hospital|school|college|church|cathedral|palace|hotel|stadium|airlines?|airways|plant|dam|region|oblast)\b"
)
_ORGANISATION_WORDS = re.compile(
    r"(?i)\b(?:inc|corp|group|bank|institute|university|party|council|company|agency|ministry|news|times|post|fund|foundation|"
    r"corps|army|navy|forces?|guard|legion|battalion|brigade|regiment|division|command|committee|service|office|department|"
    r"club|union|association|league|network|media|press|radio|tv|channel|center|centre|court|police)\b"
)


def _titled_person(text: str, name: str, named: list[Mention]) -> bool:
    """"Deputy Defence Minister Hanna Maliar", "Yevgeny Prigozhin": a name the model took for an
    organisation or a place is a person's when it is a first name and a surname (the first name known
    as one, neither a country nor a place or organisation word), or a person's title stands before it."""
    words = name.split()
    if not 2 <= len(words) <= 3 or _ORGANISATION_WORDS.search(name) or names_members(name):
        return False
    titled = any(PERSON_TITLE.search(text[max(0, m.span.start - 30) : m.span.start]) for m in named)
    if first_name_gender(name) is None:  # "Russia's representative Vassily Nebenzia": the office says it
        plain = all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) and not _PLACE_WORDS.search(name)
        return titled and plain and not any(is_country_word(w) for w in words)
    if not all(w[:1].isupper() and w.isalpha() for w in words) or _PLACE_WORDS.search(name):
        return titled
    return len(words) == 2 and not any(is_country_word(w) for w in words)


def _adjectival(doc: Doc, mention: Mention) -> bool:
    if mention.label in ("GPE", "LOC", "FAC"):
        return False  # "US troops": a place, which the places stage reads
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if token.tag_ in _PLURAL_TAGS or token.text.endswith("s"):
        return nationality(token.text)  # "Russians" are a nation; "Republicans" a party's members
    modifier = token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN")
    return token.tag_ == "JJ" or modifier or mention.label == "NORP"


def _product(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and (words[-1].lower() in _PRODUCT_WORDS or any(_MODEL_NUMBER.match(w) for w in words[1:]))


def _vote(analysis: Analysis, members: list[int]) -> str:
    counts = Counter(analysis.mentions[i].label for i in members if analysis.mentions[i].role != "description")
    if not counts:
        return "ORG"
    return max(counts, key=lambda label: (counts[label], label == "PERSON", label == "ORG"))
