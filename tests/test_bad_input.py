"""Bad input: one clear line naming the file and the problem, the run goes on, the store is unchanged."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from conftest import PAGES, SEED, make_warc, table_snapshot

PAGE = next(iter(PAGES.values()))


@pytest.fixture
def stored(cli, db):
    """A store that already holds the seed article, and its full contents."""
    assert cli("ingest", SEED).exit_code == 0
    return table_snapshot(db)


def bad_files(tmp_path) -> dict[str, tuple[object, str]]:
    """name -> (path, expected problem text)."""
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 64)
    truncated_gz = tmp_path / "truncated.html.gz"
    truncated_gz.write_bytes(gzip.compress(PAGE["html"])[:-400])
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # 200 MB, sparse: costs no disk
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<html><body>" + b"a" * (25 * 1024 * 1024) + b"</body></html>"))
    invalid = tmp_path / "invalid.txt"
    invalid.write_bytes(b"\xfa\xfb\xc3\x28\xfe\xa0\xa1" * 2000)
    full_warc = make_warc(tmp_path / "full.warc.gz", [(p["url"], p["html"]) for p in PAGES.values()])
    truncated_warc = tmp_path / "truncated.warc.gz"
    truncated_warc.write_bytes(full_warc.read_bytes()[: int(full_warc.stat().st_size * 0.6)])
    full_warc.unlink()
    not_warc = tmp_path / "notreally.warc"
    not_warc.write_bytes(b"this is not a warc file at all\n" * 10)
    return {
        "empty": (empty, "empty file"),
        "junk": (junk, "binary data"),
        "truncated_gz": (truncated_gz, "truncated gzip"),
        "huge": (huge, "over the 20 MB limit"),
        "bomb": (bomb, "over the 20 MB limit"),
        "invalid_utf8": (invalid, "not decodable as text: invalid UTF-8"),
        "truncated_warc": (truncated_warc, "WARC"),
        "not_warc": (not_warc, "not a WARC file"),
    }


@pytest.mark.parametrize(
    "name", ["empty", "junk", "truncated_gz", "huge", "bomb", "invalid_utf8", "truncated_warc", "not_warc"]
)
def test_bad_file_is_rejected_with_a_clear_line_and_store_unchanged(tmp_path, cli, db, stored, name):
    path, problem = bad_files(tmp_path)[name]
    result = cli("ingest", path, "--quiet")
    lines = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert lines, result.stderr
    assert any(str(path) in line and problem in line for line in lines), lines
    after = table_snapshot(db)
    if name == "truncated_warc":  # the intact record before the damage is ingested, nothing else changes
        assert after["documents"][: len(stored["documents"])] == stored["documents"]
        assert len(after["documents"]) == len(stored["documents"]) + 1
    else:
        assert after == stored


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path, cli, db):
    path, _ = bad_files(tmp_path)["truncated_warc"]
    result = cli("ingest", path)
    assert "stored 1" in result.stderr or "stored 2" in result.stderr, result.stderr
    assert result.exit_code == 0


def test_jsonl_bad_lines_are_named_by_line_number_and_good_lines_stored(tmp_path, cli, db, stored):
    path = tmp_path / "mixed.jsonl"
    good = {"url": PAGE["url"], "html": PAGE["html"].decode("utf-8")}
    path.write_text(
        "\n".join([
            json.dumps({"url": "https://x.org/1", "title": "no body"}),
            "{not json",
            json.dumps(good),
            json.dumps(["a", "list"]),
            json.dumps({"text": ""}),
        ]) + "\n",
        encoding="utf-8",
    )
    result = cli("ingest", path)
    assert result.exit_code == 0
    assert f"{path}:1: missing field: each line needs 'text' or 'html'" in result.stderr
    assert f"{path}:2: invalid JSON" in result.stderr
    assert f"{path}:4: expected a JSON object" in result.stderr
    assert f"{path}:5: field 'text'/'html' is empty" in result.stderr
    assert "read 5, stored 1, skipped as duplicate 0, rejected 4" in result.stderr
    after = table_snapshot(db)
    assert after["documents"][: len(stored["documents"])] == stored["documents"]
    assert len(after["documents"]) == len(stored["documents"]) + 1


def test_invalid_utf8_inside_good_text_is_repaired_with_a_warning(tmp_path, cli):
    path = tmp_path / "mostly-utf8.txt"
    path.write_bytes(SEED.read_bytes().replace(b"Kharkiv", b"Khark\xffiv", 1))
    result = cli("ingest", path)
    assert result.exit_code == 0 and "stored 1" in result.stderr
    assert f"warning {path}: invalid UTF-8: 1 undecodable byte(s) replaced" in " ".join(result.stderr.split())


def test_run_goes_on_and_exit_code_is_zero_when_something_was_ingested(tmp_path, cli):
    junk = tmp_path / "junk.bin.txt"
    junk.write_bytes(os.urandom(5000))
    result = cli("ingest", junk, SEED, tmp_path / "missing.html")
    assert result.exit_code == 0
    assert f"rejected {tmp_path / 'missing.html'}: no such file or directory" in result.stderr
    assert "stored 1" in result.stderr and "rejected 2" in result.stderr


def test_exit_code_is_non_zero_when_nothing_could_be_ingested(tmp_path, cli):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli("ingest", empty)
    assert result.exit_code == 1
    assert "nothing could be ingested" in result.stderr


def test_strict_makes_any_rejection_fatal(tmp_path, cli, db):
    empty = tmp_path / "a-empty.txt"
    empty.write_text("")
    result = cli("ingest", "--strict", empty, SEED)
    assert result.exit_code == 1
    assert "--strict" in result.stderr


def test_existing_store_that_is_not_a_database_is_refused(tmp_path):
    from typer.testing import CliRunner

    from factfile.cli import app

    fake = tmp_path / "not-a-db.db"
    fake.write_text("hello, I am a text file" * 100)
    result = CliRunner().invoke(app, ["--db", str(fake), "stats"])
    assert result.exit_code == 2
    assert "cannot open as a factfile store" in result.stderr
    assert fake.read_text().startswith("hello")


def test_a_stage_failing_on_one_article_rejects_that_article_and_the_run_goes_on(tmp_path, db):
    from factfile import registry
    from factfile.extract import DEFAULT_STAGES, stages
    from factfile.pipeline import Pipeline
    from factfile.store import Store

    registry.declare("stage", "explodes_on_marker")  # a plugin stage declares what it reads and writes: nothing

    @stages.register("explodes_on_marker")
    def make_exploding_stage():
        def explode(doc, analysis):
            if "EXPLODE" in analysis.article.text:
                raise ValueError("max() arg is an empty sequence")

        return explode

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = SEED.read_text(encoding="utf-8")
    (corpus / "bad.txt").write_text(good.replace("Ukraine", "Ukraine EXPLODE", 1), encoding="utf-8")
    (corpus / "good.txt").write_text(good, encoding="utf-8")
    store = Store(db)
    try:
        summary = Pipeline(store, stages=(*DEFAULT_STAGES, "explodes_on_marker")).ingest([str(corpus)])
        assert (summary.stored, summary.rejected) == (1, 1)
        (rejection,) = summary.rejections
        assert rejection.origin.endswith("bad.txt")
        assert "stage 'explodes_on_marker'" in rejection.problem and "ValueError" in rejection.problem
    finally:
        store.close()
