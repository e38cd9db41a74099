"""``dify-chatflow conversations list|rename|delete``: a user's conversations from a shell."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_CODES_HELP, EXIT_OK, CommandError, Parser, connection_options
from ._common import add_json_option, open_client, shorten, utc, write_json, write_table

__all__ = ["add_commands"]

_EPILOG = f"""\
examples:
  dify-chatflow conversations list --user abc-123
  dify-chatflow conversations list --sort created_at --json
  dify-chatflow conversations rename 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 "Billing question"
  dify-chatflow conversations rename 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 --auto
  dify-chatflow conversations delete 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL, --user / DIFY_USER

{EXIT_CODES_HELP}"""

_SORTS = ("-updated_at", "updated_at", "-created_at", "created_at")


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``conversations`` command group."""
    connection = connection_options()
    group = subparsers.add_parser(
        "conversations",
        help="list, rename and delete a user's conversations",
        description="List, rename and delete the conversations of one end user.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="conversations_command", metavar="COMMAND", required=True)

    list_parser = commands.add_parser(
        "list",
        parents=[connection],
        help="show the user's conversations, newest first",
        description="Show the user's conversations (every page): a table, or JSON lines.",
    )
    list_parser.add_argument(
        "--sort",
        choices=_SORTS,
        default="-updated_at",
        help="order (default: -updated_at, the most recently active first)",
    )
    add_json_option(list_parser)
    list_parser.set_defaults(handler=_run_list)

    rename_parser = commands.add_parser(
        "rename",
        parents=[connection],
        help="give a conversation a name (or let the server name it)",
        description="Rename a conversation: NAME, or --auto to have the server name it.",
    )
    rename_parser.add_argument("conversation_id", metavar="CONVERSATION_ID")
    rename_parser.add_argument("name", metavar="NAME", nargs="?")
    rename_parser.add_argument(
        "--auto", action="store_true", help="let the server name it from its first message"
    )
    add_json_option(rename_parser, "the renamed conversation as JSON")
    rename_parser.set_defaults(handler=_run_rename)

    delete_parser = commands.add_parser(
        "delete",
        parents=[connection],
        help="delete a conversation",
        description="Delete a conversation (and its history) for good.",
    )
    delete_parser.add_argument("conversation_id", metavar="CONVERSATION_ID")
    delete_parser.set_defaults(handler=_run_delete)


def _run_list(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        conversations = list(client.conversations.list(sort_by=args.sort))
    out = sys.stdout
    if args.json:
        write_json(conversations, out)
        return EXIT_OK
    rows = [
        (str(c.id), shorten(c.name), c.status, utc(c.created_at), utc(c.updated_at))
        for c in conversations
    ]
    header = ("ID", "NAME", "STATUS", "CREATED (UTC)", "UPDATED (UTC)")
    write_table(header, rows, out, empty="no conversations")
    return EXIT_OK


def _run_rename(args: argparse.Namespace) -> int:
    if args.auto and args.name is not None:
        raise CommandError("give NAME or --auto, not both")
    if not args.auto and not args.name:
        raise CommandError("give the new NAME, or --auto to let the server name it")
    with open_client(args) as client:
        renamed = client.conversations.rename(
            args.conversation_id, args.name, auto_generate=args.auto
        )
    if args.json:
        write_json([renamed], sys.stdout)
    else:
        sys.stdout.write(f"{renamed.id}  {renamed.name}\n")
    return EXIT_OK


def _run_delete(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        client.conversations.delete(args.conversation_id)
    sys.stdout.write(f"deleted {args.conversation_id}\n")
    return EXIT_OK
