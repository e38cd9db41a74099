"""Chat inputs against the app's user_input_form: the server's rules, per control type."""

from __future__ import annotations

from typing import Any

import pytest
from dify_chatflow import DifyError, ResponseDecodeError
from dify_chatflow._chat_inputs import CONTROL_TYPES, InputValidationError, check_inputs


def form(control: str, variable: str = "v", **settings: Any) -> list[dict[str, Any]]:
    """A one-field form as GET /parameters sends it."""
    return [
        {
            control: {
                "variable": variable,
                "label": variable.title(),
                "required": False,
                "max_length": None,
                "default": None,
                **settings,
            }
        }
    ]


def refusal(
    user_input_form: list[dict[str, Any]], inputs: dict[str, Any], **options: Any
) -> InputValidationError:
    with pytest.raises(InputValidationError) as caught:
        check_inputs(user_input_form, inputs, **options)
    return caught.value


# --- every field --------------------------------------------------------------------


def test_the_result_holds_every_form_variable_and_nothing_else() -> None:
    user_input_form = form("text-input", "name") + form("number", "age")
    assert check_inputs(user_input_form, {"name": "Ann", "extra": "dropped"}) == {
        "name": "Ann",
        "age": None,
    }


@pytest.mark.parametrize("inputs", [{}, {"name": None}, None])
def test_a_required_field_missing_or_null_is_refused(inputs: dict[str, Any] | None) -> None:
    error = refusal(form("text-input", "name", required=True), inputs or {})
    assert error.field == "name"
    assert error.message == str(error) == "name is required in input form"
    assert error.status == 400
    assert isinstance(error, DifyError)
    assert isinstance(error, ValueError)


def test_an_empty_string_satisfies_a_required_text_field() -> None:
    assert check_inputs(form("text-input", required=True), {"v": ""}) == {"v": ""}


def test_an_optional_field_takes_its_default_which_is_checked_too() -> None:
    assert check_inputs(form("text-input", default="hi"), {}) == {"v": "hi"}
    assert check_inputs(form("number", default="3"), {"v": None}) == {"v": 3}
    error = refusal(form("select", default="z", options=["a"]), {})
    assert error.message == "v in input form must be one of the following: ['a']"


def test_nul_characters_are_removed_from_strings() -> None:
    assert check_inputs(form("paragraph"), {"v": "a\x00b"}) == {"v": "ab"}


def test_the_first_refused_field_in_form_order_is_named() -> None:
    user_input_form = form("text-input", "a", required=True) + form("number", "b")
    error = refusal(user_input_form, {"b": "x"})
    assert error.field == "a"


def test_inputs_that_are_not_an_object_are_refused() -> None:
    error = refusal(form("text-input"), ["v"])  # type: ignore[arg-type]
    assert error.field == "inputs"


@pytest.mark.parametrize(
    "bad_form",
    [
        {"text-input": {"variable": "v"}},
        [{"text-input": {"variable": "v"}, "number": {"variable": "w"}}],
        [{"text-input": {"label": "no variable"}}],
        ["text-input"],
    ],
)
def test_a_malformed_form_is_a_decode_error(bad_form: Any) -> None:
    with pytest.raises(ResponseDecodeError):
        check_inputs(bad_form, {})


# --- text-input, paragraph, select --------------------------------------------------


@pytest.mark.parametrize("control", ["text-input", "paragraph", "select"])
@pytest.mark.parametrize("value", [5, True, ["a"], {"a": 1}])
def test_text_controls_take_strings_only(control: str, value: Any) -> None:
    error = refusal(form(control, "topic", options=["a"]), {"topic": value})
    assert error.message == f"(type '{control}') topic in input form must be a string"
    assert error.status == 400


@pytest.mark.parametrize("control", ["text-input", "paragraph"])
def test_max_length_caps_the_characters(control: str) -> None:
    user_input_form = form(control, "topic", max_length=3)
    assert check_inputs(user_input_form, {"topic": "abc"}) == {"topic": "abc"}
    error = refusal(user_input_form, {"topic": "abcd"})
    assert error.message == "topic in input form must be less than 3 characters"


def test_a_zero_or_missing_max_length_means_no_limit() -> None:
    assert check_inputs(form("text-input", max_length=0), {"v": "x" * 500}) == {"v": "x" * 500}


def test_select_takes_one_of_its_options() -> None:
    user_input_form = form("select", "size", options=["S", "M"])
    assert check_inputs(user_input_form, {"size": "M"}) == {"size": "M"}
    error = refusal(user_input_form, {"size": "XL"})
    assert error.field == "size"
    assert error.message == "size in input form must be one of the following: ['S', 'M']"


def test_select_with_no_options_refuses_every_value() -> None:
    error = refusal(form("select", options=None), {"v": ""})
    assert error.message == "v in input form must be one of the following: []"


# --- number -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(4, 4), (2.5, 2.5), ("12", 12), (" 7 ", 7), ("1.50", 1.5), ("", None), ("  ", None)],
)
def test_number_takes_numbers_and_number_text(value: Any, expected: Any) -> None:
    result = check_inputs(form("number"), {"v": value})["v"]
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize("value", ["abc", "1e5", "1.2.3"])
def test_number_text_that_is_no_number_is_refused(value: str) -> None:
    error = refusal(form("number", "age"), {"age": value})
    assert error.message == "age in input form must be a valid number"
    assert error.status == 400


def test_a_required_number_given_blank_text_is_unset_not_refused() -> None:
    assert check_inputs(form("number", required=True), {"v": ""}) == {"v": None}


@pytest.mark.parametrize("value", [[1], {"n": 1}])
def test_number_of_another_json_type_makes_the_server_fail(value: Any) -> None:
    error = refusal(form("number"), {"v": value})
    assert error.status == 500
    assert error.message == (
        f"v in input form must be a number or number text, not {type(value).__name__}: "
        "the server fails on it"
    )


# --- checkbox -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        (" Yes ", True),
        ("ON", True),
        ("1", True),
        ("off", False),
        ("0", False),
        (1, True),
        (0.0, False),
        ("maybe", "maybe"),
        (7, 7),
    ],
)
def test_checkbox_reads_true_and_false_words_and_leaves_the_rest(value: Any, expected: Any) -> None:
    assert check_inputs(form("checkbox"), {"v": value}) == {"v": expected}


def test_checkbox_given_an_object_is_refused_naming_it() -> None:
    error = refusal(form("checkbox", "flag"), {"flag": {"a": 1}})
    assert error.field == "flag"
    assert error.message == "Invalid input type for ['flag']"
    old = refusal(form("checkbox", "flag"), {"flag": {"a": 1}}, dialect="1.10")
    assert old.message == "Invalid input type"


def test_checkbox_given_a_list_of_objects_is_refused_on_1_16_only() -> None:
    value = [{"a": 1}]
    assert refusal(form("checkbox"), {"v": value}).message == "Invalid input type for ['v']"
    assert check_inputs(form("checkbox"), {"v": value}, dialect="1.10") == {"v": value}


# --- file, file-list ----------------------------------------------------------------

FILE = {"type": "image", "transfer_method": "local_file", "upload_file_id": "f-1"}


def test_file_takes_an_object() -> None:
    assert check_inputs(form("file"), {"v": FILE}) == {"v": FILE}
    for value in ["f-1", [FILE]]:
        assert refusal(form("file", "doc"), {"doc": value}).message == (
            "doc in input form must be a file"
        )


def test_file_list_takes_a_list_of_objects_up_to_max_length() -> None:
    user_input_form = form("file-list", "docs", max_length=2)
    assert check_inputs(user_input_form, {"docs": [FILE, FILE]}) == {"docs": [FILE, FILE]}
    error = refusal(user_input_form, {"docs": [FILE, FILE, FILE]})
    assert error.message == "docs in input form must be less than 2 files"
    for value in [FILE, [FILE, "f-2"]]:
        assert refusal(user_input_form, {"docs": value}).message == (
            "docs in input form must be a list of files"
        )


@pytest.mark.parametrize("control", ["file", "file-list"])
def test_an_empty_string_on_an_optional_file_field_is_unset(control: str) -> None:
    assert check_inputs(form(control), {"v": ""}) == {"v": None}
    required = refusal(form(control, required=True), {"v": ""})
    assert required.message.startswith("v in input form must be a ")


def test_an_empty_optional_file_list_is_kept_on_1_16_and_unset_on_1_10() -> None:
    assert check_inputs(form("file-list"), {"v": []}) == {"v": []}
    assert check_inputs(form("file-list"), {"v": []}, dialect="1.10") == {"v": None}


# --- json_object, external_data_tool, unknown ---------------------------------------


def test_json_object_takes_an_object_or_a_falsy_value() -> None:
    assert check_inputs(form("json_object"), {"v": {"k": [1]}}) == {"v": {"k": [1]}}
    assert check_inputs(form("json_object"), {"v": ""}) == {"v": ""}
    error = refusal(form("json_object", "cfg"), {"cfg": [1]})
    assert error.message == "cfg in input form must be a dict"
    assert error.status == 400


@pytest.mark.parametrize(
    ("control", "dialect"),
    [("json_object", "1.10"), ("external_data_tool", "1.10"), ("external_data_tool", "1.16")],
)
def test_a_value_the_server_has_no_branch_for_makes_it_fail(control: str, dialect: str) -> None:
    error = refusal(form(control), {"v": {"k": 1}}, dialect=dialect)
    assert error.status == 500
    assert error.field == "v"
    assert error.message.startswith("v in input form takes no value")
    # Unset, the field is fine: the server returns before looking at its type.
    assert check_inputs(form(control), {}, dialect=dialect) == {"v": None}  # type: ignore[arg-type]


def test_a_control_type_newer_than_the_package_passes_its_value_on() -> None:
    assert "rating" not in CONTROL_TYPES
    assert check_inputs(form("rating"), {"v": 4}) == {"v": 4}


def test_settings_are_read_leniently_like_the_servers_model() -> None:
    user_input_form = form("text-input", required="true", max_length="2")
    assert refusal(user_input_form, {}).message == "v is required in input form"
    assert refusal(user_input_form, {"v": "abc"}).message == (
        "v in input form must be less than 2 characters"
    )
