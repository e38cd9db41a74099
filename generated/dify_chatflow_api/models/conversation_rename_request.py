from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversationRenameRequest")


@_attrs_define
class ConversationRenameRequest:
    """Request body for renaming a conversation.

    Attributes:
        name (str | Unset): The name of the conversation. Required when `auto_generate` is `false`.
        auto_generate (bool | Unset): Automatically generate the conversation name. When `true`, the `name` field is
            ignored. Default: False.
        user (str | Unset): The user identifier.
    """

    name: str | Unset = UNSET
    auto_generate: bool | Unset = False
    user: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        auto_generate = self.auto_generate

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if auto_generate is not UNSET:
            field_dict["auto_generate"] = auto_generate
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        auto_generate = d.pop("auto_generate", UNSET)

        user = d.pop("user", UNSET)

        conversation_rename_request = cls(
            name=name,
            auto_generate=auto_generate,
            user=user,
        )

        conversation_rename_request.additional_properties = d
        return conversation_rename_request

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
