"""validate_value and server_rejection against the server's rules (DESIGN.md section 4)."""

from __future__ import annotations

import math
import sys
from typing import Any

import pytest
from dify_chatflow import VariableType, VariableValueError, validate_value
from dify_chatflow._validation import (
    SERVER_JSON_ERROR_MESSAGE,
    ServerRejection,
    infer_server_type,
    server_rejection,
    server_stored_value,
    server_value_size,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import json_values, typed_values, values_by_type

JSON_ERROR = ServerRejection(400, "bad_request", SERVER_JSON_ERROR_MESSAGE)


def mismatch(expects: str, got: str) -> ServerRejection:
    return ServerRejection(
        400, "bad_request", f"Type mismatch: variable 'v' expects {expects}, but got {got} type"
    )


def invalid(message: str) -> ServerRejection:
    return ServerRejection(400, "invalid_param", message)


# (value_type, value, number_kind, what the server answers, whether strict mode refuses)
ROWS: list[tuple[str, Any, str | None, ServerRejection | None, bool]] = [
    # string, secret: str only, "" ok
    ("string", "", None, None, False),
    ("string", 'it\'s "quoted" \\ 中 😀', None, None, False),
    ("string", 5, None, mismatch("string", "integer"), True),
    ("string", ["a"], None, mismatch("string", "array[string]"), True),
    ("secret", "s3cr3t", None, None, False),
    ("secret", 5.5, None, mismatch("secret", "float"), True),
    # number: int or float, storage kind decides; bools pass the gate and become 1 / 0
    ("number", 5, None, None, False),
    ("number", 5.0, None, None, False),
    ("number", 5, "integer", None, False),
    ("number", 5.0, "float", None, False),
    ("number", 5.0, "integer", invalid("not supported value type integer"), True),
    ("number", 5, "float", invalid("not supported value type float"), True),
    ("number", True, None, None, True),
    ("number", False, "integer", None, True),
    ("number", True, "float", invalid("not supported value type float"), True),
    ("number", "5", None, mismatch("number", "string"), True),
    ("number", "5", "float", mismatch("float", "string"), True),
    ("integer", 5.0, None, invalid("not supported value type integer"), True),
    ("float", 5, None, invalid("not supported value type float"), True),
    # boolean: bool only, 0 / 1 refused
    ("boolean", True, None, None, False),
    ("boolean", False, None, None, False),
    ("boolean", 1, None, mismatch("boolean", "integer"), True),
    ("boolean", 0, None, mismatch("boolean", "integer"), True),
    ("boolean", "true", None, mismatch("boolean", "string"), True),
    # object: dict, any nesting
    ("object", {}, None, None, False),
    ("object", {"a": {"b": [1, None, {"c": "d"}]}, "e": 1.5}, None, None, False),
    ("object", [], None, mismatch("object", "array[number]"), True),
    ("object", "{}", None, mismatch("object", "string"), True),
    # arrays: list (or tuple), every item checked, [] ok
    ("array[string]", [], None, None, False),
    ("array[string]", ["a", "b"], None, None, False),
    ("array[string]", ("a", "b"), None, None, False),
    ("array[string]", ["a", 1], None, mismatch("array[string]", "array[any]"), True),
    ("array[string]", "ab", None, mismatch("array[string]", "string"), True),
    ("array[number]", [1, 2.5, -3], None, None, False),
    ("array[number]", [1, True], None, None, True),
    ("array[number]", ["1"], None, mismatch("array[number]", "array[string]"), True),
    ("array[object]", [{}, {"a": 1}], None, None, False),
    ("array[object]", [{}, 1], None, mismatch("array[object]", "array[any]"), True),
    ("array[boolean]", [True, False], None, None, False),
    ("array[boolean]", [1, 0], None, mismatch("array[boolean]", "array[number]"), True),
    ("array[boolean]", [[True]], None, mismatch("array[boolean]", "array[any]"), True),
    # never updatable (the gate refuses what it can, building refuses the rest)
    # Never updatable: refused whatever the value, before the type gate (DESIGN.md s. 4).
    ("file", "x", None, invalid("not supported value type file"), True),
    ("file", {"id": "x"}, None, invalid("not supported value type file"), True),
    ("array[file]", [], None, invalid("not supported value type array[file]"), True),
    ("array[file]", [{}], None, invalid("not supported value type array[file]"), True),
    ("array[any]", [], None, invalid("not supported value type array[any]"), True),
    ("array[any]", [1, "a"], None, invalid("not supported value type array[any]"), True),
    # null: refused for every type
    *[
        (t.value, None, None, mismatch(t.value, "none"), True)
        for t in VariableType
        if t.is_updatable
    ],
    *[
        (t.value, None, None, invalid(f"not supported value type {t.value}"), True)
        for t in VariableType
        if not t.is_updatable
    ],
    ("array[string]", ["a", None], None, mismatch("array[string]", "array[any]"), True),
    # refused by the JSON parser
    ("number", math.nan, None, JSON_ERROR, True),
    ("number", math.inf, None, JSON_ERROR, True),
    ("array[number]", [1.0, -math.inf], None, JSON_ERROR, True),
    ("object", {"a": [{"b": math.nan}]}, None, JSON_ERROR, True),
    ("string", "a\ud800", None, JSON_ERROR, True),
    ("object", {"k\udfff": 1}, None, JSON_ERROR, True),
    ("number", 10**400, None, JSON_ERROR, True),
    # integers beyond 64 bits become floats
    ("number", 2**64, "integer", invalid("not supported value type integer"), True),
    ("number", 2**64 - 1, "integer", None, False),
    ("number", -(2**63), "integer", None, False),
    ("number", -(2**63) - 1, "integer", invalid("not supported value type integer"), True),
    ("number", 2**64, "float", None, True),
    ("number", 2**64, None, None, True),
    ("array[number]", [2**70], None, None, True),
    ("object", {"big": 2**70}, None, None, True),
    ("string", 2**64, None, mismatch("string", "float"), True),
    # non-str keys become strings
    ("object", {1: "a"}, None, None, True),
    ("object", {"a": {None: 1}}, None, None, True),
    ("array[object]", [{True: 1}], None, None, True),
    # size limit: sys.getsizeof of the top-level value on CPython 3.12
    ("string", "a" * 204759, None, None, False),
    ("string", "a" * 204760, None, invalid("variable size 204801 exceeds limit 204800"), True),
    ("string", "é" * 204743, None, None, False),
    ("string", "é" * 204744, None, invalid("variable size 204801 exceeds limit 204800"), True),
    ("string", "中" * 102371, None, None, False),
    ("string", "中" * 102372, None, invalid("variable size 204802 exceeds limit 204800"), True),
    ("string", "😀" * 51185, None, None, False),
    ("string", "😀" * 51186, None, invalid("variable size 204804 exceeds limit 204800"), True),
    ("array[string]", [""] * 25593, None, None, False),
    (
        "array[string]",
        [""] * 25594,
        None,
        invalid("variable size 204808 exceeds limit 204800"),
        True,
    ),
    ("object", {str(i): i for i in range(5461)}, None, None, False),
    (
        "object",
        {str(i): i for i in range(5462)},
        None,
        invalid("variable size 207616 exceeds limit 204800"),
        True,
    ),
]


def _row_id(row: tuple[str, Any, str | None, ServerRejection | None, bool]) -> str:
    shown = repr(row[1])
    return f"{row[0]}-{row[2]}-{shown[:30]}"


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_server_rejection_matches_the_server(
    row: tuple[str, Any, str | None, ServerRejection | None, bool],
) -> None:
    value_type, value, kind, expected, _ = row
    assert server_rejection(value_type, value, name="v", number_kind=kind) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_lenient_refuses_exactly_what_the_server_refuses(
    row: tuple[str, Any, str | None, ServerRejection | None, bool],
) -> None:
    value_type, value, kind, expected, _ = row
    if expected is None:
        validate_value(value_type, value, number_kind=kind, strict=False)  # type: ignore[arg-type]
    else:
        with pytest.raises(VariableValueError, match=r"variable \(got "):
            validate_value(value_type, value, number_kind=kind, strict=False)  # type: ignore[arg-type]


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_strict_also_refuses_what_the_server_would_change(
    row: tuple[str, Any, str | None, ServerRejection | None, bool],
) -> None:
    value_type, value, kind, _, strict_refuses = row
    if strict_refuses:
        with pytest.raises(VariableValueError):
            validate_value(value_type, value, number_kind=kind)  # type: ignore[arg-type]
    else:
        validate_value(value_type, value, number_kind=kind)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value_type", "value", "kind", "fragment"),
    [
        ("number", 5.0, "integer", "this variable stores integers; send 5, not 5.0"),
        ("number", 2.5, "integer", "round 2.5 first"),
        ("number", 5, "float", "this variable stores floats; send 5.0, not 5"),
        ("number", True, None, "bool, which the server would store as 1 / 0"),
        ("array[number]", [1, True], None, "item [1] is a bool"),
        ("array[string]", ["a", 3], None, "item [1] is int; send a list (or tuple) of str"),
        ("boolean", 1, None, "send True or False, not a number"),
        ("string", None, None, "None is refused for every variable type"),
        ("object", {1: "a"}, None, "dict key 1 is not a str"),
        ("number", 2**70, None, "would become a float on the server"),
        ("object", {"a": {1, 2}}, None, "set cannot be sent as JSON"),
        ("array[any]", [1], None, "array[any] variables cannot be updated"),
        ("file", "f", None, "file variables cannot be updated"),
        ("string", "x" * 300_000, None, "the server measures 300041 bytes"),
    ],
)
def test_messages_name_the_type_and_the_fix(
    value_type: str, value: Any, kind: str | None, fragment: str
) -> None:
    with pytest.raises(VariableValueError) as caught:
        validate_value(value_type, value, number_kind=kind)  # type: ignore[arg-type]
    message = str(caught.value)
    got = "None" if value is None else type(value).__name__
    assert f"invalid value for a {value_type} variable (got {got})" in message
    assert fragment in message


def test_messages_never_show_a_string_value() -> None:
    secret = "hunter2-" * 40_000
    with pytest.raises(VariableValueError) as caught:
        validate_value(VariableType.SECRET, secret)
    assert "hunter2" not in str(caught.value)


def test_validation_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="unknown variable type"):
        validate_value("strings", "x")
    with pytest.raises(ValueError, match="number_kind"):
        validate_value("number", 1, number_kind="int")  # type: ignore[arg-type]


def test_too_deep_values_are_refused() -> None:
    value: Any = "x"
    for _ in range(600):
        value = [value]
    with pytest.raises(VariableValueError, match="nested more than"):
        validate_value("array[any]", value, strict=False)


@pytest.mark.parametrize(
    ("value", "inferred"),
    [
        ([], "array[number]"),
        ([1, 2.5], "array[number]"),
        ([1, True], "array[any]"),
        ([None], "array[any]"),
        ([[1]], "array[any]"),
        ([{}], "array[object]"),
        ([True], "array[boolean]"),
        (["a"], "array[string]"),
        (object(), "unknown"),
        ([object()], "unknown"),
    ],
)
def test_inferred_type_names(value: Any, inferred: str) -> None:
    assert infer_server_type(value) == inferred


def test_sizes_follow_cpython_3_12() -> None:
    assert server_value_size("") == 41
    assert server_value_size("ab") == 43
    assert server_value_size("\xe9") == 58
    assert server_value_size("\u4e2d\u4e2d") == 62
    assert server_value_size("\U0001f600") == 64
    assert server_value_size([1, 2, 3]) == 56 + 24
    assert server_value_size(0) == 28
    assert server_value_size(2**30) == 32
    assert server_value_size(1.5) == 24
    assert server_value_size({1: "a", "1": "b"}) == server_value_size({"1": "b"})


@pytest.mark.parametrize("length", [0, 1, 5, 6, 10, 11, 85, 86, 1000, 5461, 5462, 20000])
def test_dict_size_matches_a_dict_filled_key_by_key(length: int) -> None:
    filled: dict[str, int] = {}
    for i in range(length):
        filled[f"key{i}"] = i
    assert server_value_size(filled) == sys.getsizeof(filled)


def test_stored_value_after_server_coercion() -> None:
    assert server_stored_value("number", True) == (1, "integer")
    assert server_stored_value("number", 2**64) == (float(2**64), "float")
    assert server_stored_value("number", 5, "integer") == (5, "integer")
    stored, _ = server_stored_value("array[number]", (True, 2, 0.5, False))
    assert stored == [1.0, 2, 0.5, 0.0]
    assert [type(x) for x in stored] == [float, int, float, float]
    assert server_stored_value("object", {1: (1, 2**70)}) == ({"1": [1, float(2**70)]}, None)


# ------------------------------------------------------------------------- properties

ACCEPTED = values_by_type()


@settings(max_examples=300, deadline=None)
@given(typed_values(ACCEPTED))
def test_neither_mode_refuses_a_value_the_rules_accept(case: tuple[VariableType, Any]) -> None:
    value_type, value = case
    assert server_rejection(value_type, value, name="v") is None
    validate_value(value_type, value, strict=False)
    validate_value(value_type, value)  # nothing here is changed by the server either


@settings(max_examples=200, deadline=None)
@given(json_values(), st.sampled_from(sorted(VariableType)))
def test_lenient_refuses_only_what_the_server_refuses(value: Any, value_type: VariableType) -> None:
    refused = server_rejection(value_type, value, name="v") is not None
    try:
        validate_value(value_type, value, strict=False)
    except VariableValueError:
        assert refused
    else:
        assert not refused
