"""Parameter checks of the newer routes: integer query parameters as each dialect reads
them (1.10's flask-restx ``reqparse`` with ``type=int`` or ``inputs.int_range``, the
argument's help text before the error; 1.16's pydantic query models, every failing field
with its bounds), and the one place their failures are answered."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .._context import Call, Checks, FieldError

__all__ = ["IntParam", "parse_limit", "read_int", "refuse_failed"]

_PYDANTIC_INT: Final = re.compile(r"\s*[+-]?\d+\s*")
_MSG_NOT_INT: Final = "Input should be a valid integer, unable to parse string as an integer"


@dataclass(frozen=True)
class IntParam:
    """One integer query parameter: its default, bounds (``None``: open) and the help text
    1.10 puts before its errors; ``ranged`` says 1.10 checks it with ``int_range``."""

    name: str
    default: int
    low: int | None = None
    high: int | None = None
    help: str = ""
    ranged: bool = False


def _with_help(param: IntParam, text: str) -> str:
    return f"{param.help} {text}" if param.help else text


def _restx(param: IntParam, raw: str) -> tuple[int, str | None]:
    if param.ranged:
        try:
            value = int(raw)
        except ValueError:
            return param.default, _with_help(param, f"{raw} is not a valid integer")
        low, high = param.low, param.high
        if (low is not None and value < low) or (high is not None and value > high):
            text = f"Invalid argument: {value}. argument must be within the range {low} - {high}"
            return value, _with_help(param, text)
        return value, None
    try:
        return int(raw), None
    except ValueError:
        return param.default, _with_help(param, f"invalid literal for int() with base 10: {raw!r}")


def _pydantic(param: IntParam, raw: str) -> tuple[int, FieldError | None]:
    if not _PYDANTIC_INT.fullmatch(raw):
        return param.default, (param.name, _MSG_NOT_INT, "int_parsing", raw)
    value = int(raw)
    if param.low is not None and value < param.low:
        text = f"Input should be greater than or equal to {param.low}"
        return value, (param.name, text, "greater_than_equal", raw)
    if param.high is not None and value > param.high:
        text = f"Input should be less than or equal to {param.high}"
        return value, (param.name, text, "less_than_equal", raw)
    return value, None


def read_int(
    param: IntParam,
    raw: str | None,
    *,
    new: bool,
    errors: list[FieldError],
    restx: list[str],
) -> int:
    """The parameter's value (its default when absent) by the dialect's rules; a failure
    is added to both ``errors`` (pydantic's words) and ``restx`` (reqparse's), in step,
    for :func:`refuse_failed` to answer in the configured shape."""
    if raw is None:
        return param.default
    value, failed = _pydantic(param, raw)
    if new:
        if failed is not None:
            errors.append(failed)
            restx.append(_with_help(param, failed[1]))
        return value
    value, text = _restx(param, raw)
    if text is not None:
        errors.append(failed or (param.name, text, "value_error", raw))
        restx.append(text)
    return value


def parse_limit(
    checks: Checks, raw: str | None, *, help_text: str, default: int = 20, high: int = 100
) -> int:
    """A ``limit`` query parameter in 1..``high``: 1.10's ``int_range``, 1.16's bounded
    ``int``; each dialect's failure is added to ``checks``."""
    param = IntParam("limit", default, 1, high, help_text, ranged=True)
    if raw is None:
        return default
    value, failed = _pydantic(param, raw)
    if failed is not None:
        checks.fail_pydantic(*failed)
    restx_value, text = _restx(param, raw)
    if text is not None:
        checks.restx.append((param.name, text))
        return value
    return restx_value  # where only pydantic refuses ("1_0"), 1.10 reads the number


def refuse_failed(call: Call, model: str, errors: list[FieldError], restx: list[str]) -> None:
    """Answer the failed checks of request model ``model`` (none failed: nothing).

    ``errors`` (pydantic's words, 1.16) and ``restx`` (reqparse's, 1.10) are kept in step,
    one entry per failure, in the order each dialect checks its fields."""
    named = [(error[0], text) for error, text in zip(errors, restx, strict=True)]
    call.check(Checks(model, pydantic=list(errors), restx=named))
