"""End to end in real headless Chromium (Debian's `chromium`, driven by Playwright): the server runs on
loopback, the browser searches, opens a dossier, follows a claim to its evidence, and loads the map and
the graph. Outside CI the tests skip when Chromium is not installed; in CI (CI=true) they fail instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import uvicorn
from playwright import sync_api

import servedata
from factfile.serve.app import create_app
from factfile.serve.security import ServeSettings
from factfile.serve.web import VENDOR
from factfile.store import Store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOKEN = "browser-test-token"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not os.path.exists(CHROMIUM) or not VENDOR.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"browser tests need {CHROMIUM} and the vendored front-end libraries (make install)")
    pytest.skip("Chromium or the vendored front-end libraries are missing", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _running(store: Store, settings: ServeSettings) -> Iterator[str]:
    """The app on a free loopback port, for the duration of the block."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[str, servedata.Ids]]:
    """The read-only app on a loopback port, serving the test store."""
    db, ids = servedata.build(tmp_path_factory.mktemp("browser"))
    store = Store(db)
    with _running(store, ServeSettings(rate=10_000, burst=10_000)) as base:
        yield base, ids
    store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site):
    """A fresh page that records console errors, failed requests and dialogs (an XSS would open one)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.problems.append("dialog: " + dialog.message), dialog.dismiss()))
    page.on("requestfailed", lambda request: page.problems.append("failed: " + request.url))
    page.on("request", lambda request: request.url.startswith(site[0]) or page.problems.append("outside: " + request.url))
    yield page
    context.close()


def test_search_dossier_claim_evidence(page, site):
    base, ids = site
    page.goto(base + "/")
    page.fill("input#q", "Legion of Freedom of Russia")
    page.press("input#q", "Enter")
    page.wait_for_url("**/search?q=*")
    page.click(f"ul.actors a[href='/actors/{ids.legion}']")
    page.wait_for_url(f"**/actors/{ids.legion}")
    assert page.locator("h1").inner_text() == "Legion of Freedom of Russia"
    assert "several hundred soldiers" in page.locator("#disputed").inner_text()

    claim = page.locator("#about a.claim").first
    claimed = claim.inner_text().strip("“”")
    claim.click()
    page.wait_for_url(f"**/documents/{ids.seed}?hl=*")
    focus = page.locator("#text .focus")
    assert "".join(focus.all_inner_texts()) == claimed
    anchor = page.locator("#focus")
    assert anchor.is_visible()
    assert anchor.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert page.evaluate("getComputedStyle(document.querySelector('#focus')).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.problems == []


def test_dossier_shows_the_legions_size_dispute_with_each_sides_source(page, site):
    """The seed's member counts are one dispute about the Legion's size; each side names who says it and
    quotes its sentence; the founding date is not disputed. The disputes page lists the same dispute."""
    base, ids = site
    page.goto(f"{base}/actors/{ids.legion}")
    size = page.locator("#disputed .dispute[data-attribute='size']")
    assert size.count() == 1
    sides = {side.locator(".big").inner_text(): side for side in size.locator(".side").all()}
    assert {"4,000", "over 100"} <= set(sides) and any(value.startswith("several hundred") for value in sides)
    assert "Radio Free Europe/Radio Liberty" in sides["4,000"].locator(".sources").inner_text()
    assert "UNIAN" in sides["over 100"].locator(".sources").inner_text()
    assert "number of members had risen to 4,000" in sides["4,000"].locator("blockquote").first.inner_text()
    assert page.locator("#disputed .dispute[data-attribute='founded']").count() == 0
    page.click(f"a[href='/disputes?actor_id={ids.legion}']")
    page.wait_for_url(f"**/disputes?actor_id={ids.legion}")
    assert page.locator(".dispute[data-attribute='size'] .side").count() == len(sides)
    assert not page.problems


def test_profile_fact_evidence_is_highlighted(page, site):
    base, ids = site
    page.goto(f"{base}/actors/{ids.legion}")
    claim = page.locator("#profile a.claim").first
    marked = claim.locator("mark").inner_text()
    claim.click()
    page.wait_for_selector("#focus")
    assert "".join(page.locator("#text .focus").all_inner_texts()) == marked
    assert page.problems == []


def test_hostile_article_executes_nothing(page, site):
    base, ids = site
    page.goto(f"{base}/documents/{ids.hostile}")
    page.wait_for_load_state("load")
    text = page.locator("main").inner_text()
    assert "<script>window.__pwned = 1</script>" in text and 'onerror="window.__pwned = 2"' in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main script, main img, main svg, main a[href^='javascript']").count() == 0
    page.goto(f"{base}/search?q=convoy")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert [p for p in page.problems if not p.startswith("failed: ")] == []


def test_map_draws_offline_outlines_and_located_events(page, site):
    base, ids = site
    page.goto(f"{base}/map?actor_id={ids.legion}")
    page.wait_for_selector("#map[data-ready]", state="attached")
    located = page.request.get(f"{base}/api/events", params={"actor_id": ids.legion, "located": "true", "limit": 500}).json()["total"]
    assert located >= 2  # the two hand-made events, and what the extractors found
    assert page.locator("#map").get_attribute("data-ready") == str(located)
    assert page.locator("#map path.leaflet-interactive").count() == located
    assert page.locator("#map svg path").count() > 100  # country outlines
    assert "Kozinka" in page.locator("#map-events").inner_text()
    page.goto(f"{base}/map")  # the whole store: events, and the places articles mention as a second layer
    page.wait_for_selector("#map[data-ready]", state="attached")
    assert int(page.locator("#map").get_attribute("data-places-shown")) >= 2
    assert page.locator(".leaflet-control-layers").is_visible()
    assert page.problems == []


def test_graph_renders_actor_network(page, site):
    base, ids = site
    page.goto(f"{base}/graph?actor_id={ids.legion}")
    page.wait_for_selector("#graph[data-ready]", state="attached")
    assert int(page.locator("#graph").get_attribute("data-ready")) >= 3
    assert page.locator("#graph canvas").count() >= 1
    assert "relations" in page.locator("#graph-status").inner_text()
    assert page.problems == []


def test_api_explorer_works_offline(page, site):
    base, _ = site
    page.goto(f"{base}/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "factfile" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.problems == []


@pytest.fixture(scope="module")
def writable_site(tmp_path_factory) -> Iterator[tuple[str, servedata.Ids]]:
    """A second server, on its own store, that accepts corrections with TOKEN."""
    db, ids = servedata.build(tmp_path_factory.mktemp("writable"))
    store = Store(db)
    settings = ServeSettings(token=TOKEN, read_only=False, rate=10_000, burst=10_000)
    with _running(store, settings) as base:
        yield base, ids
    store.close()


def test_mark_a_statement_wrong_from_the_dossier(browser, writable_site):
    base, ids = writable_site
    page = browser.new_page()
    page.goto(f"{base}/actors/{ids.legion}")
    row = page.locator(f"#about tr[data-statement='{ids.unian_claim}']")
    row.locator("button", has_text="Mark wrong").click()
    sync_api.expect(page.locator("#correction-status")).to_contain_text("Not saved", timeout=10_000)  # no token yet
    page.fill("#token", TOKEN)
    with page.expect_navigation():
        row.locator("button", has_text="Mark wrong").click()
    row = page.locator(f"#about tr[data-statement='{ids.unian_claim}']")
    assert "wrong" in row.get_attribute("class") and "marked wrong" in row.inner_text()
    page.close()


def test_split_an_actor_from_the_dossier(browser, writable_site):
    base, ids = writable_site
    page = browser.new_page()
    page.goto(f"{base}/actors/{ids.legion}")
    page.fill("#token", TOKEN)
    page.fill("#corrections input[name=other_ids]", str(ids.rvc))
    with page.expect_navigation():
        page.click("#corrections button:has-text('Merge')")
    assert "Russian Volunteer Corps" in page.locator("#aliases").inner_text()
    page.check("#corrections input[name=alias_keys][value='Russian Volunteer Corps']")
    with page.expect_navigation():
        page.click("#corrections button:has-text('Split')")
    assert page.locator("h1").inner_text() == "Russian Volunteer Corps"
    assert not page.url.endswith(f"/actors/{ids.legion}")
    page.close()


def test_the_dossier_marks_what_is_new_for_a_watch_until_it_is_marked_read(browser, writable_site):
    base, ids = writable_site
    page = browser.new_page()
    answer = page.request.post(f"{base}/api/watches", data={"kind": "actor", "target": str(ids.legion), "from_start": True},
                               headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status == 201, answer.text()
    watch = answer.json()
    page.goto(f"{base}/actors/{ids.legion}")
    sync_api.expect(page.locator("#watchbar")).to_contain_text("new since your last visit")
    marked = page.locator("tr.statement.new, li.event.new, .dispute.new")
    assert marked.count() > 0 and marked.locator(".badge.new").count() == marked.count()
    assert page.locator(".badge.new").first.is_visible()
    page.fill("#token", TOKEN)
    with page.expect_navigation():
        page.click("#watchbar button:has-text('Mark as read')")
    sync_api.expect(page.locator("#watchbar")).to_contain_text("Nothing new since your last visit")
    assert page.locator(".badge.new").count() == 0
    feed = page.request.get(f"{base}/watches/{watch['id']}.atom")
    assert feed.ok and "<entry>" not in feed.text()
    assert page.request.delete(f"{base}/api/watches/{watch['id']}", headers={"Authorization": f"Bearer {TOKEN}"}).status == 204
    page.close()
