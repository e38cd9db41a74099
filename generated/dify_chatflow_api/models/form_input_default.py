from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FormInputDefault")


@_attrs_define
class FormInputDefault:
    """Default value configuration for a form input.

    Attributes:
        type_ (str | Unset): `variable` for dynamic values from workflow variables, `constant` for static values.
        selector (list[str] | Unset): Variable selector path when `type` is `variable`.
        value (str | Unset): Static value when `type` is `constant`.
    """

    type_: str | Unset = UNSET
    selector: list[str] | Unset = UNSET
    value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        selector: list[str] | Unset = UNSET
        if not isinstance(self.selector, Unset):
            selector = self.selector

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if selector is not UNSET:
            field_dict["selector"] = selector
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        selector = cast(list[str], d.pop("selector", UNSET))

        value = d.pop("value", UNSET)

        form_input_default = cls(
            type_=type_,
            selector=selector,
            value=value,
        )

        form_input_default.additional_properties = d
        return form_input_default

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
