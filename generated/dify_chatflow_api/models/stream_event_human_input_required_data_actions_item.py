from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamEventHumanInputRequiredDataActionsItem")


@_attrs_define
class StreamEventHumanInputRequiredDataActionsItem:
    """
    Attributes:
        id (str | Unset): Identifier of the action button. Pass as `action` on [Submit Human Input Form](/api-
            reference/human-input/submit-human-input-form) when the recipient selects this button.
        title (str | Unset): Button label shown to the recipient.
        button_style (str | Unset): Visual style of the button. Available values: `primary`, `default`, `accent`,
            `ghost`.
    """

    id: str | Unset = UNSET
    title: str | Unset = UNSET
    button_style: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        button_style = self.button_style

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if button_style is not UNSET:
            field_dict["button_style"] = button_style

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        button_style = d.pop("button_style", UNSET)

        stream_event_human_input_required_data_actions_item = cls(
            id=id,
            title=title,
            button_style=button_style,
        )

        stream_event_human_input_required_data_actions_item.additional_properties = d
        return stream_event_human_input_required_data_actions_item

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
