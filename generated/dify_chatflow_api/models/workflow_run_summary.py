from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkflowRunSummary")


@_attrs_define
class WorkflowRunSummary:
    """
    Attributes:
        id (UUID | Unset): Workflow run ID.
        version (str | Unset): Workflow version identifier.
        status (str | Unset): Workflow execution status. `running` for in-progress executions, `succeeded` when
            completed successfully, `failed` when execution encountered an error, `stopped` when manually halted, `partial-
            succeeded` when some nodes succeeded but others failed, `paused` when awaiting human input.
        error (None | str | Unset): Error message if the workflow failed.
        elapsed_time (float | Unset): Total time elapsed in seconds.
        total_tokens (int | Unset): Total tokens consumed.
        total_steps (int | Unset): Total number of workflow steps executed.
        created_at (int | Unset): Unix timestamp of when the workflow run was created.
        finished_at (int | None | Unset): Unix timestamp of when the workflow run finished.
        exceptions_count (int | Unset): Number of exceptions that occurred during execution.
        triggered_from (str | Unset): Source that triggered the workflow run. `app-run` for runs started from the app or
            API, `webhook` for runs started by a webhook trigger, `schedule` for runs started by a schedule trigger,
            `plugin` for runs started by a plugin trigger.
    """

    id: UUID | Unset = UNSET
    version: str | Unset = UNSET
    status: str | Unset = UNSET
    error: None | str | Unset = UNSET
    elapsed_time: float | Unset = UNSET
    total_tokens: int | Unset = UNSET
    total_steps: int | Unset = UNSET
    created_at: int | Unset = UNSET
    finished_at: int | None | Unset = UNSET
    exceptions_count: int | Unset = UNSET
    triggered_from: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        version = self.version

        status = self.status

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

        exceptions_count = self.exceptions_count

        triggered_from = self.triggered_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if version is not UNSET:
            field_dict["version"] = version
        if status is not UNSET:
            field_dict["status"] = status
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
        if triggered_from is not UNSET:
            field_dict["triggered_from"] = triggered_from

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        version = d.pop("version", UNSET)

        status = d.pop("status", UNSET)

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

        exceptions_count = d.pop("exceptions_count", UNSET)

        triggered_from = d.pop("triggered_from", UNSET)

        workflow_run_summary = cls(
            id=id,
            version=version,
            status=status,
            error=error,
            elapsed_time=elapsed_time,
            total_tokens=total_tokens,
            total_steps=total_steps,
            created_at=created_at,
            finished_at=finished_at,
            exceptions_count=exceptions_count,
            triggered_from=triggered_from,
        )

        workflow_run_summary.additional_properties = d
        return workflow_run_summary

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
