"""Helpers for the human input tests: responders that pause, and streams read alike by
every client kind."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Mapping
from typing import Any, TypeAlias

from client_support import API_KEY, USER
from dify_chatflow import ChatflowClient, ChatReply, WorkflowPause
from dify_chatflow.testing import (
    ConversationSnapshot,
    DifyTestServer,
    FormSubmission,
    HeldStream,
    HumanInput,
    Responder,
)
from resource_support import Driver
from server_support import wait_for

DEPLOY_FORM = "Deploy **v2** to prod?"

# A responder's turn: the server sends the submitted form back into the generator after a
# HumanInput, and nothing (None) after a piece of text.
Turn: TypeAlias = Generator[str | HumanInput, FormSubmission | None, None]


def approval(query: str, inputs: Mapping[str, object], conversation: ConversationSnapshot) -> Turn:
    """A turn that asks for an approval with a comment, then answers with the choice."""
    yield "Checking. "
    answer = yield HumanInput(
        DEPLOY_FORM,
        actions=["approve", {"id": "reject", "title": "No", "button_style": "accent"}],
        inputs=["comment"],
        node_title="Approval",
    )
    assert answer is not None, "a HumanInput is answered with the submitted form"
    yield f"You chose {answer.action}: {answer.inputs['comment']}"


class Gate:
    """A responder part that waits until the test opens the gate (bounded: 10 s)."""

    def __init__(self) -> None:
        self._open = threading.Event()

    def open(self) -> None:
        self._open.set()

    def wait(self) -> None:
        self._open.wait(10)


def slow_approval(gate: Gate) -> Responder:
    """:func:`approval` whose resumed part waits for ``gate`` after its first text, so the
    run is still live when the client follows it."""

    def responder(
        query: str, inputs: Mapping[str, object], conversation: ConversationSnapshot
    ) -> Turn:
        yield "Checking. "
        answer = yield HumanInput(DEPLOY_FORM, actions=["approve"], inputs=["comment"])
        assert answer is not None, "a HumanInput is answered with the submitted form"
        yield "Approved. "
        gate.wait()
        yield f"Comment: {answer.inputs['comment']}"

    return responder


def two_parts(gate: Gate) -> Responder:
    """Three pieces of text, the last one only once ``gate`` opens."""

    def responder(
        query: str, inputs: Mapping[str, object], conversation: ConversationSnapshot
    ) -> Turn:
        yield "one "
        yield "two "
        gate.wait()
        yield "three"

    return responder


def read(driver: Driver, opened: Any, *, on_first: Callable[[], None] | None = None) -> Any:
    """Read a stream (sync) or a stream manager (async) to its end.

    Returns ``(events, reply, stream)``; ``on_first`` runs once the stream is open,
    before its first event is read.
    """
    if driver.loop is None:
        with opened as stream:
            if on_first is not None:
                on_first()
            events = list(stream)
        return events, stream.final_reply(), stream

    async def go() -> Any:
        async with opened as stream:
            if on_first is not None:
                on_first()
            events = [event async for event in stream]
        return events, await stream.final_reply(), stream

    return driver.loop.run_until_complete(go())


def texts(driver: Driver, opened: Any, *, on_first: Callable[[], None] | None = None) -> list[str]:
    """The ``text_deltas()`` of a stream (sync) or a stream manager (async); ``on_first``
    as in :func:`read`."""
    if driver.loop is None:
        with opened as stream:
            if on_first is not None:
                on_first()
            return list(stream.text_deltas())

    async def go() -> list[str]:
        async with opened as stream:
            if on_first is not None:
                on_first()
            return [text async for text in stream.text_deltas()]

    return driver.loop.run_until_complete(go())


def names(events: list[Any]) -> list[str]:
    return [event.event for event in events]


def paused_turn(driver: Driver, client: Any) -> tuple[ChatReply, WorkflowPause]:
    """Stream one turn of a pausing responder to its end: the paused reply and its pause."""
    events, reply, _ = read(driver, client.chat.stream("deploy v2?"))
    assert names(events)[-2:] == ["human_input_required", "workflow_paused"]
    assert isinstance(reply, ChatReply)
    assert reply.paused is not None
    return reply, reply.paused


def submit(server: DifyTestServer, token: str, action: str = "approve", **inputs: str) -> None:
    """Submit a form through a client of its own (any thread, any test's client kind)."""
    with ChatflowClient(api_key=API_KEY, base_url=server.base_url, user=USER) as other:
        other.forms.submit(token, action=action, inputs=inputs)


def ended_by_the_client(server: DifyTestServer, run_id: object) -> None:
    """The server held the finished run's stream open, and the client hung up on it."""
    wait_for(lambda: any(held.ended_by for held in server.held_streams))
    assert server.held_streams == [HeldStream(str(run_id), ended_by="client")]
