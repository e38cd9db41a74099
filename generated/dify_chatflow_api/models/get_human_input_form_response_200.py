from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_human_input_form_response_200_inputs_item import GetHumanInputFormResponse200InputsItem
    from ..models.get_human_input_form_response_200_resolved_default_values import (
        GetHumanInputFormResponse200ResolvedDefaultValues,
    )
    from ..models.get_human_input_form_response_200_user_actions_item import GetHumanInputFormResponse200UserActionsItem


T = TypeVar("T", bound="GetHumanInputFormResponse200")


@_attrs_define
class GetHumanInputFormResponse200:
    """
    Attributes:
        form_content (str | Unset): Pre-rendered form body with workflow variables substituted.
        inputs (list[GetHumanInputFormResponse200InputsItem] | Unset): Form input field definitions.
        resolved_default_values (GetHumanInputFormResponse200ResolvedDefaultValues | Unset): Pre-rendered values to
            display in the form. Keyed by input `output_variable_name`. Populated for `paragraph` inputs whose default
            resolves from a workflow variable; empty for inputs with no resolvable default. Display these values; do not re-
            resolve `default` on the client. All values are stringified.
        user_actions (list[GetHumanInputFormResponse200UserActionsItem] | Unset): Available submission actions.
        expiration_time (int | None | Unset): Unix timestamp (seconds) after which this form can no longer be submitted.
    """

    form_content: str | Unset = UNSET
    inputs: list[GetHumanInputFormResponse200InputsItem] | Unset = UNSET
    resolved_default_values: GetHumanInputFormResponse200ResolvedDefaultValues | Unset = UNSET
    user_actions: list[GetHumanInputFormResponse200UserActionsItem] | Unset = UNSET
    expiration_time: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        form_content = self.form_content

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        resolved_default_values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resolved_default_values, Unset):
            resolved_default_values = self.resolved_default_values.to_dict()

        user_actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.user_actions, Unset):
            user_actions = []
            for user_actions_item_data in self.user_actions:
                user_actions_item = user_actions_item_data.to_dict()
                user_actions.append(user_actions_item)

        expiration_time: int | None | Unset
        if isinstance(self.expiration_time, Unset):
            expiration_time = UNSET
        else:
            expiration_time = self.expiration_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if form_content is not UNSET:
            field_dict["form_content"] = form_content
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if resolved_default_values is not UNSET:
            field_dict["resolved_default_values"] = resolved_default_values
        if user_actions is not UNSET:
            field_dict["user_actions"] = user_actions
        if expiration_time is not UNSET:
            field_dict["expiration_time"] = expiration_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_human_input_form_response_200_inputs_item import GetHumanInputFormResponse200InputsItem
        from ..models.get_human_input_form_response_200_resolved_default_values import (
            GetHumanInputFormResponse200ResolvedDefaultValues,
        )
        from ..models.get_human_input_form_response_200_user_actions_item import (
            GetHumanInputFormResponse200UserActionsItem,
        )

        d = dict(src_dict)
        form_content = d.pop("form_content", UNSET)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[GetHumanInputFormResponse200InputsItem] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = GetHumanInputFormResponse200InputsItem.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        _resolved_default_values = d.pop("resolved_default_values", UNSET)
        resolved_default_values: GetHumanInputFormResponse200ResolvedDefaultValues | Unset
        if isinstance(_resolved_default_values, Unset):
            resolved_default_values = UNSET
        else:
            resolved_default_values = GetHumanInputFormResponse200ResolvedDefaultValues.from_dict(
                _resolved_default_values
            )

        _user_actions = d.pop("user_actions", UNSET)
        user_actions: list[GetHumanInputFormResponse200UserActionsItem] | Unset = UNSET
        if _user_actions is not UNSET:
            user_actions = []
            for user_actions_item_data in _user_actions:
                user_actions_item = GetHumanInputFormResponse200UserActionsItem.from_dict(user_actions_item_data)

                user_actions.append(user_actions_item)

        def _parse_expiration_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expiration_time = _parse_expiration_time(d.pop("expiration_time", UNSET))

        get_human_input_form_response_200 = cls(
            form_content=form_content,
            inputs=inputs,
            resolved_default_values=resolved_default_values,
            user_actions=user_actions,
            expiration_time=expiration_time,
        )

        get_human_input_form_response_200.additional_properties = d
        return get_human_input_form_response_200

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
