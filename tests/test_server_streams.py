"""Stream faults, stopping a running turn and clients that hang up, in both dialects."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer, Fault
from server_support import DIALECTS, KEY, USER, OpenStream, chat, raw, wait_for

STREAM_BODY = {"query": "hi", "inputs": {}, "user": USER, "response_mode": "streaming"}


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        yield started


def many_chunks(count: int):
    def responder(query, inputs, conversation):
        for index in range(count):
            yield f"t{index} "

    return responder


def test_cut_stream_closes_the_connection_after_n_events(server):
    server.inject_fault(Fault.cut_stream(after_events=3), route="chat")
    response = chat(server.port)
    assert response.status == 200
    assert not response.complete  # no terminal chunk: the connection was cut
    assert len(response.events()) == 3
    assert server.pending_faults == 0
    assert chat(server.port).complete  # the fault was used up


def test_stream_error_sends_an_error_event_after_n_events(server):
    fault = Fault.stream_error(
        code="completion_request_error", message="model down", status=400, after_events=2
    )
    server.inject_fault(fault, route="chat")
    response = chat(server.port)
    assert response.status == 200
    assert response.complete
    events = response.events()
    assert len(events) == 3
    error = events[-1]
    assert (error["event"], error["code"], error["message"], error["status"]) == (
        "error",
        "completion_request_error",
        "model down",
        400,
    )
    assert "task_id" not in error
    assert error["conversation_id"] == events[0]["conversation_id"]


def test_a_blocking_turn_answers_with_the_error_its_stream_would_carry(server):
    fault = Fault.stream_error(code="completion_request_error", message="model down", status=400)
    server.inject_fault(fault, route="chat")
    response = chat(server.port, streaming=False)
    assert response.status == 400
    assert response.json() == {
        "code": "completion_request_error",
        "message": "model down",
        "status": 400,
    }
    assert server.pending_faults == 0  # used by this turn, not left for a later stream
    assert chat(server.port).complete


@pytest.mark.parametrize(
    ("dialect", "eighth_event", "status"),
    [("1.10", "message_end", 400), ("1.16", "workflow_finished", 200)],
)
def test_a_blocking_turn_meets_the_error_only_before_message_end(dialect, eighth_event, status):
    # A blocking answer is complete at message_end and reads no further: an error that
    # takes the 8th event's place counts on 1.10 only.
    with DifyTestServer(api_key=KEY, dialect=dialect) as server:
        events = [e["event"] for e in chat(server.port).events()]
        assert events[7] == eighth_event
        fault = Fault.stream_error(code="invalid_param", message="late", status=400, after_events=7)
        server.inject_fault(fault, route="chat")
        response = chat(server.port, streaming=False)
        assert response.status == status
        assert server.pending_faults == 0


def test_a_blocking_turn_answers_a_500_stream_error_as_werkzeugs_internal_server_error(server):
    server.inject_fault(Fault.stream_error(message="ignored by the controller"), route="chat")
    response = chat(server.port, streaming=False)
    assert response.status == 500
    assert response.json() == {
        "code": "internal_server_error",
        "message": "The server encountered an internal error and was unable to complete your "
        "request. Either the server is overloaded or there is an error in the application.",
        "status": 500,
    }


def test_no_terminal_event_ends_cleanly_without_the_endings(server):
    server.inject_fault(Fault.no_terminal_event(), route="chat")
    response = chat(server.port)
    assert response.complete
    names = [e["event"] for e in response.events()]
    assert "message" in names
    assert "workflow_finished" not in names
    assert "message_end" not in names


def test_slow_events_leave_room_for_pings():
    with DifyTestServer(api_key=KEY, ping_interval=0.02) as server:
        server.inject_fault(Fault.slow_events(seconds=0.05), route="chat")
        blocks = chat(server.port).blocks()
    pings_after_open = [b for b in blocks[1:] if b == "event: ping"]
    assert pings_after_open  # the gaps between events were longer than the ping interval


def test_stream_faults_wait_for_a_streaming_turn(server):
    server.inject_fault(Fault.cut_stream(after_events=1), route="chat")
    assert chat(server.port, streaming=False).status == 200  # blocking: not affected
    assert server.pending_faults == 1
    assert not chat(server.port).complete


def test_request_faults_aim_at_one_family(server):
    server.inject_fault(Fault.unavailable(retry_after=1), route="conversations")
    assert chat(server.port).status == 200
    listed = raw(server.port, "GET", f"/conversations?user={USER}")
    assert (listed.status, listed.header("retry-after")) == (503, "1")
    assert raw(server.port, "GET", f"/conversations?user={USER}").status == 200
    server.inject_fault(Fault.rate_limited(retry_after=2), route="chat")
    assert chat(server.port).status == 429
    server.inject_fault(Fault.drop(), route="app")
    with pytest.raises((IndexError, ValueError)):
        raw(server.port, "GET", "/info")  # closed without an answer


def test_stop_during_a_slow_stream_ends_it_with_the_stopped_ending(server):
    server.add_app(KEY, responder=many_chunks(50))
    server.inject_fault(Fault.slow_events(seconds=0.05), route="chat")
    with OpenStream(server.port, STREAM_BODY) as stream:
        first = stream.event()
        while first["event"] != "message":
            first = stream.event()
        stopped = raw(
            server.port, "POST", f"/chat-messages/{first['task_id']}/stop", {"user": USER}
        )
        assert stopped.json() == {"result": "success"}
        rest = []
        while (data := stream.chunk()) != b"":
            if data.startswith(b"data: "):
                import json

                rest.append(json.loads(data[6:]))
    names = [e["event"] for e in rest]
    expected = ["message_end", "workflow_finished"]
    if server.dialect == "1.10":
        expected.reverse()
    assert names[-2:] == expected
    finished = next(e for e in rest if e["event"] == "workflow_finished")
    assert finished["data"]["status"] == "stopped"
    messages = sum(1 for e in rest if e["event"] == "message")
    assert messages < 49  # it ended early
    message = server.messages(first["conversation_id"])[0]
    wait_for(lambda: server.messages(first["conversation_id"])[0].answer)
    assert server.messages(first["conversation_id"])[0].answer.startswith("t0 ")
    assert message.id == first["message_id"]


def test_another_users_stop_does_not_stop_the_turn(server):
    release = threading.Event()

    def responder(query, inputs, conversation):
        yield "a"
        release.wait(5)
        yield "b"

    server.add_app(KEY, responder=responder)
    with OpenStream(server.port, STREAM_BODY) as stream:
        event = stream.event()
        raw(server.port, "POST", f"/chat-messages/{event['task_id']}/stop", {"user": "other"})
        release.set()
        events = []
        while True:
            try:
                events.append(stream.event())
            except EOFError:
                break
    finished = next(e for e in events if e["event"] == "workflow_finished")
    assert finished["data"]["status"] == "succeeded"


def test_a_client_that_hangs_up_leaves_the_run_succeeded(server):
    release = threading.Event()

    def responder(query, inputs, conversation):
        yield "first "
        release.wait(5)
        yield "second"

    server.add_app(KEY, responder=responder)
    with OpenStream(server.port, STREAM_BODY) as stream:
        event = stream.event()
        while event["event"] != "message":
            event = stream.event()
    time.sleep(0.2)  # let the server notice the hang-up before the turn goes on
    release.set()  # the client is gone; the run goes on
    conv_id = event["conversation_id"]
    run_id = server.messages(conv_id)[0].workflow_run_id
    wait_for(
        lambda: raw(server.port, "GET", f"/workflows/run/{run_id}").json()["status"] != "running"
    )
    run = raw(server.port, "GET", f"/workflows/run/{run_id}").json()
    assert run["status"] == "succeeded"
    assert server.workflow_run(run_id).outputs == {"answer": "first second", "files": []}
    answer = server.messages(conv_id)[0].answer
    if server.dialect == "1.10":
        assert run["outputs"] == '{"answer": "first second", "files": []}'
        assert answer == ""  # 1.10 saves the answer only through the stream
    else:
        assert run["outputs"] == {"answer": "first second", "files": []}
        assert answer == "first second"  # 1.16 loses nothing


def test_a_cut_stream_on_1_10_keeps_an_empty_answer():
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        server.inject_fault(Fault.cut_stream(after_events=2), route="chat")
        response = chat(server.port)
        conv_id = response.events()[0]["conversation_id"]
        wait_for(
            lambda: (
                server.messages(conv_id)
                and raw(
                    server.port,
                    "GET",
                    f"/workflows/run/{server.messages(conv_id)[0].workflow_run_id}",
                ).json()["status"]
                == "succeeded"
            )
        )
        assert server.messages(conv_id)[0].answer == ""


def test_fault_validation():
    with pytest.raises(ValueError):
        Fault.cut_stream(after_events=-1)
    with pytest.raises(ValueError):
        Fault.stream_error(status=42)
    with pytest.raises(ValueError):
        Fault.slow_events(seconds=-1)
    with DifyTestServer() as server, pytest.raises(ValueError):
        server.inject_fault(Fault.drop(), route="nowhere")


def test_a_delayed_stream_then_a_pipelined_request_answer_in_order(server):
    server.inject_fault(Fault.delay(0.05), route="chat")
    body = json.dumps(STREAM_BODY).encode()
    stream_request = (
        f"POST /v1/chat-messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    info_request = (
        f"GET /v1/info HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall(stream_request + info_request)  # pipelined on one connection
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    stream_end = data.index(b"\r\n0\r\n\r\n")
    second = data.index(b"HTTP/1.1 200", 1)
    assert stream_end < second  # the stream ends before the next answer starts
    assert b'"event":"workflow_finished"' in data[:stream_end]
    assert b'"mode": "advanced-chat"' in data[second:]
