from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.end_user_summary import EndUserSummary
    from ..models.workflow_log_item_created_by_account_type_0 import WorkflowLogItemCreatedByAccountType0
    from ..models.workflow_log_item_details_type_0 import WorkflowLogItemDetailsType0
    from ..models.workflow_run_summary import WorkflowRunSummary


T = TypeVar("T", bound="WorkflowLogItem")


@_attrs_define
class WorkflowLogItem:
    """
    Attributes:
        id (UUID | Unset): Log entry ID.
        workflow_run (WorkflowRunSummary | Unset):
        created_from (str | Unset): Source of the workflow run (e.g., `service-api`).
        created_by_role (str | Unset): Role of the creator (e.g., `end_user`, `account`).
        created_by_account (None | Unset | WorkflowLogItemCreatedByAccountType0): Account details if created by an admin
            user.
        created_by_end_user (EndUserSummary | Unset):
        created_at (int | Unset): Unix timestamp of when the log entry was created.
        details (None | Unset | WorkflowLogItemDetailsType0): Additional details for the log entry.
    """

    id: UUID | Unset = UNSET
    workflow_run: WorkflowRunSummary | Unset = UNSET
    created_from: str | Unset = UNSET
    created_by_role: str | Unset = UNSET
    created_by_account: None | Unset | WorkflowLogItemCreatedByAccountType0 = UNSET
    created_by_end_user: EndUserSummary | Unset = UNSET
    created_at: int | Unset = UNSET
    details: None | Unset | WorkflowLogItemDetailsType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.workflow_log_item_created_by_account_type_0 import WorkflowLogItemCreatedByAccountType0
        from ..models.workflow_log_item_details_type_0 import WorkflowLogItemDetailsType0

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        workflow_run: dict[str, Any] | Unset = UNSET
        if not isinstance(self.workflow_run, Unset):
            workflow_run = self.workflow_run.to_dict()

        created_from = self.created_from

        created_by_role = self.created_by_role

        created_by_account: dict[str, Any] | None | Unset
        if isinstance(self.created_by_account, Unset):
            created_by_account = UNSET
        elif isinstance(self.created_by_account, WorkflowLogItemCreatedByAccountType0):
            created_by_account = self.created_by_account.to_dict()
        else:
            created_by_account = self.created_by_account

        created_by_end_user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_by_end_user, Unset):
            created_by_end_user = self.created_by_end_user.to_dict()

        created_at = self.created_at

        details: dict[str, Any] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, WorkflowLogItemDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if workflow_run is not UNSET:
            field_dict["workflow_run"] = workflow_run
        if created_from is not UNSET:
            field_dict["created_from"] = created_from
        if created_by_role is not UNSET:
            field_dict["created_by_role"] = created_by_role
        if created_by_account is not UNSET:
            field_dict["created_by_account"] = created_by_account
        if created_by_end_user is not UNSET:
            field_dict["created_by_end_user"] = created_by_end_user
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.end_user_summary import EndUserSummary
        from ..models.workflow_log_item_created_by_account_type_0 import WorkflowLogItemCreatedByAccountType0
        from ..models.workflow_log_item_details_type_0 import WorkflowLogItemDetailsType0
        from ..models.workflow_run_summary import WorkflowRunSummary

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _workflow_run = d.pop("workflow_run", UNSET)
        workflow_run: WorkflowRunSummary | Unset
        if isinstance(_workflow_run, Unset):
            workflow_run = UNSET
        else:
            workflow_run = WorkflowRunSummary.from_dict(_workflow_run)

        created_from = d.pop("created_from", UNSET)

        created_by_role = d.pop("created_by_role", UNSET)

        def _parse_created_by_account(data: object) -> None | Unset | WorkflowLogItemCreatedByAccountType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_account_type_0 = WorkflowLogItemCreatedByAccountType0.from_dict(data)

                return created_by_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowLogItemCreatedByAccountType0, data)

        created_by_account = _parse_created_by_account(d.pop("created_by_account", UNSET))

        _created_by_end_user = d.pop("created_by_end_user", UNSET)
        created_by_end_user: EndUserSummary | Unset
        if isinstance(_created_by_end_user, Unset):
            created_by_end_user = UNSET
        else:
            created_by_end_user = EndUserSummary.from_dict(_created_by_end_user)

        created_at = d.pop("created_at", UNSET)

        def _parse_details(data: object) -> None | Unset | WorkflowLogItemDetailsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = WorkflowLogItemDetailsType0.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowLogItemDetailsType0, data)

        details = _parse_details(d.pop("details", UNSET))

        workflow_log_item = cls(
            id=id,
            workflow_run=workflow_run,
            created_from=created_from,
            created_by_role=created_by_role,
            created_by_account=created_by_account,
            created_by_end_user=created_by_end_user,
            created_at=created_at,
            details=details,
        )

        workflow_log_item.additional_properties = d
        return workflow_log_item

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
