"""A workflow run, as ``GET /workflows/run/{workflow_run_id}`` returns it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._convert import (
    decoding,
    json_text_object,
    mapping_of,
    optional_float,
    optional_integer,
    optional_text,
    optional_timestamp,
    text,
    timestamp,
    uuid_of,
)
from .._models import Model

__all__ = ["WorkflowRun"]


@attrs.frozen(repr=False)
class WorkflowRun(Model):
    """One run of the app's workflow (a chat turn is one).

    ``status`` is ``"running"``, ``"succeeded"``, ``"failed"`` (see ``error``),
    ``"stopped"``, ``"partial-succeeded"`` or ``"paused"``. ``inputs`` and ``outputs``
    are decoded objects whether the server sends JSON text (1.10) or an object (1.16);
    for a chat turn ``outputs["answer"]`` holds the answer, also of a turn whose stream
    was cut. ``finished_at`` and ``elapsed_time`` (seconds) are ``None`` until it ends.
    The repr leaves inputs and outputs out.
    """

    id: uuid.UUID
    workflow_id: uuid.UUID
    status: str
    inputs: Mapping[str, Any] = attrs.field(hash=False)
    outputs: Mapping[str, Any] = attrs.field(hash=False)
    error: str | None
    total_steps: int
    total_tokens: int
    created_at: datetime
    finished_at: datetime | None
    elapsed_time: float | None

    @classmethod
    def from_answer(cls, data: Any) -> WorkflowRun | None:
        """Build from the server's answer; ``None`` when it says there is no such run.

        Dify 1.10 answers an unknown run id with 200 and every field null: that gives
        ``None``, so the caller can raise its not-found error (1.16 answers 404 itself).
        Raises :class:`~dify_chatflow.ResponseDecodeError` for a malformed answer.
        """
        item = mapping_of(data, "workflow run")
        if all(value is None for value in item.values()):
            return None
        return cls.from_json(item)

    @classmethod
    def from_json(cls, data: Any) -> WorkflowRun:
        """Build from the server's JSON of one run.

        Raises :class:`~dify_chatflow.ResponseDecodeError` for a malformed one.
        """
        item = mapping_of(data, "workflow run")
        with decoding("workflow run", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                workflow_id=uuid_of(item.get("workflow_id"), "workflow_id"),
                status=text(item.get("status"), "status"),
                inputs=json_text_object(item.get("inputs"), "inputs"),
                outputs=json_text_object(item.get("outputs"), "outputs"),
                error=optional_text(item.get("error"), "error") or None,
                total_steps=optional_integer(item.get("total_steps"), "total_steps") or 0,
                total_tokens=optional_integer(item.get("total_tokens"), "total_tokens") or 0,
                created_at=timestamp(item.get("created_at"), "created_at"),
                finished_at=optional_timestamp(item.get("finished_at"), "finished_at"),
                elapsed_time=optional_float(item.get("elapsed_time"), "elapsed_time"),
            )

    def __repr__(self) -> str:
        return (
            f"WorkflowRun(id={str(self.id)!r}, status={self.status!r}, "
            f"total_steps={self.total_steps}, elapsed_time={self.elapsed_time!r})"
        )
