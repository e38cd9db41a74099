from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.select_control import SelectControl


T = TypeVar("T", bound="Select")


@_attrs_define
class Select:
    """
    Attributes:
        select (SelectControl | Unset): Select (dropdown) form control.
    """

    select: SelectControl | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        select: dict[str, Any] | Unset = UNSET
        if not isinstance(self.select, Unset):
            select = self.select.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if select is not UNSET:
            field_dict["select"] = select

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.select_control import SelectControl

        d = dict(src_dict)
        _select = d.pop("select", UNSET)
        select: SelectControl | Unset
        if isinstance(_select, Unset):
            select = UNSET
        else:
            select = SelectControl.from_dict(_select)

        select = cls(
            select=select,
        )

        select.additional_properties = d
        return select

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
