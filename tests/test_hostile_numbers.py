"""Integers beyond 64 bits in every parameter of every route (API and pages): a 4xx, never a 500.

SQLite and PostgreSQL store 64-bit integers; binding a larger Python int raised OverflowError deep in
a query, which reached clients as 500. The routes and their parameters are read from the app itself,
so a route added later is covered without touching this file.
"""

from __future__ import annotations

import typing

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel

from factfile.serve.app import create_app, endpoints
from factfile.serve.security import ServeSettings
from factfile.store import Store
from factfile.store import schema as s

TOKEN = "test-token-0123456789"
HOSTILE = (2**63, 2**64, -(2**63) - 1, 10**400, "9" * 5000, "²")
VALID_SAMPLES = {"q": "Kyiv", "format": "csv"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("numbers") / "store.db")
    with store.transaction() as session:  # an actor 1, so that a merge into it gets as far as its other ids
        session.add(s.Actor(name="Russian Volunteer Corps", kind="group", label="ORG"))
    yield create_app(store, ServeSettings(token=TOKEN, read_only=False, rate=1e6, burst=1_000_000, cache=False))
    store.close()


def _params(route: APIRoute):
    """The route's path and query parameters, its dependencies' (paging) included."""
    path, query, todo = [], [], [route.dependant]
    while todo:
        dependant = todo.pop()
        path += dependant.path_params
        query += dependant.query_params
        todo += dependant.dependencies
    return {p.name: p for p in path}.values(), {p.alias: p for p in query}.values()


def _request(client: TestClient, route: APIRoute, path: dict, query: dict, body: dict | None = None):
    method = sorted(route.methods - {"HEAD"})[0]
    url = route.path_format.format(**path)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    return client.request(method, url, params=query, json=body if body is not None else ({} if method != "GET" else None), headers=headers)


def _cases(app):
    """(route, path values, query values, name of the hostile parameter) for every parameter of every route."""
    for route in endpoints(app):
        path_params, query_params = _params(route)
        valid_path = {p.name: VALID_SAMPLES.get(p.name, "1") for p in path_params}
        valid_query = {p.alias: VALID_SAMPLES[p.alias] for p in query_params if p.field_info.is_required() and p.alias in VALID_SAMPLES}
        for param in path_params:
            yield route, param.name, lambda n, name=param.name, path=valid_path, query=valid_query: ({**path, name: str(n)}, query)
        for param in query_params:
            yield route, param.alias, lambda n, name=param.alias, path=valid_path, query=valid_query: (path, {**query, name: str(n)})


def test_every_parameter_of_every_route_refuses_huge_integers(app):
    client = TestClient(app, raise_server_exceptions=False)
    tried, failures = 0, []
    for route, name, values in _cases(app):
        for number in HOSTILE:
            path, query = values(number)
            response = _request(client, route, path, query)
            tried += 1
            if not 400 <= response.status_code < 500 and response.status_code not in (200, 307):
                failures.append(f"{route.path} {name}={str(number)[:24]}: {response.status_code}")
    assert tried > 200, "the walk found the app's routes and parameters"
    assert failures == []


def _int_fields(model: type[BaseModel]) -> list[str]:
    def has_int(annotation) -> bool:
        return annotation is int or any(has_int(a) for a in typing.get_args(annotation))

    return [name for name, field in model.model_fields.items() if has_int(field.annotation)]


def test_every_integer_in_a_request_body_refuses_huge_integers(app):
    client = TestClient(app, raise_server_exceptions=False)
    failures, tried = [], 0
    for route in endpoints(app):
        body = route.body_field
        if body is None or not isinstance(body.field_info.annotation, type) or not issubclass(body.field_info.annotation, BaseModel):
            continue
        model = body.field_info.annotation
        path = {p.name: "1" for p in _params(route)[0]}
        for field in _int_fields(model):
            list_field = typing.get_origin(model.model_fields[field].annotation) is list
            for number in HOSTILE[:4]:
                response = _request(client, route, path, {}, {field: [number] if list_field else number})
                tried += 1
                if response.status_code >= 500:
                    failures.append(f"{route.path} body {field}={number}: {response.status_code}")
    assert tried >= 3, "the merge body's other_ids at least"
    assert failures == []


def test_the_openapi_schema_bounds_every_integer_parameter(app):
    """Clients see the bound, too: every integer parameter in /api/openapi.json has a maximum a store can hold."""
    response = TestClient(app).get("/api/openapi.json")
    assert response.status_code == 200, response.text
    schema = response.json()
    unbounded = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for param in operation.get("parameters", []):
                options = param["schema"].get("anyOf", [param["schema"]])
                for option in options:
                    if option.get("type") == "integer" and option.get("maximum", 2**64) > 2**63 - 1:
                        unbounded.append(f"{method.upper()} {path} {param['name']}")
    assert unbounded == []
