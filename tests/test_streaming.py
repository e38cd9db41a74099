"""Chat streams: SSE decoding by the WHATWG rules, and ChatStream / AsyncChatStream over a
real local server that sends exact bytes, chunk by chunk (Dify 1.10 and 1.16 framings,
error events, cut connections, missing ends, slow events, pings, early exits).
"""

from __future__ import annotations

import asyncio
import gc
import json
import socket
import struct
import threading
import time
import uuid
import weakref
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from typing import Any

import httpx
import pytest
from dify_chatflow import (
    APIConnectionError,
    APIError,
    ConfigurationError,
    DefaultAioHttpClient,
    DifyError,
    ResponseDecodeError,
)
from dify_chatflow._exceptions import ChatStreamError, StreamInterruptedError
from dify_chatflow._run_streams import AsyncWorkflowEventStream, WorkflowEventStream
from dify_chatflow._streaming import AsyncChatStream, ChatStream, ChatStreamState, SSEDecoder
from dify_chatflow.types.chat import ChatReply
from dify_chatflow.types.events import (
    ChatEvent,
    MessageEndEvent,
    MessageEvent,
    MessageReplaceEvent,
    NodeFinishedEvent,
    NodeStartedEvent,
    PingEvent,
    UnknownEvent,
    WorkflowFinishedEvent,
    WorkflowStartedEvent,
)
from hypothesis import given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.filterwarnings("error")

TASK = "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
CONVERSATION = "0b8f3f4e-8c4e-4a7e-9d55-2f6f0a1d7c11"
MESSAGE = "5a1e2c3d-4b5f-4a6b-8c7d-9e0f1a2b3c4d"
RUN = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2f10"
CREATED = 1764576000
TURN = {"conversation_id": CONVERSATION, "message_id": MESSAGE, "created_at": CREATED}


# -- SSE decoding ---------------------------------------------------------------------------


def decode(*chunks: bytes, max_event_bytes: int = 1 << 20) -> list[tuple[str, str]]:
    decoder = SSEDecoder(max_event_bytes)
    events: list[tuple[str, str]] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    return events


@pytest.mark.parametrize("end", [b"\n", b"\r", b"\r\n"])
def test_every_line_ending_ends_lines_and_events(end: bytes) -> None:
    stream = b"data: one" + end + end + b"event: custom" + end + b"data: two" + end + end
    assert decode(stream) == [("message", "one"), ("custom", "two")]


def test_a_crlf_split_between_chunks_ends_one_line() -> None:
    assert decode(b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n") == [("message", "a\nb")]


def test_data_lines_join_with_newlines_and_one_leading_space_is_dropped() -> None:
    stream = b"data:  two spaces\ndata:none\ndata\ndata: last\n\n"
    assert decode(stream) == [("message", " two spaces\nnone\n\nlast")]


def test_comments_and_unknown_fields_are_ignored() -> None:
    stream = b": keep-alive\ndata: x\nfoo: bar\n: another\n\n:only a comment\n\n"
    assert decode(stream) == [("message", "x")]


def test_an_event_without_data_is_delivered_with_its_name() -> None:
    # Dify's keep-alive; the letter of the spec would drop it, httpx-sse delivers it too.
    assert decode(b"event: ping\n\n", b"data: {}\n\n") == [("ping", ""), ("message", "{}")]


def test_blank_lines_alone_dispatch_nothing() -> None:
    assert decode(b"\n\n\n\r\n") == []


def test_several_events_in_one_chunk_and_one_event_over_many() -> None:
    assert decode(b"data: 1\n\ndata: 2\n\nda", b"ta: 3", b"\n", b"\n") == [
        ("message", "1"),
        ("message", "2"),
        ("message", "3"),
    ]


def test_a_utf8_character_split_across_chunks_arrives_whole() -> None:
    encoded = 'data: {"answer": "héllo 👋"}\n\n'.encode()
    cut = encoded.index("👋".encode()) + 2
    assert decode(encoded[:cut], encoded[cut:]) == [("message", '{"answer": "héllo 👋"}')]


def test_invalid_utf8_is_replaced_not_fatal() -> None:
    assert decode(b"data: \xff\n\n") == [("message", "\ufffd")]


@pytest.mark.parametrize("cut", [1, 2, 3, 4])
def test_a_leading_byte_order_mark_is_skipped_even_when_split(cut: int) -> None:
    stream = b"\xef\xbb\xbfdata: x\n\n"
    assert decode(stream[:cut], stream[cut:]) == [("message", "x")]


def test_only_a_leading_byte_order_mark_is_skipped() -> None:
    assert decode(b"data: a\n\n\xef\xbb\xbfdata: b\n\n") == [("message", "a")]


def test_id_and_retry_are_kept() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"id: 7\nretry: 1500\nretry: soon\ndata: x\n\n") == [("message", "x")]
    assert (decoder.last_event_id, decoder.retry) == ("7", 1500)


def test_an_unfinished_event_at_the_end_of_the_body_is_not_delivered() -> None:
    assert decode(b"data: done\n\ndata: half") == [("message", "done")]


def test_an_event_larger_than_the_limit_is_refused_not_buffered() -> None:
    # One line that never ends, and an event whose lines never stop.
    for piece in (b"data: " + b"x" * 100, b"data: " + b"x" * 100 + b"\n"):
        with pytest.raises(ResponseDecodeError, match="larger than 1000 bytes"):
            decode(*[piece] * 100, max_event_bytes=1000)


def reference_decode(stream: bytes) -> list[tuple[str, str]]:
    """The WHATWG algorithm read literally, on the whole decoded text (plus named
    events without data, as Dify's pings need)."""
    text = stream.decode("utf-8", "replace")
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines.pop()  # what follows the last line end is not a line
    events: list[tuple[str, str]] = []
    name, data = "", list[str]()
    for line in lines:
        if not line:
            if data or name:
                events.append((name or "message", "\n".join(data)))
            name, data = "", []
        elif line.startswith(":"):
            continue
        else:
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
    return events


LINE_TEXT = st.text(st.characters(blacklist_characters="\r\n", codec="utf-8"), max_size=12)
LINES = st.one_of(
    st.builds(lambda v: f"data: {v}", LINE_TEXT),
    st.builds(lambda v: f"data:{v}", LINE_TEXT),
    st.builds(lambda v: f"event: {v}", LINE_TEXT),
    st.builds(lambda v: f": {v}", LINE_TEXT),
    st.builds(lambda v: f"id: {v}", LINE_TEXT),
    st.just("data"),
    st.just(""),
)
STREAMS = st.builds(
    lambda bom, lines, ends: (
        ("\ufeff" if bom else "")
        + "".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    ),
    st.booleans(),
    st.lists(LINES, max_size=12),
    st.lists(st.sampled_from(["\n", "\r", "\r\n"]), min_size=1, max_size=4),
).map(lambda text: text.encode())


@settings(max_examples=150, deadline=None)
@given(STREAMS)
def test_any_split_of_a_stream_gives_the_same_events(stream: bytes) -> None:
    expected = reference_decode(stream)
    assert decode(stream) == expected
    assert decode(*(stream[i : i + 1] for i in range(len(stream)))) == expected
    for cut in range(len(stream) + 1):
        assert decode(stream[:cut], stream[cut:]) == expected


@settings(max_examples=100, deadline=None)
@given(STREAMS, st.lists(st.integers(min_value=0, max_value=200), max_size=6))
def test_random_chunkings_give_the_same_events(stream: bytes, cuts: list[int]) -> None:
    points = sorted({min(cut, len(stream)) for cut in cuts})
    chunks = [stream[a:b] for a, b in zip([0, *points], [*points, len(stream)], strict=True)]
    assert decode(*chunks) == reference_decode(stream)


# -- A server that sends exact bytes ------------------------------------------------------


class Pause:
    """Hold the stream until ``release`` is set (at most 10 s: then ``timed_out``)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.timed_out = False


CUT = "cut"  # close the connection mid-body (no last chunk)
RESET = "reset"  # abort the connection (TCP RST)

Step = bytes | Pause | str


class ScriptServer:
    """An HTTP/1.1 server on 127.0.0.1 answering every request with a chunked body of
    exact bytes, one HTTP chunk per ``bytes`` step, from the script set for its path.

    Counts requests and connections still open, so tests see what the client closed.
    """

    def __init__(self) -> None:
        self.scripts: dict[str, list[Step]] = {}
        self.headers: dict[str, bytes] = {}  # extra header lines, by path
        self.requests = 0
        self.open_connections = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._stopping = False
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        self._listener.settimeout(0.05)  # so that stop() is noticed
        while not self._stopping:
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(None)
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self.open_connections += 1
                self._sockets.append(connection)
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        buffered = b""
        try:
            while not self._stopping:
                while b"\r\n\r\n" not in buffered:
                    received = connection.recv(65536)
                    if not received:
                        return
                    buffered += received
                head, _, buffered = buffered.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                length = 0
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                while len(buffered) < length:
                    buffered += connection.recv(65536)
                buffered = buffered[length:]
                with self._lock:
                    self.requests += 1
                if not self._answer(connection, self.scripts[path], self.headers.get(path, b"")):
                    return
        except OSError:
            return
        finally:
            self._close(connection)

    def _answer(self, connection: socket.socket, script: list[Step], headers: bytes) -> bool:
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
            b"Transfer-Encoding: chunked\r\nX-Version: 1.16.1\r\n%s\r\n" % headers
        )
        for step in script:
            if isinstance(step, bytes):
                connection.sendall(b"%x\r\n%s\r\n" % (len(step), step))
            elif isinstance(step, Pause):
                step.timed_out = not step.release.wait(10)
            elif step == RESET:
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return False
            elif step == CUT:
                return False
        connection.sendall(b"0\r\n\r\n")
        return True

    def _close(self, connection: socket.socket) -> None:
        with self._lock:
            if connection in self._sockets:
                self._sockets.remove(connection)
                self.open_connections -= 1
        connection.close()

    def wait_open_connections(self, count: int) -> int:
        """The number of open connections once it is ``count`` (or after 5 s)."""
        deadline = time.monotonic() + 5
        while self.open_connections != count and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.open_connections

    def stop(self) -> None:
        self._stopping = True
        self._accepting.join(5)
        self._listener.close()
        with self._lock:
            sockets = list(self._sockets)
        for connection in sockets:
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(5)


@pytest.fixture
def server() -> Iterator[ScriptServer]:
    running = ScriptServer()
    yield running
    running.stop()


def sse(event: dict[str, Any]) -> bytes:
    """One Dify event as sent live: compact JSON, ``data: ...`` and a blank line."""
    return b"data: " + json.dumps(event, separators=(",", ":")).encode() + b"\n\n"


PING = b"event: ping\n\n"


def message(answer: str) -> bytes:
    return sse({"event": "message", **TURN, "task_id": TASK, "id": MESSAGE, "answer": answer})


def workflow_started() -> bytes:
    data = {"id": RUN, "workflow_id": str(uuid.uuid4()), "inputs": {}, "created_at": CREATED}
    return sse(
        {"event": "workflow_started", **TURN, "task_id": TASK, "workflow_run_id": RUN, "data": data}
    )


def node(event: str, node_id: str, node_type: str, title: str, **extra: Any) -> bytes:
    data = {"id": str(uuid.uuid4()), "node_id": node_id, "node_type": node_type, "title": title}
    data.update(extra)
    return sse({"event": event, **TURN, "task_id": TASK, "workflow_run_id": RUN, "data": data})


def workflow_finished(status: str = "succeeded", error: str | None = None) -> bytes:
    data: dict[str, Any] = {"id": RUN, "status": status, "error": error, "created_at": CREATED}
    data |= {"outputs": {"answer": "Hello world"}, "elapsed_time": 0.25, "total_steps": 2}
    return sse(
        {
            "event": "workflow_finished",
            **TURN,
            "task_id": TASK,
            "workflow_run_id": RUN,
            "data": data,
        }
    )


USAGE = {
    "prompt_tokens": 3,
    "prompt_unit_price": "0.001",
    "prompt_price_unit": "0.001",
    "prompt_price": "0.0000030",
    "completion_tokens": 2,
    "completion_unit_price": "0.002",
    "completion_price_unit": "0.001",
    "completion_price": "0.0000040",
    "total_tokens": 5,
    "total_price": "0.0000070",
    "currency": "USD",
    "latency": 0.42,
}


def message_end(**metadata: Any) -> bytes:
    meta = {"annotation_reply": None, "retriever_resources": [], "usage": USAGE, **metadata}
    return sse(
        {
            "event": "message_end",
            **TURN,
            "task_id": TASK,
            "id": MESSAGE,
            "metadata": meta,
            "files": [],
        }
    )


def error_event(code: str, message_text: str, status: int) -> bytes:
    # Dify's mid-stream error event carries no task_id.
    return sse({"event": "error", **TURN, "code": code, "message": message_text, "status": status})


def dify_1_10_turn() -> list[Step]:
    return [
        workflow_started(),
        node("node_started", "start", "start", "Start"),
        message("Hello"),
        message(" world"),
        node("node_finished", "start", "start", "Start", status="succeeded", elapsed_time=0.01),
        node("node_started", "answer", "answer", "Answer"),
        node("node_finished", "answer", "answer", "Answer", status="succeeded", elapsed_time=0.02),
        workflow_finished(),
        message_end(),
    ]


def dify_1_16_turn() -> list[Step]:
    turn = dify_1_10_turn()
    return [PING, *turn[:-2], message_end(reasoning={}), turn[-2]]


def collect(stream: ChatStream, into: list[ChatEvent]) -> None:
    for event in stream:
        into.append(event)


async def async_collect(stream: AsyncChatStream, into: list[ChatEvent]) -> None:
    async for event in stream:
        into.append(event)


def open_stream(client: httpx.Client, path: str = "/chat-messages") -> ChatStream:
    request = client.build_request("POST", path, json={"query": "hi", "user": "u"})
    return ChatStream(client.send(request, stream=True))


@contextmanager
def sync_client(server: ScriptServer, **options: Any) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=options.pop("timeout", 5), **options) as c:
        yield c


EXPECTED_1_10 = [
    WorkflowStartedEvent,
    NodeStartedEvent,
    MessageEvent,
    MessageEvent,
    NodeFinishedEvent,
    NodeStartedEvent,
    NodeFinishedEvent,
    WorkflowFinishedEvent,
    MessageEndEvent,
]
EXPECTED_1_16 = [PingEvent, *EXPECTED_1_10[:-2], MessageEndEvent, WorkflowFinishedEvent]


def check_final_reply(reply: ChatReply) -> None:
    assert reply.answer == "Hello world"
    assert reply.conversation_id == uuid.UUID(CONVERSATION)
    assert reply.message_id == uuid.UUID(MESSAGE)
    assert reply.task_id == uuid.UUID(TASK)
    assert reply.workflow_run_id == uuid.UUID(RUN)
    assert reply.created_at.timestamp() == CREATED
    assert reply.usage.total_tokens == 5
    assert str(reply.usage.total_price) == "0.0000070"


# -- The state machine, without I/O ----------------------------------------------------------


def fed(state: ChatStreamState, *steps: Step) -> list[ChatEvent]:
    return [
        state.accept(name, data)
        for step in steps
        if isinstance(step, bytes)
        for name, data in state.decode(step)
    ]


@pytest.mark.parametrize("script", [dify_1_10_turn, dify_1_16_turn], ids=["1.10", "1.16"])
def test_the_turn_ends_at_message_end_whichever_terminal_event_comes_last(
    script: Callable[[], list[Step]],
) -> None:
    state = ChatStreamState()
    steps = [step for step in script() if isinstance(step, bytes)]
    end = next(
        i for i, step in enumerate(steps) if step.startswith(b'data: {"event":"message_end"')
    )
    fed(state, *steps[:end])
    assert not state.ended
    with pytest.raises(StreamInterruptedError):
        state.finish()
    fed(state, *steps[end:])
    assert state.ended
    state.finish()
    assert state.message_end is not None
    assert state.workflow_finished is not None
    check_final_reply(state.reply())


def test_a_paused_run_ends_the_stream_without_message_end() -> None:
    # Dify 1.14+: a Human Input node pauses the run and the stream closes.
    required = sse(
        {"event": "human_input_required", **TURN, "task_id": TASK, "workflow_run_id": RUN}
    )
    paused = sse(
        {
            "event": "workflow_paused",
            **TURN,
            "task_id": TASK,
            "workflow_run_id": RUN,
            "data": {"status": "paused"},
        }
    )
    state = ChatStreamState()
    fed(state, PING, workflow_started(), required, paused)
    state.finish()  # no error: the run waits, the stream did not break
    reply = state.reply()
    assert (reply.answer, reply.message_id, reply.workflow_run_id) == (
        "",
        uuid.UUID(MESSAGE),
        uuid.UUID(RUN),
    )
    assert reply.usage.total_tokens == 0


def test_agent_messages_add_to_the_answer_too() -> None:
    agent = sse({"event": "agent_message", **TURN, "task_id": TASK, "answer": "Hi"})
    state = ChatStreamState()
    fed(state, agent, message(" there"))
    assert state.answer == "Hi there"


# -- Sync streams ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "expected"),
    [(dify_1_10_turn, EXPECTED_1_10), (dify_1_16_turn, EXPECTED_1_16)],
    ids=["dify-1.10", "dify-1.16"],
)
def test_a_whole_turn_streams_typed_events_and_a_final_reply(
    server: ScriptServer, script: Callable[[], list[Step]], expected: list[type]
) -> None:
    server.scripts["/chat-messages"] = script()
    with sync_client(server) as client, open_stream(client) as stream:
        events = list(stream)
        assert [type(event) for event in events] == expected
        assert stream.answer == "Hello world"
        assert stream.task_id == uuid.UUID(TASK)
        assert stream.conversation_id == uuid.UUID(CONVERSATION)
        assert stream.message_id == uuid.UUID(MESSAGE)
        assert stream.workflow_run_id == uuid.UUID(RUN)
        check_final_reply(stream.final_reply())
        node_finished = next(e for e in events if isinstance(e, NodeFinishedEvent))
        assert (node_finished.node_id, node_finished.title) == ("start", "Start")
        assert (node_finished.status, node_finished.elapsed_time) == ("succeeded", 0.01)
        # Read to its end: the connection went back to the pool, still open.
        assert server.wait_open_connections(1) == 1


def test_final_reply_drains_the_rest_and_text_deltas_give_the_answer(
    server: ScriptServer,
) -> None:
    server.scripts["/chat-messages"] = dify_1_16_turn()
    with sync_client(server) as client:
        with open_stream(client) as stream:
            assert list(stream.text_deltas()) == ["Hello", " world"]
        with open_stream(client) as stream:
            first = next(iter(stream))
            assert isinstance(first, PingEvent)
        with open_stream(client) as stream:
            check_final_reply(stream.final_reply())
            assert list(stream) == []  # nothing left, no error
    assert server.requests == 3


def test_message_replace_replaces_the_answer_so_far(server: ScriptServer) -> None:
    replace = sse(
        {"event": "message_replace", **TURN, "task_id": TASK, "answer": "[removed]", "reason": "x"}
    )
    server.scripts["/chat-messages"] = [message("bad words"), replace, message("!"), message_end()]
    with sync_client(server) as client, open_stream(client) as stream:
        events = list(stream)
        assert isinstance(events[1], MessageReplaceEvent)
        assert stream.answer == "[removed]!"
        assert stream.final_reply().answer == "[removed]!"


def test_unknown_events_pings_and_comments_pass_and_the_stream_goes_on(
    server: ScriptServer,
) -> None:
    novel = sse({"event": "brand_new_event", **TURN, "task_id": TASK, "data": {"x": 1}})
    server.scripts["/chat-messages"] = [
        PING,
        b": keep-alive comment\n\n",
        message("a"),
        novel,
        PING,
        message("b"),
        message_end(),
    ]
    with sync_client(server) as client, open_stream(client) as stream:
        events = list(stream)
    assert [type(event) for event in events] == [
        PingEvent,
        MessageEvent,
        UnknownEvent,
        PingEvent,
        MessageEvent,
        MessageEndEvent,
    ]
    assert events[2].event == "brand_new_event"
    assert events[2].raw["data"] == {"x": 1}
    assert stream.answer == "ab"


def test_events_split_across_chunks_or_packed_in_one_arrive_alike(server: ScriptServer) -> None:
    whole = b"".join(step for step in dify_1_16_turn() if isinstance(step, bytes))
    server.scripts["/split"] = [whole[i : i + 7] for i in range(0, len(whole), 7)]
    server.scripts["/packed"] = [whole]
    with sync_client(server) as client:
        for path in ("/split", "/packed"):
            with open_stream(client, path) as stream:
                assert [type(event) for event in stream] == EXPECTED_1_16
                check_final_reply(stream.final_reply())


def test_a_long_stream_keeps_no_event_the_caller_did_not_keep(server: ScriptServer) -> None:
    server.scripts["/chat-messages"] = [*(message("x") for _ in range(2000)), message_end()]
    seen: list[weakref.ref[ChatEvent]] = []
    with sync_client(server) as client, open_stream(client) as stream:
        for event in stream:
            seen.append(weakref.ref(event))
        del event
    gc.collect()
    alive = [type(ref()) for ref in seen if ref() is not None]
    assert alive == [MessageEndEvent]  # kept for final_reply(), with the answer
    assert len(stream.answer) == 2000


def test_a_compressed_stream_is_decoded_chunk_by_chunk(server: ScriptServer) -> None:
    # A proxy in front of Dify may gzip the stream.
    compressor = zlib.compressobj(wbits=31)
    pieces = [
        compressor.compress(step) + compressor.flush(zlib.Z_SYNC_FLUSH)
        for step in dify_1_16_turn()
        if isinstance(step, bytes)
    ]
    server.scripts["/chat-messages"] = [*pieces, compressor.flush()]
    server.headers["/chat-messages"] = b"Content-Encoding: gzip\r\n"
    with sync_client(server) as client, open_stream(client) as stream:
        assert [type(event) for event in stream] == EXPECTED_1_16
        check_final_reply(stream.final_reply())


def test_an_error_event_raises_after_every_event_before_it(server: ScriptServer) -> None:
    server.scripts["/chat-messages"] = [
        workflow_started(),
        message("Partial"),
        error_event("completion_request_error", "[openai] Rate limit", 400),
        message("never delivered"),
    ]
    delivered: list[ChatEvent] = []
    with (
        sync_client(server) as client,
        open_stream(client) as stream,
        pytest.raises(ChatStreamError) as caught,
    ):
        collect(stream, delivered)
    assert [type(event) for event in delivered] == [WorkflowStartedEvent, MessageEvent]
    error = caught.value
    assert isinstance(error, APIError)
    assert isinstance(error, DifyError)
    assert (error.code, error.status_code) == ("completion_request_error", 400)
    assert error.message == "[openai] Rate limit"
    assert isinstance(error.body, dict)
    assert error.body["event"] == "error"
    assert error.answer_so_far == "Partial"
    assert error.task_id == uuid.UUID(TASK)
    assert error.conversation_id == uuid.UUID(CONVERSATION)
    assert error.message_id == uuid.UUID(MESSAGE)
    assert error.workflow_run_id == uuid.UUID(RUN)
    assert "completion_request_error" in str(error)


def test_a_failed_run_ends_with_its_error_event(server: ScriptServer) -> None:
    server.scripts["/chat-messages"] = [
        workflow_started(),
        workflow_finished("failed", "boom"),
        error_event("internal_server_error", "Run failed: boom", 500),
    ]
    with (
        sync_client(server) as client,
        open_stream(client) as stream,
        pytest.raises(ChatStreamError, match="Run failed: boom") as caught,
    ):
        stream.final_reply()
    assert caught.value.status_code == 500


@pytest.mark.parametrize("fault", [CUT, RESET])
def test_a_dropped_connection_raises_with_what_was_seen(server: ScriptServer, fault: str) -> None:
    server.scripts["/chat-messages"] = [workflow_started(), message("Hel"), message("lo"), fault]
    delivered: list[ChatEvent] = []
    with (
        sync_client(server) as client,
        open_stream(client) as stream,
        pytest.raises(StreamInterruptedError) as caught,
    ):
        collect(stream, delivered)
    assert len(delivered) == 3
    error = caught.value
    assert isinstance(error, APIConnectionError)
    assert isinstance(error.__cause__, httpx.TransportError)
    assert "connection broke" in str(error)
    assert error.answer_so_far == "Hello"
    assert error.task_id == uuid.UUID(TASK)
    assert error.workflow_run_id == uuid.UUID(RUN)
    assert error.request is not None


def test_a_body_that_ends_without_the_turns_end_is_an_interruption(
    server: ScriptServer,
) -> None:
    # Real Dify streams sometimes just stop before the turn's end (here: after
    # workflow_finished, without message_end).
    server.scripts["/chat-messages"] = [workflow_started(), message("Hi"), workflow_finished()]
    with (
        sync_client(server) as client,
        open_stream(client) as stream,
        pytest.raises(StreamInterruptedError, match="no message_end") as caught,
    ):
        stream.final_reply()
    assert "succeeded" in str(caught.value)
    assert caught.value.answer_so_far == "Hi"
    assert caught.value.__cause__ is None


def test_a_read_timeout_between_events_is_an_interruption(server: ScriptServer) -> None:
    pause = Pause()
    server.scripts["/chat-messages"] = [message("slow"), pause, message_end()]
    timeout = httpx.Timeout(5, read=0.2)
    with (
        sync_client(server, timeout=timeout) as client,
        open_stream(client) as stream,
        pytest.raises(StreamInterruptedError, match="read timeout") as caught,
    ):
        stream.final_reply()
    pause.release.set()
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.answer_so_far == "slow"


def test_the_first_event_arrives_while_the_server_still_holds_the_rest(
    server: ScriptServer,
) -> None:
    pause = Pause()
    server.scripts["/chat-messages"] = [message("first"), pause, message_end()]
    with sync_client(server) as client, open_stream(client) as stream:
        events = iter(stream)
        first = next(events)  # a buffering stream would wait out the pause (10 s) here
        pause.release.set()
        assert isinstance(first, MessageEvent)
        assert [type(event) for event in events] == [MessageEndEvent]
    assert not pause.timed_out


def held_turn() -> tuple[list[Step], Pause]:
    pause = Pause()
    return [workflow_started(), message("a"), pause, message("b"), message_end()], pause


@pytest.mark.parametrize(
    "how", ["close", "exit block", "garbage collection", "garbage collection unread"]
)
def test_closing_or_dropping_a_stream_closes_the_response_and_frees_the_pool(
    server: ScriptServer, how: str
) -> None:
    script, pause = held_turn()
    server.scripts["/chat-messages"] = script
    server.scripts["/next"] = dify_1_16_turn()
    # One connection in the pool: a leaked one would make the next request wait for it.
    limits = httpx.Limits(max_connections=1)
    timeout = httpx.Timeout(5, pool=1)
    with sync_client(server, limits=limits, timeout=timeout) as client:
        stream = open_stream(client)
        response = stream.response
        if how != "garbage collection unread":
            next(stream)
        if how == "close":
            stream.close()
        elif how == "exit block":
            with stream:
                pass
        else:
            del stream
            gc.collect()
        assert response.is_closed
        pause.release.set()
        assert server.wait_open_connections(0) == 0  # the unread connection was dropped
        with open_stream(client, "/next") as again:
            check_final_reply(again.final_reply())


@pytest.mark.parametrize("how", ["close", "exit block"])
def test_reading_a_closed_stream_before_its_end_is_an_interruption(
    server: ScriptServer, how: str
) -> None:
    script, pause = held_turn()
    server.scripts["/chat-messages"] = script
    with sync_client(server) as client:
        stream = open_stream(client)
        first = next(stream)
        if how == "close":
            stream.close()
        else:
            with stream:
                pass
        pause.release.set()
        with pytest.raises(StreamInterruptedError, match="closed before") as caught:
            list(stream)
        with pytest.raises(StreamInterruptedError, match="closed before"):
            stream.final_reply()
    assert isinstance(first, WorkflowStartedEvent)
    assert caught.value.workflow_run_id == uuid.UUID(RUN)


def stop_script(server: ScriptServer) -> str:
    """Answer the stop request of the turn's task as Dify does; its path."""
    path = f"/chat-messages/{TASK}/stop"
    server.scripts[path] = [b'{"result": "success"}']
    return path


def test_stop_closes_the_stream_first_so_one_pooled_connection_is_enough(
    server: ScriptServer,
) -> None:
    script, pause = held_turn()
    server.scripts["/chat-messages"] = script
    path = stop_script(server)
    answers: list[object] = []
    # One connection in the pool: the stop request can only have it once the stream let go.
    limits = httpx.Limits(max_connections=1)
    with sync_client(server, limits=limits, timeout=httpx.Timeout(5, pool=1)) as client:

        def stop_turn(task_id: str) -> None:
            answers.append(client.post(path.replace(TASK, task_id)).json())

        request = client.build_request("POST", "/chat-messages", json={"query": "hi"})
        stream = ChatStream(client.send(request, stream=True), stop_turn=stop_turn)
        try:
            assert [type(next(stream)), type(next(stream))] == [WorkflowStartedEvent, MessageEvent]
            stream.stop()
        finally:
            pause.release.set()
    assert answers == [{"result": "success"}]
    assert stream.response.is_closed
    assert server.requests == 2


def test_a_stream_built_without_a_client_cannot_stop_its_turn(server: ScriptServer) -> None:
    script, pause = held_turn()
    server.scripts["/chat-messages"] = script
    try:
        with sync_client(server) as client:
            unread = open_stream(client)
            # stop() reads on to the task id, which it then cannot stop.
            with pytest.raises(ConfigurationError, match=r"client\.chat\.stop\("):
                unread.stop()
            assert unread.response.is_closed
            assert unread.task_id == uuid.UUID(TASK)
            stream = open_stream(client)
            next(stream)
            with pytest.raises(ConfigurationError, match=r"client\.chat\.stop\("):
                stream.stop()
            assert stream.response.is_closed
    finally:
        pause.release.set()
    assert server.requests == 2


# -- One iterator per stream: peeking, breaking and reading on -------------------------------


def test_a_stream_is_its_own_iterator_so_a_peek_then_a_loop_reads_the_whole_turn(
    server: ScriptServer,
) -> None:
    server.scripts["/chat-messages"] = dify_1_16_turn()
    with sync_client(server) as client, open_stream(client) as stream:
        assert iter(stream) is stream
        first = next(iter(stream))
        rest = [type(event) for event in stream]
        check_final_reply(stream.final_reply())
    assert [type(first), *rest] == EXPECTED_1_16
    assert server.requests == 1


def twice_held_turn() -> tuple[list[Step], Pause, Pause]:
    first, second = Pause(), Pause()
    script: list[Step] = [workflow_started(), message("a"), first, message("b"), second]
    script.append(message_end())
    return script, first, second


def test_a_loop_left_with_break_keeps_the_connection_for_the_next_loop(
    server: ScriptServer,
) -> None:
    script, first, second = twice_held_turn()
    server.scripts["/chat-messages"] = script
    try:
        with sync_client(server) as client:
            with open_stream(client) as stream:
                for event in stream:
                    if isinstance(event, MessageEvent):
                        break
                assert not stream.response.is_closed
                assert server.open_connections == 1
                first.release.set()
                # The server sends "b" on the connection the first loop left open.
                for event in stream:
                    assert isinstance(event, MessageEvent)
                    break
                assert stream.answer == "ab"
            assert stream.response.is_closed
            second.release.set()  # the server writes on, then sees the client gone
            assert server.wait_open_connections(0) == 0  # dropped, not kept for reuse
    finally:
        first.release.set()
        second.release.set()
    assert not first.timed_out


def test_text_deltas_after_a_peek_continue_from_the_reader(server: ScriptServer) -> None:
    server.scripts["/chat-messages"] = dify_1_10_turn()
    with sync_client(server) as client, open_stream(client) as stream:
        peeked = [next(stream), next(stream), next(stream)]  # up to the first text
        rest = list(stream.text_deltas())
        check_final_reply(stream.final_reply())
    assert [type(event) for event in peeked] == EXPECTED_1_10[:3]
    assert rest == [" world"]


def test_final_reply_after_a_partial_loop_drains_the_rest(server: ScriptServer) -> None:
    server.scripts["/chat-messages"] = dify_1_16_turn()
    with sync_client(server) as client, open_stream(client) as stream:
        for text in stream.text_deltas():
            assert text == "Hello"
            break
        reply = stream.final_reply()
        assert list(stream) == []  # nothing left to read
    check_final_reply(reply)


def test_leaving_after_the_turns_end_still_gives_the_reply(server: ScriptServer) -> None:
    server.scripts["/chat-messages"] = dify_1_16_turn()
    with sync_client(server) as client, open_stream(client) as stream:
        for event in stream:
            if isinstance(event, MessageEndEvent):
                break
        reply = stream.final_reply()
    assert reply.answer == "Hello world"
    assert reply.workflow_run_id == uuid.UUID(RUN)


def test_a_malformed_event_raises_a_decode_error(server: ScriptServer) -> None:
    server.scripts["/chat-messages"] = [message("a"), b"data: {not json\n\n", message_end()]
    with sync_client(server) as client, open_stream(client) as stream:
        with pytest.raises(ResponseDecodeError, match="not JSON"):
            list(stream)
        assert stream.response.is_closed


# -- Async streams, over httpx.AsyncClient and DefaultAioHttpClient ------------------------

ASYNC_CLIENTS = ["httpx", "aiohttp"]
#: Event loop turns a test gives the loop's own work (finalising a dropped async
#: generator) before it checks the result.
LOOP_TURNS = 1000


@asynccontextmanager
async def async_client(kind: str, server: ScriptServer, **options: Any) -> AsyncIterator[Any]:
    options.setdefault("timeout", 5)
    client_class = httpx.AsyncClient if kind == "httpx" else DefaultAioHttpClient
    async with client_class(base_url=server.base_url, **options) as client:
        yield client


async def open_async_stream(client: httpx.AsyncClient, path: str = "/chat-messages") -> Any:
    request = client.build_request("POST", path, json={"query": "hi", "user": "u"})
    return AsyncChatStream(await client.send(request, stream=True))


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
@pytest.mark.parametrize(
    ("script", "expected"),
    [(dify_1_10_turn, EXPECTED_1_10), (dify_1_16_turn, EXPECTED_1_16)],
    ids=["dify-1.10", "dify-1.16"],
)
def test_async_whole_turn(
    server: ScriptServer, kind: str, script: Callable[[], list[Step]], expected: list[type]
) -> None:
    server.scripts["/chat-messages"] = script()

    async def scenario() -> None:
        async with async_client(kind, server) as client:
            async with await open_async_stream(client) as stream:
                assert [type(event) async for event in stream] == expected
                assert stream.answer == "Hello world"
                assert stream.workflow_run_id == uuid.UUID(RUN)
                check_final_reply(await stream.final_reply())
            async with await open_async_stream(client) as stream:
                assert [text async for text in stream.text_deltas()] == ["Hello", " world"]
            async with await open_async_stream(client) as stream:
                check_final_reply(await stream.final_reply())

    asyncio.run(scenario())
    assert server.requests == 3


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
def test_async_error_event(server: ScriptServer, kind: str) -> None:
    server.scripts["/chat-messages"] = [
        workflow_started(),
        message("Partial"),
        error_event("provider_quota_exceeded", "quota", 400),
    ]

    async def scenario() -> tuple[list[ChatEvent], ChatStreamError]:
        delivered: list[ChatEvent] = []
        async with (
            async_client(kind, server) as client,
            await open_async_stream(client) as stream,
        ):
            with pytest.raises(ChatStreamError) as caught:
                await async_collect(stream, delivered)
        return delivered, caught.value

    delivered, error = asyncio.run(scenario())
    assert [type(event) for event in delivered] == [WorkflowStartedEvent, MessageEvent]
    assert (error.code, error.status_code, error.answer_so_far) == (
        "provider_quota_exceeded",
        400,
        "Partial",
    )
    assert error.workflow_run_id == uuid.UUID(RUN)


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
@pytest.mark.parametrize("fault", [CUT, RESET, "no end"])
def test_async_interruptions(server: ScriptServer, kind: str, fault: str) -> None:
    ending = [] if fault == "no end" else [fault]
    server.scripts["/chat-messages"] = [workflow_started(), message("Hel"), message("lo"), *ending]

    async def scenario() -> StreamInterruptedError:
        async with (
            async_client(kind, server) as client,
            await open_async_stream(client) as stream,
        ):
            with pytest.raises(StreamInterruptedError) as caught:
                await stream.final_reply()
        return caught.value

    error = asyncio.run(scenario())
    assert error.answer_so_far == "Hello"
    assert error.task_id == uuid.UUID(TASK)
    assert error.workflow_run_id == uuid.UUID(RUN)
    if fault == "no end":
        assert "no message_end" in str(error)
    else:
        assert isinstance(error.__cause__, httpx.TransportError)


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
def test_async_read_timeout(server: ScriptServer, kind: str) -> None:
    pause = Pause()
    server.scripts["/chat-messages"] = [message("slow"), pause, message_end()]

    async def scenario() -> StreamInterruptedError:
        timeout = httpx.Timeout(5, read=0.2)
        async with (
            async_client(kind, server, timeout=timeout) as client,
            await open_async_stream(client) as stream,
        ):
            with pytest.raises(StreamInterruptedError) as caught:
                await stream.final_reply()
        return caught.value

    try:
        error = asyncio.run(scenario())
    finally:
        pause.release.set()
    assert isinstance(error.__cause__, httpx.TimeoutException)
    assert "read timeout" in str(error)
    assert error.answer_so_far == "slow"


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
@pytest.mark.parametrize("how", ["exit block", "close", "garbage collection"])
def test_async_closing_or_dropping_frees_the_pool(
    server: ScriptServer, kind: str, how: str
) -> None:
    script, pause = held_turn()
    server.scripts["/chat-messages"] = script
    server.scripts["/next"] = dify_1_16_turn()

    async def scenario() -> None:
        limits = httpx.Limits(max_connections=1)
        timeout = httpx.Timeout(5, pool=1)
        async with async_client(kind, server, limits=limits, timeout=timeout) as client:
            stream = await open_async_stream(client)
            response = stream.response
            await anext(stream)
            if how == "exit block":
                async with stream:
                    pass
            elif how == "close":
                await stream.close()
                with pytest.raises(StreamInterruptedError, match="closed before"):
                    await stream.final_reply()
            else:
                del stream
                gc.collect()
                # The loop finalises the dropped stream's reader in a task of its own: give
                # it turns, a bounded number, until the response is closed.
                for _ in range(LOOP_TURNS):
                    if response.is_closed:
                        break
                    await asyncio.sleep(0)
            assert response.is_closed
            pause.release.set()
            assert await asyncio.to_thread(server.wait_open_connections, 0) == 0
            async with await open_async_stream(client, "/next") as again:
                check_final_reply(await again.final_reply())

    try:
        asyncio.run(scenario())
    finally:
        pause.release.set()


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
def test_async_peek_then_loop_reads_the_whole_turn(server: ScriptServer, kind: str) -> None:
    server.scripts["/chat-messages"] = dify_1_16_turn()

    async def scenario() -> list[type]:
        async with (
            async_client(kind, server) as client,
            await open_async_stream(client) as stream,
        ):
            assert aiter(stream) is stream
            first = await anext(aiter(stream))
            rest = [type(event) async for event in stream]
            check_final_reply(await stream.final_reply())
        return [type(first), *rest]

    assert asyncio.run(scenario()) == EXPECTED_1_16


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
def test_async_break_keeps_the_connection_for_the_next_loop(
    server: ScriptServer, kind: str
) -> None:
    script, first, second = twice_held_turn()
    server.scripts["/chat-messages"] = script

    async def scenario() -> None:
        async with async_client(kind, server) as client:
            async with await open_async_stream(client) as stream:
                async for event in stream:
                    if isinstance(event, MessageEvent):
                        break
                assert not stream.response.is_closed
                assert server.open_connections == 1
                first.release.set()
                async for event in stream:  # "b", on the connection the first loop left open
                    assert isinstance(event, MessageEvent)
                    break
                assert stream.answer == "ab"
            assert stream.response.is_closed
            second.release.set()  # the server writes on, then sees the client gone
            assert await asyncio.to_thread(server.wait_open_connections, 0) == 0

    try:
        asyncio.run(scenario())
    finally:
        first.release.set()
        second.release.set()
    assert not first.timed_out


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
def test_async_stop_closes_the_stream_then_sends_the_stop_request(
    server: ScriptServer, kind: str
) -> None:
    script, pause = held_turn()
    server.scripts["/chat-messages"] = script
    path = stop_script(server)
    answers: list[object] = []

    async def scenario() -> None:
        async with async_client(kind, server) as client:

            async def stop_turn(task_id: str) -> None:
                assert stream.response.is_closed  # closed before the request goes
                answer = await client.post(path.replace(TASK, task_id))
                answers.append(answer.json())

            request = client.build_request("POST", "/chat-messages", json={"query": "hi"})
            stream = AsyncChatStream(await client.send(request, stream=True), stop_turn=stop_turn)
            async with stream:
                async for event in stream:
                    if isinstance(event, MessageEvent):
                        break
                await stream.stop()
            assert stream.response.is_closed

    try:
        asyncio.run(scenario())
    finally:
        pause.release.set()
    assert answers == [{"result": "success"}]
    assert server.requests == 2


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
def test_async_text_deltas_and_final_reply_continue_from_the_reader(
    server: ScriptServer, kind: str
) -> None:
    server.scripts["/chat-messages"] = dify_1_10_turn()
    server.scripts["/next"] = dify_1_16_turn()

    async def scenario() -> tuple[list[str], list[str]]:
        async with async_client(kind, server) as client:
            async with await open_async_stream(client) as stream:
                for _ in range(3):  # up to the first text
                    await anext(stream)
                after_peek = [text async for text in stream.text_deltas()]
                check_final_reply(await stream.final_reply())
            async with await open_async_stream(client, "/next") as stream:
                partial = []
                async for text in stream.text_deltas():
                    partial.append(text)
                    break
                check_final_reply(await stream.final_reply())
                assert [event async for event in stream] == []
        return after_peek, partial

    assert asyncio.run(scenario()) == ([" world"], ["Hello"])


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
def test_async_first_event_arrives_while_the_server_holds_the_rest(
    server: ScriptServer, kind: str
) -> None:
    pause = Pause()
    server.scripts["/chat-messages"] = [message("first"), pause, message_end()]

    async def scenario() -> list[type]:
        async with (
            async_client(kind, server) as client,
            await open_async_stream(client) as stream,
        ):
            events = aiter(stream)
            first = await anext(events)
            pause.release.set()
            assert isinstance(first, MessageEvent)
            return [type(event) async for event in events]

    try:
        rest = asyncio.run(scenario())
    finally:
        pause.release.set()
    assert rest == [MessageEndEvent]
    assert not pause.timed_out


# -- Run event streams that the server holds open after the run's end ------------------------

HELD_ENDINGS: dict[str, list[Step]] = {
    # The run finished; the server pings on (Dify 1.16, continue_on_pause).
    "ping after workflow_finished": [workflow_finished(), PING],
    "message_end then workflow_finished": [message_end(), workflow_finished()],
    "workflow_finished then message_end": [workflow_finished(), message_end()],
}


def held_run(ending: list[Step]) -> tuple[list[Step], Pause]:
    """A followed run's events, then the server holding the stream open, pinging."""
    pause = Pause()
    return [PING, workflow_started(), message("Hello world"), *ending, pause, PING, PING], pause


def open_run_stream(client: httpx.Client) -> WorkflowEventStream:
    return WorkflowEventStream(client.send(client.build_request("GET", "/events"), stream=True))


@pytest.mark.parametrize("ending", list(HELD_ENDINGS))
def test_a_run_stream_ends_with_the_run_not_with_the_connection(
    server: ScriptServer, ending: str
) -> None:
    script, pause = held_run(HELD_ENDINGS[ending])
    server.scripts["/events"] = script
    try:
        with sync_client(server) as client:
            stream = open_run_stream(client)
            events = [type(event) for event in stream]  # returns while the server holds on
            assert stream.response.is_closed  # released at once
            finished = stream.final_event()
    finally:
        pause.release.set()
    assert not pause.timed_out
    assert isinstance(finished, WorkflowFinishedEvent)
    assert events[-1] in (WorkflowFinishedEvent, MessageEndEvent)
    assert events.count(PingEvent) == 1  # the stream's opening ping only
    if ending != "ping after workflow_finished":
        assert stream.final_reply().answer == "Hello world"


@pytest.mark.parametrize("kind", ASYNC_CLIENTS)
@pytest.mark.parametrize("ending", list(HELD_ENDINGS))
def test_async_run_stream_ends_with_the_run_not_with_the_connection(
    server: ScriptServer, kind: str, ending: str
) -> None:
    script, pause = held_run(HELD_ENDINGS[ending])
    server.scripts["/events"] = script

    async def scenario() -> list[type]:
        async with async_client(kind, server) as client:
            request = client.build_request("GET", "/events")
            stream = AsyncWorkflowEventStream(await client.send(request, stream=True))
            events = [type(event) async for event in stream]
            assert stream.response.is_closed
            assert isinstance(await stream.final_event(), WorkflowFinishedEvent)
            return events

    try:
        events = asyncio.run(scenario())
    finally:
        pause.release.set()
    assert not pause.timed_out
    assert events.count(PingEvent) == 1


def test_a_chat_stream_reads_on_after_workflow_finished(server: ScriptServer) -> None:
    # A chat turn's stream is read to its end: a ping between workflow_finished and
    # message_end (Dify 1.10's order) does not end it.
    pause = Pause()
    server.scripts["/chat-messages"] = [workflow_started(), message("Hi"), workflow_finished()]
    server.scripts["/chat-messages"] += [pause, PING, message_end()]
    with sync_client(server) as client, open_stream(client) as stream:
        seen = [type(next(stream)) for _ in range(3)]
        pause.release.set()
        seen += [type(event) for event in stream]
    assert seen[-2:] == [PingEvent, MessageEndEvent]
