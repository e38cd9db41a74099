"""Annotations (curated question / answer pairs the app can reply with) and the jobs that
switch annotation replies on and off."""

from __future__ import annotations

import uuid
from collections.abc import Coroutine
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

from .._constants import REPLY_JOB_TIMEOUT
from .._convert import (
    decoding,
    integer_or_zero,
    mapping_of,
    optional_text,
    short_repr,
    text,
    text_or_empty,
    timestamp,
    uuid_of,
)
from .._models import Model

if TYPE_CHECKING:
    from .._client import AsyncChatflowClient, ChatflowClient

__all__ = ["Annotation", "AnnotationReplyJob", "ReplyAction"]

ReplyAction = Literal["enable", "disable"]
"""What an annotation reply job does: switch annotation replies on or off."""


@attrs.frozen(repr=False)
class Annotation(Model):
    """One annotation of the app: a question and the answer the app replies with when a
    query matches it closely enough. ``hit_count`` counts those replies; ``created_at``
    is an aware UTC datetime."""

    id: uuid.UUID
    question: str
    answer: str
    hit_count: int
    created_at: datetime

    @classmethod
    def from_json(cls, data: Any) -> Annotation:
        """Build from the server's answer (one item of the list, or a create / update
        answer); raises :class:`~dify_chatflow.ResponseDecodeError` for a malformed one."""
        item = mapping_of(data, "annotation")
        with decoding("annotation", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                question=text_or_empty(item.get("question"), "question"),
                answer=text_or_empty(item.get("answer"), "answer"),
                hit_count=integer_or_zero(item.get("hit_count"), "hit_count"),
                created_at=timestamp(item.get("created_at"), "created_at"),
            )

    def __repr__(self) -> str:
        return (
            f"Annotation(id={str(self.id)!r}, question={short_repr(self.question)}, "
            f"answer={short_repr(self.answer)}, hit_count={self.hit_count})"
        )


@attrs.frozen
class AnnotationReplyJob(Model):
    """A job that switches annotation replies on (``action="enable"``) or off.

    ``status`` is ``"waiting"``, ``"processing"``, ``"completed"`` or ``"error"``
    (``error_message`` then says why). :meth:`wait` polls until it ends.
    """

    job_id: uuid.UUID
    action: ReplyAction
    status: str
    error_message: str | None = None

    @property
    def done(self) -> bool:
        """True once the job has ended (``completed`` or ``error``)."""
        return self.status in ("completed", "error")

    @classmethod
    def from_json(cls, data: Any, action: ReplyAction | None = None) -> AnnotationReplyJob:
        """Build from a start answer (``job_id``, ``job_status``) or a status answer (with
        ``error_msg``); ``action`` is the one the job was asked under (the answers do not
        carry it; ``None``: read from an ``action`` field).

        Raises :class:`~dify_chatflow.ResponseDecodeError` for a malformed one.
        """
        item = mapping_of(data, "annotation reply job")
        with decoding("annotation reply job", data):
            return cls(
                job_id=uuid_of(item.get("job_id"), "job_id"),
                action=_action(item.get("action")) if action is None else action,
                status=text(item.get("job_status"), "job_status"),
                error_message=optional_text(item.get("error_msg"), "error_msg") or None,
            )

    @overload
    def wait(
        self, client: ChatflowClient, timeout: float = REPLY_JOB_TIMEOUT
    ) -> AnnotationReplyJob: ...
    @overload
    def wait(
        self, client: AsyncChatflowClient, timeout: float = REPLY_JOB_TIMEOUT
    ) -> Coroutine[Any, Any, AnnotationReplyJob]: ...
    def wait(
        self, client: ChatflowClient | AsyncChatflowClient, timeout: float = REPLY_JOB_TIMEOUT
    ) -> AnnotationReplyJob | Coroutine[Any, Any, AnnotationReplyJob]:
        """Poll the job through ``client`` (waits growing from a quarter second to two)
        until it ends; the ended job. With an async client, await the result.

        Raises :class:`~dify_chatflow.AnnotationReplyJobError` (the server's message) when
        it ends in ``error``, :class:`~dify_chatflow.AnnotationReplyJobTimeoutError` (an
        ``APITimeoutError``, its ``job`` the last status) when it is still running after
        ``timeout`` seconds.
        """
        return client.annotations._wait(self, timeout, called="AnnotationReplyJob.wait")


def _action(value: Any) -> ReplyAction:
    if value == "enable" or value == "disable":
        return value  # type: ignore[no-any-return]
    raise ValueError(f"field 'action' must be 'enable' or 'disable', got {short_repr(value)}")
