"""SIGKILL of `factfile ingest --workers 2` takes its worker processes with it.

A killed parent gets no chance to stop its pool; a worker that does not notice waits for work for
ever under PID 1, holding some 650 MB.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crashing import make_corpus

from factfile.pipeline import die_with_parent


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie nobody has reaped yet."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc")


@needs_proc
def test_sigkill_of_the_ingest_parent_ends_its_workers(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 12)
    command = [sys.executable, "-c", "from factfile.cli import app; app()",
               "--db", str(tmp_path / "store.db"), "ingest", "-q", "--workers", "2", str(corpus)]
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    workers: list[int] = []
    try:
        assert _wait_for(lambda: bool(workers.extend(_children(parent.pid)) or workers), 600), "no worker process started"
        parent.kill()
        parent.wait()
        assert _wait_for(lambda: not any(map(_alive, workers)), 60), f"workers {workers} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for worker in filter(_alive, workers):
            os.kill(worker, signal.SIGKILL)


@needs_proc
def test_a_process_that_asked_dies_with_its_parent(tmp_path):
    """The mechanism alone, without a model to load: a grandchild asks, its parent is SIGKILLed."""
    pid_file = tmp_path / "grandchild"
    parent = os.fork()
    if parent == 0:
        me = os.getpid()
        if os.fork() == 0:
            die_with_parent(me)
            pid_file.write_text(str(os.getpid()))
            time.sleep(120)
            os._exit(0)
        time.sleep(120)
        os._exit(0)
    try:
        assert _wait_for(lambda: pid_file.exists() and pid_file.read_text() != "", 30)
        grandchild = int(pid_file.read_text())
        os.kill(parent, signal.SIGKILL)
        os.waitpid(parent, 0)
        assert _wait_for(lambda: not _alive(grandchild), 30)
    finally:
        if pid_file.exists() and pid_file.read_text() and _alive(int(pid_file.read_text())):
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
