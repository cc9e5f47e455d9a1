"""Events against ACLED coders' own coding, on the held-out split of acled-2022h1 (train/events_data.py).

Each record's `notes` goes through the ingest path as an article (a JSON line with the notes as text
and `event_date` as publication date), then through the extractor with every default stage. The
record's event is matched to the document's main event: the first event the extractor reports
(notes open with the event they code). Printed per system, over all held-out records and over those
from Ukraine, Russia and Belarus:

- event found: the document has an event at all;
- event type, sub-type: the main event's type equals ACLED's (a record without an event counts wrong);
- place within 25 km of ACLED's coordinates;
- date exact: the event's date is one day, ACLED's `event_date`;
- actor 1 (loose): the event's actor 1 shares a significant word with ACLED's actor 1 ("Russian
  forces" ~ "Military Forces of Russia (2000-)"), or is named as ACLED names it;
- fatalities, over the records where ACLED counts deaths: the event's fatalities equal ACLED's.

Baselines measured in the same run: the majority class of the train split (type, sub-type, actor 1,
fatalities; for the Ukraine/Russia rows, the majority of the train records from there), the first
place the gazetteer resolves in the notes, and the publication date itself. `--systems` picks the
event stages compared: `events` (factfile's typing) and `events-rules` (the trigger-list typing it
replaced, kept as the baseline).

`--split dev` scores the tenth of the sample kept for tuning instead (train/events_data.py); the
held-out figures are the ones to report, and nothing is tuned on them. `--split train` scores what the
typer and the places supplement learned from: fair only for rules neither learns (deaths, dates).

    python eval/acled.py [--split eval|dev|train] [--records ../shared/data/acled-2022h1/records.jsonl] [--limit N] [--cache F] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from factfile.errors import IngestError
from factfile.extract import DEFAULT_STAGES, Extractor
from factfile.ingest import read_items, to_article
from factfile.read.events import km_between
from factfile.records import Analysis, Article, Event, Rejection

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from train.events_data import DEFAULT_RECORDS, UKRAINE_RUSSIA, records  # noqa: E402  (the split shared with training)

PLACE_KM = 25.0
# Words in ACLED actor names that say nothing of who it is: "Military Forces of Russia (2000-)".
GENERIC_WORDS = frozenset({"of", "the", "and", "for", "in", "forces", "force", "group", "groups", "military"})
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class Share:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    def __str__(self) -> str:
        return f"{self.right / self.total:6.1%} ({self.right}/{self.total})" if self.total else "     - (0/0)"


@dataclass
class Scores:
    shares: dict[str, Share] = field(default_factory=dict)

    def add(self, name: str, ok: bool) -> None:
        self.shares.setdefault(name, Share()).add(ok)


MEASURES = ("event found", "event type", "sub-type", "place within 25 km", "date exact", "actor 1 (loose)", "fatalities")


def significant(name: str) -> set[str]:
    return {w for w in (w.casefold() for w in _WORD.findall(name)) if len(w) > 2 and w not in GENERIC_WORDS}


def same_actor(found: str | None, acled: str | None) -> bool:
    """Loose: the same name, or a shared significant word, allowing a demonym for its country ("Russian" ~ "Russia")."""
    if not found or not acled:
        return False
    if found.casefold() == acled.casefold():
        return True
    ours, theirs = significant(found), significant(acled)
    return any(a == b or (min(len(a), len(b)) >= 5 and a[:5] == b[:5]) for a in ours for b in theirs)


PLACE_CAUSES = (
    "no event", "right place found, another chosen", "wrong same-name place", "ACLED's place not in gazetteer",
    "no place chosen", "unresolved name chosen", "ACLED's place named but not found", "other",
)


def place_cause(record: dict, analysis: Analysis, event: Event | None) -> str | None:
    """Why the main event's place is not within 25 km of ACLED's, or None when it is."""
    from factfile.extract.gazetteer import load_gazetteer, place_key

    wanted = (record["latitude"], record["longitude"])

    def near(p) -> bool:
        return p is not None and p.latitude is not None and km_between(wanted, (p.latitude, p.longitude)) <= PLACE_KM

    chosen = analysis.places[event.place] if event is not None and event.place is not None else None
    if near(chosen):
        return None
    if event is None:
        return "no event"
    if any(near(p) for p in analysis.places):
        return "right place found, another chosen"
    name = place_key(record["location"])
    if any(place_key(p.span.text) == name and p.latitude is not None for p in analysis.places):
        return "wrong same-name place"
    if not any(near(p) for p in load_gazetteer().lookup(record["location"])):
        return "ACLED's place not in gazetteer"
    if chosen is None:
        return "no place chosen"
    if chosen.latitude is None:
        return "unresolved name chosen"
    if name in place_key(analysis.article.text):
        return "ACLED's place named but not found"
    return "other"


def main_event(analysis: Analysis) -> Event | None:
    return min(analysis.events, key=lambda e: e.trigger.start) if analysis.events else None


def actor_name(analysis: Analysis, event: Event) -> str | None:
    named = getattr(event, "actor1_name", None)
    if named:
        return named
    return analysis.chains[event.actor1_chain].name if event.actor1_chain is not None else None


def score(record: dict, analysis: Analysis, scores: Scores, verbose: bool) -> None:
    event = main_event(analysis)
    scores.add("event found", event is not None)
    scores.add("event type", event is not None and event.event_type == record["event_type"])
    scores.add("sub-type", event is not None and event.sub_type == record["sub_event_type"])
    place = analysis.places[event.place] if event is not None and event.place is not None else None
    km = km_between((record["latitude"], record["longitude"]), (place.latitude, place.longitude)) if place and place.latitude is not None else None
    scores.add("place within 25 km", km is not None and km <= PLACE_KM)
    time = analysis.times[event.time] if event is not None and event.time is not None else None
    wanted = date.fromisoformat(record["event_date"])
    scores.add("date exact", time is not None and time.start == wanted and time.end == wanted)
    actor = actor_name(analysis, event) if event is not None else None
    scores.add("actor 1 (loose)", same_actor(actor, record["actor1"]))
    if record["fatalities"]:
        scores.add("fatalities", event is not None and event.fatalities == record["fatalities"])
    if verbose:
        got = (f"{event.event_type} / {event.sub_type} [{event.trigger.text}] actor {actor!r} place "
               f"{place.name if place else None} ({'-' if km is None else f'{km:.0f} km'}) date "
               f"{time.start if time else None}..{time.end if time else None} deaths {event.fatalities}") if event else "no event"
        print(f"{record['event_id_cnty']}: want {record['event_type']} / {record['sub_event_type']} actor {record['actor1']!r} "
              f"place {record['location']} deaths {record['fatalities']}\n  got {got}\n  {record['notes'][:300]}")


@dataclass
class Majority:
    """The train split's most frequent answers, overall and on the Ukraine/Russia/Belarus records."""

    event_type: str
    sub_type: str
    actor1: str
    fatalities: int

    @classmethod
    def of(cls, train: list[dict]) -> Majority:
        def most(key: str, rows: list[dict]) -> object:
            return Counter(r[key] for r in rows).most_common(1)[0][0]

        dead = [r for r in train if r["fatalities"]]
        return cls(most("event_type", train), most("sub_event_type", train), most("actor1", train), most("fatalities", dead))  # type: ignore[arg-type]


def score_baseline(record: dict, majority: Majority, analysis: Analysis, scores: Scores) -> None:
    scores.add("event found", True)
    scores.add("event type", record["event_type"] == majority.event_type)
    scores.add("sub-type", record["sub_event_type"] == majority.sub_type)
    first = next((p for p in sorted(analysis.places, key=lambda p: p.span.start) if p.latitude is not None), None)
    km = km_between((record["latitude"], record["longitude"]), (first.latitude, first.longitude)) if first else None
    scores.add("place within 25 km", km is not None and km <= PLACE_KM)
    scores.add("date exact", analysis.article.published == date.fromisoformat(record["event_date"]))
    scores.add("actor 1 (loose)", same_actor(majority.actor1, record["actor1"]))
    if record["fatalities"]:
        scores.add("fatalities", record["fatalities"] == majority.fatalities)


def analyse(rows: list[dict], stages: tuple[str, ...], cache: Path | None = None) -> list[Analysis]:
    """The notes as JSON-line articles through the ingest path and the extractor. With `cache`, spaCy's
    parses are kept in that file and reused (the stages still all run): for quick looks while tuning."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acled.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps({"text": row["notes"], "published": row["event_date"], "title": None}) + "\n")
        items = list(read_items([str(path)]))
    if len(items) != len(rows):
        raise SystemExit(f"{len(rows)} records gave {len(items)} items")
    articles: list[Article | None] = []
    for item in items:
        try:
            articles.append(to_article(item) if not isinstance(item, Rejection) else None)
        except IngestError as error:
            print(f"rejected: {error}", file=sys.stderr)
            articles.append(None)  # scored as a document without events
    kept = [a for a in articles if a is not None]
    analysed = iter(cached_pipe(kept, stages, cache) if cache else Extractor(stages).pipe(kept, errors="reject"))
    out: list[Analysis] = []
    for article in articles:
        analysis = next(analysed) if article is not None else None
        out.append(analysis if isinstance(analysis, Analysis) else Analysis(article=article or Article("", "", "")))
    return out


def cached_pipe(articles: list[Article], stages: tuple[str, ...], cache: Path) -> list[Analysis | Rejection]:
    """`Extractor.pipe` with the English parses read from (or written to) `cache`."""
    from spacy.tokens import DocBin

    extractor = Extractor(stages)
    if cache.exists():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(extractor.nlp.vocab))
    else:  # every text, whatever its language, so that a change to language detection keeps the cache
        docs = list(extractor.nlp.pipe((a.text for a in articles), batch_size=32))
        cache.write_bytes(DocBin(docs=docs, store_user_data=True).to_bytes())
    if len(docs) != len(articles) or any(d.text != a.text for d, a in zip(docs, articles, strict=True)):
        raise SystemExit(f"{cache}: parses of other texts; delete it")
    out: list[Analysis | Rejection] = []
    for article, doc in zip(articles, docs, strict=True):
        if article.language not in ("en", None):
            out.append(extractor._foreign(article, "reject"))
            continue
        analysis = Analysis(article=article)
        for name, stage in extractor.stages:
            try:
                stage(doc, analysis)
            except Exception as error:
                out.append(Rejection(article.origin, f"extraction failed in stage '{name}' ({type(error).__name__}: {error})"))
                break
        else:
            out.append(analysis)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS)
    parser.add_argument("--split", choices=("eval", "dev", "train"), default="eval",
                        help="eval: the held-out split (the figures to report); dev: the tenth of the sample kept for tuning; "
                        "train: what the typer and the places supplement learned from (for rules they do not learn, such as deaths)")
    parser.add_argument("--limit", type=int, help="score only the first N records (quick looks)")
    parser.add_argument("--cache", type=Path, help="keep spaCy's parses of the split in this file and reuse them")
    parser.add_argument("--systems", default="events", help="comma-separated event stages to compare (events, events-rules)")
    parser.add_argument("--place-errors", action="store_true", help="count the first system's place misses by cause (with -v, each one)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each record's coding beside the main event")
    args = parser.parse_args(argv)
    train = list(records("train", args.records))
    picked = list(records(args.split, args.records))[: args.limit]
    majority = Majority.of(train)
    ur_majority = Majority.of([r for r in train if r["country"] in UKRAINE_RUSSIA])
    groups = {"all": picked, "Ukraine/Russia/Belarus": [r for r in picked if r["country"] in UKRAINE_RUSSIA]}
    table: dict[str, dict[str, Scores]] = {g: {} for g in groups}
    for system in args.systems.split(","):
        stages = tuple(system if s == "events" else s for s in DEFAULT_STAGES)
        analyses = analyse(picked, stages, args.cache)
        by_id = {r["event_id_cnty"]: a for r, a in zip(picked, analyses, strict=True)}
        for group, rows in groups.items():
            scores = table[group].setdefault(system, Scores())
            base = table[group].setdefault("majority / first place / published", Scores())
            for row in rows:
                score(row, by_id[row["event_id_cnty"]], scores, args.verbose and group == "all")
                if system == args.systems.split(",")[0]:
                    score_baseline(row, majority if group == "all" else ur_majority, by_id[row["event_id_cnty"]], base)
        if args.place_errors and system == args.systems.split(",")[0]:
            causes: Counter = Counter()
            for row, analysis in zip(picked, analyses, strict=True):
                cause = place_cause(row, analysis, main_event(analysis))
                if cause is not None:
                    causes[cause] += 1
                    if args.verbose:
                        print(f"PLACE {cause}: {row['event_id_cnty']} want {row['location']} ({row['admin1']}, {row['country']}) :: {row['notes'][:200]}")
            print(f"place misses by cause ({system}, {sum(causes.values())} of {len(picked)}):")
            for cause in PLACE_CAUSES:
                print(f"  {cause:<40}{causes[cause]:>6}")
    print(f"languages detected: {dict(Counter(a.article.language for a in analyses))}")
    print(f"acled-2022h1 {args.split} split: {len(picked)} records ({len(groups['Ukraine/Russia/Belarus'])} Ukraine/Russia/Belarus); "
          f"train split {len(train)} records")
    for group, systems in table.items():
        print(f"\n{group} ({len(groups[group])} records)")
        names = list(systems)
        print(f"{'':<22}" + "".join(f"{n:>40}" for n in names))
        for measure in MEASURES:
            print(f"{measure:<22}" + "".join(f"{str(systems[n].shares.get(measure, Share())):>40}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
