"""ConversationVariable: built from the server's JSON item, typed, never leaking secrets."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from dify_chatflow import (
    ConversationVariable,
    ResponseDecodeError,
    VariableType,
    VariableValueError,
)

VARIABLE_ID = "6f1b2c1e-4a3b-4c5d-9e8f-0a1b2c3d4e5f"


def item(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": VARIABLE_ID,
        "name": "prefs",
        "value_type": "object",
        "value": "{'theme': 'dark', 'size': None}",
        "description": "user preferences",
        "created_at": 1_700_000_000,
        "updated_at": 1_699_999_999,
    }
    data.update(changes)
    return data


def test_from_dict_builds_a_typed_variable() -> None:
    variable = ConversationVariable.from_dict(item())
    assert variable.id == uuid.UUID(VARIABLE_ID)
    assert variable.name == "prefs"
    assert variable.value_type is VariableType.OBJECT
    assert variable.value == {"theme": "dark", "size": None}
    assert variable.raw_value == "{'theme': 'dark', 'size': None}"
    assert variable.description == "user preferences"
    assert variable.created_at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert variable.updated_at.tzinfo is UTC
    assert variable.number_kind is None


def test_value_is_decoded_once() -> None:
    variable = ConversationVariable.from_dict(item())
    assert variable.value is variable.value


@pytest.mark.parametrize(
    ("value_type", "raw", "kind", "value"),
    [
        ("number", "5", "integer", 5),
        ("number", "5.0", "float", 5.0),
        ("number", "1e-07", "float", 1e-07),
        ("integer", "5", "integer", 5),
        ("float", "5.0", "float", 5.0),
        ("number", 3, "integer", 3),
    ],
)
def test_number_kind_comes_from_the_raw_value_or_the_old_type_name(
    value_type: str, raw: Any, kind: str, value: Any
) -> None:
    variable = ConversationVariable.from_dict(item(value_type=value_type, value=raw))
    assert variable.value_type is VariableType.NUMBER
    assert variable.number_kind == kind
    assert variable.value == value
    assert type(variable.value) is type(value)


def test_secret_values_never_show() -> None:
    variable = ConversationVariable.from_dict(item(value_type="secret", value="hunter2"))
    assert variable.value == "hunter2"
    for text in (repr(variable), str(variable), f"{variable}"):
        assert "hunter2" not in text
        assert "<secret: hidden>" in text
    longer = ConversationVariable.from_dict(item(value_type="secret", value="x" * 500))
    assert repr(longer).replace(VARIABLE_ID, "") == repr(variable).replace(VARIABLE_ID, "")


def test_repr_cuts_long_values_short() -> None:
    variable = ConversationVariable.from_dict(item(value_type="string", value="y" * 10_000))
    assert "'" + "y" * 76 + "...," in repr(variable)
    assert len(repr(variable)) < 300


@pytest.mark.parametrize(
    "data",
    [
        item(id="not-a-uuid"),
        item(id=None),
        item(name=5),
        item(value_type="text"),
        item(value_type=None),
        item(value=None),
        item(description=5),
        item(created_at="yesterday"),
        item(updated_at=True),
        {k: v for k, v in item().items() if k != "value"},
        {k: v for k, v in item().items() if k != "created_at"},
        ["not", "a", "mapping"],
    ],
)
def test_malformed_items_raise_response_decode_error(data: Any) -> None:
    with pytest.raises(ResponseDecodeError):
        ConversationVariable.from_dict(data)


def test_decode_errors_hide_secret_values() -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        ConversationVariable.from_dict(item(value_type="secret", value="hunter2", id="bad"))
    assert "hunter2" not in str(caught.value)
    assert "hunter2" not in caught.value.raw


def test_a_malformed_value_fails_only_when_read() -> None:
    variable = ConversationVariable.from_dict(item(value="{'a': "))
    with pytest.raises(ResponseDecodeError):
        _ = variable.value


def test_iso_timestamps_are_accepted_as_utc() -> None:
    variable = ConversationVariable.from_dict(item(created_at="2025-01-02T03:04:05"))
    assert variable.created_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_variables_are_frozen_comparable_and_hashable() -> None:
    first = ConversationVariable.from_dict(item())
    second = ConversationVariable.from_dict(item())
    _ = first.value  # the cache does not take part in equality
    assert first == second
    assert hash(first) == hash(second)
    with pytest.raises(AttributeError):
        first.name = "other"  # type: ignore[misc]


def test_to_dict_is_json_ready_and_masks_secrets_unless_asked() -> None:
    secret = ConversationVariable.from_dict(
        item(name="token", value_type="secret", value="hunter2")
    )
    data = secret.to_dict()
    assert data == {
        "id": VARIABLE_ID,
        "name": "token",
        "value_type": "secret",
        "value": "<secret: hidden>",
        "description": "user preferences",
        "created_at": "2023-11-14T22:13:20+00:00",
        "updated_at": "2023-11-14T22:13:19+00:00",
    }
    assert "hunter2" not in json.dumps(data)
    assert secret.to_dict(reveal_secrets=True)["value"] == "hunter2"


def test_to_dict_carries_the_decoded_value_and_the_exposed_type() -> None:
    prefs = ConversationVariable.from_dict(item())
    assert prefs.to_dict()["value"] == {"theme": "dark", "size": None}
    old_server = ConversationVariable.from_dict(item(value_type="float", value="1.5"))
    assert old_server.to_dict()["value_type"] == "number"
    assert old_server.to_dict()["value"] == 1.5
    assert json.loads(json.dumps(prefs.to_dict())) == prefs.to_dict()


@pytest.mark.parametrize(
    ("value_type", "raw", "kind", "expected"),
    [
        ("string", "dark", str, "dark"),
        ("secret", "tok-1", str, "tok-1"),
        ("number", "5", int, 5),
        ("number", "5.5", float, 5.5),
        ("number", "5", float, 5.0),
        ("boolean", "True", bool, True),
        ("object", "{'theme': 'dark'}", dict, {"theme": "dark"}),
        ("array[number]", "[1, 2.5]", list, [1, 2.5]),
    ],
)
def test_value_as_gives_the_value_as_the_type_asked_for(
    value_type: str, raw: str, kind: type[Any], expected: Any
) -> None:
    variable = ConversationVariable.from_json(item(value_type=value_type, value=raw))
    value = variable.value_as(kind)
    assert value == expected
    assert type(value) is kind


@pytest.mark.parametrize(
    ("value_type", "raw", "kind", "held"),
    [
        ("string", "5", int, "str"),
        ("number", "5.0", int, "float"),
        ("boolean", "True", int, "bool"),
        ("number", "1", bool, "int"),
        ("object", "{'a': 1}", list, "dict"),
        ("array[string]", "['a']", dict, "list"),
    ],
)
def test_value_as_refuses_another_type_naming_the_variable_and_both_types(
    value_type: str, raw: str, kind: type[Any], held: str
) -> None:
    variable = ConversationVariable.from_json(item(value_type=value_type, value=raw))
    with pytest.raises(VariableValueError) as caught:
        variable.value_as(kind)
    message = str(caught.value)
    assert message == (
        f"conversation variable 'prefs' ({VariableType.parse(value_type).value}) holds a "
        f"{held} value, not {kind.__name__}"
    )
    assert isinstance(caught.value, ValueError)


def test_value_as_names_what_it_takes_and_never_shows_a_secret() -> None:
    secret = ConversationVariable.from_json(item(value_type="secret", value="hunter2"))
    with pytest.raises(VariableValueError, match="takes one of str, int, float, bool, dict, list"):
        secret.value_as(tuple)  # type: ignore[arg-type]
    with pytest.raises(VariableValueError) as caught:
        secret.value_as(int)
    assert "hunter2" not in str(caught.value)
    assert "'prefs' (secret) holds a str value" in str(caught.value)
