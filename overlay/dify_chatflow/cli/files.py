"""``dify-chatflow files download``: a file sent in a message of the app, to disk."""

from __future__ import annotations

import argparse
import os
import sys

from . import EXIT_CODES_HELP, EXIT_OK, CommandError, Parser, connection_options
from ._common import open_client

__all__ = ["add_commands"]

_EPILOG = f"""\
examples:
  dify-chatflow files download 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 -o report.pdf
  dify-chatflow files download 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11 > report.pdf

Dify serves only files attached to a message of the app (sent with a chat message).

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL, --user / DIFY_USER

{EXIT_CODES_HELP}"""


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``files`` command group."""
    group = subparsers.add_parser(
        "files",
        help="download a file sent in a message of the app",
        description="Files sent in the app's messages.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="files_command", metavar="COMMAND", required=True)
    download_parser = commands.add_parser(
        "download",
        parents=[
            connection_options(
                timeout=None,
                timeout_help="seconds to wait for each piece of the file (default: the library's)",
            )
        ],
        help="write a file to disk as it arrives",
        description="Write a file sent in a message of the app to PATH (or standard output) "
        "as it arrives; a transfer that breaks leaves no partial file at PATH.",
    )
    download_parser.add_argument("file_id", metavar="FILE_ID")
    download_parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        default="-",
        help="where to write it (default: standard output, unless it is a terminal)",
    )
    download_parser.set_defaults(handler=_run_download)


def _run_download(args: argparse.Namespace) -> int:
    to_stdout = args.output == "-"
    if to_stdout and sys.stdout.isatty():
        raise CommandError("standard output is a terminal: give -o PATH to save the file")
    with open_client(args) as client:
        if to_stdout:
            sys.stdout.flush()
            client.files.download(args.file_id, sys.stdout.buffer)
            return EXIT_OK
        written = client.files.download(args.file_id, args.output)
    size = os.path.getsize(written)
    sys.stdout.write(f"saved {args.file_id} to {written} ({size} bytes)\n")
    return EXIT_OK
