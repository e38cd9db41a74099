"""Raw twins are typed as the methods they wrap: ``parse()`` gives the plain method's type,
a misspelled method or a wrong argument is reported by mypy --strict, and every public
method of every resource (blocking and async) has its twin."""

from __future__ import annotations

import asyncio
import inspect
import re
import textwrap
from pathlib import Path

import pytest
from dify_chatflow import AsyncChatflowClient, ChatflowClient
from dify_chatflow._base_client import AsyncAPIResource, SyncAPIResource
from dify_chatflow._client import Family
from mypy_support import marked_errors, marked_reveals, mypy_reports

SAMPLE = textwrap.dedent(
    """\
    from dify_chatflow import AsyncChatflowClient, ChatflowClient


    def blocking(client: ChatflowClient) -> None:
        raw = client.chat.with_raw_response.send("hi")
        reveal_type(raw)  # revealed: APIResponse[ChatReply]
        reveal_type(raw.parse())  # revealed: ChatReply
        reveal_type(client.chat.with_raw_response.stream("hi").parse())  # revealed: ChatStream
        listed = client.conversations.with_raw_response.list()
        reveal_type(listed.parse())  # revealed: SyncPager[Conversation]
        client.chat.with_raw_response.sned("hi")  # error: attr-defined
        client.chat.with_raw_response.send(42)  # error: arg-type


    async def concurrent(client: AsyncChatflowClient) -> None:
        raw = await client.chat.with_raw_response.send("hi")
        reveal_type(raw.parse())  # revealed: ChatReply
        opened = await client.chat.with_raw_response.stream("hi")
        reveal_type(opened.parse())  # revealed: AsyncChatStream
        listed = await client.conversations.with_raw_response.list()
        reveal_type(listed.parse())  # revealed: AsyncPager[Conversation]
        await client.chat.with_raw_response.sned("hi")  # error: attr-defined
        client.chat.with_raw_response.send("hi").parse()  # error: attr-defined
    """
)

# mypy spells the package's types out in full; the marks use their short names.
FULL_NAMES = {
    "APIResponse": "dify_chatflow._response.APIResponse",
    "ChatReply": "dify_chatflow.types.chat.ChatReply",
    "AsyncChatStream": "dify_chatflow._streaming.AsyncChatStream",
    "ChatStream": "dify_chatflow._streaming.ChatStream",
    "SyncPager": "dify_chatflow._pagination.SyncPager",
    "AsyncPager": "dify_chatflow._pagination.AsyncPager",
    "Conversation": "dify_chatflow.types.conversations.Conversation",
}


def _spelled_out(shown: str) -> str:
    pattern = "|".join(sorted(FULL_NAMES, key=len, reverse=True))
    return re.sub(rf"\b({pattern})\b", lambda m: FULL_NAMES[m.group(1)], shown)


def test_raw_twins_are_typed_as_the_methods_they_wrap(tmp_path: Path, repo_root: Path) -> None:
    (tmp_path / "raw.py").write_text(SAMPLE)
    errors, revealed = mypy_reports(tmp_path, ["raw.py"], repo_root / "pyproject.toml")
    expected_reveals = {(line, _spelled_out(shown)) for line, shown in marked_reveals(SAMPLE)}
    assert len(expected_reveals) == 7
    assert revealed["raw.py"] == expected_reveals
    assert errors["raw.py"] == marked_errors(SAMPLE)


def _resources(client: object) -> dict[str, object]:
    """The client's resources (``client.chat``, ...), by attribute name."""
    names = [
        name for name, member in inspect.getmembers(type(client)) if isinstance(member, Family)
    ]
    return {name: getattr(client, name) for name in names}


def _public_methods(resource: object) -> set[str]:
    return {
        name
        for name, member in inspect.getmembers(type(resource), inspect.isfunction)
        if not name.startswith("_")
    }


@pytest.mark.parametrize(
    ("client_type", "base"),
    [(ChatflowClient, SyncAPIResource), (AsyncChatflowClient, AsyncAPIResource)],
    ids=["sync", "async"],
)
def test_every_public_method_of_every_resource_has_a_raw_twin(
    client_type: type[ChatflowClient] | type[AsyncChatflowClient], base: type
) -> None:
    client = client_type(api_key="app-k", base_url="http://127.0.0.1:9", user="u")
    resources = _resources(client)
    assert len(resources) == 11
    assert all(isinstance(resource, base) for resource in resources.values())
    for name, resource in resources.items():
        raw = resource.with_raw_response  # type: ignore[attr-defined]
        twins = {twin for twin in vars(raw) if not twin.startswith("_")}
        assert twins == _public_methods(resource), name
        for method in twins:
            wrapped = getattr(raw, method).__wrapped__
            assert wrapped == getattr(resource, method), f"{name}.{method}"
            assert getattr(raw, method).__doc__ == wrapped.__doc__
    if isinstance(client, AsyncChatflowClient):
        asyncio.run(client.close())
    else:
        client.close()
