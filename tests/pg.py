"""A throwaway PostgreSQL server on loopback, for running the store tests against a real server.

Used by the pytest fixtures (`postgres_server` in conftest) and by `.ci/run`:

    python3 tests/pg.py start       # initdb + pg_ctl start in a new temp folder; prints "FOLDER DSN"
    python3 tests/pg.py stop FOLDER  # stops the server and deletes the folder

Only the standard library is used so `.ci/run` can call it before the virtualenv exists. The cluster
trusts local connections and skips fsync: it holds test data only and is deleted afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ENV_DSN = "FACTFILE_TEST_PG"  # DSN of a server to use instead of starting one


def binaries() -> Path | None:
    """Folder holding `initdb` and `pg_ctl` (Debian keeps them out of PATH), or None if not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; run it as the `postgres` user that Debian's package creates."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def start(port: int | None = None) -> tuple[Path, str]:
    """Create a cluster in a new temp folder and start it on 127.0.0.1: (folder, DSN of its `postgres` database).

    The folder sits directly in the temp dir, so the `postgres` user can reach it when we run as root.
    """
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    directory = Path(tempfile.mkdtemp(prefix="factfile-pg-"))
    data = directory / "data"
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    port = port or free_port()
    subprocess.run(
        _as_owner([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(directory / "server.log"), "-w", "start"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return directory, f"postgresql://postgres@127.0.0.1:{port}/postgres"


def stop(directory: str | Path) -> None:
    """Stop the server started in `directory` and delete the folder."""
    bin_dir = binaries()
    data = Path(directory).resolve() / "data"
    if bin_dir is not None and (data / "postmaster.pid").exists():
        subprocess.run(
            _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )
    shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["start"]:
        print(*start())
    elif sys.argv[1:2] == ["stop"] and len(sys.argv) == 3:
        stop(sys.argv[2])
    else:
        sys.exit(f"usage: {sys.argv[0]} start | stop FOLDER")
