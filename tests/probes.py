"""Hostile HTTP probes shared by the tests and `bench/hostile.py`: both must send the same attack."""

from __future__ import annotations

import select
import socket

MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def huge_head(address: str, header_bytes: int = 200 * MB, timeout: float = 60) -> tuple[bytes, int]:
    """Send a request whose one header grows toward `header_bytes`; stop once the server answers.
    Returns the answer's status line and how many bytes were sent by then."""
    host, port = address.split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=timeout) as connection:
        connection.sendall(b"GET /api/actors HTTP/1.1\r\nHost: factfile\r\nX-Padding: ")
        chunk = b"a" * (64 * 1024)
        try:
            while sent < header_bytes and not select.select([connection], [], [], 0)[0]:
                connection.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        try:
            while b"\r\n" not in answer:
                part = connection.recv(4096)
                if not part:
                    break
                answer += part
        except ConnectionResetError:
            pass
    return answer.split(b"\r\n", 1)[0], sent
