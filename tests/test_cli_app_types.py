"""``dify-chatflow app types``, run in a subprocess against the embedded server: the app's
input form written as a TypedDict module."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from cli_support import API_KEY, assert_key_not_echoed, assert_one_line_error, run_cli
from dify_chatflow import AppParameters
from dify_chatflow.codegen import render_inputs_module
from dify_chatflow.testing import DifyTestServer

FORM: list[dict[str, Any]] = [
    {"text-input": {"variable": "topic", "label": "Topic", "required": True, "max_length": 48}},
    {"select": {"variable": "plan", "label": "Plan", "required": False, "options": ["a", "b"]}},
    {"file-list": {"variable": "scans", "label": "Scans", "required": False}},
    {"external_data_tool": {"variable": "weather", "label": "Weather", "required": False}},
]


@pytest.fixture(params=["1.10", "1.16"])
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY, dialect=request.param) as running:
        running.add_app(API_KEY, user_input_form=FORM, name="Support bot")
        yield running


def test_the_module_goes_to_stdout_named_after_the_app_with_the_servers_version(server):
    result = run_cli("app", "types", server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout == render_inputs_module(
        AppParameters.from_json({"user_input_form": FORM}),
        "SupportBotInputs",
        app_name="Support bot",
        dify_version=f"{server.dialect}.1",
    )
    assert "class SupportBotInputs(TypedDict, total=False):" in result.stdout
    assert result.stderr == ""
    assert_key_not_echoed(result)


def test_a_file_written_twice_from_the_same_form_is_byte_identical(server, tmp_path):
    target = tmp_path / "support_inputs.py"

    first = run_cli("app", "types", "--class-name", "Support", "-o", str(target), server=server)
    written = target.read_bytes()
    second = run_cli("app", "types", "--class-name", "Support", "-o", str(target), server=server)

    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert first.stdout == f"wrote Support to {target}\n"
    assert target.read_bytes() == written
    assert b"class Support(TypedDict, total=False):" in written
    assert b"\r\n" not in written


def test_timestamp_records_the_time_in_the_header(server):
    result = run_cli("app", "types", "--timestamp", server=server)

    assert result.returncode == 0, result.stderr
    header = " ".join(line.removeprefix("# ") for line in result.stdout.splitlines()[:5])
    assert re.search(r"Generated at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.", header)
    assert "No time is recorded" not in header


@pytest.mark.parametrize("class_name", ["class", "support-inputs", "Required"])
def test_a_bad_class_name_is_refused_before_any_request(server, class_name):
    result = run_cli("app", "types", "--class-name", class_name, server=server)

    line = assert_one_line_error(result, 2)
    assert "class name" in line
    assert repr(class_name) in line
    assert server.requests == []


def test_a_server_refusal_is_one_line_and_exit_1(server):
    result = run_cli("app", "types", server=server, env={"DIFY_API_KEY": "app-wrong-key-7"})

    line = assert_one_line_error(result, 1)
    assert "401" in line
    assert "app-wrong-key-7" not in result.stdout + result.stderr


def test_a_file_that_cannot_be_written_is_one_line_and_exit_1(server, tmp_path):
    target = tmp_path / "missing" / "inputs.py"

    result = run_cli("app", "types", "-o", str(target), server=server)

    line = assert_one_line_error(result, 1)
    assert line.startswith(f"error: cannot write {target}")
    assert not target.exists()
