"""Raw responses: ``client.<family>.with_raw_response.<method>(...)``.

Every method of every resource has a raw twin that returns an :class:`APIResponse`: the
HTTP response the call got (status, headers such as ``X-Version``, elapsed time) and
``parse()``, the value the plain method returns, typed as it. Each resource has a small
``<Resource>WithRawResponse`` class whose attributes are its methods wrapped by
:func:`to_raw_response_wrapper` (or the async forms). The drivers note each response the
call's flows receive (see ``_flows.watch_responses``), and the wrapper hands back the
last one.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Awaitable, Callable
from typing import Generic, ParamSpec, TypeVar

import httpx

from ._exceptions import DifyError
from ._flows import watch_responses
from ._pagination import AsyncPager, ItemT, SyncPager

__all__ = [
    "APIResponse",
    "async_pager_raw_wrapper",
    "async_to_raw_response_wrapper",
    "to_raw_response_wrapper",
]

T = TypeVar("T")
P = ParamSpec("P")


class APIResponse(Generic[T]):
    """The HTTP response of a call, and the value the plain method returns.

    For a call that sends several requests (``variables.set`` lists, then updates) it is
    the last one. For a stream it is the response that opened it (its headers arrive
    before the first event); ``parse()`` gives the stream, to use as the plain method's.
    For a listing (``list()``, fetched lazily by the plain method) it is the response of
    the first page, fetched at the call; ``parse()`` gives the pager, whose first loop
    starts with that page's items (later loops fetch the listing again).
    """

    def __init__(self, http_response: httpx.Response, elapsed: float, value: T) -> None:
        self._http_response = http_response
        self._elapsed = elapsed
        self._value = value

    @property
    def http_response(self) -> httpx.Response:
        """The ``httpx.Response`` itself."""
        return self._http_response

    @property
    def status_code(self) -> int:
        """The HTTP status, e.g. ``200``."""
        return self._http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (``X-Version``: the Dify version that answered)."""
        return self._http_response.headers

    @property
    def elapsed(self) -> datetime.timedelta:
        """From sending the request to having the response (for a stream: its headers)."""
        return datetime.timedelta(seconds=self._elapsed)

    def parse(self) -> T:
        """The value the plain method returns for this call."""
        return self._value

    def __repr__(self) -> str:
        request = self._http_response.request
        return (
            f"<APIResponse [{self.status_code} {self._http_response.reason_phrase}] "
            f"{request.method} {request.url.path}>"
        )


def _last(seen: list[tuple[httpx.Response, float]], value: T) -> APIResponse[T]:
    if not seen:
        raise DifyError("the call sent no request, so it has no raw response")
    response, elapsed = seen[-1]
    return APIResponse(response, elapsed, value)


def to_raw_response_wrapper(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """``method``'s raw twin (blocking client): the same arguments, an
    :class:`APIResponse` of the value it returns. A listing's first page is fetched at
    the call, and the pager starts from it."""

    @functools.wraps(method)
    def raw(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        with watch_responses() as seen:
            value = method(*args, **kwargs)
            if isinstance(value, SyncPager):
                value.fetch_first_page()
        return _last(seen, value)

    return raw


def async_to_raw_response_wrapper(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[APIResponse[T]]]:
    """``method``'s raw twin (async client), awaited: a coroutine's value, or for a
    stream's manager the opened stream."""

    @functools.wraps(method)
    async def raw(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        with watch_responses() as seen:
            value = await method(*args, **kwargs)
        return _last(seen, value)

    return raw


def async_pager_raw_wrapper(
    method: Callable[P, AsyncPager[ItemT]],
) -> Callable[P, Awaitable[APIResponse[AsyncPager[ItemT]]]]:
    """The raw twin of an async listing: awaited, it fetches the first page, and the
    pager it gives starts from that page."""

    @functools.wraps(method)
    async def raw(*args: P.args, **kwargs: P.kwargs) -> APIResponse[AsyncPager[ItemT]]:
        with watch_responses() as seen:
            pager = method(*args, **kwargs)
            await pager.fetch_first_page()
        return _last(seen, pager)

    return raw
