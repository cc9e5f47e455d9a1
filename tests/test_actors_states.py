"""A person and a state never share a record unless a user merges them: real coverage joined Putin and
Russia through the office alias "head of state of Russia", whose last word became a surname key."""

from __future__ import annotations

from ingested import ingested_store
from sqlalchemy import select

from factfile.extract.names import state_named
from factfile.relate.actors import NameKeys
from factfile.relate.decisions import join_actors, merge_actors
from factfile.store import Store
from factfile.store import schema as s


def test_a_state_is_named_in_any_case_form_and_a_person_is_not():
    assert {state_named(w) for w in ("Russia", "России", "Росією", "Rosji", "Ruskem", "Кремля", "Le Kremlin")} == {"Russia"}
    assert state_named("Ukrajinou") == "Ukraine" and state_named("Srbije") == "Serbia"
    assert not any(state_named(w) for w in ("Putin", "Путина", "Zełenskiego", "Peskov", "Vladimir", "Ivana", "Rossi"))


def test_an_office_alias_ending_in_a_country_is_no_surname():
    assert NameKeys.of("head of state of Russia", "person").surname is None
    assert NameKeys.of("Президент России", "person").surname is None
    assert NameKeys.of("Vladimir Putin", "person").surname == "putin"


def test_a_president_and_his_state_stay_two_records(tmp_path):
    """The Ukrainian reader took "У Кремлі" for a person, which met Putin's office alias "head of state of
    Russia" (stored by the Russian page) by its last word."""
    pages = {
        "ru.txt": "Россия обвинила Украину в попытке покушения на президента Владимира Путина. В Кремле сообщили, что "
        "два беспилотника были сбиты. Президент России Владимир Путин не пострадал.",
        "uk.txt": "Росія звинуватила Україну в спробі замаху на президента Володимира Путіна. У Кремлі повідомили, що два "
        "безпілотники збили. Путіна не було в будівлі. Президент Росії Володимир Путін не постраждав.",
        "en.txt": "Russia accused Ukraine of trying to kill President Vladimir Putin. The Kremlin said two drones were shot down.",
    }
    store = ingested_store(tmp_path, pages)
    with store.session() as session:
        live = session.execute(select(s.Actor.id, s.Actor.kind).where(s.Actor.merged_into_id.is_(None))).all()
        for actor_id, kind in live:
            names = set(session.scalars(select(s.Alias.name).where(s.Alias.actor_id == actor_id, s.Alias.mentions > 0)))
            assert not (kind == "person" and any(state_named(n) for n in names)), names


def test_only_a_user_merges_a_person_with_a_state(tmp_path):
    store = Store(tmp_path / "store.db")
    with store.session() as session:
        person, state = s.Actor(name="Vladimir Putin", kind="person"), s.Actor(name="Russia", kind="place")
        session.add_all([person, state])
        session.flush()
        join_actors(session, person.id, [state.id], "a resolver's guess")
        assert state.merged_into_id is None
        merge_actors(session, person.id, [state.id], "the user says so")
        assert state.merged_into_id == person.id


def test_a_state_run_on_after_a_full_name_is_no_part_of_it():
    """Kramatorsk (German): "Wolodymyr Selenskyj Russland vorgeworfen" made "Russland" the surname of a person, whose
    record then took the lone "Russland" mentions of the page."""
    from factfile.extract.lang import analyse
    from factfile.records import Article

    text = "Präsident Wolodymyr Selenskyj Russland vorgeworfen, den Bahnhof angegriffen zu haben. Russland bestreitet das."
    chains = {c.name: c.label for c in analyse(Article(origin="t", text=text, content_hash="de", language="de")).chains}
    assert chains == {"Wolodymyr Selenskyj": "PERSON", "Russland": "GPE"}
