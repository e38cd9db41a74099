"""Check a value against the rules of Dify's variable update, before anything is sent.

One implementation of the server's rules serves two callers:

- :func:`validate_value` (public) raises :class:`VariableValueError` with a message that
  says what to send instead;
- :func:`server_rejection` returns the exact ``(code, message)`` the real server answers,
  for the embedded test server.

The server's order is: its JSON parser (non-finite numbers, lone surrogates), the type gate
(400 ``bad_request`` "Type mismatch: ..."), building the new value (400 ``invalid_param``:
number storage kind, types that cannot be updated, size limit).

Speed matters (values can hold thousands of objects): the value is walked once, strings,
ints and floats are collected into lists and checked in bulk with C-level builtins rather
than one function call per item.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any, Final, Literal

import attrs

from ._exceptions import VariableValueError
from ._types import NumberKind, VariableType, parse_stored_type

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

DEFAULT_SIZE_LIMIT: Final = 204800
"""Dify's default ``MAX_VARIABLE_SIZE``: bytes of the top-level stored value."""

MAX_VALUE_DEPTH: Final = 500
"""Deepest nesting a value may have: deeper values cannot be encoded as JSON reliably."""

INT64_MIN: Final = -(2**63)
UINT64_MAX: Final = 2**64 - 1
"""The server's JSON parser keeps integers in ``[INT64_MIN, UINT64_MAX]``; larger ones
become floats (and one too large for a float is refused)."""

SERVER_JSON_ERROR_MESSAGE: Final = (
    "The browser (or proxy) sent a request that this server could not understand."
)
"""What the server answers (400 ``bad_request``) when its JSON parser refuses the body."""

_Reason = Literal[
    "unsendable",
    "too_deep",
    "nonfinite",
    "int_overflow",
    "surrogate",
    "mismatch",
    "kind",
    "not_updatable",
    "size",
    "bool_number",
    "big_int",
    "non_str_key",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
_NUMBER_TYPES = frozenset({int, float, bool})


@attrs.frozen
class ServerRejection:
    """How the real server answers a value it refuses: status, ``code`` and ``message``."""

    status_code: int
    code: str
    message: str


@attrs.frozen
class _Problem:
    reason: _Reason
    detail: str = ""  # a type name, an item position, a size: whatever the message needs


@attrs.define
class _Facts:
    """What one walk over a value found."""

    strs: list[str] = attrs.Factory(list)
    ints: list[int] = attrs.Factory(list)
    floats: list[float] = attrs.Factory(list)
    unsendable: str | None = None
    too_deep: bool = False
    non_str_key: str | None = None


# ---------------------------------------------------------------------------------- walk


def _scan(container: Any, facts: _Facts, depth: int) -> None:
    """Collect every string, int and float inside ``container`` (a dict, list or tuple)."""
    if depth > MAX_VALUE_DEPTH:
        facts.too_deep = True
        return
    strs_append = facts.strs.append
    ints_append = facts.ints.append
    floats_append = facts.floats.append
    if isinstance(container, dict):
        try:
            strs_append("".join(container))  # every key a str: one C-level call
        except TypeError:
            _scan_keys(container, facts)
        items = container.values()
    else:
        items = container
    for item in items:
        kind = type(item)
        if kind is str:
            strs_append(item)
        elif kind is int:
            ints_append(item)
        elif kind is float:
            floats_append(item)
        elif kind is bool or item is None:
            continue
        elif kind is dict:
            _scan(item, facts, depth + 1)
        elif kind is list or kind is tuple:
            try:
                strs_append("".join(item))  # a list of str, the common case: no recursion
            except TypeError:
                _scan(item, facts, depth + 1)
        else:
            _scan_unusual(item, facts, depth)


def _scan_unusual(item: Any, facts: _Facts, depth: int) -> None:
    """Subclasses JSON encodes like their base (str/int enums, OrderedDict), or refusal."""
    if isinstance(item, str):
        facts.strs.append(str.__str__(item))
    elif isinstance(item, bool):
        pass
    elif isinstance(item, int):
        facts.ints.append(int(item))
    elif isinstance(item, float):
        facts.floats.append(float(item))
    elif isinstance(item, dict | list | tuple):
        _scan(item, facts, depth + 1)
    elif facts.unsendable is None:
        facts.unsendable = type(item).__name__


def _scan_keys(mapping: dict[Any, Any], facts: _Facts) -> None:
    for key in mapping:
        if isinstance(key, str):
            facts.strs.append(str.__str__(key))
        elif key is None or isinstance(key, int | float):
            # JSON turns these into strings ("1", "true", "null", "1.5").
            if isinstance(key, float) and not math.isfinite(key):
                facts.floats.append(key)
            if facts.non_str_key is None:
                facts.non_str_key = repr(key)
        elif facts.unsendable is None:
            facts.unsendable = f"{type(key).__name__} (as a dict key)"


def _walk(value_type: VariableType, value: Any) -> _Facts:
    """Walk ``value`` once, with C-level fast paths for flat arrays of the right type."""
    kind = type(value)
    if kind is list or kind is tuple:
        if value_type is VariableType.ARRAY_STRING:
            try:
                return _Facts(strs=["".join(value)])
            except TypeError:
                pass
        elif value_type is VariableType.ARRAY_NUMBER or value_type is VariableType.ARRAY_BOOLEAN:
            item_types = set(map(type, value))
            if item_types <= _NUMBER_TYPES:
                facts = _flat_numbers(value, item_types)
                if facts is not None:
                    return facts
    facts = _Facts()
    _scan((value,), facts, 0)
    return facts


def _flat_numbers(value: Any, item_types: set[type]) -> _Facts | None:
    """Facts for a flat list of ints/floats/bools, or None to fall back to the full walk."""
    if float in item_types:
        try:
            if not all(map(math.isfinite, value)):
                return None
        except OverflowError:  # an int too large for a float
            return None
    if int in item_types and (min(value) < INT64_MIN or max(value) > UINT64_MAX):
        return None  # maybe a big int, maybe a big float: let the full walk tell
    return _Facts()


# ------------------------------------------------------------------------------- checks


def _parser_problem(facts: _Facts) -> _Problem | None:
    """What the client cannot send, or the server's JSON parser refuses."""
    if facts.unsendable is not None:
        return _Problem("unsendable", facts.unsendable)
    if facts.too_deep:
        return _Problem("too_deep")
    floats = facts.floats
    # One C-level sum; it can overflow on finite items, so confirm item by item.
    if floats and not math.isfinite(sum(floats)) and not all(map(math.isfinite, floats)):
        return _Problem("nonfinite")
    ints = facts.ints
    if ints and (min(ints) < INT64_MIN or max(ints) > UINT64_MAX):
        for number in ints:
            try:
                float(number)
            except OverflowError:
                return _Problem("int_overflow")
    if facts.strs:
        text = "".join(facts.strs)
        if not text.isascii() and _SURROGATE.search(text):
            return _Problem("surrogate")
    return None


def _has_big_int(facts: _Facts) -> bool:
    ints = facts.ints
    return bool(ints) and (min(ints) < INT64_MIN or max(ints) > UINT64_MAX)


def _is_big_int(value: Any) -> bool:
    return isinstance(value, int) and not INT64_MIN <= value <= UINT64_MAX


def _number_is_float(value: Any) -> bool:
    """Whether the server holds this JSON number as a float (big ints become floats)."""
    return isinstance(value, float) or _is_big_int(value)


def infer_server_type(value: Any) -> str:
    """The type name the server puts in "but got <type> type" for a JSON value.

    string, integer, float, boolean, object, none, array[string|number|object|boolean|any],
    or unknown. Lists infer from their items: mixed numbers are array[number], any other
    mix (or nested arrays, or nulls) array[any]; an empty list infers as array[number].
    """
    if isinstance(value, list | tuple):
        item_types: set[str] = set()
        for item in value:
            item_type = infer_server_type(item)
            if item_type == "unknown":
                return "unknown"
            item_types.add(item_type)
        if len(item_types) != 1:
            return "array[number]" if item_types <= {"integer", "float"} else "array[any]"
        (only,) = item_types
        return _ARRAY_OF.get(only, "array[any]")
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "float" if _is_big_int(value) else "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    return "unknown"


_ARRAY_OF = {
    "string": "array[string]",
    "integer": "array[number]",
    "float": "array[number]",
    "object": "array[object]",
    "boolean": "array[boolean]",
}

_ITEM_CHECKS: dict[VariableType, Callable[[Any], bool]] = {
    VariableType.ARRAY_STRING: lambda item: isinstance(item, str),
    VariableType.ARRAY_NUMBER: lambda item: isinstance(item, int | float),
    VariableType.ARRAY_OBJECT: lambda item: isinstance(item, dict),
    VariableType.ARRAY_BOOLEAN: lambda item: isinstance(item, bool),
    VariableType.ARRAY_FILE: lambda item: False,  # no JSON value is a file
    VariableType.ARRAY_ANY: lambda item: True,
}

_FAST_ITEM_TYPES: dict[VariableType, frozenset[type]] = {
    VariableType.ARRAY_STRING: frozenset({str}),
    VariableType.ARRAY_NUMBER: _NUMBER_TYPES,
    VariableType.ARRAY_OBJECT: frozenset({dict}),
    VariableType.ARRAY_BOOLEAN: frozenset({bool}),
}


def _first_bad_item(value_type: VariableType, value: Any) -> int | None:
    """Index of the first array item the type gate refuses, or None if all pass."""
    fast = _FAST_ITEM_TYPES.get(value_type)
    if fast is not None and set(map(type, value)) <= fast:
        return None
    check = _ITEM_CHECKS[value_type]
    for index, item in enumerate(value):
        if not check(item):
            return index
    return None


def _gate_problem(value_type: VariableType, value: Any) -> _Problem | None:
    """The server's type gate: does the JSON value match the variable type at all?"""
    if value_type.is_array:
        if not isinstance(value, list | tuple):
            return _Problem("mismatch")
        bad = _first_bad_item(value_type, value)
        return None if bad is None else _Problem("mismatch", str(bad))
    ok: bool
    if value_type is VariableType.STRING or value_type is VariableType.SECRET:
        ok = isinstance(value, str)
    elif value_type is VariableType.NUMBER:
        ok = isinstance(value, int | float)
    elif value_type is VariableType.BOOLEAN:
        ok = isinstance(value, bool)
    elif value_type is VariableType.OBJECT:
        ok = isinstance(value, dict)
    else:  # never reached for non-updatable types: refused before the gate
        ok = False
    return None if ok else _Problem("mismatch")


def _build_problem(
    value_type: VariableType, value: Any, number_kind: NumberKind | None, size_limit: int
) -> _Problem | None:
    """The server building the new value: storage kind, updatable types, size limit."""
    if (
        value_type is VariableType.NUMBER
        and number_kind is not None
        and (number_kind == "float") != _number_is_float(value)
    ):
        return _Problem("kind")
    size = server_value_size(value)  # the top level only: no need to build the stored value
    if size > size_limit:
        return _Problem("size", str(size))
    return None


def _strict_problem(value_type: VariableType, value: Any, facts: _Facts) -> _Problem | None:
    """What the server accepts but silently changes."""
    if value_type is VariableType.NUMBER and isinstance(value, bool):
        return _Problem("bool_number")
    if value_type is VariableType.ARRAY_NUMBER and bool in set(map(type, value)):
        return _Problem(
            "bool_number", str(next(i for i, x in enumerate(value) if x is True or x is False))
        )
    if _has_big_int(facts):
        return _Problem("big_int")
    if facts.non_str_key is not None:
        return _Problem("non_str_key", facts.non_str_key)
    return None


def _find_problem(
    value_type: VariableType,
    value: Any,
    number_kind: NumberKind | None,
    *,
    strict: bool,
    size_limit: int,
) -> _Problem | None:
    facts = _walk(value_type, value)
    problem = _parser_problem(facts)
    if problem is None and not value_type.is_updatable:
        # Observed on Dify 1.10.1: these types are refused whatever the value, before the
        # type gate (no JSON value is a file).
        problem = _Problem("not_updatable")
    if problem is None:
        problem = _gate_problem(value_type, value)
    if problem is None:
        problem = _build_problem(value_type, value, number_kind, size_limit)
    if problem is None and strict:
        problem = _strict_problem(value_type, value, facts)
    return problem


# -------------------------------------------------------------------------------- sizes


def _str_size(text: str) -> int:
    """``sys.getsizeof`` of a str on CPython 3.12 (3.11 reports more: never measure)."""
    length = len(text)
    if text.isascii():
        return 41 + length
    widest = ord(max(text))
    if widest < 0x100:
        return 57 + length
    if widest < 0x10000:
        return 58 + 2 * length
    return 60 + 4 * length


def _int_size(number: int) -> int:
    """``sys.getsizeof`` of an int on CPython 3.12: 30-bit digits, at least one."""
    digits = max(1, -(-abs(number).bit_length() // 30))
    return 24 + 4 * digits


def _dict_size(length: int) -> int:
    """``sys.getsizeof`` of a dict filled with ``length`` str keys one by one (3.11, 3.12).

    The key table starts with 8 slots (5 usable); inserting into a full table resizes it to
    the next power of two of at least three times the keys held. Each slot costs one index
    byte (two past 128 slots, four past 32768), each usable entry 16 bytes.
    """
    if length == 0:
        return 64
    slots = 8
    while length > (2 * slots) // 3:
        needed = 3 * ((2 * slots) // 3)
        while slots < needed:
            slots *= 2
    log2 = slots.bit_length() - 1
    index_bytes = 1 if log2 < 8 else 2 if log2 < 16 else 4 if log2 < 32 else 8
    return 64 + 32 + slots * index_bytes + ((2 * slots) // 3) * 16


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return repr(float(key)) if isinstance(key, float) else str(int(key))


def server_value_size(value: Any) -> int:
    """The size the server checks against its limit, in bytes.

    ``sys.getsizeof`` of the top-level value the server builds, as CPython 3.12 reports it
    (nested contents are not counted): str by its widest character, list ``56 + 8n``, dict
    as filled key by key, numbers as the server holds them (ints beyond 64 bits become
    floats). Works on the value as sent and on the value as stored.
    """
    if isinstance(value, str):
        return _str_size(value)
    if isinstance(value, list | tuple):
        return 56 + 8 * len(value)
    if isinstance(value, dict):
        if all(type(key) is str for key in value):
            return _dict_size(len(value))
        return _dict_size(len({_json_key(key) for key in value}))  # JSON merges 1 and "1"
    if isinstance(value, float) or _is_big_int(value):
        return 24
    if isinstance(value, int):
        return _int_size(int(value))
    return 16  # None; never reaches the server as a stored value


# ------------------------------------------------------------------------- stored value


def server_parse_int(text: str) -> int | float:
    """``parse_int`` hook for ``json.loads`` that reads integers as the server's parser does.

    Integers inside ``[INT64_MIN, UINT64_MAX]`` stay ints; larger ones become floats (and
    one too large even for a float raises ``OverflowError``).
    """
    number = int(text)
    return number if INT64_MIN <= number <= UINT64_MAX else float(number)


def server_stored_value(
    value_type: VariableType | str, value: Any, number_kind: NumberKind | None = None
) -> tuple[Any, NumberKind | None]:
    """The value the server stores for an accepted update, and its number storage kind.

    Call it only when :func:`server_rejection` returned None. Numbers: a bool becomes an
    int, an int beyond 64 bits a float; an unknown ``number_kind`` becomes the kind of the
    value. ``array[number]``: bools become 1.0 / 0.0. Containers come back as JSON would
    carry them (tuples as lists, non-str keys as str). The kind is None for other types.
    """
    value_type, number_kind = _resolve_type(value_type, number_kind)
    if value_type is VariableType.NUMBER:
        stored: int | float
        if isinstance(value, bool):
            stored = int(value)
        elif isinstance(value, int):
            stored = server_parse_int(str(int(value)))
        else:
            stored = float(value)
        kind: NumberKind = "float" if isinstance(stored, float) else "integer"
        return stored, number_kind or kind
    if isinstance(value, str):
        return str.__str__(value), None
    if isinstance(value, bool):
        return value, None
    stored_value = json.loads(json.dumps(value, allow_nan=False), parse_int=server_parse_int)
    if value_type is VariableType.ARRAY_NUMBER:
        stored_value = [float(x) if isinstance(x, bool) else x for x in stored_value]
    return stored_value, None


# ----------------------------------------------------------------------------- messages

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
    if _is_big_int(value):
        return "this variable stores 64-bit integers; this int is too large for it"
    if float(value).is_integer():
        return f"this variable stores integers; send {int(value)}, not {value!r}"
    return f"this variable stores integers; round {value!r} first, e.g. round(value)"


def _friendly_message(
    problem: _Problem,
    value_type: VariableType,
    value: Any,
    number_kind: NumberKind | None,
    size_limit: int,
) -> str:
    """A message for people: the variable type, the Python type received, and the fix."""
    head = f"invalid value for a {value_type.value} variable (got {_type_name(value)}): "
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


def _server_answer(
    problem: _Problem,
    value_type: VariableType,
    value: Any,
    name: str,
    number_kind: NumberKind | None,
    size_limit: int,
) -> ServerRejection:
    """The real server's answer to a problem found with ``strict=False``."""
    reason = problem.reason
    if reason == "mismatch":
        expected = "float" if number_kind == "float" else value_type.value
        inferred = infer_server_type(value)
        message = f"Type mismatch: variable '{name}' expects {expected}, but got {inferred} type"
        return ServerRejection(400, "bad_request", message)
    if reason == "kind":
        return ServerRejection(400, "invalid_param", f"not supported value type {number_kind}")
    if reason == "not_updatable":
        return ServerRejection(400, "invalid_param", f"not supported value type {value_type.value}")
    if reason == "size":
        message = f"variable size {problem.detail} exceeds limit {size_limit}"
        return ServerRejection(400, "invalid_param", message)
    return ServerRejection(400, "bad_request", SERVER_JSON_ERROR_MESSAGE)


# ------------------------------------------------------------------------------- public


def _resolve_type(
    value_type: VariableType | str, number_kind: NumberKind | None
) -> tuple[VariableType, NumberKind | None]:
    if isinstance(value_type, VariableType):
        resolved = value_type
    else:
        try:
            resolved, alias_kind = parse_stored_type(value_type)
        except ValueError as exc:
            raise VariableValueError(str(exc)) from None
        number_kind = number_kind or alias_kind
    if number_kind not in (None, "integer", "float"):
        raise VariableValueError(
            f"number_kind must be 'integer', 'float' or None, not {number_kind!r}"
        )
    return resolved, number_kind if resolved is VariableType.NUMBER else None


def server_rejection(
    value_type: VariableType | str,
    value: Any,
    *,
    name: str,
    number_kind: NumberKind | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
) -> ServerRejection | None:
    """How the real server answers an update of variable ``name`` to ``value``, or None.

    ``value`` is the request's ``value`` as ``json.loads`` returns it; ``number_kind`` is
    how a number variable is stored (None: not known yet, either kind is accepted). The
    answer is exact: the same code and message as Dify, in the same order of checks.
    """
    value_type, number_kind = _resolve_type(value_type, number_kind)
    problem = _find_problem(value_type, value, number_kind, strict=False, size_limit=size_limit)
    if problem is None:
        return None
    return _server_answer(problem, value_type, value, name, number_kind, size_limit)


def validate_value(
    value_type: VariableType | str,
    value: Any,
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
    value_type, number_kind = _resolve_type(value_type, number_kind)
    problem = _find_problem(value_type, value, number_kind, strict=strict, size_limit=size_limit)
    if problem is not None:
        raise VariableValueError(
            _friendly_message(problem, value_type, value, number_kind, size_limit)
        )
