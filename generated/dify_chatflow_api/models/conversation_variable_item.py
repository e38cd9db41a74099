from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversationVariableItem")


@_attrs_define
class ConversationVariableItem:
    """
    Attributes:
        id (UUID | Unset): Variable ID.
        name (str | Unset): Variable name.
        value_type (str | Unset): Variable value type. Possible values: `string`, `number`, `object`, `secret`, `file`,
            `boolean`, `array[any]`, `array[string]`, `array[number]`, `array[object]`, `array[file]`, `array[boolean]`.
        value (str | Unset): Variable value (can be a JSON string for complex types).
        description (str | Unset): Variable description.
        created_at (int | Unset): Creation timestamp.
        updated_at (int | Unset): Last update timestamp.
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    value_type: str | Unset = UNSET
    value: str | Unset = UNSET
    description: str | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        value_type = self.value_type

        value = self.value

        description = self.description

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if value_type is not UNSET:
            field_dict["value_type"] = value_type
        if value is not UNSET:
            field_dict["value"] = value
        if description is not UNSET:
            field_dict["description"] = description
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

        name = d.pop("name", UNSET)

        value_type = d.pop("value_type", UNSET)

        value = d.pop("value", UNSET)

        description = d.pop("description", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        conversation_variable_item = cls(
            id=id,
            name=name,
            value_type=value_type,
            value=value,
            description=description,
            created_at=created_at,
            updated_at=updated_at,
        )

        conversation_variable_item.additional_properties = d
        return conversation_variable_item

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
