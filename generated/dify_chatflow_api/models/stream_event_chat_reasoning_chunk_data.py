from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamEventChatReasoningChunkData")


@_attrs_define
class StreamEventChatReasoningChunkData:
    """
    Attributes:
        message_id (UUID | Unset): ID of the message this reasoning belongs to (mirrors the top-level `message_id`).
        reasoning (str | Unset): Chain-of-thought delta emitted by an LLM node whose `reasoning_format` is `separated`.
            Concatenate consecutive `reasoning_chunk` events to rebuild the full reasoning. This stream is parallel to
            `message`; the `message` (answer) stream stays free of `<think>` tags.
        node_id (None | str | Unset): ID of the LLM node producing the reasoning. Lets you attribute reasoning when
            multiple LLM nodes run.
        is_final (bool | Unset): `true` marks the end of an LLM node's reasoning phase (the "thinking finished" signal);
            it may arrive with an empty `reasoning`.
    """

    message_id: UUID | Unset = UNSET
    reasoning: str | Unset = UNSET
    node_id: None | str | Unset = UNSET
    is_final: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_id: str | Unset = UNSET
        if not isinstance(self.message_id, Unset):
            message_id = str(self.message_id)

        reasoning = self.reasoning

        node_id: None | str | Unset
        if isinstance(self.node_id, Unset):
            node_id = UNSET
        else:
            node_id = self.node_id

        is_final = self.is_final

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if is_final is not UNSET:
            field_dict["is_final"] = is_final

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _message_id = d.pop("message_id", UNSET)
        message_id: UUID | Unset
        if isinstance(_message_id, Unset):
            message_id = UNSET
        else:
            message_id = UUID(_message_id)

        reasoning = d.pop("reasoning", UNSET)

        def _parse_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        node_id = _parse_node_id(d.pop("node_id", UNSET))

        is_final = d.pop("is_final", UNSET)

        stream_event_chat_reasoning_chunk_data = cls(
            message_id=message_id,
            reasoning=reasoning,
            node_id=node_id,
            is_final=is_final,
        )

        stream_event_chat_reasoning_chunk_data.additional_properties = d
        return stream_event_chat_reasoning_chunk_data

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
