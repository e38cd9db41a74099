"""A workflow run, as ``GET /workflows/run/{workflow_run_id}`` returns it, and the app's
workflow logs, as ``GET /workflows/logs`` lists them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._convert import (
    decoding,
    flag,
    integer_or_zero,
    json_text_object,
    mapping_of,
    optional_float,
    optional_integer,
    optional_text,
    optional_timestamp,
    text,
    text_or_empty,
    timestamp,
    uuid_of,
)
from .._models import Model

__all__ = [
    "WorkflowLog",
    "WorkflowLogAccount",
    "WorkflowLogEndUser",
    "WorkflowLogRun",
    "WorkflowRun",
]


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


@attrs.frozen
class WorkflowLogRun(Model):
    """The run a workflow log entry records (``status``: ``"succeeded"``, ``"failed"``,
    ``"stopped"``, ...; ``elapsed_time`` in seconds)."""

    id: uuid.UUID
    version: str | None
    status: str | None
    triggered_from: str | None
    error: str | None
    elapsed_time: float | None
    total_tokens: int
    total_steps: int
    created_at: datetime | None
    finished_at: datetime | None
    exceptions_count: int

    @classmethod
    def from_json(cls, data: Any) -> WorkflowLogRun:
        """Build from a log entry's ``workflow_run``; raises
        :class:`~dify_chatflow.ResponseDecodeError` for a malformed one."""
        item = mapping_of(data, "workflow log run")
        with decoding("workflow log run", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                version=optional_text(item.get("version"), "version"),
                status=optional_text(item.get("status"), "status"),
                triggered_from=optional_text(item.get("triggered_from"), "triggered_from"),
                error=optional_text(item.get("error"), "error"),
                elapsed_time=optional_float(item.get("elapsed_time"), "elapsed_time"),
                total_tokens=integer_or_zero(item.get("total_tokens"), "total_tokens"),
                total_steps=integer_or_zero(item.get("total_steps"), "total_steps"),
                created_at=optional_timestamp(item.get("created_at"), "created_at"),
                finished_at=optional_timestamp(item.get("finished_at"), "finished_at"),
                exceptions_count=integer_or_zero(item.get("exceptions_count"), "exceptions_count"),
            )


@attrs.frozen
class WorkflowLogEndUser(Model):
    """The end user who started a logged run (``session_id`` is the ``user`` string the
    client sent)."""

    id: uuid.UUID
    type: str
    is_anonymous: bool
    session_id: str | None

    @classmethod
    def from_json(cls, data: Any) -> WorkflowLogEndUser:
        """Build from a log entry's ``created_by_end_user``; raises
        :class:`~dify_chatflow.ResponseDecodeError` for a malformed one."""
        item = mapping_of(data, "workflow log end user")
        with decoding("workflow log end user", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                type=text_or_empty(item.get("type"), "type"),
                is_anonymous=flag(item.get("is_anonymous"), "is_anonymous"),
                session_id=optional_text(item.get("session_id"), "session_id"),
            )


@attrs.frozen
class WorkflowLogAccount(Model):
    """The console account that started a logged run (a debug run, for instance)."""

    id: uuid.UUID
    name: str
    email: str | None

    @classmethod
    def from_json(cls, data: Any) -> WorkflowLogAccount:
        """Build from a log entry's ``created_by_account``; raises
        :class:`~dify_chatflow.ResponseDecodeError` for a malformed one."""
        item = mapping_of(data, "workflow log account")
        with decoding("workflow log account", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                name=text_or_empty(item.get("name"), "name"),
                email=optional_text(item.get("email"), "email"),
            )


@attrs.frozen(repr=False)
class WorkflowLog(Model):
    """One entry of the app's workflow logs: a run of a workflow-mode app and who started
    it (``created_by_role`` ``"end_user"`` or ``"account"``). Chatflow apps' turns are
    never logged here. ``details`` is what the server adds (``None`` mostly)."""

    id: uuid.UUID
    workflow_run: WorkflowLogRun | None
    created_from: str | None
    created_by_role: str | None
    created_by_account: WorkflowLogAccount | None
    created_by_end_user: WorkflowLogEndUser | None
    created_at: datetime
    details: Any = attrs.field(default=None, hash=False)

    @classmethod
    def from_json(cls, data: Any) -> WorkflowLog:
        """Build from one item of the list; raises
        :class:`~dify_chatflow.ResponseDecodeError` for a malformed one."""
        item = mapping_of(data, "workflow log")
        run, account, end_user = (
            item.get("workflow_run"),
            item.get("created_by_account"),
            item.get("created_by_end_user"),
        )
        with decoding("workflow log", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                workflow_run=None if run is None else WorkflowLogRun.from_json(run),
                created_from=optional_text(item.get("created_from"), "created_from"),
                created_by_role=optional_text(item.get("created_by_role"), "created_by_role"),
                created_by_account=(
                    None if account is None else WorkflowLogAccount.from_json(account)
                ),
                created_by_end_user=(
                    None if end_user is None else WorkflowLogEndUser.from_json(end_user)
                ),
                created_at=timestamp(item.get("created_at"), "created_at"),
                details=item.get("details"),
            )

    def __repr__(self) -> str:
        status = None if self.workflow_run is None else self.workflow_run.status
        return (
            f"WorkflowLog(id={str(self.id)!r}, status={status!r}, "
            f"created_at={self.created_at.isoformat()!r})"
        )
