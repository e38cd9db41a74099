from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.submit_chatflow_human_input_form_body_inputs import SubmitChatflowHumanInputFormBodyInputs


T = TypeVar("T", bound="SubmitChatflowHumanInputFormBody")


@_attrs_define
class SubmitChatflowHumanInputFormBody:
    """
    Attributes:
        inputs (SubmitChatflowHumanInputFormBodyInputs): Submitted values keyed by each input's `output_variable_name`.
            Paragraph and select inputs take a string; a `file` input takes one file mapping; a `file-list` input takes an
            array of file mappings. A file mapping is `{transfer_method: local_file, upload_file_id, type}` or
            `{transfer_method: remote_url, url, type}`, where `type` is one of the field's `allowed_file_types` (`image`,
            `document`, `audio`, `video`, `custom`). For `local_file`, `upload_file_id` is the `id` from [Upload File](/api-
            reference/files/upload-file). Use a consistent `user` across the run, upload, and submit.
        action (str): ID of the action button the recipient selected. Must match one of the `id` values from the form's
            `user_actions` list (returned by [Get Human Input Form](/api-reference/human-input/get-human-input-form)).
        user (str): Identifier for the end user, defined by your application's rules and unique within the app. Service
            API and WebApp user IDs are separate, even when identical.
    """

    inputs: SubmitChatflowHumanInputFormBodyInputs
    action: str
    user: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inputs = self.inputs.to_dict()

        action = self.action

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inputs": inputs,
                "action": action,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.submit_chatflow_human_input_form_body_inputs import SubmitChatflowHumanInputFormBodyInputs

        d = dict(src_dict)
        inputs = SubmitChatflowHumanInputFormBodyInputs.from_dict(d.pop("inputs"))

        action = d.pop("action")

        user = d.pop("user")

        submit_chatflow_human_input_form_body = cls(
            inputs=inputs,
            action=action,
            user=user,
        )

        submit_chatflow_human_input_form_body.additional_properties = d
        return submit_chatflow_human_input_form_body

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
