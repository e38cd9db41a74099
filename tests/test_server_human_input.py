"""Human input on the 1.16 dialect: a turn pauses on a form, the form is fetched and
submitted, and the run resumes on GET /workflow/{run_id}/events."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from dify_chatflow.testing import DifyTestServer, HeldStream, HumanInput
from server_support import KEY, USER, chat, hint, raw, wait_for


def approval(query, inputs, conversation):
    yield "Checking. "
    answer = yield HumanInput(
        "Deploy **v2** to prod?",
        actions=["approve", {"id": "reject", "title": "No", "button_style": "accent"}],
        inputs=["comment"],
        node_title="Approval",
    )
    yield f"You chose {answer.action}: {answer.inputs['comment']}"


@pytest.fixture
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect="1.16", ping_interval=0.05) as started:
        started.add_app(KEY, responder=approval)
        yield started


def paused_turn(server: DifyTestServer) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    response = chat(server.port, "deploy v2?")
    assert (response.status, response.complete) == (200, True)
    events = response.events()
    return events, next(e for e in events if e["event"] == "human_input_required")


def follow(
    server: DifyTestServer, run_id: str, *, continue_on_pause: bool = False
) -> socket.socket:
    flag = "&continue_on_pause=true" if continue_on_pause else ""
    conn = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    conn.sendall(
        f"GET /v1/workflow/{run_id}/events?user={USER}{flag} HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {KEY}\r\nConnection: close\r\n\r\n".encode()
    )
    return conn


def data_events(data: bytes) -> list[dict[str, Any]]:
    """The ``data:`` events in raw chunked SSE bytes."""
    return [json.loads(found) for found in re.findall(rb"data: (.*?)\n\n", data)]


def read_until(conn: socket.socket, marker: bytes) -> bytes:
    data = b""
    while marker not in data:
        chunk = conn.recv(65536)
        assert chunk, "the server closed the connection"
        data += chunk
    return data


def read_past(conn: socket.socket, data: bytes, mark: bytes, then: bytes) -> bytes:
    """``data`` read on until ``then`` follows the first ``mark``."""
    while then not in data.partition(mark)[2]:
        chunk = conn.recv(65536)
        assert chunk, "the server closed the connection"
        data += chunk
    return data


PING_CHUNK = b"d\r\nevent: ping\n\n\r\n"
FINISHED = b'"event":"workflow_finished"'


def read_all(conn: socket.socket) -> bytes:
    data = b""
    while chunk := conn.recv(65536):
        data += chunk
    conn.close()
    return data


def test_a_turn_pauses_with_the_form_then_the_stream_closes(server):
    events, required = paused_turn(server)
    assert [e["event"] for e in events] == [
        "workflow_started",
        "message",
        "node_started",
        "node_finished",
        "node_started",
        "human_input_required",
        "workflow_paused",
    ]
    start, human = events[2]["data"], events[4]["data"]
    assert (start["node_type"], events[3]["data"]["node_type"]) == ("start", "start")
    assert (human["node_id"], human["node_type"], human["title"]) == (
        "human_input",
        "human-input",
        "Approval",
    )
    data = required["data"]
    assert list(data) == [
        "form_id",
        "node_id",
        "node_title",
        "form_content",
        "inputs",
        "actions",
        "display_in_ui",
        "form_token",
        "approval_channels",
        "resolved_default_values",
        "expiration_time",
    ]
    assert data["node_title"] == "Approval"
    assert data["approval_channels"] == ["console"]
    assert data["inputs"] == [
        {"output_variable_name": "comment", "type": "paragraph", "default": None}
    ]
    assert data["actions"] == [
        {"id": "approve", "title": "Approve", "button_style": "default"},
        {"id": "reject", "title": "No", "button_style": "accent"},
    ]
    paused = events[-1]["data"]
    assert (paused["status"], paused["workflow_run_id"]) == ("paused", events[0]["workflow_run_id"])
    assert paused["total_steps"] == 2  # the Start node and the human input node
    (reason,) = paused["reasons"]
    assert list(reason) == [
        "TYPE",
        "form_id",
        "form_content",
        "inputs",
        "actions",
        "node_id",
        "node_title",
        "resolved_default_values",
        "form_token",
        "approval_channels",
        "expiration_time",
    ]
    assert (reason["TYPE"], reason["form_token"]) == ("human_input_required", data["form_token"])
    history = raw(
        server.port, "GET", f"/messages?user={USER}&conversation_id={events[0]['conversation_id']}"
    ).json()["data"]
    assert history[0]["status"] == "normal"  # a paused turn's message is an ordinary one
    (content,) = history[0]["extra_contents"]
    assert (content["type"], content["submitted"], content["form_submission_data"]) == (
        "human_input",
        False,
        None,
    )
    assert content["form_definition"]["form_token"] == data["form_token"]


def test_form_tokens_are_22_letters_and_digits_as_dify_makes_them(server):
    # A token that began with "-" would read as an option on a command line.
    tokens = [paused_turn(server)[1]["data"]["form_token"] for _ in range(8)]
    assert all(re.fullmatch(r"[A-Za-z0-9]{22}", token) for token in tokens), tokens
    assert len(set(tokens)) == len(tokens)


def test_the_form_is_fetched_and_refusals_are_400_404_412(server):
    _, required = paused_turn(server)
    token = required["data"]["form_token"]
    url = f"/form/human_input/{token}"
    form = raw(server.port, "GET", url)
    assert form.status == 200
    assert list(form.json()) == [
        "form_content",
        "inputs",
        "resolved_default_values",
        "user_actions",
        "expiration_time",
    ]
    assert form.json()["form_content"] == "Deploy **v2** to prod?"
    wrong_action = raw(
        server.port, "POST", url, {"action": "maybe", "inputs": {"comment": "x"}, "user": USER}
    )
    assert (wrong_action.status, wrong_action.json()["code"]) == (400, "invalid_form_data")
    assert wrong_action.json()["message"] == "Invalid action: maybe"
    missing = raw(server.port, "POST", url, {"action": "approve", "inputs": {}, "user": USER})
    assert (missing.status, missing.json()["code"]) == (400, "invalid_form_data")
    assert missing.json()["message"] == "Missing required inputs: comment"
    no_user = raw(server.port, "POST", url, {"action": "approve", "inputs": {"comment": "go"}})
    assert (no_user.status, no_user.json()["message"]) == (400, "Arg user must be provided.")
    ok = raw(
        server.port, "POST", url, {"action": "approve", "inputs": {"comment": "go"}, "user": USER}
    )
    assert (ok.status, ok.json()) == (200, {})
    again = raw(
        server.port, "POST", url, {"action": "approve", "inputs": {"comment": "go"}, "user": USER}
    )
    assert (again.status, again.json()["code"]) == (412, "human_input_form_submitted")
    form_id = required["data"]["form_id"]
    submitted = f"This form has already been submitted by another user, form_id={form_id}"
    assert again.json()["message"] == submitted
    fetched_after = raw(server.port, "GET", url)
    assert (fetched_after.status, fetched_after.json()["message"]) == (412, submitted)
    unknown = raw(server.port, "GET", "/form/human_input/unknown-token")
    assert unknown.status == 404
    assert unknown.json()["message"] == "Form not found." + hint(
        "/v1/form/human_input/unknown-token",
        "/api/form/human_input/<string:form_token>/upload-token",
        "/v1/form/human_input/<string:form_token>",
        "/api/form/human_input/<string:form_token>",
    )


def test_events_opened_before_the_submit_stream_the_resumed_turn(server):
    events, required = paused_turn(server)
    run_id = events[0]["workflow_run_id"]
    conn = follow(server, run_id)
    first = read_until(conn, b"event: ping")  # the follower is open before the submit
    assert b"\r\nCache-Control: no-cache\r\n" in first.partition(b"\r\n\r\n")[0]
    token = required["data"]["form_token"]
    body = {"action": "reject", "inputs": {"comment": "not today"}, "user": USER}
    assert raw(server.port, "POST", f"/form/human_input/{token}", body).status == 200
    resumed = data_events(first + read_all(conn))
    names = [e["event"] for e in resumed]
    # the human input node runs on with the submission, then the Answer node
    assert names == [
        "workflow_started",
        "node_started",
        "message",
        "node_finished",
        "node_started",
        "node_finished",
        "message_end",
        "workflow_finished",
    ]
    assert resumed[0]["data"]["reason"] == "resumption"
    human = resumed[3]["data"]
    assert (human["node_type"], human["title"]) == ("human-input", "Approval")
    assert human["inputs"] == {"comment": {"value_type": "string", "value": "not today"}}
    assert human["outputs"] == {
        "comment": "not today",
        "__action_id": "reject",
        "__action_value": "No",
        "__rendered_content": "Deploy **v2** to prod?",
    }
    assert resumed[5]["data"]["node_type"] == "answer"
    finished = resumed[-1]
    assert finished["conversation_id"] == events[0]["conversation_id"]
    assert finished["data"]["total_steps"] == 4  # Start, human input (twice), Answer
    text = "".join(e["answer"] for e in resumed if e["event"] == "message")
    assert text == "You chose reject: not today"
    conv_id = events[0]["conversation_id"]
    wait_for(lambda: server.messages(conv_id)[0].answer.endswith("not today"))
    message = server.messages(conv_id)[0]
    assert message.answer == "Checking. You chose reject: not today"
    wait_for(lambda: raw(server.port, "GET", f"/workflows/run/{run_id}").json()["total_steps"] == 4)
    run = raw(server.port, "GET", f"/workflows/run/{run_id}").json()
    assert run["status"] == "succeeded"
    history = raw(server.port, "GET", f"/messages?user={USER}&conversation_id={conv_id}").json()
    (content,) = history["data"][0]["extra_contents"]
    assert (content["submitted"], content["form_definition"]["form_token"]) == (True, None)
    assert content["form_submission_data"] == {
        "node_id": "human_input",
        "node_title": "Approval",
        "rendered_content": "Deploy **v2** to prod?",
        "action_id": "reject",
        "action_text": "No",
        "submitted_data": {"comment": "not today"},
    }
    replay = raw(server.port, "GET", f"/workflow/{run_id}/events?user={USER}")
    assert replay.header("cache-control") == "no-cache"  # a run's events are never cached
    assert replay.chunks is not None
    (only,) = replay.chunks
    assert json.loads(only[6:])["event"] == "workflow_finished"


def test_events_follow_a_live_run_from_its_start(server):
    import threading

    release = threading.Event()

    def slow(query, inputs, conversation):
        yield "one "
        release.wait(5)
        yield "two"

    server.add_app(KEY, responder=slow)
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as stream:
        body = json.dumps({"query": "q", "inputs": {}, "user": USER, "response_mode": "streaming"})
        stream.sendall(
            f"POST /v1/chat-messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n{body}".encode()
        )
        seen = b""
        while b'"event":"message"' not in seen:
            seen += stream.recv(65536)
        run_id = seen.split(b'"workflow_run_id":"')[1][:36].decode()
        follower = follow(server, run_id)
        wait_for(lambda: len(server.requests) >= 2)
        release.set()
        data = read_all(follower)
    names = [
        json.loads(b[6:])["event"]
        for b in data.decode().split("\n\n")
        if b.startswith("data: ") or "\r\ndata: " in b
        for b in [b[b.index("data: ") :]]
    ]
    assert names[0] == "workflow_started"
    assert names[-1] == "workflow_finished"


def test_blocking_mode_answers_workflow_paused_with_the_answer_so_far(server):
    response = chat(server.port, "deploy?", streaming=False)
    assert response.status == 200
    body = response.json()
    assert (body["event"], body["answer"]) == ("workflow_paused", "Checking. ")
    assert body["metadata"]["usage"] is None  # no usage before the run ends
    data = body["data"]
    assert list(data) == [
        "id",
        "mode",
        "conversation_id",
        "message_id",
        "workflow_run_id",
        "answer",
        "metadata",
        "created_at",
        "paused_nodes",
        "reasons",
        "status",
        "elapsed_time",
        "total_tokens",
        "total_steps",
    ]
    assert (data["answer"], data["metadata"]["usage"], data["total_steps"]) == (
        "Checking. ",
        None,
        2,
    )
    run = raw(server.port, "GET", f"/workflows/run/{data['workflow_run_id']}").json()
    assert (run["status"], run["outputs"], run["total_steps"]) == ("paused", {}, 2)
    token = data["reasons"][0]["form_token"]
    form = raw(server.port, "GET", f"/form/human_input/{token}")
    assert form.status == 200


def test_human_input_needs_the_1_16_dialect():
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        server.add_app(KEY, responder=approval)
        events = chat(server.port).events()
        assert events[-1]["event"] == "error"
        assert "1.16" in events[-1]["message"]
        assert raw(server.port, "GET", "/form/human_input/x").status == 404


def two_approvals(query, inputs, conversation):
    first = yield HumanInput("Step one?", actions=["ok"])
    yield f"one:{first.action} "
    second = yield HumanInput("Step two?", actions=["ok"])
    yield f"two:{second.action}"


@pytest.mark.parametrize("continue_on_pause", [False, True])
def test_continue_on_pause_follows_on_through_later_pauses(server, continue_on_pause):
    server.add_app(KEY, responder=two_approvals)
    body = chat(server.port, "go", streaming=False).json()
    run_id, token = body["workflow_run_id"], body["data"]["reasons"][0]["form_token"]
    conn = follow(server, run_id, continue_on_pause=continue_on_pause)
    received = read_until(conn, b"event: ping")
    submit = {"action": "ok", "inputs": {}, "user": USER}
    assert raw(server.port, "POST", f"/form/human_input/{token}", submit).status == 200
    received += read_until(conn, b'"event":"workflow_paused"')
    second = [e for e in data_events(received) if e["event"] == "human_input_required"]
    second_token = second[0]["data"]["form_token"]
    assert raw(server.port, "POST", f"/form/human_input/{second_token}", submit).status == 200
    if continue_on_pause:
        received = read_past(conn, received, FINISHED, b"event: ping")
        conn.close()
    else:
        received += read_all(conn)
    names = [e["event"] for e in data_events(received)]
    if continue_on_pause:
        assert names.count("workflow_started") == 2  # both resumptions
        assert names[-1] == "workflow_finished"
    else:
        assert names.count("workflow_started") == 1  # ends at the next pause
        assert names[-1] == "workflow_paused"


def resumed_run_followed(
    server: DifyTestServer, *, continue_on_pause: bool
) -> tuple[str, socket.socket, bytes]:
    """A paused turn's run followed from before its form's submit (so the run is live
    while followed): the run id, the open connection and what it sent up to the end of
    the submit."""
    events, required = paused_turn(server)
    run_id = events[0]["workflow_run_id"]
    conn = follow(server, run_id, continue_on_pause=continue_on_pause)
    received = read_until(conn, b"event: ping")
    body = {"action": "approve", "inputs": {"comment": "ok"}, "user": USER}
    token = required["data"]["form_token"]
    assert raw(server.port, "POST", f"/form/human_input/{token}", body).status == 200
    return run_id, conn, received


def test_with_continue_on_pause_a_finished_runs_stream_stays_open_pinging(server):
    run_id, conn, received = resumed_run_followed(server, continue_on_pause=True)
    with conn:
        received = read_past(conn, received, FINISHED, PING_CHUNK + PING_CHUNK)
        wait_for(lambda: server.held_streams)
        assert server.held_streams == [HeldStream(run_id, ended_by=None)]
    wait_for(lambda: server.held_streams[0].ended_by is not None)
    assert server.held_streams == [HeldStream(run_id, ended_by="client")]
    after = received.partition(FINISHED)[2].partition(b"\r\n")[2]  # past the event's chunk
    assert after.replace(PING_CHUNK, b"") == b""  # nothing but pings after the run's end
    resumed = data_events(received)
    assert [e["event"] for e in resumed][-2:] == ["message_end", "workflow_finished"]
    assert resumed[-1]["data"]["outputs"] == {
        "answer": "Checking. You chose approve: ok",
        "files": [],
    }


def test_without_continue_on_pause_a_followed_run_closes_after_workflow_finished(server):
    _, conn, received = resumed_run_followed(server, continue_on_pause=False)
    received += read_all(conn)
    assert received.endswith(b"0\r\n\r\n")
    assert [e["event"] for e in data_events(received)][-1] == "workflow_finished"
    assert server.held_streams == []


def test_a_held_stream_ends_after_the_idle_timeout():
    with DifyTestServer(
        api_key=KEY, dialect="1.16", ping_interval=0.05, events_idle_timeout=0.3
    ) as server:
        server.add_app(KEY, responder=approval)
        run_id, conn, received = resumed_run_followed(server, continue_on_pause=True)
        received += read_all(conn)  # the server ends it
        assert received.endswith(b"0\r\n\r\n")
        assert FINISHED in received
        assert server.held_streams == [HeldStream(run_id, ended_by="server")]


@pytest.mark.parametrize("continue_on_pause", [True, False])
def test_message_end_may_follow_workflow_finished(continue_on_pause):
    with DifyTestServer(
        api_key=KEY, dialect="1.16", ping_interval=0.05, message_end_after_workflow_finished=True
    ) as server:
        server.add_app(KEY, responder=approval)
        _, conn, received = resumed_run_followed(server, continue_on_pause=continue_on_pause)
        if continue_on_pause:
            with conn:
                received = read_past(conn, received, FINISHED, b"event: ping")
        else:
            received += read_all(conn)
    names = [e["event"] for e in data_events(received)]
    if continue_on_pause:
        assert names[-2:] == ["workflow_finished", "message_end"]
    else:  # the stream ends at workflow_finished, before the message_end
        assert names[-1] == "workflow_finished"
        assert "message_end" not in names


def test_a_default_is_the_nodes_source_object_and_every_input_stays_required(server):
    def with_defaults(query, inputs, conversation):
        answer = yield HumanInput(
            "Ship it?",
            actions=["ship"],
            inputs=[
                {"output_variable_name": "note", "default": "LGTM"},
                {
                    "output_variable_name": "owner",
                    "default": {"type": "variable", "selector": ["sys", "user_id"], "value": ""},
                },
            ],
            resolved_default_values={"owner": USER},
        )
        yield f"{answer.inputs}"

    server.add_app(KEY, responder=with_defaults)
    _, required = paused_turn(server)
    data = required["data"]
    assert [item["default"] for item in data["inputs"]] == [
        {"type": "constant", "selector": [], "value": "LGTM"},
        {"type": "variable", "selector": ["sys", "user_id"], "value": ""},
    ]
    assert data["resolved_default_values"] == {"owner": USER}
    url = f"/form/human_input/{data['form_token']}"
    assert raw(server.port, "GET", url).json()["resolved_default_values"] == {"owner": USER}
    missing = raw(server.port, "POST", url, {"action": "ship", "inputs": {}, "user": USER})
    assert (missing.status, missing.json()["message"]) == (
        400,
        "Missing required inputs: note, owner",
    )
