"""A raw httpx client following Dify's published API docs runs a whole conversation."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from dify_chatflow.testing import DifyTestServer

DIALECTS = ("1.10", "1.16")


@pytest.fixture(params=DIALECTS)
def http(request: pytest.FixtureRequest) -> Iterator[httpx.Client]:
    with DifyTestServer(api_key="app-docs", dialect=request.param) as server:
        server.add_app(
            "app-docs", variables=[{"name": "mood", "value_type": "string", "value": "calm"}]
        )
        headers = {"Authorization": "Bearer app-docs"}
        with httpx.Client(base_url=server.base_url, headers=headers, verify=False) as client:
            yield client


def test_send_stream_continue_list_history_rename_delete(http):
    user = "docs-user"
    # Send a message (blocking), as the docs' first example does.
    sent = http.post(
        "/chat-messages",
        json={
            "inputs": {},
            "query": "What are the specs of the iPhone 13 Pro Max?",
            "response_mode": "blocking",
            "conversation_id": "",
            "user": user,
        },
    )
    assert sent.status_code == 200
    reply = sent.json()
    conversation_id = reply["conversation_id"]
    assert reply["answer"] == "What are the specs of the iPhone 13 Pro Max?"

    # Continue it, streaming: read `data:` lines until message_end / workflow_finished.
    answer, ended = "", set()
    body = {
        "inputs": {},
        "query": "And the price?",
        "response_mode": "streaming",
        "conversation_id": conversation_id,
        "user": user,
    }
    with http.stream("POST", "/chat-messages", json=body) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        for line in stream.iter_lines():
            if not line.startswith("data: "):
                continue
            event = json.loads(line[len("data: ") :])
            assert event["conversation_id"] == conversation_id
            if event["event"] == "message":
                answer += event["answer"]
            ended.add(event["event"])
    assert answer == "And the price?"
    assert {"message_end", "workflow_finished"} <= ended

    # Its variables, at the app's defaults.
    variables = http.get(f"/conversations/{conversation_id}/variables", params={"user": user})
    assert [(v["name"], v["value"]) for v in variables.json()["data"]] == [("mood", "calm")]

    # List conversations and read the history.
    listed = http.get("/conversations", params={"user": user, "last_id": "", "limit": 20})
    assert [c["id"] for c in listed.json()["data"]] == [conversation_id]
    history = http.get("/messages", params={"user": user, "conversation_id": conversation_id})
    assert [m["query"] for m in history.json()["data"]] == [
        "What are the specs of the iPhone 13 Pro Max?",
        "And the price?",
    ]

    # Rename, then delete.
    renamed = http.post(
        f"/conversations/{conversation_id}/name",
        json={"name": "iPhone", "auto_generate": False, "user": user},
    )
    assert renamed.json()["name"] == "iPhone"
    deleted = http.request("DELETE", f"/conversations/{conversation_id}", json={"user": user})
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert http.get("/conversations", params={"user": user}).json()["data"] == []
