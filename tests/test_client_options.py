"""Client options are checked at construction and per call; the environment fills gaps.

Every refusal is a ``ConfigurationError`` (a ``DifyError``) raised before anything is sent;
requests name the package in ``User-Agent``; a closed client says so.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import httpx
import pytest
from client_support import API_KEY, CLIENT_KINDS, USER, ClientFactory
from dify_chatflow import (
    APIConnectionError,
    AsyncChatflowClient,
    ChatflowClient,
    ConfigurationError,
    DifyError,
    __version__,
)
from dify_chatflow.testing import DifyTestServer

VARIABLES = [{"name": "n", "value_type": "number", "value": 1}]


@pytest.fixture(params=CLIENT_KINDS)
def client_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY) as running:
        yield running


@pytest.mark.parametrize("cls", [ChatflowClient, AsyncChatflowClient])
@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"timeout": "x"}, "timeout must be a number of seconds >= 0"),
        ({"timeout": -1}, "timeout must be a number of seconds >= 0"),
        ({"timeout": float("nan")}, "timeout must be a number of seconds >= 0"),
        ({"timeout": True}, "timeout must be a number of seconds >= 0"),
        ({"user": "u" * 256}, "Dify stores at most 255"),
        ({"user": ""}, "user must be a non-empty str"),
        ({"max_retries": -1}, "max_retries must be an int >= 0"),
    ],
)
def test_bad_options_are_refused_at_construction(
    cls: type, options: dict[str, object], match: str
) -> None:
    with pytest.raises(ConfigurationError, match=match):
        cls(api_key=API_KEY, base_url="http://127.0.0.1:9/v1", **options)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"timeout": -5}, "timeout must be a number of seconds >= 0"),
        ({"timeout": "soon"}, "timeout must be a number of seconds >= 0"),
        ({"user": "x" * 300}, "Dify stores at most 255"),
        ({"max_retries": 1.5}, "max_retries must be an int >= 0"),
    ],
)
def test_bad_per_call_options_are_refused_before_sending(
    server: DifyTestServer, client_kind: str, options: dict[str, object], match: str
) -> None:
    conversation = server.add_conversation(user=USER, variables=VARIABLES)
    factory = ClientFactory(client_kind)
    try:
        client = factory(server)
        with pytest.raises(ConfigurationError, match=match):
            client.variables.list(conversation, **options)
    finally:
        factory.close()
    assert server.requests == []


def test_the_library_reads_dify_user(
    server: DifyTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversation = server.add_conversation(user="from-env", variables=VARIABLES)
    monkeypatch.setenv("DIFY_USER", "from-env")
    with ChatflowClient(api_key=API_KEY, base_url=server.base_url) as client:
        assert client.user == "from-env"
        assert [v.name for v in client.variables.list(conversation)] == ["n"]
    assert server.requests[0].query["user"] == "from-env"


def test_an_explicit_user_wins_over_dify_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIFY_USER", "from-env")
    with ChatflowClient(api_key=API_KEY, base_url="http://127.0.0.1:9/v1", user="u-1") as client:
        assert client.user == "u-1"


def test_an_overlong_dify_user_is_named_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIFY_USER", "u" * 256)
    with pytest.raises(ConfigurationError, match="DIFY_USER is 256 characters long"):
        ChatflowClient(api_key=API_KEY, base_url="http://127.0.0.1:9/v1")


def test_requests_name_the_package_in_user_agent(server: DifyTestServer, client_kind: str) -> None:
    conversation = server.add_conversation(user=USER, variables=VARIABLES)
    factory = ClientFactory(client_kind)
    try:
        factory(server).variables.list(conversation)
    finally:
        factory.close()
    assert server.requests[0].headers["user-agent"] == f"dify-chatflow/{__version__}"


def test_a_closed_client_says_so(server: DifyTestServer, client_kind: str) -> None:
    conversation = server.add_conversation(user=USER, variables=VARIABLES)
    factory = ClientFactory(client_kind)
    try:
        client = factory(server)
        client.close()
        with pytest.raises(ConfigurationError, match="this client is closed"):
            client.variables.list(conversation)
    finally:
        factory.close()
    assert server.requests == []


def test_a_closed_client_cannot_be_entered_again() -> None:
    client = ChatflowClient(api_key=API_KEY, base_url="http://127.0.0.1:9/v1", user=USER)
    client.close()
    with pytest.raises(ConfigurationError, match="this client is closed"), client:
        pass

    async def scenario() -> None:
        async_client = AsyncChatflowClient(api_key=API_KEY, base_url="http://127.0.0.1:9/v1")
        await async_client.close()
        with pytest.raises(ConfigurationError, match="this client is closed"):
            async with async_client:
                pass

    asyncio.run(scenario())


def test_plain_http_to_a_remote_host_is_warned_about_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="dify_chatflow")
    for _ in range(2):
        ChatflowClient(api_key=API_KEY, base_url="http://dify.example.invalid/v1").close()
    ChatflowClient(api_key=API_KEY, base_url="http://127.0.0.1:9/v1").close()
    ChatflowClient(api_key=API_KEY, base_url="https://dify.example.com/v1").close()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "plain http to dify.example.invalid" in warnings[0]
    assert API_KEY not in warnings[0]


def _refusing(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno -3] Temporary failure in name resolution", request=request)


def test_a_failed_call_to_dify_cloud_says_the_default_base_url_is_dify_cloud() -> None:
    http = httpx.Client(transport=httpx.MockTransport(_refusing))
    with (
        http,
        ChatflowClient(api_key=API_KEY, user=USER, http_client=http, max_retries=0) as client,
        pytest.raises(APIConnectionError) as raised,
    ):
        client.variables.list("0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47")
    message = str(raised.value)
    assert "the default base URL is Dify Cloud, https://api.dify.ai/v1" in message
    assert "DIFY_BASE_URL" in message
    assert isinstance(raised.value, DifyError)


def test_a_failed_call_elsewhere_has_no_dify_cloud_hint() -> None:
    http = httpx.Client(transport=httpx.MockTransport(_refusing))
    with (
        http,
        ChatflowClient(
            api_key=API_KEY,
            base_url="https://dify.example.com/v1",
            user=USER,
            http_client=http,
            max_retries=0,
        ) as client,
        pytest.raises(APIConnectionError) as raised,
    ):
        client.variables.list("0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47")
    assert "Dify Cloud" not in str(raised.value)


def test_resources_have_readable_reprs() -> None:
    with ChatflowClient(api_key=API_KEY, base_url="http://127.0.0.1:9/v1", user=USER) as client:
        shown = repr(client.variables)
    assert shown.startswith("<Variables of ChatflowClient(base_url='http://127.0.0.1:9/v1'")
    assert API_KEY not in shown
