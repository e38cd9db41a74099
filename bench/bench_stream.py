"""Chat streams against raw httpx, measured in the same run against a local SSE server.

1. sync: 20,000 ``message`` events, one HTTP chunk each (Dify's framing), consumed by raw
   httpx ``iter_lines()`` + ``json.loads`` (the baseline), by httpx-sse, by
   openai-python's SSE decoder (when ``openai`` is installed) and by our ``ChatStream``
   with typed events (target: at most 1.3x the baseline);
2. first event: the server sends one event, then waits 1 s; the event must reach the
   caller within 50 ms of leaving the server;
3. async: 100 concurrent streams of 1,000 events: our ``AsyncChatStream`` over
   ``DefaultAioHttpClient`` at least 3x the event rate of raw ``httpx.AsyncClient``
   ``aiter_lines()`` + ``json.loads``, over plain ``httpx.AsyncClient`` at least 0.9x.

Ratios are medians over rounds of per-round ratios, in rotating order. The server runs
in its own process so it does not compete with the client for the GIL. Exits 1 when a
target is missed.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import httpx
from dify_chatflow import DefaultAioHttpClient
from dify_chatflow._streaming import AsyncChatStream, ChatStream, ChatStreamState
from dify_chatflow.types.events import MessageEvent

SYNC_EVENTS = 20_000
SYNC_TARGET = 1.30
FIRST_EVENT_TARGET = 0.050
STREAMS = 100
EVENTS_PER_STREAM = 1_000
AIOHTTP_TARGET = 3.0
PLAIN_ASYNC_TARGET = 0.9
SYNC_ROUNDS = 7
ASYNC_ROUNDS = 5

# A local HTTP/1.1 server answering GET /stream?n=N&pause=S with a chunked event stream:
# N `message` events (one chunk each, the first sent at once, then a pause of S seconds),
# then message_end and workflow_finished, as Dify 1.16 ends a turn. A POST (a chat message,
# as bench_chat sends it) takes N and S from its JSON body's `inputs` instead.
SERVER = textwrap.dedent(
    """
    import asyncio, json, re, sys, time
    from urllib.parse import parse_qs, urlsplit

    CONTENT_LENGTH = re.compile(rb"(?im)^content-length:\\s*(\\d+)")

    IDS = dict(
        conversation_id="0b8f3f4e-8c4e-4a7e-9d55-2f6f0a1d7c11",
        message_id="5a1e2c3d-4b5f-4a6b-8c7d-9e0f1a2b3c4d",
        task_id="9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
    )
    RUN = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f10"

    def chunk(event):
        data = b"data: " + json.dumps(event, separators=(",", ":")).encode() + b"\\n\\n"
        return b"%x\\r\\n%s\\r\\n" % (len(data), data)

    def message(i):
        return chunk({"event": "message", **IDS, "created_at": 1764576000,
                      "id": IDS["message_id"], "answer": f"word{i} ",
                      "from_variable_selector": None, "sent_at": time.time()})

    END = chunk({"event": "message_end", **IDS, "created_at": 1764576000,
                 "id": IDS["message_id"], "metadata": {"annotation_reply": None,
                 "retriever_resources": [], "usage": {"prompt_tokens": 1,
                 "completion_tokens": 2, "total_tokens": 3, "total_price": "0.0",
                 "currency": "USD", "latency": 0.1}}, "files": []})
    END += chunk({"event": "workflow_finished", **IDS, "workflow_run_id": RUN,
                  "created_at": 1764576000, "data": {"id": RUN, "status": "succeeded",
                  "outputs": {"answer": "..."}, "elapsed_time": 0.1}})
    END += b"0\\r\\n\\r\\n"
    HEAD = (b"HTTP/1.1 200 OK\\r\\nContent-Type: text/event-stream; charset=utf-8\\r\\n"
            b"Transfer-Encoding: chunked\\r\\n\\r\\n")
    BODIES = {}

    async def handle(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\\r\\n\\r\\n")
                target = head.split(b" ", 2)[1].decode()
                query = parse_qs(urlsplit(target).query)
                n = int(query.get("n", ["1"])[0])
                pause = float(query.get("pause", ["0"])[0])
                length = CONTENT_LENGTH.search(head)
                if length:
                    inputs = json.loads(await reader.readexactly(int(length[1])))["inputs"]
                    n, pause = int(inputs.get("n", n)), float(inputs.get("pause", pause))
                writer.write(HEAD + message(0))
                await writer.drain()
                if pause:
                    await asyncio.sleep(pause)
                if n not in BODIES:
                    BODIES[n] = b"".join(message(i) for i in range(1, n)) + END
                writer.write(BODIES[n])
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512)
        port = server.sockets[0].getsockname()[1]
        print(port, flush=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.read)  # serve until stdin closes
        server.close()

    asyncio.run(main())
    """
)


class Server:
    """The SSE server in a child process, stopped when the parent closes its stdin."""

    def __enter__(self) -> str:
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert self.process.stdout is not None
        port = int(self.process.stdout.readline())
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# -- 1. sync -------------------------------------------------------------------------------


def _raw_lines(response: httpx.Response) -> int:
    count = 0
    for line in response.iter_lines():
        if line.startswith("data:"):
            event = json.loads(line[5:])
            if event["event"] == "message":
                count += len(event["answer"]) > 0
    return count


def _httpx_sse(response: httpx.Response) -> int:
    from httpx_sse import EventSource

    count = 0
    for sse in EventSource(response).iter_sse():
        event = json.loads(sse.data)
        if event["event"] == "message":
            count += len(event["answer"]) > 0
    return count


def _httpx_sse_typed(response: httpx.Response) -> int:
    """The alternative design: httpx-sse decoding, our typed events and state on top."""
    from httpx_sse import EventSource

    state = ChatStreamState(response.request)
    count = 0
    for sse in EventSource(response).iter_sse():
        event = state.accept(sse.event, sse.data)
        if isinstance(event, MessageEvent):
            count += len(event.answer) > 0
    state.finish()
    return count


def _openai_decoder(response: httpx.Response) -> int:
    from openai._streaming import SSEDecoder

    count = 0
    for sse in SSEDecoder().iter_bytes(response.iter_bytes()):
        if sse.data:
            event = json.loads(sse.data)
            if event["event"] == "message":
                count += len(event["answer"]) > 0
    return count


def _ours(response: httpx.Response) -> int:
    count = 0
    with ChatStream(response) as stream:
        for event in stream:
            if isinstance(event, MessageEvent):
                count += len(event.answer) > 0
    return count


def _installed(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def bench_sync(base_url: str) -> float:
    consumers: dict[str, Callable[[httpx.Response], int]] = {
        "raw httpx iter_lines + json.loads": _raw_lines,
        "ours (ChatStream, typed events)": _ours,
    }
    missing = []
    if _installed("httpx_sse"):
        consumers["httpx-sse"] = _httpx_sse
        consumers["httpx-sse + our typed events"] = _httpx_sse_typed
    else:
        missing.append("httpx-sse")
    if _installed("openai._streaming"):
        consumers["openai-python SSEDecoder"] = _openai_decoder
    else:
        missing.append("openai-python SSEDecoder")
    times: dict[str, list[float]] = {label: [] for label in consumers}
    labels = list(consumers)
    with httpx.Client(base_url=base_url, timeout=30) as client:
        url = f"/stream?n={SYNC_EVENTS}"
        for label in labels:  # warm up
            with client.stream("GET", url) as response:
                consumers[label](response)
        for round_number in range(SYNC_ROUNDS):
            shift = round_number % len(labels)
            for label in labels[shift:] + labels[:shift]:
                request = client.build_request("GET", url)
                started = time.perf_counter()
                response = client.send(request, stream=True)
                try:
                    seen = consumers[label](response)
                finally:
                    response.close()
                times[label].append(time.perf_counter() - started)
                assert seen == SYNC_EVENTS, (label, seen)
    baseline = times[labels[0]]
    print(f"sync, {SYNC_EVENTS:,} message events, one chunk each (median of {SYNC_ROUNDS}):")
    ratios = {}
    for label in consumers:
        pairs = zip(times[label], baseline, strict=True)
        ratios[label] = statistics.median(t / b for t, b in pairs)
        print(f"  {label:36} {statistics.median(times[label]):.3f} s  {ratios[label]:.2f}x raw")
    for label in missing:
        print(f"  {label:36} not measured: not installed")
    ours = ratios["ours (ChatStream, typed events)"]
    print(f"  ours vs raw: {ours:.2f}x (target <= {SYNC_TARGET:.2f}x)")
    return ours


# -- 2. first event ------------------------------------------------------------------------


def bench_first_event(base_url: str) -> float:
    worst = 0.0
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for _ in range(3):
            response = client.send(client.build_request("GET", "/stream?n=2&pause=1"), stream=True)
            with ChatStream(response) as stream:
                first = next(iter(stream))
                delay = time.time() - first.raw["sent_at"]
            worst = max(worst, delay)
    print(
        f"first event (server pauses 1 s after it): delivered {worst * 1000:.1f} ms after "
        f"it left the server (worst of 3; target <= {FIRST_EVENT_TARGET * 1000:.0f} ms)"
    )
    return worst


# -- 3. async ------------------------------------------------------------------------------


async def _raw_async_stream(client: httpx.AsyncClient, url: str) -> int:
    count = 0
    async with client.stream("GET", url) as response:
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                event = json.loads(line[5:])
                if event["event"] == "message":
                    count += len(event["answer"]) > 0
    return count


async def _our_async_stream(client: httpx.AsyncClient, url: str) -> int:
    count = 0
    response = await client.send(client.build_request("GET", url), stream=True)
    async with AsyncChatStream(response) as stream:
        async for event in stream:
            if isinstance(event, MessageEvent):
                count += len(event.answer) > 0
    return count


async def _concurrent(
    make_client: Callable[[], httpx.AsyncClient],
    consume: Callable[[httpx.AsyncClient, str], Awaitable[int]],
    base_url: str,
) -> float:
    url = f"{base_url}/stream?n={EVENTS_PER_STREAM}"
    async with make_client() as client:
        await asyncio.gather(*(consume(client, url) for _ in range(STREAMS)))  # connect
        started = time.perf_counter()
        counts = await asyncio.gather(*(consume(client, url) for _ in range(STREAMS)))
        elapsed = time.perf_counter() - started
    assert sum(counts) == STREAMS * EVENTS_PER_STREAM, sum(counts)
    return elapsed


def bench_async(base_url: str) -> tuple[float, float]:
    limits = httpx.Limits(max_connections=STREAMS, max_keepalive_connections=STREAMS)
    runs: dict[str, Callable[[], Coroutine[Any, Any, float]]] = {
        "raw httpx.AsyncClient aiter_lines": lambda: _concurrent(
            lambda: httpx.AsyncClient(limits=limits, timeout=60), _raw_async_stream, base_url
        ),
        "AsyncChatStream, DefaultAioHttpClient": lambda: _concurrent(
            lambda: DefaultAioHttpClient(limits=limits, timeout=60), _our_async_stream, base_url
        ),
        "AsyncChatStream, httpx.AsyncClient": lambda: _concurrent(
            lambda: httpx.AsyncClient(limits=limits, timeout=60), _our_async_stream, base_url
        ),
    }
    labels = list(runs)
    times: dict[str, list[float]] = {label: [] for label in labels}
    for round_number in range(ASYNC_ROUNDS):
        shift = round_number % len(labels)
        for label in labels[shift:] + labels[:shift]:
            times[label].append(asyncio.run(runs[label]()))
    total = STREAMS * EVENTS_PER_STREAM
    print(f"async, {STREAMS} concurrent streams x {EVENTS_PER_STREAM:,} events (median):")
    speedups = {}
    for label in labels:
        speedups[label] = statistics.median(
            b / t for b, t in zip(times[labels[0]], times[label], strict=True)
        )
        rate = total / statistics.median(times[label])
        print(f"  {label:40} {rate:>10,.0f} events/s  {speedups[label]:.2f}x raw")
    aiohttp_speedup = speedups[labels[1]]
    plain_speedup = speedups[labels[2]]
    print(
        f"  over DefaultAioHttpClient {aiohttp_speedup:.2f}x raw (target >= "
        f"{AIOHTTP_TARGET:.1f}x); over httpx.AsyncClient {plain_speedup:.2f}x "
        f"(target >= {PLAIN_ASYNC_TARGET:.1f}x)"
    )
    return aiohttp_speedup, plain_speedup


def main() -> int:
    with Server() as base_url:
        sync_ratio = bench_sync(base_url)
        first_event = bench_first_event(base_url)
        aiohttp_speedup, plain_speedup = bench_async(base_url)
    missed = []
    if sync_ratio > SYNC_TARGET:
        missed.append("sync stream")
    if first_event > FIRST_EVENT_TARGET:
        missed.append("first event")
    if aiohttp_speedup < AIOHTTP_TARGET:
        missed.append("async streams over DefaultAioHttpClient")
    if plain_speedup < PLAIN_ASYNC_TARGET:
        missed.append("async streams over httpx.AsyncClient")
    if missed:
        print(f"targets missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
