"""Hostile HTTP against a real server (uvicorn with factfile's protocol and options, or `factfile serve`):
huge request heads, spoofed X-Forwarded-For, 2^64 ids. Each gets a 4xx, and the rate limit counts it.

TestClient cannot show these: it bypasses uvicorn, where heads are parsed and proxy headers believed.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from probes import MB, free_port, huge_head

from factfile.serve.app import create_app
from factfile.serve.protocol import server_options
from factfile.serve.security import ServeSettings
from factfile.store import Store


@contextmanager
def serving(tmp_path, **settings) -> Iterator[str]:
    """A uvicorn server in a thread on a free port, configured as `factfile serve` configures it."""
    options = ServeSettings(cache=False, **settings)
    store = Store(tmp_path / "store.db")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store, options), log_level="error", **server_options(options)))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        for _ in range(600):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started, "the test server did not start"
        yield f"127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(30)
        listener.close()
        store.close()


def test_a_200_mb_header_gets_431_after_a_bounded_read(tmp_path):
    with serving(tmp_path) as address:
        status, sent = huge_head(address)
        assert status == b"HTTP/1.1 431 Request Header Fields Too Large"
        assert sent < 32 * MB, f"the server read {sent >> 20} MB of one header before refusing it"
        assert httpx.get(f"http://{address}/api/actors").status_code == 200, "the server still answers"


def test_refused_heads_count_toward_the_rate_limit(tmp_path):
    with serving(tmp_path, rate=0.001, burst=3) as address:
        first, _ = huge_head(address, 4 * MB)
        second, _ = huge_head(address, 4 * MB)
        statuses = [httpx.get(f"http://{address}/api/actors").status_code for _ in range(2)]
        third, _ = huge_head(address, 4 * MB)
    assert first == second == b"HTTP/1.1 431 Request Header Fields Too Large"
    assert statuses == [200, 429], "two refused heads and one request used the burst of 3"
    assert third.startswith(b"HTTP/1.1 429")


def test_spoofed_x_forwarded_for_does_not_escape_the_rate_limit(tmp_path):
    with serving(tmp_path, rate=0.001, burst=5) as address:
        statuses = [
            httpx.get(f"http://{address}/api/actors", headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code for n in range(8)
        ]
    assert statuses == [200] * 5 + [429] * 3


def test_x_forwarded_for_names_the_client_behind_a_trusted_proxy(tmp_path):
    with serving(tmp_path, rate=0.001, burst=2, trusted_proxies=("127.0.0.1",)) as address:
        def get(client: str) -> int:
            return httpx.get(f"http://{address}/api/actors", headers={"X-Forwarded-For": client}).status_code

        apart = [get(f"203.0.113.{n}") for n in range(4)]
        same = [get("198.51.100.7") for _ in range(3)]
    assert apart == [200] * 4, "each client behind the proxy has its own bucket"
    assert same == [200, 200, 429]


@pytest.mark.parametrize("number", [2**63, 2**64, -(2**63) - 1])
def test_ids_beyond_64_bits_get_4xx_from_the_real_server(tmp_path, number):
    with serving(tmp_path) as address:
        answers = [
            httpx.get(f"http://{address}/api/actors/{number}"),
            httpx.get(f"http://{address}/api/documents", params={"offset": number}),
            httpx.get(f"http://{address}/api/statements", params={"source_actor_id": number}),
            httpx.get(f"http://{address}/actors/{number}"),
        ]
    assert [a.status_code for a in answers] == [422] * 4


def test_factfile_serve_ignores_x_forwarded_for_and_refuses_huge_heads(tmp_path):
    """The command itself, so that its options reach uvicorn."""
    port = free_port()
    command = [sys.executable, "-c", "from factfile.cli import app; app()", "--db", str(tmp_path / "store.db"),
               "serve", "--port", str(port), "--rate", "0.001", "--burst", "4", "--no-cache"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    address = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                first = httpx.get(f"http://{address}/api/actors", headers={"X-Forwarded-For": "203.0.113.1"}, timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "factfile serve did not answer within 120 s"
                time.sleep(0.2)
        status, sent = huge_head(address)
        spoofed = [httpx.get(f"http://{address}/api/actors", headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
                   for n in range(2, 5)]
    finally:
        server.terminate()
        server.wait(10)
    assert first.status_code == 200
    assert status == b"HTTP/1.1 431 Request Header Fields Too Large" and sent < 32 * MB
    assert spoofed == [200, 200, 429], "burst of 4: one request, one refused head, two more"
