"""Raw-socket helpers for the test server's tests: the bytes as sent, chunk by chunk."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

KEY = "app-test"
USER = "abc-123"


@dataclass
class RawResponse:
    """A response read off the socket: status, headers (lower-case names, in order), the
    body, and for a chunked body each chunk's payload as it was framed."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    chunks: list[bytes] | None = None
    complete: bool = True  # a chunked body ended with its terminal chunk
    raw_head: bytes = field(default=b"", repr=False)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name), None)

    def json(self) -> Any:
        """The body parsed as JSON (``Any``, as ``httpx.Response.json`` gives it)."""
        return json.loads(self.body)

    def events(self) -> list[dict[str, Any]]:
        """The ``data:`` events of an SSE body, in order (pings left out)."""
        found = []
        for block in self.body.decode("utf-8").split("\n\n"):
            if block.startswith("data: "):
                found.append(_event(block[len("data: ") :]))
        return found

    def blocks(self) -> list[str]:
        """Every SSE block (``event: ping`` ones too), without the blank lines."""
        return [b for b in self.body.decode("utf-8").split("\n\n") if b]


def _event(data: str | bytes) -> dict[str, Any]:
    """One SSE ``data:`` payload: Dify sends every event as a JSON object."""
    event = json.loads(data)
    assert isinstance(event, dict), data
    return event


def _request_bytes(
    method: str, path: str, body: bytes, headers: dict[str, str], key: str | None
) -> bytes:
    all_headers = {"Host": "127.0.0.1", "Connection": "close"}
    if key is not None:
        all_headers["Authorization"] = f"Bearer {key}"
    if body or method in ("POST", "PUT", "DELETE"):
        all_headers["Content-Length"] = str(len(body))
    all_headers.update(headers)
    head = f"{method} {path} HTTP/1.1\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in all_headers.items())
    return (head + "\r\n").encode("latin-1") + body


def parse_response(data: bytes) -> RawResponse:
    """Parse one whole response (the server closed the connection after it)."""
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip().lower(), value.strip()))
    if ("transfer-encoding", "chunked") not in headers:
        return RawResponse(status, headers, rest, raw_head=head)
    chunks: list[bytes] = []
    complete = False
    while rest:
        size_line, sep, rest = rest.partition(b"\r\n")
        if not sep:
            break
        size = int(size_line, 16)
        if size == 0:
            complete = True
            break
        chunks.append(rest[:size])
        rest = rest[size + 2 :]
    return RawResponse(status, headers, b"".join(chunks), chunks, complete, head)


def raw(
    port: int,
    method: str,
    path: str,
    body: object = None,
    *,
    headers: dict[str, str] | None = None,
    key: str | None = KEY,
    timeout: float = 10,
) -> RawResponse:
    """Send one request (``body``: bytes as they are, anything else as JSON) and read the
    whole answer off the socket."""
    extra = dict(headers or {})
    if body is None:
        payload = b""
    elif isinstance(body, bytes):
        payload = body
    else:
        payload = json.dumps(body).encode("utf-8")
        extra.setdefault("Content-Type", "application/json")
    path = path if path.startswith("/v1") or path.startswith("/elsewhere") else "/v1" + path
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(_request_bytes(method, path, payload, extra, key))
        received = bytearray()
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            received += chunk
    return parse_response(bytes(received))


def chat(
    port: int, query: str = "Hello", *, streaming: bool = True, **fields: object
) -> RawResponse:
    """``POST /chat-messages`` for :data:`USER` (``fields`` are added to the body)."""
    body: dict[str, object] = {"query": query, "inputs": {}, "user": USER}
    if streaming:
        body["response_mode"] = "streaming"
    body.update(fields)
    return raw(port, "POST", "/chat-messages", body)


def hint(path: str, *rules: str) -> str:
    """flask-restx's hint text for ``path`` naming ``rules``."""
    return f" You have requested this URI [{path}] but did you mean {' or '.join(rules)} ?"


DIALECTS = ("1.10", "1.16")


class OpenStream:
    """A streaming chat request kept open: read its events one HTTP chunk at a time."""

    def __init__(self, port: int, body: Mapping[str, object]) -> None:
        payload = json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        self.conn = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.conn.sendall(_request_bytes("POST", "/v1/chat-messages", payload, headers, KEY))
        self._buffer = b""
        head = self._read_until(b"\r\n\r\n")
        self.status = int(head.split(b" ", 2)[1])

    def _fill(self) -> bool:
        data = self.conn.recv(65536)
        self._buffer += data
        return bool(data)

    def _read_until(self, marker: bytes) -> bytes:
        while marker not in self._buffer:
            if not self._fill():
                raise EOFError("the server closed the connection")
        found, _, self._buffer = self._buffer.partition(marker)
        return found

    def chunk(self) -> bytes:
        """The next chunk's payload (``b""``: the terminal chunk); EOFError if cut."""
        size = int(self._read_until(b"\r\n"), 16)
        while len(self._buffer) < size + 2:
            if not self._fill():
                raise EOFError("the server closed the connection mid-chunk")
        data, self._buffer = self._buffer[:size], self._buffer[size + 2 :]
        return data

    def event(self) -> dict[str, Any]:
        """The next ``data:`` event, skipping pings."""
        while True:
            data = self.chunk()
            if data.startswith(b"data: "):
                return _event(data[len(b"data: ") :])
            if not data:
                raise EOFError("the stream ended")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> OpenStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def wait_for(condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Poll ``condition()`` until true (bounded); fail the test if it never is."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


FormPart = tuple[str, str | None, str | None, bytes]  # name, filename, content type, data
_FORM_BOUNDARY = "----dify-test-form"


def form(*parts: FormPart) -> tuple[bytes, dict[str, str]]:
    """A ``multipart/form-data`` body of ``(name, filename, content_type, data)`` parts
    (``None``: no filename / no Content-Type line) and its Content-Type header."""
    body = b""
    for name, filename, content_type, data in parts:
        disposition = f'form-data; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        body += f"--{_FORM_BOUNDARY}\r\nContent-Disposition: {disposition}\r\n".encode()
        if content_type is not None:
            body += f"Content-Type: {content_type}\r\n".encode()
        body += b"\r\n" + data + b"\r\n"
    body += f"--{_FORM_BOUNDARY}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={_FORM_BOUNDARY}"}


def post_form(port: int, path: str, *parts: FormPart, key: str | None = KEY) -> RawResponse:
    """``POST`` a multipart form of ``parts`` and read the whole answer."""
    body, headers = form(*parts)
    return raw(port, "POST", path, body, headers=headers, key=key)


class Clock:
    """A server clock (``DifyTestServer(clock=...)``) the test moves by hand."""

    def __init__(self, start: float = 1_796_500_000.0) -> None:  # 2026-12-05T19:46:40 UTC
        self.now = start

    def __call__(self) -> float:
        return self.now
