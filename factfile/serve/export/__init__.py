"""Exports, registered by format name: `factfile export --format NAME` and the API's `/api/exports/NAME`.

An exporter writes what the store holds to a text stream and returns the number of records written.
Every module in this package is imported on first use, so a new module with `@exporters.register`
is all a new format needs.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import cache
from typing import TextIO

import catalogue

from factfile.errors import NotFound
from factfile.read.session import Snapshot

Exporter = Callable[[Snapshot, TextIO, str], int]

exporters = catalogue.create("factfile", "exporters", entry_points=True)


@cache
def _load_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


class UnknownFormat(NotFound):
    exit_code = 2  # on the command line, a usage error


def get(name: str) -> Exporter:
    _load_all()
    if name not in exporters:
        raise UnknownFormat(f"unknown format {name!r}; choose one of: {', '.join(names())}")
    return exporters.get(name)


def names() -> list[str]:
    _load_all()
    return sorted(exporters.get_all())
