"""ACLED-style CSV: one row per event, with ACLED's column names where a column means the same.

ACLED's own coding adds fields factfile cannot know (interaction codes, source scale); these are
left out rather than guessed. factfile adds what ACLED leaves implicit: how sure the report is
(`certainty`), who reports it (`reported_by`), the document it comes from, and the factfile actors
behind ACLED's names for the parties (`actor1` "Military Forces of Russia", `factfile_actor1` "Russian troops").
"""

from __future__ import annotations

import csv
from datetime import date
from typing import TextIO

from factfile.read.events import EventRow, find_events
from factfile.read.session import Snapshot
from factfile.serve.export import exporters

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "geonames_id", "source", "notes",
    "fatalities", "certainty", "reported_by", "date_start", "date_end", "document_id", "url", "factfile_actor1", "factfile_actor2",
]


def time_precision(row: EventRow) -> int | None:
    """ACLED: 1 = the day is known, 2 = within a week or so, 3 = only the month (or less) is known."""
    if row.date_start is None:
        return None
    days = ((row.date_end or row.date_start) - row.date_start).days
    return 1 if days == 0 else 2 if days <= 10 else 3


def geo_precision(row: EventRow) -> int | None:
    """ACLED: 1 = the town itself, 2 = a district, 3 = a region or a country (placed at its main town)."""
    if row.latitude is None:
        return None
    return {"PPL": 1, "ADM2": 2}.get(row.feature_code or "", 3)


def event_date(row: EventRow) -> date | None:
    """The day ACLED would code: the event's day; for a period ("last week", or a lead event the report
    does not date: its publication day or the day before), its last day, the report's own date, not the
    period's start."""
    return row.date_start if row.date_precision == "day" or row.date_end is None else row.date_end


def acled_record(row: EventRow) -> dict:
    day = event_date(row)
    return {
        "event_id_cnty": f"{row.country_code or 'XX'}-FF{row.id}",
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": time_precision(row),
        "event_type": row.event_type,
        "sub_event_type": row.sub_type,
        "actor1": row.actor1_acled or row.actor1,
        "actor2": row.actor2_acled or row.actor2,
        "iso": row.country_code,
        "admin1": row.admin1,
        "admin2": row.admin2,
        "location": row.place,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "geo_precision": geo_precision(row),
        "geonames_id": row.geonames_id,
        "source": row.outlet,
        "notes": row.sentence,
        "fatalities": row.fatalities if row.fatalities is not None else 0,
        "certainty": row.certainty,
        "reported_by": row.reported_by,
        "date_start": row.date_start.isoformat() if row.date_start else None,
        "date_end": row.date_end.isoformat() if row.date_end else None,
        "document_id": row.document_id,
        "url": row.url,
        "factfile_actor1": row.actor1,
        "factfile_actor2": row.actor2,
    }


@exporters.register("acled")
def export_acled(session: Snapshot, out: TextIO, table: str = "events") -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for row in find_events(session):
        writer.writerow(acled_record(row))
        count += 1
    return count
