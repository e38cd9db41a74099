from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.retriever_resource import RetrieverResource
    from ..models.usage import Usage


T = TypeVar("T", bound="ChatCompletionResponseMetadata")


@_attrs_define
class ChatCompletionResponseMetadata:
    """Metadata including usage and retriever resources.

    Attributes:
        usage (Usage | Unset): Model usage information.
        retriever_resources (list[RetrieverResource] | Unset): List of retriever resources used.
    """

    usage: Usage | Unset = UNSET
    retriever_resources: list[RetrieverResource] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        retriever_resources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.retriever_resources, Unset):
            retriever_resources = []
            for retriever_resources_item_data in self.retriever_resources:
                retriever_resources_item = retriever_resources_item_data.to_dict()
                retriever_resources.append(retriever_resources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if usage is not UNSET:
            field_dict["usage"] = usage
        if retriever_resources is not UNSET:
            field_dict["retriever_resources"] = retriever_resources

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.retriever_resource import RetrieverResource
        from ..models.usage import Usage

        d = dict(src_dict)
        _usage = d.pop("usage", UNSET)
        usage: Usage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = Usage.from_dict(_usage)

        _retriever_resources = d.pop("retriever_resources", UNSET)
        retriever_resources: list[RetrieverResource] | Unset = UNSET
        if _retriever_resources is not UNSET:
            retriever_resources = []
            for retriever_resources_item_data in _retriever_resources:
                retriever_resources_item = RetrieverResource.from_dict(retriever_resources_item_data)

                retriever_resources.append(retriever_resources_item)

        chat_completion_response_metadata = cls(
            usage=usage,
            retriever_resources=retriever_resources,
        )

        chat_completion_response_metadata.additional_properties = d
        return chat_completion_response_metadata

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
