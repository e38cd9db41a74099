"""``dify-chatflow chat``, run in a subprocess against the embedded server."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    API_KEY,
    USER,
    assert_key_not_echoed,
    assert_one_line_error,
    cli_environment,
    console_script,
    json_lines,
    run_cli,
)
from dify_chatflow.testing import DifyTestServer, Fault
from server_support import wait_for


@pytest.fixture(params=["1.10", "1.16"])
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY, dialect=request.param) as running:
        yield running


def conversation_line(stderr: str) -> str:
    """The conversation id the command printed on stderr."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    label, _, value = lines[0].partition(": ")
    assert label == "conversation", stderr
    return str(uuid.UUID(value))


def chat_posts(server: DifyTestServer) -> int:
    return sum(1 for r in server.requests if r.path == "/v1/chat-messages")


@contextlib.contextmanager
def chat_process(server: DifyTestServer, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    """``dify-chatflow chat`` running against ``server``; killed if the test leaves it
    running."""
    process = subprocess.Popen(
        [console_script(), "chat", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_environment(server),
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)


@pytest.fixture
def slow_answer(server: DifyTestServer) -> Iterator[threading.Event]:
    """The server's app answers "first part ", then waits for the test (bounded) before
    the rest: a turn the server is still running when the command is interrupted."""
    release = threading.Event()

    def respond(query: str, inputs: Any, conversation: Any) -> Any:
        yield "first part "
        release.wait(20)
        yield "second part"

    server.add_app(API_KEY, responder=respond)
    yield release
    release.set()


def read_the_first_part(process: subprocess.Popen[bytes]) -> None:
    """Return once the command printed the answer's first part: the turn streams, and its
    task id came with the events before it."""
    assert process.stdout is not None
    assert process.stdout.read(len(b"first part ")) == b"first part "


def test_prints_the_answer_then_the_conversation_on_stderr(server: DifyTestServer) -> None:
    server.add_app(API_KEY, responder=lambda q, i, c: iter(["Hello", ", ", "world"]))

    result = run_cli("chat", "Hi there", server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "Hello, world\n"
    conversation = conversation_line(result.stderr)
    assert [m.query for m in server.messages(conversation)] == ["Hi there"]
    assert_key_not_echoed(result)


def test_continues_a_conversation(server: DifyTestServer) -> None:
    first = run_cli("chat", "one", server=server)
    conversation = conversation_line(first.stderr)

    second = run_cli("chat", "two", "--conversation", conversation, server=server)

    assert second.returncode == 0, second.stderr
    assert second.stdout == "two\n"
    assert conversation_line(second.stderr) == conversation
    assert [m.query for m in server.messages(conversation)] == ["one", "two"]


def test_json_prints_every_event_as_a_json_line(server: DifyTestServer) -> None:
    result = run_cli("chat", "Hi", "--json", server=server)

    assert result.returncode == 0, result.stderr
    events = json_lines(result.stdout)
    names = [event["event"] for event in events]
    assert names[0] == ("ping" if server.dialect == "1.16" else "workflow_started")
    assert {"workflow_started", "message", "node_finished", "message_end"} <= set(names)
    assert names[-1] == ("workflow_finished" if server.dialect == "1.16" else "message_end")
    assert [e["answer"] for e in events if e["event"] == "message"] == ["Hi"]
    conversation = conversation_line(result.stderr)
    assert {e["conversation_id"] for e in events if "conversation_id" in e} == {conversation}


def test_blocking_prints_the_whole_answer(server: DifyTestServer) -> None:
    result = run_cli("chat", "Hi", "--blocking", server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "Hi\n"
    conversation = conversation_line(result.stderr)
    sent = [r.json for r in server.requests if r.path == "/v1/chat-messages"]
    assert [body["response_mode"] for body in sent] == ["blocking"]  # type: ignore[index]
    assert server.messages(conversation)[0].answer == "Hi"


def test_blocking_json_prints_the_reply_as_one_object(server: DifyTestServer) -> None:
    result = run_cli("chat", "Hi", "--blocking", "--json", server=server)

    assert result.returncode == 0, result.stderr
    (reply,) = json_lines(result.stdout)
    assert reply["answer"] == "Hi"
    assert reply["conversation_id"] == conversation_line(result.stderr)
    assert reply["usage"]["currency"] == "USD"


def test_inputs_and_files_go_with_the_message(server: DifyTestServer, tmp_path: Path) -> None:
    form = [{"text-input": {"variable": "city", "label": "City", "required": True}}]
    server.add_app(API_KEY, user_input_form=form, file_upload=True)
    report = tmp_path / "report.txt"
    report.write_text("quarterly numbers\n")

    result = run_cli(
        "chat", "Read this", "--inputs", '{"city": "Lyon"}', "--file", str(report), server=server
    )

    assert result.returncode == 0, result.stderr
    conversation = conversation_line(result.stderr)
    (kept,) = [c for c in server.conversations(user=USER) if c.id == conversation]
    assert kept.inputs == {"city": "Lyon"}
    files = server.messages(conversation)[0].message_files
    assert [(f["filename"], f["type"]) for f in files] == [("report.txt", "document")]


def test_the_answer_is_printed_as_it_arrives(
    server: DifyTestServer, slow_answer: threading.Event
) -> None:
    with chat_process(server, "Hi") as process:
        read_the_first_part(process)  # while the server still holds the rest
        assert not slow_answer.is_set()
        slow_answer.set()
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert out == b"second part\n"
    assert err.decode().startswith("conversation: ")


def test_an_error_event_is_one_line_and_exit_1_after_the_answer_so_far(
    server: DifyTestServer,
) -> None:
    server.add_app(API_KEY, responder=lambda q, i, c: iter(["partial ", "answer"]))
    fault = Fault.stream_error(
        code="completion_request_error", message="Quota exceeded", status=400, after_events=3
    )
    server.inject_fault(fault, route="chat")

    result = run_cli("chat", "Hi", server=server)

    line = assert_one_line_error(result, 1)
    assert line.startswith("error: ")
    assert "completion_request_error" in line
    assert "Quota exceeded" in line
    assert result.stdout.endswith("\n")  # the answer's line is ended before the error


def test_a_cut_stream_is_one_line_and_exit_1(server: DifyTestServer) -> None:
    server.inject_fault(Fault.cut_stream(after_events=2), route="chat")

    result = run_cli("chat", "Hi", server=server)

    line = assert_one_line_error(result, 1)
    assert "no message_end" in line
    assert chat_posts(server) == 1  # not sent again


def test_a_stream_slower_than_timeout_is_one_line_and_exit_1(server: DifyTestServer) -> None:
    server.inject_fault(Fault.slow_events(seconds=1.0), route="chat")

    result = run_cli("chat", "Hi", "--timeout", "0.2", server=server)

    line = assert_one_line_error(result, 1)
    assert "no event arrived within the read timeout" in line


def test_a_server_refusal_is_one_line_and_exit_1(server: DifyTestServer) -> None:
    result = run_cli("chat", "Hi", "--conversation", str(uuid.uuid4()), server=server)

    line = assert_one_line_error(result, 1)
    assert "404" in line
    assert "Conversation Not Exists" in line


def test_a_wrong_key_is_exit_1_and_never_printed(server: DifyTestServer) -> None:
    result = run_cli("chat", "Hi", server=server, env={"DIFY_API_KEY": "app-wrong-key-77"})

    line = assert_one_line_error(result, 1)
    assert "401" in line
    assert "app-wrong-key-77" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--conversation", "nope"], "--conversation must be a conversation id"),
        (["--inputs", "{not json"], "--inputs must be a JSON object"),
        (["--inputs", "[1, 2]"], "--inputs must be a JSON object, got list"),
        (["--file", "/no/such/file.pdf"], "--file '/no/such/file.pdf' is not a readable file"),
        (["--timeout", "0"], "must be a number of seconds above 0"),
    ],
)
def test_bad_usage_is_exit_2_and_sends_nothing(
    server: DifyTestServer, arguments: list[str], says: str
) -> None:
    server.clear_requests()

    result = run_cli("chat", "Hi", *arguments, server=server)

    line = assert_one_line_error(result, 2)
    assert says in line
    assert server.requests == []


def test_an_empty_query_or_none_is_exit_2(server: DifyTestServer) -> None:
    empty = run_cli("chat", "", server=server)
    missing = run_cli("chat", server=server)

    assert "query must be a non-empty str" in assert_one_line_error(empty, 2)
    assert "QUERY" in assert_one_line_error(missing, 2)
    assert server.requests == []


def test_message_replace_is_shown(tmp_path: Path) -> None:
    from test_streaming import TASK, TURN, ScriptServer, message, message_end, sse

    script = ScriptServer()
    try:
        replace = sse(
            {"event": "message_replace", **TURN, "task_id": TASK, "answer": "[removed]"}
            | {"reason": "moderation"}
        )
        script.scripts["/v1/chat-messages"] = [message("bad words"), replace, message_end()]
        env = {
            "DIFY_API_KEY": API_KEY,
            "DIFY_BASE_URL": f"{script.base_url}/v1",
            "DIFY_USER": USER,
        }

        result = run_cli("chat", "Hi", env=env)
    finally:
        script.stop()

    assert result.returncode == 0, result.stderr
    assert result.stdout == "bad words\n[the answer was replaced: moderation]\n[removed]\n"


def test_a_run_paused_for_human_input_says_so(server: DifyTestServer) -> None:
    if server.dialect != "1.16":
        pytest.skip("human input pauses runs from Dify 1.14 on")
    from dify_chatflow.testing import HumanInput

    def respond(query: str, inputs: Any, conversation: Any) -> Any:
        yield "Let me check. "
        yield HumanInput(form_content="Approve the refund?", node_id="approval")
        yield "Approved."

    server.add_app(API_KEY, responder=respond)

    result = run_cli("chat", "Refund me", server=server)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "Let me check. \n\nApprove the refund?\n  action approve (Approve)\n"
    )
    paused, submit, conversation = result.stderr.splitlines()
    assert paused.startswith("paused: the run waits for human input (form token: ")
    assert submit.startswith("submit it: dify-chatflow forms submit ")
    assert conversation_line(conversation) in {c.id for c in server.conversations(user=USER)}


# -- Ctrl-C ---------------------------------------------------------------------------------


def stop_requests(server: DifyTestServer) -> list[Any]:
    return [r for r in server.requests if r.path.endswith("/stop")]


def test_ctrl_c_stops_the_turn_prints_the_conversation_and_exits_130(
    server: DifyTestServer, slow_answer: threading.Event
) -> None:
    with chat_process(server, "Hi") as process:
        read_the_first_part(process)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)

    assert process.returncode == 130, err
    assert out == b"\n", err  # the answer's line ended
    (conversation,) = server.conversations(user=USER)
    (message,) = server.messages(conversation.id)
    assert err.decode().splitlines() == [
        f"interrupted: stopping the turn (task {message.task_id})",
        f"conversation: {conversation.id}",
    ]
    stops = stop_requests(server)
    assert [(r.path, r.json) for r in stops] == [
        (f"/v1/chat-messages/{message.task_id}/stop", {"user": USER})
    ]
    slow_answer.set()  # the turn goes on to its next piece, and sees the stop there
    wait_for(lambda: server.workflow_run(message.workflow_run_id).status == "stopped")


@pytest.mark.parametrize("mode", [(), ("--blocking",)], ids=["streaming", "blocking"])
def test_ctrl_c_before_the_task_id_came_sends_no_stop_and_exits_130(
    server: DifyTestServer, mode: tuple[str, ...]
) -> None:
    server.inject_fault(Fault.delay(30), route="chat")  # no answer yet: no task id
    with chat_process(server, "Hi", *mode) as process:
        wait_for(lambda: chat_posts(server) == 1, timeout=30)  # the message is at the server
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)

    assert process.returncode == 130, err
    assert out == b""
    assert err == b"interrupted before the server named the turn's task: no stop request sent\n"
    assert stop_requests(server) == []


def test_a_second_ctrl_c_while_stopping_exits_130_without_a_traceback(
    server: DifyTestServer, slow_answer: threading.Event
) -> None:
    with chat_process(server, "Hi") as process:
        read_the_first_part(process)
        server.inject_fault(Fault.delay(30), route="chat")  # the stop request: held
        process.send_signal(signal.SIGINT)
        wait_for(lambda: len(stop_requests(server)) == 1, timeout=30)  # it is under way
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)

    assert process.returncode == 130, err
    assert out == b"\n"
    lines = err.decode().splitlines()
    assert "Traceback" not in err.decode()
    (conversation,) = server.conversations(user=USER)
    assert lines == [lines[0], f"conversation: {conversation.id}", "interrupted"]
    assert lines[0].startswith("interrupted: stopping the turn (task ")
