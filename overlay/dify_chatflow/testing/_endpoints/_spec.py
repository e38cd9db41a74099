"""How a route module declares the operations it answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._context import Handler

__all__ = ["RouteSpec"]


@dataclass(frozen=True)
class RouteSpec:
    """One operation of the registry (``"chat.send"``) and the handler that answers it.

    The registry gives its method and path. ``strings`` names the path parameters Dify's
    URL rule reads with Flask's ``string`` converter (the others are ``uuid``: a malformed
    id is an HTML 404); ``new_only`` operations exist on 1.16 only (an HTML 404 on 1.10).
    ``sample_body`` is a body the operation takes, for an operation with one: its JSON
    object, or its multipart parts by name with a file as ``(filename, bytes, media
    type)``; the contract tests build the operation's request with it.
    """

    operation: str
    handler: Handler
    strings: tuple[str, ...] = ()
    new_only: bool = False
    sample_body: Mapping[str, Any] | None = None
