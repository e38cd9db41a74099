"""Answers computed off the event loop: a chat turn runs a user's responder, which may be
slow or block, in a thread of its own and hands its output to the connection's
:class:`Sink` (a whole JSON answer, or the events of a stream)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

if TYPE_CHECKING:
    from ._context import Reply

__all__ = ["PING", "Job", "Sink", "event_bytes"]

PING: Final = b"event: ping\n\n"
"""Dify's keep-alive block: an ``event:`` line and no data."""


def event_bytes(payload: object) -> bytes:
    """One live stream event: ``data: <compact JSON>`` and a blank line."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return b"data: " + text.encode("utf-8") + b"\n\n"


class Sink(Protocol):
    """Where a job writes its answer; every method may be called from the job's thread."""

    @property
    def gone(self) -> bool:
        """Whether the client has disconnected (or the connection was cut)."""
        ...

    def respond(self, reply: Reply) -> None:
        """Send a whole answer (a blocking chat turn)."""
        ...

    def send(self, event: bytes) -> None:
        """Send one event of the stream as one HTTP chunk (dropped once ``gone``)."""
        ...

    def finish(self) -> None:
        """End the stream with the terminal chunk; the connection stays usable."""
        ...

    def cut(self) -> None:
        """Close the connection at once, mid-stream (no terminal chunk)."""
        ...


@dataclass(frozen=True)
class Job:
    """Work a reply waits for. ``streaming``: the reply's head goes out at once (chunked)
    and pings follow every ``ping_interval`` seconds in which no event was sent."""

    run: Callable[[Sink], None]
    streaming: bool
    ping_interval: float = 10.0
