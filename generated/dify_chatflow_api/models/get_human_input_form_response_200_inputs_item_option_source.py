from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_human_input_form_response_200_inputs_item_option_source_type import (
    GetHumanInputFormResponse200InputsItemOptionSourceType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GetHumanInputFormResponse200InputsItemOptionSource")


@_attrs_define
class GetHumanInputFormResponse200InputsItemOptionSource:
    """Source of options for `select` inputs. Present only when `type` is `select`.

    Attributes:
        type_ (GetHumanInputFormResponse200InputsItemOptionSourceType | Unset): Origin of the options. `constant` means
            `value` lists the options literally; `variable` means `selector` points to an `array[string]` workflow variable
            that provides them.
        selector (list[str] | Unset): Variable reference path when `type` is `variable`.
        value (list[str] | Unset): Literal option list when `type` is `constant`.
    """

    type_: GetHumanInputFormResponse200InputsItemOptionSourceType | Unset = UNSET
    selector: list[str] | Unset = UNSET
    value: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        selector: list[str] | Unset = UNSET
        if not isinstance(self.selector, Unset):
            selector = self.selector

        value: list[str] | Unset = UNSET
        if not isinstance(self.value, Unset):
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
        _type_ = d.pop("type", UNSET)
        type_: GetHumanInputFormResponse200InputsItemOptionSourceType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = GetHumanInputFormResponse200InputsItemOptionSourceType(_type_)

        selector = cast(list[str], d.pop("selector", UNSET))

        value = cast(list[str], d.pop("value", UNSET))

        get_human_input_form_response_200_inputs_item_option_source = cls(
            type_=type_,
            selector=selector,
            value=value,
        )

        get_human_input_form_response_200_inputs_item_option_source.additional_properties = d
        return get_human_input_form_response_200_inputs_item_option_source

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
