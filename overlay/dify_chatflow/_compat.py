"""The one module that reaches into httpx's private names.

Each is used for speed or for a signature httpx itself defines; the declared httpx range
(``>=0.23.1,<0.29`` in pyproject.toml) is the one the test suite runs against.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "UseClientDefault",
    "apply_client_timeout",
    "build_redirect_request",
    "default_encoding",
    "has_mounts",
    "sends_plainly",
    "use_cookie_jar",
]

#: The type of ``httpx.USE_CLIENT_DEFAULT``, which httpx's own signatures name.
UseClientDefault = httpx._client.UseClientDefault
_OPENED = httpx._client.ClientState.OPENED


def use_cookie_jar(http: httpx.Client | httpx.AsyncClient, jar: httpx.Cookies) -> None:
    """Give ``http`` the cookie jar ``jar`` as is (the public setter would wrap it)."""
    http._cookies = jar


def has_mounts(http: httpx.AsyncClient) -> bool:
    """True when some requests go to another transport (proxies, mounts)."""
    return bool(http._mounts)


def sends_plainly(http: httpx.AsyncClient) -> bool:
    """True when httpx's send would do nothing but hand the request to the transport:
    no auth, no event hooks, and the client is open."""
    hooks = http._event_hooks
    return (
        http._auth is None
        and not hooks["request"]
        and not hooks["response"]
        and http._state is _OPENED
    )


def apply_client_timeout(http: httpx.AsyncClient, request: httpx.Request) -> None:
    """Give ``request`` the client's timeout, as httpx's send does."""
    http._set_timeout(request)


def default_encoding(http: httpx.AsyncClient) -> Any:
    """The client's ``default_encoding`` (a name or a callable), for responses it builds."""
    return http._default_encoding


def build_redirect_request(
    http: httpx.AsyncClient, request: httpx.Request, response: httpx.Response
) -> httpx.Request:
    """The request a redirect answer points to, as httpx's send builds it."""
    return http._build_redirect_request(request, response)
