"""User corrections: merging and splitting actors, marking statements wrong; all survive re-ingestion."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from conftest import SEED
from factfile.pipeline import Pipeline
from factfile.read.actors import find_actors
from factfile.relate.corrections import replay
from factfile.relate.decisions import kept_apart, merge_actors, split_actor
from factfile.store import Store
from factfile.store import schema as s

NEWS = (
    "Denis Kapustin spoke to reporters in Kyiv on Monday about the raid. "
    "The commander said his fighters would return to the Belgorod region soon. "
    "Kapustin added that the Russian Volunteer Corps had lost no men in the operation."
)


def _actor(session, name: str) -> s.Actor:
    return find_actors(session, name)[0].actor


def test_split_then_new_documents_follow_the_split(db, tmp_path):
    store = Store(db)
    Pipeline(store).ingest([str(SEED)])
    with store.transaction() as session:
        nikitin, kapustin = _actor(session, "Denis Nikitin"), _actor(session, "Denis Kapustin")
        if kapustin.id != nikitin.id:
            merge_actors(session, nikitin.id, [kapustin.id])
        assert _actor(session, "Denis Kapustin").id == nikitin.id
        decision, new_id = split_actor(session, nikitin.id, ["Denis Kapustin"], "two people in our view")
        assert decision.kind == "split" and decision.note == "two people in our view"
    with store.session() as session:
        assert _actor(session, "Denis Kapustin").id == new_id
        assert _actor(session, "Nikitin").id == nikitin.id
        assert new_id in kept_apart(session)[nikitin.id]
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    Pipeline(store).ingest([str(news)])
    with store.session() as session:
        document = session.scalar(select(s.Document.id).where(s.Document.origin == str(news)))
        actors = set(session.scalars(select(s.Mention.actor_id).where(s.Mention.document_id == document, s.Mention.text.contains("Kapustin"))))
        assert actors == {new_id}


def test_merge_survives_reingestion(db, tmp_path):
    store = Store(db)
    Pipeline(store).ingest([str(SEED)])
    with store.transaction() as session:
        caesar, legion = _actor(session, "Caesar"), _actor(session, "Legion of Freedom of Russia")
        assert caesar.id != legion.id
        merge_actors(session, legion.id, [caesar.id], "test merge")
    with store.session() as session:
        assert _actor(session, "Caesar").id == legion.id
        assert session.scalar(select(func.count()).where(s.Mention.actor_id == caesar.id)) == 0
        reasons = session.scalar(select(s.Alias.reason).where(s.Alias.actor_id == legion.id, s.Alias.key == "caesar"))
        assert "merged by user" in reasons
    # Re-ingest from scratch: documents and actors are rebuilt with new ids, the decision stays.
    with store.transaction() as session:
        session.execute(delete(s.Document))
        session.execute(delete(s.Alias))
        session.execute(update_merged_none())
        session.execute(delete(s.Actor))
    Pipeline(store).ingest([str(SEED)])
    with store.transaction() as session:
        assert _actor(session, "Caesar").id != _actor(session, "Legion of Freedom of Russia").id
        replay(session)
    with store.session() as session:
        assert _actor(session, "Caesar").id == _actor(session, "Legion of Freedom of Russia").id


def update_merged_none():
    from sqlalchemy import update

    return update(s.Actor).values(merged_into_id=None)


def test_cli_merge_split_and_errors(cli):
    cli("ingest", SEED)
    why = cli("actors", "why", "Denis Nikitin")
    assert why.exit_code == 0 and "Nikitin" in why.stdout
    cli("actors", "merge", "Denis Nikitin", "Denis Kapustin")
    split = cli("actors", "split", "Denis Nikitin", "Denis Kapustin", "--note", "not the same")
    assert split.exit_code == 0, split.stderr
    assert "new actor" in split.stdout
    assert cli("actors", "split", "Denis Nikitin", "No Such Alias").exit_code == 1
    merged = cli("actors", "merge", "Denis Nikitin", "Denis Kapustin")
    assert merged.exit_code == 0, merged.stderr
    listing = cli("actors", "decisions").stdout
    assert "split" in listing and "merge" in listing and "not the same" in listing
    assert cli("actors", "replay").exit_code == 0
    assert cli("actors", "merge", "#99999", "Denis Nikitin").exit_code == 1
