from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_workflow_started_data_inputs import StreamEventWorkflowStartedDataInputs


T = TypeVar("T", bound="StreamEventWorkflowStartedData")


@_attrs_define
class StreamEventWorkflowStartedData:
    """
    Attributes:
        id (str | Unset): Workflow run ID.
        workflow_id (str | Unset): Associated workflow ID.
        inputs (StreamEventWorkflowStartedDataInputs | Unset): Input variables for this workflow execution.
        created_at (int | Unset): Start timestamp (Unix epoch seconds).
        reason (str | Unset): Reason for workflow start. `initial` for first start, `resumption` when resuming after a
            pause (e.g., after human input).
    """

    id: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    inputs: StreamEventWorkflowStartedDataInputs | Unset = UNSET
    created_at: int | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        workflow_id = self.workflow_id

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

        created_at = self.created_at

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_workflow_started_data_inputs import StreamEventWorkflowStartedDataInputs

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        workflow_id = d.pop("workflow_id", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: StreamEventWorkflowStartedDataInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = StreamEventWorkflowStartedDataInputs.from_dict(_inputs)

        created_at = d.pop("created_at", UNSET)

        reason = d.pop("reason", UNSET)

        stream_event_workflow_started_data = cls(
            id=id,
            workflow_id=workflow_id,
            inputs=inputs,
            created_at=created_at,
            reason=reason,
        )

        stream_event_workflow_started_data.additional_properties = d
        return stream_event_workflow_started_data

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
