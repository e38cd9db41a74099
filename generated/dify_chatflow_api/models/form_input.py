from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_input_default import FormInputDefault


T = TypeVar("T", bound="FormInput")


@_attrs_define
class FormInput:
    """A form input field definition.

    Attributes:
        type_ (str | Unset): Form input control type. Available values: `paragraph` (multi-line text input), `select`
            (single-choice from a list), `file` (single file upload), and `file-list` (multiple file uploads).
        output_variable_name (str | Unset): Variable name where the input value is stored.
        default (FormInputDefault | Unset): Default value configuration for a form input.
    """

    type_: str | Unset = UNSET
    output_variable_name: str | Unset = UNSET
    default: FormInputDefault | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        output_variable_name = self.output_variable_name

        default: dict[str, Any] | Unset = UNSET
        if not isinstance(self.default, Unset):
            default = self.default.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if output_variable_name is not UNSET:
            field_dict["output_variable_name"] = output_variable_name
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.form_input_default import FormInputDefault

        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        output_variable_name = d.pop("output_variable_name", UNSET)

        _default = d.pop("default", UNSET)
        default: FormInputDefault | Unset
        if isinstance(_default, Unset):
            default = UNSET
        else:
            default = FormInputDefault.from_dict(_default)

        form_input = cls(
            type_=type_,
            output_variable_name=output_variable_name,
            default=default,
        )

        form_input.additional_properties = d
        return form_input

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
