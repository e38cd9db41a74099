from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_workflow_paused_data_outputs import StreamEventWorkflowPausedDataOutputs
    from ..models.stream_event_workflow_paused_data_reasons_item import StreamEventWorkflowPausedDataReasonsItem


T = TypeVar("T", bound="StreamEventWorkflowPausedData")


@_attrs_define
class StreamEventWorkflowPausedData:
    """
    Attributes:
        workflow_run_id (str | Unset): Persistent identifier for this workflow run record. Use this with [Get Workflow
            Run Detail](/api-reference/chatflows/get-workflow-run-detail) to retrieve results after execution.
        paused_nodes (list[str] | Unset): List of paused node IDs.
        outputs (StreamEventWorkflowPausedDataOutputs | Unset): Partial outputs at pause time.
        reasons (list[StreamEventWorkflowPausedDataReasonsItem] | Unset): Reasons for pausing.
        status (str | Unset): Workflow execution status.
        created_at (int | Unset): Creation timestamp.
        elapsed_time (float | Unset): Total elapsed time in seconds.
        total_tokens (int | Unset): Total tokens consumed.
        total_steps (int | Unset): Total steps executed.
    """

    workflow_run_id: str | Unset = UNSET
    paused_nodes: list[str] | Unset = UNSET
    outputs: StreamEventWorkflowPausedDataOutputs | Unset = UNSET
    reasons: list[StreamEventWorkflowPausedDataReasonsItem] | Unset = UNSET
    status: str | Unset = UNSET
    created_at: int | Unset = UNSET
    elapsed_time: float | Unset = UNSET
    total_tokens: int | Unset = UNSET
    total_steps: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_run_id = self.workflow_run_id

        paused_nodes: list[str] | Unset = UNSET
        if not isinstance(self.paused_nodes, Unset):
            paused_nodes = self.paused_nodes

        outputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = self.outputs.to_dict()

        reasons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = []
            for reasons_item_data in self.reasons:
                reasons_item = reasons_item_data.to_dict()
                reasons.append(reasons_item)

        status = self.status

        created_at = self.created_at

        elapsed_time = self.elapsed_time

        total_tokens = self.total_tokens

        total_steps = self.total_steps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if workflow_run_id is not UNSET:
            field_dict["workflow_run_id"] = workflow_run_id
        if paused_nodes is not UNSET:
            field_dict["paused_nodes"] = paused_nodes
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if elapsed_time is not UNSET:
            field_dict["elapsed_time"] = elapsed_time
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if total_steps is not UNSET:
            field_dict["total_steps"] = total_steps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_workflow_paused_data_outputs import StreamEventWorkflowPausedDataOutputs
        from ..models.stream_event_workflow_paused_data_reasons_item import StreamEventWorkflowPausedDataReasonsItem

        d = dict(src_dict)
        workflow_run_id = d.pop("workflow_run_id", UNSET)

        paused_nodes = cast(list[str], d.pop("paused_nodes", UNSET))

        _outputs = d.pop("outputs", UNSET)
        outputs: StreamEventWorkflowPausedDataOutputs | Unset
        if isinstance(_outputs, Unset):
            outputs = UNSET
        else:
            outputs = StreamEventWorkflowPausedDataOutputs.from_dict(_outputs)

        _reasons = d.pop("reasons", UNSET)
        reasons: list[StreamEventWorkflowPausedDataReasonsItem] | Unset = UNSET
        if _reasons is not UNSET:
            reasons = []
            for reasons_item_data in _reasons:
                reasons_item = StreamEventWorkflowPausedDataReasonsItem.from_dict(reasons_item_data)

                reasons.append(reasons_item)

        status = d.pop("status", UNSET)

        created_at = d.pop("created_at", UNSET)

        elapsed_time = d.pop("elapsed_time", UNSET)

        total_tokens = d.pop("total_tokens", UNSET)

        total_steps = d.pop("total_steps", UNSET)

        stream_event_workflow_paused_data = cls(
            workflow_run_id=workflow_run_id,
            paused_nodes=paused_nodes,
            outputs=outputs,
            reasons=reasons,
            status=status,
            created_at=created_at,
            elapsed_time=elapsed_time,
            total_tokens=total_tokens,
            total_steps=total_steps,
        )

        stream_event_workflow_paused_data.additional_properties = d
        return stream_event_workflow_paused_data

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
