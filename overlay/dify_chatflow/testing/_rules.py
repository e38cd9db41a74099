"""The one place the test server asks what Dify does with a new value.

The rules themselves (type gate, mismatch text, integer/float storage, size estimate) live
in :mod:`dify_chatflow._values.validation`, shared with the client's validation; this adapter
turns them into the server's answer: the value to store, or the rejection to send.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._values.validation import server_rejection, server_stored_value

__all__ = ["Rejected", "build_update"]


@dataclass(frozen=True)
class Rejected(Exception):
    """The server refuses the value: 400 with this ``code`` and ``message``."""

    code: str
    message: str


def build_update(stored_type: str, name: str, value: object, *, size_limit: int) -> object:
    """The value Dify would store for ``value``, or raise :class:`Rejected`.

    ``stored_type`` is the variable's stored type (``integer`` / ``float`` for numbers).
    """
    rejection = server_rejection(stored_type, value, name=name, size_limit=size_limit)
    if rejection is not None:
        raise Rejected(rejection.code, rejection.message)
    stored, _ = server_stored_value(stored_type, value)
    return stored
