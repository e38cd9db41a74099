"""Raw responses, client copies with other options, default headers, and ``DIFY_LOG``.

Each handle is checked through the sync client, the async client and (where the transport
matters) the async client over aiohttp, against the embedded server.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from client_support import API_KEY, FAST_RETRIES, USER
from dify_chatflow import (
    APIResponse,
    AsyncChatflowClient,
    ChatflowClient,
    ConfigurationError,
    ConversationNotFoundError,
    DefaultAioHttpClient,
    InternalServerError,
    RetryPolicy,
)
from dify_chatflow.testing import DifyTestServer, Fault

VARIABLES: list[dict[str, object]] = [
    {"name": "n", "value_type": "number", "value": 1},
    {"name": "api_token", "value_type": "secret", "value": "tok-SECRET-42"},
]


@pytest.fixture
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY) as running:
        yield running


@pytest.fixture
def conv(server: DifyTestServer) -> str:
    return server.add_conversation(user=USER, variables=VARIABLES)


def sync_client(server: DifyTestServer, **options: Any) -> ChatflowClient:
    return ChatflowClient(
        api_key=API_KEY, base_url=server.base_url, user=USER, retry_policy=FAST_RETRIES, **options
    )


def async_client(server: DifyTestServer, **options: Any) -> AsyncChatflowClient:
    return AsyncChatflowClient(
        api_key=API_KEY, base_url=server.base_url, user=USER, retry_policy=FAST_RETRIES, **options
    )


# -- raw responses -------------------------------------------------------------------------


def test_a_raw_response_has_the_http_response_and_parses_to_the_plain_value(
    server: DifyTestServer,
) -> None:
    with sync_client(server) as client:
        raw = client.app.with_raw_response.info()
        plain = client.app.info()
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["X-Version"] == "1.16.1"
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.http_response.request.url.path == "/v1/info"
    assert isinstance(raw.elapsed, datetime.timedelta)
    assert raw.elapsed >= datetime.timedelta(0)
    assert raw.parse() == plain
    assert repr(raw) == "<APIResponse [200 OK] GET /v1/info>"


def test_an_async_raw_response_parses_to_the_plain_value(server: DifyTestServer) -> None:
    async def run() -> tuple[APIResponse[Any], object]:
        async with async_client(server) as client:
            return await client.app.with_raw_response.parameters(), await client.app.parameters()

    raw, plain = asyncio.run(run())
    assert raw.status_code == 200
    assert raw.headers["x-version"] == "1.16.1"
    assert raw.parse() == plain


def test_a_raw_call_raises_the_error_the_plain_call_raises(server: DifyTestServer) -> None:
    unknown = uuid.uuid4()
    with sync_client(server) as client, pytest.raises(ConversationNotFoundError):
        client.conversations.with_raw_response.rename(unknown, "x")

    async def run() -> None:
        async with async_client(server) as client:
            await client.conversations.with_raw_response.rename(unknown, "x")

    with pytest.raises(ConversationNotFoundError):
        asyncio.run(run())


def test_a_raw_call_that_sends_several_requests_gives_the_last_response(
    server: DifyTestServer, conv: str
) -> None:
    with sync_client(server) as client:
        raw = client.variables.with_raw_response.set(conv, "n", 5)
    assert raw.http_response.request.method == "PUT"
    assert raw.parse().value == 5
    assert [r.method for r in server.requests] == ["GET", "PUT"]


def test_a_raw_stream_gives_the_headers_before_the_first_event(server: DifyTestServer) -> None:
    with sync_client(server) as client:
        raw = client.chat.with_raw_response.stream("hello")
        assert raw.headers["content-type"].startswith("text/event-stream")
        assert not raw.http_response.is_stream_consumed  # no event read yet
        with raw.parse() as stream:
            reply = stream.final_reply()
    assert reply.answer


def test_an_async_raw_stream_gives_the_headers_and_the_open_stream(
    server: DifyTestServer,
) -> None:
    async def run() -> tuple[str, bool, str]:
        async with async_client(server) as client:
            raw = await client.chat.with_raw_response.stream("hello")
            consumed = raw.http_response.is_stream_consumed
            async with raw.parse() as stream:
                reply = await stream.final_reply()
            return raw.headers["content-type"], consumed, reply.answer

    content_type, consumed, answer = asyncio.run(run())
    assert content_type.startswith("text/event-stream")
    assert not consumed
    assert answer


def test_a_raw_listing_gives_the_first_page_and_the_pager(
    server: DifyTestServer, conv: str
) -> None:
    with sync_client(server) as client:
        raw = client.conversations.with_raw_response.list()
        assert raw.http_response.request.url.path == "/v1/conversations"
        assert len(server.requests) == 1  # the first page, fetched at the call
        assert [c.id for c in raw.parse()] == [uuid.UUID(conv)]
        assert len(server.requests) == 1  # the pager started with that page
        assert [c.id for c in raw.parse()] == [uuid.UUID(conv)]
        assert len(server.requests) == 2  # a second loop reads the listing again

    async def run() -> tuple[list[uuid.UUID], int]:
        async with async_client(server) as client:
            raw = await client.conversations.with_raw_response.list()
            assert raw.status_code == 200
            return [c.id async for c in raw.parse()], len(server.requests)

    server.clear_requests()
    assert asyncio.run(run()) == ([uuid.UUID(conv)], 1)


def test_with_raw_response_offers_only_public_methods(server: DifyTestServer) -> None:
    with sync_client(server) as client:
        for name in ("_flows", "nothing"):
            with pytest.raises(AttributeError, match=name):
                getattr(client.app.with_raw_response, name)
        assert client.app.with_raw_response.info.__doc__ == client.app.info.__doc__


# -- with_options --------------------------------------------------------------------------


def test_with_options_gives_a_client_of_the_same_class_sharing_the_pool(
    server: DifyTestServer, conv: str
) -> None:
    other = server.add_conversation(user="someone-else", variables=VARIABLES)
    client = sync_client(server, max_retries=3)
    copy = client.with_options(timeout=7, max_retries=0, user="someone-else")
    assert type(copy) is ChatflowClient
    assert copy.http_client is client.http_client
    assert (copy.user, client.user) == ("someone-else", USER)
    assert "max_retries=0" in repr(copy)
    assert "max_retries=3" in repr(client)
    raw = copy.variables.with_raw_response.list(other)
    assert raw.http_response.request.extensions["timeout"]["read"] == 7
    copy.close()
    assert not client.http_client.is_closed  # closing the copy leaves the pool open
    assert [v.name for v in client.variables.list(conv)] == ["n", "api_token"]
    default = client.variables.with_raw_response.list(conv)
    assert default.http_response.request.extensions["timeout"]["read"] != 7
    client.close()
    assert client.http_client.is_closed


def test_a_copy_retries_as_it_was_told(server: DifyTestServer, conv: str) -> None:
    with sync_client(server, max_retries=2) as client:
        server.inject_fault(Fault.unavailable(retry_after=0.001), route="variables.list", times=1)
        with pytest.raises(InternalServerError):
            client.with_options(max_retries=0).variables.list(conv)
        assert len(server.requests) == 1
        server.inject_fault(Fault.unavailable(retry_after=None), route="variables.list", times=1)
        patient = RetryPolicy(initial_delay=0.001, max_delay=0.002)
        assert len(client.with_options(retry_policy=patient).variables.list(conv)) == 2
        assert len(server.requests) == 3


@pytest.mark.parametrize("aiohttp", [False, True], ids=["httpx", "aiohttp"])
def test_an_async_copy_shares_the_pool_and_the_event_loop(
    server: DifyTestServer, conv: str, aiohttp: bool
) -> None:
    async def run() -> None:
        borrowed = DefaultAioHttpClient() if aiohttp else None
        client = async_client(server, http_client=borrowed)
        copy = client.with_options(timeout=9, user="nobody")
        assert type(copy) is AsyncChatflowClient
        assert copy.http_client is client.http_client
        raw = await copy.app.with_raw_response.info()
        assert raw.http_response.request.extensions["timeout"]["read"] == 9
        await copy.close()
        assert not client.http_client.is_closed
        assert len(await client.variables.list(conv)) == 2
        await client.close()
        if borrowed is not None:
            assert not borrowed.is_closed  # a borrowed pool stays its owner's
            await borrowed.aclose()

    asyncio.run(run())
    assert server.requests[0].headers["authorization"] == "Bearer [redacted]"


def test_a_copy_of_a_closed_client_says_it_is_closed(server: DifyTestServer, conv: str) -> None:
    client = sync_client(server)
    copy = client.with_options(max_retries=0)
    client.close()
    with pytest.raises(ConfigurationError, match="this client is closed"):
        copy.variables.list(conv)

    async def run() -> None:
        client = async_client(server)
        copy = client.with_options(max_retries=0)
        await client.close()
        await copy.variables.list(conv)

    with pytest.raises(ConfigurationError, match="this client is closed"):
        asyncio.run(run())
    assert server.requests == []


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"timeout": -1}, "timeout must be a number of seconds >= 0"),
        ({"max_retries": -1}, "max_retries must be an int >= 0"),
        ({"user": ""}, "user must be a non-empty str"),
        ({"retry_policy": "fast"}, "retry_policy must be a dify_chatflow.RetryPolicy"),
    ],
)
def test_with_options_checks_as_the_constructor_does(
    server: DifyTestServer, options: dict[str, Any], match: str
) -> None:
    with sync_client(server) as client, pytest.raises(ConfigurationError, match=match):
        client.with_options(**options)


# -- default headers -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sync", "async", "aiohttp"])
def test_default_headers_are_sent_on_every_request(
    server: DifyTestServer, conv: str, kind: str
) -> None:
    headers = {"X-Tenant": "acme", "X-Trace": "t-1"}
    if kind == "sync":
        with sync_client(server, default_headers=headers) as client:
            client.variables.set(conv, "n", 2)
            client.with_options(max_retries=0).app.info()
    else:

        async def run() -> None:
            borrowed = DefaultAioHttpClient() if kind == "aiohttp" else None
            async with async_client(
                server, default_headers=headers, http_client=borrowed
            ) as client:
                await client.variables.set(conv, "n", 2)
                await client.with_options(max_retries=0).app.info()
            if borrowed is not None:
                await borrowed.aclose()

        asyncio.run(run())
    assert len(server.requests) == 3
    for request in server.requests:
        assert (request.headers["x-tenant"], request.headers["x-trace"]) == ("acme", "t-1")
        assert request.headers["authorization"] == "Bearer [redacted]"


@pytest.mark.parametrize("cls", [ChatflowClient, AsyncChatflowClient])
@pytest.mark.parametrize("name", ["Authorization", "authorization", " AUTHORIZATION"])
def test_an_authorization_default_header_is_refused(cls: type, name: str) -> None:
    with pytest.raises(ConfigurationError, match="must not set Authorization") as caught:
        cls(api_key=API_KEY, base_url="http://127.0.0.1:9/v1", default_headers={name: "Bearer x-9"})
    assert "x-9" not in str(caught.value)


def test_default_headers_must_map_str_to_str() -> None:
    with pytest.raises(ConfigurationError, match="default_headers must map str to str"):
        ChatflowClient(api_key=API_KEY, base_url="http://127.0.0.1:9/v1", default_headers={"X": 1})  # type: ignore[dict-item]


# -- DIFY_LOG ------------------------------------------------------------------------------

_LOGGED_RUN = """
import asyncio, sys
from dify_chatflow import AsyncChatflowClient, ChatflowClient
from dify_chatflow.testing import DifyTestServer

KEY, SECRET = "app-KEY-never-logged-7", "tok-NEW-SECRET-value"
with DifyTestServer(api_key=KEY) as server:
    conv = server.add_conversation(
        user="u-1", variables=[{"name": "api_token", "value_type": "secret", "value": "tok-OLD"}]
    )
    if sys.argv[1] == "sync":
        with ChatflowClient(api_key=KEY, base_url=server.base_url, user="u-1") as client:
            client.variables.set(conv, "api_token", SECRET)
    else:
        async def run():
            async with AsyncChatflowClient(api_key=KEY, base_url=server.base_url, user="u-1") as c:
                await c.variables.set(conv, "api_token", SECRET)
        asyncio.run(run())
    print(conv)
"""


def _logged(kind: str, level: str | None) -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DIFY_LOG"}
    if level is not None:
        env["DIFY_LOG"] = level
    run = subprocess.run(
        [sys.executable, "-c", _LOGGED_RUN, kind],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip(), run.stderr


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_dify_log_info_logs_one_line_per_request(kind: str) -> None:
    conv, stderr = _logged(kind, "info")
    lines = [line.split("] ", 1)[1] for line in stderr.splitlines() if "dify_chatflow" in line]
    assert [line.split(" in ")[0] for line in lines] == [
        f"GET /v1/conversations/{conv}/variables -> HTTP 200",
        f"PUT /v1/conversations/{conv}/variables/"
        + lines[1].split("/variables/")[1].split(" ")[0]
        + " -> HTTP 200",
    ]
    assert all(line.endswith("(retry 0)") for line in lines)
    assert "INFO" in stderr
    assert "DEBUG" not in stderr


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_dify_log_debug_adds_details_and_never_the_key_or_a_secret(kind: str) -> None:
    _, stderr = _logged(kind, "debug")
    assert "request id" in stderr
    assert "server version 1.16.1" in stderr
    assert "DEBUG" in stderr
    for hidden in ("app-KEY-never-logged-7", "KEY-never", "tok-NEW-SECRET-value", "tok-OLD"):
        assert hidden not in stderr


def test_without_dify_log_nothing_is_written() -> None:
    _, stderr = _logged("sync", None)
    assert stderr == ""
    _, stderr = _logged("sync", "verbose")  # not a level it knows: left to the application
    assert stderr == ""


# Every family through its raw twin, read against the plain method (the value of a read is
# the same whichever way it is asked; a write is checked by its type).
RAW_READS: list[tuple[str, str]] = [
    ("app", "info"),
    ("app", "parameters"),
    ("app", "meta"),
    ("app", "site"),
    ("conversations", "list"),
    ("messages", "list"),
    ("variables", "list"),
    ("variables", "get"),
    ("annotations", "list"),
    ("workflows", "get_run"),
]


def _read_arguments(server: DifyTestServer, conv: str, family: str, method: str) -> list[Any]:
    if family in ("messages", "variables"):
        return [conv, "n"] if method == "get" else [conv]
    if family == "workflows":
        (message,) = server.messages(conv)
        return [message.workflow_run_id]
    return []


@pytest.fixture
def turn(server: DifyTestServer, conv: str) -> str:
    server.add_turn(conv, "hi", "hello")
    server.add_annotation("q?", "a.")
    return conv


def _same(value: Any) -> Any:
    """What a read gives, comparable: a pager's items, else the value."""
    return value if not hasattr(value, "__iter__") or isinstance(value, list) else list(value)


@pytest.mark.parametrize(("family", "method"), RAW_READS, ids=lambda x: str(x))
def test_every_family_reads_the_same_value_through_its_raw_twin(
    server: DifyTestServer, turn: str, family: str, method: str
) -> None:
    arguments = _read_arguments(server, turn, family, method)
    with sync_client(server) as client:
        resource = getattr(client, family)
        raw = getattr(resource.with_raw_response, method)(*arguments)
        parsed, plain = _same(raw.parse()), _same(getattr(resource, method)(*arguments))
    assert raw.status_code == 200
    assert parsed == plain


@pytest.mark.parametrize(("family", "method"), RAW_READS, ids=lambda x: str(x))
def test_every_async_family_reads_the_same_value_through_its_raw_twin(
    server: DifyTestServer, turn: str, family: str, method: str
) -> None:
    arguments = _read_arguments(server, turn, family, method)

    async def run() -> tuple[APIResponse[Any], Any, Any]:
        async with async_client(server) as client:
            resource = getattr(client, family)
            raw = await getattr(resource.with_raw_response, method)(*arguments)
            plain = getattr(resource, method)(*arguments)
            if hasattr(plain, "__aiter__"):
                return raw, [x async for x in raw.parse()], [x async for x in plain]
            return raw, raw.parse(), await plain

    raw, parsed, plain = asyncio.run(run())
    assert raw.status_code == 200
    assert _same(parsed) == _same(plain)


def test_writes_through_raw_twins_give_the_plain_methods_types(
    server: DifyTestServer, conv: str
) -> None:
    with sync_client(server) as client:
        sent = client.chat.with_raw_response.send("hello", conversation_id=conv)
        uploaded = client.files.with_raw_response.upload(b"%PDF-1.4", filename="a.pdf")
        renamed = client.conversations.with_raw_response.rename(conv, "named")
    assert (sent.status_code, type(sent.parse()).__name__) == (200, "ChatReply")
    assert (uploaded.status_code, type(uploaded.parse()).__name__) == (201, "UploadedFile")
    assert renamed.parse().name == "named"
