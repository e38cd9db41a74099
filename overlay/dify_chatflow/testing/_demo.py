"""The ``demo`` seed: one conversation holding a variable of every type."""

from __future__ import annotations

from typing import Final

__all__ = ["DEMO_USER", "demo_variables"]

DEMO_USER: Final = "demo-user"

_FILE: Final = {
    "dify_model_identity": "__dify__file__",
    "type": "document",
    "transfer_method": "local_file",
    "filename": "notes.txt",
    "extension": ".txt",
    "mime_type": "text/plain",
    "size": 42,
}


def demo_variables() -> list[dict[str, object]]:
    """Fresh specs for :meth:`DifyTestServer.add_conversation`, one per value type."""
    return [
        {
            "name": "user_preference",
            "value_type": "string",
            "value": "dark",
            "description": "UI theme",
        },
        {"name": "visits", "value_type": "number", "value": 3, "description": "integer-stored"},
        {"name": "ratio", "value_type": "number", "value": 0.5, "description": "float-stored"},
        {
            "name": "api_token",
            "value_type": "secret",
            "value": "s3cr3t-demo-token",
            "description": "never printed",
        },
        {"name": "is_vip", "value_type": "boolean", "value": False, "description": ""},
        {
            "name": "profile",
            "value_type": "object",
            "value": {"city": "Lyon", "tags": ["a", "b"], "score": None},
            "description": "",
        },
        {
            "name": "topics",
            "value_type": "array[string]",
            "value": ["billing", "shipping"],
            "description": "",
        },
        {"name": "scores", "value_type": "array[number]", "value": [1, 2.5], "description": ""},
        {
            "name": "history",
            "value_type": "array[object]",
            "value": [{"turn": 1}],
            "description": "",
        },
        {
            "name": "flags",
            "value_type": "array[boolean]",
            "value": [True, False],
            "description": "",
        },
        {
            "name": "attachment",
            "value_type": "file",
            "value": dict(_FILE),
            "description": "read-only",
        },
        {
            "name": "attachments",
            "value_type": "array[file]",
            "value": [dict(_FILE)],
            "description": "read-only",
        },
        {
            "name": "scratch",
            "value_type": "array[any]",
            "value": [1, "two", None],
            "description": "read-only",
        },
    ]
