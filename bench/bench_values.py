"""Decoding and validating large values, as ratios to the standard library in the same run.

Targets: decoding a 5,000-object array value costs at most 5x ``json.loads`` of the same
data as JSON; validating it costs at most 1x ``json.dumps``. ``ast.literal_eval`` (what
the decoder replaces) is printed for reference. Exits 1 when a target is missed.
"""

from __future__ import annotations

import ast
import json
import statistics
import sys
import timeit
from collections.abc import Callable
from typing import Any

from dify_chatflow import decode_value, validate_value

REPEATS = 7


def best_ms(run: Callable[[], Any], repeats: int = REPEATS) -> tuple[float, float]:
    """(min, median) milliseconds of single runs."""
    times = timeit.repeat(run, number=1, repeat=repeats)
    return min(times) * 1000, statistics.median(times) * 1000


def plain_objects() -> list[dict[str, Any]]:
    return [
        {
            "id": i,
            "name": f"item {i}",
            "price": i * 0.25,
            "in_stock": i % 2 == 0,
            "tags": ["red", "large"],
            "note": None,
            "ratio": 1e-07,
        }
        for i in range(5000)
    ]


def awkward_objects() -> list[dict[str, Any]]:
    """Every object has strings str() must quote with " or escape: the slow path."""
    return [
        {"id": i, "title": f"it's item {i}", "path": f"C:\\data\\{i}", "ok": True}
        for i in range(5000)
    ]


def main() -> int:
    failed = False
    for label, data, target in (
        ("plain", plain_objects(), 5.0),
        ("awkward (every object needs escapes)", awkward_objects(), None),
    ):
        server_text, json_text = str(data), json.dumps(data)
        assert decode_value("array[object]", server_text) == data
        loads, loads_median = best_ms(lambda: json.loads(json_text))  # noqa: B023
        decode, decode_median = best_ms(
            lambda: decode_value("array[object]", server_text)  # noqa: B023
        )
        ratio = decode / loads
        shown_target = f"target <= {target:.0f}x" if target else "no target, for information"
        print(
            f"decode {label}: {decode:.2f} ms (median {decode_median:.2f}) vs json.loads "
            f"{loads:.2f} ms (median {loads_median:.2f}): {ratio:.2f}x  [{shown_target}]"
        )
        if target is not None and ratio > target:
            failed = True

    data = plain_objects()
    literal, _ = best_ms(lambda: ast.literal_eval(str(data)), repeats=2)
    loads, _ = best_ms(lambda: json.loads(json.dumps(data)))
    print(f"reference: ast.literal_eval {literal:.1f} ms ({literal / loads:.0f}x json.loads)")

    dumps, dumps_median = best_ms(lambda: json.dumps(data))
    for strict in (True, False):
        validate, validate_median = best_ms(
            lambda: validate_value("array[object]", data, strict=strict)  # noqa: B023
        )
        ratio = validate / dumps
        print(
            f"validate (strict={strict}): {validate:.2f} ms (median {validate_median:.2f}) vs "
            f"json.dumps {dumps:.2f} ms (median {dumps_median:.2f}): {ratio:.2f}x  [target <= 1x]"
        )
        failed = failed or ratio > 1.0
    print("values: targets missed" if failed else "values: all targets hold")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
