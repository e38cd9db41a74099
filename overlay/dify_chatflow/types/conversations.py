"""A conversation, as ``GET /conversations`` and ``POST /conversations/{id}/name`` return it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._convert import (
    decoding,
    json_object,
    mapping_of,
    optional_text,
    short_repr,
    text,
    timestamp,
    uuid_of,
)
from .._models import Model

__all__ = ["Conversation"]


@attrs.frozen(repr=False)
class Conversation(Model):
    """One conversation of the current user.

    ``inputs`` are the app inputs the conversation was started with. Timestamps are aware
    UTC datetimes; Dify's ``updated_at`` can be earlier than ``created_at``. The repr
    leaves the inputs out.
    """

    id: uuid.UUID
    name: str
    inputs: Mapping[str, Any] = attrs.field(hash=False)
    status: str
    introduction: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_json(cls, data: Any) -> Conversation:
        """Build from one item of the server's list, or its rename answer.

        Extra fields are ignored; a missing ``introduction`` reads as ``""``. Raises
        :class:`~dify_chatflow.ResponseDecodeError` for a malformed item.
        """
        item = mapping_of(data, "conversation")
        with decoding("conversation", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                name=text(item.get("name"), "name"),
                inputs=json_object(item.get("inputs"), "inputs"),
                status=text(item.get("status"), "status"),
                introduction=optional_text(item.get("introduction"), "introduction") or "",
                created_at=timestamp(item.get("created_at"), "created_at"),
                updated_at=timestamp(item.get("updated_at"), "updated_at"),
            )

    def __repr__(self) -> str:
        return (
            f"Conversation(id={str(self.id)!r}, name={short_repr(self.name)}, "
            f"status={self.status!r}, updated_at={self.updated_at.isoformat()!r})"
        )
