"""Who a role stands for: the person an article names beside the role word or the body it is of.

Shared by the statement readers of every language: English sources ("the head of the Wagner group"), the word-rule
readers' descriptions ("il capo del gruppo Wagner", reported_described.py) and the Cyrillic reader ("Очільник СБУ").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factfile.records import Analysis, Mention

IDENTIFIED_WITHIN = 2  # sentences after a lead's role in which it names the role's holder
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Adjectives that stand before the head noun ("das russische Zivilschutzministerium", "le porte-parole").
ADJECTIVES = frozenset(
    """
    russische russischen ukrainische ukrainischen nationale nationalen russe russo russa ruso rusa russo ukrainien ukrainienne
    ucraino ucraina ucraniano ucraniana ucraniano rosyjski rosyjskie rosyjska ukraiński ukraińska ehemalige ancien ancienne
    ex former stellvertretende vice
""".split()
)


def role_holder(analysis: Analysis, text: str, before: int, role: str, phrase: str, organisations: list[Mention]) -> int | None:
    """The person a role stands for: one the article names beside the same role word ("Yevgeny Prigozhin,
    capo della Wagner") or beside the organisation the description names ("il gruppo Wagner guidato da
    Prighozin"), and beside a word of what qualifies the role ("del parlamento regional de Crimea" is not the
    "presidente ruso, Vladímir Putin"); of several, the last before the description."""
    wanted = {m.chain for m in organisations if m.chain is not None}
    words = [w.casefold() for w in WORD.findall(phrase)]
    qualifiers = (
        {w for w in words[words.index(role) + 1 :] if len(w) > 3 and w not in GENITIVES and w not in ADJECTIVES}
        if role in words
        else set()
    )
    leader = _leader(role, words)
    if leader:  # "le chef de l'État ukrainien" after "le président ukrainien X": the same office, told by its country
        qualifiers = {q for q in qualifiers if not _state_word(q)}
        countries = {w for w in words if w in ADJECTIVES and w not in _NOT_COUNTRIES}
    found = []
    for m in analysis.mentions:
        if m.label != "PERSON" or m.chain is None:
            continue
        near = text[max(m.sentence.start, m.span.start - 60) : min(m.sentence.end, m.span.end + 60)].casefold()
        beside_organisation = any(
            o.chain in wanted and abs(o.span.start - m.span.start) <= 60 for o in analysis.mentions if o.label == "ORG"
        )
        if leader and countries and role not in near:
            held = set(WORD.findall(near))
            same_office = bool(held & LEADERS) and countries <= held
            if same_office and (not qualifiers or any(q in near for q in qualifiers)):
                found.append(m)
            continue
        if (role in near or beside_organisation) and (not qualifiers or any(q in near for q in qualifiers)):
            found.append(m)
    chains = {m.chain for m in found}
    if len(chains) == 1:
        return chains.pop()
    earlier = [m for m in found if m.span.end <= before]
    return earlier[-1].chain if earlier else None


# A country's leader by the words news uses for the office (presidents, heads of state, leaders), in the languages of
# reported_described.ROLES; "chef", "capo", "jefe", "szef" only with a word for the state ("chef de l'État").
LEADERS = frozenset(
    """
    président présidente dirigeant leader presidente líder mandatario präsident präsidentin staatschef staatsoberhaupt
    prezydent przywódca president
""".split()
)
HEADS = frozenset("chef capo jefe szef głowa".split())
STATE_WORDS = frozenset("état etat stato estado staates państwa".split())
_NOT_COUNTRIES = frozenset("nationale nationalen ehemalige ancien ancienne ex former stellvertretende vice".split())


def _leader(role: str, words: list[str]) -> bool:
    """Whether a role is a country's leader: a word of `LEADERS`, or a head of the state ("capo dello Stato")."""
    if role in LEADERS:
        return True
    after = words[words.index(role) + 1 : words.index(role) + 4] if role in words else []
    return role in HEADS and any(_state_word(w) for w in after)


def _state_word(word: str) -> bool:
    """Whether a word is a word for the state, an elided article aside ("l'état")."""
    return re.split("['’]", word)[-1] in STATE_WORDS


# Words that make a name after a role the role's complement, not its holder ("il capo del gruppo Wagner").
GENITIVES = frozenset("de du des d' d’ del della dello dei degli delle di von der des vom do da dos das of".split())


def identified_later(analysis: Analysis, start: int, end: int, keep: Callable[[int], bool] = lambda chain: True) -> int | None:
    """A lead's delayed identification ("The head of the Wagner group says ... The announcement from Yevgeny Prigozhin
    ...", "El jefe del grupo Wagner dice ... El anuncio de Yevgeny Prigozhin ..."): news names a role first and its
    holder by name in the sentences right after (not its own: "... to oust Russia's defence minister"). Only for a role
    before which the article names no person: after one, the role may be anyone's. `keep`: which person chains count."""
    people = [
        m
        for m in analysis.mentions
        if m.chain is not None and m.chain < len(analysis.chains) and analysis.chains[m.chain].label == "PERSON" and keep(m.chain)
    ]
    if any(m.span.end <= start for m in people):
        return None
    after = [s for s in analysis.sentences if s.start >= end][:IDENTIFIED_WITHIN]
    later = [m for m in people if m.role == "name" and after and after[0].start <= m.span.start and m.span.end <= after[-1].end]
    return min(later, key=lambda m: m.span.start).chain if later else None
