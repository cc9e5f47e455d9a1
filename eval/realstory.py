"""Real coverage as the yardstick: labelled stories of stored news pages (eval/realstory/<story>/).

Every story folder holding `pages.jsonl` and `gold.json` (format and labelling rules in
eval/realstory/README.md and GUIDELINES.md) is written out as one JSON-lines input (text, url, title,
date, source) and ingested, all folders together, into a fresh temporary store by the same pipeline
the `factfile ingest` command runs. The store is then read back and scored against the gold, per
story folder and overall, each figure beside a simple baseline measured in the same run:

  copies         pairs of pages within a gold copy family vs pairs factfile links as copies (directly
                 or through a shared original), P/R/F1, recall by kind; originals traced right.
                 Baseline: no copies (recall 0).
  actors         for each key actor, the share of its name forms that land on its main record (the
                 stored actor holding most of its forms; a form lands if a mention with that surface is
                 linked to it, or to the form without its article, or the form is only written inside a
                 longer form of the actor whose mention is linked to it; `landed`). The exact-surface
                 share is printed beside it. Wrong merges (key actors sharing a record; keys of two folders
                 sharing a key, a labelled form, a main name or a `same_as` are one actor, `same_actors`);
                 junk actors (see `junk`) as a share of all actors mentioned. Baseline: exact-string actors (one record per surface).
  claims         gold claims carried by a statement overlapping the evidence quote whose source is the
                 right actor's main record, and with the right certainty; grouping of a claim's evidence
                 across pages: two evidence quotes are grouped when the statements carrying them belong
                 to one claim as readers are shown it (relate/corroboration.claim_ids), beside its ceiling
                 (the share of pairs whose two quotes are each carried by a statement). Baselines: the
                 sentence names the source (exact string), certainty always "asserted", word-overlap
                 grouping of the evidence sentences (word-set Jaccard >= 0.5).
  events         for each gold event and page, an event of the right ACLED type, sub-type, place within
                 25 km, date exact (or inside the gold range).
  contradictions gold contradictions found (a factfile contradiction whose sides cover pages of both gold
                 sides) / expected, and factfile contradictions matching none.
  stories        B-cubed P/R/F1 of pages in stories. Baseline: all pages in one story.

    .venv/bin/python eval/realstory.py [--only kakhovka] [--keep store.db] [--actors]
    .venv/bin/python eval/realstory.py --store store.db --part claims --part contradictions   # a kept store, no ingest

`--actors` runs only what the actor measure needs (the stages up to chains, descriptions and places, the
actors relater) and prints only it, with where each key actor's forms land: a quick loop for actor linking.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "eval" / "realstory"
KIND_ORDER = ("verbatim", "wire", "excerpt", "translation", "spun", "machine-translated", "back-translated")
# Stored actor kinds that fit each gold kind (a state is also a place).
FITTING_KINDS = {
    "person": {"person"},
    "organisation": {"organization"},
    "government-body": {"organization", "place", "group"},
    "armed-group": {"organization", "group"},
    "outlet": {"organization"},
}
# Words that name no actor: nationality adjectives and demonyms, generic nouns (GUIDELINES.md §3).
NOT_ACTORS = {
    w.casefold()
    for w in """Russian Russians Ukrainian Ukrainians Soviet Western European American Crimean officials authorities
    russe russes ukrainien ukrainiens russische russischen russischer ukrainische ukrainischen ukrainischer
    russo russi ucraino ucraini ruso rusos ucraniano ucranianos rosyjski rosyjskie ukraiński Rosjanie Rosjan
    россияне россиян русские украинцы росіяни росіян українці окупанти оккупанты рашисти власти влада""".split()
}
_LETTER = re.compile(r"[^\W\d_]")
# The gold's certainty is the source's commitment (GUIDELINES.md §4); factfile's is how the article presents
# the content: an attributed, unhedged statement is "reported", an unverified or second-hand one "hedged".
FACTFILE_CERTAINTY = {"asserted": "reported", "reported": "hedged", "hedged": "hedged", "denied": "denied"}
# Which kinds of factfile contradiction can show a gold contradiction on an attribute.
CONTRADICTION_KINDS = {"casualties": {"numbers"}, "fatalities": {"numbers"}, "size": {"numbers"}, "evacuated": {"numbers"},
                       "date": {"dates"}, "place": {"places"}, "place-taken": {"places"}}
CLAIM_LEVEL = {"confirmed vs denied", "values"}


# ---------------------------------------------------------------- scoring (pure functions, tested)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty prediction has precision 1, an empty gold recall 1."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pair_scores(gold: set[frozenset], predicted: set[frozenset]) -> tuple[float, float, float]:
    return prf(len(gold & predicted), len(predicted - gold), len(gold - predicted))


def bcubed(gold: dict[str, str], predicted: dict[str, object]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items of `gold` (an item missing from `predicted` is alone)."""
    return bcubed_over(gold, predicted, list(gold))


def bcubed_over(gold: dict[str, str], predicted: dict[str, object], over: Iterable[str]) -> tuple[float, float, float]:
    """B-cubed averaged over the items `over` only, their clusters still holding all of `gold`'s items:
    how well some pages (those not in English) sit in their story among all the others."""
    items = list(gold)
    over = [i for i in over if i in gold]
    if not over:
        return 1.0, 1.0, 1.0
    label = {i: predicted.get(i, ("alone", i)) for i in items}
    by_label: dict[object, list[str]] = defaultdict(list)
    by_gold: dict[str, list[str]] = defaultdict(list)
    for i in items:
        by_label[label[i]].append(i)
        by_gold[gold[i]].append(i)
    p = r = 0.0
    for i in over:
        same = sum(1 for j in by_label[label[i]] if gold[j] == gold[i])
        p += same / len(by_label[label[i]])
        r += same / len(by_gold[gold[i]])
    p, r = p / len(over), r / len(over)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def root_of(item: str, copy_of: dict[str, str | None]) -> str:
    """Follow copy links to the original (a cycle stops where it closes)."""
    seen = {item}
    while (nxt := copy_of.get(item)) is not None and nxt not in seen:
        seen.add(nxt)
        item = nxt
    return item


def linked_pairs(copy_of: dict[str, str | None]) -> set[frozenset]:
    """Pairs linked as copies directly or through a shared original."""
    groups: dict[str, list[str]] = defaultdict(list)
    for item in copy_of:
        groups[root_of(item, copy_of)].append(item)
    return {frozenset(pair) for members in groups.values() for pair in combinations(sorted(members), 2)}


def family_pairs(families: list[dict], present: set[str]) -> dict[frozenset, str]:
    """Gold copy pairs among the pages present, each with a kind: the member's kind when one side is the
    root, else the harder of the two members' kinds (KIND_ORDER)."""
    pairs: dict[frozenset, str] = {}
    for family in families:
        kinds = {m["id"]: m["kind"] for m in family["members"] if m["id"] in present}
        root = family["root"] if family["root"] in present else None
        for member, kind in kinds.items():
            if root is not None:
                pairs[frozenset((root, member))] = kind
        for a, b in combinations(sorted(kinds), 2):
            harder = max(kinds[a], kinds[b], key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER))
            pairs[frozenset((a, b))] = harder
    return pairs


def main_records(form_records: dict[str, dict[str, Counter]]) -> dict[str, tuple[object | None, float]]:
    """For each key actor, {form: Counter(record -> mentions)} -> (main record, share of forms on it).

    The main record holds most of the actor's forms (ties: most mentions); a form with no linked
    mention lands nowhere."""
    result = {}
    for key, forms in form_records.items():
        holders: Counter = Counter()
        mentions: Counter = Counter()
        for counts in forms.values():
            for record, n in counts.items():
                holders[record] += 1
                mentions[record] += n
        if not holders or not forms:
            result[key] = (None, 0.0)
            continue
        main = max(holders, key=lambda r: (holders[r], mentions[r], str(r)))
        result[key] = (main, holders[main] / len(forms))
    return result


# Articles a stored mention leaves out of a form ("the Kremlin" is carried by the mention "Kremlin").
ARTICLES = frozenset("the der die das dem den le la les l' el los las o os a il lo gli".split())


def carried_by(text: str, form: str, mentions: list[tuple[int, int, str, object]], forms: set[str]) -> tuple[Counter, Counter, int]:
    """Records of the linked mentions (start, end, surface, record) that carry occurrences of `form` in
    `text`, as (by the form without its leading article: "Kremlin" carries "the Kremlin"; by a longer
    mention whose surface is another of the actor's `forms`: "Олександр Прокудін" carries "Прокудін"),
    and how many occurrences stand alone, outside any longer form. A mention that merely overlaps
    ("Wagner chief Yevgeny Prigozhin" over "Wagner") carries nothing."""
    articled: Counter = Counter()
    nested: Counter = Counter()
    alone = 0
    if form not in text:
        return articled, nested, alone
    longer = [(m.start(), m.end()) for other in forms if len(other) > len(form) and form in other
              for m in re.finditer(rf"(?<!\w){re.escape(other)}(?!\w)", text)]
    for occurrence in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
        start, end = occurrence.span()
        alone += not any(a <= start and end <= b for a, b in longer)
        for m_start, m_end, surface, record in mentions:
            if m_start <= start and end <= m_end and surface.strip() != form and surface.strip() in forms:
                nested[record] += 1
            elif start < m_start and m_end == end and text[start:m_start].strip().casefold() in ARTICLES:
                articled[record] += 1
    return articled, nested, alone


def landed(exact: Counter, carried: list[tuple[Counter, Counter, int]]) -> Counter:
    """A form's records: mentions of its surface, mentions of it without its article, and, for a form the
    pages write only inside a longer form of the actor ("Прокудін" only in "Олександр Прокудін"), the
    longer mentions (a form also written alone is judged by its own mentions there)."""
    found = exact + sum((a for a, _, _ in carried), Counter())
    if not any(alone for _, _, alone in carried):
        found += sum((n for _, n, _ in carried), Counter())
    return found


def same_actors(keys: Iterable[str], forms: dict[str, set[str]]) -> dict[str, str]:
    """Each key -> one key standing for its real actor. Keys are "folder:key" in the overall set: two
    folders' keys are one actor when they are the same key or share a labelled form (each folder's gold
    says that surface names its key); two keys of one folder never are, even through a third."""
    keys = sorted(keys)
    group = {k: k for k in keys}
    members = {k: {k} for k in keys}

    def folder(key: str) -> str | None:
        return key.split(":", 1)[0] if ":" in key else None

    for a, b in combinations(keys, 2):
        if folder(a) is None or folder(a) == folder(b) or group[a] == group[b]:
            continue
        if a.split(":", 1)[1] != b.split(":", 1)[1] and not forms.get(a, set()) & forms.get(b, set()):
            continue
        ga, gb = group[a], group[b]
        if {folder(k) for k in members[ga]} & {folder(k) for k in members[gb]}:
            continue  # joining would put two keys of one folder together
        for k in members[gb]:
            group[k] = ga
        members[ga] |= members.pop(gb)
    return group


def identity_forms(actor: dict) -> set[str]:
    """What tells one folder's key actor from another folder's: its labelled forms, its main name, and
    the keys its gold says it is (`same_as`, for one real actor whose folders spell it apart)."""
    forms = set(actor["names"]) | ({actor["main"]} if actor.get("main") else set())
    keys = [actor["key"], *actor.get("same_as", [])] if ":" in actor["key"] else actor.get("same_as", [])
    return forms | {f"key:{key}" for key in keys}


def wrong_merges(
    mains: dict[str, object | None], form_records: dict[str, dict[str, Counter]], same: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """Pairs of key actors whose main records are one stored actor; `same` maps each key to the real
    actor it stands for, so one actor labelled in two folders is no wrong merge."""
    same = same or {}
    return [
        (a, b) for a, b in combinations(sorted(mains), 2)
        if mains[a] is not None and mains[a] == mains[b] and form_records[a] and form_records[b] and same.get(a, a) != same.get(b, b)
    ]


def junk(name: str, kind: str | None, gold_kind: str | None, gold_forms: set[str]) -> bool:
    """Debris, a word naming no actor, or a key actor's name form stored as the wrong kind of actor."""
    stripped = name.strip()
    if gold_kind is not None and kind is not None:
        return kind not in FITTING_KINDS.get(gold_kind, {kind})
    if stripped in gold_forms:
        return False
    if len(stripped) < 2 or not _LETTER.search(stripped) or any(c.isdigit() for c in stripped):
        return True
    if "\n" in stripped or len(stripped.split()) > 6 or re.search(r"https?:|www\.|@|#|pic\.", stripped):
        return True
    if stripped.casefold() in NOT_ACTORS or stripped.rstrip("s").casefold() in NOT_ACTORS:
        return True
    if stripped[0] in "«»\"'“”„‘’-–—([" or stripped[-1] in "«»\"'“”„‘’-–—,.;:":
        return True
    return stripped == stripped.lower()  # a name is written with a capital (descriptions in the gold excepted)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def date_fits(predicted: str | None, gold: str | list[str]) -> bool:
    if predicted is None:
        return False
    low, high = (gold, gold) if isinstance(gold, str) else gold
    return low <= predicted <= high


def word_set(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text) if len(w) > 2}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def span_of(quote: str, text: str) -> tuple[int, int] | None:
    """Where the quote is in the stored text (exact, else with whitespace runs collapsed)."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def sentence_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence(s) the span lies in: from the last stop before it to the next stop after it."""
    start = max(text.rfind(c, 0, span[0]) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, span[1]) for c in ".!?\n") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


# ---------------------------------------------------------------- the set


@dataclass(slots=True)
class StorySet:
    name: str
    pages: list[dict]
    gold: dict

    @property
    def ids(self) -> set[str]:
        return {p["id"] for p in self.pages}


def load_set(folder: Path) -> tuple[StorySet | None, list[str]]:
    """One story folder's pages and gold, and a line for each part that could not be read (a page line
    that is not JSON is left out; without a readable gold the set is)."""
    pages_file, gold_file = folder / "pages.jsonl", folder / "gold.json"
    if not pages_file.exists() or not gold_file.exists():
        return None, [f"{folder}: skipped, needs pages.jsonl and gold.json"]
    pages, unreadable = [], []
    for number, line in enumerate(pages_file.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                pages.append(json.loads(line))
            except json.JSONDecodeError as exc:
                unreadable.append(f"{pages_file}:{number}: not JSON ({exc.msg}), page left out")
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return None, [*unreadable, f"{gold_file}: not JSON ({exc.msg}), story left out"]
    return StorySet(folder.name, pages, gold), unreadable


def load_sets(root: Path, only: Iterable[str] = ()) -> list[StorySet]:
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if only and folder.name not in only:
            continue
        story, unreadable = load_set(folder)
        for line in unreadable:
            print(line, file=sys.stderr)
        if story is not None:
            found.append(story)
    return found


# ---------------------------------------------------------------- ingest and read the store


@dataclass(slots=True)
class Stored:
    """What factfile stored for the pages, keyed by page id."""

    document: dict[str, int] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    copy_of: dict[str, str | None] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)  # how factfile found a copy ("spun", "translation", ...)
    story: dict[str, int | None] = field(default_factory=dict)


ACTOR_STAGES = ("sentences", "mentions", "chains", "descriptions", "places")


def ingest(sets: list[StorySet], folder: Path, only: str | None = None):
    """Write the pages as one JSON-lines input (arrival in date order) and run the ingest pipeline;
    `only="copies"` skips extraction and relates by copies and stories alone, `only="actors"` runs only the stages
    and relater that actor linking needs (minutes faster; only that part is scored)."""
    from factfile.pipeline import Pipeline
    from factfile.store import Store

    pages = sorted((p for s in sets for p in s.pages), key=lambda p: (p.get("date", "unknown") == "unknown", p.get("date", ""), p["id"]))
    path = folder / "pages.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for page in pages:
            row = {"text": page["text"], "url": page.get("url"), "title": page.get("title") or None, "source": page.get("outlet")}
            if page.get("date") and page["date"] != "unknown":
                row["date"] = page["date"]
            out.write(json.dumps({k: v for k, v in row.items() if v}, ensure_ascii=False) + "\n")
    store = Store(folder / "store.db")
    page_of_line = {f"{path}:{number}": page["id"] for number, page in enumerate(pages, 1)}
    documents: dict[str, int] = {}
    summary = Counter()
    if only == "copies":
        run = _copies_run(store, path)
    elif only == "actors":
        run = Pipeline(store, workers=1, stages=ACTOR_STAGES, relaters=("actors",)).run([str(path)])
    else:
        run = Pipeline(store, workers=1).run([str(path)])
    for outcome in run:
        summary[outcome.status] += 1
        if outcome.status == "rejected":
            print(f"rejected {outcome.origin}: {outcome.problem}", file=sys.stderr)
        if outcome.document_id is not None and outcome.origin in page_of_line:
            documents[page_of_line[outcome.origin]] = outcome.document_id
    print(f"ingested {len(pages)} pages: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.items())))
    return store, documents


def _copies_run(store, path: Path):
    """Each page read into an article and stored with the copies and stories relaters only, no extraction."""
    from factfile.errors import IngestError
    from factfile.ingest import read_items, to_article
    from factfile.pipeline import Outcome
    from factfile.records import Analysis, Rejection
    from factfile.relate import build, prepare, write

    relaters = build(("copies", "stories"))
    for item in read_items([str(path)]):
        if isinstance(item, Rejection):
            yield Outcome(item.origin, "rejected", item.problem)
            continue
        try:
            analysis = prepare(Analysis(article=to_article(item)), ("copies", "stories"))
        except IngestError as error:
            yield Outcome(error.origin, "rejected", error.problem)
            continue
        document = write.store(store, analysis, relaters)
        yield Outcome(item.origin, "stored" if document is not None else "duplicate",
                      document_id=document.id if document is not None else None)


def read_documents(session, documents: dict[str, int]) -> Stored:
    from factfile.store import schema as s

    page_of = {d: p for p, d in documents.items()}
    stored = Stored(document=dict(documents))
    for doc in session.query(s.Document).filter(s.Document.id.in_(list(page_of))):
        page = page_of[doc.id]
        stored.text[page] = doc.text
        # a copy of a document that is no page (a stand-in for a wire story whose page is not stored)
        # keeps that document as its root, so the carriers of one wire story count as linked
        stored.copy_of[page] = page_of.get(doc.copy_of_id, f"{STAND_IN}{doc.copy_of_id}") if doc.copy_of_id is not None else None
        stored.story[page] = doc.story_id
        if doc.copy_reason:
            stored.evidence[page] = evidence_of(doc.copy_reason)
    return stored


# ---------------------------------------------------------------- the measures


STAND_IN = "document:"  # a stored root that is no page of the set


def evidence_of(reason: str) -> str:
    """The kind of evidence in a stored copy reason ("earliest date; spun 0.41" -> "spun")."""
    found = re.search(r";\s*([a-z-]+) [\d.]+$", reason)
    return found.group(1) if found else "other"


def pair_evidence(pair: frozenset, links: dict[str, str | None], evidence: dict[str, str]) -> str:
    """What linked a pair: the evidence of its copy side(s) ("spun", "containment+translation")."""
    return "+".join(sorted({evidence.get(p, "other") for p in pair if links.get(p) is not None}))


def _linkable(target: str | None, present: set[str]) -> bool:
    return target is not None and (target in present or target.startswith(STAND_IN))


def measure_copies(story: StorySet, stored: Stored) -> dict:
    present = story.ids & set(stored.document)
    gold = family_pairs(story.gold.get("copy_families", []), present)
    links = {p: (stored.copy_of.get(p) if _linkable(stored.copy_of.get(p), present) else None) for p in present}
    predicted = linked_pairs(links)
    p, r, f = pair_scores(set(gold), predicted)
    by_kind = {}
    for kind in sorted(set(gold.values()), key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99):
        pairs = {pair for pair, k in gold.items() if k == kind}
        by_kind[kind] = (len(pairs & predicted), len(pairs))
    traced = total = 0
    for family in story.gold.get("copy_families", []):
        members = [m["id"] for m in family["members"] if m["id"] in present]
        if family["root"].startswith("wire:"):
            # the agency's page is not in the set: right when the members share one root that is no page
            roots = Counter(root_of(m, links) for m in members)
            shared = next((r for r, n in roots.most_common(1) if r.startswith(STAND_IN) and n > 1), None)
            total += len(members)
            traced += sum(root_of(m, links) == shared for m in members) if shared else 0
            continue
        if family["root"] not in present:
            continue
        for member in members:
            total += 1
            traced += root_of(member, links) == family["root"]
    baseline = pair_scores(set(gold), set())
    by_evidence: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair in predicted:
        counts = by_evidence[pair_evidence(pair, links, stored.evidence)]
        counts[0] += pair in gold
        counts[1] += 1
    return {"p": p, "r": r, "f1": f, "gold_pairs": len(gold), "predicted_pairs": len(predicted), "by_kind": by_kind,
            "traced": (traced, total), "baseline": baseline, "by_evidence": dict(sorted(by_evidence.items()))}


def measure_actors(session, story: StorySet, stored: Stored) -> dict:
    from factfile.read.actors import live_actor
    from factfile.store import schema as s

    docs = [stored.document[p] for p in story.ids if p in stored.document]
    live: dict[int, object] = {}

    def record(actor_id: int):
        if actor_id not in live:
            actor = live_actor(session, actor_id)
            live[actor_id] = actor
        return live[actor_id]

    surface_records: dict[str, Counter] = defaultdict(Counter)
    mentioned: dict[int, object] = {}
    linked: dict[int, list] = defaultdict(list)  # document -> (start, end, surface, record)
    for mention in session.query(s.Mention).filter(s.Mention.document_id.in_(docs), s.Mention.actor_id.isnot(None)):
        actor = record(mention.actor_id)
        if actor is None:
            continue
        surface_records[mention.text.strip()][actor.id] += 1
        mentioned[actor.id] = actor
        linked[mention.document_id].append((mention.start, mention.end, mention.text, actor.id))
    gold_actors = story.gold.get("actors", [])
    exact = {a["key"]: {form: surface_records.get(form, Counter()) for form in a["names"]} for a in gold_actors}
    texts = [(stored.text[p], linked.get(stored.document[p], [])) for p in story.ids if p in stored.document]
    form_records = {}
    for a in gold_actors:
        forms = set(a["names"])
        form_records[a["key"]] = {
            form: landed(exact[a["key"]][form], [carried_by(text, form, ms, forms) for text, ms in texts])
            for form in a["names"]
        }
    exact_mains = main_records(exact)
    mains = main_records(form_records)
    shares = {key: share for key, (_, share) in mains.items()}
    forms_total = sum(len(a["names"]) for a in gold_actors)
    forms_landed = sum(round(shares[a["key"]] * len(a["names"])) for a in gold_actors)
    baseline = {a["key"]: (1 / len(a["names"]) if a["names"] else 0.0) for a in gold_actors}
    by_key = {a["key"]: a["key"].split(":", 1)[-1] for a in gold_actors}
    real = same_actors(by_key, {a["key"]: identity_forms(a) for a in gold_actors})
    merges = wrong_merges({k: m for k, (m, _) in mains.items()}, form_records, real)
    merges_by_key = wrong_merges({k: m for k, (m, _) in mains.items()}, form_records, by_key)
    gold_kind_of_record = {mains[a["key"]][0]: a["kind"] for a in gold_actors if mains[a["key"]][0] is not None}
    all_forms = {form for a in gold_actors for form in a["names"]}
    junk_names = [
        actor.name for actor in mentioned.values()
        if junk(actor.name, actor.kind, gold_kind_of_record.get(actor.id), all_forms)
    ]
    return {"shares": shares, "macro": sum(shares.values()) / len(shares) if shares else 0.0, "forms": form_records,
            "record_names": {actor_id: actor.name for actor_id, actor in mentioned.items()},
            "micro": forms_landed / forms_total if forms_total else 0.0,
            "baseline_macro": sum(baseline.values()) / len(baseline) if baseline else 0.0,
            "merges": merges, "merges_by_key": merges_by_key, "key_actors": len(gold_actors), "actors": len(mentioned),
            "junk": junk_names, "mains": {k: m for k, (m, _) in mains.items()},
            "exact": {"forms": exact, "mains": {k: m for k, (m, _) in exact_mains.items()},
                      "macro": sum(share for _, share in exact_mains.values()) / len(exact_mains) if exact_mains else 0.0}}


def measure_claims(session, story: StorySet, stored: Stored, mains: dict[str, int | None]) -> dict:
    from factfile.read.actors import live_actor
    from factfile.relate.corroboration import claim_ids
    from factfile.store import schema as s

    names = {a["key"]: a["names"] for a in story.gold.get("actors", [])}
    language = {p["id"]: p.get("language") for p in story.pages}
    missed = Counter()  # (why, "en" | "other") for each occurrence no statement of the right actor carries
    occurrences = []  # (claim id, page, carried, certainty right, baseline carried, baseline certainty, carrying statement, sentence, same label)
    for claim in story.gold.get("claims", []):
        for evidence in claim["evidence"]:
            page = evidence["page"]
            text = stored.text.get(page)
            span = span_of(evidence["quote"], text) if text else None
            if span is None:
                missed["quote not found", "en" if language.get(page) == "en" else "other"] += 1
                occurrences.append((claim["id"], page, False, False, False, claim["certainty"] == "asserted", "", "", False))
                continue
            sentence = sentence_around(text, span)
            statements = session.query(s.Statement).filter(s.Statement.document_id == stored.document[page]).all()
            overlapping = []
            for st in statements:
                starts = [x for x in (st.source_start, st.cue_start, st.content_start) if x is not None]
                ends = [x for x in (st.source_end, st.cue_end, st.content_end) if x is not None]
                if starts and min(starts) < max(span[1], sentence[1]) and max(ends) > min(span[0], sentence[0]):
                    overlapping.append(st)
            main = mains.get(claim["source"])
            right = [
                st for st in overlapping
                if main is not None and st.source_actor_id is not None and (a := live_actor(session, st.source_actor_id)) and a.id == main
            ]
            if not right:
                why = _missed_why(session, overlapping, {n.casefold() for n in names.get(claim["source"], [])})
                missed[why, "en" if language.get(page) == "en" else "other"] += 1
            certain = [st for st in right if st.certainty == FACTFILE_CERTAINTY.get(claim["certainty"], claim["certainty"])]
            same_label = [st for st in right if st.certainty == claim["certainty"]]
            words = text[sentence[0]:sentence[1]]
            named = any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", words) for n in names.get(claim["source"], []))
            carrier = max(right or overlapping, key=lambda st: _covered(st, span), default=None)
            occurrences.append((claim["id"], page, bool(right), bool(certain), named, claim["certainty"] == "asserted",
                                carrier.id if carrier is not None else None, words, bool(same_label)))
    n = len(occurrences) or 1
    claims = sorted({o[0] for o in occurrences})
    per_claim = {c: [o for o in occurrences if o[0] == c] for c in claims}
    claim_of = claim_ids(session, {o[6] for o in occurrences if o[6] is not None})
    # grouping: two occurrences of one gold claim on different pages belong together
    gold_pairs, factfile_pairs, overlap_pairs, carried_pairs = set(), set(), set(), set()
    for a, b in combinations(range(len(occurrences)), 2):
        oa, ob = occurrences[a], occurrences[b]
        if oa[1] == ob[1]:
            continue
        pair = frozenset((a, b))
        if oa[0] == ob[0]:
            gold_pairs.add(pair)
            if oa[6] is not None and ob[6] is not None:
                carried_pairs.add(pair)
        if oa[6] is not None and ob[6] is not None and claim_of.get(oa[6], oa[6]) == claim_of.get(ob[6], ob[6]):
            factfile_pairs.add(pair)
        if jaccard(word_set(oa[7]), word_set(ob[7])) >= 0.5:
            overlap_pairs.add(pair)
    return {
        "occurrences": len(occurrences), "claims": len(claims),
        "carried": sum(o[2] for o in occurrences) / n, "certain": sum(o[3] for o in occurrences) / n,
        "same_label": sum(o[8] for o in occurrences) / n,
        "claims_carried": sum(any(o[2] for o in per_claim[c]) for c in claims) / (len(claims) or 1),
        "baseline_carried": sum(o[4] for o in occurrences) / n, "baseline_certain": sum(o[4] and o[5] for o in occurrences) / n,
        "grouping": pair_scores(gold_pairs, factfile_pairs), "baseline_grouping": pair_scores(gold_pairs, overlap_pairs),
        "ceiling": len(carried_pairs) / (len(gold_pairs) or 1), "missed": missed,
    }


MISSED = ("quote not found", "no statement", "article's own voice", "source without actor", "actor split", "other actor")


def _missed_why(session, overlapping: list, gold_forms: set[str]) -> str:
    """Why no statement of the right actor carries an occurrence: none overlaps its sentence; only the article's own
    voice does; a source linked to no actor; a record carrying one of the gold actor's name forms (an actor split);
    another actor. The first that fits, in the order actor split, no actor, other actor."""
    from factfile.read.actors import live_actor
    from factfile.store import schema as s

    attributed = [st for st in overlapping if st.source_start is not None or st.cue_start is not None]
    if not attributed:
        return "article's own voice" if overlapping else "no statement"
    actors = [a for st in attributed if st.source_actor_id is not None and (a := live_actor(session, st.source_actor_id))]
    for actor in actors:
        forms = {actor.name.casefold()} | {n.casefold() for (n,) in session.query(s.Alias.name).filter(s.Alias.actor_id == actor.id)}
        if forms & gold_forms:
            return "actor split"
    return "source without actor" if len(actors) < len(attributed) else "other actor"


def print_missed(cl: dict) -> None:
    """One diagnostic line: where the occurrences not carried by the right actor go, English / other pages."""
    missed = cl["missed"]
    print("         missed: " + ", ".join(
        f"{why} {missed[why, 'en'] + missed[why, 'other']} ({missed[why, 'en']}/{missed[why, 'other']})" for why in MISSED
    ) + "   (English/other pages)")


def _covered(statement, span: tuple[int, int]) -> int:
    """How many characters of the evidence quote the statement's content covers: the carrier is the statement covering most."""
    start, end = statement.content_start, statement.content_end
    if start is None or end is None:
        return 0
    return max(0, min(end, span[1]) - max(start, span[0]))


def measure_events(session, story: StorySet, stored: Stored) -> dict:
    from factfile.store import schema as s

    checks = Counter()
    total = 0
    for event in story.gold.get("events", []):
        for page in event.get("pages", []):
            if page not in stored.document:
                continue
            total += 1
            found = session.query(s.Event).filter(s.Event.document_id == stored.document[page]).all()
            typed = [e for e in found if e.event_type == event["type"]]
            subtyped = [e for e in typed if e.sub_type == event.get("sub_type")]
            checks["any event"] += bool(found)
            checks["type"] += bool(typed)
            checks["sub-type"] += bool(subtyped)
            near = False
            for e in typed or found:
                place = session.get(s.Place, e.place_id) if e.place_id else None
                if place is not None and place.latitude is not None and event.get("lat") is not None:
                    near |= haversine_km((place.latitude, place.longitude), (event["lat"], event["lon"])) <= 25
            checks["place ≤ 25 km"] += near
            checks["date"] += any(date_fits(e.date_start.isoformat() if e.date_start else None, event["date"]) for e in (typed or found))
    return {"total": total, "checks": checks}


def measure_contradictions(session, story: StorySet, stored: Stored) -> dict:
    """What a reader sees through `factfile disputes`: the disputes of every story and every actor the set's pages hold."""
    from factfile.read.disputes import disputes
    from factfile.store import schema as s

    docs = [stored.document[p] for p in story.ids if p in stored.document]
    page_of = {d: p for p, d in stored.document.items()}
    found = []
    actor_ids = {a for (a,) in session.query(s.Mention.actor_id).filter(s.Mention.document_id.in_(docs), s.Mention.actor_id.isnot(None)).distinct()}
    story_ids = {sid for (sid,) in session.query(s.Document.story_id).filter(s.Document.id.in_(docs), s.Document.story_id.isnot(None)).distinct()}
    for story_id in sorted(story_ids):
        found += disputes(session, story=story_id, limit=10_000)
    for actor_id in sorted(actor_ids):
        found += disputes(session, actor=actor_id, limit=10_000)
    seen, unique = set(), []
    for c in found:
        key = (c.attribute, tuple(tuple(side.documents) for side in c.sides))
        if key not in seen:
            seen.add(key)
            unique.append(c)
    evidence = {c["id"]: {e["page"] for e in c["evidence"]} for c in story.gold.get("claims", [])}

    def pages_of(side) -> set[str]:
        return {page_of[d] for d in side.documents if d in page_of}

    expected = story.gold.get("contradictions", [])
    matched_gold, matched_found = set(), set()
    matched_by: dict[int, list[str]] = defaultdict(list)
    for x in expected:
        gold_sides = [set().union(*(evidence.get(c, set()) for c in side["claims"])) for side in x["sides"]]
        kinds = CONTRADICTION_KINDS.get(x["attribute"], CLAIM_LEVEL)
        for number, c in enumerate(unique):
            if c.kind not in kinds:
                continue
            sides = [pages_of(side) for side in c.sides]
            hit = any(
                sides[i] & gold_sides[0] and sides[j] & gold_sides[1]
                for i in range(len(sides)) for j in range(len(sides)) if i != j
            ) if len(gold_sides) >= 2 else False
            if hit:
                matched_gold.add(x["id"])
                matched_found.add(number)
                matched_by[number].append(x["id"])
    shown = [(c, [sorted(pages_of(side)) for side in c.sides], matched_by[number]) for number, c in enumerate(unique)]
    missed = [x for x in expected if x["id"] not in matched_gold]
    return {"expected": len(expected), "found": len(matched_gold), "shown": len(unique), "false": len(unique) - len(matched_found),
            "details": shown, "missed": missed}


def report_contradictions(session, story: StorySet, stored: Stored) -> None:
    """The contradictions line, and for one set (not the overall) each dispute shown and each label missed."""
    x = measure_contradictions(session, story, stored)
    print(f"contra.  found {x['found']}/{x['expected']} expected; {x['shown']} shown, {x['false']} matching none")
    if story.name != "overall":
        print_contradictions(x)


def print_contradictions(x: dict) -> None:
    """Each shown dispute (subject, attribute, sides: value, sources, pages) with the labels it matches, then each missed label."""
    for c, pages, labels in x["details"]:
        print(f"         {'ok ' + ','.join(labels) if labels else 'NONE'}: {c.subject_kind} {c.subject_id} {c.subject[:60]!r} {c.attribute} ({c.kind})")
        for side, on in zip(c.sides, pages, strict=True):
            print(f"             {side.value[:50]!r} by {', '.join(side.sources)[:80]} on {', '.join(on) or 'no page of the set'}")
    for g in x["missed"]:
        print(f"         MISSED {g['id']} {g['subject']} {g['attribute']}: " + " | ".join(side["value"] for side in g["sides"]))


def measure_stories(story: StorySet, stored: Stored) -> dict:
    gold = {p["id"]: p["story"] for p in story.pages if p["id"] in stored.document}
    predicted = {p: ("story", stored.story[p]) if stored.story.get(p) is not None else ("alone", p) for p in gold}
    foreign = [p["id"] for p in story.pages if p["id"] in gold and p.get("language") != "en"]
    return {"factfile": bcubed(gold, predicted), "baseline": bcubed(gold, dict.fromkeys(gold, "one")), "pages": len(gold),
            "stories": len({v for v in predicted.values()}), "not_english": bcubed_over(gold, predicted, foreign),
            "not_english_pages": len(foreign)}


# ---------------------------------------------------------------- report


def combined(sets: list[StorySet]) -> StorySet:
    """All folders as one set; actor keys and claim, event and contradiction ids are prefixed with the
    folder, since each folder numbers its own (the same key in two folders is labelled separately)."""
    gold: dict[str, list] = {key: [] for key in ("copy_families", "actors", "claims", "events", "contradictions")}
    for s in sets:
        def own(name: str, folder: str = s.name) -> str:
            return f"{folder}:{name}"

        gold["copy_families"] += s.gold.get("copy_families", [])
        gold["actors"] += [{**a, "key": own(a["key"])} for a in s.gold.get("actors", [])]
        gold["claims"] += [{**c, "id": own(c["id"]), "source": own(c["source"])} for c in s.gold.get("claims", [])]
        gold["events"] += [{**e, "id": own(e["id"])} for e in s.gold.get("events", [])]
        gold["contradictions"] += [
            {**x, "id": own(x["id"]), "sides": [{**side, "claims": [own(c) for c in side["claims"]]} for side in x["sides"]]}
            for x in s.gold.get("contradictions", [])
        ]
    return StorySet("overall", [p for s in sets for p in s.pages], gold)


def report_actors(session, story: StorySet, stored: Stored, details: bool = False) -> dict:
    a = measure_actors(session, story, stored)
    print(f"actors   name forms on the main record: macro {a['macro']:.3f}, micro {a['micro']:.3f} over {a['key_actors']} key actors"
          f"   baseline exact-string macro {a['baseline_macro']:.3f}")
    print("         " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(a["shares"].items())))
    print(f"         exact-surface measure (a mention with the form's very surface): macro {a['exact']['macro']:.3f}")
    cyrillic = [(key, form) for key, forms in a["forms"].items() for form in forms if re.search(r"[\u0400-\u04ff]", form)]
    ex = a["exact"]
    for name, forms, mains in (("", a["forms"], a["mains"]), ("exact-surface ", ex["forms"], ex["mains"])):
        on = sum(mains[key] is not None and mains[key] in forms[key][form] for key, form in cyrillic)
        print(f"         {name}Cyrillic forms on the main record {on}/{len(cyrillic)} = {on / len(cyrillic) if cyrillic else 0.0:.3f}")
    print(f"         wrong merges among key actors {len(a['merges'])}" + (f": {a['merges'][:6]}" if a["merges"] else "")
          + f"   (keys alone as the real actor: {len(a['merges_by_key'])})   baseline exact-string 0")
    share = len(a["junk"]) / a["actors"] if a["actors"] else 0.0
    print(f"         junk actors {len(a['junk'])}/{a['actors']} = {share:.3f}   e.g. {a['junk'][:8]}")
    if details:
        texts = [stored.text[p] for p in story.ids if p in stored.text]
        for key, forms in sorted(a["forms"].items()):
            main = a["mains"][key]
            print(f"  {key}: main {main} {a['record_names'].get(main)!r}")
            for form, records in forms.items():
                where = ", ".join(f"{r} {a['record_names'].get(r)!r} x{n}" for r, n in records.most_common(4))
                mark = "ok" if main in records else ("--" if not records else "XX")
                mark += "~" if mark == "ok" and main not in a["exact"]["forms"][key][form] else ""  # carried, no mention of that surface
                seen = sum(form in t for t in texts)
                print(f"    {mark} {form!r} (in {seen} pages): {where or 'no linked mention'}")
    return a


PARTS = ("claims", "contradictions")  # what `--part` can pick out of a full ingest


def report(session, story: StorySet, stored: Stored, only: str | None = None, parts: Iterable[str] = ()) -> None:
    print(f"\n== {story.name}: {len(story.pages)} pages, {sum(p.get('language') != 'en' for p in story.pages)} not in English")
    if only == "actors":
        report_actors(session, story, stored, details=True)
        return
    if parts:
        report_parts(session, story, stored, set(parts))
        return
    c = measure_copies(story, stored)
    print(f"copies   pairs P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f}  ({c['predicted_pairs']} linked, {c['gold_pairs']} gold)"
          f"   baseline no-copy P {c['baseline'][0]:.3f} R {c['baseline'][1]:.3f} F1 {c['baseline'][2]:.3f}")
    print("         recall by kind: " + ", ".join(f"{k} {hit}/{n}" for k, (hit, n) in c["by_kind"].items()))
    print("         precision by evidence: " + ", ".join(f"{k} {right}/{n}" for k, (right, n) in c["by_evidence"].items()))
    print(f"         originals traced right {c['traced'][0]}/{c['traced'][1]}")
    if only == "copies":
        report_stories(story, stored)
        return
    a = report_actors(session, story, stored)
    cl = measure_claims(session, story, stored, a["mains"])
    print(f"claims   {cl['claims']} claims, {cl['occurrences']} page occurrences: carried by the right actor {cl['carried']:.3f}"
          f" (claims carried at least once {cl['claims_carried']:.3f}), with the right certainty {cl['certain']:.3f}"
          f" (same label word {cl['same_label']:.3f})"
          f"   baseline source named in the sentence {cl['baseline_carried']:.3f}, + always 'asserted' {cl['baseline_certain']:.3f}")
    print_missed(cl)
    print_grouping(cl)
    e = measure_events(session, story, stored)
    n = e["total"] or 1
    print(f"events   {e['total']} event-page pairs: " + ", ".join(f"{k} {e['checks'][k] / n:.3f}" for k in ("any event", "type", "sub-type", "place ≤ 25 km", "date")))
    report_contradictions(session, story, stored)
    report_stories(story, stored)


def print_grouping(cl: dict) -> None:
    """The grouping line; the ceiling is the recall a perfect grouping of the stored statements would reach:
    the share of gold pairs whose two quotes are each carried by a statement."""
    g, bg = cl["grouping"], cl["baseline_grouping"]
    print(f"         grouping across pages P {g[0]:.3f} R {g[1]:.3f} F1 {g[2]:.3f} (ceiling R {cl['ceiling']:.3f}: pairs both carried by a statement)"
          f"   baseline word overlap P {bg[0]:.3f} R {bg[1]:.3f} F1 {bg[2]:.3f}")


def report_stories(story: StorySet, stored: Stored) -> None:
    st = measure_stories(story, stored)
    f, b = st["factfile"], st["baseline"]
    print(f"stories  B-cubed P {f[0]:.3f} R {f[1]:.3f} F1 {f[2]:.3f} ({st['stories']} stories for {st['pages']} pages)"
          f"   baseline one-story P {b[0]:.3f} R {b[1]:.3f} F1 {b[2]:.3f}")
    ne = st["not_english"]
    print(f"         pages not in English ({st['not_english_pages']}): B-cubed P {ne[0]:.3f} R {ne[1]:.3f} F1 {ne[2]:.3f}")


def report_parts(session, story: StorySet, stored: Stored, parts: set[str]) -> None:
    """Only the claims and/or contradictions lines of `report` (the claims need the actors' main records)."""
    if "claims" in parts:
        cl = measure_claims(session, story, stored, measure_actors(session, story, stored)["mains"])
        print(f"claims   {cl['claims']} claims, {cl['occurrences']} page occurrences: carried by the right actor {cl['carried']:.3f}"
              f" (claims carried at least once {cl['claims_carried']:.3f}), with the right certainty {cl['certain']:.3f}"
              f"   baseline source named in the sentence {cl['baseline_carried']:.3f}, + always 'asserted' {cl['baseline_certain']:.3f}")
        print_missed(cl)
        print_grouping(cl)
    if "contradictions" in parts:
        report_contradictions(session, story, stored)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="story folder to use (repeatable; default: all)")
    parser.add_argument("--keep", type=Path, help="copy the store here when done (with its page map beside it)")
    parser.add_argument("--store", type=Path, help="score a store kept by --keep instead of ingesting the pages")
    parser.add_argument("--part", action="append", choices=PARTS, default=[], help="print only this measure (repeatable)")
    parser.add_argument("--actors", action="store_true", help="ingest and measure only what actor linking needs, with each form's records")
    parser.add_argument("--copies", action="store_true", help="copies, originals and stories only: no extraction, minutes faster")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sets = load_sets(SETS, args.only)
    if not sets:
        raise SystemExit(f"{SETS}: no story folder with pages.jsonl and gold.json")
    with tempfile.TemporaryDirectory() as tmp:
        only = "actors" if args.actors else "copies" if args.copies else None
        if args.store:
            from factfile.store import Store

            map_file = args.store.with_name(args.store.name + ".pages.json")
            try:
                documents = json.loads(map_file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise SystemExit(f"{map_file}: no page map of a store kept by --keep ({error})") from error
            store = Store(str(args.store))
        else:
            store, documents = ingest(sets, Path(tmp), only)
        with store.snapshot() as session:
            stored = read_documents(session, documents)
            for story in sets:
                report(session, story, stored, only, args.part)
            if len(sets) > 1:
                report(session, combined(sets), stored, only, args.part)
        store.close()
        if args.keep and not args.store:
            import shutil

            shutil.copy(Path(tmp) / "store.db", args.keep)
            args.keep.with_name(args.keep.name + ".pages.json").write_text(json.dumps(documents), encoding="utf-8")


if __name__ == "__main__":
    main()
