"""Faults the test server can inject: what proxies and overloaded servers do to clients."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Fault", "FaultRoute"]

FaultRoute = Literal["list", "update", "any"]
"""Which requests a fault applies to: the list route, the update route, or any request."""

_ROUTES: frozenset[str] = frozenset({"list", "update", "any"})


@dataclass(frozen=True)
class Fault:
    """One injected misbehaviour; build it with the class methods, then pass it to
    :meth:`DifyTestServer.inject_fault`.

    - ``Fault.delay(0.2)``: wait, then answer normally.
    - ``Fault.drop()``: read the request, then close the connection without answering.
    - ``Fault.status(502, body=..., headers=...)``: answer with this status instead.
    - ``Fault.rate_limited(retry_after=1)`` / ``Fault.unavailable(retry_after=1)``: 429 / 503
      with a ``Retry-After`` header, as proxies in front of Dify send them.
    """

    kind: Literal["delay", "drop", "status"]
    seconds: float = 0.0
    status_code: int = 0
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = field(default=())

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
        if route not in _ROUTES:
            raise ValueError(f"route must be one of {sorted(_ROUTES)}, not {route!r}")
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._pending.append(_Pending(fault, route, times))

    def take(self, route: str | None) -> Fault | None:
        """The next fault for a request on ``route`` (``None``: no known route), if any."""
        if not self._pending:  # fast path without the lock; a racing add is seen next time
            return None
        with self._lock:
            for entry in self._pending:
                if entry.route in ("any", route):
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
