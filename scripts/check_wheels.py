"""Whether every locked dependency (constraints.txt) ships for each Python version factfile allows.

For each version, each pinned package is fetched the way pip would install it there without building
anything: `pip download --only-binary=:all: --python-version 3.X --no-deps`. A package with no such
wheel is tried once more as a source distribution (pure-Python ones, like pyspark, install from it on
any version); one with neither fails the check. Prints one line per problem and a summary per version;
exits 1 if any version fails.

    python scripts/check_wheels.py                       # 3.11, 3.12 and 3.13
    python scripts/check_wheels.py --versions 3.13 --jobs 4
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pins(constraints: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in constraints.read_text().splitlines())
    return [line for line in lines if line and "==" in line]


def _download(pin: str, version: str, dest: str, binary: bool) -> tuple[bool, str]:
    formats = ["--only-binary=:all:"] if binary else ["--no-binary=:all:"]
    command = [
        sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
        "--python-version", version, *formats, "--dest", dest, pin,
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    lines = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
    return done.returncode == 0, (lines[0] if lines else done.stderr.strip()[-200:])


def check(pin: str, version: str, dest: str) -> tuple[str, str, str]:
    """(pin, "wheel" | "sdist" | "missing", problem)."""
    ok, problem = _download(pin, version, dest, binary=True)
    if ok:
        return pin, "wheel", ""
    ok, _ = _download(pin, version, dest, binary=False)
    return (pin, "sdist", problem) if ok else (pin, "missing", problem)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--versions", default="3.11,3.12,3.13")
    parser.add_argument("--constraints", type=Path, default=ROOT / "constraints.txt")
    parser.add_argument("--jobs", type=int, default=4, help="downloads at once")
    args = parser.parse_args()
    locked = pins(args.constraints)
    failed = False
    for version in args.versions.split(","):
        with tempfile.TemporaryDirectory(prefix=f"wheels-{version}-") as dest, ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda pin, v=version, d=dest: check(pin, v, d), locked))
        wheels = sum(kind == "wheel" for _, kind, _ in results)
        sdists = [pin for pin, kind, _ in results if kind == "sdist"]
        missing = [(pin, problem) for pin, kind, problem in results if kind == "missing"]
        for pin, problem in missing:
            print(f"{version}: {pin}: no wheel and no source distribution ({problem})")
        verdict = "FAIL" if missing else "PASS"
        failed |= bool(missing)
        print(
            f"Python {version}: {verdict}: {wheels} of {len(locked)} pins as wheels"
            + (f", {len(sdists)} as source only ({', '.join(sdists)})" if sdists else "")
            + (f", {len(missing)} missing" if missing else ""),
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
