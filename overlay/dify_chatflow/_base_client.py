"""The request machinery every resource shares: settings, requests, one retrying send.

Every operation is written once, as a generator (a "flow") that yields what it needs done
and receives the outcome:

* a :class:`Call` to send: the driver answers with the ``httpx.Response``, or throws the
  ``httpx.RequestError`` the send raised into the flow. A call with ``stream=True`` is
  answered with a response whose body is still open (an error answer's body is read
  first, so it can be mapped to a typed error);
* a ``float``: seconds to sleep before the next attempt.

The flow's return value is the operation's result. Validation, request building (by the
generated operations' builders, see ``_binding``), retry decisions, error mapping and
decoding live in the flows; :func:`run_sync` and :func:`run_async` only do the I/O, so the
sync and async clients cannot drift apart.

:class:`ClientCore` holds what every flow needs from the client (settings, caches, the
request builder); :class:`SyncAPIClient` / :class:`AsyncAPIClient` own the httpx client,
run flows, and bind an async client to its event loop; :class:`SyncAPIResource` /
:class:`AsyncAPIResource` are the thin shells ``client.<family>`` are made of.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import time
from collections.abc import Generator, Mapping
from contextlib import AbstractAsyncContextManager as AsyncContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Self, TypeVar

import httpx

from . import _constants
from ._compat import UseClientDefault, use_cookie_jar
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    ResponseDecodeError,
    VariableValueError,
    make_status_error,
)
from ._ids import canonical_id
from ._retry import DEFAULT_RETRY_POLICY, RetryPolicy, is_retryable_status
from ._tls import tls_failure_message
from ._types import NOT_GIVEN, NotGiven
from ._version import USER_AGENT

if TYPE_CHECKING:
    from uuid import UUID

    from dify_chatflow_api.client import AuthenticatedClient

__all__ = [
    "AsyncAPIClient",
    "AsyncAPIResource",
    "Call",
    "ClientCore",
    "Flow",
    "SyncAPIClient",
    "SyncAPIResource",
    "Timeout",
    "check_max_retries",
    "check_timeout",
    "decode_json",
    "json_kind",
    "run_async",
    "run_sync",
    "send",
]

logger = logging.getLogger("dify_chatflow")

T = TypeVar("T")
R = TypeVar("R")
HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)

#: What ``timeout=`` takes: seconds, an ``httpx.Timeout``, ``None`` (wait forever), or
#: :data:`NOT_GIVEN` (the client's setting).
Timeout = float | httpx.Timeout | None | NotGiven
# What a Call carries to httpx: NOT_GIVEN becomes httpx's own "client default" marker.
_SentTimeout = float | httpx.Timeout | None | UseClientDefault


class Call(NamedTuple):
    """One HTTP request, fully prepared (URL absolute, body already encoded)."""

    method: str
    url: httpx.URL
    params: Mapping[str, str | int] | None
    content: bytes | None
    headers: Mapping[str, str] | None
    timeout: _SentTimeout
    #: Multipart parts (httpx ``files=``), streamed from their file objects.
    files: Any = None
    #: Answer with the response still open (server-sent events).
    stream: bool = False


Step = Call | float
Flow = Generator[Step, Any, T]


# -- the retrying send ---------------------------------------------------------------------


def send(
    call: Call, max_retries: int, policy: RetryPolicy, *, idempotent: bool = True
) -> Flow[httpx.Response]:
    """Send ``call`` until it gets a 2xx (returned) or a final answer (raised as typed error).

    An idempotent call is retried after connection errors, timeouts, 408, 409, 429 and 5xx,
    up to ``max_retries`` times. A non-idempotent one (a chat message runs the workflow,
    and bills its models, each time it arrives) only when it certainly never reached the
    server: the connection was refused or could not be set up in time. The waits come
    from ``policy``, which also bounds their total (``max_total_wait``).
    """
    attempt = 0
    waited = 0.0
    while True:
        try:
            response: httpx.Response = yield call
        except httpx.TransportError as exc:  # timeouts included
            tls_failure = tls_failure_message(exc, call.url)
            if tls_failure is not None:  # the same handshake would fail again
                raise APIConnectionError(tls_failure, request=_request_of(exc)) from exc
            retryable = attempt < max_retries and (idempotent or _never_sent(exc))
            delay = policy.next_delay(attempt, waited=waited) if retryable else None
            if delay is None:
                raise transport_error(exc) from exc
            reason = type(exc).__name__
        except httpx.RequestError as exc:
            # Too many redirects, undecodable content: another attempt will not help.
            raise APIConnectionError(
                f"Request failed: {type(exc).__name__}: {exc}", request=_request_of(exc)
            ) from exc
        else:
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


# -- the drivers ---------------------------------------------------------------------------


def _send(http: httpx.Client, call: Call) -> httpx.Response:
    if call.stream:
        request = http.build_request(
            call.method,
            call.url,
            params=call.params,
            content=call.content,
            headers=call.headers,
            timeout=call.timeout,
        )
        response = http.send(request, stream=True)
        if not 200 <= response.status_code < 300:
            try:
                response.read()  # an error answer is small: read it for the typed error
            finally:
                response.close()
        return response
    return http.request(
        call.method,
        call.url,
        params=call.params,
        content=call.content,
        files=call.files,
        headers=call.headers,
        timeout=call.timeout,
    )


async def _send_async(http: httpx.AsyncClient, call: Call) -> httpx.Response:
    if call.stream:
        request = http.build_request(
            call.method,
            call.url,
            params=call.params,
            content=call.content,
            headers=call.headers,
            timeout=call.timeout,
        )
        response = await http.send(request, stream=True)
        if not 200 <= response.status_code < 300:
            try:
                await response.aread()
            finally:
                await response.aclose()
        return response
    return await http.request(
        call.method,
        call.url,
        params=call.params,
        content=call.content,
        files=call.files,
        headers=call.headers,
        timeout=call.timeout,
    )


def run_sync(http: httpx.Client, flow: Flow[T]) -> T:
    """Drive ``flow`` with a blocking ``httpx.Client`` and ``time.sleep``."""
    try:
        step = next(flow)
        while True:
            if type(step) is Call:
                try:
                    response = _send(http, step)
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
                        response = await _send_async(http, step)
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


# -- options -------------------------------------------------------------------------------


def check_max_retries(max_retries: object) -> int:
    """Return ``max_retries`` if it is a non-negative int, else raise ConfigurationError."""
    if type(max_retries) is not int or max_retries < 0:
        raise ConfigurationError(f"max_retries must be an int >= 0, got {max_retries!r}")
    return max_retries


def check_timeout(timeout: object) -> Timeout:
    """Return ``timeout`` if it is one :data:`Timeout` accepts, else raise ConfigurationError."""
    if timeout is None or isinstance(timeout, NotGiven | httpx.Timeout):
        return timeout
    real = isinstance(timeout, int | float) and not isinstance(timeout, bool)
    if real and isinstance(timeout, int | float) and 0 <= timeout < math.inf:  # NaN fails too
        return timeout
    raise ConfigurationError(
        "timeout must be a number of seconds >= 0, an httpx.Timeout, or None (no timeout), "
        f"got {timeout!r}"
    )


# An API key goes into a header: printable ASCII, no spaces. Checked so a pasted key with
# a newline fails here, with a message that does not repeat it.
_KEY_SHAPE = re.compile(r"[\x21-\x7e]+")


def check_user(user: object, where: str = "user") -> str:
    """Return ``user`` if it is an end-user id Dify accepts, else raise ConfigurationError."""
    if type(user) is not str or not user:
        raise ConfigurationError(f"{where} must be a non-empty str, got {_shown(user)}")
    longest = _constants.MAX_USER_LENGTH
    if len(user) > longest:
        raise ConfigurationError(
            f"{where} is {len(user)} characters long; Dify stores at most {longest}"
        )
    return user


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "..."


_NO_USER = (
    "no end user given: pass user=... to the client or to this call, or set DIFY_USER. "
    "Dify scopes every conversation to the end user that created it; without `user` the "
    "server silently uses a default end user and then answers 404 'Conversation Not "
    "Exists.' even for a conversation that exists"
)

_warned_plain_http: set[str] = set()


def _warn_plain_http(url: httpx.URL) -> None:
    """Log once per host that the key would cross the network in clear."""
    host = url.host
    if url.scheme != "http" or host in _warned_plain_http or _is_loopback(host):
        return
    _warned_plain_http.add(host)
    logger.warning(
        "base_url %s uses plain http to %s: the API key and every message cross the network "
        "unencrypted; use https unless this network is trusted",
        url.copy_with(query=None, fragment=None),
        host,
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    import ipaddress  # only for plain-http base URLs

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Settings:
    """Arguments and environment resolved into what a client needs (checked)."""

    def __init__(
        self,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        user: str | None,
        timeout: Timeout,
        max_retries: int,
        retry_policy: RetryPolicy | None,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get("DIFY_API_KEY")
        if not key:
            raise ConfigurationError(
                "no API key: pass api_key=... or set DIFY_API_KEY (the app's key, "
                "'app-...', from the app's API Access page in Dify)"
            )
        if type(key) is not str or not _KEY_SHAPE.fullmatch(key):
            raise ConfigurationError(
                "the API key must be a str of printable ASCII without spaces or newlines "
                "(value not shown)"
            )
        url = base_url if base_url is not None else os.environ.get("DIFY_BASE_URL")
        url = str(url).rstrip("/") if url else _constants.DEFAULT_BASE_URL
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise ConfigurationError(f"base_url is not a valid URL: {url!r} ({exc})") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ConfigurationError(
                f"base_url must be an http(s) URL such as {_constants.DEFAULT_BASE_URL!r}, "
                f"got {url!r}"
            )
        if parsed.query or parsed.fragment:
            raise ConfigurationError(f"base_url must not have a query or fragment: {url!r}")
        if user is None:
            user = os.environ.get("DIFY_USER") or None
            if user is not None:
                check_user(user, "DIFY_USER")
        else:
            check_user(user)
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise ConfigurationError("retry_policy must be a dify_chatflow.RetryPolicy")
        _warn_plain_http(parsed)
        self.api_key = key
        self.base_url = url
        self.user = user
        self.timeout = check_timeout(timeout)
        self.max_retries = check_max_retries(max_retries)
        self.retry_policy = retry_policy or DEFAULT_RETRY_POLICY
        self.auth_headers = {"Authorization": f"Bearer {key}", "User-Agent": USER_AGENT}


# -- what every flow needs -----------------------------------------------------------------

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
# What the overlay sends of a generated request builder's keyword arguments.
_SENT_KEYS = frozenset({"method", "url", "params", "json", "files", "headers"})


class ClientCore:
    """Settings and request building shared by every resource of one client.

    Immutable after construction except its bounded caches, plain dicts whose single get /
    set operations are atomic, so one instance serves many threads or tasks.
    """

    def __init__(self, settings: Settings, *, borrowed: bool, timeout: _SentTimeout) -> None:
        self.base_url = settings.base_url
        self.user = settings.user
        self.max_retries = settings.max_retries
        self.retry_policy = settings.retry_policy
        self.timeout = timeout
        self._timeout_given = not isinstance(settings.timeout, NotGiven)
        # Sent with every request when the httpx client is borrowed (ours carries them).
        self._auth_headers: Mapping[str, str] | None = (
            dict(settings.auth_headers) if borrowed else None
        )
        # The generated builder's relative URL -> absolute parsed URL: a hit skips httpx's
        # URL parsing, the largest share of per-request CPU after the socket work.
        self._urls: dict[str, httpx.URL] = {}
        # Ids as the caller passed them -> the checked UUID.
        self._ids: dict[tuple[object, str], UUID] = {}

    def end_user(self, user: str | None) -> str:
        """The end user of a call: ``user`` if given, else the client's (ConfigurationError
        when neither is set)."""
        if user is None:
            if self.user is None:
                raise ConfigurationError(_NO_USER)
            return self.user
        return check_user(user)

    def retries(self, max_retries: int | None) -> int:
        """The retry budget of a call."""
        return self.max_retries if max_retries is None else check_max_retries(max_retries)

    def sent_timeout(self, timeout: Timeout, default: Timeout = NOT_GIVEN) -> _SentTimeout:
        """The timeout a call sends: its own, else the client's ``timeout=``, else the
        operation's ``default`` (a blocking chat waits minutes), else the client's default
        (ours, or a borrowed client's own)."""
        chosen = check_timeout(timeout)
        if isinstance(chosen, NotGiven):
            if self._timeout_given or isinstance(default, NotGiven):
                return self.timeout
            return default
        return chosen

    def uuid(self, value: object, what: str) -> UUID:
        """``value`` as a UUID, checked by :func:`canonical_id` (InvalidIdError)."""
        key = (value, what)
        try:
            cached = self._ids.get(key)
        except TypeError:  # unhashable: certainly not a valid id; canonical_id says why
            cached = None
        if cached is not None:
            return cached
        from uuid import UUID  # loaded with the first id: `import dify_chatflow` stays light

        checked = UUID(canonical_id(value, what))
        if len(self._ids) >= _constants.MAX_CACHE_ENTRIES:
            self._ids.clear()
        self._ids[key] = checked
        return checked

    def call(
        self, request: Mapping[str, Any], timeout: _SentTimeout, *, stream: bool = False
    ) -> Call:
        """The :class:`Call` for a generated request builder's ``httpx`` keyword arguments.

        A ``json`` body is encoded here (see :func:`encode_json`) and sent as ``content``
        with the builder's own headers.
        """
        if not _SENT_KEYS.issuperset(request):
            from ._binding import GeneratedBindingError

            raise GeneratedBindingError(
                f"the generated request for {request.get('url')} passes "
                f"{sorted(set(request) - _SENT_KEYS)} to httpx, which dify_chatflow does not "
                "send; regenerate it with `make generate` from a spec whose operations take "
                "only path, query, JSON and multipart body parameters"
            )
        relative: str = request["url"]
        url = self._urls.get(relative)
        if url is None:
            url = httpx.URL(self.base_url + relative)
            if len(self._urls) >= _constants.MAX_CACHE_ENTRIES:
                self._urls.clear()
            self._urls[relative] = url
        headers = request.get("headers")
        if self._auth_headers is not None:
            headers = {**self._auth_headers, **headers} if headers else self._auth_headers
        return Call(
            request["method"].upper(),
            url,
            request.get("params"),
            encode_json(request["json"]) if "json" in request else None,
            headers,
            timeout,
            request.get("files"),
            stream,
        )

    def request(
        self,
        request: Mapping[str, Any],
        *,
        timeout: Timeout,
        max_retries: int | None,
        default_timeout: Timeout = NOT_GIVEN,
        idempotent: bool = True,
        stream: bool = False,
    ) -> Flow[httpx.Response]:
        """Send a built request with the client's retry policy; the 2xx response."""
        call = self.call(request, self.sent_timeout(timeout, default_timeout), stream=stream)
        response = yield from send(
            call, self.retries(max_retries), self.retry_policy, idempotent=idempotent
        )
        return response


def encode_json(body: object) -> bytes:
    """``body`` as the JSON httpx would send for ``json=``, or :class:`VariableValueError`.

    Encoded here, once, so a value JSON cannot carry becomes a typed error before anything
    is sent (httpx's own ``json=`` encoding would raise a bare ValueError or TypeError).
    """
    try:
        return _ENCODER.encode(body).encode("utf-8")
    except UnicodeEncodeError:
        problem = "contains a lone surrogate character, which JSON text cannot carry"
    except ValueError as exc:
        problem = (
            "contains itself"
            if "ircular" in str(exc)
            else "contains NaN or infinity, which JSON cannot carry"
        )
    except TypeError as exc:
        problem = f"is not JSON-serialisable ({exc})"
    except RecursionError:
        problem = "is nested too deeply (or contains itself)"
    raise VariableValueError(f"the value {problem}; nothing was sent")


def decode_json(response: httpx.Response) -> Any:
    """The JSON body of a 2xx ``response``, or :class:`ResponseDecodeError`.

    The body may hold secret values: the message says what it is, not what it says.
    """
    try:
        return json.loads(response.content)
    except ValueError:
        content_type = response.headers.get("content-type", "none")
        raise ResponseDecodeError(
            f"HTTP {response.status_code} answer is not JSON ({len(response.content)} bytes, "
            f"content type {content_type!r}; the body is in .raw)",
            raw=response.text,
            response=response,
            show_raw=False,
        ) from None


_JSON_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


def json_kind(data: object) -> str:
    """What JSON ``data`` is, in words (never its content)."""
    if data is None:
        return "null"
    return _JSON_KINDS.get(type(data), "a number")


# -- the clients ---------------------------------------------------------------------------


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
    use_cookie_jar(http, CookielessResponses(http.cookies))


_NO_TIMEOUT = httpx.Timeout(None)

_CLOSED = (
    "this client is closed: create a new one (or use it as a context manager, "
    "`with ChatflowClient(...) as client:`, and call it inside the block)"
)


class _BaseClient(Generic[HttpT]):
    """What both clients share: settings, the http client they own or borrow, repr."""

    _http: HttpT
    _owns_http: bool
    _core: ClientCore
    _closed: bool

    def _setup(
        self,
        *,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        user: str | None,
        timeout: Timeout,
        max_retries: int,
        http_client: HttpT | None,
        retry_policy: RetryPolicy | None,
        http_class: type[HttpT],
    ) -> None:
        settings = Settings(api_key, base_url, user, timeout, max_retries, retry_policy)
        self._settings = settings
        self._closed = False
        chosen = settings.timeout
        if http_client is None:
            self._http = http_class(
                base_url=settings.base_url,
                headers=settings.auth_headers,
                timeout=_constants.DEFAULT_TIMEOUT if isinstance(chosen, NotGiven) else chosen,
                limits=_constants.DEFAULT_LIMITS,
            )
            skip_cookieless_extraction(self._http)
            self._owns_http = True
            sent: _SentTimeout = httpx.USE_CLIENT_DEFAULT
        else:
            if not isinstance(http_client, http_class):
                raise ConfigurationError(
                    f"http_client must be an {http_class.__module__}.{http_class.__name__}, "
                    f"got {type(http_client).__name__}"
                )
            # A borrowed client is never changed (it may serve other hosts, which must not
            # see our key): the key travels with each request instead.
            self._http = http_client
            self._owns_http = False
            sent = _borrowed_timeout(chosen, http_client)
        self._core = ClientCore(settings, borrowed=not self._owns_http, timeout=sent)
        self._generated: AuthenticatedClient | None = None

    def _check_open(self) -> None:
        if self._closed:
            raise ConfigurationError(_CLOSED)

    @property
    def base_url(self) -> str:
        """The API root every request goes to, e.g. ``https://api.dify.ai/v1``."""
        return self._settings.base_url

    @property
    def user(self) -> str | None:
        """The client's default end user (``user=`` or ``DIFY_USER``), if any."""
        return self._settings.user

    @property
    def http_client(self) -> HttpT:
        """The httpx client requests go through (owned, or the one passed in)."""
        return self._http

    @property
    def generated(self) -> AuthenticatedClient:
        """The generated ``dify_chatflow_api`` ``AuthenticatedClient``, sharing our httpx client.

        For raw access to the generated operations (``sync_detailed`` /
        ``asyncio_detailed``). Its requests use relative URLs and the httpx client's own
        headers, so with a borrowed ``http_client`` give that client the base URL and the
        Authorization header yourself.
        """
        if self._generated is None:
            from ._binding import make_generated_client  # the generated layer loads on demand

            self._generated = make_generated_client(
                base_url=self._settings.base_url, token=self._settings.api_key, http=self._http
            )
        return self._generated

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, user={self.user!r}, "
            f"max_retries={self._core.max_retries}, api_key=<hidden>)"
        )


def _borrowed_timeout(
    timeout: Timeout, http_client: httpx.Client | httpx.AsyncClient
) -> _SentTimeout:
    """The timeout sent with each request through a borrowed ``http_client``.

    An explicit ``timeout=`` always wins. Without one, the borrowed client's own timeout is
    respected, unless it has none at all (``timeout=None``): then ``DEFAULT_TIMEOUT``, so a
    request never waits forever unless the caller asks for that with ``timeout=None``.
    """
    if not isinstance(timeout, NotGiven):
        return timeout
    if http_client.timeout == _NO_TIMEOUT:
        return _constants.DEFAULT_TIMEOUT
    return httpx.USE_CLIENT_DEFAULT


class SyncAPIClient(_BaseClient[httpx.Client]):
    """The blocking request layer: runs flows with :func:`run_sync`."""

    def _run(self, flow: Flow[T]) -> T:
        if self._closed:
            flow.close()
            raise ConfigurationError(_CLOSED)
        return run_sync(self._http, flow)

    def close(self) -> None:
        """Close the connections (a borrowed ``http_client`` is left open)."""
        self._closed = True
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        self._check_open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


_OTHER_LOOP = (
    "this AsyncChatflowClient was first used in another event loop: an async client and "
    "its connections belong to one event loop. Create the client inside the coroutine that "
    "asyncio.run() runs (e.g. `async with AsyncChatflowClient(...) as client:`), one per "
    "asyncio.run() call"
)


class AsyncAPIClient(_BaseClient[httpx.AsyncClient]):
    """The async request layer: runs flows with :func:`run_async`, bound to one event loop."""

    def _bind_loop(self, max_in_flight: int | None) -> None:
        self._max_in_flight = max_in_flight
        # The event loop of the first call, and the in-flight limit created in it (an
        # asyncio.Semaphore, like httpx's pooled connections, belongs to one loop).
        self._loop: object = None
        self._gate: Any = None

    def _gate_of_this_loop(self) -> Any:
        """The in-flight limit (None when unlimited), after checking the running loop is
        the one this client was first used in (ConfigurationError otherwise)."""
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            if self._loop is not None:
                raise ConfigurationError(_OTHER_LOOP)
            self._loop = loop
            if self._max_in_flight is not None:
                self._gate = asyncio.Semaphore(self._max_in_flight)
        return self._gate

    async def _run(self, flow: Flow[T]) -> T:
        try:
            gate = self._gate_of_this_loop()
            if self._closed:
                raise ConfigurationError(_CLOSED)
        except ConfigurationError:
            flow.close()
            raise
        return await run_async(self._http, flow, gate)

    async def close(self) -> None:
        """Close the connections (a borrowed ``http_client`` is left open)."""
        self._closed = True
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        self._check_open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


# -- resources -----------------------------------------------------------------------------


class SyncAPIResource:
    """A family of operations on a blocking client (``client.variables``, ``client.chat``)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self._core = client._core

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class AsyncAPIResource:
    """A family of operations on an async client."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self._core = client._core

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
