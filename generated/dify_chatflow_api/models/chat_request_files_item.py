from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_request_files_item_transfer_method import ChatRequestFilesItemTransferMethod
from ..models.chat_request_files_item_type import ChatRequestFilesItemType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatRequestFilesItem")


@_attrs_define
class ChatRequestFilesItem:
    """
    Attributes:
        type_ (ChatRequestFilesItemType): File type.
        transfer_method (ChatRequestFilesItemTransferMethod): Transfer method: `remote_url` for file URL, `local_file`
            for uploaded file.
        url (str | Unset): File URL (required when `transfer_method` is `remote_url`).
        upload_file_id (str | Unset): Uploaded file ID obtained from the [Upload File](/api-reference/files/upload-file)
            API (required when `transfer_method` is `local_file`).
    """

    type_: ChatRequestFilesItemType
    transfer_method: ChatRequestFilesItemTransferMethod
    url: str | Unset = UNSET
    upload_file_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        transfer_method = self.transfer_method.value

        url = self.url

        upload_file_id = self.upload_file_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "transfer_method": transfer_method,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url
        if upload_file_id is not UNSET:
            field_dict["upload_file_id"] = upload_file_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = ChatRequestFilesItemType(d.pop("type"))

        transfer_method = ChatRequestFilesItemTransferMethod(d.pop("transfer_method"))

        url = d.pop("url", UNSET)

        upload_file_id = d.pop("upload_file_id", UNSET)

        chat_request_files_item = cls(
            type_=type_,
            transfer_method=transfer_method,
            url=url,
            upload_file_id=upload_file_id,
        )

        chat_request_files_item.additional_properties = d
        return chat_request_files_item

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
