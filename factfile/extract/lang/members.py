"""A group's fighters named after it are the group: "вагнеровцы", "вагнерівці", "вагнераўцы" (Wagner's
men), "ЧВКшники" (the PMC's). Russian, Ukrainian and Belarusian news call an armed group by its
members far more often than by its name, in small letters, where no name finder looks.

A word is such a name when it is a stem, a member suffix, and the stem is the name of one
organisation the article names ("Вагнер" of "ЧВК «Вагнер»"); the word then joins that organisation's
chain as a description (not an alias). Without the organisation in the article nothing is joined:
"кадыровцы" are Kadyrov's men, not Kadyrov.
"""

from __future__ import annotations

import re

from factfile.records import Analysis, Mention, Span

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
    taken = [(m.span.start, m.span.end) for m in analysis.mentions]
    for token in reading.tokens:
        match = _MEMBER.fullmatch(token.text)
        if match is None or any(s < token.end and token.start < e for s, e in taken):
            continue
        chains = names.get((match.group(1) or match.group(2)).casefold(), set())
        if len(chains) != 1:
            continue
        (chain,) = chains
        analysis.chains[chain].mentions.append(len(analysis.mentions))
        analysis.mentions.append(Mention(Span(token.start, token.end, token.text), "ORG", analysis.sentence_of(token.start),
                                         chain=chain, role="description"))
