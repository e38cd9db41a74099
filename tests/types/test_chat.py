"""ChatReply and Usage: built from the blocking answer (both dialects) and a finished
stream's message_end, ids as UUIDs, prices as exact Decimals, clear errors when malformed."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from dify_chatflow import ResponseDecodeError
from dify_chatflow.types.chat import ChatReply, Usage

pytestmark = pytest.mark.filterwarnings("error")

TASK = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
CONVERSATION = "0b8f3f4e-8c4e-4a7e-9d55-2f6f0a1d7c11"
MESSAGE = "5a1e2c3d-4b5f-4a6b-8c7d-9e0f1a2b3c4d"
RUN = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f10"

USAGE = {
    "prompt_tokens": 12,
    "prompt_unit_price": "0.0015",
    "prompt_price_unit": "0.001",
    "prompt_price": "0.0000180",
    "completion_tokens": 4,
    "completion_unit_price": "0.002",
    "completion_price_unit": "0.001",
    "completion_price": "0.0000080",
    "total_tokens": 16,
    "total_price": "0.0000260",
    "currency": "USD",
    "latency": 0.8123,
    "time_to_first_token": 0.2,
    "time_to_generate": 0.6,
}


def blocking_1_10(**changes: Any) -> dict[str, Any]:
    """A blocking answer as Dify 1.10.1 sends it (no ``workflow_run_id``, no ``reasoning``)."""
    body: dict[str, Any] = {
        "event": "message",
        "task_id": TASK,
        "id": MESSAGE,
        "message_id": MESSAGE,
        "conversation_id": CONVERSATION,
        "mode": "advanced-chat",
        "answer": "Hello world",
        "metadata": {
            "annotation_reply": None,
            "retriever_resources": [{"position": 1, "dataset_name": "docs"}],
            "usage": USAGE,
        },
        "created_at": 1764576000,
    }
    body.update(changes)
    return body


def blocking_1_16() -> dict[str, Any]:
    body = blocking_1_10()
    body["metadata"] = {**body["metadata"], "reasoning": {}}
    return body


@pytest.mark.parametrize("body", [blocking_1_10(), blocking_1_16()], ids=["1.10", "1.16"])
def test_a_blocking_answer_becomes_a_typed_reply(body: dict[str, Any]) -> None:
    reply = ChatReply.from_blocking(json.loads(json.dumps(body)))
    assert reply.answer == "Hello world"
    assert reply.conversation_id == uuid.UUID(CONVERSATION)
    assert reply.message_id == uuid.UUID(MESSAGE)
    assert reply.task_id == uuid.UUID(TASK)
    assert reply.created_at == datetime(2025, 12, 1, 8, 0, tzinfo=UTC)
    assert reply.retriever_resources == [{"position": 1, "dataset_name": "docs"}]
    assert reply.metadata == body["metadata"]
    assert reply.workflow_run_id is None
    assert reply.paused is None


def test_usage_is_typed_with_exact_decimal_prices() -> None:
    usage = ChatReply.from_blocking(blocking_1_10()).usage
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (12, 4, 16)
    assert usage.total_price == Decimal("0.0000260")
    assert str(usage.prompt_price) == "0.0000180"  # kept as sent, not through a float
    assert usage.prompt_unit_price == Decimal("0.0015")
    assert usage.currency == "USD"
    assert (usage.latency, usage.time_to_first_token, usage.time_to_generate) == (0.8123, 0.2, 0.6)


def test_a_usage_without_fields_reads_zero() -> None:
    assert Usage.from_dict(None) == Usage()
    usage = Usage.from_dict({"total_tokens": 3, "total_price": 0.5})
    assert (usage.total_tokens, usage.total_price, usage.prompt_price) == (
        3,
        Decimal("0.5"),
        Decimal(0),
    )
    assert usage.time_to_first_token is None


def test_a_finished_stream_becomes_a_reply_with_its_run_id() -> None:
    message_end = {
        "event": "message_end",
        "conversation_id": CONVERSATION,
        "message_id": MESSAGE,
        "created_at": 1764576000,
        "task_id": TASK,
        "id": MESSAGE,
        "metadata": {"annotation_reply": None, "retriever_resources": [], "usage": USAGE},
        "files": [],
    }
    reply = ChatReply.from_stream(message_end, answer="streamed", workflow_run_id=uuid.UUID(RUN))
    assert reply.answer == "streamed"
    assert reply.message_id == uuid.UUID(MESSAGE)
    assert reply.workflow_run_id == uuid.UUID(RUN)
    assert reply.usage.total_tokens == 16


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"conversation_id": None}, "'conversation_id' is missing"),
        ({"task_id": "task-1"}, "'task_id' is not a UUID"),
        ({"created_at": "yesterday"}, "'created_at' is not an ISO 8601 timestamp"),
        ({"created_at": None}, "'created_at' is missing"),
        ({"answer": 42}, "'answer' is not a string"),
        ({"metadata": []}, "'metadata' is not a JSON object"),
        ({"metadata": {"usage": {"total_price": "free"}}}, "'total_price' is not a decimal"),
        ({"metadata": {"usage": {"total_tokens": "many"}}}, "'total_tokens' is not an integer"),
    ],
)
def test_a_malformed_answer_raises_a_decode_error_naming_the_field(
    changes: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ResponseDecodeError, match=problem) as caught:
        ChatReply.from_blocking(blocking_1_10(**changes))
    assert MESSAGE in caught.value.raw  # shows what the server sent


def test_a_body_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ResponseDecodeError, match="not a JSON object"):
        ChatReply.from_blocking(["not", "a", "reply"])


def test_the_reply_is_frozen_and_its_repr_short() -> None:
    reply = ChatReply.from_blocking(blocking_1_10(answer="long answer " * 100))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        reply.answer = "changed"  # type: ignore[misc]
    shown = repr(reply)
    assert len(shown) < 250
    assert shown.startswith("ChatReply(answer='long answer long answer")
    assert CONVERSATION in shown
    assert "total_tokens=16" in shown
