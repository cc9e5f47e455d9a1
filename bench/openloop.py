"""An open-loop HTTP/1.1 load generator on raw asyncio: cheap enough to share 2 cores with the server it measures.

Requests are sent on a fixed schedule (`rate` per second) whatever the server does, over keep-alive
connections (a new one is opened when all are busy), and each latency counts from when the request was
*due*, not when it went out: a server that falls behind shows it in the percentiles instead of quietly
lowering the rate (coordinated omission). A client that falls behind its own schedule shows it too,
as `late` sends. Parsing is the minimum HTTP/1.1 needs (status line, Content-Length, chunked bodies).

    result = asyncio.run(run("127.0.0.1", 8000, ["/api/actors"], rate=200, seconds=20))
    print(result.summary())
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

TIMEOUT = 10.0  # seconds before a request counts as an error
KEEP_ALIVE = 2.0  # seconds an idle connection is reused (uvicorn closes them after 5)


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        return cls(*await asyncio.open_connection(host, port))

    async def get(self, host: str, path: str) -> tuple[int, dict[str, str], bool]:
        """(status, headers, whether the server keeps the connection open)."""
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: factfile-load\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip().lower()
        if headers.get("transfer-encoding") == "chunked":
            while chunk := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(chunk + 2)
            await self.reader.readuntil(b"\r\n")
        else:
            await self.reader.readexactly(int(headers.get("content-length", 0)))
        return status, headers, headers.get("connection") != "close"

    def close(self) -> None:
        self.writer.close()


@dataclass
class Result:
    rate: float  # offered, per second
    seconds: float = 0.0  # from the first due time to the last answer
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # kind -> seconds, 200s only
    errors: Counter = field(default_factory=Counter)
    cache: Counter = field(default_factory=Counter)  # the server's x-cache header: hit, stale, miss
    by_cache: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # x-cache -> seconds, 200s only
    late: int = 0  # requests the client itself sent more than 10 ms after they were due
    connections: int = 0
    client_cpu: float = 0.0  # CPU seconds this process used

    @property
    def ok(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def achieved(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def percentile(self, p: float, kind: str | None = None, cache: str | None = None) -> float:
        """Milliseconds; nearest-rank; of one kind of page, or of one cache outcome, or of all."""
        if cache is not None:
            values = sorted(self.by_cache[cache])
        else:
            values = sorted(self.latencies[kind] if kind else [x for v in self.latencies.values() for x in v])
        if not values:
            return float("nan")
        return values[min(len(values) - 1, max(0, int(round(p / 100 * len(values))) - 1))] * 1000

    def summary(self) -> str:
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(self.errors.items())) or "none"
        sent = self.ok + sum(self.errors.values())
        lines = [
            f"offered {self.rate:.0f}/s, sent {sent}, ok {self.ok} in {self.seconds:.1f} s = {self.achieved:.1f}/s; "
            f"latency ms p50 {self.percentile(50):.1f}  p95 {self.percentile(95):.1f}  p99 {self.percentile(99):.1f}  "
            f"max {self.percentile(100):.1f}; errors: {errors}",
            f"  client: {self.connections} connections, {self.late} sends late by > 10 ms, "
            f"CPU {self.client_cpu / max(1, sent) * 1000:.2f} ms/request; server cache: "
            + (", ".join(f"{k} {v}" for k, v in sorted(self.cache.items())) or "none"),
        ]
        for kind in sorted(self.latencies):
            lines.append(
                f"  {kind:14} {len(self.latencies[kind]):6}  p50 {self.percentile(50, kind):7.1f}  p95 {self.percentile(95, kind):7.1f}"
                f"  p99 {self.percentile(99, kind):7.1f}"
            )
        for outcome in sorted(self.by_cache):
            lines.append(
                f"  x-cache {outcome:6} {len(self.by_cache[outcome]):6}  p50 {self.percentile(50, cache=outcome):7.1f}"
                f"  p95 {self.percentile(95, cache=outcome):7.1f}  p99 {self.percentile(99, cache=outcome):7.1f}"
            )
        return "\n".join(lines)


async def run(host: str, port: int, requests: list[tuple[str, str]], rate: float, seconds: float, seed: int = 0) -> Result:
    """Offer `rate` requests/s for `seconds`, each a random (kind, path) from `requests`."""
    result = Result(rate)
    idle: list[tuple[Connection, float]] = []  # (connection, when its last answer came)
    chooser = random.Random(seed)
    loop = asyncio.get_running_loop()

    def reusable() -> Connection | None:
        """The most recently used open connection; older ones may have passed the server's keep-alive timeout."""
        while idle:
            connection, used = idle.pop()
            if loop.time() - used < KEEP_ALIVE and not connection.reader.at_eof():
                return connection
            connection.close()
        return None

    async def one(kind: str, path: str, due: float) -> None:
        connection = reusable()
        try:
            async with asyncio.timeout(TIMEOUT):
                if connection is None:
                    connection = await Connection.open(host, port)
                    result.connections += 1
                status, headers, keep = await connection.get(host, path)
            outcome = headers.get("x-cache", "none")
            result.cache[outcome] += 1
            done = loop.time()
            if status == 200:
                result.latencies[kind].append(done - due)
                result.by_cache[outcome].append(done - due)
            else:
                result.errors[f"HTTP {status} ({kind})"] += 1
            if keep:
                idle.append((connection, done))
            else:
                connection.close()
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
            result.errors[f"{type(error).__name__} ({kind})"] += 1
            if connection is not None:
                connection.close()

    cpu = time.process_time()
    start = loop.time() + 0.05
    tasks = []
    for n in range(int(rate * seconds)):
        due = start + n / rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        elif delay < -0.01:
            result.late += 1
        tasks.append(asyncio.create_task(one(*chooser.choice(requests), due)))
    await asyncio.gather(*tasks)
    result.seconds = loop.time() - start
    result.client_cpu = time.process_time() - cpu
    for connection, _ in idle:
        connection.close()
    return result
