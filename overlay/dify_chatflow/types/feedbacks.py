"""Feedback on the app's messages, as ``GET /app/feedbacks`` lists it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import attrs

from .._convert import (
    decoding,
    mapping_of,
    optional_text,
    optional_uuid,
    short_repr,
    text_or_empty,
    timestamp,
    uuid_of,
)
from .._models import Model

__all__ = ["AppFeedback"]


@attrs.frozen(repr=False)
class AppFeedback(Model):
    """One rating of a message of the app, by any end user (or a console account).

    ``rating`` is ``"like"`` or ``"dislike"``, ``content`` the comment given with it,
    ``from_source`` ``"user"`` for end users (``from_end_user_id`` is then the server's
    id of the end user, not the ``user`` string) or ``"admin"``. Times are aware UTC
    datetimes (the server sends naive ISO text in UTC).
    """

    id: uuid.UUID
    app_id: uuid.UUID | None
    conversation_id: uuid.UUID | None
    message_id: uuid.UUID | None
    rating: str
    content: str | None
    from_source: str
    from_end_user_id: uuid.UUID | None
    from_account_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_json(cls, data: Any) -> AppFeedback:
        """Build from one item of the list; raises
        :class:`~dify_chatflow.ResponseDecodeError` for a malformed one."""
        item = mapping_of(data, "feedback")
        with decoding("feedback", data):
            return cls(
                id=uuid_of(item.get("id"), "id"),
                app_id=optional_uuid(item.get("app_id"), "app_id"),
                conversation_id=optional_uuid(item.get("conversation_id"), "conversation_id"),
                message_id=optional_uuid(item.get("message_id"), "message_id"),
                rating=text_or_empty(item.get("rating"), "rating"),
                content=optional_text(item.get("content"), "content"),
                from_source=text_or_empty(item.get("from_source"), "from_source"),
                from_end_user_id=optional_uuid(item.get("from_end_user_id"), "from_end_user_id"),
                from_account_id=optional_uuid(item.get("from_account_id"), "from_account_id"),
                created_at=timestamp(item.get("created_at"), "created_at"),
                updated_at=timestamp(item.get("updated_at"), "updated_at"),
            )

    def __repr__(self) -> str:
        return (
            f"AppFeedback(id={str(self.id)!r}, rating={self.rating!r}, "
            f"content={short_repr(self.content)}, created_at={self.created_at.isoformat()!r})"
        )
