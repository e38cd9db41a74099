"""The app's settings: GET /info, /parameters, /meta and /site of Dify 1.10.1 and 1.16.1."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from dify_chatflow import DifyError, ResponseDecodeError
from dify_chatflow._chat_inputs import InputValidationError
from dify_chatflow.types.app import (
    AppInfo,
    AppMeta,
    AppParameters,
    AppSite,
    CheckboxField,
    ExternalDataToolField,
    Feature,
    FileField,
    FileListField,
    JsonObjectField,
    NumberField,
    ParagraphField,
    SelectField,
    SystemParameters,
    TextInputField,
    ToolIcon,
    UnknownField,
)

USER_INPUT_FORM: list[dict[str, Any]] = [
    {
        "text-input": {
            "variable": "name",
            "label": "Your name",
            "type": "text-input",
            "required": True,
            "max_length": 48,
            "options": [],
            "default": "",
            "hide": False,
        }
    },
    {"paragraph": {"variable": "notes", "label": "Notes", "required": False, "max_length": 0}},
    {
        "select": {
            "variable": "plan",
            "label": "Plan",
            "required": False,
            "options": ["free", "pro"],
            "default": "free",
        }
    },
    {"number": {"variable": "seats", "label": "Seats", "required": False, "default": None}},
    {"checkbox": {"variable": "urgent", "label": "Urgent", "required": False, "default": False}},
    {
        "file": {
            "variable": "invoice",
            "label": "Invoice",
            "required": False,
            "allowed_file_types": ["document"],
            "allowed_file_extensions": [".pdf"],
            "allowed_file_upload_methods": ["local_file", "remote_url"],
        }
    },
    {
        "file-list": {
            "variable": "photos",
            "label": "Photos",
            "required": False,
            "max_length": 3,
            "allowed_file_types": ["image"],
            "allowed_file_upload_methods": ["local_file"],
        }
    },
    {
        "json_object": {
            "variable": "extra",
            "label": "Extra",
            "required": False,
            "json_schema": '{"type": "object"}',
        }
    },
    {
        "external_data_tool": {
            "variable": "weather",
            "label": "Weather",
            "type": "api",
            "config": {"api_based_extension_id": "e-1"},
            "enabled": True,
        }
    },
]


def parameters_1_10(**changes: Any) -> dict[str, Any]:
    """GET /parameters of a chatflow on Dify 1.10.1."""
    data: dict[str, Any] = {
        "opening_statement": "Hi! How can I help?",
        "suggested_questions": ["What can you do?"],
        "suggested_questions_after_answer": {"enabled": True},
        "speech_to_text": {"enabled": False},
        "text_to_speech": {"enabled": False, "voice": "", "language": "", "autoPlay": "disabled"},
        "retriever_resource": {"enabled": True},
        "annotation_reply": {"enabled": False},
        "more_like_this": {"enabled": False},
        "user_input_form": copy.deepcopy(USER_INPUT_FORM),
        "sensitive_word_avoidance": {"enabled": False, "type": "", "configs": []},
        "file_upload": {
            "image": {
                "enabled": True,
                "number_limits": 3,
                "detail": "high",
                "transfer_methods": ["remote_url", "local_file"],
            }
        },
        "system_parameters": {
            "image_file_size_limit": 10,
            "video_file_size_limit": 100,
            "audio_file_size_limit": 50,
            "file_size_limit": 15,
            "workflow_file_upload_limit": 10,
        },
    }
    data.update(changes)
    return data


def test_the_form_has_one_class_per_control_type() -> None:
    form = AppParameters.from_json(parameters_1_10()).user_input_form
    assert [type(field) for field in form] == [
        TextInputField,
        ParagraphField,
        SelectField,
        NumberField,
        CheckboxField,
        FileField,
        FileListField,
        JsonObjectField,
        ExternalDataToolField,
    ]
    assert [field.control for field in form] == [next(iter(item)) for item in USER_INPUT_FORM]


def test_each_field_carries_its_settings() -> None:
    parameters = AppParameters.from_json(parameters_1_10())
    name = parameters.field("name")
    assert isinstance(name, TextInputField)
    assert (name.label, name.required, name.max_length, name.default) == ("Your name", True, 48, "")
    notes = parameters.field("notes")
    assert isinstance(notes, ParagraphField)
    assert notes.max_length is None  # 0: no limit
    plan = parameters.field("plan")
    assert isinstance(plan, SelectField)
    assert (plan.options, plan.default) == (("free", "pro"), "free")
    invoice = parameters.field("invoice")
    assert isinstance(invoice, FileField)
    assert invoice.allowed_file_types == ("document",)
    assert invoice.allowed_file_extensions == (".pdf",)
    assert invoice.allowed_file_upload_methods == ("local_file", "remote_url")
    photos = parameters.field("photos")
    assert isinstance(photos, FileListField)
    assert (photos.max_length, photos.allowed_file_extensions) == (3, ())
    extra = parameters.field("extra")
    assert isinstance(extra, JsonObjectField)
    assert extra.json_schema == {"type": "object"}
    weather = parameters.field("weather")
    assert isinstance(weather, ExternalDataToolField)
    assert (weather.tool_type, weather.config) == ("api", {"api_based_extension_id": "e-1"})
    with pytest.raises(KeyError):
        parameters.field("nope")


def test_features_settings_and_limits_are_typed() -> None:
    parameters = AppParameters.from_json(parameters_1_10())
    assert parameters.opening_statement == "Hi! How can I help?"
    assert parameters.suggested_questions == ("What can you do?",)
    assert parameters.suggested_questions_after_answer == Feature(enabled=True)
    assert parameters.retriever_resource.enabled is True
    assert parameters.speech_to_text.enabled is False
    assert parameters.text_to_speech.settings == {
        "voice": "",
        "language": "",
        "autoPlay": "disabled",
    }
    # Older file_upload settings switch uploads on in their image part.
    assert parameters.file_upload.enabled is True
    assert parameters.file_upload.settings["image"]["number_limits"] == 3
    assert parameters.sensitive_word_avoidance.enabled is False
    assert parameters.system_parameters == SystemParameters(
        file_size_limit=15,
        image_file_size_limit=10,
        audio_file_size_limit=50,
        video_file_size_limit=100,
        workflow_file_upload_limit=10,
    )


def test_newer_file_upload_settings_and_missing_features() -> None:
    data = parameters_1_10(
        file_upload={"enabled": False, "allowed_file_types": ["image"], "number_limits": 2},
        opening_statement=None,
    )
    del data["more_like_this"]
    del data["system_parameters"]
    parameters = AppParameters.from_json(data)
    assert parameters.file_upload == Feature(
        enabled=False, settings={"allowed_file_types": ["image"], "number_limits": 2}
    )
    assert parameters.more_like_this.enabled is False
    assert parameters.opening_statement == ""
    assert parameters.system_parameters == SystemParameters()


def test_validate_inputs_applies_the_servers_rules_to_the_form() -> None:
    parameters = AppParameters.from_json(parameters_1_10())
    assert parameters.validate_inputs({"name": "Ann", "seats": "3", "urgent": "yes"}) == {
        "name": "Ann",
        "notes": None,
        "plan": "free",
        "seats": 3,
        "urgent": True,
        "invoice": None,
        "photos": None,
        "extra": None,
        "weather": None,
    }
    with pytest.raises(InputValidationError) as caught:
        parameters.validate_inputs({"name": "Ann", "plan": "gold"})
    assert caught.value.field == "plan"
    assert caught.value.message == (
        "plan in input form must be one of the following: ['free', 'pro']"
    )
    assert isinstance(caught.value, DifyError)
    with pytest.raises(InputValidationError, match="name is required in input form"):
        parameters.validate_inputs({})


def test_validate_inputs_follows_the_chosen_servers_rules() -> None:
    parameters = AppParameters.from_json(parameters_1_10())
    inputs = {"name": "Ann", "extra": {"k": 1}}
    assert parameters.validate_inputs(inputs)["extra"] == {"k": 1}
    with pytest.raises(InputValidationError) as caught:
        parameters.validate_inputs(inputs, dialect="1.10")
    assert (caught.value.field, caught.value.status) == ("extra", 500)


def test_a_control_type_of_a_newer_server_is_kept_as_an_unknown_field() -> None:
    form = [{"rating": {"variable": "stars", "label": "Stars", "required": True}}]
    parameters = AppParameters.from_json(parameters_1_10(user_input_form=form))
    (field,) = parameters.user_input_form
    assert isinstance(field, UnknownField)
    assert (field.control, field.variable, field.required) == ("rating", "stars", True)
    assert parameters.validate_inputs({"stars": 4}) == {"stars": 4}


def test_repr_names_the_form_variables() -> None:
    shown = repr(AppParameters.from_json(parameters_1_10()))
    assert "'name', 'notes', 'plan'" in shown
    assert repr(AppParameters.from_json(parameters_1_10()).field("plan")) == (
        "SelectField(variable='plan', label='Plan', required=False)"
    )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"user_input_form": {"text-input": {}}}, "field 'user_input_form' is not a JSON array"),
        ({"user_input_form": [{"select": {"label": "x"}}]}, "no control type and variable"),
        ({"suggested_questions": [1]}, "field 'suggested_questions'"),
        ({"speech_to_text": {"enabled": "yes"}}, "field 'speech_to_text.enabled'"),
        ({"system_parameters": {"file_size_limit": "15MB"}}, "field 'file_size_limit'"),
    ],
)
def test_malformed_parameters_are_a_decode_error(changes: dict[str, Any], problem: str) -> None:
    with pytest.raises(ResponseDecodeError, match=problem):
        AppParameters.from_json(parameters_1_10(**changes))


def test_info() -> None:
    info = AppInfo.from_json(
        {
            "name": "Support bot",
            "description": "Answers billing questions",
            "tags": ["support"],
            "mode": "advanced-chat",
            "author_name": "Ann",
        }
    )
    assert info == AppInfo(
        name="Support bot",
        description="Answers billing questions",
        tags=("support",),
        mode="advanced-chat",
        author_name="Ann",
    )
    bare = AppInfo.from_json({"name": "x", "description": None, "tags": [], "mode": "chat"})
    assert (bare.description, bare.author_name) == ("", None)
    with pytest.raises(ResponseDecodeError, match="malformed app info: field 'mode'"):
        AppInfo.from_json({"name": "x"})


def test_meta_icons_are_urls_or_emoji() -> None:
    meta = AppMeta.from_json(
        {
            "tool_icons": {
                "dalle3": "https://example.com/icon.svg",
                "api_tool": {"background": "#252525", "content": "😁"},
            }
        }
    )
    assert meta.tool_icons == {
        "dalle3": "https://example.com/icon.svg",
        "api_tool": ToolIcon(content="😁", background="#252525"),
    }
    assert AppMeta.from_json({"tool_icons": {}}).tool_icons == {}
    with pytest.raises(ResponseDecodeError, match=r"field 'tool_icons\.bad'"):
        AppMeta.from_json({"tool_icons": {"bad": 5}})


SITE_1_10: dict[str, Any] = {
    "title": "Support bot",
    "chat_color_theme": None,
    "chat_color_theme_inverted": False,
    "icon_type": "emoji",
    "icon": "🤖",
    "icon_background": "#FFEAD5",
    "icon_url": None,
    "description": None,
    "copyright": None,
    "privacy_policy": None,
    "custom_disclaimer": "",
    "default_language": "en-US",
    "show_workflow_steps": True,
    "use_icon_as_answer_icon": False,
}


def test_site_of_both_servers() -> None:
    site = AppSite.from_json(SITE_1_10)
    assert (site.title, site.icon, site.default_language) == ("Support bot", "🤖", "en-US")
    assert site.show_workflow_steps is True
    assert site.input_placeholder is None
    newer = AppSite.from_json({**SITE_1_10, "input_placeholder": "Ask me", "new_field": 1})
    assert newer.input_placeholder == "Ask me"
    with pytest.raises(ResponseDecodeError, match="field 'show_workflow_steps'"):
        AppSite.from_json({**SITE_1_10, "show_workflow_steps": "yes"})
