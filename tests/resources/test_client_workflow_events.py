"""client.workflows.events: a finished run replayed, a live run followed (1.16)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from client_support import API_KEY
from dify_chatflow import (
    ChatEvent,
    ConfigurationError,
    MessageEvent,
    NotFoundError,
    ResponseDecodeError,
    WorkflowFinishedEvent,
    WorkflowPausedEvent,
    WorkflowRunNotFoundError,
    WorkflowStartedEvent,
)
from dify_chatflow.testing import DifyTestServer, Fault
from human_support import (
    Gate,
    approval,
    ended_by_the_client,
    names,
    read,
    slow_approval,
    submit,
    two_parts,
)
from resource_support import Driver, chat
from server_support import wait_for


@pytest.fixture
def new_server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY, dialect="1.16", ping_interval=0.05) as server:
        yield server


def final_event(driver: Driver, opened: object) -> object:
    if driver.loop is None:
        with opened as stream:  # type: ignore[attr-defined]
            return stream.final_event()

    async def go() -> object:
        async with opened as stream:  # type: ignore[attr-defined]
            return await stream.final_event()

    return driver.loop.run_until_complete(go())


def test_a_finished_run_replays_as_one_workflow_finished_event(driver, new_server):
    client = driver.client(new_server)
    events, _, _ = read(driver, client.chat.stream("hello"))
    run_id = events[-1].workflow_run_id
    wait_for(lambda: new_server.workflow_run(str(run_id)).status == "succeeded")  # saved
    replayed = read_events(driver, client.workflows.events(run_id), on_first=lambda: None)
    (only,) = replayed
    assert isinstance(only, WorkflowFinishedEvent)
    assert only.status == "succeeded"
    assert only.outputs["answer"] == "hello"
    assert only.workflow_run_id == run_id
    assert only.conversation_id is None  # a replay names no conversation or message
    ending = final_event(driver, client.workflows.events(str(run_id)))
    assert isinstance(ending, WorkflowFinishedEvent)
    assert ending.status == "succeeded"
    with pytest.raises(ConfigurationError, match=r"chat\.resume"):
        read(driver, client.workflows.events(run_id))  # no chat reply in a replay


def test_a_live_run_is_followed_from_its_start_to_its_end(driver, new_server):
    gate = Gate()
    new_server.add_app(API_KEY, responder=two_parts(gate))
    turn = threading.Thread(target=chat, args=(new_server, "count"), daemon=True)
    turn.start()  # a blocking turn: it runs until the gate opens
    for _ in range(500):  # bounded: 5 s
        conversations = new_server.conversations()
        if conversations and new_server.messages(conversations[0].id):
            break
        time.sleep(0.01)
    run_id = new_server.messages(new_server.conversations()[0].id)[0].workflow_run_id
    client = driver.client(new_server)
    followed = read_events(driver, client.workflows.events(run_id), on_first=gate.open)
    turn.join(10)
    shown = [name for name in names(followed) if name != "ping"]
    assert shown[0] == "workflow_started"
    assert shown[-2:] == ["message_end", "workflow_finished"]
    assert "".join(e.answer for e in followed if isinstance(e, MessageEvent)) == "one two three"
    assert names(followed)[0] == "ping"  # a live run's events open with a ping


def test_a_paused_run_is_followed_from_its_resumption(driver, new_server):
    new_server.add_app(API_KEY, responder=approval)
    client = driver.client(new_server)
    reply = driver.run(client.chat.send("deploy?"))
    token = reply.paused.forms[0].form_token
    opened = client.workflows.events(reply.paused.workflow_run_id, continue_on_pause=False)

    def submit() -> None:
        from dify_chatflow import ChatflowClient

        with ChatflowClient(api_key=API_KEY, base_url=new_server.base_url, user="abc-123") as c:
            c.forms.submit(token, action="approve", inputs={"comment": "ok"})

    events = read_events(driver, opened, on_first=submit)
    started = next(e for e in events if e.event == "workflow_started")
    assert isinstance(started, WorkflowStartedEvent)
    assert started.reason == "resumption"
    assert names(events)[-1] == "workflow_finished"


def read_events(driver: Driver, opened: Any, *, on_first: Callable[[], None]) -> list[ChatEvent]:
    """The events of an events stream (sync) or its manager (async); ``on_first`` runs
    once it is open."""
    if driver.loop is None:
        with opened as stream:
            on_first()
            return list(stream)

    async def go() -> list[ChatEvent]:
        async with opened as stream:
            on_first()
            return [event async for event in stream]

    return driver.loop.run_until_complete(go())


def test_a_run_that_pauses_again_ends_its_events_at_the_pause(driver, new_server):
    from dify_chatflow.testing import HumanInput

    def two_approvals(query, inputs, conversation):
        yield HumanInput("Step one?", actions=["ok"])
        yield "between "
        yield HumanInput("Step two?", actions=["ok"])
        yield "done"

    new_server.add_app(API_KEY, responder=two_approvals)
    client = driver.client(new_server)
    reply = driver.run(client.chat.send("go"))
    token = reply.paused.forms[0].form_token

    def submit() -> None:
        from dify_chatflow import ChatflowClient

        with ChatflowClient(api_key=API_KEY, base_url=new_server.base_url, user="abc-123") as c:
            c.forms.submit(token, action="ok")

    events = read_events(driver, client.workflows.events(reply.workflow_run_id), on_first=submit)
    assert isinstance(events[-1], WorkflowPausedEvent)
    assert names(events).count("human_input_required") == 1


def test_an_unknown_or_other_users_run_is_not_found(driver, new_server):
    client = driver.client(new_server)
    with pytest.raises(WorkflowRunNotFoundError):
        final_event(driver, client.workflows.events(uuid.uuid4()))
    events, _, _ = read(driver, client.chat.stream("mine"))
    other = driver.client(new_server, user="someone-else")
    with pytest.raises(WorkflowRunNotFoundError):
        final_event(driver, other.workflows.events(events[-1].workflow_run_id))


def test_bad_arguments_are_refused_before_sending(driver, new_server):
    client = driver.client(new_server)
    with pytest.raises(ConfigurationError, match="continue_on_pause"):
        client.workflows.events(uuid.uuid4(), continue_on_pause="yes")
    from dify_chatflow import InvalidIdError

    with pytest.raises(InvalidIdError):
        client.workflows.events("not-a-run")
    assert new_server.requests == []


def test_dify_1_10_has_no_events_route(driver):
    with DifyTestServer(api_key=API_KEY, dialect="1.10") as old:
        client = driver.client(old)
        with pytest.raises(NotFoundError) as caught:
            final_event(driver, client.workflows.events(uuid.uuid4()))
    assert caught.value.code is None
    assert "does not have that endpoint" in str(caught.value)


def test_events_with_continue_on_pause_end_with_the_run_not_the_connection(driver, holding_server):
    gate = Gate()
    holding_server.add_app(API_KEY, responder=slow_approval(gate))
    client = driver.client(holding_server)
    reply = driver.run(client.chat.send("deploy?"))
    run_id = reply.paused.workflow_run_id
    submit(holding_server, reply.paused.forms[0].form_token, comment="ok")
    opened = client.workflows.events(run_id, continue_on_pause=True)
    events, final, stream = read(driver, opened, on_first=gate.open)
    assert final.answer == "Approved. Comment: ok"  # the resumption's text
    assert stream.workflow_finished.status == "succeeded"
    assert stream.response.is_closed
    shown = names(events)
    assert {"message_end", "workflow_finished"} <= set(shown)
    assert "ping" not in shown[shown.index("workflow_finished") :]
    ended_by_the_client(holding_server, run_id)


def test_every_stream_refuses_an_answer_that_is_not_an_event_stream(driver, new_server):
    new_server.add_app(API_KEY, responder=approval)
    client = driver.client(new_server)
    paused = driver.run(client.chat.send("deploy?"))
    not_a_stream = Fault.status(200, body={"answer": "hello"})
    openers = [
        ("chat", "a streaming chat message", lambda: client.chat.stream("hello")),
        ("workflows", "a workflow run's events", lambda: client.chat.resume(paused)),
        (
            "workflows",
            "a workflow run's events",
            lambda: client.workflows.events(paused.paused.workflow_run_id),
        ),
    ]
    for route, what, opener in openers:
        new_server.inject_fault(not_a_stream, route=route)
        with pytest.raises(
            ResponseDecodeError, match=f"for {what}, got 'application/json'"
        ) as caught:
            read(driver, opener())
        assert caught.value.raw == '{"answer": "hello"}\n'
        assert caught.value.response is not None
        assert caught.value.response.is_closed
    assert new_server.pending_faults == 0
