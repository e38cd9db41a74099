"""client.chat.resume: a paused reply or a broken stream continued on
GET /workflow/{run}/events (1.16), or recovered where there is no such route (1.10)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from client_support import API_KEY
from dify_chatflow import (
    ChatflowClient,
    ConfigurationError,
    MessageEvent,
    RecoveryError,
    StreamInterruptedError,
    WorkflowRunNotFoundError,
)
from dify_chatflow.testing import DifyTestServer, Fault, HumanInput
from human_support import (
    DEPLOY_FORM,
    Gate,
    approval,
    ended_by_the_client,
    names,
    paused_turn,
    read,
    slow_approval,
    submit,
    texts,
    two_parts,
)
from resource_support import Driver
from server_support import wait_for


@pytest.fixture
def human_server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY, dialect="1.16", ping_interval=0.05) as server:
        server.add_app(API_KEY, responder=approval)
        yield server


def wait_until_finished(server: DifyTestServer, run_id: object) -> None:
    wait_for(lambda: server.workflow_run(str(run_id)).status == "succeeded")


def message_texts(events: list[object]) -> list[str]:
    return [event.answer for event in events if isinstance(event, MessageEvent)]


def cut_stream(
    driver: Driver, client: Any, server: DifyTestServer, *, after_events: int = 2
) -> StreamInterruptedError:
    """A streamed turn of ``two_parts`` whose connection is cut after "one " (1.16:
    workflow_started, message; 1.10 has a node_started between them)."""
    server.inject_fault(Fault.cut_stream(after_events=after_events), route="chat")
    with pytest.raises(StreamInterruptedError) as caught:
        read(driver, client.chat.stream("count"))
    assert caught.value.answer_so_far == "one "
    return caught.value


def test_resume_right_after_the_submit_ends_with_the_run_not_the_connection(driver, holding_server):
    gate = Gate()
    holding_server.add_app(API_KEY, responder=slow_approval(gate))
    client = driver.client(holding_server)
    reply, pause = paused_turn(driver, client)
    submit(holding_server, pause.forms[0].form_token, comment="ok")
    # The run waits at the gate until the stream is open: it ends while followed, and
    # the server then holds the stream open.
    events, final, stream = read(driver, client.chat.resume(reply), on_first=gate.open)
    started = [e for e in events if e.event == "workflow_started"]
    assert [e.reason for e in started] == ["resumption"]
    assert message_texts(events) == ["Approved. ", "Comment: ok"]
    assert set(names(events)[-2:]) == {"message_end", "workflow_finished"}
    assert stream.source == "events"
    assert final.answer == "Checking. Approved. Comment: ok"
    assert (final.conversation_id, final.message_id) == (reply.conversation_id, reply.message_id)
    assert final.paused is None
    assert stream.response.is_closed
    ended_by_the_client(holding_server, pause.workflow_run_id)


def test_resume_opened_before_the_submit_waits_for_the_resumed_run(driver, human_server):
    client = driver.client(human_server)
    reply, pause = paused_turn(driver, client)
    token = pause.forms[0].form_token
    opened = client.chat.resume(reply)
    events, final, _ = read(
        driver, opened, on_first=lambda: submit(human_server, token, "reject", comment="later")
    )
    assert message_texts(events) == ["You chose reject: later"]
    assert final.answer == "Checking. You chose reject: later"


def test_resume_of_a_finished_run_builds_the_reply_from_its_replay_and_the_history(
    driver, human_server
):
    client = driver.client(human_server)
    reply, pause = paused_turn(driver, client)
    submit(human_server, pause.forms[0].form_token, comment="done")
    wait_until_finished(human_server, pause.workflow_run_id)
    events, final, stream = read(driver, client.chat.resume(reply))
    assert names(events) == ["workflow_finished"]
    assert stream.source == "events"
    assert final.answer == "Checking. You chose approve: done"
    assert final.message_id == reply.message_id
    assert final.task_id == reply.task_id  # not the replay's task id (the run's id)
    assert final.workflow_run_id == pause.workflow_run_id


def test_a_blocking_pause_resumes_with_the_text_before_the_pause(driver, human_server):
    client = driver.client(human_server)
    reply = driver.run(client.chat.send("deploy?"))
    assert reply.answer == "Checking. "  # the text before the pause
    token = reply.paused.forms[0].form_token
    events, final, _ = read(
        driver,
        client.chat.resume(reply),
        on_first=lambda: submit(human_server, token, comment="fine"),
    )
    assert message_texts(events) == ["You chose approve: fine"]
    assert final.answer == "Checking. You chose approve: fine"


def test_a_run_that_pauses_again_gives_a_paused_reply(driver, human_server):
    def two_approvals(query, inputs, conversation):
        first = yield HumanInput("Step one?", actions=["ok"])
        yield f"one:{first.action} "
        second = yield HumanInput("Step two?", actions=["ok"])
        yield f"two:{second.action}"

    human_server.add_app(API_KEY, responder=two_approvals)
    client = driver.client(human_server)
    reply, pause = paused_turn(driver, client)
    first_token = pause.forms[0].form_token
    _, again, _ = read(
        driver, client.chat.resume(reply), on_first=lambda: submit(human_server, first_token, "ok")
    )
    assert again.paused is not None
    (second,) = again.paused.forms
    assert second.form_content == "Step two?"
    assert second.form_token != first_token
    assert again.answer == "one:ok "
    _, final, _ = read(
        driver,
        client.chat.resume(again),
        on_first=lambda: submit(human_server, second.form_token, "ok"),
    )
    assert final.answer == "one:ok two:ok"
    assert final.paused is None


def test_resume_after_a_cut_stream_delivers_only_what_was_missed(driver, human_server):
    gate = Gate()
    human_server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(human_server)
    error = cut_stream(driver, client, human_server)
    events, final, stream = read(driver, client.chat.resume(error), on_first=gate.open)
    assert message_texts(events) == ["two ", "three"]
    assert "workflow_started" not in names(events)  # the caller had seen the run start
    assert names(events)[-1] == "workflow_finished"
    assert stream.answer == final.answer == "one two three"
    assert (final.message_id, final.conversation_id) == (error.message_id, error.conversation_id)
    assert stream.source == "events"


def test_text_deltas_of_a_resumed_stream_are_the_missing_text(driver, human_server):
    gate = Gate()
    human_server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(human_server)
    error = cut_stream(driver, client, human_server)
    assert texts(driver, client.chat.resume(error), on_first=gate.open) == ["two ", "three"]


def test_text_deltas_of_a_finished_runs_replay_are_the_rest_of_the_answer(driver, human_server):
    gate = Gate()
    human_server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(human_server)
    error = cut_stream(driver, client, human_server)
    gate.open()
    wait_until_finished(human_server, error.workflow_run_id)
    assert texts(driver, client.chat.resume(error)) == ["two three"]


def test_resume_after_a_cut_stream_of_a_finished_run_uses_the_history(driver, human_server):
    gate = Gate()
    human_server.add_app(API_KEY, responder=two_parts(gate))
    client = driver.client(human_server)
    error = cut_stream(driver, client, human_server)
    gate.open()
    wait_until_finished(human_server, error.workflow_run_id)
    events, final, _ = read(driver, client.chat.resume(error))
    assert names(events) == ["workflow_finished"]
    assert final.answer == "one two three"


def test_on_dify_1_10_resume_falls_back_to_recovery_and_says_so(driver, caplog):
    gate = Gate()
    with DifyTestServer(api_key=API_KEY, dialect="1.10") as old:
        old.add_app(API_KEY, responder=two_parts(gate))
        client = driver.client(old)
        error = cut_stream(driver, client, old, after_events=3)
        gate.open()
        with caplog.at_level(logging.INFO, logger="dify_chatflow"):
            events, final, stream = read(driver, client.chat.resume(error))
        rest = texts(driver, client.chat.resume(error))
    assert stream.source == "recovery"
    assert events == []
    assert final.answer == "one two three"
    assert rest == ["two three"]
    assert any(
        "no GET /workflow/{id}/events" in record.getMessage() and "chat.recover" in record.message
        for record in caplog.records
    )


def test_what_cannot_be_resumed_is_refused_before_sending(driver, human_server):
    client = driver.client(human_server)
    human_server.add_app(API_KEY)  # the echo responder: turns end normally
    complete = driver.run(client.chat.send("hello"))
    before = len(human_server.requests)
    with pytest.raises(ConfigurationError, match="paused reply"):
        client.chat.resume(complete)
    with pytest.raises(ConfigurationError, match="StreamInterruptedError"):
        client.chat.resume("not a reply")
    early = StreamInterruptedError("cut before any event")
    with pytest.raises(RecoveryError, match="nothing to resume"):
        client.chat.resume(early)
    assert len(human_server.requests) == before


def test_resume_of_an_unknown_run_is_workflow_run_not_found(driver, human_server):
    import attrs

    client = driver.client(human_server)
    reply, pause = paused_turn(driver, client)
    other = ChatflowClient(api_key=API_KEY, base_url=human_server.base_url, user="someone-else")
    with other, pytest.raises(WorkflowRunNotFoundError):
        other.chat.resume(reply)
    forged = attrs.evolve(reply, paused=attrs.evolve(pause, workflow_run_id=reply.task_id))
    with pytest.raises(WorkflowRunNotFoundError):
        read(driver, client.chat.resume(forged))


def test_a_follower_that_joins_the_resumed_run_late_still_gives_the_whole_answer(driver):
    # Dify's default event transport keeps no backlog: a follower gets only what is sent
    # after it connected.
    reached, gate = threading.Event(), Gate()

    def late(query, inputs, conversation):
        yield "Checking. "
        answer = yield HumanInput(DEPLOY_FORM, actions=["approve"], inputs=["comment"])
        yield "Approved. "
        reached.set()
        gate.wait()
        yield f"Comment: {answer.inputs['comment']}"

    with DifyTestServer(
        api_key=API_KEY, dialect="1.16", ping_interval=0.05, events_from_subscription=True
    ) as server:
        server.add_app(API_KEY, responder=late)
        client = driver.client(server)
        reply = driver.run(client.chat.send("deploy?"))
        submit(server, reply.paused.forms[0].form_token, comment="fine")
        assert reached.wait(10)  # "Approved. " went out before anyone followed
        events, final, _ = read(driver, client.chat.resume(reply), on_first=gate.open)
    assert "Approved. " not in [e.answer for e in events if isinstance(e, MessageEvent)]
    assert final.answer == "Checking. Approved. Comment: fine"
