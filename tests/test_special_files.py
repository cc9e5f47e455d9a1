"""Special files and odd folders among the inputs: each gets one line saying why it is not read.

A FIFO would block the run for ever on open; an unreadable folder, a broken or looping symbolic link
must not vanish without a word ("rejected 0").
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from conftest import SEED
from factfile.ingest import read_items
from factfile.ingest.discover import discover
from factfile.ingest.sniff import head
from factfile.records import RawItem, Rejection


def _read(*arguments: Path | str) -> tuple[list[RawItem], dict[str, str]]:
    """read_items in a thread, so that a blocking open fails the test instead of hanging it."""
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(read_items([str(a) for a in arguments])), daemon=True)
    reader.start()
    reader.join(60)
    assert not reader.is_alive(), "reading the inputs blocked"
    items = [f for f in found if isinstance(f, RawItem)]
    return items, {r.origin: r.problem for r in found if isinstance(r, Rejection)}


def test_a_fifo_given_as_input_is_rejected_not_opened(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    items, rejected = _read(fifo, SEED)
    assert rejected == {str(fifo): "a FIFO (named pipe), not a regular file; not read"}
    assert [i.origin for i in items] == [str(SEED)]


def test_sniffing_a_fifo_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.unknown"
    os.mkfifo(fifo)
    assert head(fifo) == b""


def test_special_files_dangling_links_and_loops_inside_a_folder_each_get_a_line(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "pipe")
    (folder / "dangling.html").symlink_to(folder / "gone.html")
    (folder / "self").symlink_to(folder / "self")
    (folder / "sub" / "up").symlink_to(folder)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "sock"))
        items, rejected = _read(folder)
    assert [i.origin for i in items] == [str(folder / "sub" / "good.txt")]
    assert rejected == {
        str(folder / "pipe"): "a FIFO (named pipe), not a regular file; not read",
        str(folder / "sock"): "a socket, not a regular file; not read",
        str(folder / "dangling.html"): f"broken symbolic link: its target {folder / 'gone.html'} does not exist",
        str(folder / "self"): "symbolic link loop: the link leads back to itself",
        str(folder / "sub" / "up"): "symbolic link loop: it points back to a folder that contains it; not followed",
    }


def test_a_linked_folder_that_is_no_loop_is_read(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "real")
    assert list(discover([str(tmp_path / "corpus")])) == [tmp_path / "corpus" / "linked" / "a.txt"]


def _unreadable(monkeypatch, blocked: Path) -> None:
    """Folders this process may not list (tests run as root, which chmod cannot stop)."""
    scandir = os.scandir

    def guarded(path):
        if Path(path) == blocked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


def test_an_unreadable_subfolder_gets_a_line(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    _unreadable(monkeypatch, tmp_path / "locked")
    found = list(discover([str(tmp_path)]))
    assert found == [tmp_path / "b.txt", Rejection(str(tmp_path / "locked"), "cannot read folder: Permission denied")]


def test_an_unreadable_folder_argument_is_not_reported_missing(tmp_path, monkeypatch):
    _unreadable(monkeypatch, tmp_path)
    assert list(discover([str(tmp_path)])) == [Rejection(str(tmp_path), "cannot read folder: Permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_chmod_000_folder_gets_a_line(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert list(discover([str(locked)])) == [Rejection(str(locked), "cannot read folder: Permission denied")]
    finally:
        locked.chmod(0o755)


def test_an_empty_folder_is_not_reported_missing(tmp_path):
    assert list(discover([str(tmp_path)])) == [Rejection(str(tmp_path), "folder holds no input files")]


def test_a_missing_file_is_still_reported_missing(tmp_path):
    assert list(discover([str(tmp_path / "nope.html")])) == [Rejection(str(tmp_path / "nope.html"), "no such file or directory")]
