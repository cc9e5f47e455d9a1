"""A group's fighters named after it are the group: "вагнеровцы", "вагнерівці", "вагнераўцы" (Wagner's
men), "ЧВКшники" (the PMC's). Russian, Ukrainian and Belarusian news call an armed group by its
members far more often than by its name, in small letters, where no name finder looks.

A word is such a name when it is a stem, a member suffix, and the stem is the name of one
organisation the article names ("Вагнер" of "ЧВК «Вагнер»"); the word then joins that organisation's
chain as a description (not an alias), also when the name finder took the word for a name of its own
("Вагнерівці" opening a sentence). Without the organisation in the article, the stem of four letters or
more is a name that joins a stored organisation of that very name or none (`Chain.known_only`):
"вагнеровцы" alone joins Wagner once an article has named it, and "кадыровцы" are Kadyrov's men, not Kadyrov.
"""

from __future__ import annotations

import re

from factfile.records import Analysis, Chain, Mention, Span

_MEMBER = re.compile(r"(?i)([^\W\d_]{3,}?)(?:ов|ев|ів|аў)(?:ец|ца|цы|ці|цев|ців|цам|цами|цях|цах)|([^\W\d_]{2,}?)шник(?:и|ов|ів|ам|ами)?")


def add_members(analysis: Analysis, reading) -> None:
    names: dict[str, set[int]] = {}
    for chain in analysis.chains:
        if chain.label != "ORG":
            continue
        for index in chain.mentions:
            for word in re.findall(r"[^\W\d_]+", analysis.mentions[index].span.text):
                names.setdefault(word.casefold(), set()).add(chain.id)
        for word in re.findall(r"[^\W\d_]+", chain.name):
            names.setdefault(word.casefold(), set()).add(chain.id)
    taken = {(m.span.start, m.span.end): i for i, m in enumerate(analysis.mentions)}
    alone: dict[str, Chain] = {}
    for token in reading.tokens:
        match = _MEMBER.fullmatch(token.text)
        named = taken.get((token.start, token.end))
        if match is None or named is None and any(s < token.end and token.start < e for s, e in taken):
            continue
        chains = names.get((match.group(1) or match.group(2)).casefold(), set())
        own = analysis.chains[analysis.mentions[named].chain] if named is not None and analysis.mentions[named].chain is not None else None
        if own is not None:
            chains = chains - {own.id}
        stem = match.group(1) or match.group(2)
        if not chains and named is None and len(stem) >= 4:
            chains = {_stored_group(analysis, stem.capitalize(), alone).id}
        if len(chains) != 1 or named is not None and (own is None or not _members_only(analysis, own)):
            continue
        (chain,) = chains
        if named is None:
            analysis.mentions.append(Mention(Span(token.start, token.end, token.text), "ORG", analysis.sentence_of(token.start)))
            named = len(analysis.mentions) - 1
        else:  # the name finder's chain of the word itself ("Вагнерівець") names no actor of its own
            own.mentions.remove(named)
            if not own.mentions:
                own.not_an_actor = "a group's fighters named after it, joined to the group"
        analysis.chains[chain].mentions.append(named)
        analysis.mentions[named].chain, analysis.mentions[named].role = chain, "description"


def _stored_group(analysis: Analysis, name: str, alone: dict[str, Chain]) -> Chain:
    """The chain of a group the article names only by its fighters: it joins a stored organisation of that name, or none."""
    if name not in alone:
        alone[name] = Chain(id=len(analysis.chains), name=name, label="ORG", known_only=True)
        analysis.chains.append(alone[name])
    return alone[name]


def _members_only(analysis: Analysis, chain) -> bool:
    """Whether every mention of the chain is a word for a group's fighters ("Вагнерівці")."""
    return all(_MEMBER.fullmatch(analysis.mentions[i].span.text) for i in chain.mentions)
