"""The registry refuses a pipeline whose order leaves a stage or relater without what it requires,
before any article is read; the default pipelines satisfy every declaration."""

from __future__ import annotations

import pytest

from factfile import registry
from factfile.extract.registry import DEFAULT_STAGES
from factfile.relate import DEFAULT_RELATERS


def test_default_pipelines_meet_every_declaration():
    assert registry.analyze("stage", DEFAULT_STAGES) == []
    assert registry.analyze("relater", DEFAULT_RELATERS) == []
    registry.check("stage", DEFAULT_STAGES)
    registry.check("relater", DEFAULT_RELATERS)


def test_every_registered_builtin_is_declared():
    for kind in ("stage", "relater"):
        assert set(registry.load(kind).get_all()) <= {name for k, name in registry.contracts if k == kind}


def test_a_stage_before_what_it_requires_is_refused():
    with pytest.raises(registry.PipelineError, match="'statements' requires 'sentences'"):
        registry.check("stage", ("statements", "sentences", "mentions"))


def test_an_unknown_name_is_refused_with_the_known_ones():
    with pytest.raises(registry.PipelineError, match="unknown stage 'sentencs'.*sentences"):
        registry.check("stage", ("sentencs",))


def test_reads_are_reported_not_refused():
    notes = registry.analyze("stage", ("sentences", "mentions", "chains", "events"))
    assert any("'events' reads 'statements'" in note for note in notes)
    registry.check("stage", ("sentences", "mentions", "chains", "events"))


def test_every_kind_loads_from_its_package():
    assert "jsonl" in registry.load("exporter")
    assert "copies" in registry.load("preparer")


def test_preparing_a_document_looks_the_preparers_up_once(monkeypatch):
    """catalogue reads the installed packages' entry points at every lookup; prepare must not pay that per document."""
    from factfile.ingest.article import Article
    from factfile.records import Analysis
    from factfile.registry import preparers
    from factfile.relate import prepare

    article = Article(origin="a", text="Russia said Ukraine blew up the dam on Tuesday.", content_hash="h", language="en")
    prepare(Analysis(article=article))
    lookups = []
    monkeypatch.setattr(type(preparers), "get_entry_point", lambda self, name, default=None: lookups.append(name) or default)
    for _ in range(3):
        assert set(prepare(Analysis(article=article)).prepared) == {"copies", "stories"}
    assert lookups == []
