"""The ``dify-chatflow`` console command: one module per command group.

Each command module (every module here whose name does not start with ``_``) adds its
commands with ``add_commands(commands)``; :func:`build_parser` finds the modules by
scanning this package, so a new group is picked up without being listed here.

This module holds what every command shares: the parser, the connection options, and the
one place that turns every failure into one line on stderr and an exit code, so no
command ever shows a traceback.
"""

from __future__ import annotations

import argparse
import errno
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from .._exceptions import (
    APIError,
    APIStatusError,
    DifyError,
    ResponseDecodeError,
    UnknownVariableNameError,
)
from .._modules import public_submodules
from .._version import __version__

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT_CLOSED",
    "EXIT_SERVER",
    "EXIT_USAGE",
    "CommandError",
    "Parser",
    "build_parser",
    "connection_options",
    "failure_line",
    "in_cli_words",
    "main",
    "positive_seconds",
    "status_line",
]

EXIT_OK = 0
EXIT_SERVER = 1
"""The server, the network or the system refused: an error answer, no connection, a
port in use."""
EXIT_USAGE = 2
"""What was typed cannot work: a bad option or argument, a value the variable refuses,
missing configuration."""
EXIT_INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT, as shells report it)."""
EXIT_OUTPUT_CLOSED = 141
"""The reader of the output went away (``| head``): 128 + SIGPIPE, as shells report it."""

EXIT_CODES_HELP = """\
exit codes:
  0    ok
  1    server, network or system error (an error answer, no connection, a port in use)
  2    usage or validation error (bad option, refused value, missing configuration)
  130  interrupted (Ctrl-C)
  141  output closed early (e.g. piped into head); nothing more is printed
"""

Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A failure a command reports itself: one line of text and its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: what is wrong, and where help is."""

    def error(self, message: str) -> NoReturn:
        """Print ``message`` as one line and exit with :data:`EXIT_USAGE`."""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def positive_seconds(text: str) -> float:
    """``--timeout``'s type: a finite number of seconds above 0."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, got {text!r}")
    return seconds


def connection_options(
    *,
    timeout: float | None = 30.0,
    timeout_help: str = "seconds to wait for the server (default: 30)",
) -> Parser:
    """Options every command that talks to a server takes (placed after the command).

    ``timeout`` is ``--timeout``'s default (``None``: the library's own per operation)."""
    parent = Parser(add_help=False)
    group = parent.add_argument_group("connection")
    group.add_argument(
        "--api-key",
        help="app API key (default: $DIFY_API_KEY, which keeps it out of the process list); "
        "never printed",
    )
    group.add_argument("--base-url", help="API base URL ending in /v1 (default: $DIFY_BASE_URL)")
    group.add_argument("--user", help="end user who owns the conversation (default: $DIFY_USER)")
    group.add_argument(
        "--timeout",
        type=positive_seconds,
        default=timeout,
        metavar="SECONDS",
        help=timeout_help,
    )
    return parent


def build_parser() -> Parser:
    """The argument parser; each command stores its handler as ``handler``."""
    parser = Parser(
        prog="dify-chatflow",
        description=(
            "Work with a Dify chatflow app from a shell: chat, conversations, history,\n"
            "conversation variables, the app's settings, annotations, files and logs."
        ),
        epilog=(
            "examples:\n"
            '  dify-chatflow chat "What can you do?" --user abc-123\n'
            "  dify-chatflow conversations list --user abc-123\n"
            "  dify-chatflow messages list CONVERSATION_ID --user abc-123\n"
            "  dify-chatflow vars list CONVERSATION_ID --user abc-123\n"
            "  dify-chatflow vars set CONVERSATION_ID visits 4\n"
            "  dify-chatflow forms submit FORM_TOKEN --action approve --input comment=ok\n"
            '  dify-chatflow annotations add "Refunds?" "Within 30 days."\n'
            "  dify-chatflow files download FILE_ID -o report.pdf\n"
            "  dify-chatflow logs --status failed --json\n"
            "  dify-chatflow serve --port 8080\n\n" + EXIT_CODES_HELP
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dify-chatflow {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in public_submodules(__name__, __path__):
        module.add_commands(commands)
    return parser


# The library names its own arguments (`user=...`); the command line has options and
# environment variables instead.
_CLI_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (
            r"pass user=\.\.\. to the client or to this call(, or set DIFY_USER)?",
            "pass --user or set DIFY_USER",
        ),
        (r"pass api_key=\.\.\. or set DIFY_API_KEY", "pass --api-key or set DIFY_API_KEY"),
        (r"pass base_url=\.\.\. or set DIFY_BASE_URL", "pass --base-url or set DIFY_BASE_URL"),
        (r"\buser=\.\.\.", "--user (or DIFY_USER)"),
        (r"`user`", "--user"),
        (r"\bapi_key=\.\.\.", "--api-key (or DIFY_API_KEY)"),
        (r"\bbase_url=\.\.\.", "--base-url (or DIFY_BASE_URL)"),
        (r"\bbase_url\b", "--base-url"),
        (r"\bpass strict=False\b", "pass --lenient"),
        (r"\bstrict=False\b", "--lenient"),
    )
)


def in_cli_words(message: str) -> str:
    """A library message with its argument names replaced by the command line's options."""
    for pattern, words in _CLI_WORDS:
        message = pattern.sub(words, message)
    return message


def _one_line(text: str) -> str:
    return " ".join(text.split())


def status_line(exc: APIStatusError) -> str:
    """The line for an error answer: its status, its code when it has one, its message
    (and its hint, in the command line's words)."""
    return in_cli_words(f"server answered {exc}")


def _report(exc: BaseException) -> tuple[str, int]:
    """The line to print for a failure, and the exit code."""
    if isinstance(exc, CommandError):
        return str(exc), exc.exit_code
    if isinstance(exc, APIStatusError):
        return status_line(exc), EXIT_SERVER
    if isinstance(exc, APIError | ResponseDecodeError | UnknownVariableNameError):
        # What the server holds or answers (an error event or a broken stream among them),
        # not what was typed: a server-side outcome.
        return in_cli_words(str(exc)), EXIT_SERVER
    if isinstance(exc, DifyError):  # validation, bad ids, missing configuration
        return in_cli_words(str(exc)), EXIT_USAGE
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}", EXIT_SERVER
    return f"unexpected {type(exc).__name__}: {exc}", EXIT_SERVER


def failure_line(exc: BaseException) -> str:
    """A failure as one line, as the command line reports it (without ``error:``)."""
    return _one_line(_report(exc)[0])


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush at exit cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (e.g. replaced in-process): nothing to do
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (one line on stderr on failure)."""
    try:
        args = build_parser().parse_args(argv)
        handler: Handler = args.handler
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        # The reader went away: a BrokenPipeError, or (a download written to stdout) a
        # LocalFileError with its errno.
        if isinstance(exc, OSError) and (
            isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE
        ):
            _silence_stdout()
            return EXIT_OUTPUT_CLOSED
        line, code = _report(exc)
        print(f"error: {_one_line(line)}", file=sys.stderr)
        return code
