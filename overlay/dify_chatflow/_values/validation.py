"""Check a value against the rules of Dify's variable update, before anything is sent.

:func:`validate_value` asks the server's model (:mod:`.rules`) what the server
would refuse and, in strict mode, also refuses what the server accepts but silently
changes; its :class:`VariableValueError` says what to send instead.

The server-model names once defined here stay importable from this module.
"""

from __future__ import annotations

from typing import Any

from .._exceptions import VariableValueError
from .rules import (
    DEFAULT_SIZE_LIMIT,
    INT64_MIN,
    MAX_VALUE_DEPTH,
    SERVER_JSON_ERROR_MESSAGE,
    UINT64_MAX,
    Facts,
    Problem,
    ServerRejection,
    find_server_problem,
    has_big_int,
    infer_server_type,
    is_big_int,
    resolve_type,
    server_parse_int,
    server_rejection,
    server_stored_value,
    server_value_size,
)
from .types import NumberKind, VariableType

__all__ = [
    "DEFAULT_SIZE_LIMIT",
    "INT64_MIN",
    "MAX_VALUE_DEPTH",
    "SERVER_JSON_ERROR_MESSAGE",
    "UINT64_MAX",
    "ServerRejection",
    "infer_server_type",
    "server_parse_int",
    "server_rejection",
    "server_stored_value",
    "server_value_size",
    "validate_value",
]


def _strict_problem(value_type: VariableType, value: Any, facts: Facts) -> Problem | None:
    """What the server accepts but silently changes."""
    if value_type is VariableType.NUMBER and isinstance(value, bool):
        return Problem("bool_number")
    if value_type is VariableType.ARRAY_NUMBER and bool in set(map(type, value)):
        return Problem(
            "bool_number", str(next(i for i, x in enumerate(value) if x is True or x is False))
        )
    if has_big_int(facts):
        return Problem("big_int")
    if facts.non_str_key is not None:
        return Problem("non_str_key", facts.non_str_key)
    return None


_EXPECTED: dict[VariableType, str] = {
    VariableType.STRING: "a str",
    VariableType.SECRET: "a str",
    VariableType.NUMBER: "an int or a float",
    VariableType.BOOLEAN: "a bool (True or False)",
    VariableType.OBJECT: "a dict",
    VariableType.ARRAY_STRING: "a list (or tuple) of str",
    VariableType.ARRAY_NUMBER: "a list (or tuple) of int / float",
    VariableType.ARRAY_OBJECT: "a list (or tuple) of dict",
    VariableType.ARRAY_BOOLEAN: "a list (or tuple) of bool",
}


def _type_name(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def _mismatch_hint(value_type: VariableType, value: Any) -> str:
    if value is None:
        return "None is refused for every variable type"
    if value_type is VariableType.BOOLEAN and isinstance(value, int | float):
        return "send True or False, not a number"
    if value_type is VariableType.NUMBER and isinstance(value, str):
        return "convert the text first, e.g. int(text) or float(text)"
    if value_type in (VariableType.STRING, VariableType.SECRET):
        return "convert it first, e.g. str(value) or json.dumps(value)"
    if value_type.is_array and isinstance(value, set | frozenset):
        return "convert the set to a list first, e.g. sorted(value)"
    return f"send {_EXPECTED.get(value_type, 'a JSON value')}"


def _kind_hint(number_kind: NumberKind, value: Any) -> str:
    if number_kind == "float":
        return f"this variable stores floats; send {float(value)!r}, not {value!r}"
    if is_big_int(value):
        return "this variable stores 64-bit integers; this int is too large for it"
    if float(value).is_integer():
        return f"this variable stores integers; send {int(value)}, not {value!r}"
    return f"this variable stores integers; round {value!r} first, e.g. round(value)"


def _friendly_message(
    problem: Problem,
    value_type: VariableType,
    value: Any,
    number_kind: NumberKind | None,
    size_limit: int,
) -> str:
    """A message for people: the variable type, the Python type received, and the fix."""
    article = "an" if value_type.value[0] in "aeiou" else "a"  # an object, an array[...]
    head = f"invalid value for {article} {value_type.value} variable (got {_type_name(value)}): "
    reason, detail = problem.reason, problem.detail
    if reason == "unsendable":
        body = (
            f"{detail} cannot be sent as JSON; use str, int, float, bool, None, "
            "list / tuple and dict only"
        )
    elif reason == "too_deep":
        body = f"it is nested more than {MAX_VALUE_DEPTH} levels deep; flatten it"
    elif reason == "nonfinite":
        body = (
            "NaN and infinity are not valid JSON and the server refuses them; send finite numbers"
        )
    elif reason == "int_overflow":
        body = "an int is too large even for a float; send it as a str"
    elif reason == "surrogate":
        body = (
            "a str contains a lone surrogate (U+D800..U+DFFF), which the server refuses; "
            "fix the text's encoding"
        )
    elif reason == "mismatch":
        if not value_type.is_updatable:
            body = f"{value_type.value} variables cannot be updated through the API"
        elif detail:
            item = value[int(detail)]
            body = f"item [{detail}] is {_type_name(item)}; send {_EXPECTED[value_type]}" + (
                " (None is refused)" if item is None else ""
            )
        else:
            body = f"expected {_EXPECTED[value_type]}; {_mismatch_hint(value_type, value)}"
    elif reason == "kind":
        assert number_kind is not None
        body = _kind_hint(number_kind, value)
    elif reason == "not_updatable":
        body = f"{value_type.value} variables cannot be updated through the API"
    elif reason == "size":
        body = (
            f"too large: the server measures {detail} bytes, over its limit of {size_limit}; "
            "send a smaller value"
        )
    elif reason == "bool_number":
        where = f"item [{detail}] is a bool" if detail else "a bool"
        stored = "1.0 / 0.0" if detail else "1 / 0"
        body = (
            f"{where}, which the server would store as {stored}; send the number itself "
            "(or pass strict=False)"
        )
    elif reason == "big_int":
        body = (
            f"an int outside [{INT64_MIN}, {UINT64_MAX}] would become a float on the server, "
            "losing precision; send a float or a str (or pass strict=False)"
        )
    else:  # non_str_key
        body = (
            f"dict key {detail} is not a str and JSON would turn it into one; use str keys "
            "(or pass strict=False)"
        )
    return head + body


def validate_value(
    value_type: VariableType | str,
    value: object,
    *,
    number_kind: NumberKind | None = None,
    strict: bool = True,
    size_limit: int = DEFAULT_SIZE_LIMIT,
) -> None:
    """Raise :class:`VariableValueError` if the server would refuse ``value``.

    ``value_type`` is a :class:`VariableType` or its name (``"integer"`` / ``"float"``
    also set ``number_kind``). ``number_kind`` says how a number variable is stored:
    ``"integer"`` refuses floats (even ``5.0``), ``"float"`` refuses ints; None accepts
    both.

    ``strict=False`` refuses exactly what the server refuses: a value of the wrong type,
    None, NaN / infinity, lone surrogates, a number of the wrong storage kind, a value over
    the size limit, and any value for ``file``, ``array[file]`` and ``array[any]``.
    ``strict=True`` (the default) also refuses what the server accepts but changes: a bool
    for a number or inside ``array[number]``, ints beyond 64 bits, non-str dict keys.

    Lists and tuples both count as arrays. Messages never include the value of a str.
    """
    value_type, number_kind = resolve_type(value_type, number_kind)
    problem, facts = find_server_problem(value_type, value, number_kind, size_limit)
    if problem is None and strict:
        problem = _strict_problem(value_type, value, facts)
    if problem is not None:
        raise VariableValueError(
            _friendly_message(problem, value_type, value, number_kind, size_limit)
        )
