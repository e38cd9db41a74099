"""``dify-chatflow forms`` and a ``chat`` that pauses, run in a subprocess against the
embedded server (1.16 dialect)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from cli_support import API_KEY, assert_key_not_echoed, assert_one_line_error, run_cli
from dify_chatflow.testing import DifyTestServer, HumanInput
from server_support import wait_for


def approval(query, inputs, conversation):
    yield "Checking. "
    answer = yield HumanInput(
        "Deploy **v2** to prod?",
        actions=["approve", {"id": "reject", "title": "No"}],
        inputs=["comment"],
    )
    yield f"You chose {answer.action}: {answer.inputs['comment']}"


@pytest.fixture
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY, dialect="1.16") as running:
        running.add_app(API_KEY, responder=approval)
        yield running


def token_of(stderr: str) -> str:
    found = re.search(r"form token: (\S+)\)", stderr)
    assert found, stderr
    return found.group(1)


@pytest.mark.parametrize("mode", [[], ["--blocking"]])
def test_chat_prints_the_form_when_the_run_pauses_and_exits_0(server, mode):
    result = run_cli("chat", "deploy v2?", *mode, server=server)
    assert result.returncode == 0, result.stderr
    assert "Deploy **v2** to prod?" in result.stdout
    assert "input  comment (paragraph, required)" in result.stdout
    assert "action approve (Approve)" in result.stdout
    assert "action reject (No)" in result.stdout
    token = token_of(result.stderr)
    assert f"dify-chatflow forms submit {token} --action ID" in result.stderr
    assert "conversation: " in result.stderr
    assert "Traceback" not in result.stderr
    assert_key_not_echoed(result)


def test_chat_json_keeps_stdout_to_the_events_and_names_the_token(server):
    result = run_cli("chat", "deploy v2?", "--json", server=server)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    required = next(e for e in events if e["event"] == "human_input_required")
    assert token_of(result.stderr) == required["data"]["form_token"]


def test_forms_show_prints_the_form(server):
    token = token_of(run_cli("chat", "deploy?", server=server).stderr)
    shown = run_cli("forms", "show", token, server=server)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Deploy **v2** to prod?\n")
    assert "  action approve (Approve)\n" in shown.stdout
    assert re.search(r"  expires \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n", shown.stdout)
    as_json = run_cli("forms", "show", token, "--json", server=server)
    (form,) = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert form["form_token"] == token
    assert [a["id"] for a in form["actions"]] == ["approve", "reject"]


def test_forms_submit_lets_the_run_go_on(server):
    chat = run_cli("chat", "deploy?", server=server)
    token = token_of(chat.stderr)
    conversation = chat.stderr.rsplit("conversation: ", 1)[1].strip()
    result = run_cli(
        "forms", "submit", token, "--action", "approve", "--input", "comment=ship it", server=server
    )
    assert result.returncode == 0, result.stderr
    assert "submitted" in result.stdout
    wait_for(lambda: server.messages(conversation)[0].status == "normal")
    assert server.messages(conversation)[0].answer == "Checking. You chose approve: ship it"


def test_a_wrong_action_or_missing_input_exits_2_before_submitting(server):
    token = token_of(run_cli("chat", "deploy?", server=server).stderr)
    wrong = run_cli("forms", "submit", token, "--action", "maybe", server=server)
    assert "'maybe' is not one of this form's actions: approve, reject" in assert_one_line_error(
        wrong, 2
    )
    missing = run_cli("forms", "submit", token, "--action", "approve", server=server)
    assert "'comment' is required" in assert_one_line_error(missing, 2)
    assert not any(r.method == "POST" and "/form/" in r.path for r in server.requests)
    unchecked = run_cli("forms", "submit", token, "--action", "maybe", "--no-check", server=server)
    assert "400 invalid_form_data" in assert_one_line_error(unchecked, 1)


def test_a_second_submit_and_an_unknown_token_exit_1(server):
    token = token_of(run_cli("chat", "deploy?", server=server).stderr)
    args = ("forms", "submit", token, "--action", "approve", "--input", "comment=ok")
    assert run_cli(*args, server=server).returncode == 0
    again = run_cli(*args, "--no-check", server=server)
    assert "412 human_input_form_submitted" in assert_one_line_error(again, 1)
    unknown = run_cli("forms", "show", "no-such-token", server=server)
    assert "404 not_found: Form not found." in assert_one_line_error(unknown, 1)


def test_a_malformed_input_option_exits_2_before_any_request(server):
    args = ("forms", "submit", "tok", "--action", "ok", "--input", "comment")
    result = run_cli(*args, server=server)
    assert "--input takes NAME=VALUE" in assert_one_line_error(result, 2)
    assert server.requests == []
