"""Dify's rules for a conversation variable's new value: the server's model.

What Dify (1.10.1 and 1.16.1) does with the ``value`` of a variable update, in its
order: its JSON parser (non-finite numbers, lone surrogates, integers too large even for
a float), the type gate (400 ``bad_request`` "Type mismatch: ..."), building the new value
(400 ``invalid_param``: number storage kind, types that cannot be updated, size limit).

Two callers: :func:`server_rejection` and :func:`server_stored_value` give the embedded
test server Dify's exact answer; :mod:`.validation` turns the same findings into
messages for people (and adds the strict checks the server does not make).

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

from .._exceptions import VariableValueError
from .types import NumberKind, VariableType, parse_stored_type

__all__ = [
    "DEFAULT_SIZE_LIMIT",
    "INT64_MIN",
    "MAX_VALUE_DEPTH",
    "SERVER_JSON_ERROR_MESSAGE",
    "UINT64_MAX",
    "Facts",
    "Problem",
    "Reason",
    "ServerRejection",
    "find_server_problem",
    "has_big_int",
    "infer_server_type",
    "is_big_int",
    "resolve_type",
    "server_parse_int",
    "server_rejection",
    "server_stored_value",
    "server_value_size",
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

Reason = Literal[
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
class Problem:
    reason: Reason
    detail: str = ""  # a type name, an item position, a size: whatever the message needs


@attrs.define
class Facts:
    """What one walk over a value found."""

    strs: list[str] = attrs.Factory(list)
    ints: list[int] = attrs.Factory(list)
    floats: list[float] = attrs.Factory(list)
    unsendable: str | None = None
    too_deep: bool = False
    non_str_key: str | None = None


# ---------------------------------------------------------------------------------- walk


def _scan(container: Any, facts: Facts, depth: int) -> None:
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


def _scan_unusual(item: Any, facts: Facts, depth: int) -> None:
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


def _scan_keys(mapping: dict[Any, Any], facts: Facts) -> None:
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


def _walk(value_type: VariableType, value: Any) -> Facts:
    """Walk ``value`` once, with C-level fast paths for flat arrays of the right type."""
    kind = type(value)
    if kind is list or kind is tuple:
        if value_type is VariableType.ARRAY_STRING:
            try:
                return Facts(strs=["".join(value)])
            except TypeError:
                pass
        elif value_type is VariableType.ARRAY_NUMBER or value_type is VariableType.ARRAY_BOOLEAN:
            item_types = set(map(type, value))
            if item_types <= _NUMBER_TYPES:
                facts = _flat_numbers(value, item_types)
                if facts is not None:
                    return facts
    facts = Facts()
    _scan((value,), facts, 0)
    return facts


def _flat_numbers(value: Any, item_types: set[type]) -> Facts | None:
    """Facts for a flat list of ints/floats/bools, or None to fall back to the full walk."""
    if float in item_types:
        try:
            if not all(map(math.isfinite, value)):
                return None
        except OverflowError:  # an int too large for a float
            return None
    if int in item_types and (min(value) < INT64_MIN or max(value) > UINT64_MAX):
        return None  # maybe a big int, maybe a big float: let the full walk tell
    return Facts()


# ------------------------------------------------------------------------------- checks


def _parser_problem(facts: Facts) -> Problem | None:
    """What the client cannot send, or the server's JSON parser refuses."""
    if facts.unsendable is not None:
        return Problem("unsendable", facts.unsendable)
    if facts.too_deep:
        return Problem("too_deep")
    floats = facts.floats
    # One C-level sum; it can overflow on finite items, so confirm item by item.
    if floats and not math.isfinite(sum(floats)) and not all(map(math.isfinite, floats)):
        return Problem("nonfinite")
    ints = facts.ints
    if ints and (min(ints) < INT64_MIN or max(ints) > UINT64_MAX):
        for number in ints:
            try:
                float(number)
            except OverflowError:
                return Problem("int_overflow")
    if facts.strs:
        text = "".join(facts.strs)
        if not text.isascii() and _SURROGATE.search(text):
            return Problem("surrogate")
    return None


def has_big_int(facts: Facts) -> bool:
    ints = facts.ints
    return bool(ints) and (min(ints) < INT64_MIN or max(ints) > UINT64_MAX)


def is_big_int(value: Any) -> bool:
    return isinstance(value, int) and not INT64_MIN <= value <= UINT64_MAX


def _number_is_float(value: Any) -> bool:
    """Whether the server holds this JSON number as a float (big ints become floats)."""
    return isinstance(value, float) or is_big_int(value)


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
        return "float" if is_big_int(value) else "integer"
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


def _gate_problem(value_type: VariableType, value: Any) -> Problem | None:
    """The server's type gate: does the JSON value match the variable type at all?"""
    if value_type.is_array:
        if not isinstance(value, list | tuple):
            return Problem("mismatch")
        bad = _first_bad_item(value_type, value)
        return None if bad is None else Problem("mismatch", str(bad))
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
    return None if ok else Problem("mismatch")


def _build_problem(
    value_type: VariableType, value: Any, number_kind: NumberKind | None, size_limit: int
) -> Problem | None:
    """The server building the new value: storage kind, updatable types, size limit."""
    if (
        value_type is VariableType.NUMBER
        and number_kind is not None
        and (number_kind == "float") != _number_is_float(value)
    ):
        return Problem("kind")
    size = server_value_size(value)  # the top level only: no need to build the stored value
    if size > size_limit:
        return Problem("size", str(size))
    return None


def find_server_problem(
    value_type: VariableType, value: Any, number_kind: NumberKind | None, size_limit: int
) -> tuple[Problem | None, Facts]:
    """What the server refuses in ``value`` (in its order of checks), and the walk's facts."""
    facts = _walk(value_type, value)
    problem = _parser_problem(facts)
    if problem is None and not value_type.is_updatable:
        # Observed on Dify 1.10.1: these types are refused whatever the value, before the
        # type gate (no JSON value is a file).
        problem = Problem("not_updatable")
    if problem is None:
        problem = _gate_problem(value_type, value)
    if problem is None:
        problem = _build_problem(value_type, value, number_kind, size_limit)
    return problem, facts


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
    if isinstance(value, float) or is_big_int(value):
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
    value_type, number_kind = resolve_type(value_type, number_kind)
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


# ------------------------------------------------------------------------------- answers


def _server_answer(
    problem: Problem,
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


def resolve_type(
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
    value_type, number_kind = resolve_type(value_type, number_kind)
    problem, _ = find_server_problem(value_type, value, number_kind, size_limit)
    if problem is None:
        return None
    return _server_answer(problem, value_type, value, name, number_kind, size_limit)
