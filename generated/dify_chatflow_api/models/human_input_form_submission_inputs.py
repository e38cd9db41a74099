from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HumanInputFormSubmissionInputs")


@_attrs_define
class HumanInputFormSubmissionInputs:
    """Submitted values keyed by each input's `output_variable_name`. Paragraph and select inputs take a string; a `file`
    input takes one file mapping; a `file-list` input takes an array of file mappings. A file mapping is
    `{transfer_method: local_file, upload_file_id, type}` or `{transfer_method: remote_url, url, type}`, where `type` is
    one of the field's `allowed_file_types` (`image`, `document`, `audio`, `video`, `custom`). For `local_file`,
    `upload_file_id` is the `id` from [Upload File](/api-reference/files/upload-file). Use a consistent `user` across
    the run, upload, and submit.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        human_input_form_submission_inputs = cls()

        human_input_form_submission_inputs.additional_properties = d
        return human_input_form_submission_inputs

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
