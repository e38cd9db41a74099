"""validate_value against the answers Dify 1.10.1 and 1.16.1 give to the same values."""

from __future__ import annotations

import re
from typing import Any

import pytest
from dify_chatflow import VariableType, VariableValueError, validate_value
from dify_chatflow._values.rules import server_rejection
from hypothesis import given, settings
from server_answers import SERVER_ANSWERS, Answer, answer_id
from strategies import typed_values, values_by_type


@pytest.mark.parametrize("row", SERVER_ANSWERS, ids=answer_id)
def test_lenient_refuses_exactly_what_the_server_refuses(row: Answer) -> None:
    kind = row.stored_kind
    if row.answer is None:
        validate_value(row.value_type, row.value, number_kind=kind, strict=False)  # type: ignore[arg-type]
    else:
        with pytest.raises(VariableValueError, match=r"variable \(got "):
            validate_value(row.value_type, row.value, number_kind=kind, strict=False)  # type: ignore[arg-type]


@pytest.mark.parametrize("row", SERVER_ANSWERS, ids=answer_id)
def test_strict_also_refuses_what_the_server_would_change(row: Answer) -> None:
    kind = row.stored_kind
    if row.strict_refuses:
        with pytest.raises(VariableValueError):
            validate_value(row.value_type, row.value, number_kind=kind)  # type: ignore[arg-type]
    else:
        validate_value(row.value_type, row.value, number_kind=kind)  # type: ignore[arg-type]


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
    assert re.search(
        rf"invalid value for an? {re.escape(value_type)} variable \(got {got}\)", message
    )
    assert fragment in message


@pytest.mark.parametrize(
    ("value_type", "head"),
    [
        ("object", "invalid value for an object variable"),
        ("array[string]", "invalid value for an array[string] variable"),
        ("string", "invalid value for a string variable"),
        ("number", "invalid value for a number variable"),
    ],
)
def test_messages_take_the_article_their_type_needs(value_type: str, head: str) -> None:
    with pytest.raises(VariableValueError, match=re.escape(head)):
        validate_value(value_type, None)


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


# ------------------------------------------------------------------------- properties

ACCEPTED = values_by_type()


@settings(max_examples=300, deadline=None)
@given(typed_values(ACCEPTED))
def test_neither_mode_refuses_a_value_the_rules_accept(case: tuple[VariableType, Any]) -> None:
    value_type, value = case
    assert server_rejection(value_type, value, name="v") is None
    validate_value(value_type, value, strict=False)
    validate_value(value_type, value)  # nothing here is changed by the server either
