"""Bytes on the wire, as Dify writes and reads them.

Dify parses request bodies with orjson (strict: no NaN/Infinity, no lone surrogates, at
most 1024 levels of nesting; integers beyond 64 bits become floats, and one too large for a
float is refused). How answers are written lives with the replies (:mod:`._context`).
"""

from __future__ import annotations

import json
from typing import Any, Final

from .._values.validation import SERVER_JSON_ERROR_MESSAGE, server_parse_int

__all__ = [
    "BAD_REQUEST_MESSAGE",
    "HTML_NOT_FOUND",
    "MalformedJSON",
    "parse_json_body",
    "pydantic_error",
]

# Flask replaces the parser's own text with this generic one outside debug mode.
BAD_REQUEST_MESSAGE: Final = SERVER_JSON_ERROR_MESSAGE

# Werkzeug's page for a URL no route matches (sent before any authentication).
HTML_NOT_FOUND: Final = (
    b"<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
    b"<p>The requested URL was not found on the server. If you entered the URL manually "
    b"please check your spelling and try again.</p>\n"
)

_MAX_DEPTH: Final = 1024
_PYDANTIC_VERSION: Final = "2.12"


class MalformedJSON(ValueError):
    """The body is not JSON that Dify's parser accepts."""


def _refuse_constant(name: str) -> Any:
    raise MalformedJSON(f"{name} is not JSON")


def _parse_float(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise MalformedJSON("number out of range")
    return number


_DECODER: Final = json.JSONDecoder(
    parse_constant=_refuse_constant, parse_int=server_parse_int, parse_float=_parse_float
)


def _check_tree(root: object) -> None:
    """Refuse lone surrogates and nesting deeper than orjson allows (iteratively)."""
    stack: list[tuple[object, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise MalformedJSON("lone surrogate") from None
        elif isinstance(node, dict | list):
            if depth > _MAX_DEPTH:
                raise MalformedJSON("nesting too deep")
            children = list(node.items()) if isinstance(node, dict) else node
            for child in children:
                if isinstance(child, tuple):
                    stack.append((child[0], depth))
                    stack.append((child[1], depth + 1))
                else:
                    stack.append((child, depth + 1))


def parse_json_body(raw: bytes) -> object:
    """Parse a request body the way Dify's orjson-based parser does, or raise MalformedJSON."""
    try:
        text = raw.decode("utf-8")
        value = _DECODER.decode(text)
    except (UnicodeDecodeError, ValueError, OverflowError, RecursionError) as exc:
        raise MalformedJSON(str(exc)) from None
    _check_tree(value)
    return value


def _truncated_repr(value: object) -> str:
    # pydantic shortens long inputs in its messages to 50 characters around an ellipsis.
    text = repr(value)
    return text if len(text) <= 50 else text[:25] + "..." + text[-24:]


def pydantic_error(model: str, errors: list[tuple[str, str, str, object]]) -> str:
    """A pydantic ValidationError message, as Dify returns it in ``invalid_param``.

    ``errors`` holds ``(field, text, kind, input_value)`` for each failed field (``""`` for
    a check of the whole model).
    """
    count = len(errors)
    lines = [f"{count} validation error{'s' if count > 1 else ''} for {model}"]
    for name, text, kind, value in errors:
        if name:  # a model-level error names no field
            lines.append(name)
        lines.append(
            f"  {text} [type={kind}, input_value={_truncated_repr(value)}, "
            f"input_type={type(value).__name__}]"
        )
        lines.append(
            f"    For further information visit https://errors.pydantic.dev/{_PYDANTIC_VERSION}/v/{kind}"
        )
    return "\n".join(lines)
