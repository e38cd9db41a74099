"""Sockets: an asyncio HTTP/1.1 keep-alive server around :func:`._routes.handle`.

One event loop in a daemon thread serves every connection: no thread per connection and
no GIL hand-over between them, so the server is not the bottleneck of the client
benchmarks. Requests on one connection are answered in order,
one at a time (pipelining is safe); an injected delay waits with ``asyncio.sleep`` so that
other connections carry on meanwhile.

A chat turn is a :class:`._stream.Job`: it runs in a thread of its own (a responder may be
slow or block) and writes through a :class:`_JobSink`. A stream goes out chunked, one HTTP
chunk per event; what the thread sends between two loop iterations is written at once,
and a ``ping`` block is sent whenever no event went out for the ping interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import socket
import sys
import threading
import time
import traceback
from http import HTTPStatus
from typing import Final, Literal

from ._http_parse import (
    BadRequest,
    RequestHead,
    error_page,
    find_head_end,
    parse_head,
    read_chunked,
    split_target,
)
from ._routes import Reply, ServerState, handle, record, take_fault
from ._stream import PING, Job

__all__ = ["HTTPServer"]

_SERVER_HEADER: Final = "dify-chatflow-testing"
_IDLE_TIMEOUT: Final = 120.0  # an idle keep-alive connection is closed after this
_SWEEP_EVERY: Final = 5.0
_BACKLOG: Final = 128
_STOP_TIMEOUT: Final = 5.0
_CONTINUE: Final = b"HTTP/1.1 100 Continue\r\n\r\n"
_PHRASES: Final = {status.value: status.phrase for status in HTTPStatus}


class _Clock:
    """The ``Date`` header, formatted at most once per second."""

    def __init__(self) -> None:
        self._second = -1
        self._text = ""

    def http_date(self) -> str:
        now = int(time.time())
        if now != self._second:
            self._text = email.utils.formatdate(now, usegmt=True)
            self._second = now
        return self._text


_DATE: Final = _Clock()


def _response_bytes(reply: Reply, *, head_only: bool, close: bool, chunked: bool = False) -> bytes:
    lines = [
        f"HTTP/1.1 {reply.status} {_PHRASES.get(reply.status, '')}",
        f"Server: {_SERVER_HEADER}",
        f"Date: {_DATE.http_date()}",
    ]
    if reply.content_type:
        lines.append(f"Content-Type: {reply.content_type}")
    if chunked:
        lines.append("Transfer-Encoding: chunked")
    else:
        lines.append(f"Content-Length: {len(reply.body)}")
    lines.extend(f"{name}: {value}" for name, value in reply.headers)
    if close:
        lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if head_only else head + reply.body


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


_LAST_CHUNK: Final = b"0\r\n\r\n"
_Final = Literal["finish", "cut", "reply"] | None


class _JobSink:
    """The connection as a job's thread sees it (see :class:`._stream.Sink`).

    The thread queues bytes under a lock and asks the loop to flush once; the loop writes
    everything queued in one ``write`` and, after the last bytes, ends the job.
    """

    def __init__(self, connection: _Connection, reply: Reply, loop: asyncio.AbstractEventLoop):
        self._connection = connection
        self._reply = reply  # the reply that carried the job: its headers go on a late answer
        self._loop = loop
        self._lock = threading.Lock()
        self._pending: list[bytes] = []
        self._scheduled = False
        self._final: _Final = None
        self._answer: Reply | None = None
        self._gone = False
        self._writable = threading.Event()
        self._writable.set()
        self.last_sent = time.monotonic()

    # -- the job's side ------------------------------------------------------------------

    @property
    def gone(self) -> bool:
        return self._gone

    def respond(self, reply: Reply) -> None:
        merged = Reply(
            reply.status, reply.body, reply.content_type, reply.headers + self._reply.headers
        )
        self._queue(b"", final="reply", answer=merged)

    def send(self, event: bytes) -> None:
        while not self._writable.wait(timeout=0.5):  # the client reads slowly: wait for it
            if self._gone:
                return
        if not self._gone:
            self._queue(_chunk(event))

    def finish(self) -> None:
        self._queue(_LAST_CHUNK, final="finish")

    def cut(self) -> None:
        self._queue(b"", final="cut")

    def _queue(self, data: bytes, final: _Final = None, answer: Reply | None = None) -> None:
        with self._lock:
            if self._final is not None:
                return
            if data:
                self._pending.append(data)
            if final is not None:
                self._final, self._answer = final, answer
            if self._scheduled:
                return
            self._scheduled = True
        try:
            self._loop.call_soon_threadsafe(self._flush)
        except RuntimeError:  # the server has stopped: nobody is listening any more
            self.lose()

    # -- the loop's side -----------------------------------------------------------------

    def lose(self) -> None:
        """The connection is gone: wake the job's thread and drop what it sends."""
        self._gone = True
        self._writable.set()

    def pause(self) -> None:
        self._writable.clear()

    def resume(self) -> None:
        self._writable.set()

    def _flush(self) -> None:
        with self._lock:
            data = b"".join(self._pending)
            self._pending.clear()
            self._scheduled = False
            final, answer = self._final, self._answer
        self._connection.flush_job(data, final, answer)
        if data:
            self.last_sent = time.monotonic()


def _refusal(bad: BadRequest) -> Reply:
    if not bad.page:
        return Reply(bad.status, b"", None)
    return Reply(bad.status, error_page(bad.status, bad.message), "text/html;charset=utf-8")


class _Connection(asyncio.Protocol):
    """One client connection: buffer bytes, answer each complete request in turn."""

    def __init__(self, server: HTTPServer) -> None:
        self._server = server
        self._state = server.state
        self._transport: asyncio.Transport | None = None
        self._buffer = bytearray()
        self._head: RequestHead | None = None  # parsed, body not yet complete
        self._waiting = False  # a delayed reply is pending, or the peer reads too slowly
        self._write_paused = False
        self._closing = False
        self._task: asyncio.Task[None] | None = None
        self._sink: _JobSink | None = None
        self._sink_streaming = False
        self._job_keep_alive = True
        self._ping: asyncio.TimerHandle | None = None
        self.idle_since = 0.0

    def idle_before(self, deadline: float) -> bool:
        """Whether nothing has moved since ``deadline`` and no reply is pending."""
        return self._task is None and self._sink is None and self.idle_since < deadline

    # -- asyncio.Protocol --------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self.idle_since = time.monotonic()
        self._server.connections.add(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self._closing = True
        self._server.connections.discard(self)
        if self._task is not None:
            self._task.cancel()
        if self._sink is not None:
            self._sink.lose()
        if self._ping is not None:
            self._ping.cancel()

    def data_received(self, data: bytes) -> None:
        self.idle_since = time.monotonic()
        self._buffer += data
        if not self._waiting:
            self._serve_buffered()

    def eof_received(self) -> bool:
        # Keep the socket open to answer what has arrived; close once that is done.
        self._closing = True
        if self._sink is not None and self._sink_streaming:
            # A client that hangs up mid-stream is gone: nobody reads the rest.
            self.abort()
            return True
        if not self._waiting:
            self._serve_buffered()
            self.close()
        return True

    def pause_writing(self) -> None:
        self._write_paused = self._waiting = True
        if self._sink is not None:
            self._sink.pause()
        else:
            self._pause_reading()

    def resume_writing(self) -> None:
        self._write_paused = False
        if self._sink is not None:
            self._sink.resume()
        elif self._task is None:
            self._resume()

    # -- requests ----------------------------------------------------------------------

    def close(self) -> None:
        """Close after what has been written is flushed."""
        self._closing = True
        if self._transport is not None:
            self._transport.close()

    def abort(self) -> None:
        """Close at once, dropping anything unsent."""
        self._closing = True
        if self._transport is not None:
            self._transport.abort()

    def _serve_buffered(self) -> None:
        """Answer every complete request in the buffer, in order, until one must wait."""
        buffer = self._buffer
        while buffer and not self._waiting and self._transport is not None:
            try:
                if self._head is None:
                    end = find_head_end(buffer)
                    if end < 0:
                        return
                    self._head = head = parse_head(bytes(buffer[:end]))
                    del buffer[:end]
                    if head.expect_continue and (head.chunked or len(buffer) < head.content_length):
                        self._transport.write(_CONTINUE)
                head = self._head
                if head.chunked:
                    chunked = read_chunked(buffer)
                    if chunked is None:
                        return
                    body, used = chunked
                else:
                    used = head.content_length
                    if len(buffer) < used:
                        return
                    body = bytes(buffer[:used])
                del buffer[:used]
            except BadRequest as bad:
                self._head = None
                self._write(_refusal(bad), head_only=False, keep_alive=False)
                return
            self._head = None
            self._answer(head, body)
        if self._closing and not self._waiting:
            self.close()

    def _answer(self, head: RequestHead, body: bytes) -> None:
        state = self._state
        path, query = split_target(head.target)
        record(state, head.method, path, query, head.headers, body)
        delay, replaced = take_fault(state, head.method, path)
        if delay:
            self._waiting = True
            self._pause_reading()
            self._task = asyncio.get_running_loop().create_task(
                self._answer_later(delay, head, path, query, body)
            )
            return
        self._reply(replaced, head, path, query, body)

    async def _answer_later(
        self, seconds: float, head: RequestHead, path: str, query: dict[str, str], body: bytes
    ) -> None:
        await asyncio.sleep(seconds)
        self._task = None
        self._reply(None, head, path, query, body)
        if not self._write_paused and self._sink is None:  # a job resumes when it ends
            self._resume()

    def _reply(
        self,
        replaced: Reply | None,
        head: RequestHead,
        path: str,
        query: dict[str, str],
        body: bytes,
    ) -> None:
        try:
            reply = (
                replaced
                if replaced is not None
                else handle(self._state, head.method, path, query, head.headers, body)
            )
        except Exception:  # a bug in a handler must not stop the server
            self._report_crash()
            return
        if reply.job is not None:
            self._start_job(reply, reply.job, keep_alive=head.keep_alive)
            return
        self._write(reply, head_only=head.method == "HEAD", keep_alive=head.keep_alive)

    # -- jobs (chat turns) ---------------------------------------------------------------

    def _start_job(self, reply: Reply, job: Job, *, keep_alive: bool) -> None:
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        loop = asyncio.get_running_loop()
        self._waiting = True  # later requests on this connection wait for the job
        self._job_keep_alive = keep_alive
        sink = self._sink = _JobSink(self, reply, loop)
        self._sink_streaming = job.streaming
        if job.streaming:
            transport.write(
                _response_bytes(reply, head_only=True, close=not keep_alive, chunked=True)
            )
            self._schedule_ping(job.ping_interval)
        thread = threading.Thread(
            target=self._run_job, args=(job, sink), name="dify-test-server-turn", daemon=True
        )
        thread.start()

    @staticmethod
    def _run_job(job: Job, sink: _JobSink) -> None:
        try:
            job.run(sink)
        except Exception:  # a bug in a job must not leave the connection hanging
            print("Exception while answering a request:", file=sys.stderr)
            traceback.print_exc()
        sink.cut()  # a no-op when the job ended its answer, as it should

    def _schedule_ping(self, interval: float) -> None:
        loop = asyncio.get_running_loop()
        sink = self._sink
        if sink is None or interval <= 0:
            return

        def ping() -> None:
            if self._sink is not sink or self._transport is None:
                return
            due = sink.last_sent + interval
            now = time.monotonic()
            if now >= due - 0.001:
                self._transport.write(_chunk(PING))
                sink.last_sent = now
                due = now + interval
            self._ping = loop.call_at(loop.time() + (due - now), ping)

        self._ping = loop.call_later(interval, ping)

    def flush_job(self, data: bytes, final: _Final, answer: Reply | None) -> None:
        """Write what a job queued; after its last bytes, serve the connection on."""
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        if data:
            transport.write(data)
            self.idle_since = time.monotonic()
        if final is None:
            return
        self._sink = None
        if self._ping is not None:
            self._ping.cancel()
            self._ping = None
        if final == "cut":
            self.abort()
            return
        if answer is not None:
            self._write(answer, head_only=False, keep_alive=self._job_keep_alive)
        elif not self._job_keep_alive:
            self.close()
            return
        if self._job_keep_alive and not self._write_paused:
            self._resume()

    def _write(self, reply: Reply, *, head_only: bool, keep_alive: bool) -> None:
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        if reply.drop:  # an injected dropped connection: no answer at all
            self._waiting = True
            self.close()
            return
        transport.write(_response_bytes(reply, head_only=head_only, close=not keep_alive))
        self.idle_since = time.monotonic()
        if not keep_alive:
            self._waiting = True
            self.close()

    def _report_crash(self) -> None:
        # As the standard library's socketserver does: print the traceback, end the connection.
        print("Exception while answering a request:", file=sys.stderr)
        traceback.print_exc()
        self._waiting = True
        self.abort()

    def _pause_reading(self) -> None:
        if self._transport is not None and not self._transport.is_closing():
            self._transport.pause_reading()

    def _resume(self) -> None:
        if self._transport is None or self._transport.is_closing():
            return
        self._waiting = False
        self._transport.resume_reading()
        self._serve_buffered()


class HTTPServer:
    """Serves :func:`._routes.handle` on ``address`` from an event loop in a daemon thread."""

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        self.state = state
        self.connections: set[_Connection] = set()
        self._socket = socket.create_server(address, backlog=_BACKLOG)
        self.server_address: tuple[str, int] = self._socket.getsockname()[:2]
        self._loop = asyncio.new_event_loop()
        self._listener: asyncio.Server | None = None
        self._thread = threading.Thread(
            target=self._run, name=f"dify-test-server-{self.port}", daemon=True
        )
        self._started = threading.Event()
        self._start_error: BaseException | None = None

    @property
    def port(self) -> int:
        """The bound port."""
        return int(self.server_address[1])

    @property
    def thread(self) -> threading.Thread:
        """The thread running the event loop."""
        return self._thread

    def start(self) -> None:
        """Start the loop thread and wait until it accepts connections."""
        self._thread.start()
        if not self._started.wait(timeout=_STOP_TIMEOUT) or self._start_error is not None:
            self.stop()
            raise RuntimeError("the test server could not start") from self._start_error

    def stop(self) -> None:
        """Close the listener and every connection, end the loop and join its thread."""
        if self._thread.is_alive():
            with contextlib.suppress(RuntimeError):  # the loop already ended
                self._loop.call_soon_threadsafe(self._shut_down)
            self._thread.join(timeout=_STOP_TIMEOUT)
        if not self._thread.is_alive() and not self._loop.is_closed():
            self._loop.close()
        self._socket.close()

    def _run(self) -> None:
        try:
            self._listener = self._loop.run_until_complete(
                self._loop.create_server(
                    lambda: _Connection(self), sock=self._socket, backlog=_BACKLOG
                )
            )
        except BaseException as exc:  # handed to start() in the caller
            self._start_error = exc
            self._started.set()
            return
        self._loop.call_later(_SWEEP_EVERY, self._sweep_idle)
        self._started.set()
        self._loop.run_forever()

    def _shut_down(self) -> None:
        if self._listener is not None:
            self._listener.close()
        for connection in list(self.connections):
            connection.abort()
        for task in asyncio.all_tasks(self._loop):
            task.cancel()
        # Let the aborts and cancellations run their callbacks, then end the loop.
        self._loop.call_soon(self._loop.stop)

    def _sweep_idle(self) -> None:
        deadline = time.monotonic() - _IDLE_TIMEOUT
        for connection in list(self.connections):
            if connection.idle_before(deadline):
                connection.abort()
        self._loop.call_later(_SWEEP_EVERY, self._sweep_idle)
