"""The test server speaks HTTP/1.1 as clients expect: keep-alive, pipelining, chunked
bodies, ``Expect: 100-continue``, HEAD, refusals, and delays that hold up one connection only."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer, Fault

KEY = "app-test"
USER = "abc-123"


@pytest.fixture
def conv(dify_server: DifyTestServer) -> str:
    return dify_server.add_conversation(
        user=USER, variables=[{"name": "n", "value_type": "number", "value": 1}]
    )


@pytest.fixture
def sock(dify_server: DifyTestServer) -> Iterator[socket.socket]:
    with socket.create_connection(("127.0.0.1", dify_server.port), timeout=10) as conn:
        yield conn


def request(method: str, path: str, body: bytes = b"", **headers: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: test", f"Authorization: Bearer {KEY}"]
    if body or method == "PUT":
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Reader:
    """Reads responses off a socket, one at a time (Content-Length framed)."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.buffer = b""

    def _fill(self) -> bool:
        chunk = self.conn.recv(65536)
        self.buffer += chunk
        return bool(chunk)

    def response(self, *, head_only: bool = False) -> tuple[int, dict[str, str], bytes]:
        while b"\r\n\r\n" not in self.buffer:
            if not self._fill():
                raise ConnectionError("closed before a response")
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.lower()] = value.strip()
        length = 0 if head_only else int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            if not self._fill():
                raise ConnectionError("closed inside a body")
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(status_line.split()[1]), headers, body

    def closed(self) -> bool:
        return not self.buffer and not self._fill()


def list_path(conv: str) -> str:
    return f"/v1/conversations/{conv}/variables?user={USER}"


def update_path(server: DifyTestServer, conv: str) -> str:
    return f"/v1/conversations/{conv}/variables/{server.variable(conv, 'n').id}"


def put_body(value: int) -> bytes:
    return json.dumps({"user": USER, "value": value}).encode()


def test_pipelined_requests_are_answered_in_order_on_one_connection(dify_server, conv, sock):
    path = update_path(dify_server, conv)
    sock.sendall(b"".join(request("PUT", path, put_body(v)) for v in (2, 3, 4)))
    reader = Reader(sock)
    values = [json.loads(reader.response()[2])["value"] for _ in range(3)]
    assert values == ["2", "3", "4"]
    assert dify_server.variable(conv, "n").value == 4


def test_a_request_split_into_pieces_is_put_back_together(dify_server, conv, sock):
    whole = request("PUT", update_path(dify_server, conv), put_body(7))
    for start in range(0, len(whole), 9):
        sock.sendall(whole[start : start + 9])
    status, _, body = Reader(sock).response()
    assert (status, json.loads(body)["value"]) == (200, "7")


def test_chunked_body_and_expect_100_continue(dify_server, conv, sock):
    head = request("PUT", update_path(dify_server, conv), Expect="100-continue")
    head = head.replace(b"Content-Length: 0", b"Transfer-Encoding: chunked")
    sock.sendall(head)
    reader = Reader(sock)
    assert reader.response(head_only=True)[0] == 100  # go ahead and send the body
    body = put_body(8)
    sock.sendall(b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (5, body[:5], len(body) - 5, body[5:]))
    status, _, answer = reader.response()
    assert (status, json.loads(answer)["value"]) == (200, "8")


def test_head_sends_the_length_of_the_get_body_but_no_body(conv, sock):
    reader = Reader(sock)
    sock.sendall(request("GET", list_path(conv)))
    _, _, get_body = reader.response()
    sock.sendall(request("HEAD", list_path(conv)) + request("GET", list_path(conv)))
    status, headers, _ = reader.response(head_only=True)
    assert (status, int(headers["content-length"])) == (200, len(get_body))
    assert reader.response()[2] == get_body  # the next response starts right after the head
    assert headers["server"] == "dify-chatflow-testing"
    assert headers["date"].endswith(" GMT")


def test_connection_close_and_http_1_0_end_the_connection_after_the_answer(conv, sock):
    sock.sendall(request("GET", list_path(conv), Connection="close"))
    reader = Reader(sock)
    status, headers, _ = reader.response()
    assert (status, headers["connection"]) == (200, "close")
    assert reader.closed()


def test_http_1_0_is_answered_then_closed(dify_server, conv):
    with socket.create_connection(("127.0.0.1", dify_server.port), timeout=10) as conn:
        conn.sendall(request("GET", list_path(conv)).replace(b"HTTP/1.1", b"HTTP/1.0", 1))
        reader = Reader(conn)
        assert reader.response()[0] == 200
        assert reader.closed()


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"BREW /v1 HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        (b"GET /v1 HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        (b"GET /v1 HTTP/one\r\nHost: x\r\n\r\n", 400),
        (b"GET\r\nHost: x\r\n\r\n", 400),
        (b"PUT /v1 HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n", 413),
        (b"PUT /v1 HTTP/1.1\r\nContent-Length: ten\r\n\r\n", 400),
        (b"PUT /v1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
    ],
)
def test_requests_it_cannot_serve_are_refused_and_the_connection_closed(sock, raw, status):
    sock.sendall(raw)
    reader = Reader(sock)
    answer = reader.response()
    assert answer[0] == status
    assert answer[1]["connection"] == "close"
    assert reader.closed()


def test_a_delay_holds_up_its_own_connection_only(dify_server, conv, sock):
    dify_server.inject_fault(Fault.delay(60), route="variables.list")
    sock.sendall(request("GET", list_path(conv)))
    for _ in range(500):  # until the server has taken the fault (bounded: 500 x 10 ms)
        if dify_server.pending_faults == 0:
            break
        time.sleep(0.01)
    assert dify_server.pending_faults == 0
    with socket.create_connection(("127.0.0.1", dify_server.port), timeout=10) as other:
        other.sendall(request("PUT", update_path(dify_server, conv), put_body(5)))
        assert Reader(other).response()[0] == 200  # answered while the delay runs
    sock.setblocking(False)
    with pytest.raises(BlockingIOError):
        sock.recv(1)  # the delayed request is still unanswered
    dify_server.stop()  # ends the delay with the connection, without waiting it out
    sock.setblocking(True)
    assert Reader(sock).closed()
