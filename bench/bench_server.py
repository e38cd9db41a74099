"""The embedded server's streaming rate: what it can feed clients, not a client's speed.

1. one client, one stream of ``EVENTS`` message events (target: at least 5,000 events/s);
2. 32 concurrent streams of ``EVENTS_EACH`` events each (the total rate, and the slowest
   stream's time).

The server runs in its own process (so it does not share the GIL with the readers); the
streams are read off raw sockets, and once with ``httpx`` ``iter_lines`` to show what a
typical client reads at. Prints the numbers (best of ``ROUNDS``); asserts nothing.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable

import httpx

API_KEY = "app-bench"
USER = "bench-user"
EVENTS = 20_000
EVENTS_EACH = 2_000
CONCURRENCY = 32
ROUNDS = 3
TARGET = 5_000.0

SERVER = textwrap.dedent(
    f"""
    import sys
    from dify_chatflow.testing import DifyTestServer

    def responder(query, inputs, conversation):
        for index in range(int(query)):
            yield "token "

    server = DifyTestServer(api_key={API_KEY!r}).start()
    server.add_app({API_KEY!r}, responder=responder)
    print(server.port, flush=True)
    sys.stdin.read()  # serve until the parent closes our stdin
    server.stop()
    """
)


def request_bytes(count: int) -> bytes:
    body = json.dumps(
        {"query": str(count), "inputs": {}, "user": USER, "response_mode": "streaming"}
    ).encode()
    head = (
        "POST /v1/chat-messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {API_KEY}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def read_stream(port: int, count: int) -> int:
    """Stream ``count`` message events off a raw socket; return how many events arrived."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as conn:
        conn.sendall(request_bytes(count))
        events = 0
        tail = b""  # shorter than the marker, so no marker is counted twice
        while True:
            data = conn.recv(1 << 16)
            if not data:
                break
            events += (tail + data).count(b"data: ")
            tail = data[-5:]
    return events


def httpx_stream(port: int, count: int) -> int:
    body = {"query": str(count), "inputs": {}, "user": USER, "response_mode": "streaming"}
    headers = {"Authorization": f"Bearer {API_KEY}"}
    events = 0
    with (
        httpx.Client(timeout=60) as client,
        client.stream(
            "POST", f"http://127.0.0.1:{port}/v1/chat-messages", json=body, headers=headers
        ) as response,
    ):
        for line in response.iter_lines():
            if line.startswith("data: "):
                events += 1
    return events


def best_rate(run: Callable[[], int], events: int) -> tuple[float, int]:
    best = 0.0
    seen = 0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        seen = run()
        elapsed = time.perf_counter() - started
        best = max(best, events / elapsed)
    return best, seen


def concurrent(port: int) -> tuple[float, float, int]:
    results: list[int] = [0] * CONCURRENCY
    finished: list[float] = [0.0] * CONCURRENCY
    started = time.perf_counter()

    def one(index: int) -> None:
        results[index] = read_stream(port, EVENTS_EACH)
        finished[index] = time.perf_counter() - started

    threads = [threading.Thread(target=one, args=(i,)) for i in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    wall = time.perf_counter() - started
    return sum(results) / wall, max(finished), sum(results)


def main() -> int:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        read_stream(port, 100)  # warm up
        rate, seen = best_rate(lambda: read_stream(port, EVENTS), EVENTS)
        print(f"one stream, raw socket: {rate:,.0f} message events/s (target >= {TARGET:,.0f};")
        print(f"  {seen:,} events incl. workflow/node events per stream of {EVENTS:,} chunks)")
        httpx_rate, _ = best_rate(lambda: httpx_stream(port, EVENTS), EVENTS)
        print(f"one stream, httpx iter_lines: {httpx_rate:,.0f} message events/s")
        best = (0.0, 0.0, 0)
        for _ in range(ROUNDS):
            result = concurrent(port)
            best = max(best, result)
        total_rate, slowest, total = best
        print(
            f"{CONCURRENCY} concurrent streams x {EVENTS_EACH:,} events: {total_rate:,.0f} "
            f"events/s in all, slowest stream {slowest:.2f} s ({total:,} events)"
        )
        print(f"ratio to target (one stream): {rate / TARGET:.1f}x")
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
