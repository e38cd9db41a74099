"""``client.chat.stream`` against raw httpx, measured in the same run on the same stream.

bench_stream measures the stream layer on a response opened by hand; this measures what a
user calls: the whole client (request built and checked, retry layer, typed events) on a
streamed ``POST /chat-messages``, against raw httpx POSTing the same body to the same
server (bench_stream's, in its own process). Its ``inputs`` tell the server how many
``message`` events to send and how long to pause after the first.

1. sync: 20,000 ``message`` events, one HTTP chunk each, through ``ChatflowClient``
   against raw httpx ``iter_lines()`` + ``json.loads`` (target: at most 1.3x the time);
   httpx-sse and openai-python's decoder (when installed) beside them;
2. first event: the server sends one event, then waits 1 s; ``client.chat.stream`` must
   hand it over within 50 ms of its leaving the server;
3. async: 100 concurrent streams of 1,000 events on one ``AsyncChatflowClient``: over
   ``DefaultAioHttpClient`` at least 3x the event rate of raw ``httpx.AsyncClient``
   streams, the plain client (httpx) at least 0.9x.

Ratios are medians of per-round ratios, in rotating order. Exits 1 when a target is missed.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import httpx

# Run as a script, this folder is on sys.path: the server and raw consumers are shared.
from bench_stream import (
    AIOHTTP_TARGET,
    EVENTS_PER_STREAM,
    FIRST_EVENT_TARGET,
    PLAIN_ASYNC_TARGET,
    STREAMS,
    SYNC_EVENTS,
    SYNC_TARGET,
    Server,
    _httpx_sse,
    _installed,
    _openai_decoder,
    _raw_lines,
)
from dify_chatflow import (
    AsyncChatflowClient,
    ChatflowClient,
    DefaultAioHttpClient,
    MessageEvent,
)

API_KEY = "app-bench"
USER = "bench-user"
SYNC_ROUNDS = 7
ASYNC_ROUNDS = 5
LIMITS = httpx.Limits(max_connections=STREAMS, max_keepalive_connections=STREAMS)


def chat_body(events: int, pause: float = 0.0) -> dict[str, Any]:
    """The streamed chat message both sides send (the server reads ``inputs``)."""
    return {
        "query": "bench",
        "inputs": {"n": events, "pause": pause},
        "response_mode": "streaming",
        "user": USER,
        "auto_generate_name": True,
    }


HEADERS = {"Authorization": f"Bearer {API_KEY}"}


# -- 1. sync -------------------------------------------------------------------------------


def _client_stream(client: ChatflowClient, events: int) -> int:
    count = 0
    with client.chat.stream("bench", inputs={"n": events, "pause": 0.0}) as stream:
        for event in stream:
            if isinstance(event, MessageEvent):
                count += len(event.answer) > 0
    return count


def bench_sync(base_url: str) -> float:
    raw_consumers: dict[str, Callable[[httpx.Response], int]] = {
        "raw httpx iter_lines + json.loads": _raw_lines
    }
    if _installed("httpx_sse"):
        raw_consumers["httpx-sse"] = _httpx_sse
    if _installed("openai._streaming"):
        raw_consumers["openai-python SSEDecoder"] = _openai_decoder
    ours = "client.chat.stream (typed events)"
    labels = [*raw_consumers, ours]
    times: dict[str, list[float]] = {label: [] for label in labels}
    body = chat_body(SYNC_EVENTS)
    with (
        httpx.Client(base_url=base_url, headers=HEADERS, timeout=30) as http,
        ChatflowClient(api_key=API_KEY, base_url=f"{base_url}/v1", user=USER) as client,
    ):

        def run(label: str) -> int:
            if label == ours:
                return _client_stream(client, SYNC_EVENTS)
            with http.stream("POST", "/v1/chat-messages", json=body) as response:
                return raw_consumers[label](response)

        for label in labels:  # warm up
            run(label)
        for round_number in range(SYNC_ROUNDS):
            shift = round_number % len(labels)
            for label in labels[shift:] + labels[:shift]:
                started = time.perf_counter()
                seen = run(label)
                times[label].append(time.perf_counter() - started)
                if seen != SYNC_EVENTS:
                    raise RuntimeError(f"{label} saw {seen} events, not {SYNC_EVENTS}")
    baseline = times[labels[0]]
    print(f"sync, {SYNC_EVENTS:,} message events over POST /chat-messages (median of rounds):")
    ratios = {}
    for label in labels:
        ratios[label] = statistics.median(
            t / b for t, b in zip(times[label], baseline, strict=True)
        )
        print(f"  {label:36} {statistics.median(times[label]):.3f} s  {ratios[label]:.2f}x raw")
    print(f"  client.chat.stream vs raw: {ratios[ours]:.2f}x (target <= {SYNC_TARGET:.2f}x)")
    return ratios[ours]


# -- 2. first event ------------------------------------------------------------------------


def bench_first_event(base_url: str) -> float:
    worst = 0.0
    with ChatflowClient(api_key=API_KEY, base_url=f"{base_url}/v1", user=USER) as client:
        for _ in range(3):
            with client.chat.stream("bench", inputs={"n": 2, "pause": 1.0}) as stream:
                events = iter(stream)  # one loop: leaving a loop ends the stream
                first = next(events)
                delay = time.time() - first.raw["sent_at"]
                for _ in events:  # read to the end: the connection is kept
                    pass
            worst = max(worst, delay)
    print(
        f"first event via client.chat.stream (server pauses 1 s after it): {worst * 1000:.1f} ms "
        f"after it left the server (worst of 3; target <= {FIRST_EVENT_TARGET * 1000:.0f} ms)"
    )
    return worst


# -- 3. async ------------------------------------------------------------------------------


async def _raw_async(http: httpx.AsyncClient, body: dict[str, Any]) -> int:
    count = 0
    async with http.stream("POST", "/v1/chat-messages", json=body) as response:
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                event = json.loads(line[5:])
                if event["event"] == "message":
                    count += len(event["answer"]) > 0
    return count


async def _client_async(client: AsyncChatflowClient) -> int:
    count = 0
    inputs = {"n": EVENTS_PER_STREAM, "pause": 0.0}
    async with client.chat.stream("bench", inputs=inputs) as stream:
        async for event in stream:
            if isinstance(event, MessageEvent):
                count += len(event.answer) > 0
    return count


async def _timed(
    streams: Callable[[], Awaitable[list[int]]], close: Callable[[], Awaitable[None]]
) -> float:
    try:
        await streams()  # connect and warm up
        started = time.perf_counter()
        counts = await streams()
        elapsed = time.perf_counter() - started
    finally:
        await close()
    if sum(counts) != STREAMS * EVENTS_PER_STREAM:
        raise RuntimeError(f"saw {sum(counts)} events, not {STREAMS * EVENTS_PER_STREAM}")
    return elapsed


async def _raw_run(base_url: str) -> float:
    http = httpx.AsyncClient(base_url=base_url, headers=HEADERS, limits=LIMITS, timeout=60)
    body = chat_body(EVENTS_PER_STREAM)

    async def streams() -> list[int]:
        return await asyncio.gather(*(_raw_async(http, body) for _ in range(STREAMS)))

    return await _timed(streams, http.aclose)


async def _client_run(base_url: str, *, aiohttp: bool) -> float:
    http = DefaultAioHttpClient(limits=LIMITS, timeout=60) if aiohttp else None
    client = AsyncChatflowClient(
        api_key=API_KEY, base_url=f"{base_url}/v1", user=USER, http_client=http
    )

    async def streams() -> list[int]:
        return await asyncio.gather(*(_client_async(client) for _ in range(STREAMS)))

    async def close() -> None:
        await client.close()
        if http is not None:
            await http.aclose()

    return await _timed(streams, close)


def bench_async(base_url: str) -> tuple[float, float]:
    runs: dict[str, Callable[[], Coroutine[Any, Any, float]]] = {
        "raw httpx.AsyncClient aiter_lines": lambda: _raw_run(base_url),
        "AsyncChatflowClient + DefaultAioHttpClient": lambda: _client_run(base_url, aiohttp=True),
        "AsyncChatflowClient (httpx)": lambda: _client_run(base_url, aiohttp=False),
    }
    labels = list(runs)
    times: dict[str, list[float]] = {label: [] for label in labels}
    for round_number in range(ASYNC_ROUNDS):
        shift = round_number % len(labels)
        for label in labels[shift:] + labels[:shift]:
            times[label].append(asyncio.run(runs[label]()))
    total = STREAMS * EVENTS_PER_STREAM
    print(f"async, {STREAMS} concurrent chat streams x {EVENTS_PER_STREAM:,} events (median):")
    speedups = {}
    for label in labels:
        speedups[label] = statistics.median(
            b / t for b, t in zip(times[labels[0]], times[label], strict=True)
        )
        rate = total / statistics.median(times[label])
        print(f"  {label:44} {rate:>10,.0f} events/s  {speedups[label]:.2f}x raw")
    aiohttp_speedup, plain_speedup = speedups[labels[1]], speedups[labels[2]]
    print(
        f"  with DefaultAioHttpClient {aiohttp_speedup:.2f}x raw (target >= "
        f"{AIOHTTP_TARGET:.1f}x); plain {plain_speedup:.2f}x (target >= {PLAIN_ASYNC_TARGET:.1f}x)"
    )
    return aiohttp_speedup, plain_speedup


def main() -> int:
    with Server() as base_url:
        sync_ratio = bench_sync(base_url)
        first_event = bench_first_event(base_url)
        aiohttp_speedup, plain_speedup = bench_async(base_url)
    missed = [
        name
        for name, hit in (
            ("sync chat stream", sync_ratio <= SYNC_TARGET),
            ("first event", first_event <= FIRST_EVENT_TARGET),
            ("async chat streams over DefaultAioHttpClient", aiohttp_speedup >= AIOHTTP_TARGET),
            ("async chat streams over httpx", plain_speedup >= PLAIN_ASYNC_TARGET),
        )
        if not hit
    ]
    if missed:
        print(f"targets missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
