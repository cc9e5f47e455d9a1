"""Group documents about the same event or story, incrementally, as they arrive.

A document's story profile is its most telling terms: words and two-word names weighted by how often
the article uses them and how rare they are in the language at large (wordfreq's Zipf scale, so no
corpus statistics are needed and the first document is weighted like the millionth). Profiles are
stored in `story_terms`; a new document looks up the latest documents sharing its terms (an index walk,
bounded per term, so the cost does not grow with the store), scores them by cosine similarity, and
joins the story whose documents it resembles most, if that is close enough, else it starts a new story.
When it is close enough to several (a raid and the later court case about it share their actors), the
terms it shares with only one of them choose, if they favour one clearly.
A copy joins its original's story: it is the same article, unless it is undated and the months or year
its own text names place it out of that story's time (its undated original may have joined coverage of
another time). Names also give a script-neutral term (`name_term`), so that pages in Russian, Ukrainian
and English about one event share terms; in Arabic script, which has no capitals, rare words are the
names (relate/caseless.py). The days a text names
("6 June", "6 июня", "06.06.2023") are script-neutral terms too, and so is the kind of event it tells
("Absturz", "авіакатастрофа" -> "!crash"; relate/story_keys.py). Two documents in different languages are
compared on those neutral terms alone. A document about as close to several stories (RIVAL_SHARE) joins one
most of whose documents tell the kind of event it tells most, when hardly any of the closest one's do: a
mutiny and the plane crash that killed its leader share every actor.

A story is bounded by its event's coverage in time: a document joins a story only if the story with it
spans at most STORY_SPAN and it comes no more than STORY_GAP after the story's last document (or before
its first), so a flood covered day after day stays one story for weeks, while a later event with the same
actors and vocabulary (an interview a week on, a court case about a raid) starts a story of its own
instead of being chained onto the first through look-alike documents. A page without a date is placed
in time by what its text says (story_keys.clues): the days it names ("17 июля" cannot join coverage of
October), the ISO months it names ("2023-09") and the latest year or dated day it names (a page naming 2023
is no part of a story over in 2022, one naming "27 June 2023" of a story over by mid-June, nor of undated
pages naming February 2023), and a month it names with its year as a time past ("the strike in April 2022":
it was written after); one that says none of these fits any time. One whose lead looks back on its
events ("a year ago", "zwei Monate nach") is later coverage: it does not join the story it resembles
most, the one it recalls, if that story is placed in time. Stories that began apart (two
languages' coverage, two sides of one event) are merged when a new document is close to both and they
fit in time together; a story of undated pages fits by the months and latest year its texts name, and
not at all if one looks back on its events, so a merge never chains what arrival kept apart. A user's move of a document to another story (relate/decisions.py) is looked up
first, so it holds when the document is ingested again, and a story holding such a document is never
merged.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import bindparam, func, insert, or_, select, union_all, update
from sqlalchemy.orm import Session

from factfile.extract import frequency
from factfile.extract.lang.romanize import latin_letters
from factfile.records import Article
from factfile.relate import Linking, preparers, relaters, story_keys
from factfile.relate.caseless import is_arabic, readings
from factfile.relate.decisions import placed_by_user, story_decision
from factfile.relate.fingerprints import stop_words
from factfile.store.schema import Document, Story, StoryTerm

PROFILE_TERMS = 40  # terms kept per document
LOOKUP_TERMS = 15  # the document's strongest terms used to find candidates
CANDIDATES = 200
# Documents looked at per term, latest first: a term as common as "Trump" is in thousands of stored
# documents, but only those of the last days can share a story with a new one (STORY_WINDOW).
TERM_DOCUMENTS = 500
JOIN_SIMILARITY = 0.3  # cosine similarity to the closest documents of a story needed to join it (eval/stories.py)
# One event's coverage in time (tuned together on eval/realstory/kakhovka's dated pages: flood pages of days
# 15-16 were cut off at 14 days; checked on wagner):
# a document joins only documents within STORY_WINDOW of it, a story spans at most STORY_SPAN, and a
# story that has been quiet for more than STORY_GAP is over, so a later event with the same actors (an
# interview, a court case) starts a story of its own while a flood covered day after day stays one.
STORY_WINDOW = timedelta(days=10)
STORY_SPAN = timedelta(days=21)
STORY_GAP = timedelta(days=7)
# Of two stories a document is close enough to join, it joins the one its telling terms favour by this
# much (`_telling_apart`), else the closest.
TELLING_MARGIN = 0.1
# Only stories about as close as the closest (this share of its similarity) are rivals whose kind of event
# or telling terms choose: a page far closer to one story's documents is that story's, whatever words it
# shares with another (tuned on eval/realstory's kramatorsk and olenivka: 0.7 and 0.75 chose worse).
RIVAL_SHARE = 0.8
# A kind of event ("!crash") that fewer than RARE_KIND of the closest story's documents tell, and at least
# TOLD_KIND of another's, tells a document that tells it most which of the two it is (`_telling_what_happened`).
RARE_KIND = 0.25
TOLD_KIND = 0.5
# ... if no more than MENTIONED_KIND of the closest story's documents tell it (a passing mention): a kind
# several of its documents tell is one that story tells, in a few of its languages' words (the "explosion"
# of a prison that most outlets call a strike), not another event's (eval/realstory: the closest stories
# of right choices had 0 or 1 such documents, those of wrong ones 5 to 16, at shares of 0.17 to 0.24 alike).
MENTIONED_KIND = 1
# A document that joins a story (JOIN_SIMILARITY) and is this close to another story that can be one with
# it in time shows they are one: coverage in two languages, or of two sides of one event, that began apart
# is merged. Tuned with the time clues of undated documents on eval/realstory/kerch (0.4 left the bridge
# blast's coverage in a dozen stories by language); checked on kakhovka and wagner.
MERGE_SIMILARITY = 0.25
# Documents of an undated story whose texts are read for their time before it is merged with placed
# coverage (`_told_in_time`): enough for the stories of a few pages that merges join, bounded however large.
TOLD_DOCUMENTS = 50
# A day the text names, on the rarity scale of words (8 - Zipf): as telling as a fairly rare word; more
# weight drowns the names it is compared with across languages (eval/realstory.py: 5 cost 0.006 F1).
DATE_WEIGHT = 3.0
# A word telling what kind of event happened ("!crash", story_keys.events), weighed as a day is; tuned with
# RARE_KIND and TOLD_KIND on eval/realstory's dev sets (1.0 left kerch 0.032 and wagner 0.018 F1 lower).
EVENT_WEIGHT = 3.0
LABEL_LEAD = 120  # characters of an untitled page's opening that name its story

# wordfreq looks Chinese, Japanese and Korean words up through segmenters (jieba, MeCab) that are not
# installed; their terms are weighed evenly, by count alone.
NEEDS_SEGMENTER = frozenset({"zh", "ja", "ko"})
UNWEIGHTED = 4.0

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)


@dataclass(slots=True)
class StoryChoice:
    story_id: int | None  # None: a new story
    similarity: float
    reason: str
    merged: list[int] = field(default_factory=list)  # other stories the document shows to be this one
    written: date | None = None  # when an undated document was written, by how long ago it says its events were


@lru_cache(maxsize=200_000)
def _rarity(term: str, language: str) -> float:
    """How informative a term is: 8 - Zipf frequency (unknown words score 8, "the" about 0.3)."""
    if language in NEEDS_SEGMENTER:
        return UNWEIGHTED
    first = term.split(" ", 1)[0]
    try:
        return max(0.5, 8.0 - frequency.zipf(first if " " in term else term, language))
    except (LookupError, ImportError):  # a language wordfreq has no list for
        return UNWEIGHTED


NAME_MARK = "~"  # how a name term begins
NEUTRAL_MARKS = frozenset((NAME_MARK, story_keys.DATE_MARK, story_keys.EVENT_MARK))
_SOUND_CLASSES = str.maketrans({"c": "k", "q": "k", "x": "k", "w": "v", "z": "s"})
# One sound as the press of different languages writes it in Latin letters: "zh" (English), "sch"
# (German), "ž" (ascii "z"), "sz" (Polish) and, in French and Portuguese, "j" and "ch" are one hissing
# sound: "Prigozhin", "Prigoschin", "Prigojine", "Prigožin"; a vowel, or "y" or "j" before one, at the
# start is one class: "Yevgeny", "Evguéni", "Jewgeni".
_HISSING = re.compile(r"shch|sch|sh|zh|sz|zs|cz")
_HISSING_FR = re.compile(r"shch|sch|sh|zh|sz|zs|cz|ch|j")
_VOWEL_START = re.compile(r"^[yj]?[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")  # a doubled letter is one sound: "Rossaviatsia", "Rosaviatsia"


@lru_cache(maxsize=200_000)
def name_term(word: str, language: str | None = None) -> str | None:
    """A name's script-neutral term: "~" and its first letter and consonants in Latin sound classes, so
    "Kakhovka", "Каховки" and "Каховской" are one term, as are "Prigozhin", "Пригожина", "Prigoschin"
    and (in French) "Prigojine"; None for short names (countries, capitals: too common to tell stories
    apart)."""
    latin = re.sub(r"[^a-z]", "", latin_letters(word).casefold())
    if not latin:
        return None
    hissing = _HISSING_FR if language in ("fr", "pt") else _HISSING
    latin = _DOUBLED.sub(r"\1", _VOWEL_START.sub("a", hissing.sub("s", latin)).translate(_SOUND_CLASSES))
    key = latin[0] + re.sub(r"[aeiouyhj]", "", latin[1:])
    return f"{NAME_MARK}{key[:4]}" if len(key) >= 4 else None


def _weight(term: str, named: dict[str, str], language: str) -> float:
    return DATE_WEIGHT if term[0] == story_keys.DATE_MARK else _rarity(named.get(term, term), language)


def neutral(term: str) -> bool:
    """Whether a term reads the same in every language: a name's sound key, a day or a kind of event."""
    return term[0] in NEUTRAL_MARKS


def profile(text: str, language: str | None = None, title: str | None = None) -> dict[str, float]:
    """The document's strongest terms with unit-length weights (title words count double)."""
    lang = (language or "en").split("-")[0]
    stops = stop_words(language)
    counts: Counter[str] = Counter()
    named: dict[str, str] = {}  # a name term and one word it stands for, whose rarity it takes
    for source, boost in ((text, 1), (title or "", 2)):
        words = _WORD.findall(source)
        for i, word in enumerate(words):
            key = word.casefold()
            if key in stops or len(key) < 3:
                continue
            counts[key] += boost
            if word[0].isupper() and (term := name_term(word, lang)) is not None:
                counts[term] += boost
                named[term] = key
            elif is_arabic(word):  # no capitals: a rare word is a name, read in each way its letters allow
                for term in {t for spelling in readings(word, lang) if (t := name_term(spelling, lang)) is not None}:
                    counts[term] += boost
                    named[term] = key
            if word[0].isupper() and i + 1 < len(words) and words[i + 1][0].isupper():
                following = words[i + 1].casefold()
                if following not in stops:
                    counts[f"{key} {following}"] += boost
    for key in story_keys.dates(text, lang):
        counts[key] += 1
    weights = {term: (1 + math.log(n)) * _weight(term, named, lang) for term, n in counts.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE_TERMS]
    # what happened is kept however many rarer words the text has (a story's kind of event is read from
    # it), in the order the text tells it
    told = Counter(story_keys.events(f"{title or ''} {text}", lang))
    top += [(kind, (1 + math.log(n)) * EVENT_WEIGHT) for kind, n in told.items()]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: w / norm for term, w in top}


@lru_cache(maxsize=LOOKUP_TERMS)
def _latest_with_terms(count: int):
    """The latest documents holding each of `count` terms, other than the given one: per term an index
    walk bounded however common the term, all in one statement (built once per count)."""
    walks = [
        select(StoryTerm.term, StoryTerm.document_id, StoryTerm.weight)
        .where(StoryTerm.term == bindparam(f"term_{k}"), StoryTerm.document_id != bindparam("document"))
        .order_by(StoryTerm.document_id.desc())
        .limit(TERM_DOCUMENTS)
        .subquery()
        for k in range(count)
    ]
    return union_all(*(select(walk) for walk in walks)) if count > 1 else select(walks[0])


def _close_in_time(a: date | None, b: date | None, when: story_keys.Clues) -> bool:
    """Whether documents published on a and b can share a story; an undated one (a) is placed in time by
    what its text says (story_keys.clues)."""
    if a is None and b is not None:
        return when.allow(b, b, STORY_WINDOW)
    return a is None or b is None or abs(a - b) <= STORY_WINDOW


def _fits(first: date | None, last: date | None, other_first: date | None, other_last: date | None) -> bool:
    """Whether coverage over [first, last] and over [other_first, other_last] can be one story: together
    at most STORY_SPAN long, and no more than STORY_GAP apart (undated coverage fits anything)."""
    if None in (first, last, other_first, other_last):
        return True
    gap = max(first, other_first) - min(last, other_last)
    return max(last, other_last) - min(first, other_first) <= STORY_SPAN and gap <= STORY_GAP


def _within_span(story: Story, published: date | None, when: story_keys.Clues) -> bool:
    """Whether the story can take a document of this date (`_fits`); an undated one only if what its text
    says of its time fits the story's span (STORY_GAP: the story would be over)."""
    if published is None and story.first_published is not None:
        return when.allow(story.first_published, story.last_published, STORY_GAP)
    return _fits(story.first_published, story.last_published, published, published)


def choose_story(session: Session, document: Document, terms: dict[str, float]) -> StoryChoice:
    """The story the document belongs to, by the stories of the stored documents most like it."""
    decided, anchor = story_decision(session, document.content_hash)
    if decided:
        other = session.scalar(select(Document).where(Document.content_hash == anchor)) if anchor else None
        if other is not None and other.story_id is not None:
            return StoryChoice(other.story_id, 1.0, "moved here by a user")
        if anchor is None:
            return StoryChoice(None, 0.0, "put in a story of its own by a user")
    language = (document.language or "").split("-")[0]
    when = story_keys.clues(document.text, language, document.url) if document.published is None else story_keys.Clues()
    if document.copy_of_id is not None:
        original = session.get(Document, document.copy_of_id)
        story = session.get(Story, original.story_id) if original is not None and original.story_id is not None else None
        # an undated copy is placed by the months and latest year its own text names, as any undated page is
        # (a lone day may be background): its undated original may sit in coverage of another time
        if story is not None and (document.published is not None or _within_span(story, None, replace(when, days=()))):
            return StoryChoice(story.id, 1.0, "copy of a document in the story")
    strongest = [t for t, _ in sorted(terms.items(), key=lambda kv: -kv[1])[:LOOKUP_TERMS]]
    if not strongest:
        return StoryChoice(None, 0.0, "no terms")
    partial: dict[int, float] = defaultdict(float)
    wanted = {"document": document.id} | {f"term_{k}": term for k, term in enumerate(strongest)}
    for term, document_id, weight in session.execute(_latest_with_terms(len(strongest)), wanted):
        partial[document_id] += weight * terms[term]
    shortlist = sorted(partial, key=lambda d: -partial[d])[:CANDIDATES]
    if not shortlist:
        return StoryChoice(None, 0.0, "no document shares its terms")
    similarity: dict[int, float] = defaultdict(float)
    names: dict[int, float] = defaultdict(float)  # the same over name terms alone
    name_norm: dict[int, float] = defaultdict(float)
    shared: dict[int, dict[str, float]] = defaultdict(dict)  # each term's part in the similarity
    kinds: dict[int, set[str]] = defaultdict(set)  # the kinds of event each document tells
    # Only the terms that count: those it shares, and the script-neutral ones (names across languages, kinds of
    # event); in each document's stored order, so that the sums add up as over all its terms.
    counted = or_(StoryTerm.term.in_(terms), func.substr(StoryTerm.term, 1, 1).in_(NEUTRAL_MARKS))
    for document_id, term, weight in session.execute(
        select(StoryTerm.document_id, StoryTerm.term, StoryTerm.weight)
        .where(StoryTerm.document_id.in_(shortlist), counted).order_by(StoryTerm.document_id, StoryTerm.id)
    ):
        if neutral(term):
            name_norm[document_id] += weight * weight
            if term[0] == story_keys.EVENT_MARK:
                kinds[document_id].add(term)
        if term in terms:
            similarity[document_id] += weight * terms[term]
            shared[document_id][term] = weight * terms[term]
            if neutral(term):
                names[document_id] += weight * terms[term]
    own_names = math.sqrt(sum(w * w for t, w in terms.items() if neutral(t)))
    by_story: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for document_id, story_id, published, other_language in session.execute(
        select(Document.id, Document.story_id, Document.published, Document.language).where(Document.id.in_(shortlist))
    ):
        if story_id is not None and _close_in_time(document.published, published, when):
            score = similarity[document_id]
            if (other_language or "").split("-")[0] != language and own_names and name_norm[document_id]:
                # across languages only the names can agree: compare those alone
                score = max(score, names[document_id] / (own_names * math.sqrt(name_norm[document_id])))
            by_story[story_id].append((score, document_id))
    spans = {story.id: story for story in session.scalars(select(Story).where(Story.id.in_(list(by_story))))}
    by_story = {k: v for k, v in by_story.items() if k in spans and _within_span(spans[k], document.published, when)}
    if not by_story:
        return StoryChoice(None, 0.0, "no story close in time")
    scores = {s: _top_mean(score for score, _ in v) for s, v in by_story.items()}
    if (placed := _placed(document.published, when)) is not None:
        scores = {s: v for s, v in scores.items() if v < MERGE_SIMILARITY or _undated_fits(session, spans[s], *placed)}
        if not scores:
            return StoryChoice(None, 0.0, "no story told in its time")
    recalls = ""
    recalled = max(scores, key=lambda s: (scores[s], -s))
    if (written := _written(document.published, when, spans[recalled])) is not None:
        # an undated page that says how long ago its events were ("a year ago", "прошел ровно год") was
        # written that long after the story it recalls: it joins coverage of that time, if any
        scores = {
            s: v
            for s, v in scores.items()
            if _fits(spans[s].first_published, spans[s].last_published, written, written)
            and _undated_fits(session, spans[s], written, written)
        }
        recalls = f"; written about {written} by what its lead says of story #{recalled}"
        if not scores:
            return StoryChoice(None, 0.0, f"no story of its time{recalls}", written=written)
    elif (
        document.published is None
        and when.looks_back
        and spans[recalled].first_published is not None
        and (when.past_until is None or spans[recalled].first_published < when.past_until)
    ):
        # an undated page that looks back on its events ("a year ago") is later coverage: not part of the
        # story it resembles most, the one it recalls, if that story is placed in time (undated coverage,
        # whose time nothing tells, is not ruled out by a page's background "last year"), and in the time
        # past it names, if it names one ("in October 2022": a story begun since is of its own time)
        del scores[recalled]
        recalls = f"; looks back on story #{recalled}"
        if not scores:
            return StoryChoice(None, 0.0, f"no other story{recalls}")
    best = closest = max(scores, key=lambda s: (scores[s], -s))
    if len(rivals := [s for s in scores if scores[s] >= max(JOIN_SIMILARITY, RIVAL_SHARE * scores[closest])]) > 1:
        rivals = _telling_what_happened(rivals, by_story, kinds, terms, closest)
        best = max(rivals, key=lambda s: (scores[s], -s))
        if len(rivals) > 1:
            best = _telling_apart(rivals, by_story, shared, scores)
    if scores[best] >= JOIN_SIMILARITY:
        others = [s for s in scores if s != best and scores[s] >= MERGE_SIMILARITY]
        merged = _mergeable(session, spans, best, others, document.published or written)
        told = f", told from story #{closest} ({scores[closest]:.2f}) by its own terms" if best != closest else ""
        return StoryChoice(best, scores[best], f"similar terms ({scores[best]:.2f}){told}{recalls}", merged, written)
    return StoryChoice(None, scores[best], f"no story similar enough{recalls}", written=written)


def _written(published: date | None, when: story_keys.Clues, recalled: Story) -> date | None:
    """When an undated page whose lead says how long ago its events were was written: that long after the
    start of the story it resembles most, the events it recalls; None if it is dated, says no span, recalls
    no story placed in time, or the day would be in the future (a span of background, "the war of eight
    years" read from a page on this year's events)."""
    if published is not None or when.elapsed is None or recalled.first_published is None:
        return None
    start = recalled.first_published
    year, month = divmod(start.month - 1 + when.elapsed, 12)
    written = date(start.year + year, month + 1, min(start.day, calendar.monthrange(start.year + year, month + 1)[1]))
    return written if written <= date.today() else None


def _placed(published: date | None, when: story_keys.Clues) -> tuple[date, date] | None:
    """The span a document is placed in: its date, else the ISO months its text names, else the latest day it
    names with its year (news is written days after the latest day it dates); None if none of these."""
    if published is not None:
        return published, published
    if not when.months:
        return (when.latest_day, when.latest_day) if when.latest_day is not None else None
    first, last = min(when.months), max(when.months)
    return date(*first, 1), date(last[0] + last[1] // 12, last[1] % 12 + 1, 1) - timedelta(days=1)


def _told_span(session: Session, story_id: int) -> tuple[date, date] | None:
    """The span of the ISO months the texts of a story of undated documents name, or None if they name none."""
    months = {month for when in _told_clues(session, story_id) for month in when.months}
    return _placed(None, story_keys.Clues(months=tuple(sorted(months)))) if months else None


def _undated_fits(session: Session, story: Story, first: date, last: date) -> bool:
    """Whether a story of undated documents alone can take a document placed over [first, last]: by the ISO
    months and latest year its texts name (story_keys.clues), as a merge would (`_told_in_time`), so that
    undated pages of July 2022 and of May 2023 are not chained into one story through a third that tells no
    time. A story holding a dated document is placed by its dates (`_within_span`)."""
    return story.first_published is not None or all(
        when.allow(first, last, STORY_GAP) for when in _told_clues(session, story.id)
    )


def _told_clues(session: Session, story_id: int) -> Iterator[story_keys.Clues]:
    """What the texts of a story (up to TOLD_DOCUMENTS) say of their time, without the days they name: a lone
    day may be background (the invasion's first day)."""
    for text, language, url in session.execute(
        select(Document.text, Document.language, Document.url).where(Document.story_id == story_id).limit(TOLD_DOCUMENTS)
    ):
        yield replace(story_keys.clues(text, (language or "").split("-")[0], url), days=())


def _top_mean(scores) -> float:
    """A story's score: the mean of its (up to) three documents most like the new one."""
    top = sorted(scores, reverse=True)[:3]
    return sum(top) / len(top)


def _telling_what_happened(rivals: list[int], by_story: dict[int, list[tuple[float, int]]],
                           kinds: dict[int, set[str]], terms: dict[str, float], closest: int) -> list[int]:
    """Of stories the document is close enough to join, those most of whose documents tell the kind of
    event it tells most ("!crash"), when hardly any of the closest one's do (at most MENTIONED_KIND, below
    RARE_KIND of them): a mutiny and the plane crash that killed its leader share every actor, and a page
    on the crash joins the crash's coverage, not the larger story of the mutiny (one of whose pages may
    tell of an aircraft downed)."""
    told = [t for t in terms if t[0] == story_keys.EVENT_MARK]
    if not told:
        return rivals
    kind = max(told, key=lambda t: terms[t])  # of kinds told alike, the first told (the lead's)

    def telling(s: int) -> int:
        return sum(kind in kinds[d] for _, d in by_story[s])

    def share(s: int) -> float:
        return telling(s) / len(by_story[s])

    if share(closest) >= RARE_KIND or telling(closest) > MENTIONED_KIND:
        return rivals
    return [s for s in rivals if share(s) >= TOLD_KIND] or rivals


def _telling_apart(rivals: list[int], by_story: dict[int, list[tuple[float, int]]],
                   shared: dict[int, dict[str, float]], scores: dict[int, float]) -> int:
    """Of stories the document is close enough to join, the one its terms tell apart from the others: the
    terms it shares with all of them alike (the actors of a raid and of the court case about it) choose
    nothing, so each story is scored on how much more each term agrees with it than with any other."""
    most: dict[int, dict[str, float]] = {}  # each term's largest part in a document of the story
    for s in rivals:
        most[s] = defaultdict(float)
        for _, d in by_story[s]:
            for t, v in shared[d].items():
                most[s][t] = max(most[s][t], v)
    telling = {}
    for s in rivals:
        elsewhere = {t: max(most[r].get(t, 0.0) for r in rivals if r != s) for t in most[s]}
        telling[s] = _top_mean(sum(max(0.0, v - elsewhere[t]) for t, v in shared[d].items()) for _, d in by_story[s])
    closest = max(rivals, key=lambda s: (scores[s], -s))
    told = max(rivals, key=lambda s: (telling[s], scores[s], -s))
    return told if telling[told] >= telling[closest] + TELLING_MARGIN else closest


def _mergeable(session: Session, spans: dict[int, Story], best: int, others: list[int], published: date | None) -> list[int]:
    """The stories among `others` that can be one with `best` and a document of this date in time, none
    holding a document a user put there."""
    first = min(filter(None, (spans[best].first_published, published)), default=None)
    last = max(filter(None, (spans[best].last_published, published)), default=None)
    if first is None and (told := _told_span(session, best)) is not None:
        first, last = told  # undated pages placed by the ISO months they name take no story of other months
    fitting = []
    for other in sorted(others, key=lambda s: -(spans[s].size or 0)):
        story = spans[other]
        if _fits(first, last, story.first_published, story.last_published) and _told_in_time(session, other, first, last):
            fitting.append(other)
            first = min(filter(None, (first, story.first_published)), default=None)
            last = max(filter(None, (last, story.last_published)), default=None)
    if fitting and not _told_in_time(session, best, first, last):
        return []
    if fitting and (placed := placed_by_user(session)):
        held = session.scalars(
            select(Document.story_id).where(Document.story_id.in_(fitting + [best]), Document.content_hash.in_(placed))
        ).all()
        if held:
            return []
    return fitting


def _told_in_time(session: Session, story_id: int, first: date | None, last: date | None) -> bool:
    """Whether a story of undated documents alone can be one with coverage over [first, last] by the month
    and latest year its texts name (story_keys.clues): a page of August joined no October story when it
    arrived, and a merge must not take it there either; nor one whose lead looks back on its events (it was
    kept out of the placed story it recalls). The days a text names are no bar here: a lone day may be
    background (the invasion's first day), and a page close to both stories outweighs it. A story holding
    a dated document is placed by its dates."""
    if first is None or session.scalar(
        select(Document.id).where(Document.story_id == story_id, Document.published.is_not(None)).limit(1)
    ) is not None:
        return True
    return not any(when.looks_back or not when.allow(first, last, STORY_GAP) for when in _told_clues(session, story_id))


def _merge(session: Session, story: Story, others: list[int]) -> None:
    """Move the documents of `others` into `story`; their rows stay, empty, for watches that name them."""
    session.execute(update(Document).where(Document.story_id.in_(others)).values(story_id=story.id))
    for other in session.scalars(select(Story).where(Story.id.in_(others))):
        story.size = (story.size or 0) + (other.size or 0)
        story.first_published = min(filter(None, (story.first_published, other.first_published)), default=None)
        story.last_published = max(filter(None, (story.last_published, other.last_published)), default=None)
        other.size, other.first_published, other.last_published = 0, None, None


def assign(
    session: Session, document: Document, title: str | None = None, terms: dict[str, float] | None = None
) -> StoryChoice:
    """Store the document's profile and put it in its story (a new one if none fits); `terms` is the
    profile when it was computed already."""
    if terms is None:
        terms = profile(document.text, document.language, title if title is not None else document.title)
    choice = choose_story(session, document, terms)
    story = session.get(Story, choice.story_id) if choice.story_id is not None else None
    titled = (title if title is not None else document.title) or None
    if story is None:
        story = Story(label=label(titled, document.text), size=0)
        session.add(story)
        session.flush()
        choice = StoryChoice(story.id, choice.similarity, f"new story: {choice.reason}", written=choice.written)
    if choice.merged:
        _merge(session, story, choice.merged)
        joined = ", ".join(f"#{m}" for m in choice.merged)
        choice = StoryChoice(
            story.id, choice.similarity, f"{choice.reason}; joins stories {joined} to it", choice.merged, choice.written
        )
    elif titled and not _titled(session, story):
        story.label = label(titled, document.text)
    document.story_id = story.id
    story.size = (story.size or 0) + 1
    # an undated document written at a time its lead tells places its story there, as a dated one does
    if (when := document.published or choice.written) is not None:
        story.first_published = min(filter(None, (story.first_published, when)))
        story.last_published = max(filter(None, (story.last_published, when)))
    if terms:
        session.execute(
            insert(StoryTerm), [{"document_id": document.id, "term": t[:100], "weight": w} for t, w in terms.items()]
        )
    return choice


def label(title: str | None, text: str) -> str:
    """A story's name as readers see it: its first document's title, else that document's opening words
    (never its profile's terms, whose name keys are no words)."""
    if title and title.strip():
        return " ".join(title.split())[:500]
    lead = " ".join(text.split())
    if len(lead) <= LABEL_LEAD:
        return lead
    cut = lead[:LABEL_LEAD]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end >= LABEL_LEAD // 2 else cut.rsplit(" ", 1)[0] + " …"


def _titled(session: Session, story: Story) -> bool:
    """Whether the story's label is one of its documents' titles: a story begun by an untitled page takes
    the title of the first titled page that joins it."""
    return session.scalar(
        select(Document.id).where(Document.story_id == story.id, Document.title == story.label).limit(1)
    ) is not None


def explain(session: Session, document: Document) -> str:
    """Why the document is in its story: the story's span and the members whose terms it shares most."""
    story = session.get(Story, document.story_id) if document.story_id is not None else None
    if story is None:
        return "in no story"
    span = " – ".join(str(d) for d in dict.fromkeys((story.first_published, story.last_published)) if d)
    head = f"story #{story.id} ({story.size} documents{', ' + span if span else ''})"
    decided, _ = story_decision(session, document.content_hash)
    if decided:
        return f"{head}: put there by a user"
    own = dict(session.execute(select(StoryTerm.term, StoryTerm.weight).where(StoryTerm.document_id == document.id)).all())
    shared: dict[int, list[tuple[str, float]]] = defaultdict(list)
    rows = session.execute(
        select(StoryTerm.document_id, StoryTerm.term, StoryTerm.weight)
        .join(Document, Document.id == StoryTerm.document_id)
        .where(Document.story_id == story.id, Document.id != document.id, StoryTerm.term.in_(list(own)))
    ) if own else []
    for other, term, weight in rows:
        shared[other].append((term, weight * own[term]))
    if not shared:
        return f"{head}: {'a copy of a document in it' if document.copy_of_id else 'its first document'}"
    best = sorted(shared, key=lambda d: -sum(w for _, w in shared[d]))[:3]
    why = "; ".join(
        f"#{d} {sum(w for _, w in shared[d]):.2f} ({', '.join(t for t, _ in sorted(shared[d], key=lambda x: -x[1])[:5])})"
        for d in best
    )
    return f"{head}: shares terms with {why}"


def move(session: Session, document: Document, story_id: int | None) -> None:
    """Move a document to a story (None: a new story of its own), keeping sizes and spans right."""
    old = session.get(Story, document.story_id) if document.story_id is not None else None
    if story_id is None:
        story = Story(label=label(document.title, document.text), size=0)
        session.add(story)
        session.flush()
    else:
        story = session.get(Story, story_id)
    if old is not None and old.id == story.id:
        return
    document.story_id = story.id
    session.flush()
    for changed in filter(None, (old, story)):
        size, first, last = session.execute(
            select(func.count(Document.id), func.min(Document.published), func.max(Document.published))
            .where(Document.story_id == changed.id)
        ).one()
        changed.size, changed.first_published, changed.last_published = size, first, last


@preparers.register("stories")
def article_profile(article: Article) -> dict[str, float]:
    return profile(article.text, article.language, article.title)


@relaters.register("stories")
def make_story_grouper():
    def relate(linking: Linking) -> None:
        article = linking.analysis.article
        terms = linking.analysis.prepared.get("stories")
        assign(linking.session, linking.document, article.title, terms)

    return relate
