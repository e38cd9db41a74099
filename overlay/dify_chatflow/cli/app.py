"""``dify-chatflow app info|parameters``: what the app is and which inputs it takes."""

from __future__ import annotations

import argparse
import sys

from . import EXIT_CODES_HELP, EXIT_OK, Parser, connection_options
from ._common import add_json_option, open_client, shorten, write_json, write_table

__all__ = ["add_app_commands"]

_EPILOG = f"""\
examples:
  dify-chatflow app info
  dify-chatflow app parameters
  dify-chatflow app parameters --json | jq '.user_input_form'

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL

{EXIT_CODES_HELP}"""


def add_app_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``app`` command group."""
    connection = connection_options()
    group = subparsers.add_parser(
        "app",
        help="show the app's name, mode and input form",
        description="Show what the API key's app is, and the inputs it takes.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="app_command", metavar="COMMAND", required=True)
    info_parser = commands.add_parser(
        "info",
        parents=[connection],
        help="show the app's name, description, mode and tags",
        description="Show the app's name, description, mode and tags.",
    )
    add_json_option(info_parser, "the app's info as JSON")
    info_parser.set_defaults(handler=_run_info)
    parameters_parser = commands.add_parser(
        "parameters",
        parents=[connection],
        help="show the app's input form and features",
        description="Show the app's input form (one row a field: what chat --inputs takes), "
        "its opening statement and suggested questions. --json prints every setting.",
    )
    add_json_option(parameters_parser, "every setting as one JSON object")
    parameters_parser.set_defaults(handler=_run_parameters)


def _run_info(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        info = client.app.info()
    out = sys.stdout
    if args.json:
        write_json([info], out)
        return EXIT_OK
    rows = [
        ("name", info.name),
        ("description", shorten(info.description, 72)),
        ("mode", info.mode),
        ("tags", ", ".join(info.tags)),
        ("author", info.author_name or ""),
    ]
    write_table(("FIELD", "VALUE"), rows, out, empty="no info")
    return EXIT_OK


def _run_parameters(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        parameters = client.app.parameters()
    out = sys.stdout
    if args.json:
        write_json([parameters], out)
        return EXIT_OK
    rows = [
        (
            field.variable,
            field.control,
            "yes" if field.required else "no",
            shorten(field.label, 32),
            _details(field),
        )
        for field in parameters.user_input_form
    ]
    write_table(("VARIABLE", "TYPE", "REQUIRED", "LABEL", "DETAILS"), rows, out, "no inputs")
    if parameters.opening_statement:
        out.write(f"\nopening statement: {shorten(parameters.opening_statement, 72)}\n")
    for question in parameters.suggested_questions:
        out.write(f"suggested question: {shorten(question, 72)}\n")
    return EXIT_OK


def _details(field: object) -> str:
    """A field's own settings, briefly (maximum length, options, file types)."""
    parts = []
    max_length = getattr(field, "max_length", None)
    if max_length:
        parts.append(f"max {max_length}")
    options = getattr(field, "options", ())
    if options:
        parts.append("one of " + ", ".join(options))
    types = getattr(field, "allowed_file_types", ())
    if types:
        parts.append("files: " + ", ".join(types))
    return shorten("; ".join(parts), 48)
