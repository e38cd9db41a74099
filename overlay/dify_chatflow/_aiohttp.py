"""``DefaultAioHttpClient``: an ``httpx.AsyncClient`` whose connections aiohttp handles.

httpx's own async connection pool is slow under concurrency; the ``httpx-aiohttp``
transport keeps the httpx interface and lets aiohttp do the networking. Installed with the
extra ``dify-chatflow[aiohttp]``; aiohttp is imported only when this client is created.
"""

from __future__ import annotations

import datetime
import functools
import logging
import time
from typing import Any

import httpx

from ._base_client import skip_cookieless_extraction
from ._compat import (
    UseClientDefault,
    apply_client_timeout,
    build_redirect_request,
    default_encoding,
    has_mounts,
    sends_plainly,
)
from ._exceptions import ConfigurationError

__all__ = ["DefaultAioHttpClient"]

_httpx_logger = logging.getLogger("httpx")

_MISSING_EXTRA = (
    "DefaultAioHttpClient needs the optional aiohttp transport: "
    "pip install 'dify-chatflow[aiohttp]'"
)


class DefaultAioHttpClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` backed by aiohttp; pass it as ``http_client=``.

    ``AsyncChatflowClient(http_client=DefaultAioHttpClient())``. Accepts the keyword
    arguments of ``httpx.AsyncClient``; ``timeout`` and ``limits`` default to the
    client's defaults. Raises :class:`ConfigurationError` when the extra is not installed.
    """

    def __init__(self, **kwargs: Any) -> None:
        try:
            import httpx_aiohttp  # noqa: F401 - only to tell a missing extra apart
        except ImportError:
            raise ConfigurationError(_MISSING_EXTRA) from None
        from ._constants import DEFAULT_LIMITS, DEFAULT_TIMEOUT

        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        limits = kwargs.setdefault("limits", DEFAULT_LIMITS)
        transport = kwargs.get("transport")
        if transport is None:
            transport = kwargs["transport"] = _transport_class()(
                verify=kwargs.get("verify", True),
                cert=kwargs.get("cert"),
                trust_env=kwargs.get("trust_env", True),
                limits=limits,
            )
        super().__init__(**kwargs)
        skip_cookieless_extraction(self)
        # With no mounts (proxies from arguments or the environment), every request goes to
        # this one transport, so `send` may hand plain requests to it directly.
        self._direct: httpx.AsyncBaseTransport | None = None if has_mounts(self) else transport

    async def send(
        self,
        request: httpx.Request,
        *,
        stream: bool = False,
        auth: Any = httpx.USE_CLIENT_DEFAULT,
        follow_redirects: bool | UseClientDefault = httpx.USE_CLIENT_DEFAULT,
    ) -> httpx.Response:
        """Send ``request``, as ``httpx.AsyncClient.send`` does.

        A request with nothing for httpx's machinery to do (no auth, no event hooks, no
        redirect to follow, no streaming) goes to the transport directly: that machinery
        costs about as much CPU as aiohttp's own work for a small request.
        """
        transport = self._direct
        if (
            transport is None
            or stream
            or auth is not httpx.USE_CLIENT_DEFAULT
            or follow_redirects is True
            or (follow_redirects is httpx.USE_CLIENT_DEFAULT and self.follow_redirects)
            or not sends_plainly(self)
            or request.url.userinfo
            or not isinstance(request.stream, httpx.AsyncByteStream)
        ):
            return await super().send(
                request, stream=stream, auth=auth, follow_redirects=follow_redirects
            )
        return await _send_direct(self, transport, request)


async def _send_direct(
    client: DefaultAioHttpClient, transport: httpx.AsyncBaseTransport, request: httpx.Request
) -> httpx.Response:
    """What ``httpx.AsyncClient.send`` does for a request without auth, hooks or redirects."""
    if "timeout" not in request.extensions:
        apply_client_timeout(client, request)
    start = time.perf_counter()
    try:
        response = await transport.handle_async_request(request)
        # The body is read here, once, rather than through httpx's four nested async
        # iterators; httpx then decodes it (Content-Encoding) from memory as usual.
        stream = response.stream
        try:
            raw = b"".join([chunk async for chunk in stream])  # type: ignore[union-attr]
        finally:
            await stream.aclose()  # type: ignore[union-attr]
    except httpx.RequestError as exc:
        exc.request = request
        raise
    response.elapsed = datetime.timedelta(seconds=time.perf_counter() - start)
    response.request = request
    response.stream = httpx.ByteStream(raw)
    client.cookies.extract_cookies(response)
    response.default_encoding = default_encoding(client)
    if _httpx_logger.isEnabledFor(logging.INFO):
        _httpx_logger.info(
            'HTTP Request: %s %s "%s %d %s"',
            request.method,
            request.url,
            response.http_version,
            response.status_code,
            response.reason_phrase,
        )
    if response.has_redirect_location:
        response.next_request = build_redirect_request(client, request, response)
    try:
        response.read()
    except httpx.RequestError as exc:
        exc.request = request
        raise
    return response


@functools.cache
def _transport_class() -> Any:
    """httpx-aiohttp's transport, telling a refused or dropped connection from a timeout."""
    from httpx_aiohttp import AiohttpTransport

    class Transport(AiohttpTransport):
        def get_client(self) -> Any:
            session = super().get_client()
            # aiohttp re-sends an idempotent request once, unseen, when the server hangs up
            # before answering: retries are ours to count (and a lost DELETE's answer ours
            # to interpret). aiohttp's own test client switches it off the same way.
            session._retry_connection = False
            return session

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            try:
                response: httpx.Response = await super().handle_async_request(request)
            except httpx.ConnectTimeout as exc:
                # httpx-aiohttp maps every aiohttp.ClientConnectionError to ConnectTimeout,
                # so "connection refused" would read "timed out" and wait out a timeout's
                # retry. Only a real timeout stays one.
                if isinstance(exc.__cause__, TimeoutError):
                    raise
                import aiohttp

                failed = (
                    httpx.ConnectError
                    if isinstance(exc.__cause__, aiohttp.ClientConnectorError)
                    else httpx.ReadError
                )
                raise failed(str(exc), request=request) from exc.__cause__
            return response

    return Transport
