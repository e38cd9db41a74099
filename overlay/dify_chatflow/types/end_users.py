"""An end user of the app, as ``GET /end-users/{end_user_id}`` returns it (Dify 1.14+)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import attrs

from .._convert import (
    decoding,
    flag,
    mapping_of,
    optional_text,
    optional_uuid,
    text_or_empty,
    timestamp,
    uuid_of,
)
from .._models import Model

__all__ = ["EndUser"]


@attrs.frozen
class EndUser(Model):
    """One end user of the key's app: the server's record behind a ``user`` string.

    ``external_user_id`` (and, for Service API users, ``session_id``) is the ``user`` the
    client sends; ``id`` is the server's own id (an uploaded file's ``created_by``; a run's
    ``sys.user_id`` is the ``user`` string).
    Timestamps are aware UTC datetimes.
    """

    id: uuid.UUID
    tenant_id: uuid.UUID | None
    app_id: uuid.UUID | None
    type: str
    external_user_id: str | None
    name: str | None
    is_anonymous: bool
    session_id: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_json(cls, data: Any) -> EndUser:
        """Build from the server's answer; raises
        :class:`~dify_chatflow.ResponseDecodeError` for a malformed one."""
        item = mapping_of(data, "end user")
        with decoding("end user", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                tenant_id=optional_uuid(item.get("tenant_id"), "tenant_id"),
                app_id=optional_uuid(item.get("app_id"), "app_id"),
                type=text_or_empty(item.get("type"), "type"),
                external_user_id=optional_text(item.get("external_user_id"), "external_user_id"),
                name=optional_text(item.get("name"), "name"),
                is_anonymous=flag(item.get("is_anonymous"), "is_anonymous"),
                session_id=optional_text(item.get("session_id"), "session_id"),
                created_at=timestamp(item.get("created_at"), "created_at"),
                updated_at=timestamp(item.get("updated_at"), "updated_at"),
            )
