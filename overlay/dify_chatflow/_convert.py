"""Checked conversions of received JSON fields (chat replies and stream events).

Each takes the received value and the field's name, and returns the typed value or raises
``ValueError`` naming the field; the callers turn that into a :class:`ResponseDecodeError`
that shows what the server sent.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ._models import _timestamp

__all__ = [
    "as_decimal",
    "as_dict",
    "as_float",
    "as_int",
    "as_list",
    "as_text",
    "as_time",
    "as_uuid",
    "optional_float",
    "optional_int",
    "optional_text",
    "optional_time",
    "optional_uuid",
]


def as_uuid(value: Any, key: str) -> uuid.UUID:
    """A UUID from its text."""
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} is missing or not a string")
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(f"field {key!r} is not a UUID: {value[:60]!r}") from None


def optional_uuid(value: Any, key: str) -> uuid.UUID | None:
    """A UUID, or ``None`` when the field is missing, null or empty."""
    return None if value is None or value == "" else as_uuid(value, key)


def as_time(value: Any, key: str) -> datetime:
    """An aware UTC datetime from Unix seconds (what Dify sends) or ISO 8601 text."""
    try:
        return _timestamp(value, key)
    except (ValueError, OverflowError, OSError) as exc:
        if key in str(exc):
            raise
        raise ValueError(f"field {key!r} is not a timestamp: {exc}") from None


def optional_time(value: Any, key: str) -> datetime | None:
    """A datetime, or ``None`` when the field is missing or null."""
    return None if value is None else as_time(value, key)


def as_text(value: Any, key: str) -> str:
    """A string; a missing or null field is ``""``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} is not a string")
    return value


def optional_text(value: Any, key: str) -> str | None:
    """A string, or ``None`` when the field is missing or null."""
    return None if value is None else as_text(value, key)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def as_int(value: Any, key: str) -> int:
    """An integer; a missing or null field is 0."""
    if value is None:
        return 0
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"field {key!r} is not an integer")
    return value


def optional_int(value: Any, key: str) -> int | None:
    """An integer, or ``None`` when the field is missing or null."""
    return None if value is None else as_int(value, key)


def as_float(value: Any, key: str) -> float:
    """A number as ``float``; a missing or null field is 0.0."""
    if value is None:
        return 0.0
    if not _is_number(value):
        raise ValueError(f"field {key!r} is not a number")
    return float(value)


def optional_float(value: Any, key: str) -> float | None:
    """A number as ``float``, or ``None`` when the field is missing or null."""
    return None if value is None else as_float(value, key)


def as_decimal(value: Any, key: str) -> Decimal:
    """A price: Dify sends decimal text (``"0.0012"``); numbers are read by their text."""
    if value is None:
        return Decimal(0)
    if _is_number(value):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            parsed = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"field {key!r} is not a decimal number: {value[:40]!r}") from None
        if parsed.is_finite():
            return parsed
    raise ValueError(f"field {key!r} is not a decimal number")


def as_dict(value: Any, key: str) -> dict[str, Any]:
    """A JSON object; a missing or null field is ``{}``."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"field {key!r} is not a JSON object")
    return value


def as_list(value: Any, key: str) -> list[Any]:
    """A JSON array; a missing or null field is ``[]``."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"field {key!r} is not a JSON array")
    return value
