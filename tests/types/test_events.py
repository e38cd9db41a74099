"""Typed stream events: one class per event of Dify's catalogue, typed fields read from the
event's JSON, unknown events passed through, malformed data refused with a clear error."""

from __future__ import annotations

import json
import typing
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from dify_chatflow import ResponseDecodeError
from dify_chatflow.types import events
from dify_chatflow.types.events import (
    ChatEvent,
    ErrorEvent,
    HumanInputFormFilledEvent,
    HumanInputFormTimeoutEvent,
    HumanInputRequiredEvent,
    IterationCompletedEvent,
    LoopNextEvent,
    MessageEndEvent,
    MessageEvent,
    MessageFileEvent,
    MessageReplaceEvent,
    NodeFinishedEvent,
    NodeRetryEvent,
    NodeStartedEvent,
    PingEvent,
    TextChunkEvent,
    TtsMessageEvent,
    UnknownEvent,
    WorkflowFinishedEvent,
    WorkflowPausedEvent,
    WorkflowStartedEvent,
    parse_event,
)

pytestmark = pytest.mark.filterwarnings("error")

TASK = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
CONVERSATION = "0b8f3f4e-8c4e-4a7e-9d55-2f6f0a1d7c11"
MESSAGE = "5a1e2c3d-4b5f-4a6b-8c7d-9e0f1a2b3c4d"
RUN = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f10"
TURN = {"conversation_id": CONVERSATION, "message_id": MESSAGE, "created_at": 1764576000}

CATALOGUE = {
    "message": "MessageEvent",
    "message_end": "MessageEndEvent",
    "message_replace": "MessageReplaceEvent",
    "message_file": "MessageFileEvent",
    "tts_message": "TtsMessageEvent",
    "tts_message_end": "TtsMessageEndEvent",
    "agent_message": "AgentMessageEvent",
    "agent_thought": "AgentThoughtEvent",
    "agent_log": "AgentLogEvent",
    "workflow_started": "WorkflowStartedEvent",
    "workflow_finished": "WorkflowFinishedEvent",
    "workflow_paused": "WorkflowPausedEvent",
    "node_started": "NodeStartedEvent",
    "node_finished": "NodeFinishedEvent",
    "node_retry": "NodeRetryEvent",
    "iteration_started": "IterationStartedEvent",
    "iteration_next": "IterationNextEvent",
    "iteration_completed": "IterationCompletedEvent",
    "loop_started": "LoopStartedEvent",
    "loop_next": "LoopNextEvent",
    "loop_completed": "LoopCompletedEvent",
    "text_chunk": "TextChunkEvent",
    "text_replace": "TextReplaceEvent",
    "reasoning_chunk": "ReasoningChunkEvent",
    "human_input_required": "HumanInputRequiredEvent",
    "human_input_form_filled": "HumanInputFormFilledEvent",
    "human_input_form_timeout": "HumanInputFormTimeoutEvent",
    "error": "ErrorEvent",
    "ping": "PingEvent",
}


def parsed(event: str, **fields: Any) -> Any:
    """The typed event for a Dify event as sent live (compact JSON)."""
    body = {"event": event, **TURN, "task_id": TASK, **fields}
    return parse_event("message", json.dumps(body, separators=(",", ":")))


@pytest.mark.parametrize(("wire", "class_name"), CATALOGUE.items())
def test_every_catalogue_event_has_its_class_name_and_json(wire: str, class_name: str) -> None:
    event = parsed(wire, data={"node_id": "n1"})
    assert type(event).__name__ == class_name
    assert event.event == wire
    assert event.raw["event"] == wire
    assert event.raw["data"] == {"node_id": "n1"}
    assert event.task_id == uuid.UUID(TASK)
    assert event.conversation_id == uuid.UUID(CONVERSATION)
    assert event.created_at == datetime(2025, 12, 1, 8, 0, tzinfo=UTC)


def test_the_union_names_every_event_class() -> None:
    classes = {getattr(events, name) for name in CATALOGUE.values()} | {UnknownEvent}
    assert set(typing.get_args(ChatEvent)) == classes
    exported = {name for name in events.__all__ if name.endswith("Event") and name != "ChatEvent"}
    assert exported == {cls.__name__ for cls in classes}


def test_a_keep_alive_has_a_name_and_no_data() -> None:
    ping = parse_event("ping", "")
    assert isinstance(ping, PingEvent)
    assert (ping.event, ping.raw, ping.task_id) == ("ping", {}, None)


def test_the_json_event_field_names_the_event_else_the_sse_name_does() -> None:
    assert isinstance(parse_event("message", '{"event": "node_started"}'), NodeStartedEvent)
    assert isinstance(parse_event("message_end", '{"answer": "x"}'), MessageEndEvent)


def test_an_unknown_event_passes_through_with_its_name_and_json() -> None:
    event = parsed("workflow_teleported", data={"where": "moon"})
    assert isinstance(event, UnknownEvent)
    assert event.event == "workflow_teleported"
    assert event.data == {"where": "moon"}
    assert event.task_id == uuid.UUID(TASK)
    assert repr(event) == "UnknownEvent(event='workflow_teleported')"


def test_message_events_carry_the_answer_delta() -> None:
    event = parsed("message", id=MESSAGE, answer="Hel", from_variable_selector=None)
    assert isinstance(event, MessageEvent)
    assert event.answer == "Hel"
    assert event.message_id == uuid.UUID(MESSAGE)
    assert event.from_variable_selector == []
    replace = parsed("message_replace", answer="[removed]", reason="moderation")
    assert isinstance(replace, MessageReplaceEvent)
    assert (replace.answer, replace.reason) == ("[removed]", "moderation")


def test_message_end_has_typed_usage_sources_and_files() -> None:
    usage = {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5, "total_price": "0.07"}
    metadata = {"usage": usage, "retriever_resources": [{"position": 1}], "reasoning": {}}
    event = parsed("message_end", id=MESSAGE, metadata=metadata, files=[{"id": "f"}])
    assert isinstance(event, MessageEndEvent)
    assert event.usage is not None
    assert event.usage.total_tokens == 5
    assert event.usage.total_price == Decimal("0.07")
    assert event.retriever_resources == [{"position": 1}]
    assert event.files == [{"id": "f"}]
    assert event.metadata["reasoning"] == {}
    assert parsed("message_end", metadata={}).usage is None


def test_workflow_events_have_status_outputs_and_error() -> None:
    started = parsed(
        "workflow_started",
        workflow_run_id=RUN,
        data={"id": RUN, "workflow_id": TASK, "inputs": {"a": 1}, "reason": "initial"},
    )
    assert isinstance(started, WorkflowStartedEvent)
    assert started.workflow_run_id == uuid.UUID(RUN)
    assert (started.workflow_id, started.inputs, started.reason) == (
        uuid.UUID(TASK),
        {"a": 1},
        "initial",
    )
    finished = parsed(
        "workflow_finished",
        workflow_run_id=RUN,
        data={
            "status": "failed",
            "outputs": None,
            "error": "boom",
            "elapsed_time": 1.5,
            "total_tokens": 12,
            "total_steps": 3,
            "finished_at": 1764576001,
        },
    )
    assert isinstance(finished, WorkflowFinishedEvent)
    assert (finished.status, finished.outputs, finished.error) == ("failed", {}, "boom")
    assert (finished.elapsed_time, finished.total_tokens, finished.total_steps) == (1.5, 12, 3)
    assert finished.finished_at == datetime(2025, 12, 1, 8, 0, 1, tzinfo=UTC)
    paused = parsed("workflow_paused", data={"status": "paused", "reasons": [{"type": "x"}]})
    assert isinstance(paused, WorkflowPausedEvent)
    assert (paused.status, paused.reasons, paused.paused_nodes) == ("paused", [{"type": "x"}], [])


def test_node_events_have_id_type_title_status_and_elapsed_time() -> None:
    execution = str(uuid.uuid4())
    common = {"id": execution, "node_id": "llm1", "node_type": "llm", "title": "LLM", "index": 2}
    started = parsed("node_started", data={**common, "predecessor_node_id": "start"})
    assert isinstance(started, NodeStartedEvent)
    assert (started.node_id, started.node_type, started.title, started.index) == (
        "llm1",
        "llm",
        "LLM",
        2,
    )
    assert started.node_execution_id == uuid.UUID(execution)
    assert started.predecessor_node_id == "start"
    finished = parsed(
        "node_finished",
        data={**common, "status": "succeeded", "elapsed_time": 0.5, "outputs": {"text": "hi"}},
    )
    assert isinstance(finished, NodeFinishedEvent)
    assert (finished.status, finished.elapsed_time, finished.outputs) == (
        "succeeded",
        0.5,
        {"text": "hi"},
    )
    assert repr(finished) == (
        "NodeFinishedEvent(node_id='llm1', node_type='llm', title='LLM', status='succeeded')"
    )
    retry = parsed("node_retry", data={**common, "status": "retry", "retry_index": 1})
    assert isinstance(retry, NodeRetryEvent)
    assert not isinstance(retry, NodeFinishedEvent)
    assert retry.retry_index == 1
    completed = parsed("iteration_completed", data={**common, "status": "succeeded", "steps": 4})
    assert isinstance(completed, IterationCompletedEvent)
    assert (completed.node_id, completed.status, completed.steps) == ("llm1", "succeeded", 4)
    loop_next = parsed("loop_next", data={**common, "index": 3})
    assert isinstance(loop_next, LoopNextEvent)
    assert loop_next.index == 3


def test_human_input_events() -> None:
    required = parsed(
        "human_input_required",
        workflow_run_id=RUN,
        data={
            "form_id": "f1",
            "node_id": "review",
            "node_title": "Review",
            "form_content": "Approve?",
            "inputs": [{"output_variable_name": "note", "type": "text", "default": None}],
            "actions": [{"id": "approve", "title": "Approve", "button_style": "primary"}],
            "form_token": "tok",
            "expiration_time": 1764579600,
        },
    )
    assert isinstance(required, HumanInputRequiredEvent)
    assert (required.form_id, required.node_id, required.form_token) == ("f1", "review", "tok")
    assert required.actions[0]["id"] == "approve"
    assert required.expiration_time == datetime(2025, 12, 1, 9, 0, tzinfo=UTC)
    filled = parsed("human_input_form_filled", data={"node_id": "review", "action_id": "approve"})
    assert isinstance(filled, HumanInputFormFilledEvent)
    assert filled.action_id == "approve"
    timeout = parsed("human_input_form_timeout", data={"node_id": "review"})
    assert isinstance(timeout, HumanInputFormTimeoutEvent)
    assert timeout.expiration_time is None


def test_other_app_mode_events() -> None:
    file_event = parsed("message_file", id=MESSAGE, type="image", belongs_to="assistant", url="u")
    assert isinstance(file_event, MessageFileEvent)
    assert (file_event.file_id, file_event.type, file_event.url) == (
        uuid.UUID(MESSAGE),
        "image",
        "u",
    )
    tts = parsed("tts_message", audio="UklGRg==")
    assert isinstance(tts, TtsMessageEvent)
    assert tts.audio == "UklGRg=="
    chunk = parsed("text_chunk", data={"text": "abc"})
    assert isinstance(chunk, TextChunkEvent)
    assert chunk.text == "abc"


def test_the_error_event() -> None:
    error = parse_event(
        "message",
        json.dumps(
            {"event": "error", **TURN, "code": "invalid_param", "message": "bad", "status": 400}
        ),
    )
    assert isinstance(error, ErrorEvent)
    assert (error.code, error.status, error.message) == ("invalid_param", 400, "bad")
    assert error.task_id is None


@pytest.mark.parametrize("data", ["{not json", "[1, 2]", '"text"', "null"])
def test_data_that_is_not_a_json_object_is_refused(data: str) -> None:
    with pytest.raises(ResponseDecodeError, match="stream event is not") as caught:
        parse_event("message", data)
    assert caught.value.raw == data


def test_a_malformed_field_is_reported_when_read_with_the_event() -> None:
    event = parsed("node_finished", data={"elapsed_time": "soon"})
    assert isinstance(event, NodeFinishedEvent)
    with pytest.raises(ResponseDecodeError, match="'elapsed_time' is not a number") as caught:
        _ = event.elapsed_time
    assert '"soon"' in caught.value.raw
    bad_id = parsed("message", task_id="not-a-uuid", answer="x")
    with pytest.raises(ResponseDecodeError, match="'task_id' is not a UUID"):
        _ = bad_id.task_id
    assert bad_id.answer == "x"  # the other fields still read


def test_events_are_frozen_and_their_repr_is_short() -> None:
    event = parsed("message", answer="word " * 1000)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.raw = {}
    assert len(repr(event)) < 80
    assert repr(event).startswith("MessageEvent(answer='word word")
    assert parsed("message", answer="x") == parsed("message", answer="x")
