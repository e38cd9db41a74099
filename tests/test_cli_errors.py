"""The command line never shows a traceback: one line on stderr and a documented exit code."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator

import pytest
from cli_support import (
    API_KEY,
    USER,
    assert_one_line_error,
    cli_environment,
    console_script,
    run_cli,
)
from dify_chatflow.testing import DifyTestServer, Fault


@pytest.fixture(scope="module")
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY) as running:
        yield running


@pytest.fixture
def conversation(server: DifyTestServer) -> str:
    variables: list[dict[str, object]] = [
        {"name": "visits", "value_type": "number", "value": 3},
        {"name": "tags", "value_type": "array[string]", "value": ["a"]},
        {"name": "theme", "value_type": "string", "value": "dark"},
    ]
    # Enough rows that the table's output fills a pipe buffer's first write.
    variables += [{"name": f"v{i}", "value_type": "string", "value": "x" * 40} for i in range(60)]
    return server.add_conversation(user=USER, variables=variables)


@pytest.mark.parametrize("timeout", ["x", "-1", "0", "nan", "inf", ""])
def test_a_bad_timeout_is_one_usage_line(
    server: DifyTestServer, conversation: str, timeout: str
) -> None:
    before = len(server.requests)
    result = run_cli("vars", "list", conversation, "--timeout", timeout, server=server)
    line = assert_one_line_error(result, 2)
    assert "--timeout" in line
    assert "seconds above 0" in line
    assert len(server.requests) == before


@pytest.mark.parametrize("depth", [600, 100_000], ids=["past-the-limit", "past-recursion"])
def test_deeply_nested_json_is_refused_in_one_line(
    server: DifyTestServer, conversation: str, depth: int
) -> None:
    before = len(server.requests)
    value = "[" * depth + "]" * depth
    result = run_cli("vars", "set", conversation, "tags", "-", server=server, stdin=value)
    line = assert_one_line_error(result, 2)
    assert "nested" in line
    assert not [r for r in server.requests[before:] if r.method == "PUT"]


@pytest.mark.parametrize(
    ("env", "options", "words"),
    [
        ({"DIFY_USER": ""}, [], ["--user", "DIFY_USER"]),
        ({"DIFY_API_KEY": ""}, [], ["--api-key", "DIFY_API_KEY"]),
        ({}, ["--base-url", "ftp://example.com/v1"], ["--base-url"]),
    ],
    ids=["user", "api-key", "base-url"],
)
def test_configuration_errors_speak_in_command_line_words(
    server: DifyTestServer,
    conversation: str,
    env: dict[str, str],
    options: list[str],
    words: list[str],
) -> None:
    result = run_cli("vars", "list", conversation, *options, server=server, env=env)
    line = assert_one_line_error(result, 2)
    for word in words:
        assert word in line
    assert line.count("set DIFY_") <= 1, line  # a variable to set is said once
    for library_word in ("user=...", "api_key=...", "base_url", "`user`"):
        assert library_word not in line


def test_the_strict_hint_names_the_lenient_option(
    server: DifyTestServer, conversation: str
) -> None:
    result = run_cli("vars", "set", conversation, "visits", "true", "--json-value", server=server)
    line = assert_one_line_error(result, 2)
    assert "--lenient" in line
    assert "strict=False" not in line


def test_a_multi_line_server_message_is_printed_on_one_line(
    server: DifyTestServer, conversation: str
) -> None:
    message = "1 validation error for Payload\nvalue\n  Field required [type=missing]"
    body = {"code": "invalid_param", "message": message, "status": 400}
    server.inject_fault(Fault.status(400, body=body), route="variables.list")
    result = run_cli("vars", "list", conversation, server=server)
    line = assert_one_line_error(result, 1)
    assert "400 invalid_param: 1 validation error for Payload value Field required" in line


def test_a_closed_output_pipe_exits_141_quietly(server: DifyTestServer, conversation: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already exited: every write fails
    with subprocess.Popen(
        [console_script(), "vars", "list", conversation],
        stdin=subprocess.DEVNULL,
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_environment(server),
    ) as process:
        os.close(write_end)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 141
    assert stderr == ""


def test_ctrl_c_exits_130_with_one_line(server: DifyTestServer, conversation: str) -> None:
    before = len(server.requests)
    server.inject_fault(Fault.delay(30), route="variables.list")
    with subprocess.Popen(
        [console_script(), "vars", "list", conversation],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_environment(server),
    ) as process:
        deadline = time.monotonic() + 30
        while len(server.requests) == before and time.monotonic() < deadline:
            time.sleep(0.02)  # wait until the request is in flight
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr == "interrupted\n"
    assert stdout == ""
