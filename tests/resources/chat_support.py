"""Helpers for the chat tests: run a streamed turn alike on every client kind, count the
server's open connections, and see what the server received."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dify_chatflow import ChatReply, DifyError
from dify_chatflow.testing import DifyTestServer
from resource_support import Driver

CHAT_PATH = "/v1/chat-messages"


@dataclass
class StreamedTurn:
    """What one streamed turn gave the caller: the events in order, then its reply or the
    error that ended it, and the stream object itself (``None`` if it never opened)."""

    events: list[Any] = field(default_factory=list)
    reply: ChatReply | None = None
    error: DifyError | None = None
    stream: Any = None

    def kinds(self) -> list[str]:
        """The wire names of the events, in order."""
        return [event.event for event in self.events]

    def of(self, cls: type) -> list[Any]:
        """The events of one class."""
        return [event for event in self.events if type(event) is cls]


OnEvent = Callable[[Any, Any], Any]  # (stream, event) -> None, or an awaitable


def stream_turn(
    driver: Driver,
    client: Any,
    query: str,
    *,
    take: int | None = None,
    on_event: OnEvent | None = None,
    **options: Any,
) -> StreamedTurn:
    """Stream one turn with ``client`` (any kind) inside its ``with`` block.

    Reads every event, or only the first ``take`` (then leaves the loop); ``on_event`` is
    called with each one (awaited when it returns an awaitable). Without ``take`` the
    reply is ``final_reply()``. A ``DifyError`` from opening or reading is kept in
    ``error``.
    """
    turn = StreamedTurn()
    if driver.loop is None:
        try:
            with client.chat.stream(query, **options) as stream:
                turn.stream = stream
                for event in stream:
                    turn.events.append(event)
                    if on_event is not None:
                        on_event(stream, event)
                    if take is not None and len(turn.events) >= take:
                        break
                else:
                    turn.reply = stream.final_reply()
        except DifyError as exc:
            turn.error = exc
        return turn

    async def run() -> None:
        try:
            async with client.chat.stream(query, **options) as stream:
                turn.stream = stream
                async for event in stream:
                    turn.events.append(event)
                    if on_event is not None:
                        result = on_event(stream, event)
                        if inspect.isawaitable(result):
                            await result
                    if take is not None and len(turn.events) >= take:
                        break
                else:
                    turn.reply = await stream.final_reply()
        except DifyError as exc:
            turn.error = exc

    driver.loop.run_until_complete(run())
    return turn


def chat_requests(server: DifyTestServer) -> list[Any]:
    """The chat messages the server received (not stops), in order."""
    return [r for r in server.requests if r.method == "POST" and r.path == CHAT_PATH]


def open_connections(server: DifyTestServer) -> int:
    """How many client connections the server holds open right now."""
    httpd = server._httpd
    assert httpd is not None, "the server is not started"
    return len(httpd.connections)


def wait_open_connections(server: DifyTestServer, count: int, within: float = 5.0) -> int:
    """The number of open connections once it is ``count``, or when ``within`` s passed
    (closing is seen by the server's event loop a moment after the client closes)."""
    deadline = time.monotonic() + within
    while open_connections(server) != count and time.monotonic() < deadline:
        time.sleep(0.005)
    return open_connections(server)


def chunks(*parts: str) -> Callable[[str, Any, Any], Any]:
    """A responder answering every query with these chunks, one ``message`` event each."""

    def respond(query: str, inputs: Any, conversation: Any) -> Any:
        yield from parts

    return respond


def eventually(check: Callable[[], Any], within: float = 5.0) -> Any:
    """``check()`` once it is truthy, or its last value after ``within`` s (the server
    saves a turn just after it sent the turn's last event)."""
    deadline = time.monotonic() + within
    while not (value := check()) and time.monotonic() < deadline:
        time.sleep(0.005)
    return value
