"""``GET /info``, ``/parameters``, ``/meta`` and ``/site``: the app's settings."""

from __future__ import annotations

from typing import Final

from .._context import Call, Reply, json_reply
from ._spec import RouteSpec

__all__ = ["ROUTES"]


def info(call: Call) -> Reply:
    app = call.app()
    body = {
        "name": app.name,
        "description": app.description,
        "tags": [],
        "mode": app.mode,
        "author_name": "dify-chatflow",
    }
    return json_reply(200, body)


def parameters(call: Call) -> Reply:
    app = call.app()
    limit_mb = app.file_size_limit // (1024 * 1024)
    body = {
        "opening_statement": app.opening_statement,
        "suggested_questions": [],
        "suggested_questions_after_answer": {"enabled": app.suggested_questions is not None},
        "speech_to_text": {"enabled": app.speech_to_text is not None},
        "text_to_speech": {
            "enabled": app.text_to_speech is not None,
            "voice": "",
            "language": "",
            "autoPlay": "disabled",
        },
        "retriever_resource": {"enabled": True},
        "annotation_reply": {"enabled": False},
        "more_like_this": {"enabled": False},
        "user_input_form": [dict(item) for item in app.user_input_form],
        "sensitive_word_avoidance": {"enabled": False, "type": "", "configs": []},
        "file_upload": {
            "image": {
                "enabled": False,
                "number_limits": 3,
                "transfer_methods": ["local_file", "remote_url"],
            },
            "enabled": app.file_upload,
            "allowed_file_types": list(app.allowed_file_types),
            "allowed_file_extensions": [],
            "allowed_file_upload_methods": ["local_file", "remote_url"],
            "number_limits": 3,
        },
        "system_parameters": {
            "image_file_size_limit": 10,
            "video_file_size_limit": 100,
            "audio_file_size_limit": 50,
            "file_size_limit": limit_mb,
            "workflow_file_upload_limit": 10,
        },
    }
    return json_reply(200, body)


def meta(call: Call) -> Reply:
    call.app()
    return json_reply(200, {"tool_icons": {}})


# /site's keys: 1.10's marshal fields, or 1.16's response model in its field order (its
# computed icon_url last).
_SITE_KEYS: Final = {
    False: (
        "title",
        "chat_color_theme",
        "chat_color_theme_inverted",
        "icon_type",
        "icon",
        "icon_background",
        "icon_url",
        "description",
        "copyright",
        "privacy_policy",
        "custom_disclaimer",
        "default_language",
        "show_workflow_steps",
        "use_icon_as_answer_icon",
    ),
    True: (
        "title",
        "chat_color_theme",
        "chat_color_theme_inverted",
        "icon_type",
        "icon",
        "icon_background",
        "description",
        "copyright",
        "privacy_policy",
        "input_placeholder",
        "custom_disclaimer",
        "default_language",
        "show_workflow_steps",
        "use_icon_as_answer_icon",
        "icon_url",
    ),
}


def site(call: Call) -> Reply:
    app = call.app()
    values: dict[str, object] = {
        "title": app.name,
        "chat_color_theme": None,
        "chat_color_theme_inverted": False,
        "icon_type": "emoji",
        "icon": "🤖",
        "icon_background": "#FFEAD5",
        "icon_url": None,
        "description": None,  # the site is made from the app without its description
        "copyright": None,
        "privacy_policy": None,
        "input_placeholder": None,
        "custom_disclaimer": "",
        "default_language": "en-US",
        "show_workflow_steps": True,
        "use_icon_as_answer_icon": False,
    }
    return json_reply(200, {key: values[key] for key in _SITE_KEYS[call.new]})


ROUTES: Final = (
    RouteSpec("app.info", info),
    RouteSpec("app.parameters", parameters),
    RouteSpec("app.meta", meta),
    RouteSpec("app.site", site),
)
