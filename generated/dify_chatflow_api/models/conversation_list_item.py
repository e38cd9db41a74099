from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conversation_list_item_inputs import ConversationListItemInputs


T = TypeVar("T", bound="ConversationListItem")


@_attrs_define
class ConversationListItem:
    """
    Attributes:
        id (UUID | Unset): Conversation ID.
        name (str | Unset): Conversation name.
        inputs (ConversationListItemInputs | Unset): Input variables for the conversation.
        status (str | Unset): Conversation status. `normal` for active conversations.
        introduction (str | Unset): Conversation introduction.
        created_at (int | Unset): Creation timestamp.
        updated_at (int | Unset): Last update timestamp.
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    inputs: ConversationListItemInputs | Unset = UNSET
    status: str | Unset = UNSET
    introduction: str | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        status = self.status

        introduction = self.introduction

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if status is not UNSET:
            field_dict["status"] = status
        if introduction is not UNSET:
            field_dict["introduction"] = introduction
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.conversation_list_item_inputs import ConversationListItemInputs

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = d.pop("name", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: ConversationListItemInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = ConversationListItemInputs.from_dict(_inputs)

        status = d.pop("status", UNSET)

        introduction = d.pop("introduction", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        conversation_list_item = cls(
            id=id,
            name=name,
            inputs=inputs,
            status=status,
            introduction=introduction,
            created_at=created_at,
            updated_at=updated_at,
        )

        conversation_list_item.additional_properties = d
        return conversation_list_item

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
