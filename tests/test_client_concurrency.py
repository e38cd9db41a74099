"""One client shared by many threads or tasks: no errors, every value stored."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from client_support import API_KEY, USER
from dify_chatflow import AsyncChatflowClient, ChatflowClient
from dify_chatflow.testing import DifyTestServer

THREADS = 16
UPDATES_PER_THREAD = 200
ASYNC_UPDATES = 1000


def test_sixteen_threads_share_one_sync_client():
    with DifyTestServer(api_key=API_KEY) as server:
        specs = [{"name": f"t{i:02d}", "value_type": "number", "value": 0} for i in range(THREADS)]
        conv = server.add_conversation(user=USER, variables=specs)
        ids = [server.variable(conv, spec["name"]).id for spec in specs]
        with ChatflowClient(api_key=API_KEY, base_url=server.base_url, user=USER) as client:

            def work(index: int) -> int:
                last = None
                for step in range(1, UPDATES_PER_THREAD + 1):
                    last = client.variables.update(conv, ids[index], index * 1000 + step)
                    assert last.value == index * 1000 + step
                return last.value

            with ThreadPoolExecutor(THREADS) as pool:
                finals = list(pool.map(work, range(THREADS)))
            stored = {v.name: v.value for v in client.variables.list(conv)}
        expected = [i * 1000 + UPDATES_PER_THREAD for i in range(THREADS)]
        assert finals == expected
        assert stored == {f"t{i:02d}": expected[i] for i in range(THREADS)}
        assert sum(r.method == "PUT" for r in server.requests) == THREADS * UPDATES_PER_THREAD


def test_a_thousand_concurrent_async_updates():
    with DifyTestServer(api_key=API_KEY, paging_flaw=False) as server:
        specs = [
            {"name": f"a{i:04d}", "value_type": "string", "value": ""} for i in range(ASYNC_UPDATES)
        ]
        conv = server.add_conversation(user=USER, variables=specs)
        ids = [v.id for v in server.variables(conv)]

        async def scenario() -> dict[str, object]:
            async with AsyncChatflowClient(
                api_key=API_KEY, base_url=server.base_url, user=USER
            ) as client:
                results = await asyncio.gather(
                    *(
                        client.variables.update(conv, variable_id, f"value-{i}")
                        for i, variable_id in enumerate(ids)
                    )
                )
                assert [r.value for r in results] == [f"value-{i}" for i in range(len(ids))]
                return {v.name: v.value for v in await client.variables.list(conv)}

        stored = asyncio.run(scenario())
        assert stored == {f"a{i:04d}": f"value-{i}" for i in range(ASYNC_UPDATES)}
