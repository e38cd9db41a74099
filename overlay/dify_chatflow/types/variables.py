"""Typed models of what the server returns."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any, overload

import attrs

from .._convert import text, timestamp, uuid_of
from .._exceptions import (
    SECRET_MASK,
    ResponseDecodeError,
    VariableValueError,
    hide_secret_values,
)
from .._models import Model, json_text
from .._values.decoding import FLOAT_TEXT, INT_TEXT, decode_value
from .._values.types import JSONValue, NumberKind, VariableType, parse_stored_type

__all__ = ["ConversationVariable"]

_SHOWN_CHARS = 80
_NOT_DECODED: Any = object()
# What checking a received field raises when it is malformed.
_MALFORMED = (ValueError, TypeError, OverflowError, OSError)


def _kind_of(raw: Any) -> NumberKind | None:
    """How a number is stored, read from its raw value: ``"5"`` integer, ``"5.0"`` float."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return "integer"
    if isinstance(raw, float):
        return "float"
    if isinstance(raw, str):
        if INT_TEXT.fullmatch(raw):
            return "integer"
        if FLOAT_TEXT.fullmatch(raw):
            return "float"
    return None


def _default_kind(variable: ConversationVariable) -> NumberKind | None:
    if variable.value_type is not VariableType.NUMBER:
        return None
    return _kind_of(variable.raw_value)


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


@attrs.frozen(repr=False)
class ConversationVariable(Model):
    """One conversation variable, as the server reports it.

    ``value`` is the decoded Python value (decoded on first access, then cached);
    ``raw_value`` is what the server sent (usually Python ``str()`` text). For number
    variables ``number_kind`` says how the server stores the number (``"integer"`` or
    ``"float"``), which decides what an update may send. Timestamps are aware UTC
    datetimes. The repr never shows a ``secret`` value and cuts long values short.
    """

    id: uuid.UUID
    name: str
    value_type: VariableType
    raw_value: JSONValue = attrs.field(hash=False)
    description: str
    created_at: datetime
    updated_at: datetime
    number_kind: NumberKind | None = attrs.field(
        default=attrs.Factory(_default_kind, takes_self=True)
    )
    _decoded: Any = attrs.field(init=False, default=_NOT_DECODED, eq=False, hash=False)

    @property
    def value(self) -> JSONValue:
        """The decoded value (raises :class:`ResponseDecodeError` if it cannot be decoded)."""
        if self._decoded is _NOT_DECODED:
            # Frozen class: the cache is set once, behind the public interface.
            object.__setattr__(self, "_decoded", decode_value(self.value_type, self.raw_value))
        decoded: JSONValue = self._decoded
        return decoded

    @overload
    def value_as(self, kind: type[bool]) -> bool: ...
    @overload
    def value_as(self, kind: type[int]) -> int: ...
    @overload
    def value_as(self, kind: type[float]) -> float: ...
    @overload
    def value_as(self, kind: type[str]) -> str: ...
    @overload
    def value_as(self, kind: type[dict[Any, Any]]) -> dict[str, JSONValue]: ...
    @overload
    def value_as(self, kind: type[list[Any]]) -> list[JSONValue]: ...
    def value_as(self, kind: type[Any]) -> Any:
        """The decoded :attr:`value`, typed as ``kind`` for type checkers.

        ``kind`` is one of ``str``, ``int``, ``float``, ``bool``, ``dict`` and ``list``.
        An ``int`` is taken as a ``float`` (converted); a ``bool`` is never an ``int``.
        Raises :class:`VariableValueError` naming the variable, its type and the value's
        type when the value is of another type (or ``kind`` is none of those).
        """
        if kind not in _VALUE_KINDS:
            accepted = ", ".join(accepted.__name__ for accepted in _VALUE_KINDS)
            raise VariableValueError(
                f"value_as() takes one of {accepted}, not {getattr(kind, '__name__', kind)!r}"
            )
        value = self.value
        # `bool` is an `int` subclass in Python, never in a variable's value.
        if type(value) is kind:
            return value
        if kind is float and type(value) is int:
            return float(value)
        raise VariableValueError(
            f"conversation variable {self.name!r} ({self.value_type.value}) holds a "
            f"{type(value).__name__} value, not {kind.__name__}"
        )

    @property
    def is_secret(self) -> bool:
        """True for ``secret`` variables, whose value is never shown."""
        return self.value_type is VariableType.SECRET

    @classmethod
    def from_json(cls, data: Any) -> ConversationVariable:
        """Build from one item of the server's list or update response.

        Expects ``{id, name, value_type, value, description, created_at, updated_at}``;
        ``value_type`` may be an older server's ``integer`` / ``float`` (a number with that
        storage kind). Raises :class:`ResponseDecodeError` for a malformed item.
        """
        if not isinstance(data, Mapping):
            raise ResponseDecodeError(
                "conversation variable is not a JSON object", raw=_masked_text(data)
            )
        get = data.get
        try:
            return cls._checked(
                get("id"),
                get("name"),
                get("value_type"),
                get("value"),
                get("description"),
                get("created_at"),
                get("updated_at"),
            )
        except _MALFORMED as exc:
            raise ResponseDecodeError(
                f"malformed conversation variable: {exc}", raw=_masked_text(data)
            ) from None

    from_dict = from_json

    @classmethod
    def from_generated(cls, item: Any) -> ConversationVariable:
        """Build from the generated ``ConversationVariableItem`` an answer was parsed into.

        The generated model converts the id and passes every other field through
        unchecked, so its fields are checked exactly as :meth:`from_json` checks a JSON
        item (an unset field counts as missing; :class:`ResponseDecodeError` when
        malformed).
        """
        from .._binding import unset_as_none as given

        try:
            return cls._checked(
                given(item.id),
                given(item.name),
                given(item.value_type),
                given(item.value),
                given(item.description),
                given(item.created_at),
                given(item.updated_at),
            )
        except _MALFORMED as exc:
            # Only now turned back into the item as received (extra keys included), so
            # the error shows what the server sent.
            raise ResponseDecodeError(
                f"malformed conversation variable: {exc}", raw=_masked_text(item.to_dict())
            ) from None

    @classmethod
    def _checked(
        cls,
        id: Any,
        name: Any,
        value_type: Any,
        value: Any,
        description: Any,
        created_at: Any,
        updated_at: Any,
    ) -> ConversationVariable:
        """The variable from its received fields (``None`` when missing), each checked;
        ``ValueError`` / ``TypeError`` naming the field at fault otherwise."""
        resolved, alias_kind = parse_stored_type(text(value_type, "value_type"))
        if value is None:
            raise ValueError("missing field 'value'")
        if description is not None and not isinstance(description, str):
            raise ValueError("field 'description' is not a string")
        return cls(
            id=uuid_of(id, "id"),
            name=text(name, "name"),
            value_type=resolved,
            raw_value=value,
            description=description or "",
            created_at=timestamp(created_at, "created_at"),
            updated_at=timestamp(updated_at, "updated_at"),
            number_kind=(
                (alias_kind or _kind_of(value)) if resolved is VariableType.NUMBER else None
            ),
        )

    def to_dict(self, *, reveal_secrets: bool = False) -> dict[str, JSONValue]:
        """The variable as JSON-ready data, for logs, JSON output and handing on.

        The server's fields: ``id``, ``name``, ``value_type`` (the exposed type, e.g.
        ``number``), ``value`` (decoded), ``description``, ``created_at`` / ``updated_at``
        (ISO 8601, UTC). A ``secret`` value is ``"<secret: hidden>"`` unless
        ``reveal_secrets=True``. Raises :class:`ResponseDecodeError` like :attr:`value`.
        """
        return {
            "id": str(self.id),
            "name": self.name,
            "value_type": self.value_type.value,
            "value": SECRET_MASK if self.is_secret and not reveal_secrets else self.value,
            "description": self.description,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }

    def to_json(self, indent: int | None = None, *, reveal_secrets: bool = False) -> str:
        """:meth:`to_dict` as JSON text (a ``secret`` value masked unless asked for)."""
        return json_text(self.to_dict(reveal_secrets=reveal_secrets), indent)

    def _shown_value(self) -> str:
        if self.is_secret:
            return SECRET_MASK
        raw = self.raw_value
        if self.value_type is VariableType.STRING or not isinstance(raw, str):
            return _shorten(repr(raw))
        return _shorten(raw)

    def __repr__(self) -> str:
        return (
            f"ConversationVariable(id={str(self.id)!r}, name={self.name!r}, "
            f"value_type={self.value_type.value!r}, value={self._shown_value()}, "
            f"description={_shorten(repr(self.description))}, "
            f"updated_at={self.updated_at.isoformat()!r})"
        )

    __str__ = __repr__


# What `value_as` can give: the Python types a decoded value has.
_VALUE_KINDS: tuple[type[Any], ...] = (str, int, float, bool, dict, list)


def _masked_text(data: Any) -> str:
    """The item as text for an error, with its value hidden unless clearly not secret."""
    if not isinstance(data, Mapping):
        return _shorten(repr(data))
    return json.dumps(hide_secret_values(dict(data)), default=repr, ensure_ascii=False)
