"""stream.stop(): the turn is stopped on the server (the stop request names the stream's
task and user) and the stream closed, on sync, async and aiohttp-backed clients; chat
streams, resumed streams and a followed run's events."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from chat_support import eventually, wait_open_connections
from client_support import API_KEY, USER
from dify_chatflow import BadRequestError, ChatEvent, MessageEvent, StreamInterruptedError
from dify_chatflow.testing import DifyTestServer, Fault
from human_support import Gate, two_parts
from resource_support import Driver, chat

#: Read no event before stopping.
AT_ONCE: Callable[[ChatEvent], bool] | None = None


def first_message(event: ChatEvent) -> bool:
    return isinstance(event, MessageEvent)


def never(event: ChatEvent) -> bool:
    return False


@dataclass
class Stopped:
    """What a stream stopped by :func:`read_then_stop` gave: the events read, the stream."""

    events: list[ChatEvent] = field(default_factory=list)
    stream: Any = None


def read_then_stop(
    driver: Driver,
    opened: Any,
    until: Callable[[ChatEvent], bool] | None,
    seen: Stopped | None = None,
) -> Stopped:
    """Open a stream (sync) or enter a stream manager (async), read events until one for
    which ``until`` is true (``None``: none at all), then ``stop()`` it inside the ``with``
    block. What it gave goes to ``seen`` as it comes (so it is there when stop raises)."""
    seen = Stopped() if seen is None else seen
    if driver.loop is None:
        with opened as stream:
            seen.stream = stream
            if until is not None:
                for event in stream:
                    seen.events.append(event)
                    if until(event):
                        break
            stream.stop()
        return seen

    async def go() -> Stopped:
        async with opened as stream:
            seen.stream = stream
            if until is not None:
                async for event in stream:
                    seen.events.append(event)
                    if until(event):
                        break
            await stream.stop()
        return seen

    return driver.loop.run_until_complete(go())


def stop_requests(server: DifyTestServer) -> list[Any]:
    return [r for r in server.requests if r.path.endswith("/stop")]


@pytest.fixture
def gate() -> Any:
    """Holds the turn after its first two pieces of text until the test ends (bounded)."""
    held = Gate()
    yield held
    held.open()


def test_stop_mid_stream_stops_the_turn_and_releases_the_connection(server, driver, gate):
    server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(server)

    stream = read_then_stop(
        driver, client.chat.stream("count", user="visitor-9"), first_message
    ).stream

    assert stream.response.is_closed
    task_id = stream.task_id
    assert task_id is not None
    stops = stop_requests(server)
    assert [(r.method, r.path) for r in stops] == [("POST", f"/v1/chat-messages/{task_id}/stop")]
    assert stops[0].json == {"user": "visitor-9"}  # the stream's user, not the client's
    # The half-read stream's connection is dropped; only the stop's stays in the pool.
    assert wait_open_connections(server, 1) == 1
    gate.open()  # the turn goes on to its next piece of text, and sees the stop there
    run_id = str(stream.workflow_run_id)
    assert eventually(lambda: server.workflow_run(run_id).status == "stopped")
    assert "three" not in server.workflow_run(run_id).outputs["answer"]
    with pytest.raises(StreamInterruptedError, match="closed"):
        driver.run(stream.final_reply())
    # The client goes on as before.
    assert driver.run(client.chat.send("again")).answer == "one two three"


def test_stop_right_after_opening_reads_to_the_task_id_and_stops_the_turn(server, driver, gate):
    server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(server)

    stopped = read_then_stop(driver, client.chat.stream("count", user="visitor-9"), AT_ONCE)

    stream = stopped.stream
    assert stopped.events == []  # the caller read nothing
    assert stream.response.is_closed
    task_id = stream.task_id  # what stop() read stays in the stream's state
    assert task_id is not None
    stops = stop_requests(server)
    assert [(r.method, r.path) for r in stops] == [("POST", f"/v1/chat-messages/{task_id}/stop")]
    assert stops[0].json == {"user": "visitor-9"}
    gate.open()
    run_id = str(stream.workflow_run_id)
    assert eventually(lambda: server.workflow_run(run_id).status == "stopped")
    assert "three" not in server.workflow_run(run_id).outputs["answer"]


def test_stop_of_a_stream_that_breaks_before_naming_its_task_only_closes(server, driver, gate):
    gate.open()
    server.add_app(API_KEY, responder=two_parts(gate))
    server.inject_fault(Fault.cut_stream(after_events=0), route="chat")
    client = driver.client(server)

    stopped = read_then_stop(driver, client.chat.stream("count"), AT_ONCE)

    stream = stopped.stream
    assert stream.task_id is None
    assert stream.response.is_closed
    assert stop_requests(server) == []
    assert wait_open_connections(server, 0) == 0


def test_stop_after_the_turn_ended_sends_nothing(server, driver, gate):
    gate.open()
    server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(server)

    stream = read_then_stop(driver, client.chat.stream("count"), never).stream

    assert stream.answer == "one two three"
    assert stream.response.is_closed
    assert stop_requests(server) == []
    assert driver.run(stream.final_reply()).answer == "one two three"


def test_a_refused_stop_request_is_raised_after_the_stream_is_closed(server, driver, gate):
    server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(server)
    refusal = Fault.status(400, body={"code": "invalid_param", "message": "no", "status": 400})

    def refuse_the_stop(event: ChatEvent) -> bool:
        if isinstance(event, MessageEvent):
            server.inject_fault(refusal, route="chat")  # the next chat request: the stop
            return True
        return False

    seen = Stopped()
    with pytest.raises(BadRequestError) as raised:
        read_then_stop(driver, client.chat.stream("count"), refuse_the_stop, seen)

    assert raised.value.status_code == 400
    assert seen.stream.response.is_closed
    (message,) = server.messages(conversation_of(server))
    assert [r.path for r in stop_requests(server)] == [f"/v1/chat-messages/{message.task_id}/stop"]


def conversation_of(server: DifyTestServer) -> str:
    (conversation,) = server.conversations()
    return conversation.id


@pytest.fixture
def new_server() -> Any:
    with DifyTestServer(api_key=API_KEY, dialect="1.16", ping_interval=0.05) as started:
        yield started


def test_a_resumed_stream_stops_the_turn_it_continues(new_server, driver, gate):
    new_server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(new_server)
    new_server.inject_fault(Fault.cut_stream(after_events=2), route="chat")
    with pytest.raises(StreamInterruptedError) as cut:
        read_then_stop(driver, client.chat.stream("count"), never)
    assert stop_requests(new_server) == []  # a broken stream is not stopped

    # The resumed stream knows the turn's task from the start: nothing need be read.
    resumed = read_then_stop(driver, client.chat.resume(cut.value), AT_ONCE).stream

    assert resumed.response.is_closed
    stops = stop_requests(new_server)
    assert [r.path for r in stops] == [f"/v1/chat-messages/{cut.value.task_id}/stop"]
    assert stops[0].json == {"user": USER}
    gate.open()
    run_id = str(cut.value.workflow_run_id)
    assert eventually(lambda: new_server.workflow_run(run_id).status == "stopped")


def test_a_followed_runs_events_stop_its_turn(new_server, driver, gate):
    new_server.add_app(API_KEY, responder=two_parts(gate))
    turn = threading.Thread(target=chat, args=(new_server, "count"), daemon=True)
    turn.start()  # a blocking turn: it runs until the gate opens, or it is stopped
    (message,) = eventually(
        lambda: new_server.conversations() and new_server.messages(conversation_of(new_server))
    )
    client = driver.client(new_server)

    stream = read_then_stop(
        driver, client.workflows.events(message.workflow_run_id), first_message
    ).stream

    assert str(stream.task_id) == message.task_id
    assert [r.path for r in stop_requests(new_server)] == [
        f"/v1/chat-messages/{message.task_id}/stop"
    ]
    gate.open()
    turn.join(10)
    run_id = message.workflow_run_id
    assert eventually(lambda: new_server.workflow_run(run_id).status == "stopped")


def test_a_recovered_stream_has_nothing_to_stop(driver, gate):
    with DifyTestServer(api_key=API_KEY, dialect="1.10") as old:  # no events route
        old.add_app(API_KEY, responder=two_parts(gate))
        client = driver.client(old)
        old.inject_fault(Fault.cut_stream(after_events=3), route="chat")
        with pytest.raises(StreamInterruptedError) as cut:
            read_then_stop(driver, client.chat.stream("count"), never)
        gate.open()

        recovered = read_then_stop(driver, client.chat.resume(cut.value), AT_ONCE).stream

        assert recovered.source == "recovery"
        assert recovered.answer == "one two three"
        assert stop_requests(old) == []
