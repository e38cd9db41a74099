"""The clients and resources: who owns the httpx client, who runs the flows.

:class:`SyncAPIClient` / :class:`AsyncAPIClient` own (or borrow) the httpx client, run
flows (``_flows``) and bind an async client to its event loop; :class:`SyncAPIResource` /
:class:`AsyncAPIResource` are the thin shells ``client.<family>`` are made of. Settings and
per-call options are checked in ``_settings``; what each flow needs from its client
(request preparation, checked ids) is ``_core.ClientCore``.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from . import _constants
from ._compat import use_cookie_jar
from ._core import ClientCore, decode_json, json_kind
from ._exceptions import ConfigurationError
from ._flows import Flow, SentTimeout, run_async, run_sync
from ._retry import RetryPolicy
from ._settings import RequestOptions, Settings, Timeout, check_max_retries, check_timeout
from ._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from dify_chatflow_api.client import AuthenticatedClient

__all__ = [
    "AsyncAPIClient",
    "AsyncAPIResource",
    "ClientCore",
    "Flow",
    "RequestOptions",
    "SyncAPIClient",
    "SyncAPIResource",
    "Timeout",
    "check_max_retries",
    "check_timeout",
    "decode_json",
    "json_kind",
]

T = TypeVar("T")
HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)


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

# Also said by a copy (with_options) whose shared pool its original closed.
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
        self, settings: Settings, http_client: HttpT | None, http_class: type[HttpT]
    ) -> None:
        self._settings = settings
        self._closed = False
        chosen = settings.timeout
        if http_client is None:
            self._http = http_class(
                base_url=settings.base_url,
                headers=settings.headers,
                timeout=_constants.DEFAULT_TIMEOUT if isinstance(chosen, NotGiven) else chosen,
                limits=_constants.DEFAULT_LIMITS,
            )
            skip_cookieless_extraction(self._http)
            self._owns_http = True
            sent: SentTimeout = httpx.USE_CLIENT_DEFAULT
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
        self._borrowed = not self._owns_http
        self._core = ClientCore(settings, borrowed=self._borrowed, timeout=sent)
        self._generated: AuthenticatedClient | None = None

    def with_options(
        self,
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | None = None,
        user: str | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> Self:
        """A client of the same class with these settings changed, sharing this one's
        connection pool: ``client.with_options(timeout=5).chat.send(...)``.

        This client is unchanged. Closing the copy leaves the pool open (it belongs to
        this client, or to whoever lent it); closing this client closes it for both.
        Arguments are checked as the constructor checks them (:class:`ConfigurationError`).
        """
        settings = self._settings.replaced(
            timeout=timeout, max_retries=max_retries, user=user, retry_policy=retry_policy
        )
        copy = object.__new__(type(self))
        copy._adopt(self, settings)
        # Without a new timeout the copy sends what this client sends.
        sent: SentTimeout = self._core.timeout
        if not isinstance(timeout, NotGiven) and not isinstance(settings.timeout, NotGiven):
            sent = settings.timeout
        copy._core = ClientCore(settings, borrowed=self._borrowed, timeout=sent)
        return copy

    def _adopt(self, parent: Self, settings: Settings) -> None:
        """Share ``parent``'s http client (never closing it) under ``settings``."""
        self._settings = settings
        self._closed = False
        self._http = parent._http
        self._owns_http = False
        self._borrowed = parent._borrowed
        self._generated = None

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
) -> SentTimeout:
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
        if self._closed or self._http.is_closed:
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


class _LoopBinding:
    """The event loop an async client (and its copies) was first used in, and the
    in-flight limit created in it (an ``asyncio.Semaphore``, like httpx's pooled
    connections, belongs to one loop)."""

    def __init__(self, max_in_flight: int | None) -> None:
        self._max_in_flight = max_in_flight
        self._loop: object = None
        self._gate: Any = None

    def gate(self) -> Any:
        """The in-flight limit (None when unlimited), after checking the running loop is
        the one first used (ConfigurationError otherwise)."""
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            if self._loop is not None:
                raise ConfigurationError(_OTHER_LOOP)
            self._loop = loop
            if self._max_in_flight is not None:
                self._gate = asyncio.Semaphore(self._max_in_flight)
        return self._gate


class AsyncAPIClient(_BaseClient[httpx.AsyncClient]):
    """The async request layer: runs flows with :func:`run_async`, bound to one event loop."""

    def _bind_loop(self, max_in_flight: int | None) -> None:
        self._loop_binding = _LoopBinding(max_in_flight)

    def _adopt(self, parent: Self, settings: Settings) -> None:
        super()._adopt(parent, settings)
        # One pool, one event loop, one in-flight limit for the copies of a client.
        self._loop_binding = parent._loop_binding

    async def _run(self, flow: Flow[T]) -> T:
        try:
            gate = self._loop_binding.gate()
            if self._closed or self._http.is_closed:
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
