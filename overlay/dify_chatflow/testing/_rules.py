"""The one place the test server asks what Dify does with a new value.

The rules themselves (type gate, mismatch text, integer/float storage, size estimate) live
in :mod:`dify_chatflow._validation`, shared with the client. This adapter turns them into
the server's answer: the value to store, or the rejection to send.

PROVISIONAL: until ``dify_chatflow._validation`` lands, a minimal stand-in of the rules is
kept below so the server can be built and tested; it is replaced by calls into that module.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

__all__ = ["Rejected", "build_update"]


@dataclass(frozen=True)
class Rejected(Exception):
    """The server refuses the value: 400 with this ``code`` and ``message``."""

    code: str
    message: str


_EXPOSED = {"integer": "number", "float": "number"}
_NEVER_UPDATABLE = frozenset({"file", "array[file]", "array[any]"})


def _infer(value: object) -> str:
    if value is None:
        return "none"
    for python_type, name in (
        (bool, "boolean"),
        (str, "string"),
        (int, "integer"),
        (float, "float"),
    ):
        if isinstance(value, python_type):
            return name
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        inner = {_infer(item) for item in value}
        inner = {"number" if kind in ("integer", "float") else kind for kind in inner}
        if len(inner) == 1 and (kind := inner.pop()) in ("string", "number", "object", "boolean"):
            return f"array[{kind}]"
        return "array[any]"
    return "unknown"


def _accepts(exposed: str, value: object) -> bool:
    if exposed.startswith("array[") and exposed not in _NEVER_UPDATABLE:
        element = exposed[6:-1]
        return isinstance(value, list) and all(_accepts(element, item) for item in value)
    checks: dict[str, tuple[type, ...]] = {
        "string": (str,),
        "secret": (str,),
        "number": (int, float),
        "boolean": (bool,),
        "object": (dict,),
    }
    return isinstance(value, checks.get(exposed, ())) and value is not None


def _server_size(value: object) -> int:
    if isinstance(value, str):
        widest = max(map(ord, value), default=0)
        n = len(value)
        if widest < 0x80:
            return 41 + n
        if widest < 0x100:
            return 57 + n
        return 58 + 2 * n if widest < 0x10000 else 60 + 4 * n
    if isinstance(value, list):
        return 56 + 8 * len(value)
    return sys.getsizeof(value)


def build_update(stored_type: str, name: str, value: object, *, size_limit: int) -> object:
    """The value Dify would store for ``value``, or raise :class:`Rejected`."""
    exposed = _EXPOSED.get(stored_type, stored_type)
    if exposed in _NEVER_UPDATABLE:
        raise Rejected("invalid_param", f"not supported value type {stored_type}")
    if not _accepts(exposed, value):
        raise Rejected(
            "bad_request",
            f"Type mismatch: variable '{name}' expects {exposed}, but got {_infer(value)} type",
        )
    built: object = value
    if stored_type == "integer":
        if isinstance(value, float):
            raise Rejected("invalid_param", "not supported value type integer")
        built = int(value)  # type: ignore[call-overload]
    elif stored_type == "float" and not isinstance(value, float):
        raise Rejected("invalid_param", "not supported value type float")
    elif stored_type == "array[number]" and isinstance(value, list):
        built = [float(item) if isinstance(item, bool) else item for item in value]
    size = _server_size(built)
    if size > size_limit:
        raise Rejected("invalid_param", f"variable size {size} exceeds limit {size_limit}")
    return built
