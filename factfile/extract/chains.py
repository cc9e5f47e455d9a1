"""Within-document chains: which mentions in one article name the same actor.

This is the simple, safe part of coreference: identical names, and a person's surname or first name
after the full name ("Denis Nikitin" ... "Nikitin"). The label of a chain is voted by its mentions,
because the model labels the same name differently from sentence to sentence.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from factfile.extract.mentions import ACTOR_LABELS
from factfile.extract.names import clean_name, name_key
from factfile.extract.registry import Stage, stages
from factfile.records import Analysis, Chain

_NOT_SURNAMES = {"GPE", "LOC", "NORP", "FAC"}


@stages.register("chains")
def make_chains() -> Stage:
    def chains(doc: Doc, analysis: Analysis) -> None:
        analysis.chains = build_chains(analysis)

    return chains


def build_chains(analysis: Analysis) -> list[Chain]:
    groups: dict[str, list[int]] = {}
    for index, mention in enumerate(analysis.mentions):
        if mention.label in ACTOR_LABELS:
            key = name_key(mention.span.text)
            if key:
                groups.setdefault(key, []).append(index)
    votes = {key: _vote(analysis, members) for key, members in groups.items()}
    places_and_groups = {key for key, label in votes.items() if label in _NOT_SURNAMES}
    persons = {
        key
        for key, label in votes.items()
        if label == "PERSON" and 2 <= len(key.split()) <= 4 and not places_and_groups & set(key.split())
    }
    for key in sorted(groups, key=len):
        if " " in key or key not in groups or key in places_and_groups:
            continue
        positions = (-1, 0) if votes[key] == "PERSON" else (-1,)
        owners = [p for p in persons if any(key == p.split()[i] for i in positions)]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))
    result = []
    for chain_id, (key, members) in enumerate(sorted(groups.items(), key=lambda kv: min(kv[1]))):
        members.sort()
        label = "PERSON" if key in persons else _vote(analysis, members)
        names = [clean_name(analysis.mentions[i].span.text) for i in members]
        name = max(names, key=lambda n: (len(n.split()), names.count(n), -names.index(n)))
        aliases = sorted({n for n in names if n != name})
        result.append(Chain(id=chain_id, name=name, label=label, aliases=aliases, mentions=members))
        for i in members:
            analysis.mentions[i].chain = chain_id
    return result


def _vote(analysis: Analysis, members: list[int]) -> str:
    counts = Counter(analysis.mentions[i].label for i in members)
    return max(counts, key=lambda label: (counts[label], label == "PERSON", label == "ORG"))
