"""When to retry a request and how long to wait first.

Retried: connection errors, timeouts, 408, 409, 429 and every 5xx. Every other status is
final. The wait grows exponentially with jitter; a ``Retry-After`` header (seconds or an
HTTP date) or ``retry-after-ms`` replaces it, capped so a proxy cannot park a caller for
an hour.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import time
from collections.abc import Mapping

__all__ = ["DEFAULT_RETRY_POLICY", "RetryPolicy", "is_retryable_status", "retry_after_seconds"]

_RETRYABLE_4XX = frozenset({408, 409, 429})


def is_retryable_status(status_code: int) -> bool:
    """True for the statuses a retry may cure: 408, 409, 429 and 5xx."""
    return status_code >= 500 or status_code in _RETRYABLE_4XX


def _is_number(value: object) -> bool:
    """An int or float, but not a bool (``True`` as a delay is a mistake, not one second)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


class RetryPolicy:
    """How long to wait between attempts.

    ``initial_delay`` doubles with every attempt up to ``max_delay``; up to ``jitter`` of it
    (a fraction) is taken off at random so many clients do not retry in step. A server's
    ``Retry-After`` is honoured instead, but never beyond ``max_retry_after`` seconds.
    """

    __slots__ = ("initial_delay", "jitter", "max_delay", "max_retry_after")

    def __init__(
        self,
        initial_delay: float = 0.5,
        max_delay: float = 8.0,
        max_retry_after: float = 60.0,
        jitter: float = 0.25,
    ) -> None:
        for name, number in (
            ("initial_delay", initial_delay),
            ("max_delay", max_delay),
            ("max_retry_after", max_retry_after),
        ):
            if not _is_number(number) or not 0 <= number < math.inf:
                raise ValueError(f"{name} must be a finite number >= 0, got {number!r}")
        if not _is_number(jitter) or not 0 <= jitter <= 1:
            raise ValueError(f"jitter must be between 0 and 1, got {jitter!r}")
        self.initial_delay = float(initial_delay)
        self.max_delay = float(max_delay)
        self.max_retry_after = float(max_retry_after)
        self.jitter = float(jitter)

    def __repr__(self) -> str:
        return (
            f"RetryPolicy(initial_delay={self.initial_delay}, max_delay={self.max_delay}, "
            f"max_retry_after={self.max_retry_after}, jitter={self.jitter})"
        )

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt + 1`` (``attempt`` counts from 0)."""
        delay = min(self.initial_delay * (2.0**attempt), self.max_delay)
        return delay * (1.0 - self.jitter * random.random())  # noqa: S311 - not crypto

    def delay(self, attempt: int, headers: Mapping[str, str] | None = None) -> float:
        """Seconds to wait: the server's ``Retry-After`` if usable, else :meth:`backoff`."""
        if headers is not None:
            asked = retry_after_seconds(headers)
            if asked is not None:
                return min(asked, self.max_retry_after)
        return self.backoff(attempt)


DEFAULT_RETRY_POLICY = RetryPolicy()


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds a response asks us to wait, or None when it does not say (or says nonsense)."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        seconds = _finite(millis)
        if seconds is not None:
            return seconds / 1000.0
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _finite(value)
    if seconds is not None:
        return seconds
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP dates are always GMT
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, when.timestamp() - time.time())


def _finite(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None
