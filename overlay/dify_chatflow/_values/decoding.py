"""Turn a variable's ``value`` field, as the server sends it, back into a Python value.

The server sends Python's ``str()`` of the stored value (``"True"``, ``"{'a': None}"``,
``"[1.0, 0.0]"``, ``"1e-07"``), newer servers may send JSON text or an already-typed JSON
value. Nothing is ever evaluated: the ``str()`` form is rewritten into JSON text with a few
C-level string operations and read by ``json.loads``.

How the rewrite works: in ``str()`` of a container, strings are quoted with ``'`` unless
they contain ``'`` (then ``"``), and escaped only if they contain a backslash, a quote of
the delimiting kind or an unprintable character. So when the text holds no ``"`` and no
backslash, every ``'`` is a delimiter and the text becomes JSON by swapping the quotes and
the literals ``True`` / ``False`` / ``None`` / ``inf`` / ``nan``, provided those words only
occur outside strings (checked by counting quotes before each occurrence). Anything else
takes the general path: a regex splits the text into strings and what lies between them,
each string is re-escaped for JSON, and the literals are swapped outside strings only.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate, repeat
from typing import Any, Final, NoReturn

from .._exceptions import SECRET_MASK, ResponseDecodeError
from .types import JSONValue, VariableType, parse_stored_type

__all__ = ["MAX_DECODE_CHARS", "MAX_DECODE_DEPTH", "decode_value"]

MAX_DECODE_CHARS: Final = 32 * 1024 * 1024
"""Longest ``value`` text decoded; anything longer raises :class:`ResponseDecodeError`."""

MAX_DECODE_DEPTH: Final = 500
"""Deepest nesting of lists and dicts decoded; deeper raises :class:`ResponseDecodeError`."""

# Python literals and the JSON words json.loads reads for them.
_WORDS: Final = (("True", "true"), ("False", "false"), ("None", "null"))
_FLOAT_WORDS = re.compile(r"\b(inf|nan)\b")
_FLOAT_JSON = {"inf": "Infinity", "nan": "NaN"}

# One match: a span of simple text (no ", no backslash, strings '-quoted), then one awkward
# string (with a quote or backslash inside, or "-quoted), or the end. Possessive, so that
# malformed text fails in linear time; `bad` catches an unterminated string.
_AWKWARD_STRINGS = re.compile(
    r"""(?P<span>(?:[^'"\\]++|'[^'"\\]*+')*+)"""
    r"""(?:(?P<token>'[^'\\]*+(?:\\.[^'\\]*+)*+'|"[^"\\]*+(?:\\.[^"\\]*+)*+"|\Z)|(?P<bad>.+))""",
    re.DOTALL,
)
# What must change inside a string: Python-only escapes, and bare quotes.
_ESCAPE = re.compile(r"""\\(?:x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|.)|["']""", re.DOTALL)

_JSON_STARTS = frozenset({'["', '{"', "[[", "[{"})
# The str() / JSON text of an int and of a float; types.variables reads a number's kind with them.
INT_TEXT = re.compile(r"-?\d+")
FLOAT_TEXT = re.compile(r"-?(?:\d+(?:\.\d+)?[eE][-+]?\d+|\d+\.\d+|inf|Infinity)|nan|NaN")
_BOOL_TEXT = {"True": True, "False": False, "true": True, "false": False}

# Keep only brackets and ' (to measure nesting); delete every other ASCII character.
_BRACKETS_ONLY = {code: None for code in range(128) if chr(code) not in "[]{}'"}
_QUOTED = re.compile(r"'[^']*'")


def decode_value(value_type: VariableType | str, raw: object) -> JSONValue:
    """Return the Python value of a variable's ``value`` field.

    ``raw`` is the server's ``str()`` text (``"42"``, ``"1e-07"``, ``"True"``,
    ``"{'a': None}"``), JSON text, or an already-typed JSON value. ``string`` and ``secret``
    values come back unchanged. Numbers keep their kind (``"5"`` → ``5``, ``"5.0"`` →
    ``5.0``). Raises :class:`ResponseDecodeError` (carrying the raw text, never a secret)
    for malformed text, text longer than :data:`MAX_DECODE_CHARS`, nesting deeper than
    :data:`MAX_DECODE_DEPTH`, or a value of the wrong shape for ``value_type``; its
    ``raw`` hides the value of a ``secret`` (or unknown) type.
    """
    try:
        resolved = (
            value_type if isinstance(value_type, VariableType) else parse_stored_type(value_type)[0]
        )
    except ValueError as exc:
        raise ResponseDecodeError(str(exc), raw=_shown(None, raw)) from None
    if resolved is VariableType.STRING or resolved is VariableType.SECRET:
        if isinstance(raw, str):
            return raw
        _fail(resolved, raw, f"a {resolved.value} value must be a str")
    if not isinstance(raw, str):
        return _checked_shape(resolved, raw, raw)
    if len(raw) > MAX_DECODE_CHARS:
        _fail(resolved, raw, f"value longer than {MAX_DECODE_CHARS} characters")
    if resolved is VariableType.NUMBER:
        return _decode_number(raw)
    if resolved is VariableType.BOOLEAN:
        if raw in _BOOL_TEXT:
            return _BOOL_TEXT[raw]
        _fail(resolved, raw, "not a boolean")
    return _checked_shape(resolved, _decode_container(resolved, raw), raw)


def _shown(value_type: VariableType | None, raw: object) -> str:
    """Raw text for an error: never the value of a secret, nor of an unknown type (which
    might be one)."""
    if value_type is None or value_type is VariableType.SECRET:
        return SECRET_MASK
    return raw if isinstance(raw, str) else repr(raw)


def _fail(value_type: VariableType, raw: object, why: str) -> NoReturn:
    raise ResponseDecodeError(
        f"cannot decode the value of a {value_type.value} variable ({why})",
        raw=_shown(value_type, raw),
    )


def _decode_number(raw: str) -> int | float:
    try:
        if INT_TEXT.fullmatch(raw):
            return int(raw)
        if FLOAT_TEXT.fullmatch(raw):
            return float(raw)
    except ValueError:  # more digits than int() converts
        pass
    _fail(VariableType.NUMBER, raw, "not a number")


_SHAPES: dict[VariableType, tuple[type, ...]] = {
    VariableType.NUMBER: (int, float),
    VariableType.BOOLEAN: (bool,),
    VariableType.OBJECT: (dict,),
    # A file variable holds one file's mapping, or nothing until a file is set.
    VariableType.FILE: (dict, type(None)),
}


def _checked_shape(value_type: VariableType, value: object, raw: object) -> JSONValue:
    """``value`` (a decoded JSON value) if its shape fits ``value_type``."""
    expected = _SHAPES.get(value_type, (list,))
    if isinstance(value, expected) and not (
        value_type is VariableType.NUMBER and isinstance(value, bool)
    ):
        return value  # type: ignore[return-value]  # JSON by origin, shape checked above
    names = " or ".join(kind.__name__ for kind in expected)
    _fail(value_type, raw, f"expected {names}, got {type(value).__name__}")


def _decode_container(value_type: VariableType, raw: str) -> Any:
    if "\x00" in raw:  # str() and JSON both escape NUL; the rewrite uses it as a separator
        _fail(value_type, raw, "contains a NUL character")
    text = raw
    if '"' in raw or "\\" in raw:
        # JSON text (newer servers): str() text fails at its first '. Deeply bracketed text
        # takes the rewrite below, which measures nesting.
        if raw[:2] in _JSON_STARTS and raw.count("[") + raw.count("{") <= MAX_DECODE_DEPTH:
            try:
                return json.loads(raw)
            except (ValueError, RecursionError):
                pass
        try:
            text = _AWKWARD_STRINGS.sub(_requote, raw)
        except ValueError:
            _fail(value_type, raw, "malformed string")
    if _too_deep(text):
        _fail(value_type, raw, f"nested deeper than {MAX_DECODE_DEPTH} levels")
    try:
        return json.loads(_simple_to_json(text))
    except (ValueError, RecursionError) as exc:
        return _fail(value_type, raw, f"malformed: {type(exc).__name__}")


def _requote(match: re.Match[str]) -> str:
    """Keep the simple span, and rewrite the awkward string after it as a '-quoted one."""
    span, token, bad = match.groups()
    if bad is not None:
        raise ValueError("unterminated string or stray backslash")
    if not token:
        return str(span)
    body = token[1:-1]
    if "\\" in body and ("\\x" in body or "\\U" in body or "\\'" in body or '\\"' in body):
        body = _ESCAPE.sub(_json_escape, body)
    else:  # only bare quotes to change (the other escapes mean the same in JSON)
        body = body.replace('"', '\\"').replace("'", "\\u0027")
    return f"{span}'{body}'"


def _json_escape(match: re.Match[str]) -> str:
    """One escape (or quote) inside a string, as JSON writes it without using a '."""
    escape = match.group()
    if escape == '"':
        return '\\"'
    if escape == "'" or escape == "\\'":
        return "\\u0027"
    letter = escape[1]
    if letter == "x":
        return "\\u00" + escape[2:]
    if letter == "U":
        code = int(escape[2:], 16)
        if code < 0x10000:
            return f"\\u{code:04x}"
        return chr(code)  # ValueError past U+10FFFF
    return escape  # \\ \n \r \t \" \/ \b \f \uXXXX mean the same in JSON; json rejects others


def _outside_quotes(pieces: list[str]) -> bool:
    """Whether every split point between ``pieces`` lies outside a '-quoted string."""
    quote_counts = accumulate(map(str.count, pieces[:-1], repeat("'")))
    return not any(map((1).__and__, quote_counts))


def _simple_to_json(text: str) -> str:
    """JSON text for text whose strings are all '-quoted, without ' inside.

    Swaps the quotes, and the Python literals outside strings for JSON ones.
    """
    for word, json_word in _WORDS:
        if word in text:
            pieces = text.split(word)
            if not _outside_quotes(pieces):
                return _simple_to_json_by_parts(text)
            text = json_word.join(pieces)
    if "inf" in text or "nan" in text:
        parts = _FLOAT_WORDS.split(text)
        if len(parts) > 1:
            if not _outside_quotes(parts[0::2]):
                return _simple_to_json_by_parts(text)
            parts[1::2] = map(_FLOAT_JSON.__getitem__, parts[1::2])
            text = "".join(parts)
    return text.replace("'", '"')


def _simple_to_json_by_parts(text: str) -> str:
    """Like :func:`_simple_to_json`, for text where a literal's word occurs in a string."""
    parts = text.split("'")
    outside = "\x00".join(parts[0::2])
    for word, json_word in _WORDS:
        outside = outside.replace(word, json_word)
    outside = outside.replace("inf", "Infinity").replace("nan", "NaN")
    parts[0::2] = outside.split("\x00")
    return '"'.join(parts)


def _too_deep(text: str) -> bool:
    """Whether lists and dicts in ``text`` (strings '-quoted) nest past the limit."""
    if text.count("[") + text.count("{") <= MAX_DECODE_DEPTH:
        return False
    brackets = text.translate(_BRACKETS_ONLY).replace("''", "")
    if "'" in brackets:  # drop strings: brackets inside them do not nest
        brackets = _QUOTED.sub("", brackets)
    # Each round deletes the innermost level; more rounds than the limit means too deep.
    for _ in range(MAX_DECODE_DEPTH):
        reduced = brackets.replace("[]", "").replace("{}", "")
        if reduced == brackets:
            return False  # empty, or unbalanced: the JSON parser reports the latter
        brackets = reduced
    return bool(brackets)
