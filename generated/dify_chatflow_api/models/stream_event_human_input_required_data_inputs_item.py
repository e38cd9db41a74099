from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stream_event_human_input_required_data_inputs_item_default_type_0 import (
        StreamEventHumanInputRequiredDataInputsItemDefaultType0,
    )


T = TypeVar("T", bound="StreamEventHumanInputRequiredDataInputsItem")


@_attrs_define
class StreamEventHumanInputRequiredDataInputsItem:
    """
    Attributes:
        type_ (str | Unset): Form input control type. Available values: `paragraph` (multi-line text input), `select`
            (single-choice from a list), `file` (single file upload), and `file-list` (multiple file uploads).
        output_variable_name (str | Unset): Variable name used to reference this input's submitted value inside the
            workflow. Corresponds to the key in the submission `inputs` object.
        default (None | StreamEventHumanInputRequiredDataInputsItemDefaultType0 | Unset): Default value resolved from
            the workflow context. `null` when no default is configured.
    """

    type_: str | Unset = UNSET
    output_variable_name: str | Unset = UNSET
    default: None | StreamEventHumanInputRequiredDataInputsItemDefaultType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stream_event_human_input_required_data_inputs_item_default_type_0 import (
            StreamEventHumanInputRequiredDataInputsItemDefaultType0,
        )

        type_ = self.type_

        output_variable_name = self.output_variable_name

        default: dict[str, Any] | None | Unset
        if isinstance(self.default, Unset):
            default = UNSET
        elif isinstance(self.default, StreamEventHumanInputRequiredDataInputsItemDefaultType0):
            default = self.default.to_dict()
        else:
            default = self.default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if output_variable_name is not UNSET:
            field_dict["output_variable_name"] = output_variable_name
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stream_event_human_input_required_data_inputs_item_default_type_0 import (
            StreamEventHumanInputRequiredDataInputsItemDefaultType0,
        )

        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        output_variable_name = d.pop("output_variable_name", UNSET)

        def _parse_default(data: object) -> None | StreamEventHumanInputRequiredDataInputsItemDefaultType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                default_type_0 = StreamEventHumanInputRequiredDataInputsItemDefaultType0.from_dict(data)

                return default_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamEventHumanInputRequiredDataInputsItemDefaultType0 | Unset, data)

        default = _parse_default(d.pop("default", UNSET))

        stream_event_human_input_required_data_inputs_item = cls(
            type_=type_,
            output_variable_name=output_variable_name,
            default=default,
        )

        stream_event_human_input_required_data_inputs_item.additional_properties = d
        return stream_event_human_input_required_data_inputs_item

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
