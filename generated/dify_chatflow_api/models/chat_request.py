from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_request_response_mode import ChatRequestResponseMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_request_files_item import ChatRequestFilesItem
    from ..models.chat_request_inputs import ChatRequestInputs


T = TypeVar("T", bound="ChatRequest")


@_attrs_define
class ChatRequest:
    """
    Attributes:
        query (str | Unset): User input/question content.
        inputs (ChatRequestInputs | Unset): Allows the entry of various variable values defined by the App. Contains
            key/value pairs. Refer to the `user_input_form` field in the [Get App Parameters](/api-
            reference/applications/get-app-parameters) response to discover the variable names and types expected by your
            app.
        response_mode (ChatRequestResponseMode | Unset): Mode of response return. `streaming` (recommended) uses SSE.
            `blocking` returns after completion (may be interrupted for long processes). Cloudflare timeout is `100 s`. When
            omitted, defaults to blocking behavior.
        user (str | Unset): User identifier, unique within the application. This identifier scopes data access —
            conversations, messages, and files are only visible when queried with the same `user` value.
        conversation_id (str | Unset): Conversation ID to continue a conversation. Pass the previous message's
            `conversation_id`. To start a new conversation, omit this field or pass an empty string. The response will
            return a `conversation_id` — pass it in subsequent messages to continue that conversation.
        files (list[ChatRequestFilesItem] | Unset): File list for multimodal understanding, including images, documents,
            audio, and video. To attach a local file, first upload it via [Upload File](/api-reference/files/upload-file)
            and use the returned `id` as `upload_file_id` with `transfer_method: local_file`.
        auto_generate_name (bool | Unset): Auto-generate conversation title. If `false`, use the [Rename
            Conversation](/api-reference/conversations/rename-conversation) API with `auto_generate: true` for async title
            generation. Default: True.
        workflow_id (str | Unset): Specify a published workflow version ID to execute. If not provided, the latest
            published version is used.
    """

    query: str | Unset = UNSET
    inputs: ChatRequestInputs | Unset = UNSET
    response_mode: ChatRequestResponseMode | Unset = UNSET
    user: str | Unset = UNSET
    conversation_id: str | Unset = UNSET
    files: list[ChatRequestFilesItem] | Unset = UNSET
    auto_generate_name: bool | Unset = True
    workflow_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query = self.query

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        response_mode: str | Unset = UNSET
        if not isinstance(self.response_mode, Unset):
            response_mode = self.response_mode.value

        user = self.user

        conversation_id = self.conversation_id

        files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = []
            for files_item_data in self.files:
                files_item = files_item_data.to_dict()
                files.append(files_item)

        auto_generate_name = self.auto_generate_name

        workflow_id = self.workflow_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if query is not UNSET:
            field_dict["query"] = query
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if response_mode is not UNSET:
            field_dict["response_mode"] = response_mode
        if user is not UNSET:
            field_dict["user"] = user
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if files is not UNSET:
            field_dict["files"] = files
        if auto_generate_name is not UNSET:
            field_dict["auto_generate_name"] = auto_generate_name
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_request_files_item import ChatRequestFilesItem
        from ..models.chat_request_inputs import ChatRequestInputs

        d = dict(src_dict)
        query = d.pop("query", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: ChatRequestInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = ChatRequestInputs.from_dict(_inputs)

        _response_mode = d.pop("response_mode", UNSET)
        response_mode: ChatRequestResponseMode | Unset
        if isinstance(_response_mode, Unset):
            response_mode = UNSET
        else:
            response_mode = ChatRequestResponseMode(_response_mode)

        user = d.pop("user", UNSET)

        conversation_id = d.pop("conversation_id", UNSET)

        _files = d.pop("files", UNSET)
        files: list[ChatRequestFilesItem] | Unset = UNSET
        if _files is not UNSET:
            files = []
            for files_item_data in _files:
                files_item = ChatRequestFilesItem.from_dict(files_item_data)

                files.append(files_item)

        auto_generate_name = d.pop("auto_generate_name", UNSET)

        workflow_id = d.pop("workflow_id", UNSET)

        chat_request = cls(
            query=query,
            inputs=inputs,
            response_mode=response_mode,
            user=user,
            conversation_id=conversation_id,
            files=files,
            auto_generate_name=auto_generate_name,
            workflow_id=workflow_id,
        )

        chat_request.additional_properties = d
        return chat_request

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
