"""The resumed stream's state alone (no I/O): what a follower that replays the run from
its start repeats is skipped, and what is new is delivered, cut where it overlaps."""

from __future__ import annotations

import json
import uuid

import pytest
from dify_chatflow import (
    ChatReply,
    ConfigurationError,
    FormValidationError,
    ResponseDecodeError,
    WorkflowPause,
)
from dify_chatflow._run_streams import ResumeOrigin, ResumeState, RunEventsState, _chat_reply
from dify_chatflow.types.forms import HumanInputRequest, _check_submission

RUN, CONV, MSG, TASK = (str(uuid.uuid4()) for _ in range(4))
IDS = {"conversation_id": CONV, "message_id": MSG, "task_id": TASK, "created_at": 1_764_578_000}


def event(name: str, **fields: object) -> str:
    return json.dumps({"event": name, **IDS, "workflow_run_id": RUN, **fields})


def started(reason: str) -> str:
    return event("workflow_started", data={"id": RUN, "reason": reason})


def message(text: str) -> str:
    return event("message", answer=text)


def state_for(answer: str, *, paused: bool = False) -> ResumeState:
    origin = ResumeOrigin(
        workflow_run_id=uuid.UUID(RUN),
        conversation_id=uuid.UUID(CONV),
        message_id=uuid.UUID(MSG),
        task_id=uuid.UUID(TASK),
        created_at=1_764_578_000.0,
        answer=answer,
        paused=paused,
    )
    return ResumeState(None, origin)


def delivered(state: ResumeState, payloads: list[str]) -> list[tuple[str, str | None]]:
    shown = []
    for data in payloads:
        accepted = state.accept("message", data)
        if not state.skipped:
            shown.append((accepted.event, getattr(accepted, "answer", None)))
    return shown


def test_a_replay_from_the_start_skips_up_to_the_answer_the_caller_had():
    state = state_for("one two")
    shown = delivered(
        state,
        [
            started("initial"),
            message("one "),
            event("node_started", data={}),
            message("two three"),  # the caller had "two" of it
            message(" four"),
            event("message_end", id=MSG, metadata={}),
            event("workflow_finished", data={"status": "succeeded"}),
        ],
    )
    assert shown == [
        ("message", " three"),
        ("message", " four"),
        ("message_end", None),
        ("workflow_finished", None),
    ]
    assert state.answer == "one two three four"
    reply = state.reply()
    assert (reply.answer, str(reply.message_id)) == ("one two three four", MSG)


def test_a_replay_that_goes_another_way_is_delivered_from_there():
    state = state_for("one two")
    shown = delivered(state, [started("initial"), message("one "), message("deux")])
    assert shown == [("message", "deux")]
    assert state.answer == "one two" + "deux"


def test_a_resumption_is_all_new():
    state = state_for("Checking. ", paused=True)
    shown = delivered(state, [started("resumption"), message("Checking. ")])
    assert shown == [("workflow_started", None), ("message", "Checking. ")]


def test_a_replay_of_the_pause_the_caller_had_is_skipped_through_its_workflow_paused():
    state = state_for("Checking. ", paused=True)
    before = [
        started("initial"),
        message("Checking. "),
        event("human_input_required", data={"form_token": "t1"}),
        event("workflow_paused", data={"workflow_run_id": RUN, "reasons": []}),
    ]
    assert delivered(state, before) == []
    assert state.workflow_paused is None  # the old pause does not end the resumed stream
    after = [started("resumption"), message("done")]
    assert delivered(state, after) == [("workflow_started", None), ("message", "done")]
    assert state.answer == "Checking. done"


def test_a_finished_runs_replay_keeps_the_turns_task_id():
    state = state_for("one")
    replay = json.dumps(
        {"event": "workflow_finished", "task_id": RUN, "workflow_run_id": RUN, "data": {}}
    )
    delivered(state, [replay])
    assert str(state.task_id) == TASK
    assert state.needs_history


def test_a_run_stream_ends_at_workflow_finished_or_paused():
    state = RunEventsState()
    state.accept("message", json.dumps({"event": "workflow_finished", "data": {}}))
    assert state.ended
    with pytest.raises(ConfigurationError):
        _chat_reply(state)


@pytest.mark.parametrize(
    "order", [("message_end", "workflow_finished"), ("workflow_finished", "message_end")]
)
def test_reading_stops_once_the_run_finished_and_its_message_ended(order):
    state = RunEventsState()
    first, second = (event(name, data={"status": "succeeded"}) for name in order)
    state.accept("message", first)
    assert not state.complete
    state.accept("message", second)
    assert state.complete


def test_after_workflow_finished_a_ping_ends_the_stream_unread():
    state = RunEventsState()
    ping = state.accept("ping", "")
    assert not state.ends_before(ping)  # the opening ping of a live run
    state.accept("message", event("workflow_finished", data={"status": "failed"}))
    assert not state.complete  # its message_end may follow
    assert state.ends_before(state.accept("ping", ""))


def test_a_blocking_pause_names_its_forms_from_the_reasons():
    body = {
        "event": "workflow_paused",
        "answer": "",
        "workflow_run_id": RUN,
        "data": {
            "workflow_run_id": RUN,
            "paused_nodes": ["human_input"],
            "reasons": [
                {"type": "human_input_required", "form_token": "tok", "node_id": "h"},
                {"type": "scheduled_pause", "message": "later"},
            ],
        },
        **{key: value for key, value in IDS.items()},
        "id": MSG,
    }
    reply = ChatReply.from_blocking(body)
    assert isinstance(reply.paused, WorkflowPause)
    assert [form.form_token for form in reply.paused.forms] == ["tok"]
    assert reply.paused.paused_nodes == ["human_input"]
    assert str(reply.workflow_run_id) == RUN


def test_a_malformed_request_is_a_decode_error():
    with pytest.raises(ResponseDecodeError, match="form_token"):
        HumanInputRequest.from_json({"node_id": "h"})
    with pytest.raises(ResponseDecodeError, match="actions"):
        HumanInputRequest.from_json({"form_token": "t", "actions": "approve"})


def test_only_a_resolved_default_value_stands_in_for_an_input():
    constant = {"type": "constant", "selector": [], "value": "x"}
    request = HumanInputRequest.from_json(
        {
            "form_token": "t",
            "actions": [{"id": "ok"}],
            "inputs": [
                {"output_variable_name": "a", "default": constant},
                {"output_variable_name": "b"},
            ],
            "resolved_default_values": {"b": "resolved"},
        }
    )
    assert request.inputs[0].default == constant
    # the server requires every input: a default source does not make one optional
    with pytest.raises(FormValidationError, match="'a' is required"):
        _check_submission(request, "ok", {})
    _check_submission(request, "ok", {"a": "given"})  # b has its resolved value


def test_a_form_request_without_a_token_is_left_out_of_the_pause():
    pause = WorkflowPause.from_json(
        {"workflow_run_id": RUN, "reasons": []},
        requests=[{"node_id": "h"}, {"form_token": "tok", "node_id": "h"}],
    )
    assert [form.form_token for form in pause.forms] == ["tok"]
