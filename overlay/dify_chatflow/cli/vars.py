"""``dify-chatflow vars list|get|set``: conversation variables from a shell.

The API key is read from ``--api-key`` or ``DIFY_API_KEY`` and never printed; secret
values are masked unless ``--show-secrets``. A new value can come from the command line,
from stdin (``-``) or from a file (``--value-file``), so a secret need not appear in the
process list or the shell history.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .._exceptions import InvalidParamError, VariableTypeMismatchError, VariableValueError
from .._values.types import JSONValue, NumberKind, VariableType
from . import (
    EXIT_CODES_HELP,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    Parser,
    connection_options,
    status_line,
)

if TYPE_CHECKING:
    from .._client import ChatflowClient
    from ..types.variables import ConversationVariable

__all__ = ["add_commands", "parse_cli_value"]

_SHOWN_VALUE_WIDTH = 48
_FROM_STDIN = "-"

_VARS_EPILOG = f"""\
examples:
  dify-chatflow vars list 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 --user abc-123
  dify-chatflow vars get 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 user_preference --json
  dify-chatflow vars set 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 visits 4

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL, --user / DIFY_USER

{EXIT_CODES_HELP}"""

_LENIENT_HELP = (
    "check only what the server itself refuses, and send values it accepts but changes: "
    "true/false for a number (stored as 1/0, or 1.0/0.0 inside an array), integers beyond "
    "64 bits (stored as floats) and non-text object keys (stored as text). What the server "
    "refuses (5.0 for an integer-stored number, the wrong type, a value over the size "
    "limit) is still refused before anything is sent"
)

Action = Callable[["ChatflowClient", argparse.Namespace, TextIO], int]


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``vars`` command group on the top-level parser's subparsers."""
    connection = connection_options()
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
    list_parser.set_defaults(handler=_handler(_run_list))

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
    get_parser.set_defaults(handler=_handler(_run_get))

    set_parser = commands.add_parser(
        "set",
        parents=[connection],
        help="change one variable's value",
        description=(
            "Change one variable's value. VALUE is read by the variable's type: numbers,\n"
            "true/false for booleans, JSON for objects and arrays, text as-is for strings\n"
            "and secrets. VALUE '-' reads it from stdin, --value-file from a file (one\n"
            "trailing newline is dropped), which keeps a secret out of the process list\n"
            "and the shell history. The value is checked before anything is sent."
        ),
        epilog=(
            "examples:\n"
            "  dify-chatflow vars set CONV_ID user_preference dark\n"
            "  dify-chatflow vars set CONV_ID visits 4\n"
            '  dify-chatflow vars set CONV_ID tags \'["a", "b"]\'\n'
            "  dify-chatflow vars set CONV_ID note '\"42\"' --json-value   # the string 42\n"
            "  pass show dify/token | dify-chatflow vars set CONV_ID api_token -\n"
            "  dify-chatflow vars set CONV_ID profile --value-file profile.json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    set_parser.add_argument("conversation_id", metavar="CONVERSATION_ID")
    set_parser.add_argument("name", metavar="NAME")
    set_parser.add_argument(
        "value", metavar="VALUE", nargs="?", help="the new value, or '-' to read it from stdin"
    )
    set_parser.add_argument(
        "--value-file", metavar="PATH", help="read the new value from this file (UTF-8)"
    )
    set_parser.add_argument(
        "--json-value", action="store_true", help="read the value as JSON whatever the type"
    )
    set_parser.add_argument("--lenient", action="store_true", help=_LENIENT_HELP)
    _add_output_options(set_parser)
    set_parser.set_defaults(handler=_handler(_run_set))


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
) -> JSONValue:
    """Turn the VALUE text into the Python value for a variable of ``value_type``.

    For a float-stored number, integer text is read as a float: in a shell, ``1`` for such
    a variable means 1.0. Raises :class:`VariableValueError` with a hint when the text
    does not fit the type.
    """
    if force_json or value_type in _JSON_TYPES:
        # A secret's text is never echoed, not even when it is malformed.
        shown = "the value" if value_type is VariableType.SECRET else repr(_clip(text))
        try:
            parsed: JSONValue = json.loads(text, parse_constant=_refuse_constant)
        except RecursionError:
            raise VariableValueError(
                f"{value_type.value} variables take JSON; {shown} is nested too deeply"
            ) from None
        except ValueError as exc:
            raise VariableValueError(
                f"{value_type.value} variables take JSON; could not read {shown}: {exc}"
            ) from None
        return parsed
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
                f"number variables take a finite number such as 4 or 0.5, not {_clip(text)!r}"
            )
        return number
    if value_type is VariableType.BOOLEAN:
        lowered = text.strip().lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise VariableValueError(f"boolean variables take true or false, not {_clip(text)!r}")
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


def _refuse_constant(name: str) -> JSONValue:
    raise ValueError(f"{name} is not a number the server can store")


def _clip(text: str, width: int = 60) -> str:
    """Typed text for a message: long input (a file's content) is cut short."""
    return text if len(text) <= width else text[: width - 3] + "..."


# --- reading the value -----------------------------------------------------------------


def _value_text(args: argparse.Namespace) -> str:
    """The VALUE text: the argument, stdin (``-``) or ``--value-file``."""
    if args.value_file is not None:
        if args.value is not None:
            raise CommandError("give VALUE or --value-file, not both")
        try:
            text = Path(args.value_file).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise CommandError(f"--value-file {args.value_file!r} is not UTF-8 text") from None
        except OSError as exc:
            raise CommandError(
                f"cannot read --value-file {args.value_file!r}: {exc.strerror or exc}"
            ) from None
        return _without_final_newline(text)
    if args.value is None:
        raise CommandError("give VALUE, '-' to read it from stdin, or --value-file PATH")
    if args.value != _FROM_STDIN:
        return str(args.value)
    if sys.stdin is None:
        raise CommandError("VALUE '-' reads stdin, but there is no stdin")
    try:
        return _without_final_newline(sys.stdin.read())
    except UnicodeDecodeError:
        raise CommandError("the value read from stdin is not UTF-8 text") from None


def _without_final_newline(text: str) -> str:
    """``text`` without one trailing line break, as ``$(...)`` in a shell would drop it."""
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith("\n") else text


# --- commands -------------------------------------------------------------------------


def _handler(action: Action) -> Callable[[argparse.Namespace], int]:
    """A command's handler: ``action`` run with a client built from the options."""

    def run(args: argparse.Namespace) -> int:
        from .. import ChatflowClient  # loaded only for the commands that need it

        with ChatflowClient(
            api_key=args.api_key,
            base_url=args.base_url,
            user=args.user or os.environ.get("DIFY_USER") or None,
            timeout=args.timeout,
        ) as client:
            return action(client, args, sys.stdout)

    return run


def _run_list(client: ChatflowClient, args: argparse.Namespace, out: TextIO) -> int:
    _print_variables(client.variables.list(args.conversation_id), args, out)
    return EXIT_OK


def _run_get(client: ChatflowClient, args: argparse.Namespace, out: TextIO) -> int:
    _print_variables([client.variables.get(args.conversation_id, args.name)], args, out)
    return EXIT_OK


def _run_set(client: ChatflowClient, args: argparse.Namespace, out: TextIO) -> int:
    text = _value_text(args)  # before any request: a usage error sends nothing
    current = client.variables.get(args.conversation_id, args.name)
    value = parse_cli_value(
        current.value_type, text, number_kind=current.number_kind, force_json=args.json_value
    )
    try:
        updated = client.variables.update(
            args.conversation_id,
            current.id,
            value,
            value_type=current.value_type,
            number_kind=current.number_kind,
            strict=not args.lenient,
        )
    except (VariableTypeMismatchError, InvalidParamError) as exc:
        # The server refused the value: exit as for a value refused before sending.
        raise CommandError(status_line(exc), EXIT_USAGE) from None
    _print_variables([updated], args, out)
    return EXIT_OK


# --- output ---------------------------------------------------------------------------


def _print_variables(
    variables: Sequence[ConversationVariable], args: argparse.Namespace, out: TextIO
) -> None:
    records = [variable.to_dict(reveal_secrets=args.show_secrets) for variable in variables]
    if args.json:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    rows = [("NAME", "TYPE", "VALUE", "UPDATED (UTC)")]
    for variable, record in zip(variables, records, strict=True):
        rows.append(
            (
                variable.name,
                variable.value_type.value,
                _shorten(_one_line(record["value"]), _SHOWN_VALUE_WIDTH),  # secrets: the mask
                variable.updated_at.strftime("%Y-%m-%d %H:%M:%S"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        out.write("  ".join([*cells, row[3]]).rstrip() + "\n")
    if len(rows) == 1:
        out.write("(no variables)\n")


def _one_line(value: JSONValue) -> str:
    if isinstance(value, str):
        return value.replace("\n", "\\n")
    return json.dumps(value, ensure_ascii=False)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
