"""Types shared by the API's routes and the web pages: the bounds on what a client may send."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Interval

INT64_MAX = 2**63 - 1  # SQLite and PostgreSQL (bigint) hold no larger integer: binding one raises OverflowError
Int64 = Annotated[int, Interval(ge=-INT64_MAX - 1, le=INT64_MAX)]  # every integer a client sends: ids, offsets, counts
