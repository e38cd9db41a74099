"""The vendored spec is valid OpenAPI and documents the operations the overlay binds to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

UPDATE_PATH = "/conversations/{conversation_id}/variables/{variable_id}"
LIST_PATH = "/conversations/{conversation_id}/variables"


@pytest.fixture(scope="module")
def spec(repo_root: Path) -> dict[str, Any]:
    return json.loads((repo_root / "openapi_chatflow.json").read_text(encoding="utf-8"))


def test_spec_is_valid_openapi(spec: dict[str, Any]) -> None:
    validate(spec)


def test_update_operation_matches_the_seed(spec: dict[str, Any]) -> None:
    put = spec["paths"][UPDATE_PATH]["put"]
    assert put["operationId"] == "updateChatflowConversationVariable"
    assert {p["name"] for p in put["parameters"]} == {"conversation_id", "variable_id"}
    assert set(put["responses"]) == {"200", "400", "404"}
    body = spec["components"]["schemas"]["ConversationVariableUpdateRequest"]
    assert body["required"] == ["value"]
    assert set(body["properties"]) == {"value", "user"}


def test_list_operation_is_documented(spec: dict[str, Any]) -> None:
    get = spec["paths"][LIST_PATH]["get"]
    assert get["operationId"] == "getAdvancedConversationVariables"
    params = {p["name"]: p for p in get["parameters"]}
    assert set(params) == {"conversation_id", "user", "last_id", "limit", "variable_name"}
    assert params["limit"]["schema"] == {
        "type": "integer",
        "default": 20,
        "minimum": 1,
        "maximum": 100,
    }
    assert params["last_id"]["schema"]["format"] == "uuid"
    assert set(get["responses"]) == {"200", "400", "404"}
    page = spec["components"]["schemas"]["ConversationVariablesResponse"]
    assert set(page["properties"]) == {"limit", "has_more", "data"}
    assert page["properties"]["data"]["items"] == {
        "$ref": "#/components/schemas/ConversationVariableItem"
    }


def test_item_schema_has_the_seven_fields_dify_sends(spec: dict[str, Any]) -> None:
    item = spec["components"]["schemas"]["ConversationVariableItem"]
    assert list(item["properties"]) == [
        "id",
        "name",
        "value_type",
        "value",
        "description",
        "created_at",
        "updated_at",
    ]
