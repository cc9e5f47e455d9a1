"""Claims and disputes: the embedding model behaves as published, numbers and negation keep claims apart,
and the seed article's member counts are one dispute about the Legion's size (its founding date none)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import SEED
from factfile.cli import app
from factfile.read.disputes import disputes
from factfile.relate import claims, embedding
from factfile.store import Store


def cosine(a: str, b: str) -> float:
    left, right = embedding.encode([a, b])
    return float(left @ right)


def test_the_packaged_model_gives_the_published_similarities():
    """sentence-transformers' documentation prints these scores for all-MiniLM-L6-v2."""
    assert cosine("The new movie is awesome", "The new movie is so great") == pytest.approx(0.8939, abs=0.005)
    assert cosine("The cat sits outside", "The dog plays in the garden") == pytest.approx(0.2838, abs=0.005)


def test_same_claim_in_other_words_but_not_with_other_numbers_or_negated():
    same = ("CIA Director Mike Pompeo secretly met with North Korean leader Kim Jong Un.",
            "Mike Pompeo met with Kim Jong Un in North Korea last week.")
    vectors = embedding.encode(list(same))
    assert claims.same_claim(*same, *vectors)
    assert not claims.same_words(*same)  # the words alone miss it
    killed = ("More than 70 Ukrainian saboteurs were killed in the raid.", "Two Ukrainian saboteurs were killed in the raid.")
    assert not claims.same_claim(*killed, *embedding.encode(list(killed)))
    negated = ("Pompeo met with Kim Jong Un.", "Pompeo did not meet with Kim Jong Un.")
    negated_vectors = embedding.encode(list(negated))
    assert not claims.same_claim(*negated, *negated_vectors)
    assert claims.same_claim(*negated, *negated_vectors, polarity=False)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("disputes") / "seed.db")
    result = CliRunner().invoke(app, ["--db", db, "ingest", str(SEED)])
    assert result.exit_code == 0, result.stderr
    store = Store(db)
    yield db, store
    store.close()


def test_seed_member_counts_are_one_size_dispute_with_dates_and_sources(seed_store):
    db, store = seed_store
    found = disputes(store, actor="Legion of Freedom of Russia")
    assert [d.attribute for d in found] == ["size"]
    sides = {side.value: side for side in found[0].sides}
    assert set(sides) == {"over 100", "several hundred", "4,000"}
    assert sides["over 100"].sources == ["the private Ukrainian news agency UNIAN"]
    assert sides["4,000"].sources == ["Radio Free Europe/Radio Liberty"]
    assert "February 2022 (2022-02)" in sides["over 100"].when
    assert all(side.evidence for side in sides.values())
    shown = CliRunner().invoke(app, ["--db", db, "disputes", "--actor", "Legion of Freedom of Russia"])
    assert shown.exit_code == 0 and "size disputed" in shown.stdout and "Oleksiy Arestovych" in shown.stdout
