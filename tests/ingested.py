"""Pages ingested one by one into a fresh store, read back as each mention's actor: the shape of the tests that
check which name forms end on one record."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from factfile.pipeline import Pipeline
from factfile.store import Store
from factfile.store import schema as s


def ingested_store(folder: Path, pages: dict[str, str]) -> Store:
    """A store holding `pages` (file name -> text), ingested one by one, so that a later page meets the earlier
    ones' stored actors."""
    store = Store(folder / "store.db")
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
        Pipeline(store, workers=1).ingest([str(folder / name)])
    return store


def actor_of_mentions(folder: Path, pages: dict[str, str]) -> dict[str, int]:
    """Mention text -> the actor it ends on (merges followed), after ingesting `pages` (file name -> text) in order."""
    with ingested_store(folder, pages).session() as session:
        merged = dict(session.execute(select(s.Actor.id, s.Actor.merged_into_id)).all())
        rows = session.execute(select(s.Mention.text, s.Mention.actor_id).where(s.Mention.actor_id.isnot(None)))
        return {text: merged.get(actor) or actor for text, actor in rows}
