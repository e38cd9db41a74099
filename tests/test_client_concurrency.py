"""One client shared by many threads or tasks: no errors, every value stored.

The server runs in a child process here, so that the load tests measure the clients and
not the GIL shared with an in-process server.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from client_support import API_KEY, USER, server_process
from dify_chatflow import (
    AsyncChatflowClient,
    ChatflowClient,
    ConfigurationError,
    DefaultAioHttpClient,
)
from dify_chatflow._constants import ASYNC_MAX_IN_FLIGHT
from dify_chatflow.testing import DifyTestServer, Fault

THREADS = 16
UPDATES_PER_THREAD = 200
ASYNC_UPDATES = 1000


def test_sixteen_threads_share_one_sync_client():
    specs = [{"name": f"t{i:02d}", "value_type": "number", "value": 0} for i in range(THREADS)]
    with (
        server_process(specs) as (base_url, conv, ids),
        ChatflowClient(api_key=API_KEY, base_url=base_url, user=USER) as client,
    ):

        def work(index: int) -> object:
            last = None
            for step in range(1, UPDATES_PER_THREAD + 1):
                last = client.variables.update(conv, ids[index], index * 1000 + step)
                assert last.value == index * 1000 + step
            assert last is not None
            return last.value

        with ThreadPoolExecutor(THREADS) as pool:
            finals = list(pool.map(work, range(THREADS)))
        stored = {v.name: v.value for v in client.variables.list(conv)}
    expected = [i * 1000 + UPDATES_PER_THREAD for i in range(THREADS)]
    assert finals == expected
    assert stored == {f"t{i:02d}": expected[i] for i in range(THREADS)}


async def _update_all(client: AsyncChatflowClient, conv: str, ids: list[str]) -> dict[str, object]:
    results = await asyncio.gather(
        *(client.variables.update(conv, vid, f"value-{i}") for i, vid in enumerate(ids))
    )
    assert [r.value for r in results] == [f"value-{i}" for i in range(len(ids))]
    return {v.name: v.value for v in await client.variables.list(conv)}


def _string_specs(count: int) -> list[dict[str, object]]:
    return [{"name": f"a{i:04d}", "value_type": "string", "value": ""} for i in range(count)]


def test_a_thousand_concurrent_async_updates():
    with server_process(_string_specs(ASYNC_UPDATES)) as (base_url, conv, ids):

        async def scenario() -> dict[str, object]:
            async with (
                DefaultAioHttpClient() as http,
                AsyncChatflowClient(
                    api_key=API_KEY, base_url=base_url, user=USER, http_client=http
                ) as client,
            ):
                return await _update_all(client, conv, ids)

        stored = asyncio.run(scenario())
    assert stored == {f"a{i:04d}": f"value-{i}" for i in range(ASYNC_UPDATES)}


def test_hundreds_of_concurrent_updates_through_the_plain_async_client():
    with server_process(_string_specs(300)) as (base_url, conv, ids):

        async def scenario() -> dict[str, object]:
            async with AsyncChatflowClient(api_key=API_KEY, base_url=base_url, user=USER) as c:
                return await _update_all(c, conv, ids)

        stored = asyncio.run(scenario())
    assert stored == {f"a{i:04d}": f"value-{i}" for i in range(300)}


def test_our_own_async_pool_works_on_at_most_async_max_in_flight_requests():
    burst = ASYNC_MAX_IN_FLIGHT + 20
    with DifyTestServer(api_key=API_KEY) as server:
        conv = server.add_conversation(
            user=USER, variables=[{"name": "n", "value_type": "number", "value": 0}]
        )
        variable_id = server.variables(conv)[0].id
        # Every answer waits a little, so the requests pile up inside the client.
        server.inject_fault(Fault.delay(0.05), route="variables.update", times=burst)
        running = 0
        most = 0

        async def started(request: object) -> None:
            nonlocal running, most
            running += 1
            most = max(most, running)

        async def finished(response: object) -> None:
            nonlocal running
            running -= 1

        async def burst_of_updates() -> None:
            async with AsyncChatflowClient(
                api_key=API_KEY, base_url=server.base_url, user=USER
            ) as client:
                client.http_client.event_hooks = {"request": [started], "response": [finished]}
                await asyncio.gather(
                    *(client.variables.update(conv, variable_id, i) for i in range(burst))
                )

        asyncio.run(burst_of_updates())
    assert most == ASYNC_MAX_IN_FLIGHT


def test_an_async_client_belongs_to_the_event_loop_of_its_first_call():
    burst = ASYNC_MAX_IN_FLIGHT + 8  # enough for requests to wait for the in-flight limit
    with DifyTestServer(api_key=API_KEY) as server:
        conv = server.add_conversation(
            user=USER, variables=[{"name": "n", "value_type": "number", "value": 0}]
        )
        variable_id = server.variables(conv)[0].id
        client = AsyncChatflowClient(api_key=API_KEY, base_url=server.base_url, user=USER)

        async def burst_of_updates() -> list[object]:
            server.inject_fault(Fault.delay(0.02), route="variables.update", times=burst)
            updated = await asyncio.gather(
                *(client.variables.update(conv, variable_id, i) for i in range(burst))
            )
            await client.close()  # its connections cannot outlive this loop anyway
            return [variable.value for variable in updated]

        assert asyncio.run(burst_of_updates()) == list(range(burst))
        server.clear_requests()
        with pytest.raises(ConfigurationError, match="first used in another event loop"):
            asyncio.run(client.variables.list(conv))
        assert server.requests == []
