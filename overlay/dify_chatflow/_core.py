"""The request machinery both clients share: one retrying send, two tiny drivers.

Every operation is written once, as a generator (a "flow") that yields what it needs done
and receives the outcome:

* a :class:`Call` to send: the driver answers with the ``httpx.Response``, or throws the
  ``httpx.RequestError`` the send raised into the flow;
* a ``float``: seconds to sleep before the next attempt.

The flow's return value is the operation's result. Validation, request building (by the
generated operations' builders, see ``_resources``), retry decisions, error mapping and
decoding live in the flows; :func:`run_sync` and :func:`run_async` only do the I/O, so the
sync and async clients cannot drift apart.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Generator, Mapping
from contextlib import AbstractAsyncContextManager as AsyncContextManager
from typing import Any, NamedTuple, TypeVar

import httpx

from ._exceptions import APIConnectionError, APITimeoutError, make_status_error
from ._retry import RetryPolicy, is_retryable_status

__all__ = [
    "Call",
    "CookielessResponses",
    "Flow",
    "run_async",
    "run_sync",
    "send",
    "skip_cookieless_extraction",
]

logger = logging.getLogger("dify_chatflow")

T = TypeVar("T")
R = TypeVar("R")

TimeoutArg = float | httpx.Timeout | None


class Call(NamedTuple):
    """One HTTP request, fully prepared (URL absolute, body already encoded)."""

    method: str
    url: httpx.URL
    params: Mapping[str, str | int] | None
    content: bytes | None
    headers: Mapping[str, str] | None
    timeout: TimeoutArg | httpx._client.UseClientDefault


Step = Call | float
Flow = Generator[Step, Any, T]


def send(call: Call, max_retries: int, policy: RetryPolicy) -> Flow[httpx.Response]:
    """Send ``call`` until it gets a 2xx (returned) or a final answer (raised as typed error).

    Retries connection errors, timeouts, 408, 409, 429 and 5xx up to ``max_retries`` times.
    """
    attempt = 0
    while True:
        try:
            response: httpx.Response = yield call
        except httpx.TransportError as exc:  # timeouts included
            if attempt >= max_retries:
                raise _transport_error(exc) from exc
            reason = type(exc).__name__
            delay = policy.delay(attempt)
        except httpx.RequestError as exc:
            # Too many redirects, undecodable content: another attempt will not help.
            raise APIConnectionError(
                f"Request failed: {type(exc).__name__}: {exc}", request=_request_of(exc)
            ) from exc
        else:
            status = response.status_code
            if 200 <= status < 300:
                return response
            if attempt >= max_retries or not is_retryable_status(status):
                raise make_status_error(response)
            reason = f"HTTP {status}"
            delay = policy.delay(attempt, response.headers)
        attempt += 1
        # Path only: the query carries the end-user id, which is nobody else's business.
        logger.info(
            "retrying %s %s in %.3fs after %s (retry %d of %d)",
            call.method,
            call.url.path,
            delay,
            reason,
            attempt,
            max_retries,
        )
        yield delay


def _transport_error(exc: httpx.TransportError) -> APIConnectionError:
    """The typed error for a send that failed in transport: timed out, or could not connect."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=_request_of(exc))
    return APIConnectionError(
        f"Connection error: {type(exc).__name__}: {exc}", request=_request_of(exc)
    )


def _send(request: Callable[..., R], call: Call) -> R:
    """Hand ``call`` to an httpx client's ``request`` (a coroutine for an async client)."""
    return request(
        call.method,
        call.url,
        params=call.params,
        content=call.content,
        headers=call.headers,
        timeout=call.timeout,
    )


class CookielessResponses(httpx.Cookies):
    """A cookie jar that skips parsing responses without ``Set-Cookie``.

    httpx feeds every response through the standard library's cookie machinery, which
    costs a large share of a request's CPU; Dify's API sets no cookies.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        """Store the response's cookies, if it sets any."""
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


def skip_cookieless_extraction(http: httpx.Client | httpx.AsyncClient) -> None:
    """Make a client we created skip cookie parsing of responses that set none."""
    # httpx's public `cookies` setter would wrap the jar in a plain Cookies again.
    http._cookies = CookielessResponses(http.cookies)


def _request_of(exc: httpx.RequestError) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:  # raised by httpx when the error has no request attached
        return None


def run_sync(http: httpx.Client, flow: Flow[T]) -> T:
    """Drive ``flow`` with a blocking ``httpx.Client`` and ``time.sleep``."""
    try:
        step = next(flow)
        while True:
            if type(step) is Call:
                try:
                    response = _send(http.request, step)
                except httpx.RequestError as exc:
                    step = flow.throw(exc)
                else:
                    step = flow.send(response)
            else:
                time.sleep(step)  # type: ignore[arg-type]
                step = flow.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        flow.close()


async def run_async(
    http: httpx.AsyncClient, flow: Flow[T], gate: AsyncContextManager[Any] | None = None
) -> T:
    """Drive ``flow`` with an ``httpx.AsyncClient`` and ``asyncio.sleep``.

    ``gate`` (a semaphore) bounds how many requests wait in httpx's connection pool at
    once: its queue is scanned on every release, so thousands of waiting requests make
    each one slow.
    """
    import asyncio  # imported here: sync-only users should not pay for loading asyncio

    if gate is None:  # a borrowed client: its own limits apply
        gate = contextlib.nullcontext()
    try:
        step = next(flow)
        while True:
            if type(step) is Call:
                try:
                    async with gate:
                        response = await _send(http.request, step)
                except httpx.RequestError as exc:
                    step = flow.throw(exc)
                else:
                    step = flow.send(response)
            else:
                await asyncio.sleep(step)  # type: ignore[arg-type]
                step = flow.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        flow.close()
