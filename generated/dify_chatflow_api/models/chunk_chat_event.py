from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chunk_chat_event_event import ChunkChatEventEvent
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChunkChatEvent")


@_attrs_define
class ChunkChatEvent:
    """Base schema for Server-Sent Event chunks in streaming mode.

    Attributes:
        event (ChunkChatEventEvent | Unset): The type of event.
    """

    event: ChunkChatEventEvent | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event: str | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event is not UNSET:
            field_dict["event"] = event

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _event = d.pop("event", UNSET)
        event: ChunkChatEventEvent | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = ChunkChatEventEvent(_event)

        chunk_chat_event = cls(
            event=event,
        )

        chunk_chat_event.additional_properties = d
        return chunk_chat_event

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
