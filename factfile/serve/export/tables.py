"""Table exports: JSON lines and CSV, one record per row, with evidence sentences and source."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from factfile.read.session import Snapshot
from factfile.read.tables import rows
from factfile.serve.export import exporters


@exporters.register("jsonl")
def export_jsonl(session: Snapshot, out: TextIO, table: str = "documents") -> int:
    count = 0
    for record in rows(session, table):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


@exporters.register("csv")
def export_csv(session: Snapshot, out: TextIO, table: str = "documents") -> int:
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
