from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_loop_started_data_extras import StreamEventLoopStartedDataExtras
    from ..models.stream_event_loop_started_data_inputs import StreamEventLoopStartedDataInputs
    from ..models.stream_event_loop_started_data_metadata import StreamEventLoopStartedDataMetadata


T = TypeVar("T", bound="StreamEventLoopStartedData")


@_attrs_define
class StreamEventLoopStartedData:
    """
    Attributes:
        id (str | Unset): Loop execution ID.
        node_id (str | Unset): Loop node ID.
        node_type (str | Unset): Node type.
        title (str | Unset): Loop node title.
        created_at (int | Unset): Start timestamp (Unix epoch seconds).
        extras (StreamEventLoopStartedDataExtras | Unset): Additional metadata.
        metadata (StreamEventLoopStartedDataMetadata | Unset): Loop metadata.
        inputs (StreamEventLoopStartedDataInputs | Unset): Loop input data.
    """

    id: str | Unset = UNSET
    node_id: str | Unset = UNSET
    node_type: str | Unset = UNSET
    title: str | Unset = UNSET
    created_at: int | Unset = UNSET
    extras: StreamEventLoopStartedDataExtras | Unset = UNSET
    metadata: StreamEventLoopStartedDataMetadata | Unset = UNSET
    inputs: StreamEventLoopStartedDataInputs | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        node_id = self.node_id

        node_type = self.node_type

        title = self.title

        created_at = self.created_at

        extras: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extras, Unset):
            extras = self.extras.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = self.inputs.to_dict()

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
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if extras is not UNSET:
            field_dict["extras"] = extras
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if inputs is not UNSET:
            field_dict["inputs"] = inputs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_loop_started_data_extras import StreamEventLoopStartedDataExtras
        from ..models.stream_event_loop_started_data_inputs import StreamEventLoopStartedDataInputs
        from ..models.stream_event_loop_started_data_metadata import StreamEventLoopStartedDataMetadata

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        node_id = d.pop("node_id", UNSET)

        node_type = d.pop("node_type", UNSET)

        title = d.pop("title", UNSET)

        created_at = d.pop("created_at", UNSET)

        _extras = d.pop("extras", UNSET)
        extras: StreamEventLoopStartedDataExtras | Unset
        if isinstance(_extras, Unset):
            extras = UNSET
        else:
            extras = StreamEventLoopStartedDataExtras.from_dict(_extras)

        _metadata = d.pop("metadata", UNSET)
        metadata: StreamEventLoopStartedDataMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = StreamEventLoopStartedDataMetadata.from_dict(_metadata)

        _inputs = d.pop("inputs", UNSET)
        inputs: StreamEventLoopStartedDataInputs | Unset
        if isinstance(_inputs, Unset):
            inputs = UNSET
        else:
            inputs = StreamEventLoopStartedDataInputs.from_dict(_inputs)

        stream_event_loop_started_data = cls(
            id=id,
            node_id=node_id,
            node_type=node_type,
            title=title,
            created_at=created_at,
            extras=extras,
            metadata=metadata,
            inputs=inputs,
        )

        stream_event_loop_started_data.additional_properties = d
        return stream_event_loop_started_data

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
