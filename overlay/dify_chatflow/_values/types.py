"""The value types a Dify conversation variable can have."""

from __future__ import annotations

import enum
from typing import Literal, TypeAlias

__all__ = ["JSONValue", "NumberKind", "VariableType", "parse_stored_type"]

JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None
"""Any value JSON can carry, as ``json.loads`` returns it: what a variable's value decodes to."""

NumberKind = Literal["integer", "float"]
"""How the server stores a ``number`` variable: Python ``int`` or ``float``.

An integer-stored variable refuses floats (even ``5.0``) and a float-stored one refuses
ints; ``None`` where a function accepts it means "not known".
"""

# Older servers expose the storage kind of a number variable as its type.
_NUMBER_ALIASES: dict[str, NumberKind] = {"integer": "integer", "float": "float"}


class VariableType(enum.StrEnum):
    """The 12 documented conversation variable types.

    ``VariableType("integer")`` and ``VariableType("float")`` (what older servers report)
    both give :attr:`NUMBER`; use :func:`parse_stored_type` to keep the storage kind.
    """

    STRING = "string"
    NUMBER = "number"
    OBJECT = "object"
    SECRET = "secret"  # noqa: S105  (a type name, not a password)
    FILE = "file"
    BOOLEAN = "boolean"
    ARRAY_ANY = "array[any]"
    ARRAY_STRING = "array[string]"
    ARRAY_NUMBER = "array[number]"
    ARRAY_OBJECT = "array[object]"
    ARRAY_FILE = "array[file]"
    ARRAY_BOOLEAN = "array[boolean]"

    @classmethod
    def _missing_(cls, value: object) -> VariableType | None:
        if isinstance(value, str) and value in _NUMBER_ALIASES:
            return cls.NUMBER
        return None

    @classmethod
    def parse(cls, text: str | VariableType) -> VariableType:
        """Return the type named by ``text``, accepting the aliases ``integer`` / ``float``.

        Raises ``ValueError`` naming the valid types when ``text`` is none of them.
        """
        try:
            return cls(text)
        except ValueError:
            valid = ", ".join(member.value for member in cls)
            raise ValueError(
                f"unknown variable type {text!r}; expected one of: {valid} "
                "(or 'integer' / 'float', which mean 'number')"
            ) from None

    @property
    def is_array(self) -> bool:
        """True for the ``array[...]`` types."""
        return self.value.startswith("array[")

    @property
    def is_updatable(self) -> bool:
        """True when the server lets a client set a value of this type.

        ``file``, ``array[file]`` and ``array[any]`` variables can never be updated
        through the API.
        """
        return self not in _NOT_UPDATABLE

    @property
    def element_type(self) -> VariableType | None:
        """The item type of an array type (``None`` for ``array[any]`` and non-arrays)."""
        return _ELEMENT_TYPES.get(self)


_NOT_UPDATABLE = frozenset({VariableType.FILE, VariableType.ARRAY_FILE, VariableType.ARRAY_ANY})

_ELEMENT_TYPES: dict[VariableType, VariableType] = {
    VariableType.ARRAY_STRING: VariableType.STRING,
    VariableType.ARRAY_NUMBER: VariableType.NUMBER,
    VariableType.ARRAY_OBJECT: VariableType.OBJECT,
    VariableType.ARRAY_FILE: VariableType.FILE,
    VariableType.ARRAY_BOOLEAN: VariableType.BOOLEAN,
}


def parse_stored_type(text: str) -> tuple[VariableType, NumberKind | None]:
    """Split a server ``value_type`` into the exposed type and the number storage kind.

    ``"integer"`` → ``(NUMBER, "integer")``, ``"float"`` → ``(NUMBER, "float")``,
    anything else → ``(VariableType.parse(text), None)``.
    """
    kind = _NUMBER_ALIASES.get(text)
    if kind is not None:
        return VariableType.NUMBER, kind
    return VariableType.parse(text), None
