"""The flow engine: operations written once as generators, driven by a sync or async loop.

Every operation is a generator (a "flow") that yields what it needs done and receives the
outcome:

* a :class:`PreparedCall` to put on the wire: the driver answers with the
  ``httpx.Response``, or throws the ``httpx.RequestError`` the attempt raised into the
  flow. A call with ``stream=True`` is answered with a response whose body is still open
  (an error response's body is read first, so it can be mapped to a typed error);
* a ``float``: seconds to sleep before the next attempt.

The flow's return value is the operation's result. Validation, request building, retry
decisions, error mapping and decoding live in the flows; :func:`run_sync` and
:func:`run_async` only do the I/O, so the sync and async clients cannot drift apart.

The stages of one request, in order: a generated builder's ``BuiltRequest`` (``_binding``),
the client's :class:`PreparedCall` (``ClientCore.prepare``), :func:`send_with_retries`
(attempts until a final response), and :func:`transmit` / :func:`transmit_async` (one
attempt on the wire).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Generator, Iterator, Mapping
from contextlib import AbstractAsyncContextManager as AsyncContextManager
from contextvars import ContextVar
from typing import Any, NamedTuple, TypeVar

import httpx

from . import _constants
from ._compat import UseClientDefault
from ._exceptions import APIConnectionError, APITimeoutError, make_status_error
from ._logs import logger
from ._retry import RetryPolicy, is_retryable_status

__all__ = [
    "Flow",
    "PreparedCall",
    "SentTimeout",
    "run_async",
    "run_sync",
    "send_with_retries",
    "transmit",
    "transmit_async",
    "transport_error",
    "watch_responses",
]

T = TypeVar("T")

#: The timeout a :class:`PreparedCall` carries to httpx: httpx's own "client default"
#: marker stands for the client's setting.
SentTimeout = float | httpx.Timeout | None | UseClientDefault


class PreparedCall(NamedTuple):
    """One HTTP request ready for the wire (URL absolute, body already encoded)."""

    method: str
    url: httpx.URL
    params: Mapping[str, str | int] | None
    content: bytes | None
    headers: Mapping[str, str] | None
    timeout: SentTimeout
    #: Multipart parts (httpx ``files=``), streamed from their file objects.
    files: Any = None
    #: Answer with the response still open (server-sent events).
    stream: bool = False


Step = PreparedCall | float
Flow = Generator[Step, Any, T]


# -- attempts until a final response -------------------------------------------------------


def send_with_retries(
    call: PreparedCall, max_retries: int, policy: RetryPolicy, *, idempotent: bool = True
) -> Flow[httpx.Response]:
    """Send ``call`` until it gets a 2xx (returned) or a final response (raised as typed error).

    An idempotent call is retried after connection errors, timeouts, 408, 409, 429 and 5xx,
    up to ``max_retries`` times. A non-idempotent one (a chat message runs the workflow,
    and bills its models, each time it arrives) only when it certainly never reached the
    server: the connection was refused or could not be set up in time. The waits come
    from ``policy``, which also bounds their total (``max_total_wait``).
    """
    attempt = 0
    waited = 0.0
    while True:
        started = time.monotonic()
        try:
            response: httpx.Response = yield call
        except httpx.TransportError as exc:  # timeouts included
            _log_attempt(call, attempt, started, None, exc)
            from ._tls import tls_failure_message  # only on a failed connection

            tls_failure = tls_failure_message(exc, call.url)
            if tls_failure is not None:  # the same handshake would fail again
                raise APIConnectionError(tls_failure, request=_request_of(exc)) from exc
            retryable = attempt < max_retries and (idempotent or _never_sent(exc))
            delay = policy.next_delay(attempt, waited=waited) if retryable else None
            if delay is None:
                raise transport_error(exc) from exc
            reason = type(exc).__name__
        except httpx.RequestError as exc:
            _log_attempt(call, attempt, started, None, exc)
            # Too many redirects, undecodable content: another attempt will not help.
            raise APIConnectionError(
                f"Request failed: {type(exc).__name__}: {exc}", request=_request_of(exc)
            ) from exc
        else:
            _log_attempt(call, attempt, started, response, None)
            status = response.status_code
            if 200 <= status < 300:
                return response
            retryable = attempt < max_retries and idempotent and is_retryable_status(status)
            delay = (
                policy.next_delay(attempt, response.headers, waited=waited) if retryable else None
            )
            if delay is None:
                raise make_status_error(response)
            reason = f"HTTP {status}"
        attempt += 1
        waited += delay
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


def _log_attempt(
    call: PreparedCall,
    attempt: int,
    started: float,
    response: httpx.Response | None,
    error: httpx.RequestError | None,
) -> None:
    """One line per attempt at INFO (method, path, status, elapsed, retry number); the
    server's request id and version and the body size at DEBUG. Never a header value we
    sent, a query value or a body: they carry the key, the end user and secret values."""
    if not logger.isEnabledFor(logging.INFO):
        return
    elapsed = time.monotonic() - started
    outcome = f"HTTP {response.status_code}" if response is not None else type(error).__name__
    logger.info(
        "%s %s -> %s in %.3fs (retry %d)", call.method, call.url.path, outcome, elapsed, attempt
    )
    if response is not None and logger.isEnabledFor(logging.DEBUG):
        headers = response.headers
        logger.debug(
            "%s %s: request id %s, server version %s, %s body bytes, headers after %.3fs",
            call.method,
            call.url.path,
            headers.get("x-request-id", "-"),
            headers.get("x-version", "-"),
            "streamed" if call.stream else headers.get("content-length", "?"),
            elapsed,
        )


def _never_sent(exc: httpx.TransportError) -> bool:
    """True when the request cannot have reached the server: no connection was made."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def transport_error(exc: httpx.TransportError) -> APIConnectionError:
    """The typed error for a send that failed in transport: timed out, or could not connect."""
    request = _request_of(exc)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=request)
    message = f"Connection error: {type(exc).__name__}: {exc}"
    if request is not None and request.url.host == _DIFY_CLOUD_HOST:
        message += (
            f" (the default base URL is Dify Cloud, {_constants.DEFAULT_BASE_URL}; for a "
            "self-hosted Dify pass base_url='https://<your-host>/v1' or set DIFY_BASE_URL)"
        )
    return APIConnectionError(message, request=request)


_DIFY_CLOUD_HOST = httpx.URL(_constants.DEFAULT_BASE_URL).host


def _request_of(exc: httpx.RequestError) -> httpx.Request | None:
    try:
        return exc.request
    except RuntimeError:  # raised by httpx when the error has no request attached
        return None


# -- one attempt on the wire ---------------------------------------------------------------


def transmit(http: httpx.Client, call: PreparedCall) -> httpx.Response:
    """Put ``call`` on the wire once with a blocking client."""
    response = http.send(_built(http, call), stream=call.stream)
    if call.stream and not 200 <= response.status_code < 300:
        try:
            response.read()  # an error response is small: read it for the typed error
        finally:
            response.close()
    return response


async def transmit_async(http: httpx.AsyncClient, call: PreparedCall) -> httpx.Response:
    """Put ``call`` on the wire once with an async client."""
    response = await http.send(_built(http, call), stream=call.stream)
    if call.stream and not 200 <= response.status_code < 300:
        try:
            await response.aread()
        finally:
            await response.aclose()
    return response


def _built(http: httpx.Client | httpx.AsyncClient, call: PreparedCall) -> httpx.Request:
    return http.build_request(
        call.method,
        call.url,
        params=call.params,
        content=call.content,
        files=call.files,
        headers=call.headers,
        timeout=call.timeout,
    )


# -- the drivers ---------------------------------------------------------------------------

# The responses a raw-response call's flows received, with the seconds each took.
_watched: ContextVar[list[tuple[httpx.Response, float]] | None] = ContextVar(
    "dify_chatflow_watched_responses", default=None
)


@contextlib.contextmanager
def watch_responses() -> Iterator[list[tuple[httpx.Response, float]]]:
    """Collect every response the drivers receive in this context (thread or task)."""
    seen: list[tuple[httpx.Response, float]] = []
    token = _watched.set(seen)
    try:
        yield seen
    finally:
        _watched.reset(token)


def _note(response: httpx.Response, started: float) -> None:
    seen = _watched.get()
    if seen is not None:
        seen.append((response, time.monotonic() - started))


def run_sync(http: httpx.Client, flow: Flow[T]) -> T:
    """Drive ``flow`` with a blocking ``httpx.Client`` and ``time.sleep``."""
    try:
        step = next(flow)
        while True:
            if type(step) is PreparedCall:
                started = time.monotonic()
                try:
                    response = transmit(http, step)
                except httpx.RequestError as exc:
                    step = flow.throw(exc)
                else:
                    _note(response, started)
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
            if type(step) is PreparedCall:
                started = time.monotonic()
                try:
                    async with gate:
                        response = await transmit_async(http, step)
                except httpx.RequestError as exc:
                    step = flow.throw(exc)
                else:
                    _note(response, started)
                    step = flow.send(response)
            else:
                await asyncio.sleep(step)  # type: ignore[arg-type]
                step = flow.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    finally:
        flow.close()
