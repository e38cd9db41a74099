from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_thought_item import AgentThoughtItem
    from ..models.conversation_message_item_feedback_type_0 import ConversationMessageItemFeedbackType0
    from ..models.conversation_message_item_inputs import ConversationMessageItemInputs
    from ..models.human_input_content import HumanInputContent
    from ..models.message_file_item import MessageFileItem
    from ..models.retriever_resource import RetrieverResource


T = TypeVar("T", bound="ConversationMessageItem")


@_attrs_define
class ConversationMessageItem:
    """A single message in a conversation.

    Attributes:
        id (UUID | Unset): Message ID.
        conversation_id (UUID | Unset): Conversation ID.
        parent_message_id (None | Unset | UUID): Parent message ID for threaded conversations.
        inputs (ConversationMessageItemInputs | Unset): Input variables for this message.
        query (str | Unset): User query text.
        answer (str | Unset): Assistant answer text.
        status (str | Unset): Message status. `normal` for successful messages, `error` when generation failed.
        error (None | str | Unset): Error message if `status` is `error`.
        message_files (list[MessageFileItem] | Unset): Files attached to this message.
        feedback (ConversationMessageItemFeedbackType0 | None | Unset): User feedback for this message.
        retriever_resources (list[RetrieverResource] | Unset): Retriever resources used for this message.
        agent_thoughts (list[AgentThoughtItem] | Unset): Agent thoughts for this message.
        created_at (int | Unset): Creation timestamp (Unix epoch seconds).
        extra_contents (list[HumanInputContent] | Unset): Additional execution content associated with this message,
            such as human input form data from Human Input nodes in Chatflow workflows.
    """

    id: UUID | Unset = UNSET
    conversation_id: UUID | Unset = UNSET
    parent_message_id: None | Unset | UUID = UNSET
    inputs: ConversationMessageItemInputs | Unset = UNSET
    query: str | Unset = UNSET
    answer: str | Unset = UNSET
    status: str | Unset = UNSET
    error: None | str | Unset = UNSET
    message_files: list[MessageFileItem] | Unset = UNSET
    feedback: ConversationMessageItemFeedbackType0 | None | Unset = UNSET
    retriever_resources: list[RetrieverResource] | Unset = UNSET
    agent_thoughts: list[AgentThoughtItem] | Unset = UNSET
    created_at: int | Unset = UNSET
    extra_contents: list[HumanInputContent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.conversation_message_item_feedback_type_0 import ConversationMessageItemFeedbackType0

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        conversation_id: str | Unset = UNSET
        if not isinstance(self.conversation_id, Unset):
            conversation_id = str(self.conversation_id)

        parent_message_id: None | str | Unset
        if isinstance(self.parent_message_id, Unset):
            parent_message_id = UNSET
        elif isinstance(self.parent_message_id, UUID):
            parent_message_id = str(self.parent_message_id)
        else:
            parent_message_id = self.parent_message_id

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        query = self.query

        answer = self.answer

        status = self.status

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        message_files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.message_files, Unset):
            message_files = []
            for message_files_item_data in self.message_files:
                message_files_item = message_files_item_data.to_dict()
                message_files.append(message_files_item)

        feedback: dict[str, Any] | None | Unset
        if isinstance(self.feedback, Unset):
            feedback = UNSET
        elif isinstance(self.feedback, ConversationMessageItemFeedbackType0):
            feedback = self.feedback.to_dict()
        else:
            feedback = self.feedback

        retriever_resources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.retriever_resources, Unset):
            retriever_resources = []
            for retriever_resources_item_data in self.retriever_resources:
                retriever_resources_item = retriever_resources_item_data.to_dict()
                retriever_resources.append(retriever_resources_item)

        agent_thoughts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.agent_thoughts, Unset):
            agent_thoughts = []
            for agent_thoughts_item_data in self.agent_thoughts:
                agent_thoughts_item = agent_thoughts_item_data.to_dict()
                agent_thoughts.append(agent_thoughts_item)

        created_at = self.created_at

        extra_contents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.extra_contents, Unset):
            extra_contents = []
            for extra_contents_item_data in self.extra_contents:
                extra_contents_item = extra_contents_item_data.to_dict()
                extra_contents.append(extra_contents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if parent_message_id is not UNSET:
            field_dict["parent_message_id"] = parent_message_id
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if query is not UNSET:
            field_dict["query"] = query
        if answer is not UNSET:
            field_dict["answer"] = answer
        if status is not UNSET:
            field_dict["status"] = status
        if error is not UNSET:
            field_dict["error"] = error
        if message_files is not UNSET:
            field_dict["message_files"] = message_files
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if retriever_resources is not UNSET:
            field_dict["retriever_resources"] = retriever_resources
        if agent_thoughts is not UNSET:
            field_dict["agent_thoughts"] = agent_thoughts
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if extra_contents is not UNSET:
            field_dict["extra_contents"] = extra_contents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_thought_item import AgentThoughtItem
        from ..models.conversation_message_item_feedback_type_0 import ConversationMessageItemFeedbackType0
        from ..models.conversation_message_item_inputs import ConversationMessageItemInputs
        from ..models.human_input_content import HumanInputContent
        from ..models.message_file_item import MessageFileItem
        from ..models.retriever_resource import RetrieverResource

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _conversation_id = d.pop("conversation_id", UNSET)
        conversation_id: UUID | Unset
        if isinstance(_conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = UUID(_conversation_id)

        def _parse_parent_message_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_message_id_type_0 = UUID(data)

                return parent_message_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_message_id = _parse_parent_message_id(d.pop("parent_message_id", UNSET))

        _inputs = d.pop("inputs", UNSET)
        inputs: ConversationMessageItemInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = ConversationMessageItemInputs.from_dict(_inputs)

        query = d.pop("query", UNSET)

        answer = d.pop("answer", UNSET)

        status = d.pop("status", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        _message_files = d.pop("message_files", UNSET)
        message_files: list[MessageFileItem] | Unset = UNSET
        if _message_files is not UNSET:
            message_files = []
            for message_files_item_data in _message_files:
                message_files_item = MessageFileItem.from_dict(message_files_item_data)

                message_files.append(message_files_item)

        def _parse_feedback(data: object) -> ConversationMessageItemFeedbackType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                feedback_type_0 = ConversationMessageItemFeedbackType0.from_dict(data)

                return feedback_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationMessageItemFeedbackType0 | None | Unset, data)

        feedback = _parse_feedback(d.pop("feedback", UNSET))

        _retriever_resources = d.pop("retriever_resources", UNSET)
        retriever_resources: list[RetrieverResource] | Unset = UNSET
        if _retriever_resources is not UNSET:
            retriever_resources = []
            for retriever_resources_item_data in _retriever_resources:
                retriever_resources_item = RetrieverResource.from_dict(retriever_resources_item_data)

                retriever_resources.append(retriever_resources_item)

        _agent_thoughts = d.pop("agent_thoughts", UNSET)
        agent_thoughts: list[AgentThoughtItem] | Unset = UNSET
        if _agent_thoughts is not UNSET:
            agent_thoughts = []
            for agent_thoughts_item_data in _agent_thoughts:
                agent_thoughts_item = AgentThoughtItem.from_dict(agent_thoughts_item_data)

                agent_thoughts.append(agent_thoughts_item)

        created_at = d.pop("created_at", UNSET)

        _extra_contents = d.pop("extra_contents", UNSET)
        extra_contents: list[HumanInputContent] | Unset = UNSET
        if _extra_contents is not UNSET:
            extra_contents = []
            for extra_contents_item_data in _extra_contents:
                extra_contents_item = HumanInputContent.from_dict(extra_contents_item_data)

                extra_contents.append(extra_contents_item)

        conversation_message_item = cls(
            id=id,
            conversation_id=conversation_id,
            parent_message_id=parent_message_id,
            inputs=inputs,
            query=query,
            answer=answer,
            status=status,
            error=error,
            message_files=message_files,
            feedback=feedback,
            retriever_resources=retriever_resources,
            agent_thoughts=agent_thoughts,
            created_at=created_at,
            extra_contents=extra_contents,
        )

        conversation_message_item.additional_properties = d
        return conversation_message_item

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
