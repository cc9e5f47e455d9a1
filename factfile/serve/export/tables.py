"""Table exports: JSON lines and CSV, one record per row, with evidence sentences and source."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import TextIO

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from factfile.serve.export import exporters
from factfile.store import schema as s
from factfile.store.queries import sentence_of

TABLES = {
    "documents": s.Document,
    "outlets": s.Outlet,
    "actors": s.Actor,
    "aliases": s.Alias,
    "mentions": s.Mention,
    "facts": s.Fact,
    "statements": s.Statement,
    "events": s.Event,
    "places": s.Place,
    "quantities": s.Quantity,
}
_WITH_SENTENCE = {s.Mention, s.Fact, s.Event, s.Quantity}


def rows(session: Session, table: str) -> Iterator[dict]:
    """Each row of `table` as a dict; rows with sentence offsets also carry the sentence text."""
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    model = TABLES[table]
    columns = [c.key for c in inspect(model).columns]
    query = select(model)
    if model in _WITH_SENTENCE:
        query = select(model, sentence_of(model)).join(s.Document, s.Document.id == model.document_id)
    elif model is s.Actor:
        aliases = (
            select(func.count()).where(s.Alias.actor_id == s.Actor.id).correlate(s.Actor).scalar_subquery()
        )
        query = select(model, aliases)
    for result in session.execute(query.order_by(model.id)).yield_per(1000):
        record = {c: _plain(getattr(result[0], c)) for c in columns}
        if model in _WITH_SENTENCE:
            record["sentence"] = result[1]
        if model is s.Actor:
            record["aliases"] = [
                a for (a,) in session.execute(
                    select(s.Alias.name).where(s.Alias.actor_id == result[0].id).order_by(s.Alias.mentions.desc())
                )
            ]
        yield record


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


@exporters.register("jsonl")
def export_jsonl(session: Session, out: TextIO, table: str = "documents") -> int:
    count = 0
    for record in rows(session, table):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


@exporters.register("csv")
def export_csv(session: Session, out: TextIO, table: str = "documents") -> int:
    writer = None
    count = 0
    for record in rows(session, table):
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in record.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    return count
