"""Exports, registered by format name: `factfile export --format NAME` and the API's `/api/exports/NAME`.

An exporter writes what the store holds to a text stream and returns the number of records written.
Every module in this package is imported on first use (`factfile.registry.load`), so a new module
with `@exporters.register` is all a new format needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factfile import registry
from factfile.errors import NotFound
from factfile.read.session import Snapshot
from factfile.registry import exporters

Exporter = Callable[[Snapshot, TextIO, str], int]


class UnknownFormat(NotFound):
    exit_code = 2  # on the command line, a usage error


def get(name: str) -> Exporter:
    registry.load("exporter")
    if name not in exporters:
        raise UnknownFormat(f"unknown format {name!r}; choose one of: {', '.join(names())}")
    return exporters.get(name)


def names() -> list[str]:
    registry.load("exporter")
    return sorted(exporters.get_all())
