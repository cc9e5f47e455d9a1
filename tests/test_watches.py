"""Watches: a watch on an actor returns exactly the claims, disputes and events that arrived after its last
read, in the CLI (`factfile new`), the REST API (`/api/watches/{id}/changes`, `/api/changes?since=`) and
the Atom feed; marking it read empties all three; a cursor sees exactly what arrives after it.

Articles go through the real pipeline: a first round (one about the Wagner Group, one not), then the
watch is saved and marked read, then a second round (two about the Wagner Group, one not). What the
surfaces must show is worked out from the store with the ordinary readers (statements by and about the
actor, its events, its disputes) restricted to the second round's documents."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import BACKENDS, PAGES, SEED
from factfile.cli import app
from factfile.errors import BadArgument, NotFound
from factfile.pipeline import Pipeline
from factfile.read.actors import find_actors
from factfile.read.disputes import disputes
from factfile.read.documents import list_documents
from factfile.read.events import EventFilter, list_events
from factfile.read.statements import StatementFilter, list_statements
from factfile.read.watches import Cursor, add_watch, changes, mark_read
from factfile.serve.app import create_app
from factfile.serve.security import ServeSettings
from factfile.store import Store

TOKEN = "watch-test-token"
FIRST = [
    {"url": "https://kyivindependent.com/news/wagner-bakhmut-1", "title": "Wagner claims Bakhmut railway station", "date": "2023-05-01",
     "source": "The Kyiv Independent",
     "text": "Wagner claims Bakhmut railway station\n\nThe Wagner Group has about 5,000 fighters near Bakhmut, Ukrainian officials said "
             "on Monday. Yevgeny Prigozhin, the founder of the Wagner Group, said that his fighters had captured the railway station in "
             "Bakhmut. Wagner Group fighters shelled the village of Klishchiivka on Sunday, killing three civilians, the regional "
             "governor Pavlo Kyrylenko said. The Ukrainian army denied that the station had fallen."},
    {"url": "https://www.euronews.com/2023/05/02/farmers-poland", "title": "Polish farmers block border crossing", "date": "2023-05-02",
     "source": "Euronews",
     "text": "Polish farmers block border crossing\n\nHundreds of Polish farmers protested in Dorohusk on Tuesday against imports of "
             "Ukrainian grain, police said. The farmers' union said that the blockade would continue until the government acts. "
             "Agriculture Minister Robert Telus told reporters that talks with Brussels were under way."},
]
SECOND = [
    {"url": "https://www.bbc.com/news/world-europe-wagner-size", "title": "Prigozhin says Wagner has 50,000 fighters", "date": "2023-05-10",
     "source": "BBC",
     "text": "Prigozhin says Wagner has 50,000 fighters\n\nThe Wagner Group has 50,000 fighters in Ukraine, Yevgeny Prigozhin said on "
             "Wednesday. Prigozhin said that the Russian Defence Ministry had failed to deliver ammunition to his men. Wagner Group "
             "fighters attacked Ukrainian positions near Bakhmut on Tuesday, the Ukrainian General Staff said."},
    {"url": "https://apnews.com/article/hungary-teachers-protest", "title": "Teachers protest in Budapest", "date": "2023-05-11",
     "source": "AP",
     "text": "Teachers protest in Budapest\n\nThousands of teachers marched in Budapest on Thursday to demand higher wages, organisers "
             "said. The Hungarian government said that pay rises would come next year. Police detained two protesters near the "
             "parliament building."},
    {"url": "https://meduza.io/en/news/wagner-belgorod", "title": "Wagner fighters seen in Belgorod", "date": "2023-05-12", "source": "Meduza",
     "text": "Wagner fighters seen in Belgorod\n\nGovernor Vyacheslav Gladkov said that Wagner Group fighters had arrived in the "
             "Belgorod region on Friday. The Wagner Group shelled Ukrainian positions near Kharkiv on Thursday, the Ukrainian military said."},
]
THIRD = [
    {"url": "https://www.theguardian.com/world/wagner-avdiivka", "title": "Wagner fighters shell Avdiivka", "date": "2023-05-14",
     "source": "The Guardian",
     "text": "Wagner fighters shell Avdiivka\n\nWagner Group fighters shelled Avdiivka on Saturday, killing two civilians, the Ukrainian "
             "army said. A Western official said that the Wagner Group had lost thousands of fighters in Bakhmut."},
]


def _jsonl(folder: Path, name: str, articles: list[dict]) -> str:
    path = folder / name
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return str(path)


class World:
    """The store after the second round, with the runner, the app and what each round stored."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.db = str(folder / "store.db")
        self.runner = CliRunner()
        self.run("ingest", _jsonl(folder, "first.jsonl", FIRST))
        assert "watch 1: actor Wagner Group" in self.run("watch", "add", "actor", "Wagner Group").stdout
        self.run("watch", "read", "1")
        self.run("ingest", _jsonl(folder, "second.jsonl", SECOND))
        self.store = Store(self.db)
        self.client = TestClient(create_app(self.store, ServeSettings(token=TOKEN, read_only=False, cache=False, rate=10_000, burst=10_000)))
        with self.store.snapshot() as session:
            self.actor = find_actors(session, "Wagner Group", limit=1)[0].actor.id

    def run(self, *args: str):
        result = self.runner.invoke(app, ["--db", self.db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return result

    def documents(self, articles: list[dict]) -> set[int]:
        urls = {a["url"] for a in articles}
        with self.store.snapshot() as session:
            return {d.id for d in list_documents(session, limit=1000)[1] if d.url in urls}

    def expected(self, articles: list[dict]) -> dict[str, set]:
        """The actor's claims, events and disputes that involve the documents of `articles`, by the ordinary readers."""
        docs = self.documents(articles)
        with self.store.snapshot() as session:
            said = list_statements(session, StatementFilter(source_actor_id=self.actor, include_wrong=False), limit=10_000)[1]
            about = list_statements(session, StatementFilter(about_actor_id=self.actor, include_wrong=False), limit=10_000)[1]
            events = list_events(session, EventFilter(actor_id=self.actor), limit=10_000)[1]
            disputed = disputes(session, actor=self.actor)
        return {
            "claim": {st.id for st in said + about if st.document_id in docs},
            "event": {ev.id for ev in events if ev.document_id in docs},
            "dispute": {d.key for d in disputed if docs & {doc for side in d.sides for doc in side.documents}},
        }


def _by_kind(ids: list[str]) -> dict[str, set]:
    """Change ids ("statement-12", "event-4", "dispute-actor-3-size") by kind, as the expectation keys them."""
    found: dict[str, set] = {"claim": set(), "event": set(), "dispute": set(), "document": set(), "outlet": set()}
    for change in ids:
        kind, _, item = change.partition("-")
        kind = {"statement": "claim"}.get(kind, kind)
        found[kind].add(int(item) if kind in ("claim", "event", "document") else item)
    assert len(ids) == len(set(ids)), f"a change listed twice: {ids}"
    return found


def cli_ids(world: World, *extra: str) -> list[str]:
    result = world.run("new", "1", "--json", "--keep-unread", *extra)
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


def api_ids(world: World, limit: int = 2) -> list[str]:
    """Every unread change, a page of `limit` at a time, following `next`."""
    found, since = [], None
    for _ in range(200):
        params = {"limit": limit} | ({"since": since} if since else {})
        answer = world.client.get("/api/watches/1/changes", params=params)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        found += [item["id"] for item in body["items"]]
        since = body["next"]
        if not body["more"]:
            return found
    raise AssertionError(f"paging never ends: {found[:10]}")


def atom_ids(world: World) -> list[str]:
    answer = world.client.get("/watches/1.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.id and feed.feed.updated and feed.feed.title
    for entry in feed.entries:
        assert entry.id.startswith(feed.feed.id + "/") and entry.title and entry.updated and entry.link
    return [entry.id.rsplit("/", 1)[1] for entry in feed.entries]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    world = World(tmp_path_factory.mktemp("watches"))
    yield world
    world.store.close()


def test_a_watch_on_an_actor_returns_exactly_what_arrived_after_its_last_read(world):
    new = world.expected(SECOND)
    old = world.expected(FIRST)
    assert len(new["claim"]) >= 3 and len(new["event"]) >= 2 and new["dispute"], new
    assert old["claim"] and old["event"], "the first round has the actor's claims and events too"
    assert new["claim"].isdisjoint(old["claim"]) and new["event"].isdisjoint(old["event"])
    about_others = world.documents([SECOND[1]])

    surfaces = {"cli": cli_ids(world), "api": api_ids(world), "atom": atom_ids(world)}
    for surface, ids in surfaces.items():
        found = _by_kind(ids)
        for kind in ("claim", "event", "dispute"):
            assert found[kind] == new[kind], f"{surface}: {kind}s {sorted(found[kind])} != {sorted(new[kind])}"
        assert found["document"] == world.documents([SECOND[0], SECOND[2]]), surface
        assert found["document"].isdisjoint(about_others)
        assert found["outlet"] == {"bbc.com", "meduza.io"}, surface
    assert surfaces["cli"] == surfaces["api"] == surfaces["atom"], "one order of changes everywhere"
    assert atom_ids(world) == surfaces["atom"], "the feed's entry ids are stable"


def test_the_changes_say_which_claims_are_new_and_which_support_an_earlier_one(world):
    body = world.client.get("/api/watches/1/changes", params={"limit": 500}).json()
    claims = [item for item in body["items"] if item["kind"] == "claim"]
    assert claims and all(item["statement"]["id"] == int(item["id"].split("-")[1]) for item in claims)
    assert all(item["new_claim"] == (item["claim_id"] == item["statement"]["id"]) for item in claims)
    disputed = [item for item in body["items"] if item["kind"] == "dispute"]
    assert {side["value"] for side in disputed[0]["dispute"]["sides"]} >= {"50,000", "about 5,000"}


def test_the_python_api_gives_the_same_changes(world):
    import factfile

    with factfile.open(world.db) as kb:
        assert [w.label for w in kb.watches()] == ["Wagner Group"]
        assert [change.id for change in kb.new("Wagner Group").items] == cli_ids(world)


def test_watch_pages_mark_what_is_new(world):
    page = world.client.get("/watches/1")
    assert page.status_code == 200
    new = world.expected(SECOND)
    for statement in new["claim"]:
        assert f'class="statement new" data-statement="{statement}"' in page.text
    dossier = world.client.get(f"/actors/{world.actor}").text
    assert "new since your last visit" in dossier
    old = world.expected(FIRST)
    for event in new["event"]:
        assert f'class="event new" data-event="{event}"' in dossier
    for event in old["event"]:
        assert f'class="event" data-event="{event}"' in dossier


def test_other_watches_and_cursors(world):
    with world.store.transaction() as session:
        search = add_watch(session, "search", "Budapest teachers", from_start=True)
        place = add_watch(session, "place", "Bakhmut", from_start=True)
    with world.store.snapshot() as session:
        searched = _by_kind([c.id for c in changes(session, search.id).items])
        placed = _by_kind([c.id for c in changes(session, place.id).items])
    assert searched["document"] == world.documents([SECOND[1]])
    assert world.documents([FIRST[0], SECOND[0]]) <= placed["document"]
    with world.store.snapshot() as session:
        located = list_events(session, EventFilter(ids=sorted(placed["event"])), limit=1000)[1]
    assert located and all(event.place.name == "Bakhmut" for event in located)
    for watch in (search, place):
        assert world.client.delete(f"/api/watches/{watch.id}", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 204
    with pytest.raises(BadArgument):
        Cursor.parse("not a cursor!")
    assert Cursor.parse(Cursor(7, 2, "00000000000000000012").token()) == Cursor(7, 2, "00000000000000000012")
    for hostile in ("%%%", "9" * 40, Cursor(2**70).token(), Cursor(-1).token()):
        assert world.client.get("/api/changes", params={"since": hostile}).status_code == 400, hostile
    assert world.client.post("/api/watches/1/read").status_code == 401, "marking read is a write"
    with world.store.transaction() as session, pytest.raises(NotFound):
        add_watch(session, "story", "²")  # a digit to str.isdigit, not an id


def test_marking_read_empties_every_surface_and_a_cursor_sees_only_what_arrives_later(world):
    whole = [item["id"] for item in world.client.get("/api/changes", params={"limit": 500}).json()["items"]]
    paged, since = [], None
    for _ in range(200):
        body = world.client.get("/api/changes", params={"limit": 3} | ({"since": since} if since else {})).json()
        paged += [item["id"] for item in body["items"]]
        since = body["next"]
        if not body["more"]:
            break
    assert not body["more"], "paging never ends"
    assert paged == whole and len(whole) == len(set(whole)), "pages of the whole store's changes, each once"
    store_cursor = since

    printed = world.run("new", "Wagner Group").stdout
    assert "dispute-actor-" in printed and "new claim" in printed
    assert cli_ids(world) == [] and api_ids(world) == [] and atom_ids(world) == []
    assert "Nothing new since your last visit" in world.client.get(f"/actors/{world.actor}").text
    watch_cursor = world.client.get("/api/watches/1/changes").json()["next"]

    world.run("ingest", _jsonl(world.folder, "third.jsonl", THIRD))
    third = world.documents(THIRD)
    new = world.expected(THIRD)
    assert new["claim"] and new["event"]
    for ids in (cli_ids(world), api_ids(world), atom_ids(world)):
        found = _by_kind(ids)
        assert found["claim"] == new["claim"] and found["event"] == new["event"] and found["document"] == third
    later = world.client.get("/api/changes", params={"watch_id": 1, "since": watch_cursor}).json()
    assert [item["id"] for item in later["items"]] == cli_ids(world)
    everything = _by_kind([item["id"] for item in world.client.get("/api/changes", params={"since": store_cursor}).json()["items"]])
    assert everything["document"] == third
    with world.store.snapshot() as session:
        in_third = {st.id for d in third for st in list_statements(session, StatementFilter(document_id=d), limit=1000)[1]}
    assert everything["claim"] == in_third


def test_migration_numbers_stored_documents_in_the_order_they_were_written(tmp_path):
    from alembic import command
    from sqlalchemy import text

    from factfile.store.migrate import alembic_config

    store = Store(tmp_path / "old.db", migrate=False)
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0010")
        for number in (1, 2, 3):
            connection.execute(text("INSERT INTO documents (content_hash, origin, text, ingested_at) VALUES (:h, 'x', 't', '2026-01-01')"), {"h": f"h{number}"})
    store.close()
    upgraded = Store(tmp_path / "old.db")
    with upgraded.engine.connect() as connection:
        assert connection.execute(text("SELECT id, seq FROM documents ORDER BY id")).all() == [(1, 1), (2, 2), (3, 3)]
        assert connection.execute(text("SELECT value FROM change_counter")).scalar() == 3
    upgraded.close()


@pytest.mark.parametrize("db", BACKENDS, indirect=True)
def test_change_numbers_and_watches_on_every_backend(db):
    store = Store(db)
    pipeline = Pipeline(store)
    assert pipeline.ingest([str(SEED)]).stored == 1
    with store.transaction() as session:
        watch = add_watch(session, "actor", "Legion of Freedom of Russia", from_start=True)
    with store.snapshot() as session:
        first = changes(session, watch.id)
    assert first.head == 1 and {c.seq for c in first.items} == {1}
    assert {"document", "claim", "dispute"} <= {c.kind for c in first.items}
    with store.transaction() as session:
        mark_read(session, watch.id, first.head)
    assert pipeline.ingest([str(next(iter(PAGES.values()))["path"])]).stored == 1
    with store.snapshot() as session:
        assert all(c.seq == 2 for c in changes(session, watch.id).items)
        later = changes(session, since=first.next)
    assert later.head == 2 and [c.kind for c in later.items][:1] == ["document"] and {c.seq for c in later.items} == {2}
    store.close()
