"""Exports, registered by format name: `factfile export --format NAME`.

An exporter writes what the store holds to a text stream and returns the number of records written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

import catalogue
from sqlalchemy.orm import Session

Exporter = Callable[[Session, TextIO, str], int]

exporters = catalogue.create("factfile", "exporters", entry_points=True)


def get(name: str) -> Exporter:
    from factfile.serve.export import acled, geojson, tables  # noqa: F401  (register their formats)

    return exporters.get(name)


def names() -> list[str]:
    from factfile.serve.export import acled, geojson, tables  # noqa: F401

    return sorted(exporters.get_all())
