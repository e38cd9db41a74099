from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.annotation_item import AnnotationItem


T = TypeVar("T", bound="AnnotationListResponse")


@_attrs_define
class AnnotationListResponse:
    """
    Attributes:
        data (list[AnnotationItem] | Unset): List of annotation items for the current page.
        has_more (bool | Unset): `true` if more pages are available beyond the current result set.
        limit (int | Unset): Number of items per page.
        total (int | Unset): Total number of annotations matching the query.
        page (int | Unset): Current page number.
    """

    data: list[AnnotationItem] | Unset = UNSET
    has_more: bool | Unset = UNSET
    limit: int | Unset = UNSET
    total: int | Unset = UNSET
    page: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = []
            for data_item_data in self.data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        has_more = self.has_more

        limit = self.limit

        total = self.total

        page = self.page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total
        if page is not UNSET:
            field_dict["page"] = page

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.annotation_item import AnnotationItem

        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: list[AnnotationItem] | Unset = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:
                data_item = AnnotationItem.from_dict(data_item_data)

                data.append(data_item)

        has_more = d.pop("has_more", UNSET)

        limit = d.pop("limit", UNSET)

        total = d.pop("total", UNSET)

        page = d.pop("page", UNSET)

        annotation_list_response = cls(
            data=data,
            has_more=has_more,
            limit=limit,
            total=total,
            page=page,
        )

        annotation_list_response.additional_properties = d
        return annotation_list_response

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
