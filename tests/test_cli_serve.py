"""``dify-chatflow serve``: scripts get its details as JSON; bad ports are one line; its
help describes the whole server; ``--dialect`` picks the Dify version it answers as."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys

import pytest
from cli_support import assert_one_line_error, run_cli, serving
from dify_chatflow import ChatflowClient, NotFoundError
from dify_chatflow._registry import by_name
from dify_chatflow.testing._endpoints import ROUTE_SPECS


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


def test_serve_help_describes_the_app_every_route_and_how_to_connect() -> None:
    result = run_cli("serve", "--help")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for words in (
        "word by word",  # the app's answer
        "user_preference (string), visits (number), api_token (secret), profile (object)",
        "--dialect {1.16,1.10}",
        "Dify 1.16.1",
        "Dify 1.10.1",
        "DIFY_BASE_URL=",  # how to point a client at it
        "ChatflowClient(api_key=..., base_url=..., user=...)",
        "inject_fault",
        "exit codes:",
    ):
        assert words in text
    listed = re.findall(r"^  (GET|POST|PUT|DELETE) +(/\S*) +(\S+)(  \(1\.16 only\))?$", text, re.M)
    served = {
        (by_name(spec.operation).method.upper(), by_name(spec.operation).path, spec.operation)
        for spec in ROUTE_SPECS
    }
    assert {(method, path, name) for method, path, name, _ in listed} == served
    newer = {name for *_, name, note in listed if note}
    assert newer == {spec.operation for spec in ROUTE_SPECS if spec.new_only}


def test_serve_answers_as_the_dialect_asked_for() -> None:
    with (
        serving("--dialect", "1.10") as details,
        ChatflowClient(
            api_key=details["api_key"], base_url=details["base_url"], user=details["user"]
        ) as client,
    ):
        assert client.app.with_raw_response.info().headers["X-Version"] == "1.10.1"
        with pytest.raises(NotFoundError):  # end users have no route before 1.16
            client.end_users.get(details["conversation_id"])
        assert client.chat.send("still answers").answer == "still answers"
    with (
        serving() as details,
        ChatflowClient(
            api_key=details["api_key"], base_url=details["base_url"], user=details["user"]
        ) as client,
    ):
        assert client.app.with_raw_response.info().headers["X-Version"] == "1.16.1"


def test_an_unknown_dialect_is_a_usage_error() -> None:
    line = assert_one_line_error(run_cli("serve", "--dialect", "1.12"), 2)
    assert "--dialect" in line


def test_the_other_commands_do_not_load_the_server() -> None:
    code = (
        "import sys; from dify_chatflow.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith('dify_chatflow.testing')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
