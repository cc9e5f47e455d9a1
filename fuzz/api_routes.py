"""The web app on an empty store, and every (method, path, parameter) a client can set, for fuzz/targets.api.

Read from the app itself, so that a route added later is fuzzed too."""

from __future__ import annotations

import atexit
from pathlib import Path

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from factfile.serve.app import create_app, endpoints
from factfile.serve.security import ServeSettings
from factfile.store import Store


def parameters(route: APIRoute) -> list[tuple[str, str]]:
    """(name, "path" or "query") of the route's parameters, its dependencies' included."""
    found, todo = [], [route.dependant]
    while todo:
        dependant = todo.pop()
        found += [(p.name, "path") for p in dependant.path_params] + [(p.alias, "query") for p in dependant.query_params]
        todo += dependant.dependencies
    return sorted(set(found))


def build(db: Path) -> tuple[TestClient, list[tuple[str, str, str, str]]]:
    store = Store(db)
    atexit.register(store.close)  # an open pool kept the fuzzing process from ending
    app = create_app(store, ServeSettings(rate=1e9, burst=1_000_000_000, cache=False))
    cases = []
    for route in endpoints(app):
        method = sorted(route.methods - {"HEAD"})[0]
        if method != "GET":
            continue
        url = route.path_format
        for name, where in parameters(route):
            others = [n for n, w in parameters(route) if w == "path" and n != name]
            filled = url
            for other in others:
                filled = filled.replace("{" + other + "}", "1")
            cases.append((method, filled, name, where))
    return TestClient(app, raise_server_exceptions=False), cases
