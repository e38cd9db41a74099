"""How a route module declares its URL rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .._context import Handler

__all__ = ["RouteSpec"]


@dataclass(frozen=True)
class RouteSpec:
    """One URL rule under ``/v1``: ``{uuid}`` and ``{str}`` stand for Flask's ``uuid`` and
    ``string`` converters; ``new_only`` rules exist on 1.16 only (an HTML 404 on 1.10)."""

    family: str
    name: str
    path: str
    handlers: Mapping[str, Handler]
    new_only: bool = False
