"""``ChatflowClient`` and ``AsyncChatflowClient``: the friendly face of the package.

Both resolve their settings the same way (:class:`_ClientSettings`) and share one
:class:`~dify_chatflow._resources.VariablesCore`; they differ only in the httpx client
they drive and in ``await``.
"""

from __future__ import annotations

import os
import re
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from ._core import skip_cookieless_extraction
from ._exceptions import ConfigurationError
from ._resources import (
    NOT_GIVEN,
    AsyncVariables,
    Timeout,
    Variables,
    VariablesCore,
    check_max_retries,
)
from ._retry import DEFAULT_RETRY_POLICY, RetryPolicy

__all__ = [
    "ASYNC_MAX_IN_FLIGHT",
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncChatflowClient",
    "ChatflowClient",
]

DEFAULT_BASE_URL = "https://api.dify.ai/v1"
#: 30 s for the whole exchange, 5 s to connect: never wait forever (httpx's own
#: default is 5 s for everything; the generated client's is no timeout at all).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
#: Enough idle connections kept open for many concurrent tasks or threads.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)

# An API key goes into a header: printable ASCII, no spaces. Checked so a pasted key with
# a newline fails here, with a message that does not repeat it.
_KEY_SHAPE = re.compile(r"[\x21-\x7e]+")

#: Requests our own async pool works on at once; more wait in an asyncio queue. httpx's
#: async pool scans every connection and every waiting request on each hand-over, so on
#: loopback 1,000 concurrent updates took about 1.3x longer at 100 in flight than at 32.
#: A borrowed ``http_client`` (e.g. ``DefaultAioHttpClient``) is not limited.
ASYNC_MAX_IN_FLIGHT = 32

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)


class _ClientSettings:
    """Arguments and environment resolved into what a client needs."""

    def __init__(
        self,
        api_key: str | None,
        base_url: str | httpx.URL | None,
        max_retries: int,
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
        url = str(url).rstrip("/") if url else DEFAULT_BASE_URL
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise ConfigurationError(f"base_url is not a valid URL: {url!r} ({exc})") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ConfigurationError(
                f"base_url must be an http(s) URL such as {DEFAULT_BASE_URL!r}, got {url!r}"
            )
        if parsed.query or parsed.fragment:
            raise ConfigurationError(f"base_url must not have a query or fragment: {url!r}")
        self.api_key = key
        self.base_url = url
        self.max_retries = check_max_retries(max_retries)
        self.auth_headers = {"Authorization": f"Bearer {key}"}


def _borrowed_timeout(timeout: Timeout, http_client: httpx.Client | httpx.AsyncClient) -> Timeout:
    """The timeout sent with each request through a borrowed ``http_client``.

    An explicit ``timeout=`` always wins. Without one, the borrowed client's own timeout is
    respected, unless it has none at all (``timeout=None``): then :data:`DEFAULT_TIMEOUT`,
    so a request never waits forever unless the caller asks for that with ``timeout=None``.
    """
    if timeout is not NOT_GIVEN:
        return timeout
    if http_client.timeout == _NO_TIMEOUT:
        return DEFAULT_TIMEOUT
    return NOT_GIVEN


_NO_TIMEOUT = httpx.Timeout(None)


class _BaseClient(Generic[HttpT]):
    """What both clients share: settings, the http client they own or borrow, repr."""

    _http: HttpT
    _owns_http: bool
    _core: VariablesCore

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
    ) -> VariablesCore:
        settings = _ClientSettings(api_key, base_url, max_retries)
        if user is not None and (type(user) is not str or not user):
            raise ConfigurationError(f"user must be a non-empty str, got {user!r}")
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise ConfigurationError("retry_policy must be a dify_chatflow.RetryPolicy")
        self._settings = settings
        if http_client is None:
            self._http = http_class(
                base_url=settings.base_url,
                headers=settings.auth_headers,
                timeout=(
                    DEFAULT_TIMEOUT
                    if isinstance(timeout, httpx._client.UseClientDefault)
                    else timeout
                ),
                limits=DEFAULT_LIMITS,
            )
            skip_cookieless_extraction(self._http)
            self._owns_http = True
            per_call_auth: dict[str, str] | None = None
            per_call_timeout: Any = httpx.USE_CLIENT_DEFAULT
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
            per_call_auth = settings.auth_headers
            per_call_timeout = _borrowed_timeout(timeout, http_client)
        self._generated: Any = None
        return VariablesCore(
            base_url=settings.base_url,
            user=user,
            max_retries=settings.max_retries,
            retry_policy=retry_policy or DEFAULT_RETRY_POLICY,
            timeout=per_call_timeout,
            auth_headers=per_call_auth,
        )

    @property
    def base_url(self) -> str:
        """The API root every request goes to, e.g. ``https://api.dify.ai/v1``."""
        return self._settings.base_url

    @property
    def http_client(self) -> HttpT:
        """The httpx client requests go through (owned, or the one passed in)."""
        return self._http

    @property
    def generated(self) -> Any:
        """The generated ``dify_chatflow_api`` ``AuthenticatedClient``, sharing our httpx client.

        For raw access to the generated operations (``sync_detailed`` /
        ``asyncio_detailed``). Its requests use relative URLs and the httpx client's own
        headers, so with a borrowed ``http_client`` give that client the base URL and the
        Authorization header yourself.
        """
        if self._generated is None:
            from ._api import make_generated_client  # the generated layer loads on demand

            self._generated = make_generated_client(
                base_url=self._settings.base_url, token=self._settings.api_key, http=self._http
            )
        return self._generated

    def __repr__(self) -> str:
        user = self._core.user
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, user={user!r}, "
            f"max_retries={self._core.max_retries}, api_key=<hidden>)"
        )


class ChatflowClient(_BaseClient[httpx.Client]):
    """A blocking client for a Dify chatflow app's conversation variables.

    ``api_key`` and ``base_url`` fall back to the ``DIFY_API_KEY`` / ``DIFY_BASE_URL``
    environment variables (then ``https://api.dify.ai/v1``). ``user`` is the end-user id
    that owns the conversations; pass it here or per call. ``timeout`` applies to every
    request (default :data:`DEFAULT_TIMEOUT`; ``None`` waits forever), ``max_retries``
    bounds retries of connection errors, timeouts, 408, 409, 429 and 5xx (``retry_policy``
    sets the waits). ``http_client`` lends your own ``httpx.Client`` (never closed by us);
    without ``timeout=`` its own timeout is used, or :data:`DEFAULT_TIMEOUT` if it has
    none. Thread-safe: share one client between threads.
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self._core = self._setup(
            api_key=api_key,
            base_url=base_url,
            user=user,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            retry_policy=retry_policy,
            http_class=httpx.Client,
        )
        #: List, get, set and update conversation variables.
        self.variables = Variables(self._core, self._http)

    def close(self) -> None:
        """Close the connections (a borrowed ``http_client`` is left open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncChatflowClient(_BaseClient[httpx.AsyncClient]):
    """The async twin of :class:`ChatflowClient`: same arguments, ``await`` every call.

    Pass ``http_client=DefaultAioHttpClient()`` (extra ``dify-chatflow[aiohttp]``) for a
    much faster connection pool under concurrency (close it yourself, e.g. ``async with``;
    a borrowed client is never closed by us). With our own httpx pool at most
    :data:`ASYNC_MAX_IN_FLIGHT` requests run at once. Safe to share between the tasks of
    one event loop. A client belongs to the event loop of its first call, as its pooled
    connections do: a call from another loop (e.g. a second ``asyncio.run()``) raises
    :class:`ConfigurationError` before sending; create one client per loop.
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        user: str | None = None,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        *,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self._core = self._setup(
            api_key=api_key,
            base_url=base_url,
            user=user,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            retry_policy=retry_policy,
            http_class=httpx.AsyncClient,
        )
        # Requests beyond ASYNC_MAX_IN_FLIGHT wait in our queue, not in httpx's pool,
        # where a long queue is slow. A borrowed client sets its own limits.
        in_flight = ASYNC_MAX_IN_FLIGHT if self._owns_http else None
        #: List, get, set and update conversation variables.
        self.variables = AsyncVariables(self._core, self._http, in_flight)

    async def close(self) -> None:
        """Close the connections (a borrowed ``http_client`` is left open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
