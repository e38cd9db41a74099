"""Helpers for the client tests: drive ChatflowClient and AsyncChatflowClient alike."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from dify_chatflow import AsyncChatflowClient, ChatflowClient, DefaultAioHttpClient, RetryPolicy
from dify_chatflow.testing import DifyTestServer

API_KEY = "app-test"
USER = "abc-123"
#: Waits short enough for tests; Retry-After values are capped to 50 ms.
FAST_RETRIES = RetryPolicy(initial_delay=0.001, max_delay=0.005, max_retry_after=0.05)

EVERY_TYPE: list[dict[str, object]] = [
    {"name": "user_preference", "value_type": "string", "value": "dark"},
    {"name": "visits", "value_type": "number", "value": 3},
    {"name": "ratio", "value_type": "number", "value": 0.5},
    {"name": "api_token", "value_type": "secret", "value": "tok-SECRET-42"},
    {"name": "is_vip", "value_type": "boolean", "value": False},
    {"name": "profile", "value_type": "object", "value": {"city": "Lyon"}},
    {"name": "topics", "value_type": "array[string]", "value": ["billing"]},
    {"name": "scores", "value_type": "array[number]", "value": [1, 2.5]},
    {"name": "history", "value_type": "array[object]", "value": [{"turn": 1}]},
    {"name": "flags", "value_type": "array[boolean]", "value": [True]},
    {"name": "scratch", "value_type": "array[any]", "value": [1, "two"]},
]


class Blocking:
    """Calls through to a client (or one of its resources), running coroutines to completion.

    Lets one test body exercise both clients; the async client keeps a single event loop.
    """

    def __init__(self, target: Any, loop: asyncio.AbstractEventLoop | None) -> None:
        self._target = target
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if type(attr).__module__.startswith("dify_chatflow.resources"):  # a resource
            return Blocking(attr, self._loop)
        if self._loop is not None and inspect.iscoroutinefunction(attr):
            loop = self._loop

            def run(*args: Any, **kwargs: Any) -> Any:
                return loop.run_until_complete(attr(*args, **kwargs))

            return run
        return attr

    def __repr__(self) -> str:
        return repr(self._target)


#: The kinds of client a test can be run with: the async one alone, and over
#: ``DefaultAioHttpClient`` (whose ``send`` takes its own path to the transport).
CLIENT_KINDS = ["sync", "async", "aiohttp"]


class ClientFactory:
    """Builds clients of one kind (see :data:`CLIENT_KINDS`) and closes them after the test."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.loop = asyncio.new_event_loop() if kind != "sync" else None
        self._made: list[Any] = []
        self._borrowed: list[DefaultAioHttpClient] = []

    def __call__(self, server: DifyTestServer, **options: Any) -> Any:
        options.setdefault("api_key", API_KEY)
        if "base_url" not in options:
            options["base_url"] = server.base_url
        options.setdefault("user", USER)
        options.setdefault("retry_policy", FAST_RETRIES)
        if self.loop is None:
            client: Any = ChatflowClient(**options)
        else:
            if self.kind == "aiohttp" and "http_client" not in options:
                options["http_client"] = DefaultAioHttpClient()
                self._borrowed.append(options["http_client"])
            client = AsyncChatflowClient(**options)
        self._made.append(client)
        return Blocking(client, self.loop)

    def close(self) -> None:
        for client in self._made:
            closing = client.close()
            if self.loop is not None:
                self.loop.run_until_complete(closing)
        if self.loop is not None:
            for http in self._borrowed:
                self.loop.run_until_complete(http.aclose())
            self.loop.close()


def client_factory(kind: str) -> Iterator[ClientFactory]:
    factory = ClientFactory(kind)
    try:
        yield factory
    finally:
        factory.close()


_SERVER_PROCESS = """
import json, sys
from dify_chatflow.testing import DifyTestServer
server = DifyTestServer(api_key=sys.argv[1], paging_flaw=False).start()
specs = json.loads(sys.argv[2])
conversation = server.add_conversation(user=sys.argv[3], variables=specs)
ids = [v.id for v in server.variables(conversation)]
print(json.dumps([server.base_url, conversation, ids]), flush=True)
sys.stdin.read()  # serve until the test closes our stdin
server.stop()
"""


@contextlib.contextmanager
def server_process(
    specs: list[dict[str, object]], user: str = USER
) -> Iterator[tuple[str, str, list[str]]]:
    """An embedded server in a child process (no GIL shared with the clients under load),
    holding one conversation; yields ``(base_url, conversation_id, variable_ids)``."""
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER_PROCESS, API_KEY, json.dumps(specs), user],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url, conversation, ids = json.loads(process.stdout.readline())
        yield base_url, conversation, ids
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
