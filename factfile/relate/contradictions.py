"""Where sources disagree: the same attribute of the same actor or event with incompatible values.

Values are normalised before they are compared, so only what a reader would call a disagreement is one:
- facts: one actor, one single-valued predicate ("founded", "size", "based_in", "leader" ...) with
  incompatible values: numbers whose ranges do not overlap ("over 100", "several hundred" = 300-900,
  "4,000"), dates that do not overlap once resolved against their article's publication date to their
  precision ("last August" in 2023 is August 2022), places that are not the same place by name or
  demonym ("Ukraine" / "Ukrainian") or by containment ("Kyiv, Ukraine" / "Ukraine");
- events: one happening (see corroboration.same_events) with different fatalities, dates, places or
  counts of the same thing, or reported as having happened by one source and denied by another. The
  reports of a story's events are matched loosely (type, story, a day either side), so numbers are only
  compared between reports that are surely of one happening: dated to the day within a day of each
  other, and placed within `NEAR_KM` of each other when both places are on the map ("one civilian
  killed in shelling of Kherson" on the 8th is no other count of "a missile attack on the dam" on the
  6th). Places are compared between reports dated to the day within a day of each other too (an undated
  "failed offensive" is no report of the dam's breach); within `NEAR_KM` of each other, or one inside the
  other, they are one site. Dates are compared between reports each dated no later than the other's
  article was published (`_told_before`). A happening's disputes are read from its first report
  (`first_reports`), so that its story and each of its actors show one dispute;
- story slots (relate/slots.py): who did it (and which of its agencies), how it was done, whether it can be repaired, what the action
  is called, read from each attributed statement of a story, values normalised (an agent to its state, a
  means to explosion or strike, a denial as a flag on its value) and split into sides that cannot both hold;
- statements: the same claim (relate/claims.same_claim, its negation included) confirmed by one source
  and denied by another, within one story. Not knowing is no denial: "did not specify what caused the
  explosion", "was unable to say" deny nothing.

An actor's counted quantities are not compared on their own: "one soldier" and "4,000 members" are
about different things; the group's size is the `size` fact.

Each side lists its value, documents, the independent outlets behind them (copies collapsed, see
corroboration.independent_sources) and who says it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from factfile.extract.facts import SINGLE_VALUED
from factfile.extract.quantities import parse_number
from factfile.extract.times import normalise as resolve_date
from factfile.relate import claims, slots
from factfile.relate.corroboration import MAX_DAYS_APART, compatible_events, independent_sources, normalise_value, same_events
from factfile.store.schema import Actor, Document, Event, Fact, Place, Quantity, Statement

DATES = {"founded", "born", "died"}
PLACES = {"based_in", "headquarters"}
NUMBERS = {"size", "members", "age"}
APPROXIMATE_MARGIN = 0.2  # "about 100" is compatible with 80-120
MIN_SHARED_WORDS = 3  # content words two statements compared by their words alone (no vectors) share to be one claim
MAX_HAPPENING_REPORTS = 400  # reports of one type in one story joined into happenings (pairwise: about 80,000 comparisons)
CUE_AFTER = 160  # characters from a statement's content to a cue after it within which the words between are its sayer's too
NEAR_KM = 50.0  # two places this close may name one happening's site (a town and the dam beside it)
EARTH_KM = 6371.0
# A negation of saying or knowing: the source declines to tell, it does not deny ("did not specify",
# "unable to say", "не уточнил", "не стал комментировать").
_NOT_TELLING = re.compile(
    r"(?i)\b(?:not|n't|never|unable to|declined to|refused to)\s+(?:\w+\s+)?(?:say|said|specif\w*|know\w*|comment\w*|confirm\w*|"
    r"disclos\w*|elaborat\w*|explain\w*|reveal\w*|clear|certain|sure|identif\w*|determin\w*|establish\w*|access)\b"
    r"|(?<!\w)(?:не|ні)\s+(?:стал\w*\s+|смог\w*\s+|зміг\w*\s+)?(?:уточн\w*|сообщ\w*|повідом\w*|коммент\w*|комент\w*|знает|знають|знал\w*|"
    r"подтверд\w*|підтверд\w*|раскры\w*|пояснил\w*|сказа\w*)"
)
# A report that calls what it tells of untrue denies it, whatever certainty its sentence was given: the
# defence ministry's "reports of a strike on the camps do not correspond to reality" is its denial.
UNTRUE = re.compile(
    r"(?i)\b(?:untrue|not\s+true|fake\s+news)\b|(?<!\w)(?:не\s+соответству\w*\s+действительност\w*|не\s+відповіда\w*\s+дійсност\w*|неправд\w*)"
)
_NUMBER = re.compile(r"\d[\d,.]*")
# A verb that says no is a negation ("he will refuse to answer" = "he would not answer"), so the two agree.
_REFUSING = re.compile(r"(?i)\b(?:refus\w*|declin\w*|reject\w*)\s+(?:to\s+)?\w+")
# The word opening "As X reported" in the stories' languages: read as a source, it names no one.
_CONNECTIVES = frozenset("as як как wie comme come como jak".split())
# A word of being wounded in the stories' languages, by its opening letters ("wounded", "ранено", "поранених",
# "пострадали", "verletzt", "blessés", "feriti", "heridos", "rannych", "zranenia").
_WOUNDED = re.compile(r"(?:wound|injur|hurt|ранен|ранил|поранен|пострада|постражд|verletz|verwund|bless|ferit|herid|rann|zranen)")
MIN_COUNT_OUTLETS = 2
WOUNDED_WORDS = 6  # words between a count and the word saying its people were wounded ("130 ďalších osôb utrpelo zranenia")
_WORD = re.compile(r"\w+", re.UNICODE)
_NO_NAME = frozenset({"", *"i he she it we they you me him her us them я он она оно мы они він вона воно ми вони".split()})


@dataclass(slots=True)
class Side:
    """One value and everything that supports it."""

    value: str
    documents: list[int]
    outlets: list[str]  # independent outlets (copies collapsed to their originals)
    sources: list[str]  # who says it: statement sources, else the outlets
    rows: list[int]  # ids of the facts, quantities, events or statements


@dataclass(slots=True)
class Contradiction:
    subject: str  # "actor 12", "event 40", "statement 7"
    attribute: str  # predicate, "fatalities", "date", "place", "counts soldiers", "certainty"
    kind: str  # "numbers", "dates", "places", "values", "confirmed vs denied"
    sides: list[Side]
    table: str = "facts"  # what the sides' rows are: facts, quantities, events or statements


def numbers_in(text: str) -> list[float]:
    values = []
    for match in _NUMBER.findall(text):
        cleaned = match.rstrip(".,").replace(",", "")
        try:
            values.append(float(cleaned))
        except ValueError:
            continue
    return values


def _ranges_overlap(a: tuple[float, float, bool], b: tuple[float, float, bool]) -> bool:
    def widen(r):
        low, high, approximate = r
        margin = APPROXIMATE_MARGIN * max(abs(low), abs(high)) if approximate else 0.0
        return low - margin, high + margin

    (a_low, a_high), (b_low, b_high) = widen(a), widen(b)
    return a_low <= b_high and b_low <= a_high


def _side(session: Session, value: str, rows: list[tuple[int, int, str | None]]) -> Side:
    """rows: (row id, document id, who says it)."""
    documents = sorted({doc for _, doc, _ in rows})
    _, outlets = independent_sources(session, documents)
    sources = sorted({who for _, _, who in rows if who}) or outlets
    return Side(value, documents, outlets, sources, sorted({row for row, _, _ in rows}))


def _sides(session: Session, clusters: list[list[str]], groups: dict[str, list], sayer: dict[int, str], label: dict[str, str] | None = None) -> list[Side]:
    """One side per cluster of values; `groups` maps each value to its rows (facts, quantities or events)."""
    return [
        _side(
            session,
            " / ".join(label[v] if label else v for v in cluster),
            [(row.id, row.document_id, sayer.get(row.statement_id)) for v in cluster for row in groups[v]],
        )
        for cluster in clusters
    ]


def _split(groups: dict[str, list], compatible: Callable[[str, str], bool], chained: bool = False) -> list[list[str]]:
    """Merge values that are compatible with each other (`chained`: with any one of the cluster, as places
    are: the dam, the town beside it and the oblast around both); more than one cluster left is a conflict."""
    clusters: list[list[str]] = []
    for value in sorted(groups, key=lambda v: (-len(groups[v]), v)):
        joined = [c for c in clusters if (any if chained else all)(compatible(value, other) for other in c)]
        if not joined:
            clusters.append([value])
        elif chained:
            clusters = [c for c in clusters if c not in joined] + [[other for c in joined for other in c] + [value]]
        else:
            joined[0].append(value)
    return clusters


def _number_range(value: str) -> tuple[float, float, bool] | None:
    """(low, high, approximate) of a fact's number: "several hundred" 300-900, "about 3,500", "4,000 members"."""
    words = value.split()
    for size in range(len(words), 0, -1):  # the longest leading run of words that reads as a number
        parsed = parse_number(" ".join(words[:size]))
        if parsed is not None:
            approximate = bool(re.match(r"(?i)(about|around|some|roughly|nearly|almost|over|more than|up to|approximately)\b", value))
            return parsed[0], parsed[1], approximate
    found = numbers_in(value)
    return (min(found), max(found), False) if found else None


def _numbers_compatible(a: str, b: str) -> bool:
    ra, rb = _number_range(a), _number_range(b)
    if ra is None or rb is None:
        return _values_compatible(a, b)
    return _ranges_overlap(ra, rb)


def _place_key(value: str) -> str:
    """Casefolded words with demonym endings cut: "Ukrainian" and "Ukraine" -> "ukrain"."""
    words = normalise_value(value).split()
    return " ".join(re.sub(r"(ians?|ans?|ese|ish|ia|e|i)$", "", w) if len(w) > 4 else w for w in words)


def _places_compatible(a: str, b: str) -> bool:
    ka, kb = _place_key(a), _place_key(b)
    return bool(ka and kb) and (ka == kb or set(ka.split()) <= set(kb.split()) or set(kb.split()) <= set(ka.split()) or _values_compatible(a, b))


def _values_compatible(a: str, b: str) -> bool:
    """The same words, one inside the other, or nearly so; the words that tell nothing ("and", "the")
    left out, so "Prigozhin and" is "Yevgeny Prigozhin"."""
    a_norm, b_norm = normalise_value(a), normalise_value(b)
    if a_norm == b_norm or a_norm in b_norm or b_norm in a_norm or fuzz.token_set_ratio(a_norm, b_norm) >= 90:
        return True
    a_words, b_words = claims.content_words(a_norm), claims.content_words(b_norm)
    return bool(a_words and b_words) and (a_words <= b_words or b_words <= a_words)


def _dates_compatible(span: dict[str, tuple | None]) -> Callable[[str, str], bool]:
    """Dates overlap to their precision; a value that does not resolve is compared by its words."""

    def compatible(a: str, b: str) -> bool:
        ra, rb = span.get(a), span.get(b)
        if ra is None or rb is None:
            return _values_compatible(a, b)
        return ra[0] <= rb[1] and rb[0] <= ra[1]

    return compatible


def _kind_of(values: Iterable[str], predicate: str) -> str:
    if predicate in PLACES:
        return "places"
    if predicate in DATES:
        return "dates"
    return "numbers" if predicate in NUMBERS or all(numbers_in(v) for v in values) else "values"


def for_actor(session: Session, actor_id: int) -> list[Contradiction]:
    """Conflicting facts about one actor, one contradiction per predicate (all its values side by side)."""
    found = []
    facts = session.scalars(
        select(Fact).where(Fact.actor_id == actor_id, Fact.predicate.in_(SINGLE_VALUED)).order_by(Fact.id)
    ).all()
    published = {
        doc: day for doc, day in session.execute(select(Document.id, Document.published).where(Document.id.in_({f.document_id for f in facts})))
    }
    by_predicate: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        value = fact.value.strip()
        if fact.predicate in DATES:  # the same words mean different dates in articles of different years
            resolved = resolve_date(value, published.get(fact.document_id))
            value = f"{value} ({_date_label(resolved)})" if resolved and _date_label(resolved).casefold() != value.casefold() else value
        by_predicate[fact.predicate][value].append(fact)
    sayer = _statement_sources(session, [f.statement_id for f in facts])
    for predicate, values in sorted(by_predicate.items()):
        if predicate in DATES:
            span = {v: _resolved_span(rows, published) for v, rows in values.items()}
            compatible = _dates_compatible(span)
        elif predicate in PLACES:
            compatible = _places_compatible
        elif predicate in NUMBERS:
            compatible = _numbers_compatible
        else:
            compatible = _values_compatible
        clusters = _split(values, compatible)
        if len(clusters) > 1:
            sides = _sides(session, clusters, values, sayer)
            found.append(Contradiction(f"actor {actor_id}", predicate, _kind_of(values, predicate), sides, "facts"))
    return found


def _resolved_span(rows: list[Fact], published: dict) -> tuple | None:
    for row in rows:
        resolved = resolve_date(row.value.strip(), published.get(row.document_id))
        if resolved:
            return resolved[0], resolved[1]
    return None


def _date_label(resolved: tuple) -> str:
    start, end, precision = resolved
    if precision == "year":
        return str(start.year)
    if precision == "month":
        return start.strftime("%B %Y")
    if precision == "day":
        return start.isoformat()
    return f"{start.isoformat()} to {end.isoformat()}"


def _quantity_conflicts(session: Session, subject: str, quantities: list[Quantity], sayer: dict[int, str]) -> list[Contradiction]:
    by_counts: dict[str, list[Quantity]] = defaultdict(list)
    for quantity in quantities:
        if quantity.counts:
            by_counts[normalise_value(quantity.counts)].append(quantity)
    found = []
    for counts, rows in sorted(by_counts.items()):
        groups: dict[str, list[Quantity]] = defaultdict(list)
        for q in rows:
            groups[q.text.strip()].append(q)
        span = {v: (g[0].value, g[0].value_max or g[0].value, g[0].approximate) for v, g in groups.items()}
        clusters = _split(groups, lambda a, b, span=span: _ranges_overlap(span[a], span[b]))
        if len(clusters) > 1:
            found.append(Contradiction(subject, f"counts {counts}", "numbers", _sides(session, clusters, groups, sayer), "quantities"))
    return found


@dataclass(frozen=True, slots=True)
class ReportReads:
    """What `for_event` reads of reports beyond the reports themselves, read once for the reports of many
    events (`report_reads`): each per-event read is a query whose fixed cost outweighs its rows."""

    sayer: dict[int, str]  # statement id -> its source's words, for the reports' and their quantities' statements
    quantities: list[Quantity]  # the quantities of the reports, by id
    untrue: set[int]  # the reports with a sayer that call what they tell untrue (`_untrue_reports`)


def report_reads(session: Session, reports: Iterable[Event]) -> ReportReads:
    reports = list({e.id: e for e in reports}.values())
    quantities = session.scalars(
        select(Quantity).where(Quantity.event_id.in_([e.id for e in reports])).order_by(Quantity.id)
    ).all() if reports else []
    sayer = _statement_sources(session, [e.statement_id for e in reports] + [q.statement_id for q in quantities])
    return ReportReads(sayer, list(quantities), _untrue_reports(session, [e for e in reports if sayer.get(e.statement_id)]))


def for_event(
    session: Session, event_id: int, reports: list[Event] | None = None, read: ReportReads | None = None
) -> list[Contradiction]:
    """Conflicting fatalities, dates, places and counts among the reports of one happening.

    Reports from one document only are never a dispute: one article naming two places or two tolls
    is telling of two happenings (or of one in two steps), not disagreeing with itself. `reports`:
    the event's `same_events`, when the caller looked them up for many events at once; `read`: what
    `report_reads` read of them (or of more)."""
    event = session.get(Event, event_id)
    if event is None:
        return []
    if reports is None:
        reports = same_events(session, event)
    if len({e.document_id for e in reports}) < 2:
        return []
    same_site, far_apart = _sites(session, {e.place_id for e in reports if e.place_id is not None})
    read = read if read is not None else report_reads(session, reports)
    sayer = read.sayer
    subject = f"event {event_id}"
    found = []
    toll, toll_range = _tolls(session, reports)
    attributes: list[tuple[str, str, Callable[[Event], str | None], Callable[[str, str], bool]]] = [
        ("fatalities", "numbers", lambda e: toll.get(e.id), lambda a, b: _ranges_overlap(toll_range[a], toll_range[b])),
        ("date", "dates", lambda e: e.date_start.isoformat() if e.date_start and e.date_precision == "day" else None,
         lambda a, b: abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= MAX_DAYS_APART),
        ("place", "places", lambda e: str(e.place_id) if e.place_id is not None else None, lambda a, b: same_site(int(a), int(b))),
    ]
    for attribute, kind, value_of, compatible in attributes:
        groups: dict[str, list[Event]] = defaultdict(list)
        for report in reports:
            value = value_of(report)
            if value is not None:
                groups[value].append(report)
        if attribute == "fatalities":
            groups = _passed(groups, toll_range)
        clusters = _split(groups, compatible, chained=attribute == "place")
        if attribute != "fatalities" and not all(any(sayer.get(r.statement_id) for v in c for r in groups[v]) for c in clusters):
            continue  # a place or date only an outlet's own wording gives is as likely another happening of the story
        if attribute != "date":  # tolls and places only between reports surely of one happening (for places the map is the question)
            kept = _one_happening([[r for v in c for r in groups[v]] for c in clusters], far_apart if attribute == "fatalities" else _nowhere)
        elif len(clusters) > 1:
            kept = _told_before([[r for v in c for r in groups[v]] for c in clusters], _published(session, reports))
        else:
            kept = {0}
        clusters = [c for i, c in enumerate(clusters) if i in kept]
        if attribute == "fatalities" and len(clusters) > 1:
            told = [[(toll_range[v][0], r.document_id) for v in c for r in groups[v]] for c in clusters]
            if _rising(told, _published(session, reports)):
                continue
        if len(clusters) > 1:
            label = _place_names(session, groups) if attribute == "place" else None
            found.append(Contradiction(subject, attribute, kind, _sides(session, clusters, groups, sayer, label), "events"))
    # Only a report with a sayer can be a denial: the others' words (their documents' text) are read only when there is one.
    said = [e for e in reports if sayer.get(e.statement_id)]
    untrue = {e.id for e in said if e.id in read.untrue}
    denied = [e for e in said if e.certainty == "denied" or e.id in untrue]
    if denied:
        untrue |= _untrue_reports(session, [e for e in reports if not sayer.get(e.statement_id)])
    confirmed = [e for e in reports if e.certainty != "denied" and e.id not in untrue]
    if denied and confirmed:
        groups = {"happened": confirmed, "denied": denied}
        found.append(Contradiction(subject, "happened", "confirmed vs denied", _sides(session, [["happened"], ["denied"]], groups, sayer), "events"))
    event_of = {e.id: e for e in reports}
    quantities = [q for q in read.quantities if q.event_id in event_of]
    counted = []
    for conflict in _quantity_conflicts(session, subject, quantities, sayer):
        kept = _one_happening([[event_of[q.event_id] for q in quantities if q.id in side.rows] for side in conflict.sides], far_apart)
        if len(kept) > 1:
            conflict.sides = [side for i, side in enumerate(conflict.sides) if i in kept]
            counted.append(conflict)
    return [c for c in found + counted if _sources_apart(session, c) and (c.kind == "confirmed vs denied" or _documents_apart(c))]


# A toll that gives its lower bound ("more than 40", "at least 50", "не менее 40", "понад 50", "über 50", "plus de 50").
_AT_LEAST = re.compile(
    r"(?i)^(?:more than|over|at least|upwards of|in excess of|не менее|более|больше|свыше|минимум|"
    r"понад|більше|щонайменше|не менше|mehr als|über|mindestens|plus de|au moins|più di|oltre|almeno|"
    r"más de|al menos|mais de|pelo menos|ponad|co najmniej|najmenej|viac ako)\s"
)


def _tolls(session: Session, reports: list[Event]) -> tuple[dict[int, str], dict[str, tuple[float, float, bool]]]:
    """(each report's toll as written, each written toll's range): the quantity giving a report's fatalities, its
    own or, when none is linked to it (the toll stood in a following sentence: "More than 40 ... were killed"),
    the first of its document from the report's sentence on. A lower bound ("more than 40", "at least 50")
    holds every larger toll, an approximate one its margin; a toll read from no quantity is exact."""
    tolled = [e for e in reports if e.fatalities is not None]
    found: dict[int, list[Quantity]] = defaultdict(list)
    if tolled:
        for quantity in session.scalars(
            select(Quantity)
            .where(Quantity.document_id.in_({e.document_id for e in tolled}))
            .where(Quantity.value.in_({float(e.fatalities) for e in tolled}))
            .order_by(Quantity.sent_start, Quantity.start)
        ):
            found[quantity.document_id].append(quantity)
    toll: dict[int, str] = {}
    span: dict[str, tuple[float, float, bool]] = {}
    for report in tolled:
        same = [q for q in found[report.document_id] if q.value == report.fatalities]
        own = next((q for q in same if q.event_id == report.id), None)
        written = own or next((q for q in same if q.sent_start >= report.sent_start), None)
        if written is None:
            toll[report.id] = label = str(report.fatalities)
            span[label] = (float(report.fatalities), float(report.fatalities), False)
            continue
        toll[report.id] = label = " ".join(written.text.split()).casefold()
        span[label] = _count_range(written)
    return toll, span


def _count_range(quantity: Quantity) -> tuple[float, float, bool]:
    """(low, high, approximate) of a count as written: a lower bound ("more than 40", "at least 50") holds every larger count."""
    if _AT_LEAST.match(" ".join(quantity.text.split())):
        return quantity.value, math.inf, False
    return quantity.value, quantity.value_max or quantity.value, quantity.approximate


def _passed(groups: dict[str, list[Event]], ranges: dict[str, tuple[float, float, bool]]) -> dict[str, list[Event]]:
    """The reports of each toll, a toll that another report gives as its lower bound ("30" / "more than 30") told
    with that bound: the same count, which the bound says the toll has passed. A toll climbs through the day of
    the happening and reports of one day are not ordered by their dates: "30", "more than 30" and "52" are one
    toll's count, as "40" against "at least 50" and "53" is not."""
    floors = {ranges[v][0]: v for v in sorted(groups) if ranges[v][1] == math.inf}
    folded: dict[str, list[Event]] = defaultdict(list)
    for value, reports in groups.items():
        bound = floors.get(ranges[value][0]) if ranges[value][1] != math.inf else None
        folded[bound or value].extend(reports)
    return folded


def _rising(sides: list[list[tuple[float, int]]], published: dict[int, date | None]) -> bool:
    """Whether counts (each side's (smallest value, document) pairs) rise with time: each larger count first told
    on a later day than every smaller one was first told (each side told in a dated article). A later figure
    updating an earlier one ("the death toll climbed during the day ... 53 people") is no disagreement with it."""
    firsts = []
    for side in sides:
        days = [day for _, document_id in side if (day := published.get(document_id))]
        if not days:
            return False
        firsts.append((min(value for value, _ in side), min(days)))
    firsts.sort()
    return len(firsts) > 1 and all(a[1] < b[1] for a, b in zip(firsts, firsts[1:], strict=False))


def first_reports(session: Session, event_ids: Iterable[int]) -> dict[int, int]:
    """Each event -> the first stored report of its happening, whose disputes stand for the happening's.

    `same_events` is not transitive (a report with no date or no actors matches reports that do not
    match each other), so each report sees its own set of peers and a dispute read from each is the same
    disagreement with other documents on its sides: the camps strike once through its story and once
    through each actor of four. Reports of one story and type are one happening when joined through
    matching reports; the lowest id of them is its anchor, the same from whichever report, actor or story
    a reader comes. An event of no story is its own anchor, and so is one of a story holding more than
    `MAX_HAPPENING_REPORTS` reports of its type (the reports are compared pairwise: a bound on a page's cost)."""
    wanted = set(event_ids)
    if not wanted:
        return {}
    anchor = {i: i for i in wanted}
    keys = session.execute(
        select(Document.story_id, Event.event_type).join(Document, Document.id == Event.document_id)
        .where(Event.id.in_(wanted), Document.story_id.is_not(None)).distinct()
    ).all()
    reports: dict[tuple[int, str], list] = {}
    for report in session.execute(  # led by the stories' documents; the types are told apart here (see `_story_reports`)
        _story_reports.where(Document.story_id.in_({story_id for story_id, _ in keys})).order_by(Event.id)
    ):
        reports.setdefault((report.story_id, report.event_type), []).append(report)
    for story_id, event_type in keys:
        peers = reports.get((story_id, event_type), [])[: MAX_HAPPENING_REPORTS + 1]
        if len(peers) > MAX_HAPPENING_REPORTS:
            continue
        root = {e.id: e.id for e in peers}
        for i, a in enumerate(peers):
            for b in peers[i + 1 :]:
                if compatible_events(a, b):
                    low, high = sorted((_root(root, a.id), _root(root, b.id)))
                    root[high] = low
        anchor.update({e.id: _root(root, e.id) for e in peers if e.id in wanted})
    return anchor


# The reports of some stories, all types: with the type in the query, a planner without statistics (SQLite before
# ANALYZE) walks every report of the type across the store instead of the stories' few documents.
_story_reports = select(Event.id, Event.date_start, Event.actor1_id, Event.actor2_id, Event.event_type, Document.story_id).join(
    Document, Document.id == Event.document_id
)


def _root(root: dict[int, int], i: int) -> int:
    while root[i] != i:
        root[i] = root[root[i]]
        i = root[i]
    return i


def _untrue_reports(session: Session, reports: list[Event]) -> set[int]:
    """The reports whose statement (else, with none, whose sentence) calls what it tells of untrue. A statement
    says the words up to its cue when the cue follows: "сообщения о «нанесении МО России удара по лагерям
    ЧВК» не соответствуют действительности», – говорится в заявлении" is a denial, its content cut at the quote."""
    if not reports:
        return set()
    after = case(
        (Statement.cue_start.between(Statement.content_end + 1, Statement.content_end + CUE_AFTER), func.substr(Document.text, Statement.content_end + 1, Statement.cue_start - Statement.content_end)),
        else_="",
    )
    said = {
        i: f"{content} {rest or ''}"
        for i, content, rest in session.execute(
            select(Statement.id, Statement.content_text, after).join(Document, Document.id == Statement.document_id)
            .where(Statement.id.in_({e.statement_id for e in reports if e.statement_id}))
        )
    }
    unsaid = [e for e in reports if e.statement_id is None]
    sentences = dict(session.execute(
        select(Event.id, func.substr(Document.text, Event.sent_start + 1, Event.sent_end - Event.sent_start))
        .join(Document, Document.id == Event.document_id).where(Event.id.in_([e.id for e in unsaid]))
    ).tuples().all()) if unsaid else {}
    return {e.id for e in reports if UNTRUE.search(said.get(e.statement_id, "") if e.statement_id else sentences.get(e.id) or "")}


def _documents_apart(contradiction: Contradiction) -> bool:
    """No article is on two sides: one naming two places or tolls tells of two happenings (a plane
    "en route from Moscow" that "crashed near Kuzhenkino"), not of a disagreement."""
    return all(not set(a.documents) & set(b.documents) for i, a in enumerate(contradiction.sides) for b in contradiction.sides[i + 1 :])


def _one_happening(sides: list[list[Event]], far_apart: Callable[[int, int], bool]) -> set[int]:
    """The sides holding a report of surely one happening with a report of another side: dated to the
    day, at most `MAX_DAYS_APART` apart, and not at two sites far apart on the map."""

    def same(a: Event, b: Event) -> bool:
        if not (a.date_start and b.date_start and a.date_precision == "day" and b.date_precision == "day"):
            return False
        if abs((a.date_start - b.date_start).days) > MAX_DAYS_APART:
            return False
        return a.place_id is None or b.place_id is None or not far_apart(a.place_id, b.place_id)

    return {
        i for i, first in enumerate(sides)
        if any(same(a, b) for j, second in enumerate(sides) if j != i for a in first for b in second)
    }


def _told_before(sides: list[list[Event]], published: dict[int, date | None]) -> set[int]:
    """The sides holding a report that could disagree about the date of a report of another side: each
    dated no later than the other's article was published. An article of June giving 23 June is no other
    date of a crash an article of August dates to 23 August: that happening came after it was written."""

    def same(a: Event, b: Event) -> bool:
        a_out, b_out = published.get(a.document_id), published.get(b.document_id)
        return (b_out is None or a.date_start <= b_out) and (a_out is None or b.date_start <= a_out)

    return {i for i, first in enumerate(sides) if any(same(a, b) for j, second in enumerate(sides) if j != i for a in first for b in second)}


def _published(session: Session, reports: list[Event]) -> dict[int, date | None]:
    return _published_of(session, {e.document_id for e in reports})


def _published_of(session: Session, documents: set[int]) -> dict[int, date | None]:
    return dict(session.execute(select(Document.id, Document.published).where(Document.id.in_(documents))).tuples().all())


def _nowhere(a: int, b: int) -> bool:
    """No two sites are too far apart to be one happening's: where it was is what a place dispute asks."""
    return False


def _sites(session: Session, place_ids: set[int]) -> tuple[Callable[[int, int], bool], Callable[[int, int], bool]]:
    """(whether two of these places may be one happening's site: the same, one inside the other
    (`_containing_places`) or within `NEAR_KM` of each other on the map; whether they surely are not:
    both on the map, neither inside the other, and farther apart)."""
    if len(place_ids) < 2:  # a place is its own site, and two reports there are never far apart: nothing to read
        return (lambda a, b: a == b), _nowhere
    within = _containing_places(session, place_ids)
    where = {
        i: (lat, lon)
        for i, lat, lon in session.execute(select(Place.id, Place.latitude, Place.longitude).where(Place.id.in_(place_ids)))
        if lat is not None and lon is not None
    } if place_ids else {}

    def same(a: int, b: int) -> bool:
        if a == b or a in within.get(b, ()) or b in within.get(a, ()):
            return True
        return a in where and b in where and _km_between(where[a], where[b]) <= NEAR_KM

    def far(a: int, b: int) -> bool:
        return a in where and b in where and not same(a, b)

    return same, far


def _km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def _sources_apart(session: Session, contradiction: Contradiction) -> bool:
    """No one is on two sides: one source giving two places or tolls tells of two happenings."""
    model = Event if contradiction.table == "events" else Quantity
    rows = {row for side in contradiction.sides for row in side.rows}
    statement_of = dict(session.execute(select(model.id, model.statement_id).where(model.id.in_(rows))).tuples().all())
    who = {
        i: actor or (text or "").casefold() or None
        for i, actor, text in session.execute(
            select(Statement.id, Statement.source_actor_id, Statement.source_text).where(Statement.id.in_({v for v in statement_of.values() if v}))
        )
    }
    said = [{who.get(statement_of.get(row)) for row in side.rows} - {None} for side in contradiction.sides]
    return all(not (a & b) for i, a in enumerate(said) for b in said[i + 1 :])


def for_statement(session: Session, statement_id: int) -> list[Contradiction]:
    """The same content confirmed by some and denied by others, within the statement's story."""
    statement = session.get(Statement, statement_id)
    if statement is None:
        return []
    story_id = session.scalar(select(Document.story_id).where(Document.id == statement.document_id))
    scope = (
        select(Document.id).where(Document.story_id == story_id)
        if story_id is not None
        else select(Document.id).where(Document.id == statement.document_id)
    )
    peers = session.scalars(
        select(Statement).where(Statement.document_id.in_(scope), Statement.marked_wrong.is_(False)).order_by(Statement.id)
    ).all()
    found = _denials(session, statement, peers)
    return [found] if found else []


def denies(statement: Statement) -> bool:
    """A statement denies its content when it is reported as denied or its content is negated or called
    untrue (not both);
    a negated saying or knowing ("did not specify", "unable to say") is no denial."""
    if _NOT_TELLING.search(f"{statement.cue_text or ''} {statement.content_text}"):
        return False
    content = statement.content_text
    return (statement.certainty == "denied") != (claims.negated(content) or bool(UNTRUE.search(content) or _REFUSING.search(content)))


def _denials(session: Session, statement: Statement, peers: list[Statement], vectors: dict | None = None) -> Contradiction | None:
    """`statement`'s claim confirmed by some of `peers` and denied by others: named sayers only (`_named`), one
    on both sides (misread, or speaking of two things) on neither, and a confirmation and a denial in two
    documents (within one article, words matched across its sentences are mostly two claims sharing a topic;
    an article reporting both sides of one slot is shown by the slot, `_slot_disputes`)."""
    vectors = vectors if vectors is not None else claims.vectors_of(session, [statement.id, *(p.id for p in peers)])
    own = vectors.get(statement.id)
    same = [
        p for p in peers
        if p.id == statement.id
        or claims.same_claim(statement.content_text, p.content_text, own, vectors.get(p.id), polarity=False)
        and (own is not None and vectors.get(p.id) is not None or _shared_words(statement.content_text, p.content_text) >= MIN_SHARED_WORDS)
    ]
    same = [p for p in same if _named(p)]
    denied = [p for p in same if denies(p)]
    confirmed = [p for p in same if not denies(p)]
    both = {_sayer(p) for p in denied} & {_sayer(p) for p in confirmed}
    denied, confirmed = [p for p in denied if _sayer(p) not in both], [p for p in confirmed if _sayer(p) not in both]
    if not any(c.document_id != d.document_id for c in confirmed for d in denied):
        return None
    sides = [
        _side(session, label, [(p.id, p.document_id, p.source_text) for p in group])
        for label, group in (("confirmed", confirmed), ("denied", denied))
    ]
    return Contradiction(f"statement {statement.id}", "certainty", "confirmed vs denied", sides, "statements")


def _named(statement: Statement) -> bool:
    """Whether a statement has a sayer a reader can tell apart: an actor, or words that are no bare pronoun
    (a quote's "I" is the quoted speaker, "he" anyone). The outlet's own narration is no side."""
    return statement.source_actor_id is not None or (statement.source_text or "").strip().casefold() not in _NO_NAME | _CONNECTIVES


def _connective(statement: Statement) -> bool:
    """Whether the sayer is the word opening "As X reported" ("Як повідомило KP.UA джерело"), read as the source."""
    return statement.source_actor_id is None and (statement.source_text or "").strip().casefold() in _CONNECTIVES


def _shared_words(a: str, b: str) -> int:
    return len(claims.content_words(a) & claims.content_words(b))


def _slot_disputes(session: Session, subject: str, statements: list[Statement]) -> tuple[list[Contradiction], set[int]]:
    """The story's slots (relate/slots.py) that its sources fill with values that cannot both hold, and the
    statements these disputes show. Only attributed statements count (an outlet's own narration is no
    side), not-telling is no value, and slots filled in one document only are no dispute (as for events);
    a slot whose sentence names no structure joins the one structure its attribute is about in the story
    ("this is deliberate sabotage by the Ukrainian side": the dam)."""
    filled: dict[tuple[str, str | None], list[tuple[slots.Slot, Statement]]] = defaultdict(list)
    own_deeds = {st.id: st.source_actor_id for st in statements if slots.says_it_did(st.content_text, st.cue_text)}
    introductions = _introductions(session, set(own_deeds.values()) - {None})
    for statement in statements:
        if statement.source_type == "article" or not (statement.source_text or statement.source_actor_id) or _connective(statement):
            continue
        if _NOT_TELLING.search(f"{statement.cue_text or ''} {statement.content_text}"):
            continue
        sayer = introductions.get(statement.source_actor_id, statement.source_text) if statement.id in own_deeds else None
        for slot in slots.read(statement.content_text, statement.cue_text, statement.certainty, statement.source_text, sayer):
            filled[(slot.attribute, slot.target)].append((slot, statement))
    for attribute in {a for a, _ in filled}:
        targets = [t for a, t in filled if a == attribute and t is not None]
        if len(targets) == 1 and (attribute, None) in filled:
            filled[(attribute, targets[0])] += filled.pop((attribute, None))
    found, covered = [], set()
    for (attribute, target), items in sorted(filled.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        groups: dict[str, list[Statement]] = defaultdict(list)
        slot_of: dict[str, slots.Slot] = {}
        for slot, statement in items:
            label = slot.label
            if statement not in groups[label]:
                groups[label].append(statement)
            slot_of[label] = slot
        clusters = _split(groups, lambda a, b, slot_of=slot_of: slot_of[a].compatible(slot_of[b]))
        said = [{_sayer(st) for v in c for st in groups[v]} - {None} for c in clusters]
        if len(clusters) < 2 or len(set().union(*said)) < 2 or any(not s for s in said) or all(s == said[0] for s in said):
            continue
        if len({st.document_id for _, st in items}) < 2:  # one article telling of one attack in two words ("атака", "підрив")
            continue
        sides = [
            _side(session, " / ".join(cluster), [(st.id, st.document_id, st.source_text) for v in cluster for st in groups[v]])
            for cluster in clusters
        ]
        written = next((slot.written for slot, _ in items if slot.written), target)
        name = slots.NAMES[attribute] + (f" ({written})" if written else "")
        found.append(Contradiction(subject, name, "values", sides, "statements"))
        covered.update(st.id for _, st in items)
    return found, covered


def wounded_count(sentence: str, start: int, end: int) -> bool:
    """Whether the number written at sentence[start:end] counts the wounded: a word of being wounded (`_WOUNDED`)
    stands within `WOUNDED_WORDS` words of it and nearer to it than to any other number of the sentence, the
    following one on a tie ("40 were killed and 75 wounded", "погибло 40 и ранено 75", "130 людей поранені")."""
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(sentence)]
    own = [i for i, (s, e, _) in enumerate(tokens) if s < end and e > start]
    if not own:
        return False
    numbers = [i for i, (s, e, w) in enumerate(tokens) if i in own or w[0].isdigit() or w in claims._NUMBER_WORDS]
    for i, (_, _, word) in enumerate(tokens):
        if _WOUNDED.match(word) and min(abs(i - j) for j in own) <= WOUNDED_WORDS:
            if min(numbers, key=lambda j: (abs(j - i), j < i)) in own:
                return True
    return False


def _wounded_disputes(session: Session, subject: str, statements: list[Statement]) -> list[Contradiction]:
    """The story's counts of the wounded that cannot both hold. In each document, the largest count of the wounded
    a named source gives (`wounded_count` in its statement's content: "and eight staff", "including two officers"
    are parts of it); counts compared as tolls are (a lower bound holds every larger count, a count that rises with
    time updates the earlier one), from sources apart, in documents apart (one count per document), each told by
    `MIN_COUNT_OUTLETS` independent outlets: a count one article gives is as likely the wounded of one village, of
    one day or among the staff, misread as the whole ("four locals were injured by shelling" in a flood's story)."""
    said: dict[int, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.source_type == "article" or statement.content_end is None or _connective(statement):
            continue
        if _named(statement):
            said[statement.document_id].append(statement)
    if len(said) < 2:
        return []
    largest: dict[int, tuple[Quantity, Statement]] = {}
    rows = session.execute(
        select(Quantity, func.substr(Document.text, Quantity.sent_start + 1, Quantity.sent_end - Quantity.sent_start))
        .join(Document, Document.id == Quantity.document_id)
        .where(Quantity.document_id.in_(list(said)))
    ).all()
    for quantity, sentence in rows:
        saying = (st for st in said[quantity.document_id] if st.content_start <= quantity.start < quantity.end <= st.content_end)
        sayer = next(saying, None)
        at = quantity.start - quantity.sent_start
        if sayer is None or not wounded_count(sentence or "", at, at + quantity.end - quantity.start):
            continue
        if quantity.document_id not in largest or quantity.value > largest[quantity.document_id][0].value:
            largest[quantity.document_id] = (quantity, sayer)
    groups: dict[str, list[tuple[Quantity, Statement]]] = defaultdict(list)
    for quantity, statement in largest.values():
        groups[" ".join(quantity.text.split()).casefold()].append((quantity, statement))
    span = {label: _count_range(items[0][0]) for label, items in groups.items()}
    groups = _without_two_sided(groups, _split(groups, lambda a, b: _ranges_overlap(span[a], span[b])))
    clusters = [
        c for c in _split(groups, lambda a, b: _ranges_overlap(span[a], span[b]))
        if len(independent_sources(session, {q.document_id for v in c for q, _ in groups[v]})[1]) >= MIN_COUNT_OUTLETS
    ]
    if len(clusters) < 2:
        return []
    published = _published_of(session, set(largest))
    if _rising([[(span[v][0], q.document_id) for v in c for q, _ in groups[v]] for c in clusters], published):
        return []
    sides = [
        _side(session, " / ".join(c), [(st.id, st.document_id, st.source_text) for v in c for _, st in groups[v]])
        for c in clusters
    ]
    return [Contradiction(subject, "wounded", "numbers", sides, "statements")]


def _without_two_sided(
    groups: dict[str, list[tuple[Quantity, Statement]]], clusters: list[list[str]]
) -> dict[str, list[tuple[Quantity, Statement]]]:
    """The counts of `groups` to compare, given the sides (`clusters`) their values fall on. A sayer on two sides gave
    two counts that cannot both hold, one of them likely another's misread as its own (the ministry's 75 in a report
    whose statement is given to the separatists' spokesman, who said 130): it is on neither side, and the sides the
    other sources take are compared without it. A sayer on more than two sides gave a count that kept changing (a
    governor's wounded, updated through the day): the story's counts were still moving, and none is compared."""
    sides: dict[object, set[int]] = defaultdict(set)
    for number, cluster in enumerate(clusters):
        for v in cluster:
            for _, st in groups[v]:
                sides[_sayer(st)].add(number)
    if any(len(on) > 2 for on in sides.values()):
        return {}
    two_sided = {sayer for sayer, on in sides.items() if len(on) == 2}
    kept = {v: [(q, st) for q, st in items if _sayer(st) not in two_sided] for v, items in groups.items()}
    return {v: items for v, items in kept.items() if items}


def _introductions(session: Session, actor_ids: set[int]) -> dict[int, str]:
    """How outlets introduce each source actor, for a sayer saying it did the deed itself (slots.read's `sayer`): the
    source words naming the agency named most often ("глава СБУ"), else the state, else the commonest words. Read for
    the few actors whose statements say so, from all their statements (one row per distinct source words): one outlet
    calls him "Малюк", another "the head of the SBU"."""
    if not actor_ids:
        return {}
    found: dict[int, Counter] = defaultdict(Counter)
    rows = session.execute(
        select(Statement.source_actor_id, Statement.source_text, func.count())
        .where(Statement.source_actor_id.in_(actor_ids), Statement.source_text.is_not(None))
        .group_by(Statement.source_actor_id, Statement.source_text)
    ).all()
    for actor_id, text, count in [*rows, *((i, name, 1) for i, name in session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(actor_ids))))]:
        found[actor_id][text] += count
    chosen = {}
    for actor_id, texts in found.items():
        for named in (slots.agency_of, slots.state_of):
            weight: Counter = Counter()
            for text, count in texts.items():
                if key := named(text):
                    weight[key] += count
            if weight:
                key = weight.most_common(1)[0][0]
                chosen[actor_id] = max((t for t in texts if named(t) == key), key=texts.__getitem__)
                break
        else:
            chosen[actor_id] = texts.most_common(1)[0][0]
    return chosen


def _sayer(statement: Statement) -> object:
    return statement.source_actor_id or (statement.source_text or "").casefold() or None


def for_story(session: Session, story_id: int, shown: Collection[int] = ()) -> list[Contradiction]:
    """A story's slots filled with values that cannot both hold (`_slot_disputes`), then every other claim
    confirmed by one source and denied by another (each pair of sides once), but for what the statements
    `shown` elsewhere (as reports of a disputed event) show already: the denials among them, and a slot
    each of whose sides they carry ("the camps were struck" / "no strike on the camps": the strike's dispute)."""
    statements = session.scalars(
        select(Statement)
        .join(Document, Document.id == Statement.document_id)
        .where(Document.story_id == story_id, Statement.marked_wrong.is_(False))
        .order_by(Statement.id)
    ).all()
    found, covered = _slot_disputes(session, f"story {story_id}", statements)
    found += _wounded_disputes(session, f"story {story_id}", statements)
    already = set(shown)
    found = [c for c in found if not all(already.intersection(side.rows) for side in c.sides)]
    vectors = claims.vectors_of(session, [st.id for st in statements])
    seen: set[frozenset] = set()
    for statement in statements:
        if statement.id in covered or statement.id in shown or not denies(statement):
            continue
        contradiction = _denials(session, statement, statements, vectors)
        if contradiction is None:
            continue
        key = frozenset(row for side in contradiction.sides for row in side.rows)
        if key not in seen:
            seen.add(key)
            found.append(contradiction)
    return found


def _statement_sources(session: Session, statement_ids: Iterable[int | None]) -> dict[int, str]:
    ids = {i for i in statement_ids if i is not None}
    if not ids:
        return {}
    return {
        i: text
        for i, text in session.execute(select(Statement.id, Statement.source_text).where(Statement.id.in_(ids)))
        if text
    }


def _containing_places(session: Session, place_ids: set[int]) -> dict[int, set[int]]:
    """Each place with the places among `place_ids` it lies in or is named after: Grayvoron is in
    Belgorod oblast (the gazetteer's regions), Nova Kakhovka in Ukraine (a country or unplaced region
    holds every place of its country code), the Kakhovka dam at Nova Kakhovka (a shared name stem)."""
    rows = session.execute(
        select(Place.id, Place.name, Place.admin1, Place.admin2, Place.country_code, Place.feature_code).where(Place.id.in_(place_ids))
    ).all() if place_ids else []
    by_name = {normalise_value(row.name): row.id for row in rows}
    broad = {row.id: row.country_code for row in rows if (row.feature_code or "").startswith(("PCL", "ADM")) or row.country_code is None}
    stems = {row.id: {w[:6] for w in normalise_value(row.name).split() if len(w) >= 6} for row in rows}
    return {
        row.id: {row.id}
        | {by_name[n] for n in (normalise_value(row.admin1 or ""), normalise_value(row.admin2 or "")) if n in by_name}
        | {other for other, country in broad.items() if country is None or country == row.country_code}
        | {other for other, own in stems.items() if own & stems[row.id]}
        for row in rows
    }


def _place_names(session: Session, groups: dict[str, list]) -> dict[str, str]:
    ids = [int(v) for v in groups]
    names = {i: name for i, name in session.execute(select(Place.id, Place.name).where(Place.id.in_(ids)))}
    return {v: names.get(int(v), f"place {v}") for v in groups}


def disagree(predicate: str, values: list[tuple[str, date | None]]) -> bool:
    """Whether (value, publication date) pairs of one actor's predicate cannot all be true, compared as
    `for_actor` compares them (for lists built elsewhere, like a dossier's profile)."""
    groups = {f"{value} #{i}": [] for i, (value, _) in enumerate(values)}
    raw = {f"{value} #{i}": value for i, (value, _) in enumerate(values)}
    if predicate in DATES:
        span = {}
        for key, (value, published) in zip(groups, values, strict=True):
            resolved = resolve_date(value.strip(), published)
            span[key] = (resolved[0], resolved[1]) if resolved else None
        by_date = _dates_compatible(span)
        return len(_split(groups, lambda a, b: by_date(a, b) if span[a] and span[b] else _values_compatible(raw[a], raw[b]))) > 1
    compare = _places_compatible if predicate in PLACES else _numbers_compatible if predicate in NUMBERS else _values_compatible
    return len(_split(groups, lambda a, b: compare(raw[a], raw[b]))) > 1
