from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SelectControl")


@_attrs_define
class SelectControl:
    """Select (dropdown) form control.

    Attributes:
        label (str | Unset): Display label.
        variable (str | Unset): Variable name.
        required (bool | Unset): Whether selection is required.
        default (str | Unset): Default selected value.
        options (list[str] | Unset): List of selectable values for this form control.
    """

    label: str | Unset = UNSET
    variable: str | Unset = UNSET
    required: bool | Unset = UNSET
    default: str | Unset = UNSET
    options: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        variable = self.variable

        required = self.required

        default = self.default

        options: list[str] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if variable is not UNSET:
            field_dict["variable"] = variable
        if required is not UNSET:
            field_dict["required"] = required
        if default is not UNSET:
            field_dict["default"] = default
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        variable = d.pop("variable", UNSET)

        required = d.pop("required", UNSET)

        default = d.pop("default", UNSET)

        options = cast(list[str], d.pop("options", UNSET))

        select_control = cls(
            label=label,
            variable=variable,
            required=required,
            default=default,
            options=options,
        )

        select_control.additional_properties = d
        return select_control

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
