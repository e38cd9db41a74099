"""``dify-chatflow app info|parameters|feedbacks|types``: what the app is, which inputs
it takes and how its answers were rated."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx

from .._constants import PAGE_LIMIT
from . import EXIT_CODES_HELP, EXIT_OK, EXIT_SERVER, CommandError, Parser, connection_options
from ._common import add_json_option, open_client, shorten, utc, write_json, write_table

__all__ = ["add_commands"]

_EPILOG = f"""\
examples:
  dify-chatflow app info
  dify-chatflow app parameters
  dify-chatflow app parameters --json | jq '.user_input_form'
  dify-chatflow app feedbacks --json | jq -r 'select(.rating == "dislike") | .content'
  dify-chatflow app types -o support_inputs.py

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL

{EXIT_CODES_HELP}"""


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``app`` command group."""
    connection = connection_options()
    group = subparsers.add_parser(
        "app",
        help="show the app's name, mode, input form and feedbacks",
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
    feedbacks_parser = commands.add_parser(
        "feedbacks",
        parents=[connection],
        help="show every rating the app's messages got, newest first",
        description="Show every rating the app's messages got, from every end user, newest "
        "first (every page, printed as it arrives): a table, or JSON lines.",
    )
    add_json_option(feedbacks_parser)
    feedbacks_parser.set_defaults(handler=_run_feedbacks)
    types_parser = commands.add_parser(
        "types",
        parents=[connection],
        help="write the app's inputs as a Python TypedDict",
        description="Write a Python module declaring the app's input form as a TypedDict "
        "(one key per input, its type, Required[...] for required ones), so that a type "
        "checker reports a misspelled input, a wrong select option or a missing required "
        "input. Generated again from the same form, the module is byte for byte the same.",
    )
    types_parser.add_argument(
        "--class-name",
        metavar="NAME",
        help="the TypedDict's name (default: the app's name in CamelCase + 'Inputs')",
    )
    types_parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the module to FILE (default: stdout)"
    )
    types_parser.add_argument(
        "--timestamp",
        action="store_true",
        help="record the time of generation in the header (the module then differs each run)",
    )
    types_parser.set_defaults(handler=_run_types)


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


def _run_feedbacks(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        feedbacks = client.app.feedbacks()
        if args.json:
            write_json(feedbacks, sys.stdout)
            return EXIT_OK
        rows = (
            (
                str(f.message_id or "-"),
                f.rating,
                f.from_source,
                shorten(f.content or ""),
                utc(f.created_at),
            )
            for f in feedbacks
        )
        header = ("MESSAGE", "RATING", "FROM", "CONTENT", "CREATED (UTC)")
        write_table(header, rows, sys.stdout, empty="no feedbacks", batch=PAGE_LIMIT)
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


def _run_types(args: argparse.Namespace) -> int:
    from ..codegen import check_class_name, inputs_class_name, render_inputs_module

    if args.class_name is not None:
        check_class_name(args.class_name)  # before any request
    versions: list[str] = []

    def note_version(response: httpx.Response) -> None:
        # Dify names its version in an X-Version header on every answer.
        if response.request.url.path.endswith("/parameters"):
            versions.append(response.headers.get("x-version", ""))

    with open_client(args) as client:
        client.http_client.event_hooks["response"].append(note_version)
        info = client.app.info()
        parameters = client.app.parameters()
    class_name = args.class_name or inputs_class_name(info.name)
    module = render_inputs_module(
        parameters,
        class_name,
        app_name=info.name,
        dify_version=versions[-1] if versions else None,
        generated_at=datetime.now(UTC) if args.timestamp else None,
    )
    if args.output is None:
        sys.stdout.write(module)
        return EXIT_OK
    try:
        Path(args.output).write_text(module, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise CommandError(
            f"cannot write {args.output}: {exc.strerror or exc}", exit_code=EXIT_SERVER
        ) from exc
    sys.stdout.write(f"wrote {class_name} to {args.output}\n")
    return EXIT_OK
