"""A learned source linker: who speaks for a statement whose source has no words of its own.

The resolver (sources.py, roles.py, late.py) reads a source's words: a name, a description it matches against the
article's actors, a pronoun it follows back. Its answer stands for every source with words of its own, an actor or
none ("Experts", "the committee", "Lukashenko's press service" name or describe their speaker; a name beside them is
not theirs), and a cue with no source words keeps no actor (see `bare`). A bare source (only function words such
as "he", "він", "Там", or a quotation mark) says nothing of its speaker; where the resolver found it no antecedent,
this step chooses among the actor mentions in the cue's sentence and up to `BACK` sentences before it and `NONE`,
"no one named here" (a speaker named further back, an unnamed one, the article's own voice). Each option is scored by a logistic regression over features
that hold in every language: how far the mention is from the cue (sentences, words) and on which side, inside the
source's words, the content or a quotation, the mention's kind, how often the document names its actor, whether
that actor is the last speaker or first in its sentence (and, in training, whether it is the resolver's answer); `NONE` by how many
actors are near, the source's kind, and whether the cue opens its sentence or sits in a quotation.

The weights (model/source-linker.json) are trained by train/source_linker.py on the dev story sets' claim
occurrences (eval/realstory/*/gold.json), which also prints its leave-one-set-out figures; reading them needs no
scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factfile.extract.frequency import zipf
from factfile.records import Analysis, Statement

MODEL_FILE = Path(__file__).parent / "model" / "source-linker.json"
BACK = 2  # sentences before the cue's searched for the speaker
FUNCTION_ZIPF = 5.6  # wordfreq Zipf of a function word: pronouns ("she" 6.3, "ona" 5.7) above, "police" 5.3 under
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
    """What the linker reads of a statement: its cue, source and content spans (characters; source may be None) and
    whether the source has no words of its own that could name someone (none at all, or only function words)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    bare: bool = False


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
    side = "before" if before else "after" if m.start >= cue.cue[1] else "inside"
    f[f"{side} sentences={sentences} label={m.label}"] = 1.0
    f[f"{side} words={_bucket(words)}"] = 1.0
    if cue.bare:
        f[f"bare {side} label={m.label}"] = 1.0
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
        f[f"{side} in content"] = 1.0
    if _quoted(text, m.start):
        f["in quotation"] = 1.0
    if last_speaker is not None and m.actor == last_speaker:
        f["last speaker"] = 1.0
    same_side = [n for n in near if (n.end <= cue.cue[0]) == before and n.actor != m.actor]
    if before and not any(m.end <= n.start and n.end <= cue.cue[0] for n in same_side):
        f["nearest before cue"] = 1.0
    if not before and not any(cue.cue[1] <= n.start and n.end <= m.start for n in same_side):
        f["nearest after cue"] = 1.0
    alike = [n for n in same_side if n.label == m.label]
    if not any(
        (m.end <= n.start and n.end <= cue.cue[0]) if before else (n.end <= m.start and n.start >= cue.cue[1]) for n in alike
    ):
        f[f"nearest {m.label} {side}"] = 1.0
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
        """The speaker of a bare source the resolver left with no actor (see `bare`): the best-scoring of the actors
        named near the cue and no one (`NONE`, scored by features of its own). A source with words of its own keeps
        what the resolver read of it, an actor or none, and so does a pronoun the resolver followed back: re-ranking
        those changed one statement of the dev store, wrongly ("the Russian Federation, which claimed" taken from
        Russia to the UN)."""
        if not cue.bare or resolved is not None:
            return resolved
        scored = [
            (self.score(f), actor is NONE, actor)
            for actor, f in candidate_features(text, cue, mentions, counts, last_speaker, resolved)
        ]
        _, _, actor = max(scored)
        return None if actor is NONE else actor


NONE = None
"""The candidate "no one named near the cue is the speaker": a description, an unnamed source, the article's voice."""


def none_features(text: str, cue: Cue, near: list[Candidate], resolved: int | None) -> dict[str, float]:
    """Features of the answer "no one named here"."""
    f = {
        "none": 1.0,
        f"none candidates={_bucket(len({m.actor for m in near}))}": 1.0,
        "none source=" + ("none" if cue.source is None else "bare" if cue.bare else "words"): 1.0,
    }
    if resolved is not None:
        f["none resolved"] = 1.0
    if not any(m.end <= cue.cue[0] and sentences_between(text, m.end, cue.cue[0]) == 0 for m in near):
        f["none nobody before cue in its sentence"] = 1.0
    if _quoted(text, cue.cue[0]):
        f["none cue in quotation"] = 1.0
    line = max(
        text.rfind("\\n", 0, cue.cue[0]), max((x.end() for x in _SENTENCE_END.finditer(text, 0, cue.cue[0])), default=0) - 1
    )
    if not _WORD.search(text[line + 1 : cue.cue[0]]):
        f["none cue opens sentence"] = 1.0
    return f


def candidate_features(
    text: str, cue: Cue, mentions: list[Candidate], counts: Counter, last_speaker: int | None, resolved: int | None
) -> list[tuple[int | None, dict[str, float]]]:
    """Each candidate actor near the cue with its features; the resolver's actor, when it is named nowhere near, as
    a candidate of its own; and `NONE`."""
    near = candidates_near(text, cue, mentions)
    result: list[tuple[int | None, dict[str, float]]] = []
    for m in near:
        if resolved is None and cue.source is not None and m.start < cue.source[1] and cue.source[0] < m.end:
            continue  # a name in the source's own words the resolver did not take is not taken here either
        f = features(text, cue, m, near, counts, last_speaker)
        if resolved is not None and m.actor == resolved:
            f["resolved"] = 1.0
        result.append((m.actor, f))
    if resolved is not None and all(m.actor != resolved for m in near):
        result.append((resolved, {"resolved": 1.0, "resolved far": 1.0, "bias": 1.0, "mentions": math.log1p(counts[resolved])}))
    result.append((NONE, none_features(text, cue, near, resolved)))
    return result


@cache
def default_linker() -> Linker | None:
    try:
        data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    except OSError:
        return None
    return Linker(data["weights"])


def link_sources(analysis: Analysis, linker: Linker | None = None) -> None:
    """Give each attributed statement with a bare source (only function words) and no actor the actor the linker
    picks near its cue, or none; every other statement keeps the resolver's answer. The article's speaker mentions
    (each word's frequency looked up in the page's language) are read only for a page that has such a statement."""
    linker = linker or default_linker()
    if linker is None:
        return
    text = analysis.article.text
    language = analysis.article.language
    mentions: list[Candidate] | None = None
    counts: Counter = Counter()
    last: int | None = None
    for statement in sorted(analysis.statements, key=lambda st: st.cue.start if st.cue else st.content.start):
        if statement.cue is None or statement.source_type == "article":
            continue
        if _linked(analysis, statement):
            last = statement.source_chain
            continue
        cue = cue_of(text, statement, language)
        if not cue.bare:
            continue
        if mentions is None:
            mentions = _speakers(analysis, language)
            counts = Counter(m.actor for m in mentions)
        statement.source_chain = linker.choose(text, cue, mentions, counts, last)


def _speakers(analysis: Analysis, language: str | None) -> list[Candidate]:
    """The article's mentions of actors that can name a speaker (`named`)."""
    chains = analysis.chains
    return named(
        analysis.article.text,
        [
            Candidate(m.span.start, m.span.end, m.label, m.role, m.chain)
            for m in analysis.mentions
            if m.chain is not None and m.chain < len(chains) and chains[m.chain].not_an_actor is None
        ],
        language,
    )


def cue_of(text: str, statement: Statement, language: str | None) -> Cue:
    """What the linker reads of a statement."""
    source = (statement.source.start, statement.source.end) if statement.source is not None else None
    return Cue(
        (statement.cue.start, statement.cue.end),
        source,
        (statement.content.start, statement.content.end),
        bare(text, source, language),
    )


def bare(text: str, source: tuple[int, int] | None, language: str | None) -> bool:
    """A source span with no words of its own that could name or describe someone: only function words ("he", "він",
    "Там", "which": each at least `FUNCTION_ZIPF` on wordfreq's scale in the page's language) or none (a quotation
    mark). "Experts" or "the ministry" describe their speaker and are not bare. A cue with no source span at all is
    not either: most of those report no one's statement ("reportedly", "speculation about") or are the article's own
    voice ("Отметим, что"), and linking them to a name nearby was wrong 24 times in a sample of 30."""
    if source is None:
        return False
    words = _WORD.findall(text, source[0], source[1])
    if not words or not language:
        return not words
    return all(function_word(word, language) for word in words)


def function_word(word: str, language: str | None) -> bool:
    """A word at least `FUNCTION_ZIPF` on wordfreq's scale in the page's language ("la", "di", "по", "que", "he");
    False where wordfreq has no list for the language."""
    try:
        return bool(language) and zipf(word.casefold(), language) >= FUNCTION_ZIPF
    except (LookupError, ImportError):
        return False


def named(text: str, mentions: list[Candidate], language: str | None) -> list[Candidate]:
    """The mentions that can name a speaker: not those of function words only ("Тим" of "Тим часом", "meanwhile",
    tagged a person)."""
    return [m for m in mentions if not bare(text, (m.start, m.end), language)]


def _linked(analysis: Analysis, statement: Statement) -> bool:
    chain = statement.source_chain
    return chain is not None and chain < len(analysis.chains) and analysis.chains[chain].not_an_actor is None


__all__ = [
    "BACK",
    "FUNCTION_ZIPF",
    "NONE",
    "Candidate",
    "Cue",
    "Linker",
    "MODEL_FILE",
    "bare",
    "candidate_features",
    "candidates_near",
    "cue_of",
    "default_linker",
    "features",
    "function_word",
    "link_sources",
    "named",
    "none_features",
]
