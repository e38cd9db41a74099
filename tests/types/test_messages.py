"""Message: one item of GET /messages, as Dify 1.10.1 and 1.16.1 send it."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from dify_chatflow import ResponseDecodeError
from dify_chatflow.types.messages import Feedback, Message, MessageFile

MESSAGE_ID = "1c7e5b2a-8d4f-4a3e-9b6c-2d1e0f9a8b7c"
CONVERSATION_ID = "9d2f7a0e-3b1c-4e5f-8a6b-7c8d9e0f1a2b"
FILE_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
UPLOAD_ID = "0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"


def body_1_10(**changes: Any) -> dict[str, Any]:
    """One item of GET /messages as Dify 1.10.1 sends it."""
    data: dict[str, Any] = {
        "id": MESSAGE_ID,
        "conversation_id": CONVERSATION_ID,
        "parent_message_id": "00000000-0000-0000-0000-000000000000",
        "inputs": {"topic": "billing"},
        "query": "What does my invoice say?",
        "answer": "It says you owe nothing.",
        "message_files": [
            {
                "id": FILE_ID,
                "filename": "invoice.pdf",
                "type": "document",
                "url": "http://127.0.0.1/files/x/file-preview?timestamp=1&nonce=n&sign=SIGNED",
                "mime_type": "application/pdf",
                "size": 2048,
                "transfer_method": "local_file",
                "belongs_to": "user",
                "upload_file_id": UPLOAD_ID,
            }
        ],
        "feedback": {"rating": "like"},
        "retriever_resources": [{"position": 1, "dataset_name": "kb", "score": 0.9}],
        "created_at": 1_764_578_000,
        "agent_thoughts": [],
        "status": "normal",
        "error": None,
    }
    data.update(changes)
    return data


def body_1_16(**changes: Any) -> dict[str, Any]:
    """The same item from Dify 1.16.1, with its added fields."""
    data = body_1_10(
        message_tokens=12,
        answer_tokens=7,
        provider_response_latency=0.4213,
        total_price="0.0000190",
        currency="USD",
        extra_contents=[{"type": "human_input", "form_id": "f-1"}],
    )
    data.update(changes)
    return data


def test_a_1_10_message_is_typed() -> None:
    message = Message.from_json(body_1_10())
    assert message.id == uuid.UUID(MESSAGE_ID)
    assert message.conversation_id == uuid.UUID(CONVERSATION_ID)
    assert message.inputs == {"topic": "billing"}
    assert message.query == "What does my invoice say?"
    assert message.answer == "It says you owe nothing."
    assert message.feedback == Feedback(rating="like")
    assert message.retriever_resources == ({"position": 1, "dataset_name": "kb", "score": 0.9},)
    assert message.agent_thoughts == ()
    assert message.created_at == datetime(2025, 12, 1, 8, 33, 20, tzinfo=UTC)
    assert message.status == "normal"
    assert message.error is None
    # Fields 1.10 does not send.
    assert message.message_tokens is None
    assert message.total_price is None
    assert message.extra_contents == ()


def test_the_nil_parent_reads_as_no_parent() -> None:
    assert Message.from_json(body_1_10()).parent_message_id is None
    assert Message.from_json(body_1_10(parent_message_id=None)).parent_message_id is None
    parent = Message.from_json(body_1_10(parent_message_id=CONVERSATION_ID)).parent_message_id
    assert parent == uuid.UUID(CONVERSATION_ID)


def test_message_files_are_typed() -> None:
    (file,) = Message.from_json(body_1_10()).message_files
    assert file == MessageFile(
        id=uuid.UUID(FILE_ID),
        filename="invoice.pdf",
        type="document",
        url="http://127.0.0.1/files/x/file-preview?timestamp=1&nonce=n&sign=SIGNED",
        mime_type="application/pdf",
        size=2048,
        transfer_method="local_file",
        belongs_to="user",
        upload_file_id=uuid.UUID(UPLOAD_ID),
    )
    assert "SIGNED" not in repr(file)


def test_a_1_16_message_carries_tokens_latency_and_an_exact_price() -> None:
    message = Message.from_json(body_1_16())
    assert message.message_tokens == 12
    assert message.answer_tokens == 7
    assert message.provider_response_latency == pytest.approx(0.4213)
    assert message.total_price == Decimal("0.0000190")
    assert message.currency == "USD"
    assert message.extra_contents == ({"type": "human_input", "form_id": "f-1"},)


@pytest.mark.parametrize(("sent", "price"), [(0.1, Decimal("0.1")), (0, Decimal(0))])
def test_a_price_sent_as_a_json_number_keeps_its_decimal_digits(sent: Any, price: Any) -> None:
    assert Message.from_json(body_1_16(total_price=sent)).total_price == price


def test_a_paused_message_of_a_newer_server_keeps_its_status() -> None:
    message = Message.from_json(body_1_16(status="paused", answer=""))
    assert message.status == "paused"
    assert message.answer == ""


def test_an_errored_message_says_why() -> None:
    message = Message.from_json(body_1_10(status="error", error="Run failed: boom", answer=None))
    assert message.error == "Run failed: boom"
    assert message.answer == ""


def test_missing_optional_fields_and_extra_fields_are_tolerated() -> None:
    data = body_1_10(unknown_field={"a": 1})
    for key in ("parent_message_id", "message_files", "feedback", "retriever_resources"):
        del data[key]
    message = Message.from_json(data)
    assert message.message_files == ()
    assert message.feedback is None
    assert message.retriever_resources == ()


def test_a_revoked_or_commented_feedback() -> None:
    assert Message.from_json(body_1_10(feedback=None)).feedback is None
    feedback = Message.from_json(body_1_10(feedback={"rating": "dislike", "content": "no"}))
    assert feedback.feedback == Feedback(rating="dislike", content="no")


def test_repr_is_short() -> None:
    shown = repr(Message.from_json(body_1_10(answer="a" * 10_000)))
    assert MESSAGE_ID in shown
    assert "billing" not in shown
    assert len(shown) < 400


@pytest.mark.parametrize(
    ("changes", "what"),
    [
        ({"conversation_id": "x"}, "message: field 'conversation_id'"),
        ({"created_at": None}, "message: field 'created_at'"),
        ({"total_price": "cheap"}, "message: field 'total_price'"),
        ({"total_price": "NaN"}, "message: field 'total_price'"),
        ({"message_tokens": "12"}, "message: field 'message_tokens'"),
        ({"retriever_resources": ["x"]}, "message: field 'retriever_resources'"),
        ({"feedback": {"rating": None}}, "feedback: field 'rating'"),
        ({"message_files": [{"id": FILE_ID}]}, "message file: field 'type'"),
        ({"message_files": "none"}, "message: field 'message_files'"),
    ],
)
def test_a_malformed_item_is_a_decode_error_naming_the_field(
    changes: dict[str, Any], what: str
) -> None:
    data = body_1_16(**changes)
    with pytest.raises(ResponseDecodeError) as caught:
        Message.from_json(data)
    assert str(caught.value).startswith(f"malformed {what}")
    assert "owe nothing" not in str(caught.value)
    assert json.loads(caught.value.raw)  # the item (or its part) as received
