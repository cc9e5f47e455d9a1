"""The ACLED sample split once, the same way for training and evaluation.

A record goes to the held-out `eval` split when the SHA-1 of its `event_id_cnty` is 0 modulo 5
(about a fifth of the records), to the `dev` split when it is 1 modulo 10 (a tenth: what rules and
settings are tuned on, never trained on), else to `train`. Training reads only `train`; nothing is
tuned on `eval`. The split depends on the id alone, so it is stable across runs, machines and
re-orderings of the file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RECORDS = ROOT.parent / "shared" / "data" / "acled-2022h1" / "records.jsonl"
EVAL_SHARE = 5  # one record in five is held out
DEV_SHARE = 10  # one in ten is kept for tuning

Split = Literal["train", "dev", "eval"]
UKRAINE_RUSSIA = frozenset({"Ukraine", "Russia", "Belarus"})


def split_of(event_id: str) -> Split:
    digest = int(hashlib.sha1(event_id.encode("utf-8")).hexdigest(), 16)
    if digest % EVAL_SHARE == 0:
        return "eval"
    return "dev" if digest % DEV_SHARE == 1 else "train"


def records(split: Split, path: Path = DEFAULT_RECORDS) -> Iterator[dict]:
    """The records of one split, in file order; a line that is not a JSON object stops with its line number."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not JSON ({error})") from None
            if split_of(record["event_id_cnty"]) == split:
                yield record
