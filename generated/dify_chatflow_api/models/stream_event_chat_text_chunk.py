from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chunk_chat_event_event import ChunkChatEventEvent
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_chat_text_chunk_data import StreamEventChatTextChunkData


T = TypeVar("T", bound="StreamEventChatTextChunk")


@_attrs_define
class StreamEventChatTextChunk:
    """
    Attributes:
        event (ChunkChatEventEvent | Unset): The type of event.
        task_id (UUID | Unset): Task ID.
        message_id (UUID | Unset): Unique message ID.
        conversation_id (UUID | Unset): Conversation ID.
        created_at (int | Unset): Creation timestamp.
        data (StreamEventChatTextChunkData | Unset):
    """

    event: ChunkChatEventEvent | Unset = UNSET
    task_id: UUID | Unset = UNSET
    message_id: UUID | Unset = UNSET
    conversation_id: UUID | Unset = UNSET
    created_at: int | Unset = UNSET
    data: StreamEventChatTextChunkData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event: str | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.value

        task_id: str | Unset = UNSET
        if not isinstance(self.task_id, Unset):
            task_id = str(self.task_id)

        message_id: str | Unset = UNSET
        if not isinstance(self.message_id, Unset):
            message_id = str(self.message_id)

        conversation_id: str | Unset = UNSET
        if not isinstance(self.conversation_id, Unset):
            conversation_id = str(self.conversation_id)

        created_at = self.created_at

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event is not UNSET:
            field_dict["event"] = event
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_chat_text_chunk_data import StreamEventChatTextChunkData

        d = dict(src_dict)
        _event = d.pop("event", UNSET)
        event: ChunkChatEventEvent | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = ChunkChatEventEvent(_event)

        _task_id = d.pop("task_id", UNSET)
        task_id: UUID | Unset
        if isinstance(_task_id, Unset):
            task_id = UNSET
        else:
            task_id = UUID(_task_id)

        _message_id = d.pop("message_id", UNSET)
        message_id: UUID | Unset
        if isinstance(_message_id, Unset):
            message_id = UNSET
        else:
            message_id = UUID(_message_id)

        _conversation_id = d.pop("conversation_id", UNSET)
        conversation_id: UUID | Unset
        if isinstance(_conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = UUID(_conversation_id)

        created_at = d.pop("created_at", UNSET)

        _data = d.pop("data", UNSET)
        data: StreamEventChatTextChunkData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = StreamEventChatTextChunkData.from_dict(_data)

        stream_event_chat_text_chunk = cls(
            event=event,
            task_id=task_id,
            message_id=message_id,
            conversation_id=conversation_id,
            created_at=created_at,
            data=data,
        )

        stream_event_chat_text_chunk.additional_properties = d
        return stream_event_chat_text_chunk

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
