"""Sockets: a lean HTTP/1.1 keep-alive server around :func:`._routes.handle`."""

from __future__ import annotations

import contextlib
import email.utils
import socket
import socketserver
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Final
from urllib.parse import parse_qsl, unquote, urlsplit

from ._routes import Reply, ServerState, handle, record

__all__ = ["HTTPServer"]

_MAX_BODY: Final = 16 * 1024 * 1024
_SERVER_HEADER: Final = "dify-chatflow-testing"


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


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = _SERVER_HEADER
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 120  # an idle keep-alive connection is closed after this
    server: HTTPServer

    # No reverse lookups, no stderr noise.
    def address_string(self) -> str:
        return str(self.client_address[0])

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            return
        target = urlsplit(self.path)
        path = unquote(target.path, errors="replace")
        query: dict[str, str] = {}
        for key, value in parse_qsl(target.query, keep_blank_values=True, errors="replace"):
            query.setdefault(key, value)  # first value wins, as werkzeug's to_dict()
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            headers.setdefault(name.lower(), value)
        state = self.server.state
        record(state, self.command, path, query, headers, body)
        self._write(handle(state, self.command, path, query, headers, body))

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _serve

    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length_text = self.headers.get("Content-Length", "0") or "0"
        try:
            length = int(length_text)
        except ValueError:
            length = -1
        if not 0 <= length <= _MAX_BODY:
            self._refuse(413 if length > _MAX_BODY else 400)
            return None
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> bytes | None:
        parts: list[bytes] = []
        total = 0
        while True:
            size_line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                self._refuse(400)
                return None
            total += size
            if total > _MAX_BODY:
                self._refuse(413)
                return None
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers up to the blank line
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline(1024)

    def _refuse(self, status: int) -> None:
        self.close_connection = True
        self._write(Reply(status, b"", None, (("Connection", "close"),)))

    def _write(self, reply: Reply) -> None:
        if reply.drop:
            self.close_connection = True
            return
        phrase = self.responses.get(reply.status, ("",))[0]
        lines = [
            f"HTTP/1.1 {reply.status} {phrase}",
            f"Server: {_SERVER_HEADER}",
            f"Date: {_DATE.http_date()}",
        ]
        if reply.content_type:
            lines.append(f"Content-Type: {reply.content_type}")
        lines.append(f"Content-Length: {len(reply.body)}")
        lines.extend(f"{name}: {value}" for name, value in reply.headers)
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        payload = head if self.command == "HEAD" else head + reply.body
        self.wfile.write(payload)


class HTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows its open connections, so ``stop`` can end them."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        self.state = state
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End every open connection (their handler threads then finish)."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):  # already closed by the peer
                sock.shutdown(socket.SHUT_RDWR)

    # http.server's own server_bind resolves the host name (getfqdn): skip that lookup.
    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)
