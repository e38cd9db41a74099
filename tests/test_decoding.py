"""decode_value: the server's str() form, JSON text and typed values back to Python."""

from __future__ import annotations

import json
from typing import Any

import dify_chatflow._values.decoding as decoding
import pytest
from dify_chatflow import ResponseDecodeError, VariableType, decode_value
from dify_chatflow._values.validation import server_stored_value
from hypothesis import given, settings
from strategies import TEXT, TRICKY_TEXT, typed_values, values_by_type


def same(left: Any, right: Any) -> bool:
    """Equal with the same types all the way down (repr tells 1 from 1.0 and 0.0 from -0.0)."""
    return bool(left == right) and repr(left) == repr(right)


@pytest.mark.parametrize(
    ("value_type", "raw", "expected"),
    [
        # what Dify sends: str() of the stored Python value
        ("number", "42", 42),
        ("number", "1.5", 1.5),
        ("number", "1e-07", 1e-07),
        ("number", "1e+16", 1e16),
        ("number", "-0.0", -0.0),
        ("number", "5.0", 5.0),
        ("integer", "5", 5),
        ("float", "5.0", 5.0),
        ("boolean", "True", True),
        ("boolean", "False", False),
        ("object", "{'a': 1, 'b': None}", {"a": 1, "b": None}),
        ("array[string]", "['x', 'y']", ["x", "y"]),
        ("array[number]", "[1.0, 0.0]", [1.0, 0.0]),
        ("array[boolean]", "[True, False]", [True, False]),
        ("array[object]", "[{'a': [True, None, 1e-07]}]", [{"a": [True, None, 1e-07]}]),
        ("object", "{}", {}),
        ("array[any]", "[]", []),
        # a file variable before any file is set, and one holding a file's mapping
        ("file", "None", None),
        ("file", "{'id': 'f1', 'type': 'image'}", {"id": "f1", "type": "image"}),
        # quotes and escapes as Python's repr writes them
        ("array[string]", '["it\'s"]', ["it's"]),
        ("array[string]", "['say \"hi\"']", ['say "hi"']),
        ("array[string]", "['it\\'s \"both\"']", ['it\'s "both"']),
        (
            "array[string]",
            "['back\\\\slash', 'tab\\t', '\\x00\\x7f\\xa0']",
            ["back\\slash", "tab\t", "\x00\x7f\xa0"],
        ),
        ("array[string]", "['\\u2028', '\\U000e0001', '😀']", ["\u2028", "\U000e0001", "😀"]),
        (
            "object",
            "{'True': 'None', 'inf': 'nan', 'x': [inf, -inf]}",
            {"True": "None", "inf": "nan", "x": [float("inf"), float("-inf")]},
        ),
        ("object", "{'clé': 'valeur', '中': '文'}", {"clé": "valeur", "中": "文"}),
        # JSON text (newer servers)
        ("object", '{"a": true, "b": null, "c": "it\'s"}', {"a": True, "b": None, "c": "it's"}),
        ("array[number]", "[1, 2.5]", [1, 2.5]),
        ("boolean", "true", True),
        # already-typed JSON values
        ("number", 7, 7),
        ("number", 7.5, 7.5),
        ("boolean", False, False),
        ("object", {"a": [1]}, {"a": [1]}),
        ("array[string]", ["a"], ["a"]),
    ],
)
def test_decodes_what_servers_send(value_type: str, raw: Any, expected: Any) -> None:
    assert same(decode_value(value_type, raw), expected)


@pytest.mark.parametrize("raw", ["True", "{'a': 1}", "", "  spaced  ", "\\x41", "None"])
@pytest.mark.parametrize("value_type", [VariableType.STRING, VariableType.SECRET])
def test_strings_and_secrets_come_back_unchanged(value_type: VariableType, raw: str) -> None:
    assert decode_value(value_type, raw) is raw


@pytest.mark.parametrize(
    ("value_type", "raw"),
    [
        ("number", "abc"),
        ("number", "1_000"),
        ("number", " 5"),
        ("number", "True"),
        ("number", True),
        ("number", "9" * 5000),
        ("boolean", "1"),
        ("boolean", 1),
        ("object", "[1]"),
        ("object", "{'a': }"),
        ("object", "{'a': 1"),
        ("array[string]", "['a"),
        ("array[string]", "['a' 'b']"),
        ("array[string]", "['\\U00110000']"),
        ("array[string]", "['a\\qb']"),
        ("array[string]", "(1, 2)"),
        ("array[any]", "__import__('os').system('true')"),
        ("array[any]", "[1]; [2]"),
        ("array[any]", "[\\'a']"),
        ("object", None),
        ("string", 5),
    ],
)
def test_malformed_values_raise_response_decode_error(value_type: str, raw: Any) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        decode_value(value_type, raw)
    assert caught.value.raw == (raw if isinstance(raw, str) else repr(raw))


def test_a_secret_never_reaches_the_error() -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        decode_value("secret", ["hunter2"])
    assert "hunter2" not in str(caught.value)
    assert "hunter2" not in caught.value.raw


def test_nesting_is_bounded() -> None:
    depth = decoding.MAX_DECODE_DEPTH
    ok = "[" * depth + "]" * depth
    assert decode_value("array[any]", ok) is not None
    deep = "[" * (depth + 1) + "]" * (depth + 1)
    with pytest.raises(ResponseDecodeError, match="nested deeper"):
        decode_value("array[any]", deep)
    with pytest.raises(ResponseDecodeError, match="nested deeper"):
        decode_value("array[any]", "[" * (depth + 1) + "'x'" + "]" * (depth + 1))


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = "['" + "[" * 1000 + "', \"it's {\"]"
    assert decode_value("array[string]", text) == ["[" * 1000, "it's {"]


def test_length_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_DECODE_CHARS", 10)
    with pytest.raises(ResponseDecodeError, match="longer than 10"):
        decode_value("array[number]", "[1, 2, 3, 4]")


# ------------------------------------------------------------------------- properties

# The server coerces bools inside array[number]: str() of what it stores must round-trip.
STORABLE = values_by_type(leaf_text=TEXT | TRICKY_TEXT, bools_in_number_arrays=True)


@settings(max_examples=300, deadline=None)
@given(typed_values(STORABLE))
def test_str_of_every_storable_value_round_trips(case: tuple[VariableType, Any]) -> None:
    value_type, sent = case
    stored, _ = server_stored_value(value_type, sent)
    assert same(decode_value(value_type, str(stored)), stored)


@settings(max_examples=200, deadline=None)
@given(STORABLE[VariableType.OBJECT])
def test_json_text_and_typed_values_decode_too(value: dict[str, Any]) -> None:
    assert same(decode_value("object", json.dumps(value)), value)
    assert decode_value("object", value) is value
