"""The reply to a chat message: ``ChatReply`` and its token ``Usage``."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .._convert import (
    decimal_or_zero,
    decoding,
    integer_or_zero,
    json_list,
    json_object,
    number_or_zero,
    optional_float,
    optional_uuid,
    text_or_empty,
    timestamp,
    uuid_of,
)
from .._exceptions import ResponseDecodeError
from .._models import Model

if TYPE_CHECKING:
    from .forms import WorkflowPause

__all__ = ["ChatReply", "Usage"]

_SHOWN_CHARS = 60
_MALFORMED = (ValueError, TypeError, OverflowError, OSError)


@attrs.frozen
class Usage(Model):
    """Tokens and prices of one chat turn (``metadata.usage``); prices are ``Decimal``.

    A field the server left out reads 0 (``None`` for the two timing fields Dify only
    sometimes sends); a turn that paused before its end has no usage yet, so all zero.
    """

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    prompt_unit_price: Decimal = Decimal(0)
    prompt_price_unit: Decimal = Decimal(0)
    prompt_price: Decimal = Decimal(0)
    completion_unit_price: Decimal = Decimal(0)
    completion_price_unit: Decimal = Decimal(0)
    completion_price: Decimal = Decimal(0)
    total_price: Decimal = Decimal(0)
    currency: str = ""
    latency: float = 0.0
    time_to_first_token: float | None = None
    time_to_generate: float | None = None

    @classmethod
    def from_json(cls, data: Any) -> Usage:
        """Build from the server's ``usage`` object (``None`` gives an all-zero usage).

        Raises :class:`ResponseDecodeError` naming the field for a malformed one.
        """
        with decoding("usage", data):
            return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Usage:
        """Build from the server's ``usage`` object (``None`` gives an all-zero usage).

        Raises ``ValueError`` naming the field for a malformed one.
        """
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ValueError("field 'usage' is not a JSON object")
        get = data.get
        return cls(
            prompt_tokens=integer_or_zero(get("prompt_tokens"), "prompt_tokens"),
            completion_tokens=integer_or_zero(get("completion_tokens"), "completion_tokens"),
            total_tokens=integer_or_zero(get("total_tokens"), "total_tokens"),
            prompt_unit_price=decimal_or_zero(get("prompt_unit_price"), "prompt_unit_price"),
            prompt_price_unit=decimal_or_zero(get("prompt_price_unit"), "prompt_price_unit"),
            prompt_price=decimal_or_zero(get("prompt_price"), "prompt_price"),
            completion_unit_price=decimal_or_zero(
                get("completion_unit_price"), "completion_unit_price"
            ),
            completion_price_unit=decimal_or_zero(
                get("completion_price_unit"), "completion_price_unit"
            ),
            completion_price=decimal_or_zero(get("completion_price"), "completion_price"),
            total_price=decimal_or_zero(get("total_price"), "total_price"),
            currency=text_or_empty(get("currency"), "currency"),
            latency=number_or_zero(get("latency"), "latency"),
            time_to_first_token=optional_float(get("time_to_first_token"), "time_to_first_token"),
            time_to_generate=optional_float(get("time_to_generate"), "time_to_generate"),
        )


@attrs.frozen(repr=False)
class ChatReply(Model):
    """The answer to one chat message, from a blocking call or a finished stream.

    Ids are UUIDs, ``created_at`` an aware UTC datetime; ``metadata`` is the server's raw
    ``metadata`` object (``usage`` and ``retriever_resources`` typed beside it).
    ``workflow_run_id`` is known from a stream (a blocking answer carries it only when the
    run paused). ``paused`` is a :class:`WorkflowPause` when the run stopped to wait for
    human input (Dify 1.14+; ``answer`` is then the text so far, usage zero): submit its
    ``forms`` and ``client.chat.resume(reply)``. ``None`` for a finished turn.
    """

    answer: str
    conversation_id: uuid.UUID
    message_id: uuid.UUID
    task_id: uuid.UUID
    created_at: datetime
    usage: Usage = attrs.field(factory=Usage)
    retriever_resources: list[dict[str, Any]] = attrs.field(factory=list, hash=False)
    metadata: dict[str, Any] = attrs.field(factory=dict, hash=False)
    workflow_run_id: uuid.UUID | None = None
    paused: WorkflowPause | None = attrs.field(default=None, hash=False)

    @classmethod
    def from_blocking(cls, data: Any) -> ChatReply:
        """Build from the JSON answer of a blocking ``POST /chat-messages`` (any dialect).

        Raises :class:`ResponseDecodeError` when a field is missing or malformed.
        """
        if not isinstance(data, Mapping):
            raise ResponseDecodeError("chat reply is not a JSON object", raw=_text(data))
        reply = cls._build(data, data.get("answer"), workflow_run_id=None)
        if data.get("event") != "workflow_paused":
            return reply
        # A run that waits for human input: the answer's `data` is workflow_paused's data.
        from .forms import WorkflowPause

        paused = data.get("data")
        pause = WorkflowPause.from_json(
            paused if isinstance(paused, Mapping) else {},
            workflow_run_id=data.get("workflow_run_id"),
        )
        return attrs.evolve(reply, workflow_run_id=pause.workflow_run_id, paused=pause)

    #: The reply from the JSON answer of a blocking chat message: :meth:`from_blocking`.
    from_json = from_blocking

    @classmethod
    def from_stream(
        cls,
        message_end: Mapping[str, Any],
        *,
        answer: str,
        workflow_run_id: uuid.UUID | None = None,
        paused: WorkflowPause | None = None,
    ) -> ChatReply:
        """Build from a finished stream: its ``message_end`` event's JSON and the answer
        the ``message`` events added up to (after any ``message_replace``); ``paused``
        for a stream that ended with ``workflow_paused``.

        Raises :class:`ResponseDecodeError` when a field is missing or malformed.
        """
        reply = cls._build(message_end, answer, workflow_run_id=workflow_run_id)
        return reply if paused is None else attrs.evolve(reply, paused=paused)

    @classmethod
    def _build(
        cls, source: Mapping[str, Any], answer: Any, *, workflow_run_id: uuid.UUID | None
    ) -> ChatReply:
        get = source.get
        try:
            metadata = json_object(get("metadata"), "metadata")
            return cls(
                answer=text_or_empty(answer, "answer"),
                conversation_id=uuid_of(get("conversation_id"), "conversation_id"),
                # `id` is the message id in both the blocking answer and `message_end`.
                message_id=uuid_of(get("message_id") or get("id"), "message_id"),
                task_id=uuid_of(get("task_id"), "task_id"),
                created_at=timestamp(get("created_at"), "created_at"),
                usage=Usage.from_dict(metadata.get("usage")),
                retriever_resources=json_list(
                    metadata.get("retriever_resources"), "retriever_resources"
                ),
                metadata=metadata,
                workflow_run_id=workflow_run_id
                or optional_uuid(get("workflow_run_id"), "workflow_run_id"),
            )
        except _MALFORMED as exc:
            raise ResponseDecodeError(f"malformed chat reply: {exc}", raw=_text(source)) from None

    def __repr__(self) -> str:
        answer = self.answer
        shown = answer if len(answer) <= _SHOWN_CHARS else answer[: _SHOWN_CHARS - 3] + "..."
        return (
            f"ChatReply(answer={shown!r}, conversation_id='{self.conversation_id}', "
            f"message_id='{self.message_id}', total_tokens={self.usage.total_tokens}"
            f"{', paused' if self.paused is not None else ''})"
        )


def _text(data: Any) -> str:
    return json.dumps(data, default=repr, ensure_ascii=False)
