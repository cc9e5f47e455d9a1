"""Expand what the user typed (files, folders, globs) into the list of input files.

Everything found is either an input file or a rejection that says why it is not read: an unreadable
folder, a broken or looping symbolic link, a FIFO, socket or device (opening a FIFO would block for
ever). Nothing is skipped silently except hidden names (".git", ".DS_Store").
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from factfile.records import Rejection

_GLOB_CHARS = set("*?[")

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def discover(arguments: list[str]) -> Iterator[Path | Rejection]:
    """Yield input files in a stable order, and a Rejection for everything given or found that is not one."""
    seen: set[Path] = set()
    for argument in arguments:
        found = list(_expand(argument))
        if not found:
            yield Rejection(argument, _nothing_found(argument))
        for path in found:
            if isinstance(path, Rejection):
                yield path
                continue
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _nothing_found(argument: str) -> str:
    if _GLOB_CHARS & set(argument) and not os.path.lexists(argument):
        return "pattern matches no file"
    if os.path.isdir(argument):
        return "folder holds no input files"
    return "no such file or directory"


def _expand(argument: str) -> Iterator[Path | Rejection]:
    if _GLOB_CHARS & set(argument) and not os.path.lexists(argument):
        for match in sorted(glob.glob(argument, recursive=True)):
            yield from _expand(match)
        return
    path = Path(argument)
    if not os.path.lexists(path):
        return  # reported by the caller as "no such file or directory"
    yield from _entry(path, ancestors=())


def _entry(path: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | Rejection]:
    """`path` itself when it is a regular file, the files under it when it is a folder, else why not."""
    try:
        info = path.stat()  # follows symbolic links, so a link is judged by what it points to
    except OSError as exc:
        yield Rejection(str(path), _stat_problem(path, exc))
        return
    if stat.S_ISREG(info.st_mode):
        yield path
    elif stat.S_ISDIR(info.st_mode):
        yield from _folder(path, (*ancestors, (info.st_dev, info.st_ino)))
    else:
        kind = next((name for test, name in _SPECIAL if test(info.st_mode)), "not a regular file")
        yield Rejection(str(path), f"{kind}, not a regular file; not read")


def _folder(folder: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | Rejection]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield Rejection(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for name in names:
        if name.startswith("."):
            continue
        child = folder / name
        if child.is_symlink():
            try:
                target = child.stat()
            except OSError:
                target = None
            if target is not None and stat.S_ISDIR(target.st_mode) and (target.st_dev, target.st_ino) in ancestors:
                yield Rejection(str(child), "symbolic link loop: it points back to a folder that contains it; not followed")
                continue
        yield from _entry(child, ancestors)


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: the link leads back to itself"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link: its target {os.readlink(path)} does not exist"
    if exc.errno == errno.EACCES:
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"
