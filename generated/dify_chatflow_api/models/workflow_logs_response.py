from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_log_item import WorkflowLogItem


T = TypeVar("T", bound="WorkflowLogsResponse")


@_attrs_define
class WorkflowLogsResponse:
    """
    Attributes:
        page (int | Unset): Current page number.
        limit (int | Unset): Number of items per page.
        total (int | Unset): Total number of log entries.
        has_more (bool | Unset): Whether more pages are available.
        data (list[WorkflowLogItem] | Unset): List of workflow log entries.
    """

    page: int | Unset = UNSET
    limit: int | Unset = UNSET
    total: int | Unset = UNSET
    has_more: bool | Unset = UNSET
    data: list[WorkflowLogItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page = self.page

        limit = self.limit

        total = self.total

        has_more = self.has_more

        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page is not UNSET:
            field_dict["page"] = page
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.workflow_log_item import WorkflowLogItem

        d = dict(src_dict)
        page = d.pop("page", UNSET)

        limit = d.pop("limit", UNSET)

        total = d.pop("total", UNSET)

        has_more = d.pop("has_more", UNSET)

        _data = d.pop("data", UNSET)
        data: list[WorkflowLogItem] | Unset = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:
                data_item = WorkflowLogItem.from_dict(data_item_data)

                data.append(data_item)

        workflow_logs_response = cls(
            page=page,
            limit=limit,
            total=total,
            has_more=has_more,
            data=data,
        )

        workflow_logs_response.additional_properties = d
        return workflow_logs_response

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
