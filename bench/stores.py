"""Synthetic stores of 1k, 10k, 100k documents (bench/synth.py's documents, loaded by bench/bulk.py), cached.

Stores are cached as `synth-<size>-<key>.db` under `$FACTFILE_CACHE/synth` (else `/tmp/factfile-synth`),
`<key>` hashing the synthesis parameters and the source analyses; smaller sizes are snapshots taken
while growing the largest one (document numbers are deterministic, so the 1k store is the start of
the 100k one). The store being grown (`growing-<key>.db`) is committed every few hundred documents, so
a build that is stopped resumes where it stopped.

    python bench/stores.py --sizes 1000,10000,100000   # builds (or finds) the stores, prints their paths
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import synth
from bulk import BulkLoader


def grow(store, start: int, count: int) -> None:
    """Add synthetic documents start .. start+count-1 (bench/bulk.py)."""
    BulkLoader(store).load(start, count)


def store_path(size: int, seed: int = 8) -> Path:
    return synth.cache_dir() / f"synth-{size}-{synth.cache_key(seed)}.db"


def count_documents(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]


def snapshot(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store (checkpointed, then copied beside and renamed)."""
    with sqlite3.connect(source) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial = target.with_suffix(".partial")
    shutil.copyfile(source, partial)
    partial.replace(target)


def build_stores(sizes: list[int], seed: int = 8) -> dict[int, Path]:
    """The stores of `sizes` documents, from the cache or built by growing the largest one."""
    from factfile.store import Store

    synth.real_analyses()  # analyse once, before the workers need it
    paths = {size: store_path(size, seed) for size in sizes}
    missing = [size for size in sorted(sizes) if not paths[size].exists()]
    if not missing:
        return paths
    work = synth.cache_dir() / f"growing-{synth.cache_key(seed)}.db"
    store = Store(work)
    have = count_documents(work)
    for size in missing:
        if have > size:
            raise SystemExit(f"{work} holds {have} documents, more than {size}: delete it to rebuild")
        began = time.perf_counter()
        if size > have:
            grow(store, have, size - have)
        print(f"  grew the store to {size} documents in {time.perf_counter() - began:.0f} s (load {synth.load_average()})", file=sys.stderr, flush=True)
        have = size
        store.close()
        snapshot(work, paths[size])
    store.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    for size, path in sorted(build_stores([int(s) for s in args.sizes.split(",")], args.seed).items()):
        print(f"{size:>7} documents: {path}")


if __name__ == "__main__":
    main()
