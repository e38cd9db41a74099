"""``dify-chatflow messages list CONVERSATION_ID``: a conversation's history from a shell."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_CODES_HELP, EXIT_OK, Parser, connection_options
from ._common import add_json_option, open_client, shorten, utc, write_json, write_table

__all__ = ["add_commands"]

_EPILOG = f"""\
examples:
  dify-chatflow messages list 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 --user abc-123
  dify-chatflow messages list 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 --json

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL, --user / DIFY_USER

{EXIT_CODES_HELP}"""


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``messages`` command group."""
    group = subparsers.add_parser(
        "messages",
        help="show a conversation's history",
        description="Show the messages of a conversation.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="messages_command", metavar="COMMAND", required=True)
    list_parser = commands.add_parser(
        "list",
        parents=[connection_options()],
        help="show every message of a conversation, oldest first",
        description="Show every message of a conversation, oldest first: a table (query and "
        "answer cut short), or JSON lines with everything.",
    )
    list_parser.add_argument("conversation_id", metavar="CONVERSATION_ID")
    add_json_option(list_parser)
    list_parser.set_defaults(handler=_run_list)


def _run_list(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        messages = client.messages.list(args.conversation_id)
    out = sys.stdout
    if args.json:
        write_json(messages, out)
        return EXIT_OK
    width = 32
    rows = [
        (
            utc(m.created_at),
            str(m.id),
            m.status,
            shorten(m.query, width),
            shorten(m.answer, width),
        )
        for m in messages
    ]
    header = ("CREATED (UTC)", "ID", "STATUS", "QUERY", "ANSWER")
    write_table(header, rows, out, empty="no messages")
    return EXIT_OK
