"""Helpers for the resource tests: clients of every kind, chat turns, a lossy proxy."""

from __future__ import annotations

import contextlib
import inspect
import json
import socket
import threading
import uuid
from collections.abc import Iterator
from typing import Any, Self

import httpx
from client_support import API_KEY as API_KEY  # re-exported for the resource tests
from client_support import USER as USER
from client_support import ClientFactory
from dify_chatflow.testing import DifyTestServer

# Plain http on 127.0.0.1: no certificates to load (which costs ~45 ms per client).
_PLAIN: dict[str, Any] = {"verify": False}
DIALECTS = ["1.10", "1.16"]


class FakeClock:
    """The server's clock, moved by the test: messages and conversations get its seconds."""

    def __init__(self, start: float = 1_764_578_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float = 1.0) -> None:
        self.now += seconds


class Driver:
    """Makes clients of one kind and runs what their methods return, alike for all kinds.

    ``run(client.x.y(...))`` returns the result of a blocking call, or awaits a coroutine
    in the driver's event loop; ``items(pager)`` reads a whole (async) iterable.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factory = ClientFactory(kind)
        self.loop = self._factory.loop

    def client(self, server: DifyTestServer | None, **options: Any) -> Any:
        """A client of this kind for ``server`` (or the ``base_url`` given), closed with
        the driver; the client itself, its async methods returning coroutines."""
        return self._factory(server, **options)._target  # type: ignore[arg-type]

    def run(self, value: Any) -> Any:
        if inspect.isawaitable(value):
            assert self.loop is not None, "a blocking client returned an awaitable"
            return self.loop.run_until_complete(value)
        return value

    def items(self, iterable: Any, limit: int | None = None) -> list[Any]:
        """The items of a pager (at most ``limit`` of them)."""
        if hasattr(iterable, "__aiter__"):
            assert self.loop is not None, "a blocking client returned an async iterable"

            async def collect() -> list[Any]:
                found = []
                async for item in iterable:
                    found.append(item)
                    if limit is not None and len(found) >= limit:
                        break
                return found

            return self.loop.run_until_complete(collect())
        assert self.loop is None, "an async client returned a blocking iterable"
        found = []
        for item in iterable:
            found.append(item)
            if limit is not None and len(found) >= limit:
                break
        return found

    def close(self) -> None:
        self._factory.close()


def chat(
    server: DifyTestServer,
    query: str,
    *,
    user: str = USER,
    conversation_id: str | None = None,
    inputs: dict[str, Any] | None = None,
    http: httpx.Client | None = None,
) -> dict[str, Any]:
    """One blocking chat turn sent with plain httpx (through ``http`` if given); the
    server's answer."""
    body: dict[str, Any] = {
        "query": query,
        "inputs": inputs or {},
        "user": user,
        "response_mode": "blocking",
    }
    if conversation_id is not None:
        body["conversation_id"] = conversation_id
    url = f"{server.base_url}/chat-messages"
    headers = {"Authorization": f"Bearer {API_KEY}"}
    if http is None:
        answer = httpx.post(url, json=body, headers=headers, **_PLAIN)
    else:
        answer = http.post(url, json=body, headers=headers)
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def streamed_run_id(server: DifyTestServer, query: str, *, user: str = USER) -> str:
    """The ``workflow_run_id`` of one streamed chat turn (read to its end)."""
    body = {"query": query, "inputs": {}, "user": user, "response_mode": "streaming"}
    run_id = None
    with httpx.stream(
        "POST",
        f"{server.base_url}/chat-messages",
        json=body,
        headers={"Authorization": f"Bearer {API_KEY}"},
        **_PLAIN,
    ) as answer:
        for line in answer.iter_lines():
            if line.startswith("data: "):
                run_id = run_id or json.loads(line[6:]).get("workflow_run_id")
    assert isinstance(run_id, str)
    return run_id


class AnswerLosingProxy:
    """A TCP proxy to ``target`` that loses the answers to its first ``lose`` connections.

    It forwards each request, waits until the server starts answering (so the server has
    carried the request out), then closes the client's connection without passing the
    answer on: what a dropped network link does to a client. Later connections are relayed
    whole.
    """

    def __init__(self, target: DifyTestServer, *, lose: int) -> None:
        self._target = ("127.0.0.1", target.port)
        self._lose = lose
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stopped = threading.Event()
        self._threads: list[threading.Thread] = []
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/v1"
        self._acceptor = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> AnswerLosingProxy:
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        self._acceptor.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            losing = self._lose > 0
            self._lose -= 1
            thread = threading.Thread(target=self._serve, args=(client, losing), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket, losing: bool) -> None:
        with client, socket.create_connection(self._target, timeout=5) as upstream:
            client.settimeout(0.05)
            upstream.settimeout(0.05)
            for _ in range(2000):  # bounded: at most ~100 s of relaying
                if self._stopped.is_set():
                    return
                if not _relay(client, upstream):
                    return
                answered = _relay(upstream, client, forward=not losing)
                if answered is None:
                    return  # the server answered: this client never hears it
                if not answered:
                    return


def _relay(source: socket.socket, sink: socket.socket, *, forward: bool = True) -> bool | None:
    """Move what ``source`` has to ``sink``: False when ``source`` closed, None when data
    arrived but was not forwarded."""
    with contextlib.suppress(TimeoutError):
        data = source.recv(65536)
        if not data:
            return False
        if not forward:
            return None
        sink.sendall(data)
    return True


@contextlib.contextmanager
def driver_of(kind: str) -> Iterator[Driver]:
    driver = Driver(kind)
    try:
        yield driver
    finally:
        driver.close()


def read_head(conn: socket.socket) -> tuple[bytes, bytes] | None:
    """A request's head and the body bytes read with it (``None``: the client hung up)."""
    buffered = b""
    while b"\r\n\r\n" not in buffered:
        data = conn.recv(65536)
        if not data:
            return None
        buffered += data
    head, _, rest = buffered.partition(b"\r\n\r\n")
    return head, rest


class RawServer:
    """An HTTP server on a raw socket, one connection at a time, answered by ``_answer``;
    ``heads`` keeps the request heads."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stopped = threading.Event()
        self.heads: list[bytes] = []
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/v1"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(10)
                self._answer(conn)

    def _answer(self, conn: socket.socket) -> None:
        raise NotImplementedError


class UploadSink(RawServer):
    """Reads each upload and keeps only its size.

    Answers every request with 201 and an uploaded file's JSON, so a client can upload
    through it; ``received`` lists the body sizes.
    """

    def __init__(self) -> None:
        super().__init__()
        self.received: list[int] = []

    def _answer(self, conn: socket.socket) -> None:
        received = read_head(conn)
        if received is None:
            return
        head, rest = received
        self.heads.append(head)
        length = int(
            next(
                line.split(b":", 1)[1]
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
        )
        size = len(rest)
        while size < length:
            data = conn.recv(65536)
            if not data:
                return
            size += len(data)
        self.received.append(size)
        body = json.dumps(
            {
                "id": str(uuid.uuid4()),
                "name": "big.bin",
                "size": size,
                "extension": "bin",
                "mime_type": "application/octet-stream",
                "created_by": str(uuid.uuid4()),
                "created_at": 1_764_578_000,
                "preview_url": None,
                "source_url": None,
            }
        ).encode()
        conn.sendall(
            b"HTTP/1.1 201 CREATED\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )


class BodySource(RawServer):
    """Answers every request 200 with ``body``, sent in ``chunk``-byte pieces, then closes;
    with ``cut_after`` it promises the whole body (``Content-Length``) but closes after
    that many bytes. ``served`` counts the answers.
    """

    def __init__(
        self,
        body: bytes,
        *,
        content_type: str = "application/octet-stream",
        cut_after: int | None = None,
        chunk: int = 65536,
    ) -> None:
        super().__init__()
        self._body = body
        self._content_type = content_type
        self._cut_after = cut_after
        self._chunk = chunk
        self.served = 0

    def _answer(self, conn: socket.socket) -> None:
        received = read_head(conn)
        if received is None:
            return
        self.heads.append(received[0])
        conn.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: {self._content_type}\r\n".encode()
            + f"Content-Length: {len(self._body)}\r\nConnection: close\r\n\r\n".encode()
        )
        sent = self._body if self._cut_after is None else self._body[: self._cut_after]
        for start in range(0, len(sent), self._chunk):
            conn.sendall(sent[start : start + self._chunk])
        self.served += 1
