"""``dify-chatflow serve``: scripts get its details as JSON; bad ports are one line."""

from __future__ import annotations

import signal
import socket

import pytest
from cli_support import assert_one_line_error, run_cli, serving
from dify_chatflow import ChatflowClient


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["INT", "TERM"])
def test_serve_json_prints_one_line_a_script_can_connect_with(
    stop_signal: signal.Signals,
) -> None:
    with serving("--api-key", "app-from-script", stop_signal=stop_signal) as details:
        assert set(details) == {"base_url", "api_key", "user", "conversation_id"}
        assert details["api_key"] == "app-from-script"
        with ChatflowClient(
            api_key=details["api_key"], base_url=details["base_url"], user=details["user"]
        ) as client:
            names = {v.name for v in client.variables.list(details["conversation_id"])}
        assert "user_preference" in names


def test_serve_json_without_a_seed_has_no_user_or_conversation() -> None:
    with serving("--seed", "none") as details:
        pass
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
