"""Events, places and dates against a hand-labelled set (eval/gold/events.jsonl; how it was made:
eval/gold/README-events.md).

Prints, over the labelled articles:
- places: detection precision / recall / F1 of place names, and geocoding accuracy@161 km (the share
  of labelled place occurrences the system puts within 161 km = 100 miles of the labelled point);
- dates: detection precision / recall / F1, and accuracy at the stated precision (start, end and
  precision all equal to the label);
- events: precision / recall / F1 of (sentence, event type), then per field over matched events:
  sub-type, actor 1, actor 2, place within 25 km and 161 km, date (the system's dates overlap the
  labelled ones and are no wider than a month more).

    python eval/events.py [--gold eval/gold/events.jsonl] [--shared ../shared/data] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from factfile.extract import Extractor
from factfile.ingest import read_items, to_article
from factfile.read.events import km_between
from factfile.records import Analysis

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "eval" / "gold" / "events.jsonl"
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
SEED_DIR = ROOT / "tests" / "data"
GEOCODING_KM = 161.0
EVENT_PLACE_KM = 25.0


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{name:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Share:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def line(self, name: str) -> str:
        value = self.right / self.total if self.total else 0.0
        return f"{name:<28} {value:.3f}   ({self.right}/{self.total})"


@dataclass
class Scores:
    place_detection: Counts = field(default_factory=Counts)
    geocoding: Share = field(default_factory=Share)
    time_detection: Counts = field(default_factory=Counts)
    time_precision: Share = field(default_factory=Share)
    events: Counts = field(default_factory=Counts)
    fields: dict[str, Share] = field(default_factory=dict)

    def field(self, name: str, ok: bool) -> None:
        self.fields.setdefault(name, Share()).add(ok)


def occurrence(text: str, needle: str, nth: int | list[int] | None) -> list[int]:
    """Offsets of `needle` as a whole word in `text`: all of them, or only the nth (1-based; one or a list)."""
    found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]
    if nth is None:
        return found
    return [found[n - 1] for n in ([nth] if isinstance(nth, int) else nth) if n <= len(found)]


def load(record: dict, shared: Path):
    kind, path = record["file"].split(":", 1)
    full = SEED_DIR / path if kind == "seed" else shared / kind / path
    (item,) = read_items([str(full)])
    article = to_article(item)
    article.published = date.fromisoformat(record["published"])
    return article


def score_places(record: dict, analysis: Analysis, scores: Scores, verbose: bool) -> None:
    text = analysis.article.text
    labelled: list[tuple[int, int]] = []
    for gold in record["places"]:
        for start in occurrence(text, gold["text"], gold.get("nth")):
            end = start + len(gold["text"])
            if any(_inside(text, start, end, name) for name in gold.get("except_in", [])):
                continue  # "Russia" in "Legion of Freedom of Russia" names a group, not a place
            labelled.append((start, end))
            hits = [p for p in analysis.places if p.span.start < end and start < p.span.end]
            resolved = [p for p in hits if p.latitude is not None]
            ok = bool(resolved) and km_between((gold["lat"], gold["lon"]), (resolved[0].latitude, resolved[0].longitude)) <= GEOCODING_KM
            scores.geocoding.add(ok)
            scores.place_detection.tp += bool(hits)
            scores.place_detection.fn += not hits
            if verbose and not ok:
                got = f"{resolved[0].name} {resolved[0].country_code} ({resolved[0].latitude:.2f}, {resolved[0].longitude:.2f})" if resolved else "nothing"
                print(f"  place {gold['text']!r} @{start}: want {gold['where']}, got {got}")
    ignored = {name.rstrip(".") for name in record.get("ignore_places", [])}
    for place in analysis.places:
        if any(place.span.start < e and s < place.span.end for s, e in labelled) or place.span.text.rstrip(".") in ignored:
            continue
        scores.place_detection.fp += 1
        if verbose:
            print(f"  place not labelled: {place.span.text!r} -> {place.name}")


def _inside(text: str, start: int, end: int, name: str) -> bool:
    at = name.find(text[start:end])
    return at >= 0 and text[start - at : start - at + len(name)] == name


def score_times(record: dict, analysis: Analysis, scores: Scores, verbose: bool) -> None:
    text = analysis.article.text
    labelled = []
    for gold in record["times"]:
        for start in occurrence(text, gold["text"], gold.get("nth")):
            end = start + len(gold["text"])
            labelled.append((start, end))
            hits = [t for t in analysis.times if t.span.text and t.span.start < end and start < t.span.end]
            want = (date.fromisoformat(gold["start"]), date.fromisoformat(gold["end"]), gold["precision"])
            got = (hits[0].start, hits[0].end, hits[0].precision) if hits else None
            scores.time_precision.add(got == want)
            scores.time_detection.tp += bool(hits)
            scores.time_detection.fn += not hits
            if verbose and got != want:
                print(f"  time {gold['text']!r}: want {want}, got {got}")
    for t in analysis.times:
        if t.span.text and t.start is not None and not any(t.span.start < e and s < t.span.end for s, e in labelled):
            scores.time_detection.fp += 1
            if verbose:
                print(f"  time not labelled: {t.span.text!r} -> {t.start}..{t.end}")


def score_events(record: dict, analysis: Analysis, scores: Scores, verbose: bool) -> None:
    text = analysis.article.text.replace("’", "'")
    unmatched = list(range(len(analysis.events)))
    for gold in record["events"]:
        start = text.find(gold["sentence"])
        candidates = [i for i in unmatched if analysis.events[i].sentence.start <= start < analysis.events[i].sentence.end]
        typed = [i for i in candidates if analysis.events[i].event_type == gold["type"]]
        if not typed:
            scores.events.fn += 1
            if verbose:
                print(f"  event missed: {gold['type']} / {gold['sub_type']} in {gold['sentence']!r}")
            continue
        index = typed[0]
        unmatched.remove(index)
        scores.events.tp += 1
        event = analysis.events[index]
        chain = lambda c: analysis.chains[c].name if c is not None else None  # noqa: E731
        scores.field("sub-type", event.sub_type == gold["sub_type"])
        for role, found in (("actor1", event.actor1_chain), ("actor2", event.actor2_chain)):
            if gold[role] is not None:
                scores.field(role, chain(found) in gold[role])
        if gold["place"] is not None:
            place = analysis.places[event.place] if event.place is not None else None
            distance = km_between((gold["place"]["lat"], gold["place"]["lon"]), (place.latitude, place.longitude)) if place and place.latitude is not None else None
            scores.field("place within 25 km", distance is not None and distance <= EVENT_PLACE_KM)
            scores.field("place within 161 km", distance is not None and distance <= GEOCODING_KM)
        if gold["date"] is not None:
            scores.field("date", _date_ok(gold["date"], analysis.times[event.time] if event.time is not None else None))
        if verbose:
            print(f"  event {gold['type']}/{gold['sub_type']}: got {event.sub_type}, actors {chain(event.actor1_chain)} -> {chain(event.actor2_chain)}")
    scores.events.fp += len(unmatched)
    if verbose:
        for i in unmatched:
            e = analysis.events[i]
            print(f"  event not labelled: {e.event_type}/{e.sub_type} [{e.trigger.text}] in {e.sentence.text[:90]!r}")


def _date_ok(gold: dict, time) -> bool:
    if time is None or time.start is None:
        return False
    start, end = date.fromisoformat(gold["start"]), date.fromisoformat(gold["end"])
    overlaps = time.start <= end and start <= time.end
    return overlaps and (time.end - time.start).days <= (end - start).days + 31


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (holds polnear/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    extractor = Extractor()
    scores = Scores()
    for record in records:
        analysis = extractor(load(record, args.shared))
        if args.verbose:
            print(record["file"])
        score_places(record, analysis, scores, args.verbose)
        score_times(record, analysis, scores, args.verbose)
        score_events(record, analysis, scores, args.verbose)
    print(f"{len(records)} articles, {sum(len(r['events']) for r in records)} labelled events, "
          f"{scores.geocoding.total} place occurrences, {scores.time_precision.total} date expressions")
    print(scores.place_detection.line("place names"))
    print(scores.geocoding.line(f"geocoding accuracy@{GEOCODING_KM:.0f}km"))
    print(scores.time_detection.line("date expressions"))
    print(scores.time_precision.line("dates right to precision"))
    print(scores.events.line("events (sentence, type)"))
    for name, share in scores.fields.items():
        print(share.line(f"  {name}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
