"""The server's guards: headers, CORS, body size, rate limit, write tokens, no stack traces."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from factfile.serve.cache import ResponseCache
from factfile.serve.security import RateLimit, ServeSettings, install

TOKEN = "s3cret-token"


def make_app(settings: ServeSettings) -> FastAPI:
    app = FastAPI()

    @app.get("/api/actors")
    def actors() -> dict:
        return {"actors": ["Denis Nikitin"]}

    @app.post("/api/corrections")
    async def correct(body: dict) -> dict:
        return {"received": body}

    @app.delete("/api/actors/{actor_id}")
    def delete(actor_id: int) -> dict:
        return {"deleted": actor_id}

    @app.get("/api/boom")
    def boom() -> dict:
        raise RuntimeError("secret path /home/alice/db.sqlite leaked in a traceback")

    install(app, settings)
    return app


def client(**settings) -> TestClient:
    return TestClient(make_app(ServeSettings(**settings)), raise_server_exceptions=False)


def test_every_response_carries_a_csp_that_forbids_inline_script():
    for response in (client().get("/api/actors"), client().get("/nope"), client().post("/api/corrections", json={})):
        policy = response.headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["script-src"] == "'self'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_read_only_by_default_refuses_writes_even_with_a_token():
    api = client(token=TOKEN)
    assert api.get("/api/actors").status_code == 200
    for method in ("post", "delete"):
        path = "/api/corrections" if method == "post" else "/api/actors/1"
        kwargs = {"json": {"x": 1}} if method == "post" else {}
        response = getattr(api, method)(path, headers={"Authorization": f"Bearer {TOKEN}"}, **kwargs)
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]


def test_writable_server_needs_the_right_bearer_token():
    api = client(token=TOKEN, read_only=False)
    assert api.post("/api/corrections", json={"x": 1}).status_code == 401
    assert api.post("/api/corrections", json={"x": 1}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert api.post("/api/corrections", json={"x": 1}, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    ok = api.post("/api/corrections", json={"x": 1}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json() == {"received": {"x": 1}}


def test_not_writable_without_a_token():
    api = client(token=None, read_only=False)
    assert api.post("/api/corrections", json={}, headers={"Authorization": "Bearer "}).status_code == 403


def test_cors_is_closed_by_default_and_open_only_to_configured_origins():
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    closed = client()
    assert "access-control-allow-origin" not in closed.get("/api/actors", headers={"Origin": "https://evil.example"}).headers
    assert "access-control-allow-origin" not in closed.options("/api/actors", headers=preflight).headers

    opened = client(allow_origins=("https://newsroom.example",))
    allowed = opened.get("/api/actors", headers={"Origin": "https://newsroom.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://newsroom.example"
    assert "access-control-allow-origin" not in opened.get("/api/actors", headers={"Origin": "https://evil.example"}).headers


def test_request_bodies_over_the_limit_get_413():
    api = client(token=TOKEN, read_only=False, max_body_bytes=1000)
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    small = api.post("/api/corrections", content=b'{"note": "' + b"a" * 100 + b'"}', headers=auth)
    assert small.status_code == 200
    big = api.post("/api/corrections", content=b'{"note": "' + b"a" * 5000 + b'"}', headers=auth)
    assert big.status_code == 413

    def chunks():  # no Content-Length: the limit must hold on the streamed body itself
        for _ in range(10):
            yield b"a" * 500

    streamed = api.post("/api/corrections", content=chunks(), headers=auth)
    assert streamed.status_code == 413


def test_rate_limit_answers_429_with_retry_after_per_client():
    api = client(rate=1.0, burst=5)
    statuses = [api.get("/api/actors").status_code for _ in range(8)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429] * 3
    refused = api.get("/api/actors")
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.headers["content-security-policy"]


def test_rate_limit_and_headers_cover_cached_answers():
    app = FastAPI()

    @app.get("/api/actors")
    def actors() -> dict:
        return {"actors": ["Denis Nikitin"]}

    app.add_middleware(ResponseCache, version=lambda: 1)  # as create_app does: innermost, under the guards
    install(app, ServeSettings(rate=1.0, burst=3))
    api = TestClient(app)
    answers = [api.get("/api/actors") for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
    assert [a.headers.get("x-cache") for a in answers[:3]] == ["miss", "hit", "hit"]
    assert all("script-src 'self'" in a.headers["content-security-policy"] for a in answers)


def test_token_bucket_refills_with_time_and_tracks_clients_apart():
    now = [0.0]
    limiter = RateLimit(app=None, rate=2.0, burst=2, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(3)] == [0, 0, pytest.approx(0.5)]
    assert limiter.allow("b") == 0
    now[0] += 0.5
    assert limiter.allow("a") == 0
    assert limiter.allow("a") > 0


def test_bucket_table_is_bounded():
    limiter = RateLimit(app=None, rate=1.0, burst=1, max_clients=3)
    for n in range(10):
        limiter.allow(f"10.0.0.{n}")
    assert len(limiter.buckets) == 3


def test_errors_reach_clients_as_json_without_stack_traces():
    response = client().get("/api/boom")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/json")
    body = response.text
    assert "Traceback" not in body and "RuntimeError" not in body and "/home/alice" not in body
    assert response.json() == {"detail": "internal error; the server log has the details"}
    assert "script-src 'self'" in response.headers["content-security-policy"]


HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def test_real_app_escapes_article_text_and_runs_no_inline_script(tmp_path, cli, db):
    """Article-derived text (title, body, names) comes out escaped on every page, under the CSP."""
    import json
    import re

    from factfile.serve.app import create_app
    from factfile.store import Store

    body = (f"Denis Nikitin said on Monday that the Russian Volunteer Corps had crossed the border {HOSTILE}. "
            "Officials in Belgorod said two people were hurt. ") * 3
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps({"title": f"Raid {HOSTILE}", "text": body, "url": "https://news.example/raid"}) + "\n")
    assert cli("ingest", str(source)).exit_code == 0
    app = create_app(Store(db), ServeSettings(rate=1e6, burst=1_000_000))
    api = TestClient(app, raise_server_exceptions=False)
    document = api.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    actors = [a["id"] for a in api.get("/api/actors", params={"limit": 5}).json()["items"]]
    pages = ["/", "/search?q=Nikitin", f"/search?q={HOSTILE}", f"/documents/{document}", "/statements", "/timeline",
             *[f"/actors/{a}" for a in actors]]
    for page in pages:
        response = api.get(page)
        assert response.status_code == 200, page
        html = response.text
        assert "<script>alert" not in html and 'onerror="alert' not in html and "<img src=x" not in html, page
        assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html)), f"inline script on {page}"
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "&lt;script&gt;" in api.get(f"/documents/{document}").text
    refused = api.post(f"/api/actors/{actors[0]}/merge", json={"other_ids": actors[1:2]})
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]


def test_the_read_only_refusal_names_options_that_serve_has():
    import typer.main

    from factfile.cli import app as cli_app

    message = client(token=None).post("/api/corrections", json={}).json()["detail"]
    named = re.findall(r"--[a-z][\w-]*", message)
    serve = typer.main.get_command(cli_app).commands["serve"]
    options = {opt for param in serve.params for opt in param.opts}
    assert named and set(named) <= options, f"{named} in {message!r}"
