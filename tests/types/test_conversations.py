"""Conversation: built from the server's list item or rename answer (1.10 and 1.16)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from dify_chatflow import DifyError, ResponseDecodeError
from dify_chatflow.types.conversations import Conversation

CONVERSATION_ID = "9d2f7a0e-3b1c-4e5f-8a6b-7c8d9e0f1a2b"


def body(**changes: Any) -> dict[str, Any]:
    """One item of GET /conversations as Dify 1.10.1 sends it."""
    data: dict[str, Any] = {
        "id": CONVERSATION_ID,
        "name": "Hello there, how are…",
        "inputs": {"topic": "billing", "account_pin": "4711"},
        "status": "normal",
        "introduction": "",
        "created_at": 1_764_578_000,
        "updated_at": 1_764_577_999,
    }
    data.update(changes)
    return data


def test_fields_are_typed() -> None:
    conversation = Conversation.from_json(body())
    assert conversation.id == uuid.UUID(CONVERSATION_ID)
    assert conversation.name == "Hello there, how are…"
    assert conversation.inputs == {"topic": "billing", "account_pin": "4711"}
    assert conversation.status == "normal"
    assert conversation.introduction == ""
    assert conversation.created_at == datetime(2025, 12, 1, 8, 33, 20, tzinfo=UTC)
    # Dify's updated_at can be earlier than created_at: kept as sent.
    assert conversation.updated_at < conversation.created_at


def test_extra_fields_are_ignored_and_a_null_introduction_reads_empty() -> None:
    newer = body(introduction=None, model_config={"x": 1}, read_at=None)
    assert Conversation.from_json(newer) == Conversation.from_json(body())


def test_iso_timestamps_are_read_as_utc() -> None:
    conversation = Conversation.from_json(body(updated_at="2025-12-01T09:33:20+01:00"))
    assert conversation.updated_at == datetime(2025, 12, 1, 8, 33, 20, tzinfo=UTC)
    assert conversation.updated_at.tzinfo is UTC


def test_models_are_frozen() -> None:
    conversation = Conversation.from_json(body())
    with pytest.raises(AttributeError):
        conversation.name = "other"  # type: ignore[misc]


def test_repr_is_short_and_leaves_the_inputs_out() -> None:
    shown = repr(Conversation.from_json(body(name="n" * 500)))
    assert CONVERSATION_ID in shown
    assert "4711" not in shown
    assert len(shown) < 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "not-a-uuid"}, "id"),
        ({"id": None}, "id"),
        ({"name": 5}, "name"),
        ({"inputs": ["a"]}, "inputs"),
        ({"created_at": None}, "created_at"),
        ({"updated_at": "yesterday"}, "updated_at"),
        ({"updated_at": 10**20}, "updated_at"),
    ],
)
def test_a_malformed_item_names_the_field_without_echoing_the_body(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        Conversation.from_json(body(**changes))
    message = str(caught.value)
    assert message.startswith("malformed conversation: field ")
    assert f"'{field}'" in message
    assert "4711" not in message
    assert json.loads(caught.value.raw) == body(**changes)
    assert isinstance(caught.value, DifyError)


@pytest.mark.parametrize("data", [None, [], "text"])
def test_an_answer_that_is_no_object_is_a_decode_error(data: Any) -> None:
    with pytest.raises(ResponseDecodeError, match="conversation is not a JSON object"):
        Conversation.from_json(data)
