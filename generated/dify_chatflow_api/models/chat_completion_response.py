from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_response_metadata import ChatCompletionResponseMetadata


T = TypeVar("T", bound="ChatCompletionResponse")


@_attrs_define
class ChatCompletionResponse:
    """
    Attributes:
        event (str | Unset): Event type, fixed as `message`.
        task_id (UUID | Unset): Task ID for request tracking and stop response API.
        id (UUID | Unset): Unique ID of this response event.
        message_id (UUID | Unset): Unique message ID. Use this as the `message_id` parameter when calling feedback or
            suggested questions endpoints.
        conversation_id (UUID | Unset): Conversation ID.
        mode (str | Unset): App mode, fixed as `advanced-chat`.
        answer (str | Unset): Complete response content.
        metadata (ChatCompletionResponseMetadata | Unset): Metadata including usage and retriever resources.
        created_at (int | Unset): Message creation timestamp (Unix epoch seconds).
    """

    event: str | Unset = UNSET
    task_id: UUID | Unset = UNSET
    id: UUID | Unset = UNSET
    message_id: UUID | Unset = UNSET
    conversation_id: UUID | Unset = UNSET
    mode: str | Unset = UNSET
    answer: str | Unset = UNSET
    metadata: ChatCompletionResponseMetadata | Unset = UNSET
    created_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event = self.event

        task_id: str | Unset = UNSET
        if not isinstance(self.task_id, Unset):
            task_id = str(self.task_id)

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        message_id: str | Unset = UNSET
        if not isinstance(self.message_id, Unset):
            message_id = str(self.message_id)

        conversation_id: str | Unset = UNSET
        if not isinstance(self.conversation_id, Unset):
            conversation_id = str(self.conversation_id)

        mode = self.mode

        answer = self.answer

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event is not UNSET:
            field_dict["event"] = event
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if id is not UNSET:
            field_dict["id"] = id
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if mode is not UNSET:
            field_dict["mode"] = mode
        if answer is not UNSET:
            field_dict["answer"] = answer
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_completion_response_metadata import ChatCompletionResponseMetadata

        d = dict(src_dict)
        event = d.pop("event", UNSET)

        _task_id = d.pop("task_id", UNSET)
        task_id: UUID | Unset
        if isinstance(_task_id, Unset):
            task_id = UNSET
        else:
            task_id = UUID(_task_id)

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

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

        mode = d.pop("mode", UNSET)

        answer = d.pop("answer", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ChatCompletionResponseMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ChatCompletionResponseMetadata.from_dict(_metadata)

        created_at = d.pop("created_at", UNSET)

        chat_completion_response = cls(
            event=event,
            task_id=task_id,
            id=id,
            message_id=message_id,
            conversation_id=conversation_id,
            mode=mode,
            answer=answer,
            metadata=metadata,
            created_at=created_at,
        )

        chat_completion_response.additional_properties = d
        return chat_completion_response

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
