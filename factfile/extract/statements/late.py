"""Sources left with no actor once every mention is in, linked where the article says whom they name.

The readers of other languages find statements before they add office titles ("российский лидер"), names in
uncased scripts and translated bodies to the mentions, and a source resolved to a chain that is no actor's
("defence ministry" in small letters, see `Chain.not_an_actor`) is stored linked to no one. Such a source takes
the chain of a name that is all of it; a document the chain of the one actor it names ("the AP's report", "a UN
press release"); a description the latest earlier body whose name holds all its words but those of places
("the defence ministry" after "Russia's defence ministry"); and a pronoun the source this pass linked for the
statement it goes on from. The pass runs on every language, English included. Last, a source with no words of
its own (none, or only a pronoun) takes the actor the learned linker picks near its cue, or no one (linker.py).
"""

from __future__ import annotations

import re

from factfile.extract.frequency import zipf
from factfile.extract.statements.continued import quotations, turn_start
from factfile.extract.statements.linker import FUNCTION_ZIPF, link_sources
from factfile.extract.statements.sources import _place_name
from factfile.records import Analysis, Mention, Statement

_SPEAKERS = frozenset({"PERSON", "ORG"})
_TRAILING = " \t\n,;:.()\"'«»“”„"
# Pronouns a speaker goes on with ("he added", "він додав"): English, Russian, Ukrainian, Bulgarian.
PRONOUNS = frozenset({"he", "she", "it", "they", "он", "она", "они", "він", "вона", "вони", "той", "тя"})
SPEAKER_SENTENCES = 2  # how far back a pronoun looks for the source it goes on quoting, as in sources.py
_BODIES = frozenset({"organisation", "official", "anonymous"})
_STEM = 5  # letters of a word compared, so that case endings do not count ("в генштабі", "Генштаб")
_WORD = re.compile(r"[^\W\d_]{4,}")
_ANY_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ARTICLE = re.compile(r"^[^\W\d_]{1,3}['’]?\s*$")  # one short word before the name: "Le", "the", "Die", "l’"


def link_late_sources(analysis: Analysis) -> None:
    """Give each statement whose source has no chain the chain this pass can read (see the module docstring)."""
    linked_here: set[int] = set()
    for k, statement in enumerate(analysis.statements):
        if statement.source is None or _linked(analysis, statement.source_chain) or statement.source_type == "article":
            continue
        chain = _named(analysis, statement)
        if chain is None and statement.source_type == "document":
            chain = _issuer(analysis, statement)
        if chain is None and statement.source_type in _BODIES:
            chain = _described_earlier(analysis, statement)
        if chain is None and statement.source.text.strip(_TRAILING).casefold() in PRONOUNS:
            chain = _continued(analysis, k, linked_here)
        if chain is None and statement.source_type in _BODIES and _kind_alone(analysis, statement):
            chain = _body_speaking_before(analysis, k)
        if chain is not None:
            statement.source_chain = chain
            linked_here.add(k)
    link_sources(analysis)


def _linked(analysis: Analysis, chain: int | None) -> bool:
    """Whether a chain is an actor's: not "defence ministry" in small letters, which the store links to no one."""
    return chain is not None and analysis.chains[chain].not_an_actor is None


def _actor_mentions(analysis: Analysis, statement: Statement) -> list[Mention]:
    source = statement.source
    return [
        m
        for m in analysis.mentions
        if m.chain is not None
        and m.label in _SPEAKERS
        and source.start <= m.span.start
        and m.span.end <= source.end
        and analysis.chains[m.chain].not_an_actor is None
    ]


def _named(analysis: Analysis, statement: Statement) -> int | None:
    """The chain of a name that is the whole source, but for a short article before it ("Le Comité d'enquête russe")."""
    source = statement.source
    end = source.start + len(source.text.rstrip(_TRAILING))
    for mention in _actor_mentions(analysis, statement):
        if statement.source_type == "person" and "ORG" in (mention.label, analysis.chains[mention.chain].label):
            continue  # "El líder del Grupo Wagner" tagged as the group's name is its leader, not the group
        before = analysis.article.text[source.start : mention.span.start].lstrip(_TRAILING)
        if mention.span.end == end and (not before or _ARTICLE.match(before)):
            return mention.chain
    return None


def _issuer(analysis: Analysis, statement: Statement) -> int | None:
    """A document source naming one actor is that actor's ("the NYT report", "Prigozhin audio messages")."""
    chains = {m.chain for m in _actor_mentions(analysis, statement)}
    return chains.pop() if len(chains) == 1 else None


def _described_earlier(analysis: Analysis, statement: Statement) -> int | None:
    """A description all of whose words, but those of places and nationalities, an earlier body's name holds
    ("the defence ministry" after "Russia's defence ministry"): the latest such body."""
    places = {w[:_STEM] for m in analysis.mentions if m.label in ("GPE", "NORP", "LOC") for w in _words(m.span.text)}
    wanted = [w[:_STEM] for w in _words(statement.source.text) if w[:_STEM] not in places]
    if not wanted:
        return None
    found = None
    for mention in sorted(analysis.mentions, key=lambda m: m.span.start):
        if mention.span.start >= statement.source.start:
            break
        if mention.chain is None or mention.label != "ORG" or analysis.chains[mention.chain].not_an_actor is not None:
            continue
        held = _words(mention.span.text)
        if all(any(word.startswith(w) for word in held) for w in wanted):
            found = mention.chain
    return found


def _kind_alone(analysis: Analysis, statement: Statement) -> bool:
    """Whether a source names a body by its kind alone, not in English (whose descriptions sources.py resolves): one
    word of its own, after at most one function word ("Die Behörde", "В ведомстве", "у відомстві", "su oficina"), no
    name in it; in Russian and Ukrainian a noun neither plural nor animate by pymorphy3 ("В ведомстве", not "Оккупанты"
    or "журналістів"); in other languages after a function word, as a noun with its article. Words of its own are
    those under linker.FUNCTION_ZIPF on wordfreq's scale."""
    language = (analysis.article.language or "").split("-")[0]
    source = statement.source
    if not language or language == "en" or any(source.start <= m.span.start < source.end for m in analysis.mentions):
        return False
    words = [w.casefold() for w in _ANY_WORD.findall(source.text)]
    if not 1 <= len(words) <= 2:
        return False
    try:
        own = [zipf(w, language) < FUNCTION_ZIPF for w in words]
    except (LookupError, ImportError):
        return False
    if own != [False] * (len(words) - 1) + [True]:
        return False
    if language in ("ru", "uk"):
        from factfile.extract.lang.morph import analyzer

        tag = analyzer(language).parse(words[-1])[0].tag
        return tag.POS == "NOUN" and tag.number != "plur" and tag.animacy == "inan"
    return len(words) == 2


def _linked_before(analysis: Analysis, index: int) -> list[tuple[int, int]]:
    """(start, statement index) of the linked sources before this statement's source, within its speaker's turn."""
    statement = analysis.statements[index]
    window = turn_start(analysis.article.text, analysis.sentences, statement.source.start, SPEAKER_SENTENCES)
    return [
        (st.source.start, k)
        for k, st in enumerate(analysis.statements)
        if k != index
        and st.source is not None
        and _linked(analysis, st.source_chain)
        and window <= st.source.start < statement.source.start
    ]


def _body_speaking_before(analysis: Analysis, index: int) -> int | None:
    """The body a source naming only its kind goes on from: the latest linked source before it in its turn ("teilte das
    Nationale Anti-Terror-Komitee mit ... Die Behörde erklärte"), when it is an actor tagged an organisation and no
    place; a person speaking in between ends the body's turn. Sources linked to no one in between are skipped, and so are
    sources inside a quotation (someone's words, not the article's speaker: "ТРК "Точка-У"" in a quoted report)."""
    quoted = quotations(analysis.article.text)
    earlier = [(start, k) for start, k in _linked_before(analysis, index) if not any(q.start <= start < q.end for q in quoted)]
    if not earlier:
        return None
    chain = analysis.statements[max(earlier)[1]].source_chain
    if analysis.chains[chain].label != "ORG" or _place_name(analysis, chain):
        return None
    return chain


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _continued(analysis: Analysis, index: int, linked_here: set[int]) -> int | None:
    """The source a pronoun goes on quoting, when this pass linked it: the last linked source before it, in its turn."""
    earlier = _linked_before(analysis, index)
    if not earlier:
        return None
    _, last = max(earlier)
    return analysis.statements[last].source_chain if last in linked_here else None


__all__ = ["link_late_sources"]
