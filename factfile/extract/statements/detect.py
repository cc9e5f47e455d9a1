"""Sentences of pages not in English that give someone's claim where no reporting-verb rule read one.

The readers of other languages find statements by word tables (lang/reported*.py): a sentence whose verb, phrase or
construction no table holds gets no statement, however plainly it attributes ("Il governatore Kyrylenko ha invece
parlato di un missile russo Iskander"). This step asks a classifier instead: a logistic regression over the
multilingual sentence encoder the relater already loads (`relate/crosslingual.py`, USE-m), trained by
train/detect_attribution.py on PolNeAR's English sentences with and without an attribution and on the dev sets'
gold claim sentences, and scored leave-one-set-out by eval/detect_attribution.py. Only sentences that no statement
touches and that name a person, a body or a state (a `CANDIDATE`) are encoded, in one batch per page.

A sentence scored at the model's threshold or above becomes a statement built from what it names: the source is the
option a second logistic regression ranks first among the sentence's speaker mentions and "no one named here"
(`source_options`, `speaker`; train/detect_source.py, over features that hold in every language), kept only when the
readers heard that chain speak elsewhere on the page, else no statement; the cue a placeholder (`placeholder_cue`: no verb table, and these readers
tag no parts of speech), the content the rest of the sentence, the certainty the reader's own words for denials and
hedges applied to the sentence.

Off unless asked for (`factfile ingest --detected-statements`, `FACTFILE_DETECTED_STATEMENTS=on`): on blind samples
nine in ten of the sentences it finds attribute a claim, but its sources are right about as often as wrong (third
sample, `eval/detect_attribution.py --source-labelled`: the first rule 15 right and 22 wrong, the ranker 4 and 3,
making no statement for the other 30).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from factfile.config import detected_statements_sought
from factfile.extract.capitals import capital_country
from factfile.extract.names import country_in_english
from factfile.extract.statements.linker import Linker, function_word
from factfile.records import Analysis, Certainty, Chain, Mention, Span, Statement

MODEL = Path(__file__).with_name("model") / "detect" / "attribution.json"
SOURCE_MODEL = MODEL.with_name("source.json")
MIN_WORDS = 6
# Mentions that can speak: a person, a body, a state or its capital standing for its government (not another place).
SPEAKERS = frozenset({"PERSON", "ORG", "GPE"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]*")
_QUOTED = re.compile(r"«[^»]*»|„[^“”]*[“”]|“[^”]*”|\"[^\"\n]*\"")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
SPEAKS = "speaks on page"  # the feature of an option whose chain is the source of a reader's statement on the page
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


def candidates(analysis: Analysis, touched: bool = False) -> list[Candidate]:
    """The sentences the classifier is asked about: MIN_WORDS words or more, no statement's cue, source or content
    inside (unless `touched`: train/detect_source.py learns sources on every sentence), and a mention that can speak
    outside quotation marks."""
    text = analysis.article.text
    taken = [
        (min(s.start for s in parts), max(s.end for s in parts))
        for st in analysis.statements
        if (parts := [s for s in (st.source, st.cue, st.content) if s is not None])
    ]
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    found = []
    for sentence in analysis.sentences:
        if len(_WORD.findall(sentence.text)) < MIN_WORDS or (
            not touched and any(a < sentence.end and sentence.start < b for a, b in taken)
        ):
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


def speaker_by_rule(analysis: Analysis, candidate: Candidate) -> Mention:
    """The first rule (eval/ compares the ranker with it): a chain that speaks elsewhere on the page, then a person,
    then the first in the sentence."""
    speaking = _speaking(analysis)
    return min(candidate.speakers, key=lambda m: (m.chain not in speaking, m.label != "PERSON", m.span.start))


def speaker(analysis: Analysis, candidate: Candidate, ranker: Linker | None = None) -> Mention | None:
    """The option the source ranker scores highest among the sentence's speaker mentions and `None`, "no one named
    here" (the speaker named further back, unnamed, or the target of the claim only), kept only when its chain speaks
    elsewhere on the page (`SPEAKS`): with `None` the sentence gets no statement. Left to choose among every option,
    the ranker was right 22 times and wrong 15 on the dev sets' gold claim sentences among the candidates (leave one
    set out; the first rule 34 and 81); kept to a chain the readers heard speak, 11 and 2 (12 and 2 against the first
    rule's 34 and 82 by `eval/detect_attribution.py --store` on the store the merged code wrote)."""
    ranker = ranker or load_ranker()
    scored = [(ranker.score(f), m is None, -k, m, f) for k, (m, f) in enumerate(source_options(analysis, candidate))]
    _, _, _, chosen, features = max(scored, key=lambda t: t[:3])
    return chosen if SPEAKS in features else None


@cache
def load_ranker(path: Path = SOURCE_MODEL) -> Linker:
    return Linker(json.loads(path.read_text(encoding="utf-8"))["weights"])


def _speaking(analysis: Analysis, besides: Span | None = None) -> set[int]:
    """The chains that speak on the page (outside the sentence `besides`)."""
    return {
        st.source_chain
        for st in analysis.statements
        if st.source_chain is not None and (besides is None or st.cue is None or not besides.contains(st.cue))
    }


def source_options(analysis: Analysis, candidate: Candidate) -> list[tuple[Mention | None, dict[str, float]]]:
    """The sentence's speaker mentions, one per chain (the first), and `None`, each with features that hold in every
    language: kind and role; where the mention stands (opens the sentence past function words only, words before and
    after, first or last of the options); beside a reporting word of the reader's tables (the nearest one to it, on
    which side, how far); beside quotation marks or a colon; the word before it a function word (a preposition or
    article: the mention is often an object); its case where a morphology reader parses the language (nominative:
    a subject); whether its chain speaks elsewhere on the page and how often the page names it."""
    text = analysis.article.text
    sentence = candidate.sentence
    language = (analysis.article.language or "").split("-")[0]
    speaking = _speaking(analysis, sentence)
    counts = Counter(m.chain for m in analysis.mentions if m.chain is not None)
    first: dict[int, Mention] = {}
    for m in sorted(candidate.speakers, key=lambda m: m.span.start):
        first.setdefault(m.chain, m)
    options = list(first.values())
    reporting = _reporting_words(text, sentence, language)
    quotes = [q.span() for q in _QUOTED.finditer(text, sentence.start, sentence.end)]
    persons = sum(m.label == "PERSON" for m in options)
    places = [p.span for p in analysis.places if sentence.contains(p.span)]
    result: list[tuple[Mention | None, dict[str, float]]] = []
    for k, m in enumerate(options):
        before = _WORD.findall(text, sentence.start, m.span.start)
        after = _WORD.findall(text, m.span.end, sentence.end)
        f: dict[str, float] = {
            "bias": 1.0,
            f"label={m.label}": 1.0,
            f"role={m.role}": 1.0,
            f"words before={_bucket(len(before))}": 1.0,
            f"words after={_bucket(len(after))}": 1.0,
            "mentions": math.log1p(counts[m.chain]),
        }
        case = _case(text[m.span.start : m.span.end], language)
        if case:
            f[f"case={case}"] = 1.0
        if all(function_word(w, language) for w in before):
            f["opens sentence"] = 1.0
            f[f"opens sentence label={m.label}"] = 1.0
        if k == 0:
            f["first option"] = 1.0
        if k == len(options) - 1 and len(options) > 1:
            f["last option"] = 1.0
        if any(p.overlaps(m.span) for p in places):
            f["a place of the gazetteer"] = 1.0
            f[f"a place label={m.label}"] = 1.0
        if before and function_word(before[-1], language):
            f["after function word"] = 1.0
            if len(before) > 1 and before[-2][:1].islower() and not function_word(before[-2], language):
                f["after a small-letter noun and a function word"] = 1.0
        elif before and before[-1][:1].islower():
            f["after content word"] = 1.0
        following = _WORD.match(text, m.span.end + 1) if text[m.span.end : m.span.end + 1] == " " else None
        if following and following.group(0)[:1].islower():
            f["followed by a small-letter word"] = 1.0
        for side, word in (("before", before[-1] if before else None), ("after", following.group(0) if following else None)):
            if word and _part_of_speech(word, language) in ("VERB", "PRTS"):
                f[f"verb {side}"] = 1.0
                if case:
                    f[f"verb {side} case={case}"] = 1.0
        if m.chain in speaking:
            f[SPEAKS] = 1.0
        if counts[m.chain] == max(counts.values()):
            f["most named"] = 1.0
        if persons and m.label != "PERSON":
            f["beside a person"] = 1.0
        if reporting:
            at, side, gap = min(
                ((r, "before" if m.span.end <= r[0] else "after", _gap(text, m.span, r)) for r in reporting),
                key=lambda t: t[2],
            )
            nearest = not any(_gap(text, o.span, at) < gap for o in options if o is not m)
            f[f"reporting word {side}"] = 1.0
            f[f"reporting word {side} words={_bucket(gap)}"] = 1.0
            if nearest:
                f[f"nearest to reporting word {side}"] = 1.0
        else:
            f["no reporting word"] = 1.0
        if any(b <= m.span.start for _, b in quotes):
            f["after a quotation"] = 1.0
        if any(m.span.end <= a for a, _ in quotes) or ":" in text[m.span.end : sentence.end]:
            f["before a quotation or colon"] = 1.0
        tail = text[m.span.end : m.span.end + 2]
        if tail.startswith(",") or text[max(sentence.start, m.span.start - 2) : m.span.start].strip() == ",":
            f["beside a comma"] = 1.0
        result.append((m, f))
    f = {"none": 1.0, f"none options={_bucket(len(options))}": 1.0}
    if not persons:
        f["none no person"] = 1.0
    if not reporting:
        f["none no reporting word"] = 1.0
    if quotes:
        f["none quotation"] = 1.0
    if not any(all(function_word(w, language) for w in _WORD.findall(text, sentence.start, m.span.start)) for m in options):
        f["none no option opens"] = 1.0
    for a, b in reporting:
        beside = [w for w in (_word_before(text, sentence, a), _word_after(text, sentence, b)) if w]
        if any(w[:1].islower() and not function_word(w, language) for w in beside):
            f["none a small-letter noun beside a reporting word"] = 1.0
        if not any(
            o.span.end <= a and _gap(text, o.span, (a, b)) <= 2 or o.span.start >= b and _gap(text, o.span, (a, b)) <= 2
            for o in options
        ):
            f["none no option beside a reporting word"] = 1.0
    result.append((None, f))
    return result


def _word_before(text: str, sentence: Span, at: int) -> str | None:
    words = _WORD.findall(text, sentence.start, at)
    return words[-1] if words else None


def _word_after(text: str, sentence: Span, at: int) -> str | None:
    found = _WORD.search(text, at, sentence.end)
    return found.group(0) if found else None


def _gap(text: str, span: Span, other: tuple[int, int]) -> int:
    """Words between a mention and a word span."""
    a, b = (span.end, other[0]) if span.end <= other[0] else (other[1], span.start)
    return len(_WORD.findall(text, a, b)) if a < b else 0


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _reporting_words(text: str, sentence: Span, language: str) -> list[tuple[int, int]]:
    """The sentence's words that the readers' tables hold as reporting, accusing or denying verbs: all forms of
    reported_forms.tsv's verbs for a language it covers, the Cyrillic reader's lemmas (by pymorphy3) for Russian
    and Ukrainian."""
    words = list(_WORD.finditer(text, sentence.start, sentence.end))
    if language in ("ru", "uk", "be"):
        lemmas = _cyrillic_reporting()
        return [w.span() for w in words if _CYRILLIC.match(w.group(0)) and _parse(w.group(0), language).normal_form in lemmas]
    forms = _latin_reporting().get(_FORMS_LANGUAGE.get(language, language), frozenset())
    return [w.span() for w in words if w.group(0).casefold() in forms]


_FORMS_LANGUAGE = {"hr": "sr", "bs": "sr", "nb": "no"}


@cache
def _latin_reporting() -> dict[str, frozenset[str]]:
    from factfile.extract.lang.reported_forms import TABLE

    forms: dict[str, set[str]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        language, lemma, words = line.split("\t")
        forms.setdefault(language, set()).update(w.casefold() for w in (lemma, *words.split()))
    return {k: frozenset(v) for k, v in forms.items()}


@cache
def _cyrillic_reporting() -> frozenset[str]:
    from factfile.extract.lang.reported import ACCUSING, DENIALS, REPORTING

    return REPORTING | ACCUSING | DENIALS


@lru_cache(maxsize=8192)
def _parse(word: str, language: str):
    """pymorphy3's likeliest parse of a word in small letters, by the Ukrainian dictionary for Ukrainian and
    Belarusian, else the Russian one."""
    from factfile.extract.lang.morph import analyzer

    return analyzer("uk" if language in ("uk", "be") else "ru").parse(word.lower())[0]


def _part_of_speech(word: str, language: str) -> str | None:
    """pymorphy3's likeliest part of speech of a Cyrillic word; None for other scripts."""
    if language not in ("ru", "uk", "be") or not _CYRILLIC.match(word):
        return None
    return _parse(word, language).tag.POS


def _case(name: str, language: str) -> str | None:
    """The case of a Cyrillic name's last word by pymorphy3's likeliest parse ("nomn", "gent", "loct" ...: a speaker
    stands in the nominative, in the genitive of "по словам", in the locative of "в министерстве заявили"); None for
    other scripts."""
    if language not in ("ru", "uk", "be") or not _CYRILLIC.search(name):
        return None
    words = _WORD.findall(name)
    return _parse(words[-1], language).tag.case if words else None


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
        if mention is None:
            continue
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
