"""A store for the serving tests: the seed article and the test pages ingested through the real pipeline,
then statements, events, places and facts added by hand at the seed article's real offsets.

The hand-made rows let the API and web UI be tested whatever the extractors currently find; every row
points at the exact text it claims (offsets found with `str.find`), like extracted rows do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from conftest import PAGES, SEED
from factfile.cli import app
from factfile.read.actors import find_actors
from factfile.relate import claims
from factfile.store import Store
from factfile.store import schema as s

HOSTILE = """<script>window.__pwned = 1</script> Ministry says <img src=x onerror="window.__pwned = 2"> nothing happened

<script>window.__pwned = 3</script>
Officials in Kyiv said on Monday that <img src=x onerror="window.__pwned = 4"> the convoy had been stopped near the border.
A spokesman for the ministry told reporters "<a href="javascript:window.__pwned=5">click</a>" and <svg onload="window.__pwned=6"></svg>.
The statement was repeated by several regional outlets without further detail about the convoy or its cargo.
"""


@dataclass(slots=True)
class Ids:
    seed: int
    page: int
    hostile: int
    legion: int
    caesar: int
    unian: int
    rvc: int
    caesar_quote: int  # statement by Caesar
    unian_claim: int  # statement by UNIAN about the Legion, also carried by another outlet
    copy_claim: int
    kozinka_event: int
    press_event: int


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    hi = min(i for i in (text.find(". ", end) + 1, text.find("\n", end), len(text)) if i > 0)
    return lo, hi


def build(folder: Path, db: str | None = None) -> tuple[str, Ids]:
    """A store at `db` (default: a SQLite file in `folder`); returns its location and the hand-made rows' ids."""
    db = db or str(folder / "store.db")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", db, "ingest", *map(str, [SEED, *(p["path"] for p in PAGES.values()), hostile])])
    assert result.exit_code == 0, result.stderr
    store = Store(db)
    try:
        with store.transaction() as session:
            ids = _annotate(session)
        return db, ids
    finally:
        store.close()


def _actor(session, name: str) -> int:
    return find_actors(session, name, limit=1)[0].actor.id


def _annotate(session) -> Ids:
    seed = session.scalar(select(s.Document).where(s.Document.text.contains("Konzinka")))
    page = session.scalar(select(s.Document).where(s.Document.outlet_id.is_not(None)).order_by(s.Document.id))
    hostile = session.scalar(select(s.Document).where(s.Document.text.contains("onerror")))
    text = seed.text
    legion, caesar, unian, rvc = (_actor(session, n) for n in ("Legion of Freedom of Russia", "Caesar", "UNIAN", "Russian Volunteer Corps"))

    def statement(document, source: str, cue: str, content: str, certainty: str, source_actor: int | None, direct: bool, after: int = 0):
        body = document.text
        content_span = _span(body, content, after)
        row = s.Statement(
            document_id=document.id, source_text=source, source_type="organisation" if source == "UNIAN" else "person",
            source_actor_id=source_actor, cue_text=cue, content_text=content, content_start=content_span[0],
            content_end=content_span[1], direct=direct, certainty=certainty,
        )
        if source in body:
            row.source_start, row.source_end = _span(body, source, max(0, content_span[0] - 200))
        if cue in body:
            row.cue_start, row.cue_end = _span(body, cue, max(0, content_span[0] - 200))
        session.add(row)
        session.flush()
        claims.index(session, [(row.id, content)])
        return row

    quote = statement(seed, "Caesar", "told", "I couldn’t just watch", "asserted", caesar, True)
    claim_text = "the “Legion of Freedom of Russia” was formed in February 2022 from over 100 Russian soldiers"
    claim = statement(seed, "UNIAN", "According to", claim_text, "reported", unian, False)
    page.text = page.text + "\n\nMeanwhile, according to UNIAN, " + claim_text + "."
    copy = statement(page, "UNIAN", "according to", claim_text, "reported", unian, False)

    kozinka = s.Place(geonames_id=9_999_001, name="Kozinka", latitude=50.5069, longitude=35.9536, country_code="RU", admin1="Belgorod Oblast")
    kyiv = s.Place(geonames_id=9_999_002, name="Kyiv", latitude=50.4501, longitude=30.5234, country_code="UA", admin1="Kyiv City")
    session.add_all([kozinka, kyiv])
    session.flush()

    def event(trigger: str, kind: str, sub: str, place: s.Place, when: date, actor2: int | None, after: int = 0) -> s.Event:
        start, end = _span(text, trigger, after)
        sent = _sentence(text, start, end)
        row = s.Event(
            document_id=seed.id, event_type=kind, sub_type=sub, trigger_text=trigger, start=start, end=end,
            sent_start=sent[0], sent_end=sent[1], actor1_id=legion, actor2_id=actor2, place_id=place.id,
            date_start=when, date_end=when, date_precision="day", certainty="reported",
        )
        session.add(row)
        session.flush()
        return row

    capture = event("had taken", "Strategic developments", "Non-violent transfer of territory", kozinka, date(2023, 5, 19), rvc)
    press = event("press conference", "Strategic developments", "Headquarters or base established", kyiv, date(2022, 4, 5), None)

    for value in ("4,000", "several hundred soldiers"):
        start, end = _span(text, value)
        sent = _sentence(text, start, end)
        session.add(s.Fact(document_id=seed.id, actor_id=legion, predicate="size", value=value, start=start, end=end, sent_start=sent[0], sent_end=sent[1]))
    start, end = _span(text, "Russian Volunteer Corps")
    sent = _sentence(text, start, end)
    session.add(s.Fact(document_id=seed.id, actor_id=legion, predicate="ally", value="Russian Volunteer Corps", value_actor_id=rvc, start=start, end=end, sent_start=sent[0], sent_end=sent[1]))
    return Ids(
        seed=seed.id, page=page.id, hostile=hostile.id, legion=legion, caesar=caesar, unian=unian, rvc=rvc,
        caesar_quote=quote.id, unian_claim=claim.id, copy_claim=copy.id, kozinka_event=capture.id, press_event=press.id,
    )
