from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppInfoResponse")


@_attrs_define
class AppInfoResponse:
    """
    Attributes:
        name (str | Unset): Application name.
        description (str | Unset): Application description.
        tags (list[str] | Unset): Application tags.
        mode (str | Unset): Application mode. `completion` for text generation apps, `chat` for basic chat apps, `agent-
            chat` for agent-based apps, `advanced-chat` for Chatflow apps, `workflow` for Workflow apps.
        author_name (str | Unset): Name of the application author.
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    mode: str | Unset = UNSET
    author_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        mode = self.mode

        author_name = self.author_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if mode is not UNSET:
            field_dict["mode"] = mode
        if author_name is not UNSET:
            field_dict["author_name"] = author_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        mode = d.pop("mode", UNSET)

        author_name = d.pop("author_name", UNSET)

        app_info_response = cls(
            name=name,
            description=description,
            tags=tags,
            mode=mode,
            author_name=author_name,
        )

        app_info_response.additional_properties = d
        return app_info_response

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
