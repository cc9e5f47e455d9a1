"""The REST API and the server-rendered pages, through FastAPI's TestClient on a real store."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import anyio
import anyio.to_thread
import httpx
import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import servedata
from factfile.cli import app
from factfile.relate import claims, corroboration
from factfile.serve.app import create_app
from factfile.serve.cache import ResponseCache
from factfile.serve.gate import BACKGROUND, Gate
from factfile.serve.security import ServeSettings
from factfile.store import Store
from factfile.store import schema as s
from factfile.store.responses import SharedEntries

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def store_with_ids(tmp_path_factory):
    return servedata.build(tmp_path_factory.mktemp("served"))


@pytest.fixture
def served(store_with_ids):
    db, ids = store_with_ids
    store = Store(db)
    yield TestClient(create_app(store, ServeSettings(token=TOKEN, read_only=False, rate=10_000, burst=10_000))), ids
    store.close()


def test_openapi_documents_every_resource(served):
    client, _ = served
    paths = client.get("/api/openapi.json").json()["paths"]
    for resource in ("actors", "aliases", "documents", "statements", "events", "places", "outlets", "stories", "search", "exports/{format}"):
        assert f"/api/{resource}" in paths, resource
    assert {"limit", "offset", "certainty", "min_corroboration", "source"} <= {p["name"] for p in paths["/api/statements"]["get"]["parameters"]}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text


def test_lists_are_paginated(served):
    client, _ = served
    first = client.get("/api/actors", params={"limit": 3}).json()
    second = client.get("/api/actors", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] > 6
    assert len(first["items"]) == len(second["items"]) == 3
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    mentions = [a["mentions"] for a in first["items"] + second["items"]]
    assert mentions == sorted(mentions, reverse=True)
    assert client.get("/api/actors", params={"limit": 0}).status_code == 422
    assert client.get("/api/actors", params={"limit": 501}).status_code == 422


def test_search_finds_actors_by_alias_and_documents_by_full_text(served):
    client, ids = served
    result = client.get("/api/search", params={"q": "Legion of Freedom of Russia"}).json()
    assert result["actors"][0]["id"] == ids.legion
    assert ids.seed in [d["id"] for d in result["documents"]]
    konzinka = client.get("/api/documents", params={"q": "Konzinka"}).json()
    assert [d["id"] for d in konzinka["items"]] == [ids.seed]
    assert "Konzinka" in konzinka["items"][0]["snippet"]
    assert client.get("/api/documents", params={"q": "zzqxnotaword"}).json()["total"] == 0


def test_actor_detail_aliases_and_dossier(served):
    client, ids = served
    actor = client.get(f"/api/actors/{ids.legion}").json()
    assert actor["name"] == "Legion of Freedom of Russia"
    assert "Legion of Freedom of Russia" in {a["name"] for a in actor["aliases"]}
    aliases = client.get("/api/aliases", params={"actor_id": ids.legion}).json()
    assert aliases["total"] == len(actor["aliases"])
    dossier = client.get(f"/api/actors/{ids.legion}/dossier").json()
    sizes = {f["value"] for f in dossier["facts"] if f["predicate"] == "size"}
    assert {"4,000", "several hundred soldiers"} <= sizes  # hand-made rows, beside what the facts stage extracts
    assert client.get("/api/actors/999999").status_code == 404
    assert client.get("/api/actors/999999/dossier").status_code == 404


def test_statements_filter_by_source_subject_certainty_and_corroboration(served):
    client, ids = served

    def statement_ids(**params):
        return {st["id"] for st in client.get("/api/statements", params={"limit": 500, **params}).json()["items"]}

    assert ids.caesar_quote in statement_ids(source_actor_id=ids.caesar)
    assert ids.unian_claim not in statement_ids(source_actor_id=ids.caesar)
    assert ids.unian_claim in statement_ids(about_actor_id=ids.legion)
    assert ids.copy_claim not in statement_ids(about_actor_id=ids.legion)  # its document has no mention of the Legion there
    assert ids.caesar_quote not in statement_ids(about_actor_id=ids.legion)
    assert ids.caesar_quote in statement_ids(source="caesar")
    assert ids.caesar_quote not in statement_ids(certainty="reported")
    assert ids.unian_claim in statement_ids(certainty="reported")
    corroborated = statement_ids(min_corroboration=2)
    assert {ids.unian_claim, ids.copy_claim} <= corroborated and ids.caesar_quote not in corroborated
    assert ids.caesar_quote in statement_ids(max_corroboration=1)
    assert client.get("/api/statements", params={"certainty": "sure"}).status_code == 422
    row = next(st for st in client.get("/api/statements", params={"document_id": ids.seed}).json()["items"] if st["id"] == ids.unian_claim)
    assert row["corroboration"] == 2 and row["source_actor"] == "UNIAN"
    raid = next(st for st in client.get("/api/statements", params={"document_id": ids.seed, "limit": 500}).json()["items"]
                if "raided a Russian village" in st["content_text"])
    assert (raid["certainty"], raid["framing"]) == ("reported", ["allegedly"])  # the FSB sounds sure, the reporter distances
    framed = client.get("/api/statements", params={"document_id": ids.seed, "framed": True, "limit": 500}).json()["items"]
    assert raid in framed and all(st["framing"] for st in framed)
    unframed = client.get("/api/statements", params={"document_id": ids.seed, "framed": False, "limit": 500}).json()["items"]
    assert unframed and raid not in unframed and not any(st["framing"] for st in unframed)


def test_statement_pages_at_once_are_the_pages_one_at_a_time(store_with_ids, monkeypatch):
    """The actor page asks for what it said and what was said about it in one call: the same pages, with
    their corroboration and quoted posts looked up once for both."""
    from factfile.read import statements

    db, ids = store_with_ids
    store = Store(db)
    wheres = [
        statements.StatementFilter(source_actor_id=ids.unian), statements.StatementFilter(about_actor_id=ids.legion),
        statements.StatementFilter(min_corroboration=2), statements.StatementFilter(document_id=ids.seed),
    ]
    with store.session() as session:
        one_at_a_time = [statements.list_statements(session, where, limit=3) for where in wheres]
        asked = []
        looked_up = statements.corroboration
        monkeypatch.setattr(statements, "corroboration", lambda session, ids: asked.append(list(ids)) or looked_up(session, ids))
        at_once = statements.list_statement_pages(session, wheres, limit=3)
    store.close()
    assert at_once == one_at_a_time and any(page for _, page in at_once)
    assert len(asked) == 2  # the pages of the three filters that do not count corroboration, then the one that does


def test_a_corroboration_filter_over_too_many_matches_is_a_bad_request(served, monkeypatch):
    """Corroboration is counted for every match before paging: past a bound the answer says to narrow the
    filter (a 400) instead of failing on the database's bound on variables (a 500 on a 10k-document store)."""
    from factfile.read import statements

    client, ids = served
    in_seed = client.get("/api/statements", params={"document_id": ids.seed}).json()["total"]
    assert 0 < in_seed < client.get("/api/statements").json()["total"]
    monkeypatch.setattr(statements, "MAX_CORROBORATED", in_seed)
    answer = client.get("/api/statements", params={"min_corroboration": 2})
    assert answer.status_code == 400 and "narrow it" in answer.json()["detail"]
    narrowed = client.get("/api/statements", params={"min_corroboration": 2, "document_id": ids.seed})
    assert narrowed.status_code == 200 and ids.unian_claim in {st["id"] for st in narrowed.json()["items"]}


def test_events_places_outlets_stories(served):
    client, ids = served
    events = client.get("/api/events", params={"actor_id": ids.legion}).json()["items"]
    assert [e["id"] for e in events if e["id"] in (ids.kozinka_event, ids.press_event)] == [ids.press_event, ids.kozinka_event]
    later = {e["id"] for e in client.get("/api/events", params={"date_from": "2023-01-01"}).json()["items"]}
    assert ids.kozinka_event in later and ids.press_event not in later
    located = client.get("/api/events", params={"located": True}).json()["items"]
    kozinka = next(e for e in located if e["id"] == ids.kozinka_event)
    assert kozinka["place"]["name"] == "Kozinka" and kozinka["actor2_id"] == ids.rvc
    assert "had taken" in kozinka["sentence"] and "Konzinka" in kozinka["sentence"]
    assert client.get("/api/places", params={"resolved": True}).json()["total"] >= 2
    outlets = client.get("/api/outlets").json()
    assert outlets["total"] >= 3 and all(o["documents"] >= 1 for o in outlets["items"])
    assert client.get("/api/stories").json()["total"] >= 0


def test_document_annotations_point_at_their_text(served):
    client, ids = served
    document = client.get(f"/api/documents/{ids.seed}").json()
    text = document["text"]
    kinds = {a["kind"] for a in document["annotations"]}
    assert {"mention", "content", "source", "cue", "event"} <= kinds
    for annotation in document["annotations"]:
        assert 0 <= annotation["start"] < annotation["end"] <= len(text)
    content = next(a for a in document["annotations"] if a["kind"] == "content" and a["ref"] == ids.caesar_quote)
    assert text[content["start"] : content["end"]] == "I couldn’t just watch"
    assert client.get("/api/documents/999999").status_code == 404


def test_graph_links_actors_by_events_statements_and_facts(served):
    client, ids = served
    graph = client.get("/api/graph").json()
    edges = {(e["data"]["source"], e["data"]["target"], e["data"]["relation"]) for e in graph["edges"]}
    assert (str(ids.legion), str(ids.rvc), "acts_on") in edges
    assert (str(ids.unian), str(ids.legion), "speaks_about") in edges
    assert (str(ids.legion), str(ids.rvc), "allied_with") in edges
    around = client.get("/api/graph", params={"actor_id": ids.unian}).json()
    assert {n["data"]["id"] for n in around["nodes"]} >= {str(ids.unian), str(ids.legion)}
    assert all(str(ids.unian) in (e["data"]["source"], e["data"]["target"]) for e in around["edges"])


def test_exports_serve_every_registered_format(served):
    client, ids = served
    formats = client.get("/api/exports").json()["formats"]
    assert {"jsonl", "csv", "graphml", "gexf"} <= set(formats)
    for name in formats:
        response = client.get(f"/api/exports/{name}", params={"table": "statements"})
        assert response.status_code == 200 and response.content, name
    jsonl = client.get("/api/exports/jsonl", params={"table": "statements"}).text
    assert ids.caesar_quote in {json.loads(line)["id"] for line in jsonl.splitlines()}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/exports/csv", params={"table": "events"}).text)))
    assert {int(r["id"]) for r in rows} >= {ids.kozinka_event, ids.press_event}
    graph = nx.read_graphml(io.BytesIO(client.get("/api/exports/graphml").content))
    assert graph.nodes[str(ids.legion)]["label"] == "Legion of Freedom of Russia"
    assert graph.has_edge(str(ids.legion), str(ids.rvc))
    gexf = nx.read_gexf(io.BytesIO(client.get("/api/exports/gexf").content))
    assert gexf.number_of_edges() == graph.number_of_edges()
    assert client.get("/api/exports/nosuchformat").status_code == 404
    assert client.get("/api/exports/csv", params={"table": "nosuchtable"}).status_code == 400


def test_graph_export_from_the_cli(store_with_ids, tmp_path):
    out = tmp_path / "actors.gexf"
    result = CliRunner().invoke(app, ["--db", store_with_ids[0], "export", "--format", "gexf", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert nx.read_gexf(out).number_of_nodes() >= 3


def test_corrections_need_the_token(served, store_with_ids):
    client, ids = served
    db = store_with_ids[0]
    url = f"/api/statements/{ids.caesar_quote}/wrong"
    assert client.post(url, json={"note": "x"}).status_code == 401
    assert client.post(url, json={"note": "x"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    read_only = TestClient(create_app(Store(db), ServeSettings(token=TOKEN)))
    assert read_only.post(url, json={}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403
    assert read_only.get("/api/actors").status_code == 200


def test_pages_render_dossier_statements_document_timeline_map_graph(served):
    client, ids = served
    home = client.get("/")
    assert home.status_code == 200 and 'action="/search"' in home.text
    search = client.get("/search", params={"q": "Legion of Freedom of Russia"}).text
    assert f'href="/actors/{ids.legion}"' in search
    dossier = client.get(f"/actors/{ids.legion}").text
    for section in ('id="aliases"', 'id="profile"', 'id="disputed"', 'id="said"', 'id="about"', 'id="events"', 'id="mentions"'):
        assert section in dossier, section
    conflicts = dossier[dossier.index('id="disputed"') : dossier.index('id="said"')]
    assert "4,000" in conflicts and "several hundred soldiers" in conflicts
    assert "Russian paramilitary group based in Ukraine" in dossier
    about = dossier[dossier.index('id="about"') : dossier.index('id="events"')]
    assert "formed in February 2022" in about
    table = client.get("/statements", params={"certainty": "reported", "min_corroboration": "2"}).text
    assert "formed in February 2022" in table and "I couldn’t just watch" not in table
    assert client.get("/statements", params={"min_corroboration": ""}).status_code == 200
    framed = client.get("/statements", params={"framing": "framed"}).text
    assert "raided a Russian village" in framed and "formed in February 2022" not in framed
    assert "raided a Russian village" not in client.get("/statements", params={"framing": "unframed", "source": "FSB"}).text
    timeline = client.get("/timeline", params={"actor_id": ids.legion}).text
    assert timeline.index("2022-04") < timeline.index("2023-05")
    map_page = client.get("/map").text
    assert 'data-basemap="/static/vendor/world-atlas/countries-50m.json"' in map_page
    graph_page = client.get("/graph", params={"actor_id": ids.legion}).text
    assert f'data-graph="/api/graph?actor_id={ids.legion}"' in graph_page
    assert client.get("/actors/999999").status_code == 404


def test_document_page_highlights_the_followed_evidence(served):
    client, ids = served
    text = client.get(f"/api/documents/{ids.seed}").json()["text"]
    start = text.index("I couldn’t just watch")
    page = client.get(f"/documents/{ids.seed}", params={"hl": f"{start}-{start + 21}"}).text
    body = page[page.index('id="text"') :]
    focused = re.findall(r'<[a-z]+ [^>]*class="[^"]*\bfocus\b[^"]*"[^>]*>([^<]*)</', body)
    assert "".join(focused) == "I couldn’t just watch"
    assert page.count('id="focus"') == 1
    assert 'class="hl-cue' in page and 'class="hl-event' in page
    assert client.get(f"/documents/{ids.seed}", params={"hl": "junk"}).status_code == 200


def test_article_text_is_escaped_on_every_page(served):
    client, ids = served
    pages = [f"/documents/{ids.hostile}", "/", "/search?q=convoy", "/statements"]
    pages += [f"/actors/{a['id']}" for a in client.get("/api/actors", params={"limit": 500}).json()["items"]]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.text
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html, url
        assert not re.search(r"<[^>]+\son\w+=", html), url
        assert not re.search(r"<script(?![^>]*\ssrc=\"/static/)", html), url
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    document = client.get(f"/documents/{ids.hostile}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in document


def test_factfile_serve_answers_on_loopback(store_with_ids):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).parent / "factfile"), "--db", store_with_ids[0], "serve", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/actors", params={"limit": 1}, timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "factfile serve did not answer within 60 s"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["total"] > 0
        assert httpx.post(f"http://127.0.0.1:{port}/api/statements/1/wrong", json={}).status_code == 403
    finally:
        server.terminate()
        server.wait(10)



@pytest.fixture
def writable(store_with_ids, tmp_path):
    """A private copy of the store behind a server that accepts corrections with TOKEN."""
    db, ids = store_with_ids
    copy = tmp_path / "store.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    store = Store(str(copy))
    yield TestClient(create_app(store, ServeSettings(token=TOKEN, read_only=False, rate=10_000, burst=10_000))), ids
    store.close()


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_merge_and_split_actors_from_the_api(writable):
    client, ids = writable
    merged = client.post(f"/api/actors/{ids.legion}/merge", json={"other_ids": [ids.rvc], "note": "same unit"}, headers=AUTH)
    assert merged.status_code == 200, merged.text
    assert merged.json()["decision"]["kind"] == "merge"
    assert client.get(f"/api/actors/{ids.rvc}").json()["merged_into_id"] == ids.legion
    names = {a["name"] for a in client.get(f"/api/actors/{ids.legion}").json()["aliases"]}
    assert {"Legion of Freedom of Russia", "Russian Volunteer Corps"} <= names
    redirect = client.get(f"/actors/{ids.rvc}", follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == f"/actors/{ids.legion}"
    assert ids.rvc not in {a["id"] for a in client.get("/api/actors", params={"limit": 500}).json()["items"]}

    split = client.post(f"/api/actors/{ids.legion}/split", json={"alias_keys": ["Russian Volunteer Corps"]}, headers=AUTH)
    assert split.status_code == 200, split.text
    new_id = split.json()["actor_id"]
    assert {a["name"] for a in client.get(f"/api/actors/{new_id}").json()["aliases"]} == {"Russian Volunteer Corps"}
    assert "Russian Volunteer Corps" not in {a["name"] for a in client.get(f"/api/actors/{ids.legion}").json()["aliases"]}
    decisions = client.get("/api/decisions").json()
    assert [d["kind"] for d in decisions["items"]] == ["split", "merge"]

    assert client.post(f"/api/actors/{ids.legion}/merge", json={"other_ids": [ids.legion]}, headers=AUTH).status_code == 422
    assert client.post(f"/api/actors/{ids.legion}/merge", json={"other_ids": [999999]}, headers=AUTH).status_code == 404
    assert client.post(f"/api/actors/{ids.legion}/split", json={"alias_keys": ["No Such Name"]}, headers=AUTH).status_code == 422
    assert client.post(f"/api/actors/{ids.legion}/merge", json={"other_ids": []}, headers=AUTH).status_code == 422


def test_statement_corroboration_is_the_dossiers_not_text_identity(writable):
    """Same source, reworded content: corroborates. Same words from another source: does not (relate/corroboration)."""
    client, ids = writable
    store = client.app.state.store
    with store.transaction() as session:
        claim = session.get(s.Statement, ids.unian_claim)

        def add(source_actor: int, source: str, content: str) -> int:
            row = s.Statement(
                document_id=ids.hostile, source_text=source, source_type="organisation", source_actor_id=source_actor,
                content_text=content, content_start=0, content_end=len(content), direct=False, certainty="reported",
            )
            session.add(row)
            session.flush()
            claims.index(session, [(row.id, content)])
            return row.id

        reworded = add(ids.unian, "UNIAN", claim.content_text.replace("“", "").replace("”", "").replace("over", "more than"))
        echoed = add(ids.caesar, "Caesar", claim.content_text)
    with store.session() as session:
        expected = {i: c.count for i, c in corroboration.for_statements(session, [ids.unian_claim, reworded, echoed]).items()}
    listed = {st["id"]: st["corroboration"] for st in client.get("/api/statements", params={"limit": 500}).json()["items"]}
    assert expected == {ids.unian_claim: 3, reworded: 3, echoed: 1}
    assert {i: listed[i] for i in expected} == expected
    assert ids.unian_claim in {st["id"] for st in client.get("/api/statements", params={"min_corroboration": 3}).json()["items"]}
    assert echoed in {st["id"] for st in client.get("/api/statements", params={"max_corroboration": 1}).json()["items"]}


def test_mark_statement_wrong_from_the_api(writable):
    client, ids = writable
    before = {st["id"]: st for st in client.get("/api/statements", params={"limit": 500}).json()["items"]}
    assert before[ids.copy_claim]["corroboration"] == 2
    response = client.post(f"/api/statements/{ids.copy_claim}/wrong", json={"note": "not in the article"}, headers=AUTH)
    assert response.status_code == 200, response.text
    after = {st["id"]: st for st in client.get("/api/statements", params={"limit": 500}).json()["items"]}
    assert after[ids.copy_claim]["marked_wrong"] is True
    assert after[ids.unian_claim]["corroboration"] == 1  # the wrong copy no longer corroborates it
    hidden = client.get("/api/statements", params={"limit": 500, "include_wrong": False}).json()["items"]
    assert ids.copy_claim not in {st["id"] for st in hidden}
    assert client.post("/api/statements/999999/wrong", json={}, headers=AUTH).status_code == 404
    page = client.get("/statements").text
    assert "marked wrong" in page and f'action="/api/statements/{ids.unian_claim}/wrong"' in page


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_every_endpoint_and_page_on_postgresql(db, tmp_path):
    """The same queries on PostgreSQL: full-text search (tsvector), filters, corroboration, graph, exports."""
    db, ids = servedata.build(tmp_path, db)
    store = Store(db)
    try:
        client = TestClient(create_app(store, ServeSettings(token=TOKEN, read_only=False, rate=10_000, burst=10_000)))
        assert [d["id"] for d in client.get("/api/documents", params={"q": "Konzinka"}).json()["items"]] == [ids.seed]
        assert client.get("/api/search", params={"q": "Legion of Freedom of Russia"}).json()["actors"][0]["id"] == ids.legion
        statements = client.get("/api/statements", params={"min_corroboration": 2, "source": "unian"}).json()["items"]
        assert {ids.unian_claim, ids.copy_claim} <= {st["id"] for st in statements}
        with store.session() as session:
            support = corroboration.for_statements(session, [st["id"] for st in statements])
        assert all(support[st["id"]].count == st["corroboration"] >= 2 for st in statements)
        about = {st["id"] for st in client.get("/api/statements", params={"about_actor_id": ids.legion, "limit": 500}).json()["items"]}
        assert ids.unian_claim in about and not about & {ids.copy_claim, ids.caesar_quote}  # as on SQLite
        events = client.get("/api/events", params={"actor_id": ids.legion, "located": True, "date_from": "2023-01-01"}).json()["items"]
        assert ids.kozinka_event in {e["id"] for e in events} and ids.press_event not in {e["id"] for e in events}
        edges = {(e["data"]["source"], e["data"]["relation"]) for e in client.get("/api/graph").json()["edges"]}
        assert (str(ids.unian), "speaks_about") in edges
        for url in ("/api/actors", "/api/aliases", "/api/places", "/api/outlets", "/api/stories", f"/api/actors/{ids.legion}/dossier",
                    f"/api/documents/{ids.seed}", "/", "/search?q=Legion", f"/actors/{ids.legion}", "/statements?certainty=reported",
                    f"/documents/{ids.seed}?hl=10-20", "/timeline", "/map", "/graph"):
            assert client.get(url).status_code == 200, url
        for name in client.get("/api/exports").json()["formats"]:
            assert client.get(f"/api/exports/{name}", params={"table": "statements"}).status_code == 200, name
        wrong = client.post(f"/api/statements/{ids.copy_claim}/wrong", json={}, headers=AUTH)
        assert wrong.status_code == 200, wrong.text
    finally:
        store.close()


@dataclass
class Timer:
    """The cache's clock is fake in these tests: its timers are kept, and fired by the test (`cache._due(key)`)."""

    delay: float
    callback: object
    key: bytes


class FakeApp:
    """An ASGI app whose answer to every GET is the number of times it was called."""

    def __init__(self):
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        body = str(self.calls).encode()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def test_response_cache_serves_a_stale_answer_only_within_max_stale_after_a_write():
    inner, version, now = FakeApp(), [1], [0.0]
    cache = ResponseCache(inner, version=lambda: version[0], max_stale=2.0, clock=lambda: now[0], call_later=Timer)

    async def get(path: str = "/api/actors") -> tuple[str, str]:
        sent = []

        async def send(message):
            sent.append(message)

        await cache({"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}, None, send)
        await asyncio.sleep(0)  # let a background refresh run
        return dict(sent[0]["headers"])[b"x-cache"].decode(), sent[-1]["body"].decode()

    async def scenario():
        assert await get() == ("miss", "1")
        now[0] = 5.0
        assert await get() == ("hit", "1")  # unchanged store: kept however long
        version[0] = 2  # a write commits after t=5, the last moment version 1 was seen
        now[0] = 5.5
        assert await get() == ("stale", "1")  # served while one request recomputes it (computed more than max_stale / 2 ago)
        assert inner.calls == 2
        assert await get() == ("hit", "2")
        version[0] = 3
        now[0] = 6.0
        assert await get() == ("stale", "2")  # computed 0.5 s ago: served, recomputed once it is max_stale / 2 old
        assert inner.calls == 2
        now[0] = 6.5
        assert await get() == ("stale", "2")
        assert inner.calls == 3
        version[0] = 4
        now[0] = 9.0  # more than max_stale since version 3 was last seen: never served stale
        assert await get() == ("miss", "4")
        assert await get("/api/documents") == ("miss", "5")

    asyncio.run(scenario())


def test_requests_waiting_for_a_recomputation_take_it_when_a_write_commits_meanwhile():
    """Under a steady ingest a commit lands during most recomputations: waiting requests must not each start another."""
    inner, version, now, release = FakeApp(), [1], [0.0], asyncio.Event()
    answer = inner.__call__

    async def slow(scope, receive, send):
        if inner.calls:
            await release.wait()
        await answer(scope, receive, send)

    cache = ResponseCache(slow, version=lambda: version[0], max_stale=2.0, clock=lambda: now[0], call_later=Timer)

    async def get(sent: list) -> None:
        async def send(message):
            sent.append(message)

        await cache({"type": "http", "method": "GET", "path": "/api/actors", "query_string": b"", "headers": []}, None, send)

    async def scenario():
        await get(first := [])
        version[0], now[0] = 2, 10.0  # past the bound: the next request waits for a fresh answer
        waiting = asyncio.ensure_future(get(computing := []))
        await asyncio.sleep(0)
        version[0], now[0] = 3, 10.5  # a commit while it is computed
        late = asyncio.ensure_future(get(taking := []))
        await asyncio.sleep(0)
        release.set()
        await asyncio.gather(waiting, late)
        assert inner.calls == 2
        assert [m["body"] for m in (first[-1], computing[-1], taking[-1])] == [b"1", b"2", b"2"]
        assert dict(taking[0]["headers"])[b"x-cache"] == b"stale" and dict(taking[0]["headers"])[b"age"] == b"0"

    asyncio.run(scenario())


def test_a_request_past_the_bound_moves_a_queued_background_refresh_up_and_takes_its_answer():
    """Refreshes wait behind requests for the store (serve/gate.py): one a request needs goes first, and only once."""
    inner, version, now = FakeApp(), [1], [0.0]
    answer = inner.__call__
    gate = Gate(1)

    order = []

    async def app(scope, receive, send):
        async with gate.hold(scope.get(BACKGROUND, False)):
            order.append("actors refresh" if scope.get(BACKGROUND) else "actors")
            await answer(scope, receive, send)

    cache = ResponseCache(app, version=lambda: version[0], max_stale=2.0, clock=lambda: now[0], call_later=Timer)

    async def get() -> tuple[str, str]:
        sent = []

        async def send(message):
            sent.append(message)

        await cache({"type": "http", "method": "GET", "path": "/api/actors", "query_string": b"", "headers": []}, None, send)
        return dict(sent[0]["headers"])[b"x-cache"].decode(), sent[-1]["body"].decode()

    async def scenario():
        assert await get() == ("miss", "1")
        release = asyncio.Event()

        async def busy(name: str, background: bool) -> None:  # requests and refreshes of other pages
            async with gate.hold(background):
                order.append(name)
                if name == "request":
                    await release.wait()

        others = [asyncio.ensure_future(busy("request", False))]
        await asyncio.sleep(0)
        others.append(asyncio.ensure_future(busy("other refresh", True)))
        await asyncio.sleep(0)
        version[0], now[0] = 2, 1.5
        assert await get() == ("stale", "1")  # starts a background refresh, queued behind the other one
        await asyncio.sleep(0)
        now[0] = 4.0
        past = asyncio.ensure_future(get())  # past the bound: needs the refresh's answer
        await asyncio.sleep(0)
        release.set()
        assert await asyncio.wait_for(past, 1) == ("hit", "2")
        await asyncio.gather(*others, *cache.refreshing)
        assert inner.calls == 2 and order == ["actors", "request", "actors refresh", "other refresh"]
        assert not cache.in_background and not cache.hurry

    asyncio.run(scenario())


def test_a_served_answer_is_refreshed_once_half_the_bound_old_even_if_nobody_asks_then():
    """A page asked for every few seconds would otherwise pass the bound before its next request, which then waits."""
    inner, version, now = FakeApp(), [1], [0.0]
    cache = ResponseCache(inner, version=lambda: version[0], max_stale=2.0, clock=lambda: now[0], call_later=Timer)
    key, scope = b"/api/actors?", {"type": "http", "method": "GET", "path": "/api/actors", "query_string": b"", "headers": []}

    async def get() -> str:
        sent = []

        async def send(message):
            sent.append(message)

        await cache(dict(scope), None, send)
        return dict(sent[0]["headers"])[b"x-cache"].decode()

    async def due(at: float) -> None:  # the timer fires
        assert key in cache.timers
        now[0] = at
        cache._due(key)
        await asyncio.gather(*cache.refreshing)

    async def scenario():
        assert await get() == "miss"
        assert cache.timers[key].delay == 1.0  # at half the bound
        await due(1.0)
        assert inner.calls == 1  # nothing was written: looked at again in half the bound
        assert cache.timers[key].delay == 1.0
        now[0] = 1.25
        assert await get() == "hit"
        version[0] = 2
        await due(1.5)
        assert inner.calls == 2  # refreshed without a request
        assert await get() == "hit"
        version[0] = 3
        await due(2.5)
        assert inner.calls == 3  # and again: it was asked for within the bound (at 1.5)
        version[0] = 4
        await due(3.75)
        assert inner.calls == 4  # asked for 2.25 s ago: within twice the bound, still kept fresh
        version[0] = 5
        await due(4.75)
        assert inner.calls == 5
        version[0] = 6
        await due(5.75)
        assert inner.calls == 6 and key not in cache.timers  # last asked for more than twice the bound ago: left alone
        now[0] = 6.0
        assert await get() == "hit"
        version[0] = 7
        await due(11.0)  # past the bound: left to the next request
        assert inner.calls == 6 and key not in cache.timers
        assert await get() == "miss"

    asyncio.run(scenario())


def test_requests_arriving_together_start_one_refresh():
    inner, version, now = FakeApp(), [1], [0.0]
    cache = ResponseCache(inner, version=lambda: version[0], max_stale=2.0, clock=lambda: now[0], call_later=Timer)

    async def get() -> None:
        async def send(message):
            pass

        await cache({"type": "http", "method": "GET", "path": "/api/actors", "query_string": b"", "headers": []}, None, send)

    async def scenario():
        await get()
        version[0], now[0] = 2, 1.5
        await asyncio.gather(get(), get(), get())
        await asyncio.gather(*cache.refreshing)
        assert inner.calls == 2

    asyncio.run(scenario())


class Worker:
    """One server worker process in miniature: its own cache over the shared file, an app that records what it computes."""

    def __init__(self, name: str, shared: SharedEntries, version, now, gated: asyncio.Event | None = None):
        self.name, self.paths, self.gated = name, [], gated
        self.cache = ResponseCache(self.app, version=lambda: version[0], max_stale=2.0, clock=lambda: now[0], shared=shared, call_later=Timer)

    async def app(self, scope, receive, send):
        if self.gated is not None and scope.get(BACKGROUND):
            await self.gated.wait()
        self.paths.append(scope["path"])
        body = f"{self.name}{len(self.paths)}".encode()
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": body})

    async def get(self, path: str) -> tuple[str, str, str]:
        sent = []

        async def send(message):
            sent.append(message)

        await self.cache({"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}, None, send)
        await asyncio.sleep(0)
        headers = dict(sent[0]["headers"])
        assert headers[b"content-type"] == b"text/plain"
        return headers[b"x-cache"].decode(), sent[-1]["body"].decode(), headers.get(b"age", b"-").decode()


def test_workers_sharing_a_cache_compute_each_answer_once(tmp_path):
    version, now, release = [1], [0.0], asyncio.Event()
    path = tmp_path / "responses.db"
    a = Worker("a", SharedEntries(path, owner=1), version, now, gated=release)
    b = Worker("b", SharedEntries(path, owner=2), version, now)

    async def at(moment: float, worker: Worker, path: str) -> tuple[str, str, str]:
        now[0] = moment
        return await worker.get(path)

    async def scenario():
        assert await at(1.0, a, "/api/actors") == ("miss", "a1", "-")
        assert await at(1.5, b, "/api/actors") == ("hit", "a1", "0")  # computed by a, replayed by b (up since t=0)
        assert await at(1.5, b, "/api/documents") == ("miss", "b1", "-")
        version[0] = 2  # a write commits
        assert (await at(2.0, b, "/api/documents"))[0] == "stale"  # b sees version 2 from t=2 on (and refreshes this)
        assert await at(2.1, a, "/api/actors") == ("stale", "a1", "1")  # a claims the recomputation, which waits
        assert await at(2.2, b, "/api/actors") == ("stale", "a1", "1")  # b leaves it to a and serves its stale copy
        now[0] = 2.25
        b.cache._due(b"/api/actors?")  # b's timer: a still recomputes it, b looks again soon
        assert "/api/actors" not in b.paths and b.cache.timers[b"/api/actors?"].delay == 0.25
        release.set()
        await asyncio.gather(*a.cache.refreshing)
        assert await at(2.3, b, "/api/actors") == ("hit", "a2", "0")  # a started it after b saw version 2
        assert a.paths == ["/api/actors", "/api/actors"] and "/api/actors" not in b.paths
        version[0] = 3
        assert await at(3.0, a, "/api/documents") == ("miss", "a3", "-")  # a sees version 3 from t=3 on
        assert await at(3.1, b, "/api/documents") == ("stale", "a3", "0")  # started before b saw version 3: not a hit
        assert await at(3.2, b, "/api/actors") == ("stale", "a2", "1")  # computed before version 3; b recomputes it
        assert await at(3.3, a, "/api/actors") == ("hit", "b2", "0")
        assert b.paths == ["/api/documents", "/api/actors"]

    asyncio.run(scenario())


def test_a_claim_to_recompute_lapses_and_a_broken_shared_file_only_stops_sharing(tmp_path):
    one, two = SharedEntries(tmp_path / "r.db", owner=1), SharedEntries(tmp_path / "r.db", owner=2)
    assert one.claim(b"/x?", now=0.0, hold=5.0)
    assert not two.claim(b"/x?", now=1.0, hold=5.0)
    assert one.claim(b"/x?", now=1.0, hold=5.0)  # its own claim, extended to t=6
    assert not two.claim(b"/x?", now=5.0, hold=5.0)
    assert two.claim(b"/x?", now=6.0, hold=5.0)  # lapsed: its worker may have died
    start = {"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html; charset=utf-8")]}
    two.put(b"/x?", 6.5, start, b"<p>x</p>")  # releases its claim
    assert one.claim(b"/x?", now=6.6, hold=5.0)
    assert one.get(b"/x?") == (6.5, start, b"<p>x</p>")
    one.put(b"/x?", 6.0, start, b"older")  # computed before the kept one: not kept
    assert two.get(b"/x?")[2] == b"<p>x</p>"

    two.connection.close()
    inner = FakeApp()
    cache = ResponseCache(inner, version=lambda: 1, shared=two)

    async def get() -> str:
        sent = []

        async def send(message):
            sent.append(message)

        await cache({"type": "http", "method": "GET", "path": "/x", "query_string": b"", "headers": []}, None, send)
        return dict(sent[0]["headers"])[b"x-cache"].decode()

    assert asyncio.run(get()) == "miss" and asyncio.run(get()) == "hit" and inner.calls == 1


def test_the_shared_file_forgets_the_least_recently_computed_answers_beyond_its_size(tmp_path):
    shared = SharedEntries(tmp_path / "r.db", max_bytes=250)
    start = {"type": "http.response.start", "status": 200, "headers": []}
    for n in range(5):
        shared.put(f"/{n}?".encode(), float(n), start, b"x" * 100)
    shared.prune()
    assert [shared.computed(f"/{n}?".encode()) for n in range(5)] == [None, None, None, 3.0, 4.0]


def test_server_workers_share_answers_and_a_correction_is_never_answered_from_before_it(writable, tmp_path):
    client, ids = writable
    store = client.app.state.store
    settings = ServeSettings(token=TOKEN, read_only=False, max_stale=60, rate=10_000, burst=10_000,
                             shared_cache=str(tmp_path / "responses.db"))
    one, two = TestClient(create_app(store, settings)), TestClient(create_app(store, settings))
    url = f"/api/actors/{ids.legion}"
    assert one.get("/api/actors").headers["x-cache"] == "miss"  # worker one has seen the store's version
    computed = two.get(url)
    assert computed.headers["x-cache"] == "miss"
    replayed = one.get(url)
    assert replayed.headers["x-cache"] == "hit" and replayed.json() == computed.json()
    assert "content-security-policy" in replayed.headers
    split = two.post(f"{url}/split", json={"alias_keys": ["Legion"]}, headers=AUTH)
    assert split.status_code == 200, split.text
    after = two.get(url)
    assert after.headers["x-cache"] == "miss" and "Legion" not in {a["name"] for a in after.json()["aliases"]}


def test_a_worker_that_cannot_open_the_shared_file_keeps_its_own_cache(store_with_ids, tmp_path):
    store = Store(store_with_ids[0])
    try:
        settings = ServeSettings(rate=10_000, burst=10_000, shared_cache=str(tmp_path / "missing" / "responses.db"))
        api = TestClient(create_app(store, settings))
        assert [api.get("/api/actors").headers["x-cache"] for _ in range(2)] == ["miss", "hit"]
    finally:
        store.close()


def test_factfile_serve_gives_its_workers_one_cache_file_and_removes_it(store_with_ids, monkeypatch):
    import uvicorn

    from factfile.serve.app import SETTINGS_VARIABLE

    monkeypatch.delenv(SETTINGS_VARIABLE, raising=False)  # restored after the test: serve sets it for its workers
    monkeypatch.delenv("FACTFILE_DB", raising=False)
    seen = []

    def run(*args, **kwargs):
        shared = json.loads(os.environ[SETTINGS_VARIABLE])["shared_cache"]
        seen.append((kwargs["workers"], shared, shared and Path(shared).parent.is_dir()))

    monkeypatch.setattr(uvicorn, "run", run)
    runner = CliRunner()
    for options in (["--workers", "2"], ["--workers", "2", "--no-share-cache"], ["--workers", "1"]):
        result = runner.invoke(app, ["--db", store_with_ids[0], "serve", *options])
        assert result.exit_code == 0, result.output
    assert [(w, bool(s), d) for w, s, d in seen] == [(2, True, True), (2, False, None), (1, False, None)]
    assert not Path(seen[0][1]).parent.exists()


def test_cached_pages_follow_a_committed_write(writable):
    client, ids = writable
    app = create_app(client.app.state.store, ServeSettings(max_stale=0, rate=10_000, burst=10_000))
    api = TestClient(app)
    url = f"/api/actors/{ids.caesar}"
    assert api.get(url).headers["x-cache"] == "miss"
    assert api.get(url).headers["x-cache"] == "hit"
    with client.app.state.store.transaction() as session:
        session.get(s.Actor, ids.caesar).name = "Denis Kapustin"
    fresh = api.get(url)
    assert fresh.headers["x-cache"] == "miss" and fresh.json()["name"] == "Denis Kapustin"
    assert "content-security-policy" in fresh.headers
    assert api.get("/static/app.css").headers.get("x-cache") is None  # static files answer conditional requests themselves


def test_a_burst_cannot_starve_the_connection_pool(store_with_ids):
    """More requests at once than pool connections and threads: each finishes and hands its connection back.

    Before the session gate, finished requests held their connections while waiting for a thread to serialize
    their answers, and the threads waited for connections: stuck until the pool's 30 s timeout, then 500s.
    """
    store = Store(store_with_ids[0])
    app = create_app(store, ServeSettings(cache=False, rate=10_000, burst=10_000))

    async def burst() -> list[int]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = 2
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=60) as api:
            with anyio.fail_after(20):
                answers = await asyncio.gather(*(api.get("/api/actors", params={"limit": 5, "offset": n}) for n in range(40)))
        return [a.status_code for a in answers]

    try:
        assert asyncio.run(burst()) == [200] * 40
        assert store.engine.pool.checkedout() == 0
    finally:
        store.close()


def test_a_correction_is_seen_at_once_by_the_process_that_made_it(writable):
    client, ids = writable
    api = TestClient(create_app(client.app.state.store, ServeSettings(token=TOKEN, read_only=False, max_stale=60)))
    url = f"/api/actors/{ids.legion}"
    api.get(url)
    assert api.get(url).headers["x-cache"] == "hit"
    split = api.post(f"{url}/split", json={"alias_keys": ["Legion"]}, headers=AUTH)
    assert split.status_code == 200, split.text
    after = api.get(url)
    assert after.headers["x-cache"] == "miss" and "Legion" not in {a["name"] for a in after.json()["aliases"]}


def test_requests_waiting_for_the_store_go_before_background_refreshes():
    gate, order, done = Gate(1), [], asyncio.Event()

    async def use(name: str, background: bool) -> None:
        async with gate.hold(background):
            order.append(name)
            if name == "first":
                await done.wait()

    async def scenario():
        holder = asyncio.ensure_future(use("first", False))
        await asyncio.sleep(0)
        refreshes = [asyncio.ensure_future(use(f"refresh {i}", True)) for i in range(3)]
        cancelled = asyncio.ensure_future(use("gone", False))
        await asyncio.sleep(0)
        cancelled.cancel()
        request = asyncio.ensure_future(use("request", False))
        await asyncio.sleep(0)
        done.set()
        await asyncio.gather(holder, request, *refreshes)
        assert order == ["first", "request", "refresh 0", "refresh 1", "refresh 2"] and gate.free == 1

    asyncio.run(scenario())


def test_a_request_reads_one_snapshot_while_an_ingest_commits(writable):
    """A fact committed between two queries of one dossier request is not seen by the second: the page
    neither fails (a value in the second list the first never counted) nor answers a false 404.
    Without the response cache, as `serve --no-cache` (or a cache miss) computes every answer."""
    from sqlalchemy import event

    _, ids = writable
    store = _.app.state.store
    client = TestClient(create_app(store, ServeSettings(cache=False, rate=10_000, burst=10_000)))
    database = store.engine.url.database
    fired, seen = [], []

    def commit_meanwhile(conn, cursor, statement, parameters, context, executemany):
        if fired or not statement.startswith("SELECT DISTINCT facts.predicate, facts.value"):
            return
        fired.append(statement)
        with sqlite3.connect(database) as writer:
            document_id, start, end, sent_start, sent_end = writer.execute(
                "SELECT document_id, start, end, sent_start, sent_end FROM facts WHERE actor_id = ? LIMIT 1", (ids.legion,)
            ).fetchone()
            writer.execute(
                "INSERT INTO facts (document_id, actor_id, predicate, value, start, end, sent_start, sent_end) VALUES (?, ?, 'size', ?, ?, ?, ?, ?)",
                (document_id, ids.legion, f"written meanwhile {len(seen)}", start, end, sent_start, sent_end),
            )

    event.listen(store.engine, "before_cursor_execute", commit_meanwhile)
    try:
        for url in (f"/api/actors/{ids.legion}/dossier", f"/actors/{ids.legion}"):
            fired.clear()
            seen.append(url)
            response = client.get(url)
            assert fired, "the dossier no longer reads the outlets behind each fact: move the hook"
            assert response.status_code == 200, (url, response.status_code, response.text[:300])
            assert f"written meanwhile {len(seen)}" not in response.text
        assert f"written meanwhile {len(seen)}" in client.get(f"/api/actors/{ids.legion}/dossier").text  # the next request sees it
    finally:
        event.remove(store.engine, "before_cursor_execute", commit_meanwhile)
def test_disputes_api_and_page_list_the_legions_size_with_each_sides_sources(served):
    client, ids = served
    answer = client.get("/api/disputes", params={"actor_id": ids.legion})
    assert answer.status_code == 200
    size = [d for d in answer.json()["items"] if d["attribute"] == "size"]
    assert len(size) == 1 and size[0]["subject"] == "Legion of Freedom of Russia"
    by_value = {side["value"]: side for side in size[0]["sides"]}
    assert "Radio Free Europe/Radio Liberty" in by_value["4,000"]["sources"]
    assert all(side["evidence"] and side["certainty"] and side["outlets"] for side in by_value.values())
    assert not [d for d in answer.json()["items"] if d["attribute"] == "founded"]
    page = client.get("/disputes").text
    assert 'data-attribute="size"' in page and "Legion of Freedom of Russia" in page
