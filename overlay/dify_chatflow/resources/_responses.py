"""The JSON responses of the resources, decoded into the typed models of ``types/``.

A model's ``from_json`` raises :class:`ResponseDecodeError` for a malformed response; these
helpers attach the response to it, and check the page shape every list response shares. No
message shows a response's content (it may hold a user's inputs, messages or signed URLs):
``.raw`` carries it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from .._base_client import decode_json, json_kind
from .._exceptions import ResponseDecodeError

__all__ = ["items_of", "model_of", "page_of", "strings_of", "text_of"]

T = TypeVar("T")


def model_of(response: httpx.Response, from_json: Callable[[Any], T]) -> T:
    """The model ``from_json`` builds from the JSON body of a 2xx ``response``."""
    return _built(response, from_json, decode_json(response))


def page_of(response: httpx.Response, from_json: Callable[[Any], T]) -> tuple[list[T], bool]:
    """A list response ``{"data": [...], "has_more": bool, ...}``: its items and ``has_more``."""
    page = decode_json(response)
    data = page.get("data") if isinstance(page, dict) else None
    has_more = page.get("has_more") if isinstance(page, dict) else None
    if not isinstance(data, list) or type(has_more) is not bool:
        got = (
            f"data as {json_kind(data)} and has_more as {json_kind(has_more)}"
            if isinstance(page, dict)
            else json_kind(page)
        )
        raise _unexpected(f"expected a page {{data: [...], has_more: bool}}, got {got}", response)
    return [_built(response, from_json, item) for item in data], has_more


def items_of(response: httpx.Response, from_json: Callable[[Any], T]) -> list[T]:
    """A list response without paging fields, ``{"data": [...]}``: its items."""
    page = decode_json(response)
    data = page.get("data") if isinstance(page, dict) else None
    if not isinstance(data, list):
        got = f"data as {json_kind(data)}" if isinstance(page, dict) else json_kind(page)
        raise _unexpected(f"expected {{data: [...]}}, got {got}", response)
    return [_built(response, from_json, item) for item in data]


def strings_of(response: httpx.Response) -> list[str]:
    """The ``data`` list of strings of a response like ``{"result": "success", "data": [...]}``."""
    body = decode_json(response)
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        got = f"data as {json_kind(data)}" if isinstance(body, dict) else json_kind(body)
        raise _unexpected(f"expected {{data: [strings]}}, got {got}", response)
    return data


def text_of(response: httpx.Response, key: str) -> str:
    """The string member ``key`` of an answer like ``{"text": "..."}``."""
    answer = decode_json(response)
    value = answer.get(key) if isinstance(answer, dict) else None
    if not isinstance(value, str):
        got = f"{key} as {json_kind(value)}" if isinstance(answer, dict) else json_kind(answer)
        raise _unexpected(f"expected {{{key}: str}}, got {got}", response)
    return value


def _built(response: httpx.Response, from_json: Callable[[Any], T], data: Any) -> T:
    try:
        return from_json(data)
    except ResponseDecodeError as exc:
        if exc.response is None:
            exc.response = response
        raise


def _unexpected(problem: str, response: httpx.Response) -> ResponseDecodeError:
    return ResponseDecodeError(
        f"{problem} (the body is in .raw)", raw=response.text, response=response, show_raw=False
    )
