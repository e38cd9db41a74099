"""When to retry a request and how long to wait first.

Retried: connection errors, timeouts, 408, 409, 429 and every 5xx. Every other status is
final. The wait grows exponentially with jitter. A server's ``Retry-After`` (seconds or an
HTTP date) or ``retry-after-ms`` replaces it when it asks for a reasonable wait (more than
0, at most ``max_retry_after``); an unreasonable one (a proxy asking for an hour) is
ignored in favour of our own backoff, as openai-python does, so a call is never parked.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import time
from collections.abc import Mapping

from ._constants import (
    RETRY_INITIAL_DELAY,
    RETRY_JITTER,
    RETRY_MAX_DELAY,
    RETRY_MAX_RETRY_AFTER,
)
from ._exceptions import ConfigurationError

__all__ = ["DEFAULT_RETRY_POLICY", "RetryPolicy", "is_retryable_status", "retry_after_seconds"]

_RETRYABLE_4XX = frozenset({408, 409, 429})

# 2.0 ** 1024 overflows a float; far beyond any max_delay anyway.
_MAX_EXPONENT = 64


def is_retryable_status(status_code: int) -> bool:
    """True for the statuses a retry may cure: 408, 409, 429 and 5xx."""
    return status_code >= 500 or status_code in _RETRYABLE_4XX


def _seconds(name: str, value: object) -> float:
    """``value`` as finite seconds >= 0; a bool (``True`` as a delay is a mistake) is refused."""
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not 0 <= value < math.inf  # also refuses NaN
    ):
        raise ConfigurationError(f"{name} must be a finite number of seconds >= 0, got {value!r}")
    return float(value)


class RetryPolicy:
    """How long to wait between attempts.

    ``initial_delay`` doubles with every attempt up to ``max_delay``; up to ``jitter`` of it
    (a fraction) is taken off at random so many clients do not retry in step. A server's
    ``Retry-After`` is honoured instead when it is more than 0 and at most
    ``max_retry_after`` seconds; a longer (or zero, or unreadable) one falls back to the
    backoff.

    Worst case: a call with ``max_retries`` retries sleeps at most
    ``max_retries * max(max_delay, max_retry_after)`` seconds in total (2 x 60 s with the
    defaults and two retries), on top of its attempts, each bounded by the timeout. Pass
    ``max_total_wait`` to bound the sleeping of one call: a retry whose wait would take the
    call's total past it is not made, and the last error is raised at once.
    :meth:`worst_case_wait` gives the bound for a number of retries.

    Every option is checked: a bad value raises :class:`ConfigurationError`.
    """

    __slots__ = ("initial_delay", "jitter", "max_delay", "max_retry_after", "max_total_wait")

    def __init__(
        self,
        initial_delay: float = RETRY_INITIAL_DELAY,
        max_delay: float = RETRY_MAX_DELAY,
        max_retry_after: float = RETRY_MAX_RETRY_AFTER,
        jitter: float = RETRY_JITTER,
        max_total_wait: float | None = None,
    ) -> None:
        self.initial_delay = _seconds("initial_delay", initial_delay)
        self.max_delay = _seconds("max_delay", max_delay)
        self.max_retry_after = _seconds("max_retry_after", max_retry_after)
        if not isinstance(jitter, int | float) or isinstance(jitter, bool) or not 0 <= jitter <= 1:
            raise ConfigurationError(f"jitter must be a number between 0 and 1, got {jitter!r}")
        self.jitter = float(jitter)
        self.max_total_wait = (
            None if max_total_wait is None else _seconds("max_total_wait", max_total_wait)
        )

    def __repr__(self) -> str:
        return (
            f"RetryPolicy(initial_delay={self.initial_delay}, max_delay={self.max_delay}, "
            f"max_retry_after={self.max_retry_after}, jitter={self.jitter}, "
            f"max_total_wait={self.max_total_wait})"
        )

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt + 1`` (``attempt`` counts from 0)."""
        delay = min(self.initial_delay * (2.0 ** min(attempt, _MAX_EXPONENT)), self.max_delay)
        return delay * (1.0 - self.jitter * random.random())  # noqa: S311 - not crypto

    def delay(self, attempt: int, headers: Mapping[str, str] | None = None) -> float:
        """Seconds to wait: the server's ``Retry-After`` if reasonable, else :meth:`backoff`."""
        if headers is not None:
            asked = retry_after_seconds(headers)
            if asked is not None and 0 < asked <= self.max_retry_after:
                return asked
        return self.backoff(attempt)

    def next_delay(
        self, attempt: int, headers: Mapping[str, str] | None = None, *, waited: float = 0.0
    ) -> float | None:
        """Seconds to wait before retry ``attempt + 1`` of a call that has slept ``waited``
        seconds so far, or None when that wait would exceed ``max_total_wait`` (give up)."""
        seconds = self.delay(attempt, headers)
        if self.max_total_wait is not None and waited + seconds > self.max_total_wait:
            return None
        return seconds

    def worst_case_wait(self, max_retries: int) -> float:
        """The most seconds one call with ``max_retries`` retries can sleep in total."""
        longest = max(self.max_delay, self.max_retry_after) * max_retries
        return longest if self.max_total_wait is None else min(longest, self.max_total_wait)


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
