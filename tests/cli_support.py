"""Helpers for the command-line tests: run the installed console script in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dify_chatflow.testing import DifyTestServer

API_KEY = "app-cli-secret-key-5f2a"
USER = "support-7"
SECRET = "s3cr3t-token-value"


def console_script() -> str:
    """The ``dify-chatflow`` script of the running venv (else the one on PATH)."""
    found = Path(sys.executable).with_name("dify-chatflow")
    if found.exists():
        return str(found)
    on_path = shutil.which("dify-chatflow")
    assert on_path, "the dify-chatflow console script is not installed"
    return on_path


def cli_environment(
    server: DifyTestServer | None = None, env: dict[str, str] | None = None
) -> dict[str, str]:
    """The environment without any DIFY_ variable, then the server's, then ``env``."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DIFY_")}
    if server is not None:
        environ |= {"DIFY_API_KEY": API_KEY, "DIFY_BASE_URL": server.base_url, "DIFY_USER": USER}
    return environ | (env or {})


def run_cli(
    *args: str,
    server: DifyTestServer | None = None,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the console script to completion (every pipe closed when it returns)."""
    return subprocess.run(
        [console_script(), *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=cli_environment(server, env),
        timeout=60,
        check=False,
    )


@contextmanager
def serving(*args: str, stop_signal: int = signal.SIGINT) -> Iterator[dict[str, Any]]:
    """``dify-chatflow serve --json ARGS`` on a free port of 127.0.0.1: yields its JSON
    line; on exit stops it with ``stop_signal`` and checks it printed nothing more and
    exited 0."""
    with subprocess.Popen(
        [console_script(), "serve", "--json", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_environment(),
    ) as process:
        assert process.stdout is not None
        try:
            yield json.loads(process.stdout.readline())
        finally:
            process.send_signal(stop_signal)
            rest, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert rest == ""  # nothing but the one JSON line


def assert_key_not_echoed(result: subprocess.CompletedProcess[str]) -> None:
    assert API_KEY not in result.stdout
    assert API_KEY not in result.stderr


def assert_one_line_error(result: subprocess.CompletedProcess[str], exit_code: int) -> str:
    """The process failed with ``exit_code`` and exactly one line on stderr; returns it."""
    assert result.returncode == exit_code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
