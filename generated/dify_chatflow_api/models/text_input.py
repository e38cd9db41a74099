from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.text_input_control import TextInputControl


T = TypeVar("T", bound="TextInput")


@_attrs_define
class TextInput:
    """
    Attributes:
        text_input (TextInputControl | Unset): Text input form control.
    """

    text_input: TextInputControl | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text_input: dict[str, Any] | Unset = UNSET
        if not isinstance(self.text_input, Unset):
            text_input = self.text_input.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text_input is not UNSET:
            field_dict["text-input"] = text_input

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.text_input_control import TextInputControl

        d = dict(src_dict)
        _text_input = d.pop("text-input", UNSET)
        text_input: TextInputControl | Unset
        if isinstance(_text_input, Unset):
            text_input = UNSET
        else:
            text_input = TextInputControl.from_dict(_text_input)

        text_input = cls(
            text_input=text_input,
        )

        text_input.additional_properties = d
        return text_input

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
