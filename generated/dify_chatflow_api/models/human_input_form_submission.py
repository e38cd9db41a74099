from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.human_input_form_submission_inputs import HumanInputFormSubmissionInputs


T = TypeVar("T", bound="HumanInputFormSubmission")


@_attrs_define
class HumanInputFormSubmission:
    """
    Attributes:
        inputs (HumanInputFormSubmissionInputs | Unset): Submitted values keyed by each input's `output_variable_name`.
            Paragraph and select inputs take a string; a `file` input takes one file mapping; a `file-list` input takes an
            array of file mappings. A file mapping is `{transfer_method: local_file, upload_file_id, type}` or
            `{transfer_method: remote_url, url, type}`, where `type` is one of the field's `allowed_file_types` (`image`,
            `document`, `audio`, `video`, `custom`). For `local_file`, `upload_file_id` is the `id` from [Upload File](/api-
            reference/files/upload-file). Use a consistent `user` across the run, upload, and submit.
        action (str | Unset): ID of the action button the recipient selected. Must match one of the `id` values from the
            form's `user_actions` list (returned by [Get Human Input Form](/api-reference/human-input/get-human-input-
            form)).
        user (str | Unset): Identifier for the end user, defined by your application's rules and unique within the app.
            Service API and WebApp user IDs are separate, even when identical.
    """

    inputs: HumanInputFormSubmissionInputs | Unset = UNSET
    action: str | Unset = UNSET
    user: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        action = self.action

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if action is not UNSET:
            field_dict["action"] = action
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.human_input_form_submission_inputs import HumanInputFormSubmissionInputs

        d = dict(src_dict)
        _inputs = d.pop("inputs", UNSET)
        inputs: HumanInputFormSubmissionInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = HumanInputFormSubmissionInputs.from_dict(_inputs)

        action = d.pop("action", UNSET)

        user = d.pop("user", UNSET)

        human_input_form_submission = cls(
            inputs=inputs,
            action=action,
            user=user,
        )

        human_input_form_submission.additional_properties = d
        return human_input_form_submission

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
