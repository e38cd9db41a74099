from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RetrieverResource")


@_attrs_define
class RetrieverResource:
    """Citation and attribution information for a retriever resource.

    Attributes:
        id (UUID | Unset): Unique ID of the retriever resource.
        message_id (UUID | Unset): ID of the message this resource belongs to.
        position (int | Unset): Position of the resource in the list.
        dataset_id (UUID | Unset): ID of the knowledge base.
        dataset_name (str | Unset): Name of the knowledge base.
        document_id (UUID | Unset): ID of the document.
        document_name (str | Unset): Name of the document.
        data_source_type (str | Unset): Type of the data source.
        segment_id (UUID | Unset): ID of the specific chunk within the document.
        score (float | Unset): Similarity score of the resource.
        hit_count (int | Unset): Number of times this chunk was hit.
        word_count (int | Unset): Word count of the chunk.
        segment_position (int | Unset): Position of the chunk within the document.
        index_node_hash (str | Unset): Hash of the index node.
        content (str | Unset): Content snippet from the resource.
        summary (None | str | Unset): Summary of the chunk content.
        created_at (int | Unset): Creation timestamp (Unix epoch seconds).
    """

    id: UUID | Unset = UNSET
    message_id: UUID | Unset = UNSET
    position: int | Unset = UNSET
    dataset_id: UUID | Unset = UNSET
    dataset_name: str | Unset = UNSET
    document_id: UUID | Unset = UNSET
    document_name: str | Unset = UNSET
    data_source_type: str | Unset = UNSET
    segment_id: UUID | Unset = UNSET
    score: float | Unset = UNSET
    hit_count: int | Unset = UNSET
    word_count: int | Unset = UNSET
    segment_position: int | Unset = UNSET
    index_node_hash: str | Unset = UNSET
    content: str | Unset = UNSET
    summary: None | str | Unset = UNSET
    created_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        message_id: str | Unset = UNSET
        if not isinstance(self.message_id, Unset):
            message_id = str(self.message_id)

        position = self.position

        dataset_id: str | Unset = UNSET
        if not isinstance(self.dataset_id, Unset):
            dataset_id = str(self.dataset_id)

        dataset_name = self.dataset_name

        document_id: str | Unset = UNSET
        if not isinstance(self.document_id, Unset):
            document_id = str(self.document_id)

        document_name = self.document_name

        data_source_type = self.data_source_type

        segment_id: str | Unset = UNSET
        if not isinstance(self.segment_id, Unset):
            segment_id = str(self.segment_id)

        score = self.score

        hit_count = self.hit_count

        word_count = self.word_count

        segment_position = self.segment_position

        index_node_hash = self.index_node_hash

        content = self.content

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if position is not UNSET:
            field_dict["position"] = position
        if dataset_id is not UNSET:
            field_dict["dataset_id"] = dataset_id
        if dataset_name is not UNSET:
            field_dict["dataset_name"] = dataset_name
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if document_name is not UNSET:
            field_dict["document_name"] = document_name
        if data_source_type is not UNSET:
            field_dict["data_source_type"] = data_source_type
        if segment_id is not UNSET:
            field_dict["segment_id"] = segment_id
        if score is not UNSET:
            field_dict["score"] = score
        if hit_count is not UNSET:
            field_dict["hit_count"] = hit_count
        if word_count is not UNSET:
            field_dict["word_count"] = word_count
        if segment_position is not UNSET:
            field_dict["segment_position"] = segment_position
        if index_node_hash is not UNSET:
            field_dict["index_node_hash"] = index_node_hash
        if content is not UNSET:
            field_dict["content"] = content
        if summary is not UNSET:
            field_dict["summary"] = summary
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

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

        _message_id = d.pop("message_id", UNSET)
        message_id: UUID | Unset
        if isinstance(_message_id, Unset):
            message_id = UNSET
        else:
            message_id = UUID(_message_id)

        position = d.pop("position", UNSET)

        _dataset_id = d.pop("dataset_id", UNSET)
        dataset_id: UUID | Unset
        if isinstance(_dataset_id, Unset):
            dataset_id = UNSET
        else:
            dataset_id = UUID(_dataset_id)

        dataset_name = d.pop("dataset_name", UNSET)

        _document_id = d.pop("document_id", UNSET)
        document_id: UUID | Unset
        if isinstance(_document_id, Unset):
            document_id = UNSET
        else:
            document_id = UUID(_document_id)

        document_name = d.pop("document_name", UNSET)

        data_source_type = d.pop("data_source_type", UNSET)

        _segment_id = d.pop("segment_id", UNSET)
        segment_id: UUID | Unset
        if isinstance(_segment_id, Unset):
            segment_id = UNSET
        else:
            segment_id = UUID(_segment_id)

        score = d.pop("score", UNSET)

        hit_count = d.pop("hit_count", UNSET)

        word_count = d.pop("word_count", UNSET)

        segment_position = d.pop("segment_position", UNSET)

        index_node_hash = d.pop("index_node_hash", UNSET)

        content = d.pop("content", UNSET)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        created_at = d.pop("created_at", UNSET)

        retriever_resource = cls(
            id=id,
            message_id=message_id,
            position=position,
            dataset_id=dataset_id,
            dataset_name=dataset_name,
            document_id=document_id,
            document_name=document_name,
            data_source_type=data_source_type,
            segment_id=segment_id,
            score=score,
            hit_count=hit_count,
            word_count=word_count,
            segment_position=segment_position,
            index_node_hash=index_node_hash,
            content=content,
            summary=summary,
            created_at=created_at,
        )

        retriever_resource.additional_properties = d
        return retriever_resource

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
