from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.paragraph_control import ParagraphControl


T = TypeVar("T", bound="Paragraph")


@_attrs_define
class Paragraph:
    """
    Attributes:
        paragraph (ParagraphControl | Unset): Paragraph (multi-line text) form control.
    """

    paragraph: ParagraphControl | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        paragraph: dict[str, Any] | Unset = UNSET
        if not isinstance(self.paragraph, Unset):
            paragraph = self.paragraph.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if paragraph is not UNSET:
            field_dict["paragraph"] = paragraph

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.paragraph_control import ParagraphControl

        d = dict(src_dict)
        _paragraph = d.pop("paragraph", UNSET)
        paragraph: ParagraphControl | Unset
        if isinstance(_paragraph, Unset):
            paragraph = UNSET
        else:
            paragraph = ParagraphControl.from_dict(_paragraph)

        paragraph = cls(
            paragraph=paragraph,
        )

        paragraph.additional_properties = d
        return paragraph

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
