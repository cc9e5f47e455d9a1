"""Structural check of a labelled real-story set (eval/realstory/<story>/pages.jsonl + gold.json).

The scores of eval/realstory.py are only as good as the gold they read: a quote that is not an exact
substring of its page, a family member or event page that is not in the set, a claim whose source is no
key actor, or a contradiction side naming a claim that does not exist silently lowers a figure instead of
failing. This lists every such problem (one line each) and exits 1 if there is any.

    python eval/realstory_check.py eval/realstory/olenivka [more folders]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realstory import load_set  # noqa: E402  (the scorer's own reading of a set)

KINDS = {"verbatim", "wire", "excerpt", "spun", "machine-translated", "translation", "back-translated"}
ACTOR_KINDS = {"person", "organisation", "armed-group", "government-body", "outlet"}
CERTAINTIES = {"asserted", "reported", "hedged", "denied"}
DAY = re.compile(r"\d{4}-\d\d-\d\d")


def occurs(form: str, texts: list[str]) -> bool:
    """A name form is seen if it stands as a whole span (not inside a longer word) in some page."""
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    return any(pattern.search(text) for text in texts)


def date_ok(value) -> bool:
    if isinstance(value, list):
        return len(value) == 2 and all(isinstance(v, str) and DAY.fullmatch(v) for v in value) and value[0] <= value[1]
    return isinstance(value, str) and bool(DAY.fullmatch(value))


def problems(pages: list[dict], gold: dict) -> list[str]:
    """Every structural problem of one set, as readable lines."""
    out: list[str] = []
    text = {}
    for page in pages:
        if page["id"] in text:
            out.append(f"page {page['id']}: id used twice")
        text[page["id"]] = page["text"]
        if page["story"] not in gold.get("stories", {}):
            out.append(f"page {page['id']}: story {page['story']!r} not in stories")
        if page.get("date", "unknown") != "unknown" and not DAY.fullmatch(page["date"]):
            out.append(f"page {page['id']}: date {page['date']!r} is neither a day nor 'unknown'")
    in_family: dict[str, int] = {}
    for n, family in enumerate(gold.get("copy_families", [])):
        root, members = family["root"], [m["id"] for m in family["members"]]
        wire = root.startswith("wire:")
        if not wire and root not in text:
            out.append(f"family {n}: root {root} is no page")
        if root in members:
            out.append(f"family {n}: root {root} listed as a member")
        if len(members) + (0 if wire else 1) < 2:
            out.append(f"family {n}: fewer than two pages")
        for member in family["members"]:
            if member["id"] not in text:
                out.append(f"family {n}: member {member['id']} is no page")
            if member["kind"] not in KINDS:
                out.append(f"family {n}: member {member['id']} has kind {member['kind']!r}")
        for page in members + ([] if wire else [root]):
            if page in in_family:
                out.append(f"page {page}: in families {in_family[page]} and {n}")
            in_family[page] = n
    texts = list(text.values())
    keys = set()
    for actor in gold.get("actors", []):
        if actor["key"] in keys:
            out.append(f"actor {actor['key']}: key used twice")
        keys.add(actor["key"])
        if actor["kind"] not in ACTOR_KINDS:
            out.append(f"actor {actor['key']}: kind {actor['kind']!r}")
        for form in actor["names"]:
            if not occurs(form, texts):
                out.append(f"actor {actor['key']}: name form {form!r} is in no page")
    claim_source = {}
    for claim in gold.get("claims", []):
        if claim["id"] in claim_source:
            out.append(f"claim {claim['id']}: id used twice")
        claim_source[claim["id"]] = claim["source"]
        if claim["source"] not in keys:
            out.append(f"claim {claim['id']}: source {claim['source']!r} is no key actor")
        if claim["certainty"] not in CERTAINTIES:
            out.append(f"claim {claim['id']}: certainty {claim['certainty']!r}")
        if not claim["evidence"]:
            out.append(f"claim {claim['id']}: no evidence")
        for evidence in claim["evidence"]:
            if evidence["page"] not in text:
                out.append(f"claim {claim['id']}: evidence page {evidence['page']} is no page")
            elif evidence["quote"] not in text[evidence["page"]]:
                out.append(f"claim {claim['id']}: quote not in {evidence['page']}: {evidence['quote'][:60]!r}")
    events = set()
    for event in gold.get("events", []):
        events.add(event["id"])
        if not date_ok(event.get("date")):
            out.append(f"event {event['id']}: date {event.get('date')!r}")
        if not (isinstance(event.get("lat"), (int, float)) and isinstance(event.get("lon"), (int, float))):
            out.append(f"event {event['id']}: no coordinates")
        out += [f"event {event['id']}: page {p} is no page" for p in event.get("pages", []) if p not in text]
    for x in gold.get("contradictions", []):
        if len(x["sides"]) < 2:
            out.append(f"contradiction {x['id']}: fewer than two sides")
        if x.get("subject") not in events:
            out.append(f"contradiction {x['id']}: subject {x.get('subject')!r} is no event")
        for side in x["sides"]:
            for c in side["claims"]:
                if c not in claim_source:
                    out.append(f"contradiction {x['id']}: claim {c} does not exist")
            wanted = {claim_source[c] for c in side["claims"] if c in claim_source}
            if set(side["sources"]) != wanted:
                out.append(f"contradiction {x['id']}: sources {side['sources']} are not those of its claims {sorted(wanted)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    bad = 0
    for folder in parser.parse_args().folders:
        story, found = load_set(folder)
        if story is not None:
            found += problems(story.pages, story.gold)
        bad += len(found)
        print(f"{folder.name}: {len(story.pages) if story else 0} pages, {len(found)} problems")
        for line in found:
            print("  " + line)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
