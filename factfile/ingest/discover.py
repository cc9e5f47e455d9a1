"""Expand what the user typed (files, folders, globs) into the list of input files."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

from factfile.records import Rejection

_GLOB_CHARS = set("*?[")


def discover(arguments: list[str]) -> Iterator[Path | Rejection]:
    """Yield input files in a stable order; a Rejection for arguments that match nothing."""
    seen: set[Path] = set()
    for argument in arguments:
        found = list(_expand(argument))
        if not found:
            yield Rejection(argument, "no such file or directory" if not _GLOB_CHARS & set(argument) else "pattern matches no file")
        for path in found:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _expand(argument: str) -> Iterator[Path]:
    if _GLOB_CHARS & set(argument) and not Path(argument).exists():
        for match in sorted(glob.glob(argument, recursive=True)):
            yield from _expand(match)
        return
    path = Path(argument)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                yield child
    elif path.exists():
        yield path
