"""The quickstart `make demo` runs tells its whole story against the embedded server, and
the README's Quickstart runs as pasted against `dify-chatflow serve`."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import anyio
import pytest
from cli_support import cli_environment, serving
from dify_chatflow import ChatflowClient
from dify_chatflow.testing import DifyTestServer
from server_support import wait_for

API_KEY = "app-relay"
USER = "browser-user-7"


def test_the_quickstart_runs_a_whole_conversation(repo_root: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIFY_")}
    result = run_python(str(repo_root / "examples" / "quickstart.py"), env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for step in (
        "A blocking message starts a conversation:",
        "A streamed reply, token by token:",
        "class DemoInputs(TypedDict, total=False):",
        "did you mean 'topic'?",
        "After setting one variable of every updatable type:",
        "The user's conversations:",
        "Its history, oldest first:",
        "A file sent with a message, previewed:",
        "hours.txt: text/plain, 23 bytes",
        "content: 'Opening hours: 9 to 5.'",
        "An annotation the app can reply with:",
        "annotations matching 'open': ['When are you open?']",
        "updates the server received: 0",
        "ConversationNotFoundError: status=404 code='not_found'",
    ):
        assert step in out
    assert "s3cr3t" not in out  # the secret variable is never printed


def readme_python_block(repo_root: Path, section: str, containing: str = "") -> str:
    """The first python code block of the README's ``section`` (a heading's title) that
    contains ``containing``, dedented: what a user would paste."""
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    # Headings are "## " and deeper here: a line starting "# " is a comment in a code block.
    heading = re.search(rf"^##+ {re.escape(section)}\n(.*?)(?=^##+ |\Z)", readme, re.S | re.M)
    assert heading, f"README.md has no section {section!r}"
    blocks = re.findall(r"^( *)```python\n(.*?)^\1```", heading.group(1), re.S | re.M)
    found = [textwrap.dedent(code) for _, code in blocks if containing in code]
    assert found, f"README.md's {section!r} has no python block with {containing!r}"
    return found[0]


def run_python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run this interpreter to completion with ``args`` and ``env``; its output as text."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )


def test_the_readme_quickstart_runs_against_serve(repo_root: Path) -> None:
    code = readme_python_block(repo_root, "Quickstart")
    with serving("--seed", "none") as details:
        env = cli_environment(
            env={"DIFY_API_KEY": details["api_key"], "DIFY_BASE_URL": details["base_url"]}
        )
        result = run_python("-c", code, env=env)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        hello, conversation_id, total_tokens = lines[0].split(" ")
        assert (hello, total_tokens) == ("Hello", "0")
        assert lines[1:] == [
            "And then?",  # the streamed echo
            "user_preference string light",  # the app's variables, at their defaults
            "visits number 0",
            "api_token secret ",
            "profile object {}",
        ]
        with ChatflowClient(
            api_key=details["api_key"], base_url=details["base_url"], user="abc-123"
        ) as client:
            assert client.variables.get(conversation_id, "user_preference").value == "dark"
            history = client.messages.list(conversation_id)
            assert [m.answer for m in history] == ["Hello", "And then?"]


def test_serve_gives_every_new_conversation_the_apps_variables_and_streams_word_by_word() -> None:
    with (
        serving() as details,
        ChatflowClient(
            api_key=details["api_key"], base_url=details["base_url"], user="someone-new"
        ) as client,
    ):
        first = client.chat.send("one").conversation_id
        with client.chat.stream("streamed word by word") as stream:
            deltas = list(stream.text_deltas())
        second = stream.final_reply().conversation_id
        assert deltas == ["streamed ", "word ", "by ", "word"]
        for conversation_id in (first, second):
            names = [var.name for var in client.variables.list(conversation_id)]
            assert names == ["user_preference", "visits", "api_token", "profile"]


def test_the_readme_human_input_responder_runs_as_written(repo_root: Path) -> None:
    code = readme_python_block(
        repo_root, "Testing your code against an embedded server", "yield HumanInput("
    )
    result = run_python("-c", code, env=cli_environment())
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Deploying needs an approval. You chose approve: ship it\n"


@pytest.mark.parametrize("disconnect", ["cancelled", "closed"])
def test_the_readme_relay_stops_the_turn_when_the_browser_goes_away(
    repo_root: Path, monkeypatch: pytest.MonkeyPatch, disconnect: str
) -> None:
    code = readme_python_block(repo_root, "Relaying a stream to a browser", "async def relay(")
    release = threading.Event()

    def respond(query: str, inputs: Any, conversation: Any) -> Any:
        yield "first part "
        release.wait(20)  # the turn runs on, bounded, until the test has seen the stop
        yield "second part"

    with DifyTestServer(api_key=API_KEY) as server:
        server.add_app(API_KEY, responder=respond)
        monkeypatch.setenv("DIFY_API_KEY", API_KEY)
        monkeypatch.setenv("DIFY_BASE_URL", server.base_url)
        recipe: dict[str, Any] = {}
        exec(compile(code, "README.md", "exec"), recipe)
        sent: list[dict[str, Any]] = []

        async def browser_leaves() -> None:
            relay = recipe["relay"]("Hi", USER)
            if disconnect == "cancelled":  # Starlette cancels the response on a disconnect
                async with anyio.create_task_group() as response:

                    async def respond_to_the_browser() -> None:
                        async for chunk in relay:
                            sent.append(json.loads(chunk.removeprefix("data: ")))
                            if sent[-1]["event"] == "message":
                                response.cancel_scope.cancel()

                    response.start_soon(respond_to_the_browser)
            else:  # or leaves the generator at its yield, to be closed
                async for chunk in relay:
                    sent.append(json.loads(chunk.removeprefix("data: ")))
                    if sent[-1]["event"] == "message":
                        break
                await relay.aclose()
            await recipe["client"].close()

        try:
            asyncio.run(browser_leaves())
            stops = [r for r in server.requests if r.path.endswith("/stop")]
        finally:
            release.set()
        task_id = sent[-1]["task_id"]
        assert [(r.path, r.json) for r in stops] == [
            (f"/v1/chat-messages/{task_id}/stop", {"user": USER})
        ]
        (run_id,) = [e["workflow_run_id"] for e in sent if e["event"] == "workflow_started"]
        wait_for(lambda: server.workflow_run(run_id).status == "stopped")
