from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebAppSettingsResponse")


@_attrs_define
class WebAppSettingsResponse:
    """
    Attributes:
        title (str | Unset): WebApp title.
        chat_color_theme (str | Unset): Chat color theme.
        chat_color_theme_inverted (bool | Unset): Whether the chat color theme is inverted.
        icon_type (str | Unset): Type of icon used. `emoji` for emoji icons, `image` for uploaded image icons.
        icon (str | Unset): Icon content (emoji or image ID).
        icon_background (str | Unset): Icon background color.
        icon_url (None | str | Unset): URL of the icon image.
        description (str | Unset): WebApp description.
        copyright_ (str | Unset): Copyright text.
        privacy_policy (str | Unset): Privacy policy URL.
        custom_disclaimer (str | Unset): Custom disclaimer text.
        default_language (str | Unset): Default language code.
        show_workflow_steps (bool | Unset): Whether to show workflow steps.
        use_icon_as_answer_icon (bool | Unset): Whether to use the app icon as the answer icon.
    """

    title: str | Unset = UNSET
    chat_color_theme: str | Unset = UNSET
    chat_color_theme_inverted: bool | Unset = UNSET
    icon_type: str | Unset = UNSET
    icon: str | Unset = UNSET
    icon_background: str | Unset = UNSET
    icon_url: None | str | Unset = UNSET
    description: str | Unset = UNSET
    copyright_: str | Unset = UNSET
    privacy_policy: str | Unset = UNSET
    custom_disclaimer: str | Unset = UNSET
    default_language: str | Unset = UNSET
    show_workflow_steps: bool | Unset = UNSET
    use_icon_as_answer_icon: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        chat_color_theme = self.chat_color_theme

        chat_color_theme_inverted = self.chat_color_theme_inverted

        icon_type = self.icon_type

        icon = self.icon

        icon_background = self.icon_background

        icon_url: None | str | Unset
        if isinstance(self.icon_url, Unset):
            icon_url = UNSET
        else:
            icon_url = self.icon_url

        description = self.description

        copyright_ = self.copyright_

        privacy_policy = self.privacy_policy

        custom_disclaimer = self.custom_disclaimer

        default_language = self.default_language

        show_workflow_steps = self.show_workflow_steps

        use_icon_as_answer_icon = self.use_icon_as_answer_icon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if chat_color_theme is not UNSET:
            field_dict["chat_color_theme"] = chat_color_theme
        if chat_color_theme_inverted is not UNSET:
            field_dict["chat_color_theme_inverted"] = chat_color_theme_inverted
        if icon_type is not UNSET:
            field_dict["icon_type"] = icon_type
        if icon is not UNSET:
            field_dict["icon"] = icon
        if icon_background is not UNSET:
            field_dict["icon_background"] = icon_background
        if icon_url is not UNSET:
            field_dict["icon_url"] = icon_url
        if description is not UNSET:
            field_dict["description"] = description
        if copyright_ is not UNSET:
            field_dict["copyright"] = copyright_
        if privacy_policy is not UNSET:
            field_dict["privacy_policy"] = privacy_policy
        if custom_disclaimer is not UNSET:
            field_dict["custom_disclaimer"] = custom_disclaimer
        if default_language is not UNSET:
            field_dict["default_language"] = default_language
        if show_workflow_steps is not UNSET:
            field_dict["show_workflow_steps"] = show_workflow_steps
        if use_icon_as_answer_icon is not UNSET:
            field_dict["use_icon_as_answer_icon"] = use_icon_as_answer_icon

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        chat_color_theme = d.pop("chat_color_theme", UNSET)

        chat_color_theme_inverted = d.pop("chat_color_theme_inverted", UNSET)

        icon_type = d.pop("icon_type", UNSET)

        icon = d.pop("icon", UNSET)

        icon_background = d.pop("icon_background", UNSET)

        def _parse_icon_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon_url = _parse_icon_url(d.pop("icon_url", UNSET))

        description = d.pop("description", UNSET)

        copyright_ = d.pop("copyright", UNSET)

        privacy_policy = d.pop("privacy_policy", UNSET)

        custom_disclaimer = d.pop("custom_disclaimer", UNSET)

        default_language = d.pop("default_language", UNSET)

        show_workflow_steps = d.pop("show_workflow_steps", UNSET)

        use_icon_as_answer_icon = d.pop("use_icon_as_answer_icon", UNSET)

        web_app_settings_response = cls(
            title=title,
            chat_color_theme=chat_color_theme,
            chat_color_theme_inverted=chat_color_theme_inverted,
            icon_type=icon_type,
            icon=icon,
            icon_background=icon_background,
            icon_url=icon_url,
            description=description,
            copyright_=copyright_,
            privacy_policy=privacy_policy,
            custom_disclaimer=custom_disclaimer,
            default_language=default_language,
            show_workflow_steps=show_workflow_steps,
            use_icon_as_answer_icon=use_icon_as_answer_icon,
        )

        web_app_settings_response.additional_properties = d
        return web_app_settings_response

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
