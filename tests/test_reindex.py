"""`factfile reindex`: a store written by older code finds copies as today's code reads texts once reindexed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, func, select
from test_copy_kinds import RUSSIAN, WIRE

from factfile.ingest.article import content_hash
from factfile.records import Analysis, Article
from factfile.relate import build, fingerprints
from factfile.relate.copies import find_copies
from factfile.relate.crosslingual import sentence_vectors, signature
from factfile.relate.stories import profile
from factfile.relate.write import save
from factfile.store import Store
from factfile.store.schema import CopyBand, Document, StoryTerm, TranslationSignature


@pytest.fixture
def store(db):
    store = Store(db)
    yield store
    store.close()


def add(store: Store, text: str, domain: str, language: str = "en") -> int:
    article = Article(
        origin=f"{domain}/{content_hash(text)[:8]}", text=text, content_hash=content_hash(text), url=f"https://{domain}/a",
        published=date(2023, 6, 6), domain=domain, site=domain.split(".")[0], language=language, title="Dam",
    )
    with store.transaction() as session:
        return save(session, Analysis(article=article), build(("copies", "stories"))).id


def test_reindex_rebuilds_the_copy_index_and_story_terms_of_an_old_store(store, cli, monkeypatch):
    with monkeypatch.context() as old_code:
        old_code.setattr(fingerprints, "name_keys", lambda text, language=None: [])  # a reading of names that found none
        wire = add(store, WIRE, "reuters.com")
    with store.transaction() as session:
        session.execute(delete(StoryTerm).where(StoryTerm.document_id == wire))  # stored before story terms
        bands_before = session.scalar(select(func.count()).select_from(CopyBand).where(CopyBand.document_id == wire))
    with store.session() as session:
        assert find_copies(session, RUSSIAN, "ru") == []  # the translation shares no band key with the old entries

    result = cli("reindex", "--batch", "1")
    assert result.exit_code == 0, result.output
    assert "1 documents reindexed" in result.stdout

    with store.session() as session:
        assert [m.document_id for m in find_copies(session, RUSSIAN, "ru")] == [wire]
        assert session.scalar(select(func.count()).select_from(CopyBand).where(CopyBand.document_id == wire)) > bands_before
        terms = dict(session.execute(select(StoryTerm.term, StoryTerm.weight).where(StoryTerm.document_id == wire)).all())
        assert terms == {t[:100]: w for t, w in profile(WIRE, "en", "Dam").items()}
    translated = add(store, RUSSIAN, "inosmi.ru", language="ru")
    with store.session() as session:
        assert session.get(Document, translated).copy_of_id == wire


def test_reindex_keeps_links_skips_stand_ins_and_is_idempotent(store, cli):
    first = add(store, WIRE.rsplit("\n", 2)[0] + "\nLocal officials in Odesa said they were ready to help.", "paper-a.example")
    second = add(store, WIRE, "paper-b.example")
    translated = add(store, RUSSIAN, "inosmi.ru", language="ru")
    with store.session() as session:
        links = {i: session.get(Document, i).copy_of_id for i in (first, second, translated)}
        stand_in = links[first]
        assert session.get(Document, stand_in).text == ""  # the wire story's stand-in: no text, no index entries
        bands = sorted(session.scalars(select(CopyBand.key).where(CopyBand.document_id == second)))
    for _ in range(2):
        result = cli("reindex", "--batch", "2")
        assert result.exit_code == 0 and "3 documents reindexed" in result.stdout
    with store.session() as session:
        assert {i: session.get(Document, i).copy_of_id for i in links} == links
        reindexed = sorted(session.scalars(select(CopyBand.key).where(CopyBand.document_id == second)))
        # stored before the store held another language, it gets its lead signature now; its copy keys stay
        assert reindexed == bands
        assert session.get(TranslationSignature, second).signature == signature(sentence_vectors(WIRE))
        assert not session.scalar(select(func.count()).select_from(CopyBand).where(CopyBand.document_id == stand_in))
