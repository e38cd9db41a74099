"""Raw responses: ``client.<family>.with_raw_response.<method>(...)``.

Every method of every resource has a raw twin that returns an :class:`APIResponse`: the
HTTP response the call got (status, headers such as ``X-Version``, elapsed time) and
``parse()``, the value the plain method returns. It is one generic wrapper over the
resource: the drivers note each response the call's flows receive (see
``_flows.watch_responses``), and the wrapper hands back the last one.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import httpx

from ._exceptions import DifyError
from ._flows import watch_responses

__all__ = ["APIResponse", "AsyncRawResponses", "SyncRawResponses"]

T = TypeVar("T")
ResourceT = TypeVar("ResourceT")
R = TypeVar("R")


class APIResponse(Generic[T]):
    """The HTTP response of a call, and the value the plain method returns.

    For a call that sends several requests (``variables.set`` lists, then updates) it is
    the last one. For a stream it is the response that opened it (its headers arrive
    before the first event); ``parse()`` gives the stream, to use as the plain method's.
    For a listing (``list()``, fetched lazily by the plain method) it is the response of
    the first page, fetched at the call; ``parse()`` gives the pager, whose loops fetch
    their pages from the first again.
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


def _public_method(resource: object, name: str) -> Callable[..., Any]:
    method: object = None if name.startswith("_") else getattr(resource, name, None)
    if not callable(method):
        raise AttributeError(
            f"{type(resource).__name__} has no method {name!r} to call with_raw_response"
        )
    return method


def _last(seen: list[tuple[httpx.Response, float]], value: T) -> APIResponse[T]:
    if not seen:
        raise DifyError("the call sent no request, so it has no raw response")
    response, elapsed = seen[-1]
    return APIResponse(response, elapsed, value)


class _RawResponses(Generic[ResourceT]):
    def __init__(self, resource: ResourceT) -> None:
        self._resource = resource

    def __repr__(self) -> str:
        return f"<raw responses of {self._resource!r}>"


def _named_like(raw: R, name: str, method: Callable[..., Any]) -> R:
    raw.__name__ = raw.__qualname__ = name  # type: ignore[attr-defined]
    raw.__doc__ = method.__doc__
    return raw


class SyncRawResponses(_RawResponses[ResourceT]):
    """``resource.with_raw_response``: each method of the resource, returning an
    :class:`APIResponse` of the value the method returns."""

    def __getattr__(self, name: str) -> Callable[..., APIResponse[Any]]:
        method = _public_method(self._resource, name)

        def raw(*args: Any, **kwargs: Any) -> APIResponse[Any]:
            from ._pagination import SyncPager

            with watch_responses() as seen:
                value = method(*args, **kwargs)
                if isinstance(value, SyncPager):
                    next(iter(value), None)  # the first page
            return _last(seen, value)

        return _named_like(raw, name, method)


class AsyncRawResponses(_RawResponses[ResourceT]):
    """``resource.with_raw_response`` of an async client: each method of the resource,
    awaited, returning an :class:`APIResponse` of the value the method gives."""

    def __getattr__(self, name: str) -> Callable[..., Awaitable[APIResponse[Any]]]:
        method = _public_method(self._resource, name)

        async def raw(*args: Any, **kwargs: Any) -> APIResponse[Any]:
            from ._pagination import AsyncPager

            with watch_responses() as seen:
                value = method(*args, **kwargs)
                if inspect.isawaitable(value):  # a coroutine, or a stream's manager: opened
                    value = await value
                elif isinstance(value, AsyncPager):
                    async for _ in value:  # the first page
                        break
            return _last(seen, value)

        return _named_like(raw, name, method)
