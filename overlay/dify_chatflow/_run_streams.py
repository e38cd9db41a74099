"""Streams of a workflow run's events (``GET /workflow/{run_id}/events``, Dify 1.14+).

They read like chat streams (the same decoder and :class:`ChatStreamState`) with the
run's end rules: a finished run replays as one ``workflow_finished`` event (no chat
ids), a live or paused run streams on until it finishes or pauses. A server may keep
the stream open after the run finished, with a ``ping`` every few seconds (Dify 1.16
does when asked to ``continue_on_pause``), so reading stops at the run's end instead of
waiting for the server to hang up: after ``workflow_finished`` comes at most the turn's
``message_end``, and the next ping or the close ends the stream.

- :class:`WorkflowEventStream` / :class:`AsyncWorkflowEventStream`: ``workflows.events``;
- :class:`ResumedChatStream` / :class:`AsyncResumedChatStream`: ``chat.resume``, a paused
  reply or a broken stream continued: what the caller already had (the answer so far,
  the turn's ids) is carried over, and the part of the run the caller had already seen
  is not delivered again;
- :class:`RecoveredChatStream` / :class:`AsyncRecoveredChatStream`: what ``chat.resume``
  gives on servers without the events endpoint (Dify 1.10): the reply ``chat.recover``
  built, as a stream with nothing left to read.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

import httpx

from ._exceptions import ConfigurationError
from ._streaming import AsyncChatStream, AsyncStreamManager, ChatStream, ChatStreamState, StreamView
from .types.events import (
    ChatEvent,
    ErrorEvent,
    HumanInputRequiredEvent,
    MessageEndEvent,
    MessageEvent,
    MessageReplaceEvent,
    PingEvent,
    WorkflowFinishedEvent,
    WorkflowPausedEvent,
    WorkflowStartedEvent,
    parse_event,
)

if TYPE_CHECKING:
    from .types.chat import ChatReply

__all__ = [
    "AsyncRecoveredChatStream",
    "AsyncResumedChatStream",
    "AsyncStreamManager",
    "AsyncWorkflowEventStream",
    "RecoveredChatStream",
    "ResumeOrigin",
    "ResumeState",
    "ResumedChatStream",
    "RunEventsState",
    "WorkflowEventStream",
    "async_resumed_stream",
    "resumed_stream",
]

#: Where a resumed stream's events come from: the events endpoint, or (servers without
#: it) the recovery from the run and the message history.
ResumeSource = Literal["events", "recovery"]

S = TypeVar("S")

# Events that end catching up when they come before the caller's answer was matched: the
# run went another way than the stream the caller saw, so they are news.
_NEWS: Final = (
    ErrorEvent,
    HumanInputRequiredEvent,
    MessageEndEvent,
    MessageReplaceEvent,
    WorkflowFinishedEvent,
    WorkflowPausedEvent,
)


class RunEventsState(ChatStreamState):
    """A chat stream's state with a run's end rules: ended at ``workflow_finished``,
    ``workflow_paused`` or ``message_end``, whichever comes first."""

    @property
    def ended(self) -> bool:
        """True once the run finished or paused (or its message ended)."""
        return (
            self.workflow_finished is not None
            or self.workflow_paused is not None
            or self.message_end is not None
        )

    @property
    def complete(self) -> bool:
        """True once the run finished and its chat message ended (in either order):
        nothing more belongs to the stream."""
        return self.workflow_finished is not None and self.message_end is not None

    def ends_before(self, event: ChatEvent) -> bool:
        """True for a ping after the run finished: the server holds the stream open, and
        the turn's ``message_end`` did not come before it."""
        return self.workflow_finished is not None and isinstance(event, PingEvent)

    def _missing_end(self, what: str) -> str:
        return f"{what} before the run's end (no workflow_finished or workflow_paused)"

    def _record_ids(self, raw: dict[str, Any]) -> None:
        task_id = raw.get("task_id")
        if task_id is not None and task_id == raw.get("workflow_run_id"):
            # A finished run's replay names the run as its task: not the turn's task id.
            raw = {key: value for key, value in raw.items() if key != "task_id"}
        super()._record_ids(raw)


class ResumeOrigin:
    """What the caller had of the turn ``chat.resume`` continues (checked ids as text)."""

    def __init__(
        self,
        *,
        workflow_run_id: uuid.UUID,
        conversation_id: uuid.UUID,
        message_id: uuid.UUID,
        task_id: uuid.UUID,
        created_at: float | None,
        answer: str,
        paused: bool,
    ) -> None:
        self.workflow_run_id = workflow_run_id
        self.conversation_id = conversation_id
        self.message_id = message_id
        self.task_id = task_id
        self.created_at = created_at
        self.answer = answer
        self.paused = paused


class ResumeState(RunEventsState):
    """A resumed turn: starts with what the caller had, and skips what it had seen.

    A follower of a live run gets the run's events from its start; the caller saw them up
    to where its stream broke (a paused turn: up to the pause). When the events open with
    the run's initial ``workflow_started``, every event is skipped until the caller's
    answer text has been matched (for a paused turn: until the pause's
    ``workflow_paused``); a ``message`` event that goes beyond it is cut to its new part.
    Events of a resumption (``workflow_started`` reason ``resumption``) are all new.
    ``skipped`` says whether the last accepted event was one to leave out.

    The events are requested with ``continue_on_pause``: a follower that starts before
    the run resumed (it replays up to the pause the caller had) goes on with the
    resumption; the stream stops itself at a new pause.
    """

    def __init__(self, request: httpx.Request | None, origin: ResumeOrigin) -> None:
        super().__init__(request)
        self.origin = origin
        if origin.answer:
            self._parts = [origin.answer]
        self._record_ids(
            {
                "task_id": str(origin.task_id),
                "conversation_id": str(origin.conversation_id),
                "message_id": str(origin.message_id),
                "workflow_run_id": str(origin.workflow_run_id),
                "created_at": origin.created_at,
            }
        )
        self._armed = True  # until the first workflow_started says where the events begin
        self._catching_up = False
        self._matched = 0  # characters of the caller's answer seen again
        self.skipped = False
        # The events did not open with a workflow_started: the follower joined a running
        # segment late (a server whose event transport keeps no backlog), so text may
        # have gone by unseen.
        self.joined_late = False

    def accept(self, name: str, data: str) -> ChatEvent:
        """The typed event; ``skipped`` tells whether the caller had seen it already."""
        self.skipped = False
        if not (self._armed or self._catching_up):
            return super().accept(name, data)
        event = parse_event(name, data)
        if isinstance(event, PingEvent):
            return event
        if self._armed:
            self._armed = False
            self.joined_late = not isinstance(event, WorkflowStartedEvent)
            if isinstance(event, WorkflowStartedEvent) and event.reason != "resumption":
                self._catching_up = True  # a replay from the run's start
                return self._skip(event)
            return super().accept(name, data)
        return self._catch_up(event, name, data)

    def _catch_up(self, event: ChatEvent, name: str, data: str) -> ChatEvent:
        seen = self.origin.answer
        if self.origin.paused:
            if isinstance(event, WorkflowPausedEvent):
                self._catching_up = False  # the pause the caller had: the rest is new
            return self._skip(event)
        if isinstance(event, MessageEvent):
            delta = event.answer
            if seen.startswith(delta, self._matched):
                self._matched += len(delta)
                self._catching_up = self._matched < len(seen)
                return self._skip(event)
            self._catching_up = False
            rest = seen[self._matched :]
            if rest and delta.startswith(rest):  # the caller had the start of this delta
                raw = {**event.raw, "answer": delta[len(rest) :]}
                return super().accept(name, json.dumps(raw))
            return super().accept(name, data)
        if isinstance(event, _NEWS) or not seen:
            self._catching_up = False
            return super().accept(name, data)
        return self._skip(event)

    def _skip(self, event: ChatEvent) -> ChatEvent:
        if event.raw:
            self._record_ids(event.raw)
        self.skipped = True
        return event

    @property
    def needs_history(self) -> bool:
        """True when the answer is to be read from the message history: a finished run's
        replay (no message end), or a finished run's events joined late (text may have
        gone by unseen)."""
        return (
            (self.message_end is None or self.joined_late)
            and self.workflow_paused is None
            and self.workflow_finished is not None
        )


class WorkflowEventStream(ChatStream):
    """A workflow run's events (``client.workflows.events``): iterate it for typed events.

    A finished run replays as one :class:`WorkflowFinishedEvent`; a live or paused run
    streams its events as they come, until it finishes or pauses (with
    ``continue_on_pause``: on through later pauses). :meth:`final_event` drains the
    stream and returns the event that ended it; :meth:`final_reply` is the chat reply
    when the events carried the chat message's end (a followed chat turn; a replay does
    not: :class:`ConfigurationError`, use ``client.chat.resume``). Reading ends with the
    run: after ``workflow_finished`` (and the turn's ``message_end`` if it follows), at
    the next ping or the close, and the response is closed then. The same closing rules
    as :class:`ChatStream`; a stream that breaks raises :class:`StreamInterruptedError`.
    :meth:`stop` stops a followed chat turn (a replay names no task: it only closes).
    """

    _state: RunEventsState

    def __init__(
        self,
        response: httpx.Response,
        state: RunEventsState | None = None,
        *,
        stop_turn: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(response, stop_turn=stop_turn)
        self._state = state if state is not None else RunEventsState(response.request)

    def _final(self) -> ChatReply:
        return _chat_reply(self._state)

    @property
    def workflow_finished(self) -> WorkflowFinishedEvent | None:
        """The ``workflow_finished`` event, once it came."""
        return self._state.workflow_finished

    @property
    def workflow_paused(self) -> WorkflowPausedEvent | None:
        """The ``workflow_paused`` event, once it came."""
        return self._state.workflow_paused

    def final_event(self) -> WorkflowFinishedEvent | WorkflowPausedEvent:
        """The event that ended the run's stream, after reading the rest of it."""
        for _ in self:
            pass
        return _final_event(self._state)

    def __enter__(self) -> WorkflowEventStream:
        return self

    def __repr__(self) -> str:
        run = self._state._workflow_run_id
        return f"<{type(self).__name__} workflow_run_id={run!r} closed={self.response.is_closed}>"


class AsyncWorkflowEventStream(AsyncChatStream):
    """The async twin of :class:`WorkflowEventStream`."""

    _state: RunEventsState

    def __init__(
        self,
        response: httpx.Response,
        state: RunEventsState | None = None,
        *,
        stop_turn: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(response, stop_turn=stop_turn)
        self._state = state if state is not None else RunEventsState(response.request)

    def _final(self) -> ChatReply:
        return _chat_reply(self._state)

    @property
    def workflow_finished(self) -> WorkflowFinishedEvent | None:
        """The ``workflow_finished`` event, once it came."""
        return self._state.workflow_finished

    @property
    def workflow_paused(self) -> WorkflowPausedEvent | None:
        """The ``workflow_paused`` event, once it came."""
        return self._state.workflow_paused

    async def final_event(self) -> WorkflowFinishedEvent | WorkflowPausedEvent:
        """The event that ended the run's stream, after reading the rest of it."""
        async for _ in self:
            pass
        return _final_event(self._state)

    async def __aenter__(self) -> AsyncWorkflowEventStream:
        return self

    def __repr__(self) -> str:
        run = self._state._workflow_run_id
        return f"<{type(self).__name__} workflow_run_id={run!r} closed={self.response.is_closed}>"


def _chat_reply(state: RunEventsState) -> ChatReply:
    """A chat reply from a run's events: only when they carried the chat message's end."""
    if state.ended and state.message_end is None and state.workflow_paused is None:
        raise ConfigurationError(
            "these events carry no chat message (a finished run replays only its "
            "workflow_finished event): use final_event(), or client.chat.resume() for the "
            "turn's reply"
        )
    if not state.ended:
        raise state.closed_early()
    return state.reply()


def _final_event(state: RunEventsState) -> WorkflowFinishedEvent | WorkflowPausedEvent:
    if state.workflow_finished is not None:
        return state.workflow_finished
    if state.workflow_paused is not None:
        return state.workflow_paused
    raise state.closed_early()


class ResumedChatStream(WorkflowEventStream):
    """What ``client.chat.resume`` returns: the turn, continued (``source == "events"``).

    Iterate it for the events the caller had not seen; :attr:`answer` and
    :meth:`final_reply` include the answer the caller already had. A finished run's
    reply comes from its ``workflow_finished`` event and the message history. The reply
    of a run that paused again has ``paused`` set. :meth:`stop` can stop the turn before
    any event is read: its task id is the one the caller had.
    """

    _state: ResumeState
    #: Where the events came from: always ``"events"`` here (see :class:`RecoveredChatStream`).
    source: ResumeSource = "events"

    def __init__(
        self,
        response: httpx.Response,
        state: ResumeState,
        complete: Callable[[ResumeState], ChatReply],
        *,
        stop_turn: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(response, state, stop_turn=stop_turn)
        self._complete = complete
        self._reply: ChatReply | None = None

    def _read_events(self) -> Iterator[ChatEvent]:
        """The events the caller had not seen, as they arrive."""
        events = super()._read_events()
        state = self._state
        try:
            for event in events:
                if not state.skipped:
                    yield event
                    if state.workflow_paused is not None:
                        return  # paused again: the server would wait on for a resumption
        finally:
            events.close()  # type: ignore[attr-defined]  # a generator: closes the response

    def text_deltas(self) -> Iterator[str]:
        """The answer's text the caller did not have, as it arrives; for a finished run's
        replay, the rest of the answer in the history, in one piece."""
        yield from super().text_deltas()
        if self._state.needs_history:
            yield from _rest_of(self.final_reply(), self._state.answer)

    def final_reply(self) -> ChatReply:
        """The turn's :class:`ChatReply`, after reading the rest of the stream."""
        for _ in self:
            pass
        state = self._state
        if not state.ended:
            raise state.closed_early()
        if not state.needs_history:
            return state.reply()
        if self._reply is None:
            self._reply = self._complete(state)
        return self._reply

    def __enter__(self) -> ResumedChatStream:
        return self


class AsyncResumedChatStream(AsyncWorkflowEventStream):
    """The async twin of :class:`ResumedChatStream`."""

    _state: ResumeState
    source: ResumeSource = "events"

    def __init__(
        self,
        response: httpx.Response,
        state: ResumeState,
        complete: Callable[[ResumeState], Awaitable[ChatReply]],
        *,
        stop_turn: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(response, state, stop_turn=stop_turn)
        self._complete = complete
        self._reply: ChatReply | None = None

    async def _read_events(self) -> AsyncIterator[ChatEvent]:
        """The events the caller had not seen, as they arrive."""
        events = super()._read_events()
        state = self._state
        try:
            async for event in events:
                if not state.skipped:
                    yield event
                    if state.workflow_paused is not None:
                        return  # paused again: the server would wait on for a resumption
        finally:
            await events.aclose()  # type: ignore[attr-defined]  # an async generator

    async def text_deltas(self) -> AsyncIterator[str]:
        """The answer's text the caller did not have, as it arrives; for a finished run's
        replay, the rest of the answer in the history, in one piece."""
        async for text in super().text_deltas():
            yield text
        if self._state.needs_history:
            for text in _rest_of(await self.final_reply(), self._state.answer):
                yield text

    async def final_reply(self) -> ChatReply:
        """The turn's :class:`ChatReply`, after reading the rest of the stream."""
        async for _ in self:
            pass
        state = self._state
        if not state.ended:
            raise state.closed_early()
        if not state.needs_history:
            return state.reply()
        if self._reply is None:
            self._reply = await self._complete(state)
        return self._reply

    async def __aenter__(self) -> AsyncResumedChatStream:
        return self


def resumed_stream(
    origin: ResumeOrigin,
    complete: Callable[[ResumeState], ChatReply],
    stop_turn: Callable[[str], None],
) -> Callable[[httpx.Response | ChatReply], ResumedChatStream | RecoveredChatStream]:
    """What ``chat.resume`` makes of what it opened: the run's events, or the reply
    recovered on a server without them."""

    def wrap(opened: httpx.Response | ChatReply) -> ResumedChatStream | RecoveredChatStream:
        if isinstance(opened, httpx.Response):
            state = ResumeState(opened.request, origin)
            return ResumedChatStream(opened, state, complete, stop_turn=stop_turn)
        return RecoveredChatStream(opened, origin.answer)

    return wrap


def async_resumed_stream(
    origin: ResumeOrigin,
    complete: Callable[[ResumeState], Awaitable[ChatReply]],
    stop_turn: Callable[[str], Awaitable[None]],
) -> Callable[[httpx.Response | ChatReply], AsyncResumedChatStream | AsyncRecoveredChatStream]:
    """Async :func:`resumed_stream`."""

    def wrap(
        opened: httpx.Response | ChatReply,
    ) -> AsyncResumedChatStream | AsyncRecoveredChatStream:
        if isinstance(opened, httpx.Response):
            state = ResumeState(opened.request, origin)
            return AsyncResumedChatStream(opened, state, complete, stop_turn=stop_turn)
        return AsyncRecoveredChatStream(opened, origin.answer)

    return wrap


def _rest_of(reply: ChatReply, had: str) -> list[str]:
    """The text of ``reply`` beyond the answer the caller ``had`` (all of it when it cannot
    tell), as a list of at most one piece."""
    answer = reply.answer
    rest = answer[len(had) :] if answer.startswith(had) else answer
    return [rest] if rest else []


class _Recovered(StreamView):
    """What both recovered streams show: the recovered reply, nothing left to read."""

    #: ``"recovery"``: the server has no events endpoint; ``chat.recover`` built the reply.
    source: ResumeSource = "recovery"

    def __init__(self, reply: ChatReply, answer_so_far: str) -> None:
        self.reply = reply
        self._so_far = answer_so_far

    @property
    def _seen(self) -> ChatReply:
        return self.reply

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.reply!r}>"


class RecoveredChatStream(_Recovered):
    """``chat.resume`` on a server without the events endpoint (``source ==
    "recovery"``): iterating gives no events, :meth:`text_deltas` the rest of the answer
    in one piece, :meth:`final_reply` the recovered reply."""

    def __iter__(self) -> Iterator[ChatEvent]:
        """No events: the recovery read none."""
        return iter(())

    def text_deltas(self) -> Iterator[str]:
        """The part of the answer the caller did not have, in one piece."""
        return iter(_rest_of(self.reply, self._so_far))

    def final_reply(self) -> ChatReply:
        """The recovered :class:`ChatReply`."""
        return self.reply

    def close(self) -> None:
        """Nothing to close (kept for the stream interface)."""

    def stop(self) -> None:
        """Nothing to stop: the recovered turn had ended (kept for the stream interface)."""

    def __enter__(self) -> RecoveredChatStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncRecoveredChatStream(_Recovered):
    """The async twin of :class:`RecoveredChatStream`."""

    async def __aiter__(self) -> AsyncIterator[ChatEvent]:
        """No events: the recovery read none."""
        nothing: tuple[ChatEvent, ...] = ()
        for event in nothing:
            yield event

    async def text_deltas(self) -> AsyncIterator[str]:
        """The part of the answer the caller did not have, in one piece."""
        for text in _rest_of(self.reply, self._so_far):
            yield text

    async def final_reply(self) -> ChatReply:
        """The recovered :class:`ChatReply`."""
        return self.reply

    async def close(self) -> None:
        """Nothing to close (kept for the stream interface)."""

    async def stop(self) -> None:
        """Nothing to stop: the recovered turn had ended (kept for the stream interface)."""

    async def __aenter__(self) -> AsyncRecoveredChatStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
