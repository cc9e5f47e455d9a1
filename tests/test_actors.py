"""Actors: every alias of the seed article ends in the right actor, within and across documents."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from conftest import SEED
from factfile.extract.names import acronym_of, latin_key, name_key, signature
from factfile.pipeline import Pipeline
from factfile.store import Store
from factfile.store import schema as s

LEGION, CORPS, NIKITIN, CAESAR = "Legion of Freedom of Russia", "Russian Volunteer Corps", "Denis Nikitin", "Caesar"
SEED_ALIASES = {  # the aliases that appear in the seed article -> the actor they name
    "Legion of Freedom of Russia": LEGION,
    "Legion of the Freedom of Russia": LEGION,
    "Legion": LEGION,
    "Легион «Свобода России»": LEGION,
    "Russian Volunteer Corps": CORPS,
    "Russian volunteer corps": CORPS,
    "Denis Nikitin": NIKITIN,
    "Nikitin": NIKITIN,
    "Denis Kapustin": NIKITIN,
    "Caesar": CAESAR,
}
OTHER_OUTLET = (
    "Fighters from the Russian Volunteer Corps (RDK) crossed the border on Monday, the group said in a statement. "
    "The RVC is led by Денис Капустин, a Russian nationalist who lived in Germany. "
    "Kapustin told reporters that the Freedom of Russia Legion had joined the raid near Belgorod. "
    "Oleksiy Arestovich, a former adviser, said the raid showed the weakness of the Russian border guard."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    folder = tmp_path_factory.mktemp("actors")
    other = folder / "other.txt"
    other.write_text(OTHER_OUTLET, encoding="utf-8")
    store = Store(folder / "store.db")
    assert Pipeline(store).ingest([str(SEED), str(other)]).stored == 2
    return store


def _actor_of_mentions(session, document_id: int, alias: str) -> set[str]:
    """Actors of the mentions that write `alias` (quotes, case and spacing aside)."""
    rows = session.execute(
        select(s.Mention.text, s.Actor.name)
        .join(s.Actor, s.Mention.actor_id == s.Actor.id)
        .where(s.Mention.document_id == document_id)
    )
    return {name for text, name in rows if name_key(text) == name_key(alias) and (alias[0].isupper() == text[0].isupper())}


def test_every_seed_alias_ends_in_the_right_actor(store):
    text = SEED.read_text(encoding="utf-8")
    with store.session() as session:
        seed_id = session.scalar(select(s.Document.id).order_by(s.Document.id))
        for alias, actor in SEED_ALIASES.items():
            assert alias in text
            assert _actor_of_mentions(session, seed_id, alias) == {actor}, alias
        legion = session.scalar(select(s.Actor).where(s.Actor.name == LEGION))
        assert session.get(s.Actor, legion.id).kind == "organization"
        assert session.scalar(select(s.Actor.kind).where(s.Actor.name == CAESAR)) == "person"


def test_descriptions_join_the_organisation_they_describe(store):
    with store.session() as session:
        seed_id = session.scalar(select(s.Document.id).order_by(s.Document.id))
        described = session.execute(
            select(s.Mention.text, s.Actor.name)
            .join(s.Actor, s.Actor.id == s.Mention.actor_id)
            .where(s.Mention.document_id == seed_id, s.Mention.role == "description")
        ).all()
        assert ("group", CORPS) in described
        assert {name for text, name in described if text == "unit"} == {LEGION}


def test_other_outlet_joins_the_same_actors_and_says_why(store):
    with store.session() as session:
        other_id = session.scalar(select(s.Document.id).order_by(s.Document.id.desc()))
        assert _actor_of_mentions(session, other_id, "RDK") == {CORPS}
        assert _actor_of_mentions(session, other_id, "RVC") == {CORPS}
        assert _actor_of_mentions(session, other_id, "Freedom of Russia Legion") == {LEGION}
        assert _actor_of_mentions(session, other_id, "Денис Капустин") == {NIKITIN}
        assert _actor_of_mentions(session, other_id, "Kapustin") == {NIKITIN}
        reasons = dict(
            session.execute(
                select(s.Alias.name, s.Alias.reason).join(s.Actor, s.Actor.id == s.Alias.actor_id).where(s.Actor.name == LEGION)
            ).all()
        )
        assert "another order" in reasons["Freedom of Russia Legion"]
        assert "brackets" in reasons["Легион Свобода России"]


def test_name_keys():
    assert signature("Freedom of Russia Legion") == signature("Legion of the Freedom of Russia")
    assert latin_key("Денис Капустин") == "denis kapustin"
    assert acronym_of("RVC", "Russian Volunteer Corps") and not acronym_of("RDK", "Russian Volunteer Corps")


def test_dotted_acronym_in_one_article_and_full_name_in_another(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The U.N. said on Monday that aid convoys had reached the city. Officials at the U.N. warned of more "
                     "shortages in the coming weeks as fighting continued around the port.", encoding="utf-8")
    second.write_text("The United Nations Security Council met on Tuesday. The United Nations said aid convoys had been "
                      "stopped at the border and that food supplies in the city were running low again.", encoding="utf-8")
    store = Store(tmp_path / "store.db")
    Pipeline(store).ingest([str(first), str(second)])
    with store.session() as session:
        documents = session.scalars(select(s.Document.id).order_by(s.Document.id)).all()
        (un,) = _actor_of_mentions(session, documents[0], "U.N")
        assert _actor_of_mentions(session, documents[1], "United Nations") == {un}
        reason = session.scalar(select(s.Alias.reason).where(s.Alias.key == "united nations"))
        assert "acronym" in reason
