"""A learned source linker: which named actor near its cue a statement left without an actor comes from.

The resolver (sources.py, late.py) links a source it can read; a source it cannot (a one-word source in a language
the rules do not read, a cue with no source words, a pronoun past its antecedent) is stored linked to no one.
This step ranks the actor mentions in the cue's sentence and up to `BACK` sentences before it by a logistic
regression over features that hold in every language: how far the mention is from the cue (sentences, words),
whether it comes before or after the cue, inside the source's words, the content or a quotation, the mention's
kind, how often the document names its actor, whether that actor is the last speaker or is first in its sentence,
and whether it is the resolver's own answer. A source with no actor takes the best candidate when its score passes
the model's threshold when the source is one word (a pronoun, a role, a name the rules do not read); a source of
several words or none keeps no actor, and a name in the source's own words the resolver did not take is no candidate.

Not yet called by the pipeline: with these guards it changes next to nothing on the dev sets (leave-one-set-out),
and without them it overrules answers of the resolver that tests hold (see train/source_linker.py).

The weights (model/source-linker.json) are trained by train/source_linker.py on the dev story sets' claim
occurrences (eval/realstory/*/gold.json); reading them needs no scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factfile.records import Analysis, Statement

MODEL_FILE = Path(__file__).parent / "model" / "source-linker.json"
BACK = 2  # sentences before the cue's searched for the speaker
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A sentence ends at a stop followed by space (closing quotes and brackets may come between), in any script.
_SENTENCE_END = re.compile(r"[.!?…。؟][\"'»”’)\]]*\s")
_WORD = re.compile(r"\w+")
_QUOTES = frozenset('"«»“”„‟')


@dataclass(frozen=True, slots=True)
class Candidate:
    """An actor mention near a cue: its characters, spaCy label, role and the key of its actor (chain or record)."""

    start: int
    end: int
    label: str
    role: str
    actor: int


@dataclass(frozen=True, slots=True)
class Cue:
    """What the linker reads of a statement: its cue, source and content spans (characters; source may be None)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    described: bool = False  # the source is a description of several words naming no actor ("le chef de l'État ukrainien")


def sentences_between(text: str, start: int, end: int) -> int:
    """How many sentence ends lie between two offsets."""
    return len(_SENTENCE_END.findall(text, start, end)) if start < end else 0


def candidates_near(text: str, cue: Cue, mentions: list[Candidate]) -> list[Candidate]:
    """The mentions in the cue's sentence and up to `BACK` sentences before it (none after the cue's sentence)."""
    result = []
    for m in mentions:
        if m.label not in SPEAKER_LABELS:
            continue
        if m.end <= cue.cue[0]:
            if sentences_between(text, m.end, cue.cue[0]) <= BACK:
                result.append(m)
        elif m.start >= cue.cue[1]:
            if sentences_between(text, cue.cue[1], m.start) == 0:
                result.append(m)
        else:
            result.append(m)
    return result


def features(
    text: str, cue: Cue, candidate: Candidate, near: list[Candidate], counts: Counter, last_speaker: int | None
) -> dict[str, float]:
    """Language-independent features of one candidate for one cue."""
    m = candidate
    before = m.end <= cue.cue[0]
    gap = text[m.end : cue.cue[0]] if before else text[cue.cue[1] : m.start] if m.start >= cue.cue[1] else ""
    sentences = sentences_between(text, m.end, cue.cue[0]) if before else 0
    words = len(_WORD.findall(gap))
    f: dict[str, float] = {
        f"sentences={sentences}": 1.0,
        "before cue" if before else "after cue": 1.0,
        f"words={_bucket(words)}": 1.0,
        f"label={m.label}": 1.0,
        f"role={m.role}": 1.0,
        "mentions": math.log1p(counts[m.actor]),
        "bias": 1.0,
    }
    if cue.source is not None:
        s0, s1 = cue.source
        if s0 <= m.start and m.end <= s1:
            f["in source"] = 1.0
            f[f"in source label={m.label}"] = 1.0
        elif m.start < s1 and s0 < m.end:
            f["overlaps source"] = 1.0
        elif m.end <= s0:
            f["before source"] = 1.0
        f["source=none"] = 0.0
    else:
        f["source=none"] = 1.0
    c0, c1 = cue.content
    if c0 <= m.start and m.end <= c1:
        f["in content"] = 1.0
    if _quoted(text, m.start):
        f["in quotation"] = 1.0
    if last_speaker is not None and m.actor == last_speaker:
        f["last speaker"] = 1.0
    same_side = [n for n in near if (n.end <= cue.cue[0]) == before and n.actor != m.actor]
    if before and not any(m.end <= n.start and n.end <= cue.cue[0] for n in same_side):
        f["nearest before cue"] = 1.0
    if not before and not any(cue.cue[1] <= n.start and n.end <= m.start for n in same_side):
        f["nearest after cue"] = 1.0
    if counts and counts[m.actor] == max(counts.values()):
        f["most named"] = 1.0
    line = max(text.rfind("\n", 0, m.start), max((x.end() for x in _SENTENCE_END.finditer(text, 0, m.start)), default=0) - 1)
    if not _WORD.search(text[line + 1 : m.start]):
        f["opens sentence"] = 1.0
    return f


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11-20" if n <= 20 else "21+"


def _quoted(text: str, at: int) -> bool:
    """Inside quotation marks: an odd number of quote characters since the paragraph began."""
    start = text.rfind("\n", 0, at) + 1
    return sum(c in _QUOTES for c in text[start:at]) % 2 == 1


@dataclass(frozen=True, slots=True)
class Linker:
    weights: dict[str, float]
    threshold: float

    def score(self, f: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in f.items())
        return 1 / (1 + math.exp(-z))

    def choose(
        self,
        text: str,
        cue: Cue,
        mentions: list[Candidate],
        counts: Counter,
        last_speaker: int | None,
        resolved: int | None = None,
    ) -> int | None:
        """The actor of the best-scoring candidate near the cue, the resolver's actor being one of them; with no
        resolver's actor, only for a source of one word (a pronoun, a role, a name the rules do not read) and a
        candidate whose score passes the threshold (else None: a source may name no one). A source of several words
        the resolver matched against the article's actors (sources.py, roles.py), and a cue the rules found no source
        words for, keep no actor: the resolver's finding no one is an answer."""
        if resolved is None and not fallback(cue):
            return None
        scored = [(self.score(f), actor) for actor, f in candidate_features(text, cue, mentions, counts, last_speaker, resolved)]
        if not scored:
            return resolved
        best, actor = max(scored)
        return actor if resolved is not None or best >= self.threshold else None


def candidate_features(
    text: str, cue: Cue, mentions: list[Candidate], counts: Counter, last_speaker: int | None, resolved: int | None
) -> list[tuple[int, dict[str, float]]]:
    """Each candidate actor near the cue with its features; the resolver's actor, when it is named nowhere near, as
    a candidate of its own."""
    near = candidates_near(text, cue, mentions)
    result = []
    for m in near:
        if resolved is None and cue.source is not None and m.start < cue.source[1] and cue.source[0] < m.end:
            continue  # a name in the source's own words the resolver did not take is not taken here either
        f = features(text, cue, m, near, counts, last_speaker)
        if resolved is not None and m.actor == resolved:
            f["resolved"] = 1.0
        result.append((m.actor, f))
    if resolved is not None and all(m.actor != resolved for m in near):
        result.append((resolved, {"resolved": 1.0, "resolved far": 1.0, "bias": 1.0, "mentions": math.log1p(counts[resolved])}))
    return result


@cache
def default_linker() -> Linker | None:
    try:
        data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    except OSError:
        return None
    return Linker(data["weights"], data["threshold"])


def link_sources(analysis: Analysis, linker: Linker | None = None) -> None:
    """Give each attributed statement whose source has no actor the chain the linker picks near its cue."""
    linker = linker or default_linker()
    if linker is None:
        return
    chains = analysis.chains
    mentions = [
        Candidate(m.span.start, m.span.end, m.label, m.role, m.chain)
        for m in analysis.mentions
        if m.chain is not None and m.chain < len(chains) and chains[m.chain].not_an_actor is None
    ]
    counts = Counter(m.actor for m in mentions)
    text = analysis.article.text
    last: int | None = None
    for statement in sorted(analysis.statements, key=lambda st: st.cue.start if st.cue else st.content.start):
        if statement.cue is None or statement.source_type == "article":
            continue
        resolved = statement.source_chain if _linked(analysis, statement) else None
        chain = linker.choose(text, cue_of(text, statement, mentions), mentions, counts, last, resolved)
        if resolved is not None:
            last = resolved
        if chain is not None:
            statement.source_chain = chain


def cue_of(text: str, statement: Statement, mentions: list[Candidate] = ()) -> Cue:
    """What the linker reads of a statement; `mentions`: the document's actor mentions."""
    source = (statement.source.start, statement.source.end) if statement.source is not None else None
    return Cue(
        (statement.cue.start, statement.cue.end),
        source,
        (statement.content.start, statement.content.end),
        described(text, source, mentions),
    )


def fallback(cue: Cue) -> bool:
    """Whether the linker may give an actor to a source the resolver left with none: one of a single word."""
    return cue.source is not None and not cue.described


def described(text: str, source: tuple[int, int] | None, mentions: list[Candidate] = ()) -> bool:
    """A source of two words or more: a description or name the resolver read ("the head of the Wagner group")."""
    return source is not None and len(_WORD.findall(text, source[0], source[1])) >= 2


def _linked(analysis: Analysis, statement: Statement) -> bool:
    chain = statement.source_chain
    return chain is not None and chain < len(analysis.chains) and analysis.chains[chain].not_an_actor is None


__all__ = [
    "BACK",
    "Candidate",
    "Cue",
    "Linker",
    "MODEL_FILE",
    "candidate_features",
    "candidates_near",
    "cue_of",
    "described",
    "default_linker",
    "features",
    "link_sources",
]
