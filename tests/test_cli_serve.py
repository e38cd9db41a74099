"""``dify-chatflow serve``: scripts get its details as JSON; bad ports are one line."""

from __future__ import annotations

import json
import signal
import socket
import subprocess

import pytest
from cli_support import assert_one_line_error, cli_environment, console_script, run_cli
from dify_chatflow import ChatflowClient


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["INT", "TERM"])
def test_serve_json_prints_one_line_a_script_can_connect_with(
    stop_signal: signal.Signals,
) -> None:
    with subprocess.Popen(
        [console_script(), "serve", "--json", "--api-key", "app-from-script"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_environment(),
    ) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        try:
            details = json.loads(first)
            assert set(details) == {"base_url", "api_key", "user", "conversation_id"}
            assert details["api_key"] == "app-from-script"
            with ChatflowClient(
                api_key=details["api_key"], base_url=details["base_url"], user=details["user"]
            ) as client:
                names = {v.name for v in client.variables.list(details["conversation_id"])}
            assert "user_preference" in names
        finally:
            process.send_signal(stop_signal)
            rest, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert rest == ""  # nothing but the one JSON line


def test_serve_json_without_a_seed_has_no_user_or_conversation() -> None:
    with subprocess.Popen(
        [console_script(), "serve", "--json", "--seed", "none"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_environment(),
    ) as process:
        assert process.stdout is not None
        details = json.loads(process.stdout.readline())
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)
    assert details["user"] is None
    assert details["conversation_id"] is None
    assert details["base_url"].startswith("http://127.0.0.1:")


def test_a_port_in_use_is_one_line_and_exit_1() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    line = assert_one_line_error(result, 1)
    assert f"cannot serve on 127.0.0.1:{port}" in line
    assert "in use" in line


@pytest.mark.parametrize("port", ["70000", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(port: str) -> None:
    line = assert_one_line_error(run_cli("serve", "--port", port), 2)
    assert "--port" in line
    assert "0 to 65535" in line
