"""Construction, configuration, closing and the generated layer."""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Any

import httpx
import pytest
from client_support import API_KEY, EVERY_TYPE, USER
from dify_chatflow import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    AsyncChatflowClient,
    ChatflowClient,
    ConfigurationError,
    DefaultAioHttpClient,
)
from dify_chatflow.testing import DifyTestServer

CLIENTS = [ChatflowClient, AsyncChatflowClient]


@pytest.fixture(autouse=True)
def no_dify_env(monkeypatch):
    monkeypatch.delenv("DIFY_API_KEY", raising=False)
    monkeypatch.delenv("DIFY_BASE_URL", raising=False)


@pytest.mark.parametrize("cls", CLIENTS)
def test_missing_key_is_a_clear_error_at_construction(cls):
    with pytest.raises(ConfigurationError, match="DIFY_API_KEY"):
        cls()


@pytest.mark.parametrize("cls", CLIENTS)
def test_key_and_base_url_fall_back_to_the_environment(cls, monkeypatch):
    monkeypatch.setenv("DIFY_API_KEY", "app-from-env")
    assert cls().base_url == DEFAULT_BASE_URL
    monkeypatch.setenv("DIFY_BASE_URL", "http://127.0.0.1:9/v1/")
    assert cls().base_url == "http://127.0.0.1:9/v1"
    assert cls(base_url="https://dify.example.com/v1").base_url == "https://dify.example.com/v1"


def test_environment_key_is_used_for_requests(monkeypatch):
    with DifyTestServer(api_key=API_KEY) as server:
        conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
        monkeypatch.setenv("DIFY_API_KEY", API_KEY)
        monkeypatch.setenv("DIFY_BASE_URL", server.base_url)
        with ChatflowClient(user=USER) as client:
            assert len(client.variables.list(conv)) == len(EVERY_TYPE)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"api_key": "app-with a space"}, "printable ASCII"),
        ({"api_key": "app-x\nInjected: 1"}, "printable ASCII"),
        ({"api_key": "k", "base_url": "ftp://example.com"}, "http"),
        ({"api_key": "k", "base_url": "https://example.com/v1?x=1"}, "query"),
        ({"api_key": "k", "user": ""}, "user"),
        ({"api_key": "k", "max_retries": -1}, "max_retries"),
        ({"api_key": "k", "http_client": object()}, "http_client"),
    ],
)
@pytest.mark.parametrize("cls", CLIENTS)
def test_bad_options_are_refused(cls, options, match):
    with pytest.raises(ConfigurationError, match=match):
        cls(**options)


def test_default_timeout_is_explicit():
    with ChatflowClient(api_key="k") as client:
        timeout = client.http_client.timeout
        assert timeout.read == 30.0
        assert timeout.connect == 5.0


def test_sync_client_closes_its_own_http_client_but_not_a_borrowed_one():
    with ChatflowClient(api_key="k") as client:
        own = client.http_client
    assert own.is_closed
    borrowed = httpx.Client()
    with ChatflowClient(api_key="k", http_client=borrowed):
        pass
    assert not borrowed.is_closed
    borrowed.close()


def test_async_client_closes_its_own_http_client_but_not_a_borrowed_one():
    async def scenario() -> tuple[bool, bool]:
        async with AsyncChatflowClient(api_key="k") as client:
            own = client.http_client
        borrowed = httpx.AsyncClient()
        async with AsyncChatflowClient(api_key="k", http_client=borrowed):
            pass
        still_open = not borrowed.is_closed
        await borrowed.aclose()
        return own.is_closed, still_open

    assert asyncio.run(scenario()) == (True, True)


def test_a_borrowed_client_carries_the_key_per_request_and_is_not_changed():
    with DifyTestServer(api_key=API_KEY) as server:
        conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
        with httpx.Client() as borrowed:
            client = ChatflowClient(
                api_key=API_KEY, base_url=server.base_url, user=USER, http_client=borrowed
            )
            assert len(client.variables.list(conv)) == len(EVERY_TYPE)
            assert "authorization" not in borrowed.headers


def test_generated_layer_shares_the_http_client():
    from dify_chatflow_api.api.variables import list_conversation_variables
    from dify_chatflow_api.models import ConversationVariablesResponse

    with DifyTestServer(api_key=API_KEY) as server:
        conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
        with ChatflowClient(api_key=API_KEY, base_url=server.base_url, user=USER) as client:
            generated = client.generated
            assert generated is client.generated
            assert generated.get_httpx_client() is client.http_client
            raw = list_conversation_variables.sync_detailed(
                uuid.UUID(conv), client=generated, user=USER, limit=100
            )
            assert raw.status_code == 200
            assert isinstance(raw.parsed, ConversationVariablesResponse)
            assert isinstance(raw.parsed.data, list)
            assert len(raw.parsed.data) == len(EVERY_TYPE)


def test_default_aiohttp_client_works_with_the_async_client():
    with DifyTestServer(api_key=API_KEY) as server:
        conv = server.add_conversation(user=USER, variables=EVERY_TYPE)

        async def scenario() -> int:
            async with (
                DefaultAioHttpClient() as http,
                AsyncChatflowClient(
                    api_key=API_KEY, base_url=server.base_url, user=USER, http_client=http
                ) as client,
            ):
                assert http.timeout.read == 30.0
                return len(await client.variables.list(conv))

        assert asyncio.run(scenario()) == len(EVERY_TYPE)


def test_default_aiohttp_client_without_the_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)  # as if not installed
    with pytest.raises(ConfigurationError, match=r"pip install 'dify-chatflow\[aiohttp\]'"):
        DefaultAioHttpClient()


def test_importing_the_package_loads_neither_the_test_server_nor_aiohttp():
    import subprocess

    code = (
        "import sys, dify_chatflow; "
        "print(sorted(m for m in sys.modules if m.startswith(('dify_chatflow.testing', "
        "'aiohttp', 'httpx_aiohttp', 'dify_chatflow_api'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("borrowed_timeout", "options", "expected"),
    [
        (None, {}, DEFAULT_TIMEOUT),  # a borrowed client without any timeout: ours
        (7.0, {}, httpx.Timeout(7.0)),  # a borrowed client's own timeout is respected
        (7.0, {"timeout": DEFAULT_TIMEOUT}, DEFAULT_TIMEOUT),  # an explicit one wins
        (7.0, {"timeout": None}, httpx.Timeout(None)),  # even "no timeout at all"
    ],
)
def test_the_timeout_sent_through_a_borrowed_client(
    make_client, borrowed_timeout, options, expected
):
    sent: list[dict[str, float | None]] = []

    def record(request: httpx.Request) -> None:
        sent.append(request.extensions["timeout"])

    async def record_async(request: httpx.Request) -> None:
        record(request)

    with DifyTestServer(api_key=API_KEY) as server:
        conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
        if make_client.kind == "sync":
            borrowed: Any = httpx.Client(
                timeout=borrowed_timeout, event_hooks={"request": [record]}
            )
        else:
            borrowed = httpx.AsyncClient(
                timeout=borrowed_timeout, event_hooks={"request": [record_async]}
            )
        client = make_client(server, http_client=borrowed, **options)
        client.variables.list(conv)
        closing = borrowed.close() if make_client.kind == "sync" else borrowed.aclose()
        if make_client.loop is not None:
            make_client.loop.run_until_complete(closing)
    assert sent == [expected.as_dict()]
