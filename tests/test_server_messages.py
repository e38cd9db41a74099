"""GET /messages, POST /messages/{id}/feedbacks, GET /messages/{id}/suggested."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from dify_chatflow import ChatflowClient
from dify_chatflow.testing import DifyTestServer
from server_support import DIALECTS, KEY, USER, chat, hint, raw

ITEM_KEYS = {
    "1.10": [
        "id",
        "conversation_id",
        "parent_message_id",
        "inputs",
        "query",
        "answer",
        "message_files",
        "feedback",
        "retriever_resources",
        "created_at",
        "agent_thoughts",
        "status",
        "error",
    ],
    "1.16": [
        "id",
        "conversation_id",
        "parent_message_id",
        "inputs",
        "query",
        "answer",
        "feedback",
        "retriever_resources",
        "created_at",
        "agent_thoughts",
        "message_files",
        "message_tokens",
        "answer_tokens",
        "provider_response_latency",
        "total_price",
        "currency",
        "status",
        "error",
        "extra_contents",
        "total_tokens",
    ],
}


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest, clock: Clock) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param, clock=clock) as started:
        yield started


def conversation(server: DifyTestServer, clock: Clock, *queries: str, step: float = 1) -> str:
    conv_id = None
    for query in queries:
        fields: dict[str, object] = {"conversation_id": conv_id} if conv_id else {}
        conv_id = chat(server.port, query, streaming=False, **fields).json()["conversation_id"]
        clock.now += step
    assert isinstance(conv_id, str)
    return conv_id


def history(server: DifyTestServer, conv: str, **params: object) -> dict[str, Any]:
    query = "&".join(
        f"{k}={v}" for k, v in {"user": USER, "conversation_id": conv, **params}.items()
    )
    response = raw(server.port, "GET", f"/messages?{query}")
    assert response.status == 200, response.body
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_history_is_oldest_first_with_the_dialects_fields(server, clock):
    conv = conversation(server, clock, "one", "two", "three")
    body = history(server, conv)
    assert (body["limit"], body["has_more"]) == (20, False)
    assert [(m["query"], m["answer"]) for m in body["data"]] == [
        ("one", "one"),
        ("two", "two"),
        ("three", "three"),
    ]
    assert list(body["data"][0]) == ITEM_KEYS[server.dialect]
    assert body["data"][0]["status"] == "normal"


def test_a_message_shows_how_long_its_answer_took_and_a_decimal_zero_price(server, clock):
    conv = conversation(server, clock, "one")
    (item,) = history(server, conv)["data"]
    if server.dialect == "1.10":
        assert "total_price" not in item
        return
    assert item["total_price"] == "0E-7"
    latency = item["provider_response_latency"]
    assert isinstance(latency, float)
    assert latency > 0
    with ChatflowClient(api_key=KEY, base_url=server.base_url, user=USER) as client:
        (message,) = client.messages.list(conv)
    assert message.total_price == Decimal(0)
    assert message.provider_response_latency == latency


def test_an_empty_conversation_id_lists_nothing(server, clock):
    conversation(server, clock, "one")
    assert history(server, "") == {"limit": 20, "has_more": False, "data": []}


def test_first_id_pages_to_older_messages(server, clock):
    conv = conversation(server, clock, "m1", "m2", "m3", "m4", "m5")
    newest = history(server, conv, limit=2)
    assert ([m["query"] for m in newest["data"]], newest["has_more"]) == (["m4", "m5"], True)
    older = history(server, conv, limit=2, first_id=newest["data"][0]["id"])
    assert ([m["query"] for m in older["data"]], older["has_more"]) == (["m2", "m3"], True)
    oldest = history(server, conv, limit=2, first_id=older["data"][0]["id"])
    assert ([m["query"] for m in oldest["data"]], oldest["has_more"]) == (["m1"], False)


def test_same_second_messages_are_skipped_by_first_id(server, clock):
    conv = conversation(server, clock, "a", "b", "c", step=0)  # all in one second
    newest = history(server, conv, limit=1)
    assert [m["query"] for m in newest["data"]] == ["c"]
    older = history(server, conv, limit=1, first_id=newest["data"][0]["id"])
    assert older["data"] == []  # Dify's strict "earlier second" skips a and b


def test_refusals(server, clock):
    conv = conversation(server, clock, "x")
    missing = raw(server.port, "GET", f"/messages?user={USER}")
    assert missing.status == 400
    if server.dialect == "1.10":
        assert missing.json() == {
            "errors": {
                "conversation_id": "Conversation ID Missing required parameter in the query string"
            },
            "message": "Input payload validation failed",
        }
    else:
        assert missing.json()["message"].startswith(
            "1 validation error for MessageListQuery\nconversation_id\n  Field required"
        )
    unknown = raw(server.port, "GET", f"/messages?user={USER}&conversation_id={uuid.uuid4()}")
    assert unknown.status == 404
    assert unknown.json()["message"] == "Conversation Not Exists." + hint(
        "/v1/messages", "/v1/messages", "/v1/chat-messages", "/api/messages"
    )
    other = raw(server.port, "GET", f"/messages?user=other&conversation_id={conv}")
    assert other.status == 404
    first = raw(
        server.port,
        "GET",
        f"/messages?user={USER}&conversation_id={conv}&first_id={uuid.uuid4()}",
    )
    assert first.json()["message"].startswith("First Message Not Exists. You have requested")


@pytest.mark.parametrize(
    ("query", "field", "restx"),
    [
        ("conversation_id=nope", "conversation_id", "Conversation ID nope is not a valid uuid."),
        (
            "conversation_id={conv}&first_id=nope",
            "first_id",
            "First message ID for pagination nope is not a valid uuid.",
        ),
        (
            "conversation_id={conv}&limit=0",
            "limit",
            "Number of messages to return Invalid argument: 0. argument must be within the "
            "range 1 - 100",
        ),
    ],
)
def test_1_10_message_list_texts_lead_with_the_arguments_help(clock, query, field, restx):
    with DifyTestServer(api_key=KEY, dialect="1.10", clock=clock) as server:
        conv = conversation(server, clock, "x")
        response = raw(server.port, "GET", f"/messages?user={USER}&" + query.format(conv=conv))
    assert (response.status, response.json()) == (
        400,
        {"errors": {field: restx}, "message": "Input payload validation failed"},
    )


def test_1_16_message_list_ids_must_be_valid_uuids(clock):
    with DifyTestServer(api_key=KEY, dialect="1.16", clock=clock) as server:
        response = raw(server.port, "GET", f"/messages?user={USER}&conversation_id=nope&first_id=x")
    assert (response.status, response.json()["message"]) == (
        400,
        "2 validation errors for MessageListQuery\n"
        "conversation_id\n  Value error, must be a valid UUID [type=value_error, "
        "input_value='nope', input_type=str]\n    For further information visit "
        "https://errors.pydantic.dev/2.12/v/value_error\n"
        "first_id\n  Value error, must be a valid UUID [type=value_error, "
        "input_value='x', input_type=str]\n    For further information visit "
        "https://errors.pydantic.dev/2.12/v/value_error",
    )


def test_1_10_feedback_rating_text_leads_with_its_help(clock):
    with DifyTestServer(api_key=KEY, dialect="1.10", clock=clock) as server:
        conv = conversation(server, clock, "rate me")
        message_id = history(server, conv)["data"][0]["id"]
        body = {"rating": "meh", "user": USER}
        response = raw(server.port, "POST", f"/messages/{message_id}/feedbacks", body)
    assert response.json()["errors"] == {
        "rating": "Feedback rating The value 'meh' is not a valid choice for 'rating'."
    }


def test_feedback_like_then_revoke(server, clock):
    conv = conversation(server, clock, "rate me")
    message_id = history(server, conv)["data"][0]["id"]
    url = f"/messages/{message_id}/feedbacks"
    liked = raw(server.port, "POST", url, {"rating": "like", "user": USER, "content": "good"})
    assert (liked.status, liked.json()) == (200, {"result": "success"})
    assert history(server, conv)["data"][0]["feedback"] == {"rating": "like"}
    raw(server.port, "POST", url, {"rating": None, "user": USER})
    assert history(server, conv)["data"][0]["feedback"] is None
    bad = raw(server.port, "POST", url, {"rating": "meh", "user": USER})
    assert bad.status == 400
    unknown = raw(
        server.port, "POST", f"/messages/{uuid.uuid4()}/feedbacks", {"rating": "like", "user": USER}
    )
    assert (unknown.status, unknown.json()["message"]) == (404, "Message Not Exists.")


def test_suggested_questions_off_and_on(server, clock):
    conv = conversation(server, clock, "suggest")
    message_id = history(server, conv)["data"][0]["id"]
    url = f"/messages/{message_id}/suggested?user={USER}"
    off = raw(server.port, "GET", url)
    assert (off.status, off.json()) == (
        400,
        {"code": "bad_request", "message": "Suggested Questions Is Disabled.", "status": 400},
    )
    server.add_app(KEY, suggested_questions=["And then?", "Why?"])
    on = raw(server.port, "GET", url)
    assert (on.status, on.json()) == (200, {"result": "success", "data": ["And then?", "Why?"]})
    unknown = raw(server.port, "GET", f"/messages/{uuid.uuid4()}/suggested?user={USER}")
    assert unknown.status == 404
