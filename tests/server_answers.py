"""How the real Dify server answers variable updates: the recorded table.

Every row was observed on Dify 1.10.1 and 1.16.1 (and read in its source): the type gate
per ``value_type``, the integer / float storage kinds, the JSON parser's refusals, the size
limit measured as CPython 3.12's ``sys.getsizeof`` of the top-level value, and the exact
messages. The tests check the client's lenient and strict validation, the server model and
the embedded server against it, never against each other; the table states every expected
value itself, importing nothing it judges.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from dify_chatflow import VariableType

__all__ = ["SERVER_ANSWERS", "STORED_TEXTS", "Answer", "ServerRejection", "Stored", "answer_id"]


class ServerRejection(NamedTuple):
    """How the real server refuses a value: status, ``code`` and ``message``."""

    status_code: int
    code: str
    message: str


# Flask's text when its JSON parser refuses the body.
JSON_ERROR = ServerRejection(
    400,
    "bad_request",
    "The browser (or proxy) sent a request that this server could not understand.",
)


def mismatch(expects: str, got: str) -> ServerRejection:
    return ServerRejection(
        400, "bad_request", f"Type mismatch: variable 'v' expects {expects}, but got {got} type"
    )


def invalid(message: str) -> ServerRejection:
    return ServerRejection(400, "invalid_param", message)


class Answer(NamedTuple):
    """One update and how the real server answers it."""

    value_type: str  # the variable's type as the server reports it (or integer / float)
    value: Any  # the request's `value`, as json.loads would give it to the server
    stored_kind: str | None  # how a number variable is stored; None: either kind
    answer: ServerRejection | None  # None: accepted (200)
    strict_refuses: bool  # whether validate_value(strict=True) refuses it


SERVER_ANSWERS: list[Answer] = [
    Answer(*row)
    for row in [
        # string, secret: str only, "" ok
        ("string", "", None, None, False),
        ("string", 'it\'s "quoted" \\ 中 😀', None, None, False),
        ("string", 5, None, mismatch("string", "integer"), True),
        ("string", ["a"], None, mismatch("string", "array[string]"), True),
        ("secret", "s3cr3t", None, None, False),
        ("secret", 5.5, None, mismatch("secret", "float"), True),
        # number: int or float, storage kind decides; bools pass the gate and become 1 / 0
        ("number", 5, None, None, False),
        ("number", 5.0, None, None, False),
        ("number", 5, "integer", None, False),
        ("number", 5.0, "float", None, False),
        ("number", 5.0, "integer", invalid("not supported value type integer"), True),
        ("number", 5, "float", invalid("not supported value type float"), True),
        ("number", True, None, None, True),
        ("number", False, "integer", None, True),
        ("number", True, "float", invalid("not supported value type float"), True),
        ("number", "5", None, mismatch("number", "string"), True),
        ("number", "5", "float", mismatch("float", "string"), True),
        ("integer", 5.0, None, invalid("not supported value type integer"), True),
        ("float", 5, None, invalid("not supported value type float"), True),
        # boolean: bool only, 0 / 1 refused
        ("boolean", True, None, None, False),
        ("boolean", False, None, None, False),
        ("boolean", 1, None, mismatch("boolean", "integer"), True),
        ("boolean", 0, None, mismatch("boolean", "integer"), True),
        ("boolean", "true", None, mismatch("boolean", "string"), True),
        # object: dict, any nesting
        ("object", {}, None, None, False),
        ("object", {"a": {"b": [1, None, {"c": "d"}]}, "e": 1.5}, None, None, False),
        ("object", [], None, mismatch("object", "array[number]"), True),
        ("object", "{}", None, mismatch("object", "string"), True),
        # arrays: list (or tuple), every item checked, [] ok
        ("array[string]", [], None, None, False),
        ("array[string]", ["a", "b"], None, None, False),
        ("array[string]", ("a", "b"), None, None, False),
        ("array[string]", ["a", 1], None, mismatch("array[string]", "array[any]"), True),
        ("array[string]", "ab", None, mismatch("array[string]", "string"), True),
        ("array[number]", [1, 2.5, -3], None, None, False),
        ("array[number]", [1, True], None, None, True),
        ("array[number]", ["1"], None, mismatch("array[number]", "array[string]"), True),
        ("array[object]", [{}, {"a": 1}], None, None, False),
        ("array[object]", [{}, 1], None, mismatch("array[object]", "array[any]"), True),
        ("array[boolean]", [True, False], None, None, False),
        ("array[boolean]", [1, 0], None, mismatch("array[boolean]", "array[number]"), True),
        ("array[boolean]", [[True]], None, mismatch("array[boolean]", "array[any]"), True),
        # never updatable (the gate refuses what it can, building refuses the rest)
        # Never updatable: refused whatever the value, before the type gate.
        ("file", "x", None, invalid("not supported value type file"), True),
        ("file", {"id": "x"}, None, invalid("not supported value type file"), True),
        ("array[file]", [], None, invalid("not supported value type array[file]"), True),
        ("array[file]", [{}], None, invalid("not supported value type array[file]"), True),
        ("array[any]", [], None, invalid("not supported value type array[any]"), True),
        ("array[any]", [1, "a"], None, invalid("not supported value type array[any]"), True),
        # null: refused for every type
        *[
            (t.value, None, None, mismatch(t.value, "none"), True)
            for t in VariableType
            if t.is_updatable
        ],
        *[
            (t.value, None, None, invalid(f"not supported value type {t.value}"), True)
            for t in VariableType
            if not t.is_updatable
        ],
        ("array[string]", ["a", None], None, mismatch("array[string]", "array[any]"), True),
        # refused by the JSON parser
        ("number", math.nan, None, JSON_ERROR, True),
        ("number", math.inf, None, JSON_ERROR, True),
        ("array[number]", [1.0, -math.inf], None, JSON_ERROR, True),
        ("object", {"a": [{"b": math.nan}]}, None, JSON_ERROR, True),
        ("string", "a\ud800", None, JSON_ERROR, True),
        ("object", {"k\udfff": 1}, None, JSON_ERROR, True),
        ("number", 10**400, None, JSON_ERROR, True),
        # integers beyond 64 bits become floats
        ("number", 2**64, "integer", invalid("not supported value type integer"), True),
        ("number", 2**64 - 1, "integer", None, False),
        ("number", -(2**63), "integer", None, False),
        ("number", -(2**63) - 1, "integer", invalid("not supported value type integer"), True),
        ("number", 2**64, "float", None, True),
        ("number", 2**64, None, None, True),
        ("array[number]", [2**70], None, None, True),
        ("object", {"big": 2**70}, None, None, True),
        ("string", 2**64, None, mismatch("string", "float"), True),
        # non-str keys become strings
        ("object", {1: "a"}, None, None, True),
        ("object", {"a": {None: 1}}, None, None, True),
        ("array[object]", [{True: 1}], None, None, True),
        # size limit: sys.getsizeof of the top-level value on CPython 3.12
        ("string", "a" * 204759, None, None, False),
        ("string", "a" * 204760, None, invalid("variable size 204801 exceeds limit 204800"), True),
        ("string", "é" * 204743, None, None, False),
        ("string", "é" * 204744, None, invalid("variable size 204801 exceeds limit 204800"), True),
        ("string", "中" * 102371, None, None, False),
        ("string", "中" * 102372, None, invalid("variable size 204802 exceeds limit 204800"), True),
        ("string", "😀" * 51185, None, None, False),
        ("string", "😀" * 51186, None, invalid("variable size 204804 exceeds limit 204800"), True),
        ("array[string]", [""] * 25593, None, None, False),
        (
            "array[string]",
            [""] * 25594,
            None,
            invalid("variable size 204808 exceeds limit 204800"),
            True,
        ),
        ("object", {str(i): i for i in range(5461)}, None, None, False),
        (
            "object",
            {str(i): i for i in range(5462)},
            None,
            invalid("variable size 207616 exceeds limit 204800"),
            True,
        ),
    ]
]


def answer_id(row: Answer) -> str:
    return f"{row.value_type}-{row.stored_kind}-{repr(row.value)[:30]}"


class Stored(NamedTuple):
    """An accepted update and the ``value`` text of the server's 200 body (its ``str()``)."""

    value_type: str
    stored_kind: str | None
    value: Any
    text: str


STORED_TEXTS: list[Stored] = [
    Stored(*row)
    for row in [
        ("number", "integer", 42, "42"),
        ("number", "integer", True, "1"),  # coerced: true into a number comes back "1"
        ("number", "float", 1.5, "1.5"),
        ("number", "float", 1e-07, "1e-07"),
        ("boolean", None, True, "True"),
        ("object", None, {"a": 1, "b": None}, "{'a': 1, 'b': None}"),
        ("array[string]", None, ["x", "y"], "['x', 'y']"),
        ("array[number]", None, [True, False], "[1.0, 0.0]"),
        ("string", None, "it's", "it's"),  # strings and secrets: the raw text
        ("secret", None, "s3cr3t", "s3cr3t"),  # not masked by the server
    ]
]
