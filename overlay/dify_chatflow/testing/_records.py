"""What the test server received, kept for assertions (never the API key itself)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from ._wire import MalformedJSON, parse_json_body

__all__ = ["REDACTED", "HeldStream", "HeldStreamLog", "RecordedRequest", "RequestLog"]

REDACTED = "[redacted]"
"""Stands in for the credential part of a recorded ``Authorization`` header."""


@dataclass(frozen=True)
class RecordedRequest:
    """One request as received: method, decoded path, query, headers and body.

    ``headers`` has lower-case names; the ``authorization`` value keeps only its scheme
    (``"Bearer [redacted]"``) so that recorded requests can be printed or scanned safely.
    ``json`` is the parsed body, or ``None`` when there is none or it is not valid JSON.
    """

    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes

    @property
    def json(self) -> object | None:
        """The body parsed as JSON (``None`` if empty or not JSON)."""
        try:
            return parse_json_body(self.body) if self.body else None
        except MalformedJSON:
            return None

    @property
    def user(self) -> object | None:
        """The ``user`` the request named: query parameter for GET, JSON field otherwise."""
        if self.method in ("GET", "HEAD"):
            return self.query.get("user")
        body = self.json
        return body.get("user") if isinstance(body, dict) else None


def redact_authorization(value: str) -> str:
    """Keep the scheme of an Authorization header, drop the credential."""
    scheme, space, _ = value.strip().partition(" ")
    return f"{scheme} {REDACTED}" if space else REDACTED


class RequestLog:
    """Received requests in arrival order (thread-safe, bounded)."""

    def __init__(self, limit: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._items: list[RecordedRequest] = []
        self._limit = limit

    def append(self, item: RecordedRequest) -> None:
        with self._lock:
            self._items.append(item)
            if len(self._items) > self._limit:
                del self._items[: len(self._items) - self._limit]

    def snapshot(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


@dataclass(frozen=True)
class HeldStream:
    """A run's event stream (``GET /workflow/{run_id}/events`` with ``continue_on_pause``)
    that the server held open, pinging, after the run had finished, as Dify 1.16 does.

    ``ended_by`` is ``"client"`` once the client hung up, ``"server"`` once the server
    gave up waiting for it (its idle timeout, or it stopped), ``None`` while still held.
    """

    workflow_run_id: str
    ended_by: Literal["client", "server"] | None = None


class HeldStreamLog:
    """The streams held open after their run finished, in the order they were held
    (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[HeldStream] = []

    def hold(self, workflow_run_id: str) -> int:
        """Record a stream now held; returns its index for :meth:`end`."""
        with self._lock:
            self._items.append(HeldStream(workflow_run_id))
            return len(self._items) - 1

    def end(self, index: int, ended_by: Literal["client", "server"]) -> None:
        with self._lock:
            self._items[index] = replace(self._items[index], ended_by=ended_by)

    def snapshot(self) -> list[HeldStream]:
        with self._lock:
            return list(self._items)
