"""A pipeline of one process: larger batches for spaCy, and the garbage collector tuned for the run, then restored."""

from __future__ import annotations

import gc

from factfile import pipeline
from factfile.records import Rejection
from factfile.store import Store


class _Recorder:
    """Stands in for `Analyser`: notes each batch's size and the collector's state while analysing."""

    seen: list[tuple[int, tuple[int, int, int], int]] = []

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, items):
        self.seen.append((len(items), gc.get_threshold(), gc.get_freeze_count()))
        return [Rejection(str(item), "not analysed") for item in items]


def test_one_process_analyses_larger_batches_with_the_loaded_objects_frozen(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "Analyser", _Recorder)
    _Recorder.seen = []
    before = gc.get_threshold()
    gc.collect()  # nothing frozen yet
    run = pipeline.Pipeline(Store(str(tmp_path / "one.db")), workers=1)
    done = list(run._analyse(iter(range(20))))
    assert len(done) == 20
    assert [size for size, _, _ in _Recorder.seen] == [
        pipeline._ALONE_BATCH,
        pipeline._ALONE_BATCH,
        20 - 2 * pipeline._ALONE_BATCH,
    ]
    assert all(threshold[0] == pipeline._YOUNG_COLLECTED_AT and frozen > 0 for _, threshold, frozen in _Recorder.seen)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_the_collector_is_restored_when_a_run_stops_early(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "Analyser", _Recorder)
    before = gc.get_threshold()
    run = pipeline.Pipeline(Store(str(tmp_path / "early.db")), workers=1)._analyse(iter(range(20)))
    next(run)
    assert gc.get_threshold()[0] == pipeline._YOUNG_COLLECTED_AT
    run.close()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
