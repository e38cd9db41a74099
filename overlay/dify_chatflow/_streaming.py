"""Chat streams: the SSE decoder, the stream's state machine, ``ChatStream`` / ``AsyncChatStream``.

Three layers, the first two free of I/O and shared by the sync and async streams:

- :class:`SSEDecoder` turns the body's bytes, in whatever chunks they arrive, into
  server-sent events by the WHATWG event-stream rules;
- :class:`ChatStreamState` turns those into typed events and keeps what the caller may ask
  for at any point (the answer so far, the ids seen, whether the turn ended), raising
  :class:`ChatStreamError` for an ``error`` event and building the
  :class:`StreamInterruptedError` for a stream that broke;
- :class:`ChatStream` / :class:`AsyncChatStream` read an open ``httpx.Response`` through
  them, one network chunk at a time (an event reaches the caller as soon as its bytes
  arrive). A stream is its own iterator, like a file: every loop continues where the
  last one stopped, and only ``close()``, ``stop()``, leaving the ``with`` block or the
  stream's garbage collection closes the response.

Nothing here depends on which terminal event comes last: Dify 1.10 ends a turn with
``workflow_finished`` then ``message_end``, 1.16 the other way round. A chat turn's body
is read to its end, and the turn counts as ended once ``message_end`` (or
``workflow_paused``) came; a state may end reading earlier (:attr:`ChatStreamState.complete`,
:meth:`ChatStreamState.ends_before`), for servers that keep a stream open after its end.
"""

from __future__ import annotations

import time
import uuid
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import httpx

from ._constants import MAX_EVENT_BYTES
from ._convert import optional_uuid
from ._exceptions import (
    ChatStreamError,
    ConfigurationError,
    ResponseDecodeError,
    StreamInterruptedError,
)
from .types.chat import ChatReply
from .types.events import (
    AgentMessageEvent,
    ChatEvent,
    ErrorEvent,
    HumanInputRequiredEvent,
    MessageEndEvent,
    MessageEvent,
    MessageReplaceEvent,
    WorkflowFinishedEvent,
    WorkflowPausedEvent,
    parse_event,
)

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, Flow, SyncAPIClient
    from .types.forms import WorkflowPause

__all__ = [
    "AsyncChatStream",
    "AsyncStreamManager",
    "ChatStream",
    "ChatStreamState",
    "SSEDecoder",
    "StreamView",
    "open_async_stream",
    "open_stream",
]

_BOM = b"\xef\xbb\xbf"
_LINE_ENDS = (b"\n", b"\r")


class SSEDecoder:
    """Incremental server-sent-events decoder over bytes (the WHATWG event-stream rules).

    Lines end with CRLF, LF or CR (a CRLF split across two chunks counts once); a line
    starting with ``:`` is a comment; ``data`` lines join with ``\\n``; an empty line
    dispatches the event. Unlike the letter of the spec, an event with a name but no data
    (Dify's ``event: ping``) is dispatched too. A leading byte-order mark is skipped.
    Lines are cut on bytes and only then decoded (UTF-8, bad bytes replaced), so a
    character split across chunks arrives whole. The event being read at the end of the
    body is dropped, as the spec says.

    ``feed(chunk)`` returns the ``(event_name, data)`` pairs completed by ``chunk``
    (``event_name`` is ``"message"`` when the event has no ``event`` field).
    ``last_event_id`` and ``retry`` hold the last ``id`` / valid ``retry`` fields seen.
    """

    def __init__(self, max_event_bytes: int = MAX_EVENT_BYTES) -> None:
        self._max_event_bytes = max_event_bytes
        self._head: bytes | None = b""  # the stream's first bytes, until the BOM is ruled out
        self._partial: list[bytes] = []  # an unfinished line, in pieces
        self._partial_size = 0
        self._skip_lf = False  # the last chunk ended with CR: a leading LF ends nothing
        self._name = ""
        self._data: list[str] = []
        self._event_size = 0
        self.last_event_id = ""
        self.retry: int | None = None

    def feed(self, chunk: bytes) -> list[tuple[str, str]]:
        """The events that ``chunk`` completes, in order."""
        if self._head is not None:
            chunk = self._head + chunk
            if len(chunk) < len(_BOM) and _BOM.startswith(chunk):
                self._head = chunk
                return []
            self._head = None
            if chunk.startswith(_BOM):
                chunk = chunk[len(_BOM) :]
        if self._skip_lf:
            self._skip_lf = False
            if chunk[:1] == b"\n":
                chunk = chunk[1:]
        if not chunk:
            return []
        if b"\r" not in chunk and not (self._partial or self._data or self._name):
            if chunk.find(b"\n") == len(chunk) - 2 and chunk[-1] == 10 and chunk[:6] == b"data: ":
                # Dify's framing: one chunk, one `data: <JSON>\n\n` event.
                return [("message", chunk[6:-2].decode("utf-8", "replace"))]
            return self._feed_blocks(chunk)
        return self._feed_lines(chunk)

    def _feed_blocks(self, chunk: bytes) -> list[tuple[str, str]]:
        """Between events, with LF line ends only: cut whole events first.

        Dify's events are one ``data:`` line each, so most blocks go straight through.
        """
        blocks = chunk.split(b"\n\n")
        rest = blocks.pop()  # the start of the next event (b"" if the chunk ended one)
        events: list[tuple[str, str]] = []
        for block in blocks:
            if block.startswith(b"data: ") and b"\n" not in block:
                events.append(("message", block[6:].decode("utf-8", "replace")))
            else:
                events.extend(self._feed_lines(block + b"\n\n"))
        if rest:
            events.extend(self._feed_lines(rest))
        return events

    def _feed_lines(self, chunk: bytes) -> list[tuple[str, str]]:
        """The general case, line by line."""
        if b"\n" not in chunk and b"\r" not in chunk:
            self._keep_partial(chunk)
            return []
        if self._partial:
            self._partial.append(chunk)
            chunk = b"".join(self._partial)
            self._partial = []
            self._partial_size = 0
        lines = chunk.splitlines()  # bytes split on CR, LF and CRLF only
        last = chunk[-1:]
        if last not in _LINE_ENDS:
            self._keep_partial(lines.pop())
        elif last == b"\r":
            self._skip_lf = True
        events: list[tuple[str, str]] = []
        for line in lines:
            if line:
                self._field(line)
            elif self._data or self._name:
                events.append((self._name or "message", "\n".join(self._data)))
                self._name = ""
                self._data = []
                self._event_size = 0
        return events

    def _keep_partial(self, piece: bytes) -> None:
        self._partial.append(piece)
        self._partial_size += len(piece)
        if self._partial_size + self._event_size > self._max_event_bytes:
            raise ResponseDecodeError(
                f"stream event larger than {self._max_event_bytes} bytes",
                raw=self._partial[0][:200].decode("utf-8", "replace"),
            )

    def _field(self, line: bytes) -> None:
        if line.startswith(b"data:"):
            # The common case first: Dify sends one `data: <JSON>` line per event.
            value = line[6:] if line[5:6] == b" " else line[5:]
            self._event_size += len(value)
            if self._event_size > self._max_event_bytes:
                raise ResponseDecodeError(
                    f"stream event larger than {self._max_event_bytes} bytes",
                    raw=self._data[0][:200] if self._data else "",
                )
            self._data.append(value.decode("utf-8", "replace"))
            return
        if line[:1] == b":":
            return  # a comment
        name, colon, value = line.partition(b":")
        if colon and value[:1] == b" ":
            value = value[1:]
        if name == b"event":
            self._name = value.decode("utf-8", "replace")
        elif name == b"data":  # a bare `data` line: an empty data line
            self._data.append("")
        elif name == b"id":
            if b"\0" not in value:
                self.last_event_id = value.decode("utf-8", "replace")
        elif name == b"retry" and value.isdigit():
            self.retry = int(value)


def _uuid_or_none(value: str | None) -> uuid.UUID | None:
    try:
        return optional_uuid(value, "id")
    except ValueError:
        return None


class ChatStreamState:
    """What a chat stream has delivered so far, and the rules of its end (no I/O).

    The stream classes drive it: :meth:`decode` each chunk of the body, :meth:`accept`
    each decoded event as it is handed to the caller (so ``answer`` and the ids are what
    the caller has seen), :meth:`finish` at the end of the body, :meth:`interrupted` when
    reading failed. Ids are kept as received and turned into UUIDs when read.
    """

    def __init__(self, request: httpx.Request | None = None) -> None:
        self._decoder = SSEDecoder()
        self._request = request
        self._parts: list[str] = []
        self._task_id: str | None = None
        self._conversation_id: str | None = None
        self._message_id: str | None = None
        self._workflow_run_id: str | None = None
        self._created_at: Any = None
        self._ids_known = False  # task, conversation and message ids all seen
        self.message_end: MessageEndEvent | None = None
        self.workflow_finished: WorkflowFinishedEvent | None = None
        self.workflow_paused: WorkflowPausedEvent | None = None
        #: The forms the run asked for (``human_input_required``), for ``reply().paused``.
        self.human_input_required: list[HumanInputRequiredEvent] = []
        #: Reading ended before the body's end (see :attr:`complete`, :meth:`ends_before`).
        self.stopped = False

    def decode(self, chunk: bytes) -> list[tuple[str, str]]:
        """The server-sent events that ``chunk`` completes."""
        return self._decoder.feed(chunk)

    def accept(self, name: str, data: str) -> ChatEvent:
        """The typed event for one decoded event, recorded as delivered.

        Raises :class:`ChatStreamError` for an ``error`` event.
        """
        event = parse_event(name, data)
        if type(event) is MessageEvent and self._ids_known:
            # The common case: the turn's ids never change, so only the text is new.
            answer = event.raw.get("answer")
            self._parts.append(answer if type(answer) is str else event.answer)
            return event
        raw = event.raw
        if raw:
            self._record_ids(raw)
        if isinstance(event, MessageEvent | AgentMessageEvent):
            self._parts.append(event.answer)
        elif isinstance(event, MessageReplaceEvent):
            self._parts = [event.answer]
        elif isinstance(event, MessageEndEvent):
            self.message_end = event
        elif isinstance(event, WorkflowFinishedEvent):
            self.workflow_finished = event
        elif isinstance(event, WorkflowPausedEvent):
            self.workflow_paused = event
        elif isinstance(event, HumanInputRequiredEvent):
            self.human_input_required.append(event)
        elif isinstance(event, ErrorEvent):
            raise self._stream_error(event)
        return event

    def _record_ids(self, raw: dict[str, Any]) -> None:
        get = raw.get
        if (task_id := get("task_id")) is not None:
            self._task_id = task_id
        if (conversation_id := get("conversation_id")) is not None:
            self._conversation_id = conversation_id
        if (message_id := get("message_id")) is not None:
            self._message_id = message_id
        if (run_id := get("workflow_run_id")) is not None:
            self._workflow_run_id = run_id
        if self._created_at is None:
            self._created_at = get("created_at")
        self._ids_known = None not in (
            self._task_id,
            self._conversation_id,
            self._message_id,
            self._created_at,
        )

    @property
    def answer(self) -> str:
        """The answer so far (``message`` deltas joined; a ``message_replace`` honoured)."""
        parts = self._parts
        if len(parts) > 1:
            parts[:] = ["".join(parts)]
        return parts[0] if parts else ""

    @property
    def task_id(self) -> uuid.UUID | None:
        """The task id seen (``None`` before the first event)."""
        return optional_uuid(self._task_id, "task_id")

    @property
    def conversation_id(self) -> uuid.UUID | None:
        """The conversation id seen."""
        return optional_uuid(self._conversation_id, "conversation_id")

    @property
    def message_id(self) -> uuid.UUID | None:
        """The message id seen."""
        return optional_uuid(self._message_id, "message_id")

    @property
    def workflow_run_id(self) -> uuid.UUID | None:
        """The workflow run id seen (from ``workflow_started`` on)."""
        return optional_uuid(self._workflow_run_id, "workflow_run_id")

    @property
    def ended(self) -> bool:
        """True once the turn's end came: ``message_end`` or ``workflow_paused``."""
        return self.message_end is not None or self.workflow_paused is not None

    @property
    def complete(self) -> bool:
        """True once nothing more belongs to the stream: reading stops without waiting
        for the body's end. A chat turn's body is read to its end (the server closes it)."""
        return False

    def ends_before(self, event: ChatEvent) -> bool:
        """True when ``event`` comes after the stream's end: reading stops without
        delivering it."""
        return False

    def finish(self) -> None:
        """The body ended: raise :class:`StreamInterruptedError` unless the turn had ended."""
        if not self.ended:
            raise self.interrupted(self._missing_end("the stream ended"))

    def interrupted(self, reason: str) -> StreamInterruptedError:
        """The error for a stream that broke, carrying what it had delivered."""
        return StreamInterruptedError(
            reason,
            request=self._request,
            answer_so_far=self.answer,
            task_id=_uuid_or_none(self._task_id),
            conversation_id=_uuid_or_none(self._conversation_id),
            message_id=_uuid_or_none(self._message_id),
            workflow_run_id=_uuid_or_none(self._workflow_run_id),
        )

    def broken(self, exc: httpx.TransportError) -> StreamInterruptedError:
        """The error for a read that failed with ``exc``."""
        if isinstance(exc, httpx.TimeoutException) and not isinstance(exc, httpx.ConnectTimeout):
            what = "no event arrived within the read timeout"
        else:
            # httpx-aiohttp reports some dropped connections as ConnectTimeout.
            what = f"the connection broke ({type(exc).__name__}: {exc})"
        return self.interrupted(self._missing_end(what))

    def closed_early(self) -> StreamInterruptedError:
        """The error for reading on after the stream was closed before its end."""
        return self.interrupted(self._missing_end("the stream was closed"))

    def _missing_end(self, what: str) -> str:
        finished = self.workflow_finished
        status = f" (the workflow run had ended: {finished.status})" if finished else ""
        return f"{what} before the turn's end (no message_end){status}"

    def reply(self) -> ChatReply:
        """The final reply; call only once :attr:`ended` (a paused turn has zero usage)."""
        end = self.message_end
        source: dict[str, Any]
        if end is not None:
            source = end.raw
        else:
            source = {
                "task_id": self._task_id,
                "conversation_id": self._conversation_id,
                "message_id": self._message_id,
                "created_at": self._created_at,
            }
        return ChatReply.from_stream(
            source,
            answer=self.answer,
            workflow_run_id=_uuid_or_none(self._workflow_run_id),
            paused=self.pause(),
        )

    def pause(self) -> WorkflowPause | None:
        """The run's pause (its forms), when the stream ended with ``workflow_paused``."""
        paused = self.workflow_paused
        if paused is None:
            return None
        from .types.forms import WorkflowPause

        return WorkflowPause.from_json(
            paused.data,
            requests=[event.data for event in self.human_input_required],
            workflow_run_id=paused.raw.get("workflow_run_id") or self._workflow_run_id,
        )

    def _stream_error(self, event: ErrorEvent) -> ChatStreamError:
        raw = event.raw
        code = raw.get("code")
        status = raw.get("status")
        message = raw.get("message")
        return ChatStreamError(
            message if isinstance(message, str) else "unknown error",
            code=code if isinstance(code, str) else None,
            status_code=status if isinstance(status, int) else None,
            body=raw,
            answer_so_far=self.answer,
            task_id=_uuid_or_none(self._task_id),
            conversation_id=_uuid_or_none(self._conversation_id),
            message_id=_uuid_or_none(self._message_id),
            workflow_run_id=_uuid_or_none(self._workflow_run_id),
        )


def _events_in(
    chunk: bytes, state: ChatStreamState, response: httpx.Response
) -> Iterator[ChatEvent]:
    """The events ``chunk`` completes, each accepted as it is handed on, up to where
    reading stops (then ``state.stopped`` is set): the stream's end came, or the caller
    closed the response while it held an event."""
    for name, data in state.decode(chunk):
        event = state.accept(name, data)
        if state.ends_before(event):
            state.stopped = True
            return
        yield event
        if response.is_closed:
            state.stopped = True
            if not state.ended:
                raise state.closed_early()
            return
        if state.complete:
            state.stopped = True
            return


def _unencoded(response: httpx.Response) -> bool:
    """True when the body is sent as is: then its chunks need no decoding layer."""
    encoding: str = response.headers.get("content-encoding", "identity")
    return encoding.strip().lower() == "identity"


class _Seen(Protocol):
    """What a stream has seen of its turn: a stream's state, or a recovered reply."""

    @property
    def answer(self) -> str: ...
    @property
    def task_id(self) -> uuid.UUID | None: ...
    @property
    def conversation_id(self) -> uuid.UUID | None: ...
    @property
    def message_id(self) -> uuid.UUID | None: ...
    @property
    def workflow_run_id(self) -> uuid.UUID | None: ...


class StreamView:
    """The answer and ids every stream shows, read from what it has seen."""

    @property
    def _seen(self) -> _Seen:
        raise NotImplementedError

    @property
    def answer(self) -> str:
        """The answer so far (``message_replace`` honoured)."""
        return self._seen.answer

    @property
    def task_id(self) -> uuid.UUID | None:
        """The task id (for ``chat.stop``), once the first event came."""
        return self._seen.task_id

    @property
    def conversation_id(self) -> uuid.UUID | None:
        """The conversation's id, once the first event came."""
        return self._seen.conversation_id

    @property
    def message_id(self) -> uuid.UUID | None:
        """The message's id, once the first event came."""
        return self._seen.message_id

    @property
    def workflow_run_id(self) -> uuid.UUID | None:
        """The workflow run's id, from ``workflow_started`` on."""
        return self._seen.workflow_run_id


#: How a stream read by ``stop()`` for its task id can end besides running out: an
#: ``error`` event, a broken connection or silence, an unreadable event.
_ENDS_BEFORE_STOP = (ChatStreamError, StreamInterruptedError, ResponseDecodeError)

#: What a stream's request to stop its turn gives: ``None`` (sync) or an awaitable of it.
StopResult = TypeVar("StopResult")


class _StreamView(StreamView, Generic[StopResult]):
    """A stream over an open response: what it has seen is its state.

    ``stop_turn`` sends the stop request for a task id (``chat.stop`` with the user the
    stream was opened for); a stream built without one cannot stop its turn.
    """

    response: httpx.Response
    _state: ChatStreamState
    _stop_turn: Callable[[str], StopResult] | None

    @property
    def _seen(self) -> ChatStreamState:
        return self._state

    def _stop_request(self) -> Callable[[], StopResult] | None:
        """The stop request to send once the stream is closed, ``None`` when there is
        nothing to stop: no task id came yet, or the turn had ended (stopping it would
        change nothing). :class:`ConfigurationError` for a stream built without a way
        to send it."""
        state = self._state
        task_id = state._task_id
        if task_id is None or state.ended:
            return None
        stop_turn = self._stop_turn
        if stop_turn is None:
            raise ConfigurationError(
                f"this stream was built without a client, so it cannot stop its turn; call "
                f"client.chat.stop({task_id!r}, user=...) instead"
            )
        return lambda: stop_turn(task_id)

    def _stop_deadline(self) -> float | None:
        """When :meth:`stop` gives up waiting for the task id: the stream's read timeout
        (its longest allowed silence) from now, ``None`` without one."""
        timeout = self.response.request.extensions.get("timeout", {}).get("read")
        return None if timeout is None else time.monotonic() + timeout

    def _awaits_task_id(self, deadline: float | None) -> bool:
        """Whether :meth:`stop` reads on: no event named the task yet, the turn runs on,
        the response is open and the deadline has not passed."""
        state = self._state
        return (
            state._task_id is None
            and not state.ended
            and not self.response.is_closed
            and (deadline is None or time.monotonic() < deadline)
        )

    def _final(self) -> ChatReply:
        if not self._state.ended:
            raise self._state.closed_early()
        return self._state.reply()


class ChatStream(_StreamView[None]):
    """A chat answer being streamed: iterate it for typed events.

    Built from a response opened with ``client.send(request, stream=True)``; the stream
    owns it from then on. The stream is its own iterator, like a file: ``iter(stream)``
    is the stream itself, so ``next(stream)`` peeks and a loop left with ``break``
    leaves the rest to the next loop, :meth:`text_deltas` or :meth:`final_reply`. Leaving
    the ``with`` block, :meth:`close`, or the stream's garbage collection closes the
    response (the connection goes back to the pool, or is dropped if the body was not
    read to its end); reading on after that raises :class:`StreamInterruptedError`
    unless the turn had ended.

    Raises :class:`ChatStreamError` at an ``error`` event (after every event before it),
    and :class:`StreamInterruptedError` when the connection drops, no event arrives within
    the read timeout, or the body ends before the turn's end. ``response`` is the
    ``httpx.Response`` (status, headers). :meth:`stop` asks the server to stop the turn
    and closes the stream; ``stop_turn`` is how (a stream opened by ``client.chat`` has
    it): it sends the stop request for a task id.
    """

    def __init__(
        self, response: httpx.Response, *, stop_turn: Callable[[str], None] | None = None
    ) -> None:
        self.response = response
        self._state = ChatStreamState(response.request)
        self._stop_turn = stop_turn
        self._chunks = response.iter_raw() if _unencoded(response) else response.iter_bytes()
        # One reader for the stream's life: every loop continues where the last stopped.
        self._events = self._read_events()
        # A stream dropped unclosed, even unread, gives its connection back.
        weakref.finalize(self, response.close)

    def __iter__(self) -> ChatStream:
        """The stream itself (one iterator, as a file is)."""
        return self

    def __next__(self) -> ChatEvent:
        """The next event, as it arrives."""
        return next(self._events)

    def _read_events(self) -> Iterator[ChatEvent]:
        state = self._state
        response = self.response
        if response.is_closed:
            if not state.ended:
                raise state.closed_early()
            return
        try:
            for chunk in self._chunks:
                yield from _events_in(chunk, state, response)
                if state.stopped:
                    return
            state.finish()
        except httpx.TransportError as exc:
            raise state.broken(exc) from exc
        finally:
            response.close()

    def text_deltas(self) -> Iterator[str]:
        """The answer's text as it arrives, one ``message`` delta at a time, from where
        the reader is.

        Text already given cannot be taken back: after a ``message_replace`` (output
        moderation) the final text is in :attr:`answer` and :meth:`final_reply`.
        """
        for event in self:
            if isinstance(event, MessageEvent | AgentMessageEvent):
                yield event.answer

    def final_reply(self) -> ChatReply:
        """The :class:`ChatReply`, after reading the rest of the stream."""
        for _ in self:
            pass
        return self._final()

    def close(self) -> None:
        """Close the response (safe to call more than once)."""
        self.response.close()

    def stop(self) -> None:
        """Close the stream and ask the server to stop the turn (its task, for the user the
        stream was opened for), so that it stops running and billing its models.

        Called before an event named the task (right after opening, say), it first reads
        the stream up to the first event that does, for at most the stream's read
        timeout; what it reads goes to the stream's state (:attr:`answer`, the ids) as
        any read does. If the stream ends or breaks before naming its task, or once the
        turn had ended, there is nothing to stop: the stream is only closed, and that
        end or break is not raised. The stream is closed before the stop request is
        sent; an error of the stop request is raised after that, as the usual typed
        errors.
        """
        deadline = self._stop_deadline()
        try:
            while self._awaits_task_id(deadline):
                next(self._events)
        except (StopIteration, *_ENDS_BEFORE_STOP):
            pass  # the stream ended or broke: its turn is over or out of reach
        self.close()
        request = self._stop_request()
        if request is not None:
            request()

    def __enter__(self) -> ChatStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ChatStream task_id={self._state._task_id!r} closed={self.response.is_closed}>"


class AsyncChatStream(_StreamView[Awaitable[None]]):
    """The async twin of :class:`ChatStream`: ``async with`` / ``async for``, ``await``.

    Built from a response opened with ``await client.send(request, stream=True)`` (plain
    ``httpx.AsyncClient`` or ``DefaultAioHttpClient``). ``aiter(stream)`` is the stream
    itself: an ``async for`` left with ``break`` leaves the rest to the next one. Leaving
    ``async with`` or calling :meth:`close` closes the response at once; a stream that is
    garbage collected unclosed after it was read from is closed when the event loop
    finalises its reader (leave ``async with`` to be certain). ``await stream.stop()``
    asks the server to stop the turn and closes the stream (``stop_turn``: as for
    :class:`ChatStream`).
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        stop_turn: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        self.response = response
        self._state = ChatStreamState(response.request)
        self._stop_turn = stop_turn
        self._chunks = response.aiter_raw() if _unencoded(response) else response.aiter_bytes()
        # One reader for the stream's life: every loop continues where the last stopped.
        self._events = self._read_events()

    def __aiter__(self) -> AsyncChatStream:
        """The stream itself (one iterator, as a file is)."""
        return self

    async def __anext__(self) -> ChatEvent:
        """The next event, as it arrives."""
        return await anext(self._events)

    async def _read_events(self) -> AsyncIterator[ChatEvent]:
        state = self._state
        response = self.response
        if response.is_closed:
            if not state.ended:
                raise state.closed_early()
            return
        try:
            async for chunk in self._chunks:
                for event in _events_in(chunk, state, response):
                    yield event
                if state.stopped:
                    return
            state.finish()
        except httpx.TransportError as exc:
            raise state.broken(exc) from exc
        finally:
            await response.aclose()

    async def text_deltas(self) -> AsyncIterator[str]:
        """The answer's text as it arrives, one ``message`` delta at a time, from where
        the reader is.

        Text already given cannot be taken back: after a ``message_replace`` (output
        moderation) the final text is in :attr:`answer` and :meth:`final_reply`.
        """
        async for event in self:
            if isinstance(event, MessageEvent | AgentMessageEvent):
                yield event.answer

    async def final_reply(self) -> ChatReply:
        """The :class:`ChatReply`, after reading the rest of the stream."""
        async for _ in self:
            pass
        return self._final()

    async def close(self) -> None:
        """Close the response (safe to call more than once)."""
        await self.response.aclose()

    async def stop(self) -> None:
        """Async :meth:`ChatStream.stop`: read up to the event naming the task if none
        did yet (for at most the read timeout), close the stream, then ask the server to
        stop the turn (nothing is sent if the stream ended or broke before naming its
        task, or once the turn had ended)."""
        deadline = self._stop_deadline()
        try:
            while self._awaits_task_id(deadline):
                await anext(self._events)
        except (StopAsyncIteration, *_ENDS_BEFORE_STOP):
            pass  # the stream ended or broke: its turn is over or out of reach
        await self.close()
        request = self._stop_request()
        if request is not None:
            await request()

    async def __aenter__(self) -> AsyncChatStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        closed = self.response.is_closed
        return f"<AsyncChatStream task_id={self._state._task_id!r} closed={closed}>"


class _Closable(Protocol):
    async def close(self) -> None: ...


S = TypeVar("S", bound=_Closable)


class AsyncStreamManager(Generic[S]):
    """What the async ``chat.stream``, ``chat.resume`` and ``workflows.events`` return:
    ``async with`` it (or ``await`` it) for the stream; the request is sent then, its
    arguments were checked at the call."""

    def __init__(self, open_stream: Callable[[], Awaitable[S]]) -> None:
        self._open = open_stream
        self._stream: S | None = None

    async def __aenter__(self) -> S:
        self._stream = await self._open()
        return self._stream

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            await self._stream.close()

    def __await__(self) -> Generator[Any, None, S]:
        return self._open().__await__()

    def __repr__(self) -> str:
        return f"<AsyncStreamManager {'open' if self._stream is not None else 'not entered'}>"


# -- Opening a stream: one helper per client kind ----------------------------------------

R = TypeVar("R")
T = TypeVar("T")


def _is_event_stream(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")
    return content_type.startswith("text/event-stream")


def _not_an_event_stream(response: httpx.Response, what: str) -> ResponseDecodeError:
    """The error for a 2xx answer to a stream's request that is not an event stream (read)."""
    content_type = response.headers.get("content-type", "")
    return ResponseDecodeError(
        f"expected an event stream (text/event-stream) for {what}, got "
        f"{content_type or 'no content type'!r} ({len(response.content)} bytes; the body is "
        "in .raw)",
        raw=response.text,
        response=response,
        show_raw=False,
    )


def open_stream(client: SyncAPIClient, flow: Flow[R], wrap: Callable[[R], T], *, what: str) -> T:
    """Run ``flow``, which opens a stream, and ``wrap`` what it gave. A response that is
    not an event stream is read, closed and refused (:class:`ResponseDecodeError` naming
    ``what``); a flow may also give something else (a reply built another way)."""
    opened = client._run(flow)
    if isinstance(opened, httpx.Response) and not _is_event_stream(opened):
        opened.read()
        opened.close()
        raise _not_an_event_stream(opened, what)
    return wrap(opened)


def open_async_stream(
    client: AsyncAPIClient, flow: Callable[[], Flow[R]], wrap: Callable[[R], S], *, what: str
) -> AsyncStreamManager[S]:
    """Async :func:`open_stream`: the manager that runs a new ``flow()`` when entered (or
    awaited); the arguments were checked before."""

    async def open_and_wrap() -> S:
        opened = await client._run(flow())
        if isinstance(opened, httpx.Response) and not _is_event_stream(opened):
            await opened.aread()
            await opened.aclose()
            raise _not_an_event_stream(opened, what)
        return wrap(opened)

    return AsyncStreamManager(open_and_wrap)
