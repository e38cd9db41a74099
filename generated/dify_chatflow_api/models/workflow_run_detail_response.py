from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_run_detail_response_outputs import WorkflowRunDetailResponseOutputs


T = TypeVar("T", bound="WorkflowRunDetailResponse")


@_attrs_define
class WorkflowRunDetailResponse:
    """
    Attributes:
        id (UUID | Unset): Workflow run ID.
        workflow_id (UUID | Unset): Workflow ID.
        status (str | Unset): Workflow execution status. `running` for in-progress executions, `succeeded` when
            completed successfully, `failed` when execution encountered an error, `stopped` when manually halted, `partial-
            succeeded` when some nodes succeeded but others failed, `paused` when awaiting human input.
        inputs (None | str | Unset): Input variables of the workflow run, returned as a raw JSON string that clients
            must parse (e.g., `{"query": "..."}`). May be `null`.
        outputs (WorkflowRunDetailResponseOutputs | Unset): Output data from the workflow. An empty object until outputs
            are available.
        error (None | str | Unset): Error message if the workflow failed.
        total_steps (int | Unset): Total number of workflow steps executed.
        total_tokens (int | Unset): Total tokens consumed.
        created_at (int | Unset): Unix timestamp of when the workflow run was created.
        finished_at (int | None | Unset): Unix timestamp of when the workflow run finished.
        elapsed_time (float | None | Unset): Total time elapsed in seconds.
    """

    id: UUID | Unset = UNSET
    workflow_id: UUID | Unset = UNSET
    status: str | Unset = UNSET
    inputs: None | str | Unset = UNSET
    outputs: WorkflowRunDetailResponseOutputs | Unset = UNSET
    error: None | str | Unset = UNSET
    total_steps: int | Unset = UNSET
    total_tokens: int | Unset = UNSET
    created_at: int | Unset = UNSET
    finished_at: int | None | Unset = UNSET
    elapsed_time: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        workflow_id: str | Unset = UNSET
        if not isinstance(self.workflow_id, Unset):
            workflow_id = str(self.workflow_id)

        status = self.status

        inputs: None | str | Unset
        if isinstance(self.inputs, Unset):
            inputs = UNSET
        else:
            inputs = self.inputs

        outputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = self.outputs.to_dict()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        total_steps = self.total_steps

        total_tokens = self.total_tokens

        created_at = self.created_at

        finished_at: int | None | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        elapsed_time: float | None | Unset
        if isinstance(self.elapsed_time, Unset):
            elapsed_time = UNSET
        else:
            elapsed_time = self.elapsed_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if status is not UNSET:
            field_dict["status"] = status
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if error is not UNSET:
            field_dict["error"] = error
        if total_steps is not UNSET:
            field_dict["total_steps"] = total_steps
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if elapsed_time is not UNSET:
            field_dict["elapsed_time"] = elapsed_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.workflow_run_detail_response_outputs import WorkflowRunDetailResponseOutputs

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _workflow_id = d.pop("workflow_id", UNSET)
        workflow_id: UUID | Unset
        if isinstance(_workflow_id, Unset):
            workflow_id = UNSET
        else:
            workflow_id = UUID(_workflow_id)

        status = d.pop("status", UNSET)

        def _parse_inputs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inputs = _parse_inputs(d.pop("inputs", UNSET))

        _outputs = d.pop("outputs", UNSET)
        outputs: WorkflowRunDetailResponseOutputs | Unset
        if isinstance(_outputs, Unset):
            outputs = UNSET
        else:
            outputs = WorkflowRunDetailResponseOutputs.from_dict(_outputs)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        total_steps = d.pop("total_steps", UNSET)

        total_tokens = d.pop("total_tokens", UNSET)

        created_at = d.pop("created_at", UNSET)

        def _parse_finished_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_elapsed_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        elapsed_time = _parse_elapsed_time(d.pop("elapsed_time", UNSET))

        workflow_run_detail_response = cls(
            id=id,
            workflow_id=workflow_id,
            status=status,
            inputs=inputs,
            outputs=outputs,
            error=error,
            total_steps=total_steps,
            total_tokens=total_tokens,
            created_at=created_at,
            finished_at=finished_at,
            elapsed_time=elapsed_time,
        )

        workflow_run_detail_response.additional_properties = d
        return workflow_run_detail_response

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
