"""Telling a failed TLS handshake from other connection errors.

A handshake that failed fails the same way on every attempt (most often the server speaks
plain HTTP on that port), so it is not retried, and its message says what to try.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from typing import Final

import httpx

__all__ = ["tls_failure_message"]

# Where each transport waits for the server's side of the handshake: httpcore's sync and
# anyio backends (``start_tls``, the ssl module's ``do_handshake``) and asyncio under
# aiohttp (``_create_connection_transport``, entered once the TCP connection is made).
# A connect timeout raised below one of these is a handshake that got no TLS answer.
_HANDSHAKE_FRAMES: Final = frozenset({"start_tls", "do_handshake", "_create_connection_transport"})


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _in_handshake(exc: BaseException) -> bool:
    for link in _chain(exc):
        frame = link.__traceback__
        while frame is not None:
            if frame.tb_frame.f_code.co_name in _HANDSHAKE_FRAMES:
                return True
            frame = frame.tb_next
    return False


def tls_failure_message(exc: httpx.TransportError, url: httpx.URL | None) -> str | None:
    """The message for ``exc`` if it is a failed TLS handshake, else ``None``."""
    if url is None or url.scheme != "https":
        return None
    where = f"{url.host}:{url.port or 443}"
    plain = url.copy_with(path="/", query=None, fragment=None).copy_with(scheme="http")
    hint = f"the server may speak plain HTTP on that port: try {str(plain).rstrip('/')}"
    if isinstance(exc, httpx.ConnectTimeout) and _in_handshake(exc):
        return f"TLS handshake with {where} got no answer in time; {hint}"
    ssl_errors = [link for link in _chain(exc) if isinstance(link, ssl.SSLError)]
    if ssl_errors:
        innermost = ssl_errors[-1]  # the ssl module's own text, not a wrapper's
        if isinstance(innermost, ssl.SSLCertVerificationError):
            return f"TLS handshake with {where} failed: its certificate was refused ({innermost})"
        return f"TLS handshake with {where} failed ({innermost}); {hint}"
    return None
