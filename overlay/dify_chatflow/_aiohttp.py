"""``DefaultAioHttpClient``: an ``httpx.AsyncClient`` whose connections aiohttp handles.

httpx's own async connection pool is slow under concurrency; the ``httpx-aiohttp``
transport keeps the httpx interface and lets aiohttp do the networking. Installed with the
extra ``dify-chatflow[aiohttp]``; aiohttp is imported only when this client is created.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._core import skip_cookieless_extraction
from ._exceptions import ConfigurationError

__all__ = ["DefaultAioHttpClient"]

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
            from httpx_aiohttp import AiohttpTransport
        except ImportError:
            raise ConfigurationError(_MISSING_EXTRA) from None
        from ._client import DEFAULT_LIMITS, DEFAULT_TIMEOUT

        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        limits = kwargs.setdefault("limits", DEFAULT_LIMITS)
        if "transport" not in kwargs:
            kwargs["transport"] = AiohttpTransport(
                verify=kwargs.get("verify", True),
                cert=kwargs.get("cert"),
                trust_env=kwargs.get("trust_env", True),
                limits=limits,
            )
        super().__init__(**kwargs)
        skip_cookieless_extraction(self)
