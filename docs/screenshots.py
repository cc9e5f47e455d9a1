"""Screenshots of the web UI for the README: an actor's dossier, the map of events and the actor graph.

    .venv/bin/python docs/screenshots.py --db demo-output/factfile.db --actor "Legion of Freedom of Russia"

Serves the store on a loopback port and drives Debian's headless Chromium (Playwright); writes
docs/dossier.png, docs/map.png and docs/graph.png.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from factfile.read.actors import find_actors
from factfile.serve.app import create_app
from factfile.serve.security import ServeSettings
from factfile.store import Store

DOCS = Path(__file__).parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def serve(store: Store) -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store, ServeSettings(rate=10_000, burst=10_000)), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the store to show")
    parser.add_argument("--actor", default="Legion of Freedom of Russia", help="whose dossier, map and graph")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    store = Store(args.db)
    with store.session() as session:
        matches = find_actors(session, args.actor, limit=1)
    if not matches:
        raise SystemExit(f"{args.db}: no actor named {args.actor!r}")
    actor_id = matches[0].actor.id
    server, base = serve(store)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
            page.goto(f"{base}/actors/{actor_id}")
            page.screenshot(path=DOCS / "dossier.png", full_page=False)
            page.goto(f"{base}/map")
            page.wait_for_selector("#map[data-ready]", state="attached")
            page.wait_for_timeout(500)
            page.screenshot(path=DOCS / "map.png")
            page.goto(f"{base}/graph?actor_id={actor_id}")
            page.wait_for_selector("#graph[data-ready]", state="attached")
            page.wait_for_timeout(500)
            page.screenshot(path=DOCS / "graph.png")
            browser.close()
    finally:
        server.should_exit = True
        store.close()
    print(f"wrote {', '.join(str(DOCS / n) for n in ('dossier.png', 'map.png', 'graph.png'))}")


if __name__ == "__main__":
    main()
