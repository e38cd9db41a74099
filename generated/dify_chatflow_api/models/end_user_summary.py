from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EndUserSummary")


@_attrs_define
class EndUserSummary:
    """
    Attributes:
        id (UUID | Unset): End user ID.
        type_ (str | Unset): End user type.
        is_anonymous (bool | Unset): Whether the end user is anonymous.
        session_id (str | Unset): Session identifier.
    """

    id: UUID | Unset = UNSET
    type_: str | Unset = UNSET
    is_anonymous: bool | Unset = UNSET
    session_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        type_ = self.type_

        is_anonymous = self.is_anonymous

        session_id = self.session_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if is_anonymous is not UNSET:
            field_dict["is_anonymous"] = is_anonymous
        if session_id is not UNSET:
            field_dict["session_id"] = session_id

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

        type_ = d.pop("type", UNSET)

        is_anonymous = d.pop("is_anonymous", UNSET)

        session_id = d.pop("session_id", UNSET)

        end_user_summary = cls(
            id=id,
            type_=type_,
            is_anonymous=is_anonymous,
            session_id=session_id,
        )

        end_user_summary.additional_properties = d
        return end_user_summary

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
