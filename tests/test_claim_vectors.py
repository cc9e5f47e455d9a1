"""Claim vectors only where a comparison can use them (relate/claim_vectors.py)."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from conftest import BACKENDS
from factfile.pipeline import Pipeline
from factfile.relate import claim_vectors, contradictions
from factfile.relate.claims import keys_of
from factfile.store import Store
from factfile.store.schema import Statement, StatementVector

FIRST = "The Ukrainian military command said that Russian troops blew up the Kakhovka dam on the Dnipro overnight."
AGAIN = "The Ukrainian military command said that Russian troops had blown up the Kakhovka dam on the Dnipro overnight."
UNRELATED = "Apple's chief executive Tim Cook said that the company would open a new shop in Paris next spring."


def _ingest(store: Store, tmp_path, name: str, text: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    assert Pipeline(store).ingest([str(path)]).stored == 1


def _embedded(store: Store) -> dict[str, bool]:
    with store.session() as session:
        having = set(session.scalars(select(StatementVector.statement_id)))
        return {content: i in having for i, content in session.execute(select(Statement.id, Statement.content_text))}


def test_a_statement_gets_its_vector_when_a_peer_arrives_and_a_lone_one_never(db, tmp_path):
    store = Store(db)
    _ingest(store, tmp_path, "first", FIRST)
    assert not any(_embedded(store).values())  # nothing to compare it with yet
    _ingest(store, tmp_path, "unrelated", UNRELATED)
    assert not any(_embedded(store).values())
    _ingest(store, tmp_path, "again", AGAIN)
    embedded = _embedded(store)
    assert [c for c, has in embedded.items() if has] == [c for c in embedded if "Kakhovka" in c]
    assert len([c for c in embedded if "Kakhovka" in c]) == 2
    store.close()


def test_vectors_are_spent_only_where_they_could_join_two_contents():
    def said(i, content, story=1, actor=7, certainty="asserted"):
        row = SimpleNamespace(content_text=content, cue_text="said", certainty=certainty)
        return claim_vectors._Said(i, i, content, "said", certainty, actor, f"source {actor}", story, frozenset(keys_of([content])[0]),
                                   contradictions.denies(row))

    a, b = said(1, FIRST), said(2, AGAIN, story=2)
    assert claim_vectors.peers(a, b) and claim_vectors.could_be_one_claim(a, b)  # one source, a shared band key
    assert not claim_vectors.peers(a, said(3, UNRELATED, story=3, actor=8))
    assert not claim_vectors.peers(a, replace(b, document_id=a.document_id))  # within a document the words decide
    assert not claim_vectors.could_be_one_claim(said(8, "troops crossed the river at dawn"), said(9, "officials announced fresh sanctions yesterday"))
    assert not claim_vectors.could_be_one_claim(said(4, "12 people were killed in the strike"), said(5, "3 people were killed in the strike"))
    # a denial is compared with its story's statements whatever their words' keys
    denial = said(6, "that Russian troops blew up the dam on the river", actor=9, certainty="denied")
    assert claim_vectors.peers(a, denial) and not claim_vectors.peers(said(7, FIRST, story=4), denial)


def test_a_comparison_found_after_the_fact_embeds_what_the_writer_left_out(db, tmp_path):
    """A post stored after the article reporting it compares the article's statement by its vector, which the
    writer did not make while the statement had no peer: `vectors_for` makes and stores it then."""
    store = Store(db)
    _ingest(store, tmp_path, "first", FIRST)
    with store.session() as session:
        (statement_id,) = session.scalars(select(Statement.id))
        assert not session.scalars(select(StatementVector.statement_id)).all()
        vectors = claim_vectors.vectors_for(session, [statement_id])
        session.commit()
    assert list(vectors) == [statement_id] and vectors[statement_id].shape == (384,)
    assert all(_embedded(store).values())


THIRD = "The Ukrainian military command said on Tuesday that Russian troops blew up the Kakhovka dam on the Dnipro overnight."


def _mark_vectors_from(store: Store) -> int:
    with store.session() as session:
        return claim_vectors.vectors_from(session)


@pytest.mark.parametrize("db", BACKENDS, indirect=True)
def test_statements_stored_before_the_rule_are_no_peers(db, tmp_path):
    """A store filled before claim vectors (migrated to 0017) marks its statements: the writer compares them by
    their words and embeds none of them for a new peer; statements stored after the mark follow the rule."""
    from alembic import command

    from factfile.store.migrate import alembic_config

    store = Store(db)
    _ingest(store, tmp_path, "first", FIRST)
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0016")
        command.upgrade(alembic_config(connection), "heads")
    with store.session() as session:
        first_id = session.scalar(select(Statement.id).where(Statement.content_text.contains("Kakhovka")))
    assert _mark_vectors_from(store) > first_id
    _ingest(store, tmp_path, "again", AGAIN)
    assert not any(_embedded(store).values())  # its only peer is below the mark
    _ingest(store, tmp_path, "third", THIRD)
    with store.session() as session:
        having = set(session.scalars(select(StatementVector.statement_id)))
        kakhovka = session.scalars(select(Statement.id).where(Statement.content_text.contains("Kakhovka")).order_by(Statement.id)).all()
    assert len(kakhovka) == 3 and [i in having for i in kakhovka] == [False, True, True]
    store.close()


@pytest.mark.parametrize("db", BACKENDS, indirect=True)
def test_a_store_holding_vectors_keeps_the_rule_for_all_its_statements(db, tmp_path):
    from alembic import command

    from factfile.store.migrate import alembic_config

    store = Store(db)
    _ingest(store, tmp_path, "first", FIRST)
    _ingest(store, tmp_path, "again", AGAIN)
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0016")
        command.upgrade(alembic_config(connection), "heads")
    assert _mark_vectors_from(store) == 0
    store.close()


def test_no_vector_for_a_pair_its_readers_could_not_join():
    """Vectors are spent only where a reader could join the pair by them: two contents sharing a word or two of
    many (no cosine of two different contents reaches what they would need), two sources each naming someone
    the other does not (two sides, whatever their cosine), a denial's peer without a sayer (no side)."""

    def said(i, content, story=1, actor=7, source=None, certainty="asserted"):
        row = SimpleNamespace(content_text=content, cue_text="said", certainty=certainty)
        return claim_vectors._Said(i, i, content, "said", certainty, actor, source or f"source {actor}", story,
                                   frozenset(keys_of([content])[0]), contradictions.denies(row))

    sharing_one_word = (said(1, "Russian troops shelled the eastern outskirts of the city overnight, officials reported"),
                        said(2, "the city council approved a budget for schools, hospitals and roads next year"))
    assert not claim_vectors.could_be_one_claim(*sharing_one_word)
    sides = said(3, "Ukraine blew up the Kakhovka dam on the Dnipro", actor=7), said(4, "Russia blew up the Kakhovka dam on the Dnipro", actor=8)
    assert not claim_vectors.could_be_one_claim(*sides)
    assert claim_vectors.could_be_one_claim(sides[0], replace(sides[1], source_actor_id=7, source_text="source 7"))  # one source
    denial = said(5, "Russian troops did not blow up the Kakhovka dam", actor=9, certainty="reported")
    named, unnamed = said(6, FIRST), said(7, FIRST, actor=None, source="he")
    assert denial.denies and claim_vectors.could_be_one_claim(denial, named) and not claim_vectors.could_be_one_claim(denial, unnamed)


def test_one_source_as_corroboration_reads_it():
    """Corroboration compares a statement with its source actor's statements, or, without an actor, with those of its
    source's words: two actors' statements called alike ("the ministry" of two states) are no one source's, so the
    writer spends no vector on them outside a story; a statement without an actor is its source words' peer."""

    def said(i, actor, story):
        row = SimpleNamespace(content_text=FIRST, cue_text="said", certainty="asserted")
        keys = frozenset(keys_of([FIRST])[0])
        return claim_vectors._Said(
            i, i, FIRST, "said", "asserted", actor, "the ministry", story, keys, contradictions.denies(row)
        )

    assert not claim_vectors.peers(said(1, 7, 1), said(2, 8, 2))
    assert claim_vectors.peers(said(1, 7, 1), said(2, None, 2)) and claim_vectors.peers(said(2, None, 2), said(1, 7, 1))
    assert claim_vectors.peers(said(1, 7, 1), said(2, 7, 2)) and claim_vectors.peers(said(1, 7, 1), said(2, 8, 1))
