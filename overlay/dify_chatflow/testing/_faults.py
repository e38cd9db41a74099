"""Faults the test server can inject: what proxies and overloaded servers do to clients."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

__all__ = ["Fault", "FaultRoute"]

FaultRoute: TypeAlias = str
"""Which requests a fault applies to: ``"any"`` request, a family's (``"chat"``: sending
and stopping chat messages; ``"app"``: info, parameters, meta and site; ...), or one
operation's, by its registry name (``"variables.list"``, ``"chat.send"``, ...)."""

STREAM_KINDS: frozenset[str] = frozenset(
    {"cut_stream", "stream_error", "no_terminal_event", "slow_events"}
)


@dataclass(frozen=True)
class Fault:
    """One injected misbehaviour; build it with the class methods, then pass it to
    :meth:`DifyTestServer.inject_fault`.

    - ``Fault.delay(0.2)``: wait, then answer normally.
    - ``Fault.drop()``: read the request, then close the connection without answering.
    - ``Fault.status(502, body=..., headers=...)``: answer with this status instead.
    - ``Fault.rate_limited(retry_after=1)`` / ``Fault.unavailable(retry_after=1)``: 429 / 503
      with a ``Retry-After`` header, as proxies in front of Dify send them.

    Stream faults act on the next streaming ``POST /chat-messages``; a blocking one takes
    ``slow_events`` (slowed the same way) and ``stream_error`` (answered with the error, as
    Dify answers a blocking turn whose run errs) and leaves the others pending:

    - ``Fault.cut_stream(after_events=3)``: close the connection after N events, mid-answer.
    - ``Fault.stream_error(code=..., message=..., status=..., after_events=3)``: send an
      ``error`` event after N events and end the stream, the HTTP status staying 200.
    - ``Fault.no_terminal_event()``: end the stream cleanly without ``workflow_finished``
      and ``message_end``, as real Dify streams sometimes end.
    - ``Fault.slow_events(seconds=0.5)``: wait this long before each event.
    """

    kind: Literal[
        "delay",
        "drop",
        "status",
        "cut_stream",
        "stream_error",
        "no_terminal_event",
        "slow_events",
    ]
    seconds: float = 0.0
    status_code: int = 0
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = field(default=())
    after_events: int = 0
    code: str = ""
    message: str = ""

    @property
    def is_stream_fault(self) -> bool:
        """Whether it acts inside a chat stream rather than on a whole request."""
        return self.kind in STREAM_KINDS

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Sleep ``seconds`` before handling the request normally."""
        if not 0 <= seconds <= 600:
            raise ValueError("delay must be between 0 and 600 seconds")
        return cls(kind="delay", seconds=seconds)

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection after reading the request, sending no response at all."""
        return cls(kind="drop")

    @classmethod
    def status(
        cls,
        status_code: int,
        *,
        body: bytes | str | Mapping[str, object] | None = None,
        headers: Mapping[str, str] | None = None,
        retry_after: float | None = None,
    ) -> Fault:
        """Answer with ``status_code`` and ``body`` (a mapping is sent as JSON; ``None``
        sends Dify's ``{"code", "message", "status"}`` shape) without touching the store."""
        if not 100 <= status_code <= 599:
            raise ValueError("status_code must be an HTTP status (100-599)")
        all_headers = dict(headers or {})
        if body is None:
            body = {"code": "unknown", "message": f"injected {status_code}", "status": status_code}
        if isinstance(body, Mapping):
            payload = (json.dumps(dict(body)) + "\n").encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            payload = body.encode("utf-8")
            all_headers.setdefault("Content-Type", "text/plain; charset=utf-8")
        else:
            payload = body
        if retry_after is not None:
            all_headers["Retry-After"] = _format_retry_after(retry_after)
        return cls(
            kind="status", status_code=status_code, body=payload, headers=tuple(all_headers.items())
        )

    @classmethod
    def rate_limited(cls, *, retry_after: float | None = 1) -> Fault:
        """429 Too Many Requests with ``Retry-After`` (seconds)."""
        body = {"code": "too_many_requests", "message": "Too Many Requests", "status": 429}
        return cls.status(429, body=body, retry_after=retry_after)

    @classmethod
    def unavailable(cls, *, retry_after: float | None = 1) -> Fault:
        """503 Service Unavailable with ``Retry-After`` (seconds)."""
        body = {"code": "unknown", "message": "Service Unavailable", "status": 503}
        return cls.status(503, body=body, retry_after=retry_after)

    @classmethod
    def cut_stream(cls, *, after_events: int = 3) -> Fault:
        """Close the connection after ``after_events`` events of a chat stream (no terminal
        chunk): the client sees a dropped connection mid-answer."""
        return cls(kind="cut_stream", after_events=_count(after_events))

    @classmethod
    def stream_error(
        cls,
        *,
        code: str = "internal_server_error",
        message: str = "Internal Server Error.",
        status: int = 500,
        after_events: int = 3,
    ) -> Fault:
        """After ``after_events`` events, send Dify's mid-stream ``error`` event with this
        ``code``, ``message`` and ``status`` (e.g. ``completion_request_error``, 400) and end
        the stream; the HTTP status stays 200. A blocking turn, whose answer is complete
        at ``message_end`` (``workflow_paused``), answers with the error if it comes
        before that event: HTTP ``status`` with this ``code`` and ``message``, except that
        a 500 is werkzeug's ``internal_server_error`` answer with its own text, as in
        Dify."""
        if not 100 <= status <= 599:
            raise ValueError("status must be an HTTP status (100-599)")
        return cls(
            kind="stream_error",
            after_events=_count(after_events),
            code=code,
            message=message,
            status_code=status,
        )

    @classmethod
    def no_terminal_event(cls) -> Fault:
        """End the chat stream cleanly but without its terminal events."""
        return cls(kind="no_terminal_event")

    @classmethod
    def slow_events(cls, *, seconds: float) -> Fault:
        """Wait ``seconds`` before each event of the chat turn (pings still flow)."""
        if not 0 <= seconds <= 600:
            raise ValueError("seconds must be between 0 and 600")
        return cls(kind="slow_events", seconds=seconds)


def _count(after_events: int) -> int:
    if isinstance(after_events, bool) or not isinstance(after_events, int) or after_events < 0:
        raise ValueError("after_events must be an int >= 0")
    return after_events


def _format_retry_after(seconds: float) -> str:
    return str(int(seconds)) if float(seconds).is_integer() else str(seconds)


@dataclass
class _Pending:
    fault: Fault
    route: str
    remaining: int


class FaultQueue:
    """Pending faults, consumed in the order they were injected (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[_Pending] = []

    def add(self, fault: Fault, route: str, times: int) -> None:
        """Queue ``fault`` for ``times`` requests on ``route`` (a checked target)."""
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._pending.append(_Pending(fault, route, times))

    def take(
        self, routes: tuple[str, ...], *, stream: bool = False, kinds: frozenset[str] = frozenset()
    ) -> Fault | None:
        """The next fault for a request on any of ``routes`` (its family and operation;
        empty for no known route), if any: stream faults with ``stream``, the others without;
        ``kinds`` narrows the kinds taken."""
        if not self._pending:  # fast path without the lock; a racing add is seen next time
            return None
        with self._lock:
            for entry in self._pending:
                if entry.fault.is_stream_fault != stream or (
                    kinds and entry.fault.kind not in kinds
                ):
                    continue
                if entry.route == "any" or entry.route in routes:
                    entry.remaining -= 1
                    if entry.remaining == 0:
                        self._pending.remove(entry)
                    return entry.fault
            return None

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()

    def __len__(self) -> int:
        with self._lock:
            return sum(entry.remaining for entry in self._pending)
