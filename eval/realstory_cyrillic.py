"""Cyrillic name forms of a real story's key actors on each actor's main record.

Reads a store kept by `python eval/realstory.py --only SET --keep STORE` and the set's gold: for each
key actor the main record is the stored actor holding most of its gold name forms (as in
eval/realstory.py); prints, per actor and overall, how many of its Cyrillic forms are on that record,
over all Cyrillic forms and over those found as linked mentions at all. Beside it the baseline of
exact strings: a Cyrillic form is on the main record only if it is the main record's own name.

    python eval/realstory_cyrillic.py STORE [--set eval/realstory/wagner]
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--set", type=Path, default=ROOT / "eval" / "realstory" / "wagner")
    args = parser.parse_args()
    try:
        gold = json.loads((args.set / "gold.json").read_text(encoding="utf-8"))
        con = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
        merged = dict(con.execute("SELECT id, merged_into_id FROM actors"))
        names = dict(con.execute("SELECT id, name FROM actors"))
        rows = list(con.execute("SELECT text, actor_id FROM mentions WHERE actor_id IS NOT NULL"))
    except (OSError, ValueError, sqlite3.Error) as error:
        raise SystemExit(f"{args.store}: cannot read the store or gold ({error})") from None

    def live(actor: int) -> int:
        while merged.get(actor):
            actor = merged[actor]
        return actor

    forms: dict[str, Counter] = defaultdict(Counter)
    for text, actor in rows:
        forms[text.strip()][live(actor)] += 1
    total = seen_total = on_total = baseline = 0
    for actor in gold["actors"]:
        holders: Counter = Counter()
        mentions: Counter = Counter()
        for form in actor["names"]:
            for record, n in forms.get(form, {}).items():
                holders[record] += 1
                mentions[record] += n
        main_record = max(holders, key=lambda r: (holders[r], mentions[r], str(r))) if holders else None
        cyrillic = [f for f in actor["names"] if CYRILLIC.search(f)]
        seen = [f for f in cyrillic if forms.get(f)]
        on = [f for f in cyrillic if main_record in forms.get(f, {})]
        total, seen_total, on_total = total + len(cyrillic), seen_total + len(seen), on_total + len(on)
        baseline += sum(f == names.get(main_record) for f in cyrillic)
        if cyrillic:
            print(f"{actor['key']:<20} {len(on):>3}/{len(cyrillic):<3} on the main record ({len(seen)} found as linked mentions)")
    print(f"Cyrillic forms on the main record: {on_total}/{total} = {on_total / max(total, 1):.3f}; "
          f"of those found as linked mentions {on_total}/{seen_total} = {on_total / max(seen_total, 1):.3f}"
          f"   baseline exact string {baseline}/{total} = {baseline / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
