from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_agent_log_data_data import StreamEventAgentLogDataData
    from ..models.stream_event_agent_log_data_metadata import StreamEventAgentLogDataMetadata


T = TypeVar("T", bound="StreamEventAgentLogData")


@_attrs_define
class StreamEventAgentLogData:
    """
    Attributes:
        node_execution_id (str | Unset): Node execution ID.
        id (str | Unset): Log entry ID.
        label (str | Unset): Log entry label.
        parent_id (None | str | Unset): Parent log entry ID for nested entries.
        error (None | str | Unset): Error message if applicable.
        status (str | Unset): Log entry status.
        data (StreamEventAgentLogDataData | Unset): Log entry data.
        metadata (StreamEventAgentLogDataMetadata | Unset): Additional metadata.
        node_id (str | Unset): Node ID in the workflow graph.
    """

    node_execution_id: str | Unset = UNSET
    id: str | Unset = UNSET
    label: str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    status: str | Unset = UNSET
    data: StreamEventAgentLogDataData | Unset = UNSET
    metadata: StreamEventAgentLogDataMetadata | Unset = UNSET
    node_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_execution_id = self.node_execution_id

        id = self.id

        label = self.label

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        status = self.status

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        node_id = self.node_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if node_execution_id is not UNSET:
            field_dict["node_execution_id"] = node_execution_id
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if error is not UNSET:
            field_dict["error"] = error
        if status is not UNSET:
            field_dict["status"] = status
        if data is not UNSET:
            field_dict["data"] = data
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if node_id is not UNSET:
            field_dict["node_id"] = node_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_agent_log_data_data import StreamEventAgentLogDataData
        from ..models.stream_event_agent_log_data_metadata import StreamEventAgentLogDataMetadata

        d = dict(src_dict)
        node_execution_id = d.pop("node_execution_id", UNSET)

        id = d.pop("id", UNSET)

        label = d.pop("label", UNSET)

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        status = d.pop("status", UNSET)

        _data = d.pop("data", UNSET)
        data: StreamEventAgentLogDataData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = StreamEventAgentLogDataData.from_dict(_data)

        _metadata = d.pop("metadata", UNSET)
        metadata: StreamEventAgentLogDataMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = StreamEventAgentLogDataMetadata.from_dict(_metadata)

        node_id = d.pop("node_id", UNSET)

        stream_event_agent_log_data = cls(
            node_execution_id=node_execution_id,
            id=id,
            label=label,
            parent_id=parent_id,
            error=error,
            status=status,
            data=data,
            metadata=metadata,
            node_id=node_id,
        )

        stream_event_agent_log_data.additional_properties = d
        return stream_event_agent_log_data

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
