"""The pytest plugin's fixtures: a server, a seeded conversation, bound clients."""

from __future__ import annotations

import uuid

import pytest
from dify_chatflow import AsyncChatflowClient, ChatflowClient
from dify_chatflow.testing import DEMO_USER, DifyTestServer
from server_support import raw


def test_the_seeded_conversation_has_variables_and_a_turn(dify_server, dify_conversation):
    (conversation,) = dify_server.conversations(user=DEMO_USER)
    assert isinstance(dify_conversation, uuid.UUID)  # like every id the client returns
    assert conversation.id == str(dify_conversation)
    assert conversation.name == "Demo conversation"
    assert conversation.variables["user_preference"] == "dark"
    (message,) = dify_server.messages(dify_conversation)
    assert (message.query, message.answer) == ("What can you do?", "I answer with what you say.")
    listed = raw(
        dify_server.port, "GET", f"/messages?user={DEMO_USER}&conversation_id={dify_conversation}"
    ).json()
    assert [m["query"] for m in listed["data"]] == ["What can you do?"]


def test_dify_client_is_bound_to_the_server(dify_client, dify_conversation):
    assert isinstance(dify_client, ChatflowClient)
    variable = dify_client.variables.get(dify_conversation, "user_preference")
    assert variable.value == "dark"


@pytest.mark.anyio
async def test_dify_async_client_lives_in_the_tests_loop(dify_async_client, dify_conversation):
    assert isinstance(dify_async_client, AsyncChatflowClient)
    variables = await dify_async_client.variables.list(dify_conversation)
    assert {v.name for v in variables} >= {"user_preference", "visits"}


def test_the_session_server_is_shared(dify_session_server, request):
    assert isinstance(dify_session_server, DifyTestServer)
    assert request.getfixturevalue("dify_session_server") is dify_session_server
    assert raw(dify_session_server.port, "GET", "/info").status == 200
