"""Conversation and variable ids: canonical UUIDs only, checked before any request.

Ids become path segments. Accepting only the canonical hyphenated form (any case) means
nothing a caller passes can add a path segment, a query or a fragment, and the server's
HTML 404 for malformed ids is never reached.
"""

from __future__ import annotations

import re
import sys

from ._exceptions import InvalidIdError

__all__ = ["canonical_id"]

_HEX = "[0-9a-fA-F]"
_CANONICAL = re.compile(f"{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}")
_SHOWN = 60


def canonical_id(value: object, what: str) -> str:
    """Return ``value`` as a lowercase hyphenated UUID string, or raise :class:`InvalidIdError`.

    ``what`` names the argument in the message (``"conversation_id"``, ``"variable_id"``).
    """
    if type(value) is str:
        # fullmatch, not match + "$": "$" would also accept a trailing newline.
        if _CANONICAL.fullmatch(value):
            return value.lower()
    else:
        # uuid is looked up, not imported: if nothing loaded it, value cannot be a UUID.
        uuid_module = sys.modules.get("uuid")
        if uuid_module is not None and isinstance(value, uuid_module.UUID):
            return str(value)
    shown = repr(value)
    if len(shown) > _SHOWN:
        shown = shown[:_SHOWN] + "..."
    raise InvalidIdError(
        f"{what} must be a uuid.UUID or a canonical UUID string like "
        f"'3f2b8c1e-5d6a-4e7f-8a9b-0c1d2e3f4a5b', got {shown} ({type(value).__name__})"
    )
