"""``dify-chatflow annotations list|add|update|rm``: the app's annotations from a shell."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .._constants import PAGE_LIMIT
from . import EXIT_CODES_HELP, EXIT_OK, Parser, connection_options
from ._common import add_json_option, open_client, shorten, utc, write_json, write_table

if TYPE_CHECKING:
    from ..types.annotations import Annotation

__all__ = ["add_commands"]

_EPILOG = f"""\
examples:
  dify-chatflow annotations list
  dify-chatflow annotations list --keyword refund --json
  dify-chatflow annotations add "How do refunds work?" "Within 30 days, at the desk."
  dify-chatflow annotations update 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 "Refunds?" "30 days."
  dify-chatflow annotations rm 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 --json

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL

{EXIT_CODES_HELP}"""


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``annotations`` command group."""
    connection = connection_options()
    group = subparsers.add_parser(
        "annotations",
        help="list, add, update and remove the app's annotations",
        description="List, add, update and remove the app's annotations (question / answer "
        "pairs the app can reply with).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="annotations_command", metavar="COMMAND", required=True)

    list_parser = commands.add_parser(
        "list",
        parents=[connection],
        help="show the app's annotations, newest first",
        description="Show the app's annotations (every page, printed as it arrives): a "
        "table, or JSON lines.",
    )
    list_parser.add_argument(
        "--keyword", help="only those whose question or answer contains it (ignoring case)"
    )
    add_json_option(list_parser)
    list_parser.set_defaults(handler=_run_list)

    add_parser = commands.add_parser(
        "add",
        parents=[connection],
        help="add an annotation",
        description="Add an annotation: the QUESTION and the ANSWER the app replies with.",
    )
    add_parser.add_argument("question", metavar="QUESTION")
    add_parser.add_argument("answer", metavar="ANSWER")
    add_json_option(add_parser, "the annotation as JSON")
    add_parser.set_defaults(handler=_run_add)

    update_parser = commands.add_parser(
        "update",
        parents=[connection],
        help="replace an annotation's question and answer",
        description="Replace an annotation's question and answer.",
    )
    update_parser.add_argument("annotation_id", metavar="ANNOTATION_ID")
    update_parser.add_argument("question", metavar="QUESTION")
    update_parser.add_argument("answer", metavar="ANSWER")
    add_json_option(update_parser, "the annotation as JSON")
    update_parser.set_defaults(handler=_run_update)

    rm_parser = commands.add_parser(
        "rm",
        parents=[connection],
        help="remove an annotation",
        description="Remove an annotation for good.",
    )
    rm_parser.add_argument("annotation_id", metavar="ANNOTATION_ID")
    add_json_option(rm_parser, '{"id": ..., "removed": true}')
    rm_parser.set_defaults(handler=_run_rm)


def _run_list(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        # Printed as the pages arrive: what came before a page that fails stays printed.
        annotations = client.annotations.list(keyword=args.keyword or None)
        if args.json:
            write_json(annotations, sys.stdout)
            return EXIT_OK
        rows = (
            (str(a.id), shorten(a.question), shorten(a.answer), str(a.hit_count), utc(a.created_at))
            for a in annotations
        )
        header = ("ID", "QUESTION", "ANSWER", "HITS", "CREATED (UTC)")
        write_table(header, rows, sys.stdout, empty="no annotations", batch=PAGE_LIMIT)
    return EXIT_OK


def _run_add(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        created = client.annotations.create(args.question, args.answer)
    _show(created, args.json)
    return EXIT_OK


def _run_update(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        updated = client.annotations.update(
            args.annotation_id, question=args.question, answer=args.answer
        )
    _show(updated, args.json)
    return EXIT_OK


def _show(annotation: Annotation, as_json: bool) -> None:
    if as_json:
        write_json([annotation], sys.stdout)
    else:
        sys.stdout.write(f"{annotation.id}  {shorten(annotation.question)}\n")


def _run_rm(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        client.annotations.delete(args.annotation_id)
    if args.json:
        write_json([{"id": args.annotation_id, "removed": True}], sys.stdout)
    else:
        sys.stdout.write(f"removed {args.annotation_id}\n")
    return EXIT_OK
