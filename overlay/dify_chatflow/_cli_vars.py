"""``dify-chatflow vars list|get|set``: conversation variables from a shell.

Exit codes: 0 ok, 1 server or network error, 2 usage or validation error. The API key is
read from ``--api-key`` or ``DIFY_API_KEY`` and never printed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    DifyError,
    ResponseDecodeError,
    UnknownVariableNameError,
    VariableValueError,
)
from ._models import ConversationVariable
from ._types import NumberKind, VariableType

if TYPE_CHECKING:
    from ._client import ChatflowClient

__all__ = [
    "EXIT_OK",
    "EXIT_SERVER",
    "EXIT_USAGE",
    "add_vars_commands",
    "parse_cli_value",
    "run_vars",
]

EXIT_OK = 0
EXIT_SERVER = 1
EXIT_USAGE = 2

MASK = "********"
_SHOWN_VALUE_WIDTH = 48

_VARS_EPILOG = """\
examples:
  dify-chatflow vars list 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 --user abc-123
  dify-chatflow vars get 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 user_preference --json
  dify-chatflow vars set 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 visits 4

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL, --user / DIFY_USER
exit codes: 0 ok, 1 server or network error, 2 usage or validation error
"""


def _connection_options() -> argparse.ArgumentParser:
    """Options every ``vars`` command takes (placed after the command, like most CLIs)."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("connection")
    group.add_argument("--api-key", help="app API key (default: $DIFY_API_KEY); never printed")
    group.add_argument("--base-url", help="API base URL ending in /v1 (default: $DIFY_BASE_URL)")
    group.add_argument("--user", help="end user who owns the conversation (default: $DIFY_USER)")
    group.add_argument("--timeout", type=float, default=30.0, help="seconds (default: 30)")
    return parent


def add_vars_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``vars`` command group on the top-level parser's subparsers."""
    connection = _connection_options()
    vars_parser = subparsers.add_parser(
        "vars",
        help="list, read and change a conversation's variables",
        description="List, read and change the variables of one conversation.",
        epilog=_VARS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = vars_parser.add_subparsers(dest="vars_command", metavar="COMMAND", required=True)

    list_parser = commands.add_parser(
        "list",
        parents=[connection],
        help="show every variable of a conversation",
        description="Show every variable of a conversation: a table, or JSON lines with --json.",
        epilog="example:\n  dify-chatflow vars list 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 --user U",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    list_parser.add_argument("conversation_id", metavar="CONVERSATION_ID")
    _add_output_options(list_parser)
    list_parser.set_defaults(handler=run_vars, action=_run_list)

    get_parser = commands.add_parser(
        "get",
        parents=[connection],
        help="show one variable by name",
        description="Show one variable of a conversation, found by name.",
        epilog="example:\n  dify-chatflow vars get 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 "
        "user_preference --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    get_parser.add_argument("conversation_id", metavar="CONVERSATION_ID")
    get_parser.add_argument("name", metavar="NAME")
    _add_output_options(get_parser)
    get_parser.set_defaults(handler=run_vars, action=_run_get)

    set_parser = commands.add_parser(
        "set",
        parents=[connection],
        help="change one variable's value",
        description=(
            "Change one variable's value. VALUE is read by the variable's type: numbers, "
            "true/false for booleans, JSON for objects and arrays, text as-is for strings. "
            "The value is checked before anything is sent."
        ),
        epilog=(
            "examples:\n"
            "  dify-chatflow vars set CONV_ID user_preference dark\n"
            "  dify-chatflow vars set CONV_ID visits 4\n"
            '  dify-chatflow vars set CONV_ID tags \'["a", "b"]\'\n'
            "  dify-chatflow vars set CONV_ID note '\"42\"' --json-value   # the string 42"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    set_parser.add_argument("conversation_id", metavar="CONVERSATION_ID")
    set_parser.add_argument("name", metavar="NAME")
    set_parser.add_argument("value", metavar="VALUE")
    set_parser.add_argument(
        "--json-value", action="store_true", help="read VALUE as JSON whatever the type"
    )
    set_parser.add_argument(
        "--lenient",
        action="store_true",
        help="accept what the server accepts even when it changes the value (e.g. 5.0 for 5)",
    )
    _add_output_options(set_parser)
    set_parser.set_defaults(handler=run_vars, action=_run_set)


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON lines, values decoded")
    parser.add_argument(
        "--show-secrets", action="store_true", help="print secret values instead of a mask"
    )


def parse_cli_value(
    value_type: VariableType,
    text: str,
    *,
    number_kind: NumberKind | None = None,
    force_json: bool = False,
) -> Any:
    """Turn the VALUE argument into the Python value for a variable of ``value_type``.

    For a float-stored number, integer text is read as a float: in a shell, ``1`` for such
    a variable means 1.0. Raises :class:`VariableValueError` with a hint when the text
    does not fit the type.
    """
    if force_json or value_type in _JSON_TYPES:
        try:
            return json.loads(text, parse_constant=_refuse_constant)
        except ValueError as exc:
            # A secret's text is never echoed, not even when it is malformed.
            shown = "the value" if value_type is VariableType.SECRET else repr(text)
            raise VariableValueError(
                f"{value_type.value} variables take JSON; could not read {shown}: {exc}"
            ) from None
    if value_type is VariableType.NUMBER:
        if number_kind != "float":
            try:
                return int(text)
            except ValueError:
                pass
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise VariableValueError(
                f"number variables take a finite number such as 4 or 0.5, not {text!r}"
            )
        return number
    if value_type is VariableType.BOOLEAN:
        lowered = text.strip().lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise VariableValueError(f"boolean variables take true or false, not {text!r}")
    return text  # string and secret take the text as-is; other types are refused later


_JSON_TYPES = frozenset(
    {
        VariableType.OBJECT,
        VariableType.ARRAY_STRING,
        VariableType.ARRAY_NUMBER,
        VariableType.ARRAY_OBJECT,
        VariableType.ARRAY_BOOLEAN,
    }
)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number the server can store")


# --- commands -------------------------------------------------------------------------


def _run_list(client: ChatflowClient, args: argparse.Namespace, out: TextIO) -> int:
    variables = client.variables.list(args.conversation_id)
    _print_variables(variables, args, out)
    return EXIT_OK


def _run_get(client: ChatflowClient, args: argparse.Namespace, out: TextIO) -> int:
    variable = client.variables.get(args.conversation_id, args.name)
    _print_variables([variable], args, out)
    return EXIT_OK


def _run_set(client: ChatflowClient, args: argparse.Namespace, out: TextIO) -> int:
    current = client.variables.get(args.conversation_id, args.name)
    value = parse_cli_value(
        current.value_type,
        args.value,
        number_kind=current.number_kind,
        force_json=args.json_value,
    )
    updated = client.variables.update(
        args.conversation_id,
        current.id,
        value,
        value_type=current.value_type,
        number_kind=current.number_kind,
        strict=not args.lenient,
    )
    _print_variables([updated], args, out)
    return EXIT_OK


def run_vars(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one parsed ``vars`` command; map every error to a message and an exit code."""
    from ._client import ChatflowClient  # the client is only needed for these commands

    out = out or sys.stdout
    err = err or sys.stderr
    try:
        with ChatflowClient(
            api_key=args.api_key,
            base_url=args.base_url,
            user=args.user or os.environ.get("DIFY_USER") or None,
            timeout=args.timeout,
        ) as client:
            code: int = args.action(client, args, out)
            return code
    except APIStatusError as exc:
        print(
            f"error: server answered {exc.status_code} {exc.code or '-'}: {exc.message}", file=err
        )
        return EXIT_SERVER
    except (APIConnectionError, ResponseDecodeError, UnknownVariableNameError) as exc:
        # What the server holds or answers, not what was typed: a server-side outcome.
        print(f"error: {exc}", file=err)
        return EXIT_SERVER
    except DifyError as exc:  # validation, bad ids, missing configuration
        print(f"error: {exc}", file=err)
        return EXIT_USAGE


# --- output ---------------------------------------------------------------------------


def _shown_value(variable: ConversationVariable, show_secrets: bool) -> Any:
    if variable.value_type is VariableType.SECRET and not show_secrets:
        return MASK
    return variable.value


def _print_variables(
    variables: Sequence[ConversationVariable], args: argparse.Namespace, out: TextIO
) -> None:
    if args.json:
        for variable in variables:
            record = {
                "id": str(variable.id),
                "name": variable.name,
                "value_type": variable.value_type.value,
                "value": _shown_value(variable, args.show_secrets),
                "description": variable.description,
                "created_at": variable.created_at.isoformat(),
                "updated_at": variable.updated_at.isoformat(),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    rows = [("NAME", "TYPE", "VALUE", "UPDATED (UTC)")]
    for variable in variables:
        shown = _shown_value(variable, args.show_secrets)
        text = shown if isinstance(shown, str) and shown == MASK else _one_line(shown)
        rows.append(
            (
                variable.name,
                variable.value_type.value,
                _shorten(text, _SHOWN_VALUE_WIDTH),
                variable.updated_at.strftime("%Y-%m-%d %H:%M:%S"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        out.write("  ".join([*cells, row[3]]).rstrip() + "\n")
    if len(rows) == 1:
        out.write("(no variables)\n")


def _one_line(value: Any) -> str:
    if isinstance(value, str):
        return value.replace("\n", "\\n")
    return json.dumps(value, ensure_ascii=False)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
