"""HTTP/1.1 requests read from a byte buffer: heads, Content-Length and chunked bodies.

Pure functions with no sockets, so the transport in :mod:`._http` stays small. What is
accepted and refused follows the standard library's ``BaseHTTPRequestHandler``, so clients
see the answers a stdlib HTTP server would give.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from http import HTTPStatus
from typing import Final
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = [
    "MAX_BODY",
    "BadRequest",
    "RequestHead",
    "error_page",
    "find_head_end",
    "parse_head",
    "read_chunked",
    "split_target",
]

# Dify's nginx lets bodies up to 100 MB through (above its 30 MB audio limit).
MAX_BODY: Final = 100 * 1024 * 1024
_MAX_LINE: Final = 65536  # http.client's limit for the request line and each header line
_MAX_HEADERS: Final = 100  # http.client's limit on the number of header lines
_MAX_CHUNK_LINE: Final = 1024
_METHODS: Final = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

# The page http.server sends with its errors (html.escape'd message and explanation).
_ERROR_PAGE: Final = """\
<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: %(code)d</p>
        <p>Message: %(message)s.</p>
        <p>Error code explanation: %(code)s - %(explain)s.</p>
    </body>
</html>
"""


class BadRequest(Exception):
    """The request cannot be served; answer ``status`` and close the connection."""

    def __init__(self, status: int, message: str | None = None, *, page: bool = True) -> None:
        super().__init__(status, message)
        self.status = status
        self.message = message
        self.page = page  # False: an empty body (as http.server answers body-size refusals)


@dataclass(frozen=True, slots=True)
class RequestHead:
    """A parsed request line and headers (names lower-case, first value wins)."""

    method: str
    target: str
    headers: dict[str, str]
    keep_alive: bool
    expect_continue: bool
    chunked: bool
    content_length: int


def error_page(status: int, message: str | None = None) -> bytes:
    """The HTML body ``BaseHTTPRequestHandler.send_error`` writes for ``status``."""
    try:
        known = HTTPStatus(status)
        short, long = known.phrase, known.description
    except ValueError:
        short, long = "???", "???"
    text = _ERROR_PAGE % {
        "code": status,
        "message": html.escape(message or short, quote=False),
        "explain": html.escape(long, quote=False),
    }
    return text.encode("utf-8", "replace")


_TLS_HANDSHAKE: Final = b"\x16\x03"  # a TLS record of type handshake, version 3.x


def find_head_end(buffer: bytearray) -> int:
    """Index just past the blank line ending the head, or ``-1`` if it has not all arrived.

    Raises :class:`BadRequest` when what has arrived is already too long to be a head.
    """
    if buffer.startswith(_TLS_HANDSHAKE):
        # A client speaking TLS to this plain-HTTP server: answer at once, as HTTP servers
        # do, so that it fails its handshake now instead of waiting for its timeout.
        raise BadRequest(HTTPStatus.BAD_REQUEST, "Bad request syntax (a TLS handshake)")
    end = buffer.find(b"\r\n\r\n")
    if end >= 0:
        return end + 4
    if len(buffer) > _MAX_LINE * 2:
        first_line_end = buffer.find(b"\r\n")
        if first_line_end < 0 or first_line_end > _MAX_LINE:
            raise BadRequest(HTTPStatus.REQUEST_URI_TOO_LONG)
        raise BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Line too long")
    return -1


def parse_head(raw: bytes) -> RequestHead:
    """Parse a request head (request line, headers, the final blank line)."""
    lines = raw.decode("iso-8859-1").split("\r\n")
    del lines[-2:]  # the blank line that ends the head
    request_line = lines[0]
    if len(raw) > _MAX_LINE:  # only then can one line be too long: find out which
        if len(request_line) > _MAX_LINE:
            raise BadRequest(HTTPStatus.REQUEST_URI_TOO_LONG)
        if any(len(line) > _MAX_LINE for line in lines):
            raise BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Line too long")
    words = request_line.split()
    if len(words) != 3:
        # HTTP/0.9 (two words) is not served: it cannot carry the headers the API needs.
        raise BadRequest(HTTPStatus.BAD_REQUEST, f"Bad request syntax ({request_line!r})")
    method, target, version = words
    keep_alive = version == "HTTP/1.1" or _keep_alive_by_default(version)
    if len(lines) - 1 > _MAX_HEADERS:
        raise BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Too many headers")
    headers: dict[str, str] = {}
    last = ""
    for index in range(1, len(lines)):
        line = lines[index]
        if line[0] in " \t":  # an obsolete folded continuation line
            if last:
                headers[last] = f"{headers[last]} {line.strip()}"
            continue
        name, colon, value = line.partition(":")
        if not colon:
            continue  # not a header line: ignored, as the email parser did
        name = name.lower()
        if name in headers:
            last = ""
        else:
            headers[name] = value.strip()
            last = name
    connection = headers.get("connection")
    if connection:
        connection = connection.lower()
        if connection == "close":
            keep_alive = False
        elif connection == "keep-alive":
            keep_alive = True
    if method not in _METHODS:
        raise BadRequest(HTTPStatus.NOT_IMPLEMENTED, f"Unsupported method ({method!r})")
    transfer_encoding = headers.get("transfer-encoding")
    chunked = transfer_encoding is not None and "chunked" in transfer_encoding.lower()
    length = 0
    if not chunked:
        length_text = headers.get("content-length")
        if length_text:
            try:
                length = int(length_text)
            except ValueError:
                length = -1
            if not 0 <= length <= MAX_BODY:
                status = HTTPStatus.REQUEST_ENTITY_TOO_LARGE if length > MAX_BODY else 400
                raise BadRequest(status, page=False)
    expect = headers.get("expect")
    expect_continue = (
        expect is not None and expect.lower() == "100-continue" and version >= "HTTP/1.1"
    )
    return RequestHead(method, target, headers, keep_alive, expect_continue, chunked, length)


def _keep_alive_by_default(version: str) -> bool:
    """HTTP/1.1 and later keep the connection open; HTTP/2+ is refused."""
    try:
        if not version.startswith("HTTP/"):
            raise ValueError
        parts = version[5:].split(".")
        if len(parts) != 2 or not all(p.isdigit() and len(p) <= 10 for p in parts):
            raise ValueError
        number = int(parts[0]), int(parts[1])
    except ValueError:
        raise BadRequest(HTTPStatus.BAD_REQUEST, f"Bad request version ({version!r})") from None
    if number >= (2, 0):
        message = f"Invalid HTTP version ({version[5:]})"
        raise BadRequest(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED, message)
    return number >= (1, 1)


def read_chunked(buffer: bytearray) -> tuple[bytes, int] | None:
    """A chunked body at the start of ``buffer`` and the bytes it used, or ``None`` if it
    has not all arrived. Raises :class:`BadRequest` for a bad size line or a body too big."""
    parts: list[bytes] = []
    total = 0
    at = 0
    while True:
        line_end = buffer.find(b"\n", at)
        if line_end < 0:
            if len(buffer) - at > _MAX_CHUNK_LINE:
                raise BadRequest(HTTPStatus.BAD_REQUEST, page=False)
            return None
        size_text = bytes(buffer[at:line_end]).split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise BadRequest(HTTPStatus.BAD_REQUEST, page=False) from None
        if size < 0:
            raise BadRequest(HTTPStatus.BAD_REQUEST, page=False)
        total += size
        if total > MAX_BODY:
            raise BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, page=False)
        at = line_end + 1
        if size == 0:
            while True:  # trailers, up to the blank line
                line_end = buffer.find(b"\n", at)
                if line_end < 0:
                    return None
                blank = not buffer[at:line_end].strip()
                at = line_end + 1
                if blank:
                    return b"".join(parts), at
        data_end = at + size
        line_end = buffer.find(b"\n", data_end)
        if line_end < 0:
            return None
        parts.append(bytes(buffer[at:data_end]))
        at = line_end + 1


def split_target(target: str) -> tuple[str, dict[str, str]]:
    """The decoded path and the query (first value of each name, as werkzeug's to_dict)."""
    if target.startswith("//"):  # as http.server: never read as a network-path reference
        target = "/" + target.lstrip("/")
    parts = urlsplit(target)
    path = unquote(parts.path, errors="replace")
    query: dict[str, str] = {}
    if parts.query:
        for key, value in parse_qsl(parts.query, keep_blank_values=True, errors="replace"):
            query.setdefault(key, value)
    return path, query
