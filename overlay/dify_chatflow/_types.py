"""The sentinel for an argument left out."""

from __future__ import annotations

__all__ = ["NOT_GIVEN", "NotGiven"]


class NotGiven:
    """The type of :data:`NOT_GIVEN`: an argument left out.

    ``None`` cannot mean that where it is a value of its own (``timeout=None`` waits
    forever).
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
"""Stands for an argument left out, e.g. ``timeout``: the client's setting applies."""
