"""Converters from the server's JSON fields to typed values, shared by every model.

Each converter takes the received value (``None`` when the field is missing) and the
field's name, and returns the typed value or raises ``ValueError`` / ``TypeError`` naming
the field. :func:`decoding` turns those into one :class:`ResponseDecodeError` per answer.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ._exceptions import ResponseDecodeError

__all__ = [
    "MALFORMED",
    "base64_bytes",
    "decimal_or_zero",
    "decoding",
    "flag",
    "integer",
    "integer_or_zero",
    "json_list",
    "json_object",
    "json_text_object",
    "mapping_of",
    "number_or_zero",
    "optional_decimal",
    "optional_float",
    "optional_integer",
    "optional_text",
    "optional_timestamp",
    "optional_uuid",
    "short_repr",
    "text",
    "text_or_empty",
    "timestamp",
    "uuid_of",
]

_SHOWN_CHARS = 60

MALFORMED = (ValueError, TypeError, OverflowError, OSError)
"""What checking a received field raises when it is malformed."""


def timestamp(value: Any, key: str) -> datetime:
    """Unix seconds (what Dify sends) or ISO 8601 text, as an aware UTC datetime."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"field {key!r} is out of the range of timestamps") from None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"field {key!r} is not an ISO 8601 timestamp") from None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    raise ValueError(_wrong(value, key, "a timestamp"))


def _wrong(value: Any, key: str, expected: str) -> str:
    """Why a required field is unusable: missing (or null), or of another type."""
    return f"field {key!r} is missing" if value is None else f"field {key!r} is not {expected}"


def optional_timestamp(value: Any, key: str) -> datetime | None:
    """:func:`timestamp`, or ``None`` when the field is missing or null."""
    return None if value is None else timestamp(value, key)


def uuid_of(value: Any, key: str) -> uuid.UUID:
    """A UUID from its text (or a UUID already)."""
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str):
        raise ValueError(_wrong(value, key, "a string"))
    try:
        return uuid.UUID(value)
    except ValueError:
        raise ValueError(f"field {key!r} is not a UUID") from None


def optional_uuid(value: Any, key: str) -> uuid.UUID | None:
    """:func:`uuid_of`, or ``None`` when the field is missing, null or empty."""
    return None if value is None or value == "" else uuid_of(value, key)


def text(value: Any, key: str) -> str:
    """A required string."""
    if not isinstance(value, str):
        raise ValueError(_wrong(value, key, "a string"))
    return value


def base64_bytes(value: Any, key: str) -> bytes:
    """Bytes given as base64 text, the form a model's ``to_dict()`` gives them in."""
    try:
        return base64.b64decode(text(value, key), validate=True)
    except binascii.Error:
        raise ValueError(f"field {key!r} is not base64 text") from None


def optional_text(value: Any, key: str) -> str | None:
    """A string, or ``None`` when the field is missing or null."""
    return None if value is None else text(value, key)


def integer(value: Any, key: str) -> int:
    """A required integer (a float with no fraction counts: some servers send ``3.0``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(_wrong(value, key, "an integer"))


def optional_integer(value: Any, key: str) -> int | None:
    """:func:`integer`, or ``None`` when the field is missing or null."""
    return None if value is None else integer(value, key)


def optional_float(value: Any, key: str) -> float | None:
    """A number as a float, or ``None`` when the field is missing or null."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"field {key!r} is not a number")


def optional_decimal(value: Any, key: str) -> Decimal | None:
    """A price: decimal text (``"0.0012"``) or a JSON number, exactly; ``None`` when missing."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"field {key!r} is not a decimal number")
    try:
        # A float's shortest text, not its binary expansion: 0.1 stays Decimal("0.1").
        number = Decimal(value.strip() if isinstance(value, str) else repr(value))
    except InvalidOperation:
        raise ValueError(f"field {key!r} is not a decimal number") from None
    if not number.is_finite():
        raise ValueError(f"field {key!r} is not a finite number")
    return number


def text_or_empty(value: Any, key: str) -> str:
    """A string, ``""`` when the field is missing or null (a stream event's optional text)."""
    return "" if value is None else text(value, key)


def integer_or_zero(value: Any, key: str) -> int:
    """:func:`integer`, 0 when the field is missing or null (token counts)."""
    return 0 if value is None else integer(value, key)


def number_or_zero(value: Any, key: str) -> float:
    """A number as a float, 0.0 when the field is missing or null (latencies)."""
    number = optional_float(value, key)
    return 0.0 if number is None else number


def decimal_or_zero(value: Any, key: str) -> Decimal:
    """:func:`optional_decimal`, ``Decimal(0)`` when the field is missing or null (prices)."""
    number = optional_decimal(value, key)
    return Decimal(0) if number is None else number


def flag(value: Any, key: str, *, default: bool = False) -> bool:
    """A boolean, ``default`` when the field is missing or null."""
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ValueError(f"field {key!r} is not a boolean")
    return value


def json_object(value: Any, key: str) -> dict[str, Any]:
    """A JSON object, ``{}`` when the field is missing or null."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"field {key!r} is not a JSON object")
    return dict(value)


def json_list(value: Any, key: str) -> list[Any]:
    """A JSON array, ``[]`` when the field is missing or null."""
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise ValueError(f"field {key!r} is not a JSON array")
    return list(value)


def json_text_object(value: Any, key: str) -> dict[str, Any]:
    """An object the server sends either as JSON text or as an object; ``{}`` when empty."""
    if isinstance(value, str):
        if not value.strip():
            return {}
        try:
            value = json.loads(value)
        except ValueError:
            raise ValueError(f"field {key!r} is not JSON text") from None
    return json_object(value, key)


def mapping_of(data: Any, what: str) -> Mapping[str, Any]:
    """``data`` when it is a JSON object; :class:`ResponseDecodeError` otherwise."""
    if not isinstance(data, Mapping):
        raise ResponseDecodeError(
            f"{what} is not a JSON object but {type(data).__name__}",
            raw=_as_text(data),
            show_raw=False,
        )
    return data


@contextmanager
def decoding(what: str, data: Any) -> Iterator[None]:
    """Turn a malformed field met inside the block into a :class:`ResponseDecodeError`.

    The message names ``what`` and the field at fault but never shows the answer (it may
    hold a user's inputs or signed URLs); ``.raw`` carries it.
    """
    try:
        yield
    except MALFORMED as exc:
        raise ResponseDecodeError(
            f"malformed {what}: {exc}", raw=_as_text(data), show_raw=False
        ) from None


def short_repr(value: Any) -> str:
    """``repr(value)`` cut to a few dozen characters, for the models' reprs."""
    shown = repr(value)
    return shown if len(shown) <= _SHOWN_CHARS else shown[: _SHOWN_CHARS - 3] + "..."


def _as_text(data: Any) -> str:
    try:
        return json.dumps(data, ensure_ascii=False, default=repr)
    except ValueError:
        return repr(data)
