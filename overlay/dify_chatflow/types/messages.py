"""A message of a conversation's history, as ``GET /messages`` returns it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from .._convert import (
    decoding,
    json_list,
    json_object,
    mapping_of,
    optional_decimal,
    optional_float,
    optional_integer,
    optional_text,
    optional_uuid,
    short_repr,
    text,
    timestamp,
    uuid_of,
)
from .._models import Model

__all__ = ["Feedback", "Message", "MessageFile"]

# Dify's parent of a message that has none (every message sent through the API).
_NIL_UUID = uuid.UUID(int=0)


@attrs.frozen(repr=False)
class MessageFile(Model):
    """A file attached to a message, by the user or by the assistant (``belongs_to``).

    ``url`` is a signed preview link; the repr leaves it out.
    """

    id: uuid.UUID
    filename: str | None
    type: str
    url: str | None
    mime_type: str | None
    size: int | None
    transfer_method: str | None
    belongs_to: str | None
    upload_file_id: uuid.UUID | None

    @classmethod
    def from_json(cls, data: Any) -> MessageFile:
        """Build from one item of a message's ``message_files``."""
        item = mapping_of(data, "message file")
        with decoding("message file", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                filename=optional_text(item.get("filename"), "filename"),
                type=text(item.get("type"), "type"),
                url=optional_text(item.get("url"), "url"),
                mime_type=optional_text(item.get("mime_type"), "mime_type"),
                size=optional_integer(item.get("size"), "size"),
                transfer_method=optional_text(item.get("transfer_method"), "transfer_method"),
                belongs_to=optional_text(item.get("belongs_to"), "belongs_to"),
                upload_file_id=optional_uuid(item.get("upload_file_id"), "upload_file_id"),
            )

    def __repr__(self) -> str:
        return (
            f"MessageFile(id={str(self.id)!r}, filename={short_repr(self.filename)}, "
            f"type={self.type!r}, belongs_to={self.belongs_to!r})"
        )


@attrs.frozen
class Feedback(Model):
    """The current user's rating of a message: ``"like"`` or ``"dislike"``."""

    rating: str
    content: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> Feedback:
        """Build from a message's ``feedback`` object."""
        item = mapping_of(data, "feedback")
        with decoding("feedback", data):
            return cls(
                rating=text(item.get("rating"), "rating"),
                content=optional_text(item.get("content"), "content"),
            )


@attrs.frozen(repr=False)
class Message(Model):
    """One turn of a conversation: the user's ``query`` and the app's ``answer``.

    ``status`` is ``"normal"``, ``"error"`` (then ``error`` says why) or, on servers from
    1.14, ``"paused"`` (waiting for human input). ``parent_message_id`` is ``None`` when
    the server records no parent (it sends the nil UUID for that). Servers from 1.16 also
    report token counts, latency, the price (a :class:`~decimal.Decimal`) and
    ``extra_contents`` (e.g. human input forms); older ones leave them ``None`` / empty.
    ``retriever_resources``, ``agent_thoughts`` and ``extra_contents`` are the server's
    JSON objects. The repr shows the ids, the status and the start of query and answer.
    """

    id: uuid.UUID
    conversation_id: uuid.UUID
    parent_message_id: uuid.UUID | None
    inputs: Mapping[str, Any] = attrs.field(hash=False)
    query: str
    answer: str
    message_files: tuple[MessageFile, ...]
    feedback: Feedback | None
    retriever_resources: tuple[Mapping[str, Any], ...] = attrs.field(hash=False)
    created_at: datetime
    agent_thoughts: tuple[Mapping[str, Any], ...] = attrs.field(hash=False)
    status: str
    error: str | None
    message_tokens: int | None = None
    answer_tokens: int | None = None
    provider_response_latency: float | None = None
    total_price: Decimal | None = None
    currency: str | None = None
    extra_contents: tuple[Mapping[str, Any], ...] = attrs.field(default=(), hash=False)

    @classmethod
    def from_json(cls, data: Any) -> Message:
        """Build from one item of the server's message list (1.10 or 1.16 fields).

        Extra fields are ignored. Raises :class:`~dify_chatflow.ResponseDecodeError` for a
        malformed item.
        """
        item = mapping_of(data, "message")
        with decoding("message", data):
            parent = optional_uuid(item.get("parent_message_id"), "parent_message_id")
            feedback = item.get("feedback")
            return cls(
                id=uuid_of(item.get("id"), "id"),
                conversation_id=uuid_of(item.get("conversation_id"), "conversation_id"),
                parent_message_id=None if parent == _NIL_UUID else parent,
                inputs=json_object(item.get("inputs"), "inputs"),
                query=optional_text(item.get("query"), "query") or "",
                answer=optional_text(item.get("answer"), "answer") or "",
                message_files=tuple(
                    MessageFile.from_json(file)
                    for file in json_list(item.get("message_files"), "message_files")
                ),
                feedback=None if feedback is None else Feedback.from_json(feedback),
                retriever_resources=_objects(item, "retriever_resources"),
                created_at=timestamp(item.get("created_at"), "created_at"),
                agent_thoughts=_objects(item, "agent_thoughts"),
                status=optional_text(item.get("status"), "status") or "normal",
                error=optional_text(item.get("error"), "error"),
                message_tokens=optional_integer(item.get("message_tokens"), "message_tokens"),
                answer_tokens=optional_integer(item.get("answer_tokens"), "answer_tokens"),
                provider_response_latency=optional_float(
                    item.get("provider_response_latency"), "provider_response_latency"
                ),
                total_price=optional_decimal(item.get("total_price"), "total_price"),
                currency=optional_text(item.get("currency"), "currency"),
                extra_contents=_objects(item, "extra_contents"),
            )

    def __repr__(self) -> str:
        return (
            f"Message(id={str(self.id)!r}, conversation_id={str(self.conversation_id)!r}, "
            f"status={self.status!r}, query={short_repr(self.query)}, "
            f"answer={short_repr(self.answer)}, created_at={self.created_at.isoformat()!r})"
        )


def _objects(item: Mapping[str, Any], key: str) -> tuple[Mapping[str, Any], ...]:
    """The list of JSON objects in ``item[key]`` (empty when missing)."""
    items = json_list(item.get(key), key)
    for item in items:
        if not isinstance(item, Mapping):
            raise ValueError(f"field {key!r} holds an item that is not an object")
    return tuple(items)
