from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_workflow_finished_data_files_type_0_item import (
        StreamEventWorkflowFinishedDataFilesType0Item,
    )
    from ..models.stream_event_workflow_finished_data_outputs_type_0 import StreamEventWorkflowFinishedDataOutputsType0


T = TypeVar("T", bound="StreamEventWorkflowFinishedData")


@_attrs_define
class StreamEventWorkflowFinishedData:
    """
    Attributes:
        id (str | Unset): Workflow run ID.
        workflow_id (str | Unset): Associated workflow ID.
        status (str | Unset): Execution status. `running` while in progress, `succeeded` on success, `failed` on
            failure, `stopped` if manually stopped, `partial-succeeded` if partially completed, `paused` when waiting for
            human input.
        outputs (None | StreamEventWorkflowFinishedDataOutputsType0 | Unset): Workflow output data.
        error (None | str | Unset): Error message if execution failed.
        elapsed_time (float | Unset): Total execution time in seconds.
        total_tokens (int | Unset): Total tokens consumed.
        total_steps (int | Unset): Total steps executed.
        created_at (int | Unset): Start timestamp (Unix epoch seconds).
        finished_at (int | None | Unset): Finish timestamp (Unix epoch seconds).
        exceptions_count (int | None | Unset): Number of exceptions during execution.
        files (list[StreamEventWorkflowFinishedDataFilesType0Item] | None | Unset): Files generated during workflow
            execution.
    """

    id: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    status: str | Unset = UNSET
    outputs: None | StreamEventWorkflowFinishedDataOutputsType0 | Unset = UNSET
    error: None | str | Unset = UNSET
    elapsed_time: float | Unset = UNSET
    total_tokens: int | Unset = UNSET
    total_steps: int | Unset = UNSET
    created_at: int | Unset = UNSET
    finished_at: int | None | Unset = UNSET
    exceptions_count: int | None | Unset = UNSET
    files: list[StreamEventWorkflowFinishedDataFilesType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stream_event_workflow_finished_data_outputs_type_0 import (
            StreamEventWorkflowFinishedDataOutputsType0,
        )

        id = self.id

        workflow_id = self.workflow_id

        status = self.status

        outputs: dict[str, Any] | None | Unset
        if isinstance(self.outputs, Unset):
            outputs = UNSET
        elif isinstance(self.outputs, StreamEventWorkflowFinishedDataOutputsType0):
            outputs = self.outputs.to_dict()
        else:
            outputs = self.outputs

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        elapsed_time = self.elapsed_time

        total_tokens = self.total_tokens

        total_steps = self.total_steps

        created_at = self.created_at

        finished_at: int | None | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        exceptions_count: int | None | Unset
        if isinstance(self.exceptions_count, Unset):
            exceptions_count = UNSET
        else:
            exceptions_count = self.exceptions_count

        files: list[dict[str, Any]] | None | Unset
        if isinstance(self.files, Unset):
            files = UNSET
        elif isinstance(self.files, list):
            files = []
            for files_type_0_item_data in self.files:
                files_type_0_item = files_type_0_item_data.to_dict()
                files.append(files_type_0_item)

        else:
            files = self.files

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if status is not UNSET:
            field_dict["status"] = status
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if error is not UNSET:
            field_dict["error"] = error
        if elapsed_time is not UNSET:
            field_dict["elapsed_time"] = elapsed_time
        if total_tokens is not UNSET:
            field_dict["total_tokens"] = total_tokens
        if total_steps is not UNSET:
            field_dict["total_steps"] = total_steps
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if exceptions_count is not UNSET:
            field_dict["exceptions_count"] = exceptions_count
        if files is not UNSET:
            field_dict["files"] = files

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_workflow_finished_data_files_type_0_item import (
            StreamEventWorkflowFinishedDataFilesType0Item,
        )
        from ..models.stream_event_workflow_finished_data_outputs_type_0 import (
            StreamEventWorkflowFinishedDataOutputsType0,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        workflow_id = d.pop("workflow_id", UNSET)

        status = d.pop("status", UNSET)

        def _parse_outputs(data: object) -> None | StreamEventWorkflowFinishedDataOutputsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outputs_type_0 = StreamEventWorkflowFinishedDataOutputsType0.from_dict(data)

                return outputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamEventWorkflowFinishedDataOutputsType0 | Unset, data)

        outputs = _parse_outputs(d.pop("outputs", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        elapsed_time = d.pop("elapsed_time", UNSET)

        total_tokens = d.pop("total_tokens", UNSET)

        total_steps = d.pop("total_steps", UNSET)

        created_at = d.pop("created_at", UNSET)

        def _parse_finished_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_exceptions_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        exceptions_count = _parse_exceptions_count(d.pop("exceptions_count", UNSET))

        def _parse_files(data: object) -> list[StreamEventWorkflowFinishedDataFilesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                files_type_0 = []
                _files_type_0 = data
                for files_type_0_item_data in _files_type_0:
                    files_type_0_item = StreamEventWorkflowFinishedDataFilesType0Item.from_dict(files_type_0_item_data)

                    files_type_0.append(files_type_0_item)

                return files_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[StreamEventWorkflowFinishedDataFilesType0Item] | None | Unset, data)

        files = _parse_files(d.pop("files", UNSET))

        stream_event_workflow_finished_data = cls(
            id=id,
            workflow_id=workflow_id,
            status=status,
            outputs=outputs,
            error=error,
            elapsed_time=elapsed_time,
            total_tokens=total_tokens,
            total_steps=total_steps,
            created_at=created_at,
            finished_at=finished_at,
            exceptions_count=exceptions_count,
            files=files,
        )

        stream_event_workflow_finished_data.additional_properties = d
        return stream_event_workflow_finished_data

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
