"""Record-count bombs: a container of blank or tiny records costs bounded work, and the inputs after it are read.

Blank lines count toward the limits (lines read, lines in a row without an article): otherwise a 4.6 MB
.jsonl.gz of 1 GB of newlines keeps a run busy for minutes before the good document after it is stored.
"""

from __future__ import annotations

import gzip
import json

from conftest import SEED
from factfile.config import DEFAULT_LIMITS, Limits
from factfile.ingest import read_items
from factfile.ingest.jsonl import read_jsonl
from factfile.records import RawItem, Rejection

ARTICLE = json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n"


class CountingReads:
    """Counts the lines a reader pulls from a file, by wrapping gzip.GzipFile.readline."""

    def __init__(self, monkeypatch):
        self.lines = 0
        readline = gzip.GzipFile.readline

        def counted(handle, *args):
            self.lines += 1
            return readline(handle, *args)

        monkeypatch.setattr(gzip.GzipFile, "readline", counted)


def test_a_gzipped_blank_line_bomb_stops_early_and_the_next_input_is_read(tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\n" * 20_000_000 + ARTICLE.encode(), 9))
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    reads = CountingReads(monkeypatch)
    found = list(read_items([str(bomb), str(good)]))
    assert found[0] == Rejection(str(bomb), f"{DEFAULT_LIMITS.max_bad_run} lines in a row hold no article (blank or invalid); the rest is not read")
    assert [f.origin for f in found[1:]] == [str(good)] and isinstance(found[1], RawItem)
    assert reads.lines <= DEFAULT_LIMITS.max_bad_run + 1


def test_tiny_invalid_lines_stop_after_a_run_of_them(tmp_path):
    bomb = tmp_path / "tiny.jsonl"
    bomb.write_bytes(b"x\n{}\n" * 500_000 + ARTICLE.encode())
    found = list(read_jsonl(bomb, DEFAULT_LIMITS))
    assert len(found) == DEFAULT_LIMITS.max_bad_run + 1
    assert found[-1].problem.startswith(f"{DEFAULT_LIMITS.max_bad_run} lines in a row hold no article")


def test_blank_lines_count_toward_the_record_limit(tmp_path):
    path = tmp_path / "spaced.jsonl"
    path.write_text(("\n" * 3 + ARTICLE) * 3)
    found = list(read_jsonl(path, Limits(max_records=6)))
    assert [type(f) for f in found] == [RawItem, Rejection]
    assert found[-1].problem == "more than 6 lines; the rest is not read"


def test_articles_between_blank_lines_are_all_read(tmp_path):
    path = tmp_path / "spaced.jsonl"
    path.write_text(("\n" * 50 + ARTICLE) * 30)
    found = list(read_jsonl(path, Limits(max_bad_run=100)))
    assert len(found) == 30 and all(isinstance(f, RawItem) for f in found)


def test_the_good_document_after_a_bomb_is_stored(tmp_path, cli):
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\n" * 5_000_000, 9))
    result = cli("ingest", bomb, SEED)
    assert result.exit_code == 0
    assert "stored 1" in result.stderr and "rejected 1" in result.stderr
    assert "lines in a row hold no article" in result.stderr
