from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_iteration_next_data_extras import StreamEventIterationNextDataExtras


T = TypeVar("T", bound="StreamEventIterationNextData")


@_attrs_define
class StreamEventIterationNextData:
    """
    Attributes:
        id (str | Unset): Iteration execution ID.
        node_id (str | Unset): Iteration node ID.
        node_type (str | Unset): Node type.
        title (str | Unset): Iteration node title.
        index (int | Unset): Current iteration index (0-based).
        created_at (int | Unset): Timestamp (Unix epoch seconds).
        extras (StreamEventIterationNextDataExtras | Unset): Additional metadata.
    """

    id: str | Unset = UNSET
    node_id: str | Unset = UNSET
    node_type: str | Unset = UNSET
    title: str | Unset = UNSET
    index: int | Unset = UNSET
    created_at: int | Unset = UNSET
    extras: StreamEventIterationNextDataExtras | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        node_id = self.node_id

        node_type = self.node_type

        title = self.title

        index = self.index

        created_at = self.created_at

        extras: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extras, Unset):
            extras = self.extras.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if node_type is not UNSET:
            field_dict["node_type"] = node_type
        if title is not UNSET:
            field_dict["title"] = title
        if index is not UNSET:
            field_dict["index"] = index
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if extras is not UNSET:
            field_dict["extras"] = extras

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_iteration_next_data_extras import StreamEventIterationNextDataExtras

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        node_id = d.pop("node_id", UNSET)

        node_type = d.pop("node_type", UNSET)

        title = d.pop("title", UNSET)

        index = d.pop("index", UNSET)

        created_at = d.pop("created_at", UNSET)

        _extras = d.pop("extras", UNSET)
        extras: StreamEventIterationNextDataExtras | Unset
        if isinstance(_extras, Unset):
            extras = UNSET
        else:
            extras = StreamEventIterationNextDataExtras.from_dict(_extras)

        stream_event_iteration_next_data = cls(
            id=id,
            node_id=node_id,
            node_type=node_type,
            title=title,
            index=index,
            created_at=created_at,
            extras=extras,
        )

        stream_event_iteration_next_data.additional_properties = d
        return stream_event_iteration_next_data

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
