"""Client settings and per-call options: arguments and environment, checked once.

:class:`Settings` resolves a client's arguments and the ``DIFY_*`` environment variables;
:class:`RequestOptions` is what one call sets for itself. Every check raises
:class:`ConfigurationError` before anything is sent, with a message that never repeats the
API key.
"""

from __future__ import annotations

import copy
import math
import os
import re
from collections.abc import Mapping
from typing import NamedTuple

import httpx

from . import _constants
from ._exceptions import ConfigurationError
from ._logs import logger, setup_logging
from ._retry import DEFAULT_RETRY_POLICY, RetryPolicy
from ._types import NOT_GIVEN, NotGiven
from ._version import USER_AGENT

__all__ = [
    "RequestOptions",
    "Settings",
    "Timeout",
    "check_max_retries",
    "check_timeout",
    "check_user",
]

#: What ``timeout=`` takes: seconds, an ``httpx.Timeout``, ``None`` (wait forever), or
#: :data:`NOT_GIVEN` (the client's setting).
Timeout = float | httpx.Timeout | None | NotGiven


class RequestOptions(NamedTuple):
    """What one call sets for itself; a field left unset takes the client's setting.

    Built by every public method from its keywords and handed to the operation's flow,
    which hands it to ``ClientCore.execute``: a new per-call option is one field here.
    """

    #: The call's timeout (:data:`NOT_GIVEN`: the client's, or the operation's default).
    timeout: Timeout = NOT_GIVEN
    #: The call's retry budget (``None``: the client's ``max_retries``).
    max_retries: int | None = None
    #: The call's end user (``None``: the client's ``user``).
    user: str | None = None


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


#: Why a call without an end user is refused.
NO_USER = (
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
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        setup_logging()
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
        _warn_plain_http(parsed)
        self.api_key = key
        self.base_url = url
        self.user = user
        self.timeout = check_timeout(timeout)
        self.max_retries = check_max_retries(max_retries)
        self.retry_policy = (
            DEFAULT_RETRY_POLICY if retry_policy is None else _checked_policy(retry_policy)
        )
        #: Sent with every request: the caller's ``default_headers``, then the key.
        self.headers = {
            "User-Agent": USER_AGENT,
            **_checked_headers(default_headers),
            "Authorization": f"Bearer {key}",
        }

    def replaced(
        self,
        *,
        timeout: Timeout,
        max_retries: int | None,
        user: str | None,
        retry_policy: RetryPolicy | None,
    ) -> Settings:
        """A copy with the given settings changed (checked as the constructor checks
        them); ``NOT_GIVEN`` / ``None`` keep this one's."""
        changed = copy.copy(self)
        if not isinstance(timeout, NotGiven):
            changed.timeout = check_timeout(timeout)
        if max_retries is not None:
            changed.max_retries = check_max_retries(max_retries)
        if user is not None:
            changed.user = check_user(user)
        if retry_policy is not None:
            changed.retry_policy = _checked_policy(retry_policy)
        return changed


def _checked_policy(retry_policy: object) -> RetryPolicy:
    if not isinstance(retry_policy, RetryPolicy):
        raise ConfigurationError("retry_policy must be a dify_chatflow.RetryPolicy")
    return retry_policy


def _checked_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    """``default_headers`` as a dict, checked: str names and values, no Authorization."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise ConfigurationError(
            f"default_headers must be a mapping of str to str, got {type(headers).__name__}"
        )
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if type(name) is not str or type(value) is not str:
            raise ConfigurationError(
                f"default_headers must map str to str; {name!r} maps to a {type(value).__name__}"
            )
        if name.strip().lower() == "authorization":
            # The key has one place (api_key=): a second one could disagree with it.
            raise ConfigurationError(
                "default_headers must not set Authorization: pass the key as api_key=... "
                "(or DIFY_API_KEY); value not shown"
            )
        checked[name] = value
    return checked
