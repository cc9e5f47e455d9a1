"""Forked workers start with what reading English articles loads on first use, loaded once before the fork."""

from __future__ import annotations

from conftest import SEED
from factfile import pipeline
from factfile.store import Store


def test_preload_loads_first_use_tables():
    from factfile.extract import gender, names
    from factfile.extract.nlp import preload

    gender._first_names.cache_clear()
    names._countries_in_english.cache_clear()
    preload()
    assert gender._first_names.cache_info().currsize == 1
    assert names._countries_in_english.cache_info().currsize == 1


def test_forked_pool_starts_after_preload(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(pipeline, "preload", lambda: calls.append("preload"))
    monkeypatch.setattr(pipeline, "_start_method", lambda: "fork")
    summary = pipeline.Pipeline(Store(str(tmp_path / "w2.db")), workers=2).ingest([str(SEED)])
    assert summary.stored == 1
    assert calls == ["preload"]
