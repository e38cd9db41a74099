from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackItem")


@_attrs_define
class FeedbackItem:
    """A single feedback item.

    Attributes:
        id (UUID | Unset): Feedback ID.
        app_id (UUID | Unset): Application ID.
        conversation_id (UUID | Unset): Conversation ID.
        message_id (UUID | Unset): Message ID.
        rating (str | Unset): Feedback rating. `like` for positive, `dislike` for negative.
        content (None | str | Unset): Optional text feedback.
        from_source (str | Unset): Feedback source. `user` for end-user feedback submitted via API, `admin` for feedback
            submitted from the console.
        from_end_user_id (None | Unset | UUID): End user ID who submitted the feedback. Present when `from_source` is
            `user`.
        from_account_id (None | Unset | UUID): Account ID who submitted the feedback. Present when `from_source` is
            `admin`.
        created_at (datetime.datetime | Unset): Creation timestamp.
        updated_at (datetime.datetime | Unset): Last update timestamp.
    """

    id: UUID | Unset = UNSET
    app_id: UUID | Unset = UNSET
    conversation_id: UUID | Unset = UNSET
    message_id: UUID | Unset = UNSET
    rating: str | Unset = UNSET
    content: None | str | Unset = UNSET
    from_source: str | Unset = UNSET
    from_end_user_id: None | Unset | UUID = UNSET
    from_account_id: None | Unset | UUID = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        app_id: str | Unset = UNSET
        if not isinstance(self.app_id, Unset):
            app_id = str(self.app_id)

        conversation_id: str | Unset = UNSET
        if not isinstance(self.conversation_id, Unset):
            conversation_id = str(self.conversation_id)

        message_id: str | Unset = UNSET
        if not isinstance(self.message_id, Unset):
            message_id = str(self.message_id)

        rating = self.rating

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        from_source = self.from_source

        from_end_user_id: None | str | Unset
        if isinstance(self.from_end_user_id, Unset):
            from_end_user_id = UNSET
        elif isinstance(self.from_end_user_id, UUID):
            from_end_user_id = str(self.from_end_user_id)
        else:
            from_end_user_id = self.from_end_user_id

        from_account_id: None | str | Unset
        if isinstance(self.from_account_id, Unset):
            from_account_id = UNSET
        elif isinstance(self.from_account_id, UUID):
            from_account_id = str(self.from_account_id)
        else:
            from_account_id = self.from_account_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if rating is not UNSET:
            field_dict["rating"] = rating
        if content is not UNSET:
            field_dict["content"] = content
        if from_source is not UNSET:
            field_dict["from_source"] = from_source
        if from_end_user_id is not UNSET:
            field_dict["from_end_user_id"] = from_end_user_id
        if from_account_id is not UNSET:
            field_dict["from_account_id"] = from_account_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _app_id = d.pop("app_id", UNSET)
        app_id: UUID | Unset
        if isinstance(_app_id, Unset):
            app_id = UNSET
        else:
            app_id = UUID(_app_id)

        _conversation_id = d.pop("conversation_id", UNSET)
        conversation_id: UUID | Unset
        if isinstance(_conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = UUID(_conversation_id)

        _message_id = d.pop("message_id", UNSET)
        message_id: UUID | Unset
        if isinstance(_message_id, Unset):
            message_id = UNSET
        else:
            message_id = UUID(_message_id)

        rating = d.pop("rating", UNSET)

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        from_source = d.pop("from_source", UNSET)

        def _parse_from_end_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_end_user_id_type_0 = UUID(data)

                return from_end_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_end_user_id = _parse_from_end_user_id(d.pop("from_end_user_id", UNSET))

        def _parse_from_account_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_account_id_type_0 = UUID(data)

                return from_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_account_id = _parse_from_account_id(d.pop("from_account_id", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        feedback_item = cls(
            id=id,
            app_id=app_id,
            conversation_id=conversation_id,
            message_id=message_id,
            rating=rating,
            content=content,
            from_source=from_source,
            from_end_user_id=from_end_user_id,
            from_account_id=from_account_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        feedback_item.additional_properties = d
        return feedback_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
