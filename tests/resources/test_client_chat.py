"""client.chat against the embedded server: blocking and streamed turns, typed events in
each dialect's order, every stream fault, early exits, stop, recover, retries, errors
before the stream, local checks and timeouts, on sync, async and aiohttp-backed clients."""

from __future__ import annotations

import asyncio
import decimal
import json
import logging
import socket
import threading
import uuid
from datetime import datetime
from typing import Any

import httpx
import pytest
from chat_support import (
    chat_requests,
    chunks,
    eventually,
    open_connections,
    stream_turn,
    wait_open_connections,
)
from dify_chatflow import (
    BLOCKING_CHAT_TIMEOUT,
    STREAM_TIMEOUT,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncChatflowClient,
    AuthenticationError,
    BadRequestError,
    ChatflowClient,
    ChatReply,
    ChatStreamError,
    ConfigurationError,
    ConversationNotFoundError,
    InputValidationError,
    InvalidIdError,
    InvalidParamError,
    MessageEndEvent,
    MessageEvent,
    MessageReplaceEvent,
    NodeFinishedEvent,
    NodeStartedEvent,
    PingEvent,
    RecoveryError,
    RetryPolicy,
    StreamInterruptedError,
    UnknownEvent,
    Usage,
    WorkflowFinishedEvent,
    WorkflowStartedEvent,
)
from dify_chatflow.testing import DifyTestServer, Fault
from resource_support import API_KEY, USER

ANSWER_PARTS = ("Hello", ", ", "world")
ANSWER = "".join(ANSWER_PARTS)


@pytest.fixture
def chatty(server: DifyTestServer) -> DifyTestServer:
    """The server, its app answering every query with ANSWER in three message events."""
    server.add_app(API_KEY, responder=chunks(*ANSWER_PARTS))
    return server


# -- turns ----------------------------------------------------------------------------------


def test_blocking_turn_then_a_follow_up_in_the_same_conversation(chatty, driver):
    client = driver.client(chatty)

    first = driver.run(client.chat.send("Hi there"))
    second = driver.run(client.chat.send("And again", conversation_id=first.conversation_id))

    assert isinstance(first, ChatReply)
    assert first.answer == ANSWER
    assert all(
        isinstance(value, uuid.UUID)
        for value in (first.conversation_id, first.message_id, first.task_id)
    )
    assert isinstance(first.created_at, datetime)
    assert first.created_at.utcoffset() is not None
    assert isinstance(first.usage, Usage)
    assert first.usage.total_price == decimal.Decimal("0")
    assert first.usage.currency == "USD"
    assert first.retriever_resources == []
    assert "usage" in first.metadata
    assert second.conversation_id == first.conversation_id
    assert second.message_id != first.message_id
    kept = chatty.messages(str(first.conversation_id))
    assert [(m.query, m.answer) for m in kept] == [("Hi there", ANSWER), ("And again", ANSWER)]
    assert [r.json["response_mode"] for r in chat_requests(chatty)] == ["blocking", "blocking"]


def test_streamed_turn_gives_typed_events_in_the_dialects_order(chatty, driver, dialect):
    client = driver.client(chatty)

    turn = stream_turn(driver, client, "Hi there")

    assert turn.error is None
    body = ["message"] * 3
    if dialect == "1.16":  # a ping first; message_end before workflow_finished
        expected = ["ping", "workflow_started", *body, "node_started", "node_finished"]
        expected += ["node_started", "node_finished", "message_end", "workflow_finished"]
    else:
        expected = ["workflow_started", "node_started", *body, "node_finished"]
        expected += ["node_started", "node_finished", "workflow_finished", "message_end"]
    assert turn.kinds() == expected
    classes = {
        "ping": PingEvent,
        "workflow_started": WorkflowStartedEvent,
        "message": MessageEvent,
        "node_started": NodeStartedEvent,
        "node_finished": NodeFinishedEvent,
        "message_end": MessageEndEvent,
        "workflow_finished": WorkflowFinishedEvent,
    }
    assert [type(event) for event in turn.events] == [classes[name] for name in expected]
    assert [event.answer for event in turn.of(MessageEvent)] == list(ANSWER_PARTS)
    reply, stream = turn.reply, turn.stream
    assert reply is not None
    assert reply.answer == ANSWER == stream.answer
    started = turn.of(WorkflowStartedEvent)[0]
    assert started.workflow_run_id == stream.workflow_run_id == reply.workflow_run_id
    assert (stream.task_id, stream.conversation_id, stream.message_id) == (
        reply.task_id,
        reply.conversation_id,
        reply.message_id,
    )
    nodes = turn.of(NodeFinishedEvent)
    assert [(n.node_type, n.title, n.status) for n in nodes] == [
        ("start", "Start", "succeeded"),
        ("answer", "Answer", "succeeded"),
    ]
    assert all(isinstance(n.elapsed_time, float) and n.node_id for n in nodes)
    assert nodes[1].outputs["answer"] == ANSWER
    finished = turn.of(WorkflowFinishedEvent)[0]
    assert (finished.status, finished.outputs, finished.error) == (
        "succeeded",
        {"answer": ANSWER, "files": []},
        None,
    )
    end = turn.of(MessageEndEvent)[0]
    assert end.usage == reply.usage
    assert end.message_id == reply.message_id
    assert all(event.raw.get("event", "ping") == event.event for event in turn.events)
    # What the server kept is what was streamed.
    run = eventually(lambda: chatty.workflow_run(str(reply.workflow_run_id)).finished_at)
    assert run is not None
    assert chatty.workflow_run(str(reply.workflow_run_id)).status == "succeeded"
    assert chatty.messages(str(reply.conversation_id))[-1].answer == ANSWER


def test_streamed_follow_ups_stay_in_one_conversation(chatty, driver):
    client = driver.client(chatty)

    first = stream_turn(driver, client, "one")
    assert first.reply is not None
    conversation = first.reply.conversation_id
    second = stream_turn(driver, client, "two", conversation_id=conversation)
    third = driver.run(client.chat.send("three", conversation_id=str(conversation)))

    assert second.reply is not None
    assert second.reply.conversation_id == conversation
    assert third.conversation_id == conversation
    assert [m.query for m in chatty.messages(str(conversation))] == ["one", "two", "three"]
    assert len(chatty.conversations(user=USER)) == 1


def test_text_deltas_give_the_answer_as_it_arrives(chatty, driver):
    client = driver.client(chatty)
    if driver.loop is None:
        with client.chat.stream("Hi") as stream:
            deltas = list(stream.text_deltas())
            reply = stream.final_reply()
    else:

        async def run() -> tuple[list[str], ChatReply]:
            async with client.chat.stream("Hi") as stream:
                found = [text async for text in stream.text_deltas()]
                return found, await stream.final_reply()

        deltas, reply = driver.loop.run_until_complete(run())

    assert deltas == list(ANSWER_PARTS)
    assert reply.answer == ANSWER


def test_a_stream_awaited_without_async_with_works_too(chatty, driver):
    if driver.loop is None:
        pytest.skip("the async stream manager only")
    client = driver.client(chatty)

    async def run() -> ChatReply:
        stream = await client.chat.stream("Hi")
        try:
            reply = await stream.final_reply()
            assert isinstance(reply, ChatReply)
            return reply
        finally:
            await stream.close()

    assert driver.loop.run_until_complete(run()).answer == ANSWER


def test_the_failure_ending_raises_after_the_events_before_it(server, driver, dialect):
    def failing(query: str, inputs: Any, conversation: Any) -> Any:
        yield "partial "
        raise RuntimeError("the model is down")

    server.add_app(API_KEY, responder=failing)
    client = driver.client(server)

    turn = stream_turn(driver, client, "Hi")

    error = turn.error
    assert isinstance(error, ChatStreamError)
    assert (error.code, error.status_code) == ("invalid_param", 400)
    assert error.message == "Run failed: the model is down"
    assert error.answer_so_far == "partial "
    assert error.conversation_id == turn.stream.conversation_id is not None
    assert error.message_id is not None
    assert error.workflow_run_id is not None
    finished = turn.of(WorkflowFinishedEvent)
    assert [f.status for f in finished] == ["failed"]
    assert finished[0].error == "the model is down"
    assert [e.answer for e in turn.of(MessageEvent)] == ["partial "]

    with pytest.raises(InvalidParamError) as blocking:
        driver.run(client.chat.send("Hi"))
    assert blocking.value.status_code == 400
    assert blocking.value.message == "Run failed: the model is down"


# -- events the embedded server does not send: from a server of exact bytes ----------------


@pytest.fixture
def script_server() -> Any:
    from test_streaming import ScriptServer

    running = ScriptServer()
    yield running
    running.stop()


def test_unknown_events_pass_through_and_message_replace_replaces_the_answer(script_server, driver):
    from test_streaming import PING, TASK, TURN, message, message_end, sse, workflow_started

    novel = sse({"event": "brand_new_event", **TURN, "task_id": TASK, "data": {"x": 1}})
    replace = sse(
        {"event": "message_replace", **TURN, "task_id": TASK, "answer": "[removed]", "reason": "m"}
    )
    script_server.scripts["/v1/chat-messages"] = [
        PING,
        workflow_started(),
        message("bad "),
        novel,
        message("words"),
        replace,
        message("!"),
        message_end(),
    ]
    client = driver.client(None, base_url=f"{script_server.base_url}/v1")

    turn = stream_turn(driver, client, "Hi")

    assert turn.error is None
    assert turn.kinds() == [
        "ping",
        "workflow_started",
        "message",
        "brand_new_event",
        "message",
        "message_replace",
        "message",
        "message_end",
    ]
    unknown = turn.of(UnknownEvent)[0]
    assert unknown.raw["data"] == {"x": 1}
    replaced = turn.of(MessageReplaceEvent)[0]
    assert (replaced.answer, replaced.reason) == ("[removed]", "m")
    assert turn.stream.answer == "[removed]!"
    assert turn.reply is not None
    assert turn.reply.answer == "[removed]!"


# -- stream faults --------------------------------------------------------------------------


def test_a_cut_stream_raises_with_the_answer_so_far_and_the_ids(chatty, driver, dialect):
    chatty.inject_fault(Fault.cut_stream(after_events=4), route="chat")
    client = driver.client(chatty)

    turn = stream_turn(driver, client, "Hi")

    error = turn.error
    assert isinstance(error, StreamInterruptedError)
    assert isinstance(error, APIConnectionError)
    assert "no message_end" in str(error)
    # 1.16: ping (not counted), workflow_started and three messages; 1.10: workflow_started,
    # node_started and two messages.
    delivered = "".join(e.answer for e in turn.of(MessageEvent))
    assert delivered == (ANSWER if dialect == "1.16" else "Hello, ")
    assert error.answer_so_far == delivered
    started = turn.of(WorkflowStartedEvent)[0]
    assert error.workflow_run_id == started.workflow_run_id is not None
    assert (error.task_id, error.conversation_id, error.message_id) == (
        started.task_id,
        started.conversation_id,
        started.message_id,
    )
    assert len(chat_requests(chatty)) == 1  # never sent again


def test_an_error_event_raises_chat_stream_error_after_the_events_before_it(chatty, driver):
    fault = Fault.stream_error(
        code="completion_request_error", message="Model quota exceeded", status=400, after_events=2
    )
    chatty.inject_fault(fault, route="chat")
    client = driver.client(chatty)

    turn = stream_turn(driver, client, "Hi")

    error = turn.error
    assert isinstance(error, ChatStreamError)
    assert (error.code, error.status_code, error.message) == (
        "completion_request_error",
        400,
        "Model quota exceeded",
    )
    assert isinstance(error.body, dict)
    assert error.body["event"] == "error"
    assert len([e for e in turn.events if not isinstance(e, PingEvent)]) == 2
    assert error.answer_so_far == turn.stream.answer
    assert error.conversation_id == turn.stream.conversation_id is not None


def test_a_stream_without_its_terminal_event_is_an_interruption(chatty, driver):
    chatty.inject_fault(Fault.no_terminal_event(), route="chat")
    client = driver.client(chatty)

    turn = stream_turn(driver, client, "Hi")

    error = turn.error
    assert isinstance(error, StreamInterruptedError)
    assert "the stream ended before the turn's end" in str(error)
    assert error.answer_so_far == ANSWER
    assert turn.of(MessageEndEvent) == []
    assert turn.of(WorkflowFinishedEvent) == []
    assert error.workflow_run_id is not None


def test_events_slower_than_the_read_timeout_interrupt_the_stream(chatty, driver):
    chatty.inject_fault(Fault.slow_events(seconds=1.0), route="chat")
    client = driver.client(chatty)

    turn = stream_turn(driver, client, "Hi", timeout=0.2)

    assert isinstance(turn.error, StreamInterruptedError)
    assert "no event arrived within the read timeout" in str(turn.error)
    assert turn.events == [] or isinstance(turn.events[0], PingEvent)  # none came in time
    assert len(chat_requests(chatty)) == 1


def test_slow_events_within_the_read_timeout_are_no_error(chatty, driver):
    chatty.inject_fault(Fault.slow_events(seconds=0.03), route="chat")
    client = driver.client(chatty, timeout=0.01)  # the per-call timeout wins over the client's

    turn = stream_turn(driver, client, "Hi", timeout=2.0)

    assert turn.error is None
    assert turn.reply is not None
    assert turn.reply.answer == ANSWER


# -- leaving early: the response is closed, the pool does not leak ---------------------------


@pytest.fixture
def holding(server: DifyTestServer) -> Any:
    """The server, its app holding each "hold" turn after the first message until the test
    ends (so a stream left early certainly had more to read); other queries get ANSWER."""
    gate = threading.Event()

    def respond(query: str, inputs: Any, conversation: Any) -> Any:
        yield ANSWER_PARTS[0]
        if query == "hold":
            gate.wait(10)
        yield from ANSWER_PARTS[1:]

    server.add_app(API_KEY, responder=respond)
    yield server
    gate.set()


def test_leaving_the_loop_early_closes_the_connection_and_frees_the_pool(holding, driver):
    client = driver.client(holding)
    whole = stream_turn(driver, client, "warm up")
    assert whole.reply is not None
    assert wait_open_connections(holding, 1) == 1  # read to its end: kept for the next call

    early = stream_turn(driver, client, "hold", take=3)

    assert early.kinds()[-1] == "message"
    assert early.error is None
    assert early.stream.response.is_closed
    assert wait_open_connections(holding, 0) == 0  # the half-read connection was dropped
    for _ in range(5):  # no connection is held by the streams left early
        assert stream_turn(driver, client, "hold", take=1).error is None
    assert wait_open_connections(holding, 0) == 0
    after = stream_turn(driver, client, "after")
    assert after.reply is not None
    assert after.reply.answer == ANSWER
    # A stream left early cannot give its reply: the turn's end was never read.
    with pytest.raises(StreamInterruptedError, match="closed"):
        driver.run(early.stream.final_reply())


def test_an_exception_in_the_callers_loop_closes_the_response(holding, driver):
    client = driver.client(holding)

    def fail(stream: Any, event: Any) -> None:
        if isinstance(event, MessageEvent):
            raise KeyError("caller's bug")

    with pytest.raises(KeyError):
        stream_turn(driver, client, "hold", on_event=fail)

    assert wait_open_connections(holding, 0) == 0


@pytest.mark.parametrize(
    "fault",
    [
        Fault.cut_stream(after_events=2),
        Fault.stream_error(after_events=2),
        Fault.no_terminal_event(),
    ],
    ids=["cut", "error event", "no terminal event"],
)
def test_a_broken_stream_leaves_no_connection_behind(chatty, driver, fault):
    client = driver.client(chatty)
    chatty.inject_fault(fault, route="chat", times=5)

    for _ in range(5):
        assert stream_turn(driver, client, "Hi").error is not None

    eventually(lambda: open_connections(chatty) <= 1)
    assert open_connections(chatty) <= 1  # each broken stream's connection was let go
    after = stream_turn(driver, client, "after")
    assert after.reply is not None
    assert after.reply.answer == ANSWER


def test_a_cancelled_async_stream_frees_its_connection(holding, driver):
    if driver.loop is None:
        pytest.skip("task cancellation is the async clients' early exit")
    client = driver.client(holding)
    seen: list[Any] = []

    async def read_all() -> None:
        async with client.chat.stream("hold") as stream:
            async for event in stream:
                seen.append(event)

    with pytest.raises(TimeoutError):  # the caller gives up while the server holds the rest
        driver.loop.run_until_complete(asyncio.wait_for(read_all(), timeout=0.5))

    assert [e.answer for e in seen if isinstance(e, MessageEvent)] == [ANSWER_PARTS[0]]
    assert wait_open_connections(holding, 0) == 0
    after = stream_turn(driver, client, "after")
    assert after.reply is not None
    assert after.reply.answer == ANSWER


def test_closing_an_unread_stream_frees_its_connection(holding, driver):
    client = driver.client(holding)
    if driver.loop is None:
        stream = client.chat.stream("hold")
        assert wait_open_connections(holding, 1) == 1
        stream.close()
    else:

        async def run() -> Any:
            stream = await client.chat.stream("hold")
            assert wait_open_connections(holding, 1) == 1
            await stream.close()
            return stream

        stream = driver.loop.run_until_complete(run())
    assert stream.response.is_closed
    assert wait_open_connections(holding, 0) == 0


# -- recover and stop ----------------------------------------------------------------------


def test_recover_after_a_cut_gives_the_answer_the_server_kept(chatty, driver, dialect):
    chatty.inject_fault(Fault.cut_stream(after_events=3), route="chat")
    client = driver.client(chatty)
    turn = stream_turn(driver, client, "Hi")
    error = turn.error
    assert isinstance(error, StreamInterruptedError)
    assert error.answer_so_far != ANSWER

    reply = driver.run(client.chat.recover(error, timeout=5))

    assert isinstance(reply, ChatReply)
    assert reply.answer == ANSWER
    assert (reply.conversation_id, reply.message_id, reply.task_id) == (
        error.conversation_id,
        error.message_id,
        error.task_id,
    )
    assert reply.workflow_run_id == error.workflow_run_id
    history = chatty.messages(str(error.conversation_id))[-1].answer
    # Dify 1.10 saves an empty answer after a dropped stream: only the run's outputs hold it.
    assert history == ("" if dialect == "1.10" else ANSWER)
    run_reads = [r for r in chatty.requests if r.path.startswith("/v1/workflows/run/")]
    assert run_reads, "recover asks the run's state"


def test_recover_refuses_when_no_ids_were_seen(chatty, driver):
    chatty.inject_fault(Fault.cut_stream(after_events=0), route="chat")
    client = driver.client(chatty)
    turn = stream_turn(driver, client, "Hi")
    assert isinstance(turn.error, StreamInterruptedError)
    assert turn.error.workflow_run_id is None
    chatty.clear_requests()

    with pytest.raises(RecoveryError, match="nothing to recover") as refused:
        driver.run(client.chat.recover(turn.error))

    assert refused.value.error is turn.error
    assert chatty.requests == []


def test_recover_refuses_a_run_that_failed(server, driver):
    def failing(query: str, inputs: Any, conversation: Any) -> Any:
        yield "a"
        yield "b"
        raise RuntimeError("tool crashed")

    server.add_app(API_KEY, responder=failing)
    server.inject_fault(Fault.cut_stream(after_events=2), route="chat")
    client = driver.client(server)
    turn = stream_turn(driver, client, "Hi")
    assert isinstance(turn.error, StreamInterruptedError)

    with pytest.raises(RecoveryError, match=r"ended failed: tool crashed"):
        driver.run(client.chat.recover(turn.error, timeout=5))


def test_recover_gives_up_after_its_timeout_while_the_run_goes_on(holding, driver):
    holding.inject_fault(Fault.cut_stream(after_events=1), route="chat")  # before the hold
    client = driver.client(holding)
    turn = stream_turn(driver, client, "hold")
    assert isinstance(turn.error, StreamInterruptedError)

    with pytest.raises(RecoveryError, match="still running"):
        driver.run(client.chat.recover(turn.error, timeout=0.2))


def test_recover_takes_only_a_stream_interruption(chatty, driver):
    client = driver.client(chatty)
    with pytest.raises(ConfigurationError, match="StreamInterruptedError"):
        driver.run(client.chat.recover(ValueError("no")))
    with pytest.raises(ConfigurationError, match="timeout"):
        driver.run(client.chat.recover(StreamInterruptedError("x"), timeout=-1))


def test_stop_during_a_slow_stream_ends_it_with_the_stopped_ending(chatty, driver):
    # Slow enough that the stop arrives before the next event is due.
    chatty.inject_fault(Fault.slow_events(seconds=0.4), route="chat")
    client = driver.client(chatty)
    stopped: list[uuid.UUID] = []

    def stop_at_first_message(stream: Any, event: Any) -> Any:
        if isinstance(event, MessageEvent) and not stopped:
            stopped.append(stream.task_id)
            return client.chat.stop(stream.task_id)
        return None

    turn = stream_turn(driver, client, "Hi", on_event=stop_at_first_message)

    assert turn.error is None
    assert turn.reply is not None
    assert turn.reply.answer == ANSWER_PARTS[0]  # nothing after the stop
    finished = turn.of(WorkflowFinishedEvent)
    assert [f.status for f in finished] == ["stopped"]
    assert turn.of(MessageEndEvent)
    stops = [r for r in chatty.requests if r.path.endswith("/stop")]
    assert [r.path for r in stops] == [f"/v1/chat-messages/{stopped[0]}/stop"]
    assert stops[0].json == {"user": USER}
    run_id = str(turn.reply.workflow_run_id)
    run = eventually(lambda: chatty.workflow_run(run_id).finished_at)
    assert run is not None
    assert chatty.workflow_run(run_id).status == "stopped"


def test_stopping_a_finished_or_unknown_task_is_no_error(chatty, driver):
    client = driver.client(chatty)
    reply = driver.run(client.chat.send("Hi"))

    assert driver.run(client.chat.stop(reply.task_id)) is None
    assert driver.run(client.chat.stop(uuid.uuid4())) is None
    with pytest.raises(InvalidIdError):
        driver.run(client.chat.stop("not-a-task"))


def test_stop_is_retried_like_other_idempotent_calls(chatty, driver):
    chatty.inject_fault(Fault.unavailable(retry_after=0), route="chat")
    client = driver.client(chatty)

    assert driver.run(client.chat.stop(uuid.uuid4())) is None

    assert len([r for r in chatty.requests if r.path.endswith("/stop")]) == 2


# -- retries: a chat message is never sent twice -------------------------------------------


@pytest.mark.parametrize("streaming", [False, True], ids=["blocking", "streaming"])
def test_a_dropped_chat_message_is_not_sent_again(chatty, driver, streaming):
    chatty.inject_fault(Fault.drop(), route="chat")
    client = driver.client(chatty, max_retries=3)

    if streaming:
        error = stream_turn(driver, client, "Hi").error
    else:
        with pytest.raises(APIConnectionError) as raised:
            driver.run(client.chat.send("Hi"))
        error = raised.value

    assert isinstance(error, APIConnectionError)
    assert not isinstance(error, StreamInterruptedError)  # no stream had started
    assert len(chat_requests(chatty)) == 1


def test_a_timed_out_blocking_message_is_not_sent_again(chatty, driver):
    chatty.inject_fault(Fault.slow_events(seconds=1.0), route="chat")
    client = driver.client(chatty, max_retries=3)

    with pytest.raises(APITimeoutError):
        driver.run(client.chat.send("Hi", timeout=0.2))

    assert len(chat_requests(chatty)) == 1


def test_a_server_error_answer_to_a_chat_message_is_not_retried(chatty, driver):
    chatty.inject_fault(Fault.unavailable(retry_after=0), route="chat")
    client = driver.client(chatty, max_retries=3)

    with pytest.raises(APIStatusError) as raised:
        driver.run(client.chat.send("Hi"))

    assert raised.value.status_code == 503
    assert len(chat_requests(chatty)) == 1


class _Retries(logging.Handler):
    """Counts the client's retry log lines; sets ``first`` at the first one."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.first = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("retrying"):
            self.lines.append(record.getMessage())
            self.first.set()


def test_a_refused_connection_is_retried_and_the_message_sent_once(dialect, driver):
    placeholder = socket.socket()  # bound, not listening: connections are refused
    placeholder.bind(("127.0.0.1", 0))
    port = placeholder.getsockname()[1]
    retries = _Retries()
    logger = logging.getLogger("dify_chatflow")
    logger.addHandler(retries)
    logger.setLevel(logging.INFO)
    servers: list[DifyTestServer] = []

    def start_after_first_refusal() -> None:
        if retries.first.wait(10):
            placeholder.close()
            servers.append(DifyTestServer(api_key=API_KEY, dialect=dialect, port=port).start())

    starter = threading.Thread(target=start_after_first_refusal)
    starter.start()
    try:
        policy = RetryPolicy(initial_delay=0.5, max_delay=0.5, jitter=0)
        client = driver.client(None, base_url=f"http://127.0.0.1:{port}/v1", retry_policy=policy)
        reply = driver.run(client.chat.send("Hi", max_retries=3))
        starter.join(10)

        assert reply.answer == "Hi"
        assert "after ConnectError" in retries.lines[0]
        assert len(chat_requests(servers[0])) == 1
    finally:
        retries.first.set()
        starter.join(10)
        logger.removeHandler(retries)
        logger.setLevel(logging.NOTSET)
        placeholder.close()
        for started in servers:
            started.stop()


# -- errors before the stream starts -------------------------------------------------------


def send_or_stream(driver: Any, client: Any, streaming: bool, query: str, **options: Any) -> Any:
    """The error a blocking or streamed turn raised before any event (``None``: none)."""
    if streaming:
        turn = stream_turn(driver, client, query, **options)
        assert turn.events == []
        return turn.error
    try:
        driver.run(client.chat.send(query, **options))
    except Exception as exc:
        return exc
    return None


STREAMING = pytest.mark.parametrize("streaming", [False, True], ids=["blocking", "streaming"])


@STREAMING
def test_a_wrong_api_key_is_an_authentication_error(chatty, driver, streaming):
    client = driver.client(chatty, api_key="app-wrong")

    error = send_or_stream(driver, client, streaming, "Hi")

    assert isinstance(error, AuthenticationError)
    assert error.status_code == 401
    assert "app-wrong" not in str(error)


@STREAMING
def test_an_unknown_conversation_is_conversation_not_found_whatever_the_hint(
    chatty, driver, streaming
):
    client = driver.client(chatty)

    error = send_or_stream(driver, client, streaming, "Hi", conversation_id=uuid.uuid4())

    assert isinstance(error, ConversationNotFoundError)
    assert error.status_code == 404
    assert error.message.lower().startswith("conversation not exists.")
    assert "did you mean" in error.message  # flask-restx's hint follows Dify's message


@STREAMING
def test_inputs_the_server_refuses_are_invalid_param(server, driver, streaming):
    form = [{"text-input": {"variable": "name", "label": "Name", "required": True}}]
    server.add_app(API_KEY, user_input_form=form)
    client = driver.client(server)

    error = send_or_stream(driver, client, streaming, "Hi")

    assert isinstance(error, InvalidParamError)
    assert (error.status_code, error.code) == (400, "invalid_param")
    assert "name is required in input form" in error.message


@STREAMING
def test_a_validation_answer_in_flask_restx_shape_is_a_bad_request(chatty, driver, streaming):
    restx = {
        "errors": {"query": "The chat query Missing required parameter in the JSON body"},
        "message": "Input payload validation failed",
    }
    chatty.inject_fault(Fault.status(400, body=restx), route="chat")
    client = driver.client(chatty)

    error = send_or_stream(driver, client, streaming, "Hi")

    assert type(error) is BadRequestError
    assert error.code is None
    assert error.message.startswith("Input payload validation failed (query: The chat query")
    assert len(chat_requests(chatty)) == 1


# -- local checks: nothing is sent ---------------------------------------------------------


def start_turn(driver: Any, client: Any, streaming: bool, query: str, **options: Any) -> None:
    """Send a blocking turn, or only call ``chat.stream`` (its arguments are checked at the
    call, even on the async client, which sends on entering)."""
    if streaming:
        client.chat.stream(query, **options)
    else:
        driver.run(client.chat.send(query, **options))


A_FILE = {"type": "document", "transfer_method": "local_file", "upload_file_id": str(uuid.uuid4())}

REFUSED = [
    ({"query": ""}, ConfigurationError, "query must be a non-empty str"),
    ({"query": None}, ConfigurationError, "query must be a non-empty str"),
    ({"query": b"Hi"}, ConfigurationError, "query must be a non-empty str"),
    ({"conversation_id": "not-a-uuid"}, InvalidIdError, "conversation_id"),
    ({"inputs": ["city", "Lyon"]}, ConfigurationError, "inputs must be a mapping"),
    ({"inputs": {1: "x"}}, ConfigurationError, "inputs must be a mapping"),
    ({"files": "report.pdf"}, ConfigurationError, "files must be a list"),
    ({"files": A_FILE}, ConfigurationError, "files must be a list"),
    ({"files": ["report.pdf"]}, ConfigurationError, r"files\[0\] must be an UploadedFile"),
    ({"files": [{**A_FILE, "type": "pdf"}]}, ConfigurationError, r"files\[0\]\['type'\]"),
    (
        {"files": [A_FILE, {**A_FILE, "transfer_method": "ftp"}]},
        ConfigurationError,
        r"files\[1\]\['transfer_method'\]",
    ),
    ({"files": [{**A_FILE, "upload_file_id": "f-1"}]}, InvalidIdError, "upload_file_id"),
    (
        {"files": [{"type": "image", "transfer_method": "remote_url", "url": "file:///etc"}]},
        ConfigurationError,
        r"\['url'\] must be an http\(s\) URL",
    ),
    ({"auto_generate_name": "yes"}, ConfigurationError, "auto_generate_name must be a bool"),
    ({"user": ""}, ConfigurationError, "user"),
]


@STREAMING
@pytest.mark.parametrize(("arguments", "error", "says"), REFUSED)
def test_bad_arguments_are_refused_before_anything_is_sent(
    chatty, driver, streaming, arguments, error, says
):
    client = driver.client(chatty)
    arguments = {"query": "Hi", **arguments}
    query = arguments.pop("query")

    with pytest.raises(error, match=says):
        start_turn(driver, client, streaming, query, **arguments)

    assert chatty.requests == []


FORM = [
    {"text-input": {"variable": "name", "label": "Name", "required": True, "max_length": 5}},
    {"paragraph": {"variable": "notes", "label": "Notes", "required": False, "max_length": 10}},
    {"select": {"variable": "plan", "label": "Plan", "required": True, "options": ["free", "pro"]}},
    {"number": {"variable": "seats", "label": "Seats", "required": False}},
    {"checkbox": {"variable": "vip", "label": "VIP", "required": True}},
]
GOOD = {"name": "Ada", "plan": "pro", "vip": False}


@STREAMING
@pytest.mark.parametrize(
    ("inputs", "field"),
    [
        ({"plan": "pro", "vip": True}, "name"),  # required
        ({**GOOD, "name": "Adelaide"}, "name"),  # max_length
        ({**GOOD, "notes": "x" * 11}, "notes"),  # paragraph max_length
        ({**GOOD, "plan": "gold"}, "plan"),  # select options
        ({**GOOD, "seats": "many"}, "seats"),  # number
        ({**GOOD, "vip": None}, "vip"),  # a required checkbox needs true or false
    ],
    ids=["required", "max_length", "paragraph", "select", "number", "checkbox"],
)
def test_inputs_are_checked_against_the_apps_parameters_before_sending(
    server, driver, streaming, inputs, field
):
    server.add_app(API_KEY, user_input_form=FORM)
    client = driver.client(server)
    parameters = driver.run(client.app.parameters())
    server.clear_requests()

    with pytest.raises(InputValidationError) as refused:
        start_turn(driver, client, streaming, "Hi", inputs=inputs, parameters=parameters)

    assert refused.value.field == field
    assert server.requests == []


def test_inputs_the_parameters_accept_reach_the_server(server, driver):
    server.add_app(API_KEY, user_input_form=FORM)
    client = driver.client(server)
    parameters = driver.run(client.app.parameters())

    reply = driver.run(
        client.chat.send("Hi", inputs={**GOOD, "seats": 3, "vip": "yes"}, parameters=parameters)
    )

    kept = server.conversations(user=USER)[-1]
    assert str(reply.conversation_id) == kept.id
    assert chat_requests(server)[-1].json["inputs"] == {**GOOD, "seats": 3, "vip": "yes"}
    assert kept.inputs["vip"] is True  # the server reads checkbox words as booleans


def test_an_uploaded_file_goes_with_the_message(chatty, driver):
    chatty.add_app(API_KEY, responder=chunks(*ANSWER_PARTS), file_upload=True)
    client = driver.client(chatty)
    uploaded = driver.run(client.files.upload(b"%PDF-1.4 tiny", filename="report.pdf"))

    reply = driver.run(client.chat.send("Read this", files=[uploaded]))

    sent = chat_requests(chatty)[-1].json["files"]
    assert sent == [
        {"type": "document", "transfer_method": "local_file", "upload_file_id": str(uploaded.id)}
    ]
    kept = chatty.messages(str(reply.conversation_id))[-1].message_files
    assert [(f["upload_file_id"], f["filename"]) for f in kept] == [
        (str(uploaded.id), "report.pdf")
    ]


# -- timeouts ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_timeouts_blocking_long_streams_idle_and_each_call_overrides(chatty, kind):
    """The read timeout each chat request is sent with, seen by the transport."""
    sent: list[float | None] = []

    def record(request: httpx.Request) -> None:
        sent.append(request.extensions["timeout"]["read"])

    async def arecord(request: httpx.Request) -> None:
        record(request)

    if kind == "sync":
        http: Any = httpx.Client(event_hooks={"request": [record]})
        with ChatflowClient(
            api_key=API_KEY, base_url=chatty.base_url, user=USER, http_client=http
        ) as client:
            client.chat.send("Hi")
            client.chat.stream("Hi").final_reply()
            client.chat.send("Hi", timeout=7)
            client.chat.stream("Hi", timeout=3).final_reply()
            client.app.info()
        http.close()
    else:

        async def run() -> None:
            http = httpx.AsyncClient(event_hooks={"request": [arecord]})
            async with AsyncChatflowClient(
                api_key=API_KEY, base_url=chatty.base_url, user=USER, http_client=http
            ) as client:
                await client.chat.send("Hi")
                async with client.chat.stream("Hi") as stream:
                    await stream.final_reply()
                await client.chat.send("Hi", timeout=7)
                async with client.chat.stream("Hi", timeout=3) as stream:
                    await stream.final_reply()
                await client.app.info()
            await http.aclose()

        asyncio.run(run())

    assert sent[:4] == [
        BLOCKING_CHAT_TIMEOUT.read,
        STREAM_TIMEOUT.read,
        7,
        3,
    ]
    assert BLOCKING_CHAT_TIMEOUT.read is not None
    assert BLOCKING_CHAT_TIMEOUT.read >= 300  # minutes: LLM workflows take that long
    assert STREAM_TIMEOUT.read is not None
    assert STREAM_TIMEOUT.read > 10  # comfortably above Dify's 10 s pings


def test_a_client_timeout_applies_to_chat_unless_the_call_gives_its_own(chatty, driver):
    chatty.inject_fault(Fault.slow_events(seconds=0.12), route="chat", times=2)
    client = driver.client(chatty, timeout=0.04)

    with pytest.raises(APITimeoutError):
        driver.run(client.chat.send("Hi"))
    reply = driver.run(client.chat.send("Hi", timeout=10))

    assert reply.answer == ANSWER


# -- one conversation, half plain httpx by Dify's docs, half ChatflowClient ----------------


@pytest.fixture
def docs_server(dialect: str) -> Any:
    with DifyTestServer(api_key=API_KEY, dialect=dialect) as running:  # type: ignore[arg-type]
        running.add_app(
            API_KEY, variables=[{"name": "mood", "value_type": "string", "value": "calm"}]
        )
        yield running


def test_plain_httpx_and_the_client_share_one_conversation(docs_server):
    headers = {"Authorization": f"Bearer {API_KEY}"}
    with (
        httpx.Client(base_url=docs_server.base_url, headers=headers) as http,
        ChatflowClient(api_key=API_KEY, base_url=docs_server.base_url, user=USER) as client,
    ):
        # Plain httpx streams the first message, reading `data:` lines as the docs show.
        body = {"inputs": {}, "query": "Hello", "response_mode": "streaming", "user": USER}
        conversation_id, answer = None, ""
        with http.stream("POST", "/chat-messages", json=body) as answer_stream:
            for line in answer_stream.iter_lines():
                if line.startswith("data: "):
                    event = json.loads(line[len("data: ") :])
                    conversation_id = event["conversation_id"]
                    if event["event"] == "message":
                        answer += event["answer"]
        assert answer == "Hello"

        # The client continues it, blocking then streaming.
        second = client.chat.send("How are you?", conversation_id=conversation_id)
        with client.chat.stream("Bye", conversation_id=second.conversation_id) as stream:
            third = stream.final_reply()
        assert str(second.conversation_id) == conversation_id
        assert third.conversation_id == second.conversation_id
        assert third.answer == "Bye"

        # Both see the same conversation, history and variables.
        listed = list(client.conversations.list())
        assert [str(c.id) for c in listed] == [conversation_id]
        raw_list = http.get("/conversations", params={"user": USER}).json()["data"]
        assert [c["id"] for c in raw_list] == [conversation_id]
        history = eventually(
            lambda: (
                [m for m in client.messages.list(conversation_id) if m.answer == "Bye"]
                and client.messages.list(conversation_id)
            )
        )
        assert [(m.query, m.answer) for m in history] == [
            ("Hello", "Hello"),
            ("How are you?", "How are you?"),
            ("Bye", "Bye"),
        ]
        raw_history = http.get(
            "/messages", params={"user": USER, "conversation_id": conversation_id}
        ).json()["data"]
        assert [m["id"] for m in raw_history] == [str(m.id) for m in history]
        variables = client.variables.list(conversation_id)
        assert [(v.name, v.value) for v in variables] == [("mood", "calm")]
        raw_variables = http.get(
            f"/conversations/{conversation_id}/variables", params={"user": USER}
        ).json()["data"]
        assert [v["name"] for v in raw_variables] == ["mood"]

        # The client renames, plain httpx sees it and deletes; the client sees it gone.
        renamed = client.conversations.rename(conversation_id, "Small talk")
        assert renamed.name == "Small talk"
        raw_list = http.get("/conversations", params={"user": USER}).json()["data"]
        assert raw_list[0]["name"] == "Small talk"
        deleted = http.request("DELETE", f"/conversations/{conversation_id}", json={"user": USER})
        assert deleted.status_code in (200, 204)
        assert list(client.conversations.list()) == []
        with pytest.raises(ConversationNotFoundError):
            client.chat.send("Still there?", conversation_id=conversation_id)
