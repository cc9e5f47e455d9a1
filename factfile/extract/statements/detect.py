"""Sentences of pages not in English that give someone's claim where no reporting-verb rule read one.

The readers of other languages find statements by word tables (lang/reported*.py): a sentence whose verb, phrase or
construction no table holds gets no statement, however plainly it attributes ("Il governatore Kyrylenko ha invece
parlato di un missile russo Iskander"). This step asks a classifier instead: a logistic regression over the
multilingual sentence encoder the relater already loads (`relate/crosslingual.py`, USE-m), trained by
train/detect_attribution.py on PolNeAR's English sentences with and without an attribution and on the dev sets'
gold claim sentences, and scored leave-one-set-out by eval/detect_attribution.py. Only sentences that no statement
touches and that name a person, a body or a state (a `CANDIDATE`) are encoded, in one batch per page.

A sentence scored at the model's threshold or above becomes a statement built from what it names: the source is the
mention most likely to speak (`speaker`), the cue a placeholder (`placeholder_cue`: no verb table, and these readers
tag no parts of speech), the content the rest of the sentence, the certainty the reader's own words for denials and
hedges applied to the sentence.

Off unless asked for (`factfile ingest --detected-statements`, `FACTFILE_DETECTED_STATEMENTS=on`): on blind samples
nine in ten of the sentences it finds attribute a claim, but only about half of its statements name the right source.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from factfile.config import detected_statements_sought
from factfile.extract.capitals import capital_country
from factfile.extract.names import country_in_english
from factfile.records import Analysis, Certainty, Chain, Mention, Span, Statement

MODEL = Path(__file__).with_name("model") / "detect" / "attribution.json"
MIN_WORDS = 6
# Mentions that can speak: a person, a body, a state or its capital standing for its government (not another place).
SPEAKERS = frozenset({"PERSON", "ORG", "GPE"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]*")
_QUOTED = re.compile(r"«[^»]*»|„[^“”]*[“”]|“[^”]*”|\"[^\"\n]*\"")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ON = [True]


@contextmanager
def switched_off():
    """Run the readers without this step (train/ and eval/ read the sentences it would look at)."""
    _ON[0] = False
    try:
        yield
    finally:
        _ON[0] = True


@dataclass(slots=True)
class Candidate:
    """A sentence no statement touches that names someone who could speak."""

    sentence: Span
    speakers: list[Mention]


@dataclass(slots=True)
class Model:
    weights: np.ndarray
    bias: float
    threshold: float


@cache
def load_model(path: Path = MODEL) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), float(data["threshold"]))


def candidates(analysis: Analysis) -> list[Candidate]:
    """The sentences the classifier is asked about: MIN_WORDS words or more, no statement's cue, source or content
    inside, and a mention that can speak outside quotation marks."""
    text = analysis.article.text
    taken = [
        (min(s.start for s in parts), max(s.end for s in parts))
        for st in analysis.statements
        if (parts := [s for s in (st.source, st.cue, st.content) if s is not None])
    ]
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    found = []
    for sentence in analysis.sentences:
        if len(_WORD.findall(sentence.text)) < MIN_WORDS or any(a < sentence.end and sentence.start < b for a, b in taken):
            continue
        speakers = [
            m
            for m in analysis.mentions
            if sentence.contains(m.span)
            and m.label in SPEAKERS
            and m.chain is not None
            and analysis.chains[m.chain].not_an_actor is None
            and (m.label != "GPE" or _state(analysis.chains[m.chain]))
            and not any(a < m.span.start and m.span.end < b for a, b in quoted)
        ]
        if speakers:
            found.append(Candidate(sentence, speakers))
    return found


def _state(chain: Chain) -> bool:
    """A country, or its capital standing for its government ("Mosca ha rinnegato", "Moscou accuse Kiev")."""
    return any(country_in_english(name) or capital_country(name) for name in (chain.name, *chain.aliases))


def scores(texts: list[str], model: Model | None = None) -> np.ndarray:
    """The classifier's probability that each sentence attributes a claim to someone."""
    if not texts:
        return np.zeros(0, dtype=np.float32)
    from factfile.relate.crosslingual import encode

    model = model or load_model()
    return 1 / (1 + np.exp(-(encode(texts) @ model.weights + model.bias)))


def speaker(analysis: Analysis, candidate: Candidate) -> Mention:
    """A chain that speaks elsewhere on the page, then a person, then the first in the sentence: a subject stands
    before its verb's objects in most of the press's languages, and the target of an accusation is named after it."""
    speaking = {st.source_chain for st in analysis.statements if st.source_chain is not None}
    return min(candidate.speakers, key=lambda m: (m.chain not in speaking, m.label != "PERSON", m.span.start))


def placeholder_cue(text: str, sentence: Span, source: Span) -> Span:
    """The first word in small letters after the source (in the subject-verb order of most languages, its verb or
    the auxiliary before it), else the last one before it, else the source itself: a placeholder where no verb table
    names the cue."""
    after = _LOWER_WORD.search(text, source.end, sentence.end)
    if after is None:
        before = list(_LOWER_WORD.finditer(text, sentence.start, source.start))
        after = before[-1] if before else None
    if after is None:
        return source
    return Span(after.start(), after.end(), after.group(0))


def content_of(text: str, sentence: Span, source: Span, cue: Span) -> Span:
    """The sentence's words after the cue and source, or before them when fewer than three words follow."""
    start, end = max(source.end, cue.end), sentence.end
    if len(_WORD.findall(text[start:end])) < 3:
        start, end = sentence.start, min(source.start, cue.start)
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if len(_WORD.findall(text[start:end])) < 3:
        return sentence
    return Span(start, end, text[start:end])


def certainty(sentence: str) -> Certainty:
    """The readers' certainty words on the sentence: a denial verb or a rejection (`denied`), a hedge (`hedged`)."""
    if _CYRILLIC.search(sentence):
        from factfile.extract.lang.reported import DENIALS, HEDGES, REJECTION

        stems = tuple(d[: max(5, len(d) - 3)] for d in DENIALS)  # lemmas and forms: their stems
        if REJECTION.search(sentence) or any(w.casefold().startswith(stems) for w in _WORD.findall(sentence)):
            return "denied"
        return "hedged" if HEDGES.search(sentence) else "reported"
    from factfile.extract.lang.reported_latin import DENYING_WORDS, HEDGES

    if any(w.casefold() in DENYING_WORDS for w in _WORD.findall(sentence)):
        return "denied"
    return "hedged" if HEDGES.search(sentence) else "reported"


def detected(analysis: Analysis, model: Model | None = None) -> list[Statement]:
    """A statement for each candidate sentence the classifier scores at its threshold or above."""
    model = model or load_model()
    found = candidates(analysis)
    probabilities = scores([c.sentence.text for c in found], model)
    text = analysis.article.text
    result = []
    for candidate, probability in zip(found, probabilities, strict=True):
        if probability < model.threshold:
            continue
        mention = speaker(analysis, candidate)
        cue = placeholder_cue(text, candidate.sentence, mention.span)
        content = content_of(text, candidate.sentence, mention.span, cue)
        result.append(
            Statement(
                cue=cue,
                content=content,
                source=mention.span,
                source_type="person" if mention.label == "PERSON" else "organisation",
                direct=False,
                certainty=certainty(candidate.sentence.text),
                source_chain=mention.chain,
            )
        )
    return result


def add_detected(analysis: Analysis) -> None:
    """Append the detected statements (after the readers' own, whose `parent` indexes stay as they are)."""
    if _ON[0] and detected_statements_sought():
        analysis.statements = [*analysis.statements, *detected(analysis)]


__all__ = ["add_detected", "candidates", "detected", "scores", "switched_off"]
