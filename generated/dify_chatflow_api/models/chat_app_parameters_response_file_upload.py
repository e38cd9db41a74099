from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_app_parameters_response_file_upload_image import ChatAppParametersResponseFileUploadImage


T = TypeVar("T", bound="ChatAppParametersResponseFileUpload")


@_attrs_define
class ChatAppParametersResponseFileUpload:
    """File upload configuration.

    Attributes:
        image (ChatAppParametersResponseFileUploadImage | Unset): Image upload settings.
    """

    image: ChatAppParametersResponseFileUploadImage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image: dict[str, Any] | Unset = UNSET
        if not isinstance(self.image, Unset):
            image = self.image.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if image is not UNSET:
            field_dict["image"] = image

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_app_parameters_response_file_upload_image import ChatAppParametersResponseFileUploadImage

        d = dict(src_dict)
        _image = d.pop("image", UNSET)
        image: ChatAppParametersResponseFileUploadImage | Unset
        if isinstance(_image, Unset):
            image = UNSET
        else:
            image = ChatAppParametersResponseFileUploadImage.from_dict(_image)

        chat_app_parameters_response_file_upload = cls(
            image=image,
        )

        chat_app_parameters_response_file_upload.additional_properties = d
        return chat_app_parameters_response_file_upload

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
