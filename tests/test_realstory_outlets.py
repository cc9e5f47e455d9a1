"""On the stored real coverage (eval/realstory): no wire agency, and no outlet that publishes its own
reporting, is labelled a republisher, while its pages go through the real ingest and relaters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from factfile.errors import IngestError
from factfile.ingest import to_article
from factfile.records import Analysis, Hints, RawItem
from factfile.relate import build
from factfile.relate.outlets import is_republisher
from factfile.relate.write import save
from factfile.store import Store
from factfile.store.schema import Outlet

SETS = Path(__file__).resolve().parents[1] / "eval" / "realstory"
OWN_REPORTING = {"wire", "national", "regional", "broadcaster", "government"}


def pages() -> list[dict]:
    found = [json.loads(line) for path in sorted(SETS.glob("*/pages.jsonl")) for line in path.open(encoding="utf-8") if line.strip()]
    return sorted(found, key=lambda p: (p.get("date", "unknown") == "unknown", p.get("date", ""), p["id"]))


@pytest.mark.skipif(not list(SETS.glob("*/pages.jsonl")), reason="eval/realstory has no pages")
def test_no_agency_or_reporting_outlet_is_a_republisher(db):
    store = Store(db)
    relaters = build(("copies", "stories", "outlets"))
    kind_of: dict[str, set[str]] = {}
    for page in pages():
        date = page["date"] if page.get("date") not in (None, "unknown") else None
        hints = Hints(url=page.get("url"), title=page.get("title") or None, published=date, source=page.get("outlet"))
        try:
            article = to_article(RawItem(page["id"], "text", page["text"], hints))
        except IngestError:
            continue
        kind_of.setdefault(article.domain, set()).add(page["outlet_kind"])
        with store.transaction() as session:
            save(session, Analysis(article=article), relaters)
    with store.session() as session:
        outlets = session.scalars(select(Outlet)).all()
        copied = sum(o.copies or 0 for o in outlets)
        wrong = [o.key for o in outlets if is_republisher(o) and kind_of.get(o.domain, set()) & OWN_REPORTING]
    store.close()
    assert copied > 0  # copies were found and counted
    assert wrong == []
