from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AnnotationReplySettingsRequest")


@_attrs_define
class AnnotationReplySettingsRequest:
    """Request body for configuring annotation reply settings.

    Attributes:
        embedding_provider_name (str | Unset): Name of the embedding model provider (e.g., `openai`, `cohere`).
        embedding_model_name (str | Unset): Name of the embedding model to use for annotation matching (e.g., `text-
            embedding-3-small`).
        score_threshold (float | Unset): Minimum similarity score for an annotation to be considered a match. Higher
            values require closer matches.
    """

    embedding_provider_name: str | Unset = UNSET
    embedding_model_name: str | Unset = UNSET
    score_threshold: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        embedding_provider_name = self.embedding_provider_name

        embedding_model_name = self.embedding_model_name

        score_threshold = self.score_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if embedding_provider_name is not UNSET:
            field_dict["embedding_provider_name"] = embedding_provider_name
        if embedding_model_name is not UNSET:
            field_dict["embedding_model_name"] = embedding_model_name
        if score_threshold is not UNSET:
            field_dict["score_threshold"] = score_threshold

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        embedding_provider_name = d.pop("embedding_provider_name", UNSET)

        embedding_model_name = d.pop("embedding_model_name", UNSET)

        score_threshold = d.pop("score_threshold", UNSET)

        annotation_reply_settings_request = cls(
            embedding_provider_name=embedding_provider_name,
            embedding_model_name=embedding_model_name,
            score_threshold=score_threshold,
        )

        annotation_reply_settings_request.additional_properties = d
        return annotation_reply_settings_request

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
