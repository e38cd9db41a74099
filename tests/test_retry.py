"""RetryPolicy: how long a call waits before each retry, and in total."""

from __future__ import annotations

import email.utils
import math
import time

import pytest
from dify_chatflow import ConfigurationError, DifyError, RetryPolicy

EXACT = RetryPolicy(initial_delay=1.0, max_delay=4.0, max_retry_after=30.0, jitter=0.0)


def http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": "0.5"}, 0.5),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),  # the finer one wins
        ({"retry-after": "30"}, 30.0),  # exactly the cap is still reasonable
    ],
)
def test_a_reasonable_retry_after_is_honoured(headers: dict[str, str], expected: float) -> None:
    assert EXACT.delay(0, headers) == expected


def test_a_retry_after_date_within_the_cap_is_honoured() -> None:
    assert 5 < EXACT.delay(0, {"retry-after": http_date(10)}) <= 10


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "31"},  # beyond the cap: our backoff, not the cap
        {"retry-after": "3600"},
        {"retry-after": "Fri, 01 Jan 2100 00:00:00 GMT"},
        {"retry-after-ms": "60000"},
        {"retry-after": "0"},  # "now": a tight loop is no better than the backoff
        {"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"},  # in the past
        {"retry-after": "soon"},
        {"retry-after": "-5"},
        {"retry-after": "nan"},
        {"retry-after": "inf"},
        {},
    ],
)
def test_an_unreasonable_retry_after_falls_back_to_the_backoff(headers: dict[str, str]) -> None:
    assert [EXACT.delay(n, headers) for n in range(4)] == [1.0, 2.0, 4.0, 4.0]


def test_the_backoff_doubles_up_to_the_cap_and_jitter_only_shortens_it() -> None:
    assert [EXACT.backoff(n) for n in range(5)] == [1.0, 2.0, 4.0, 4.0, 4.0]
    jittery = RetryPolicy(initial_delay=1.0, max_delay=4.0, jitter=0.5)
    delays = [jittery.backoff(2) for _ in range(200)]
    assert all(2.0 <= d <= 4.0 for d in delays)
    assert len(set(delays)) > 1


def test_a_huge_attempt_number_still_gives_the_cap() -> None:
    assert EXACT.backoff(5000) == 4.0


def test_the_worst_case_is_documented_and_computed() -> None:
    assert "Worst case" in (RetryPolicy.__doc__ or "")
    assert RetryPolicy().worst_case_wait(2) == 120.0  # 2 retries x 60 s Retry-After cap
    assert EXACT.worst_case_wait(3) == 90.0
    assert RetryPolicy(max_total_wait=10).worst_case_wait(5) == 10.0
    assert RetryPolicy(max_delay=100, max_retry_after=1).worst_case_wait(1) == 100.0


def test_max_total_wait_stops_retrying_before_the_total_would_pass_it() -> None:
    bounded = RetryPolicy(initial_delay=1.0, max_delay=4.0, jitter=0.0, max_total_wait=6.0)
    waited, attempt, delays = 0.0, 0, []
    while (delay := bounded.next_delay(attempt, waited=waited)) is not None and attempt < 50:
        delays.append(delay)
        waited += delay
        attempt += 1
    assert delays == [1.0, 2.0]  # the next 4 s would make 7 s
    assert bounded.next_delay(0, {"retry-after": "7"}, waited=0.0) is None
    assert bounded.next_delay(0, {"retry-after": "6"}, waited=0.0) == 6.0


def test_without_max_total_wait_next_delay_is_the_delay() -> None:
    assert EXACT.next_delay(1, {"retry-after": "3"}, waited=1e9) == 3.0
    assert EXACT.next_delay(1, waited=1e9) == 2.0


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("initial_delay", -1),
        ("initial_delay", True),
        ("initial_delay", "1"),
        ("max_delay", math.inf),
        ("max_delay", math.nan),
        ("max_retry_after", None),
        ("max_retry_after", -0.5),
        ("jitter", 2),
        ("jitter", -0.1),
        ("jitter", False),
        ("jitter", math.nan),
        ("max_total_wait", -1),
        ("max_total_wait", True),
        ("max_total_wait", "10"),
    ],
)
def test_a_bad_option_is_a_configuration_error_naming_it(option: str, value: object) -> None:
    with pytest.raises(ConfigurationError, match=option) as caught:
        RetryPolicy(**{option: value})  # type: ignore[arg-type]
    assert isinstance(caught.value, DifyError)


def test_repr_shows_every_option() -> None:
    assert repr(RetryPolicy(max_total_wait=5)) == (
        "RetryPolicy(initial_delay=0.5, max_delay=8.0, max_retry_after=60.0, jitter=0.25, "
        "max_total_wait=5.0)"
    )
