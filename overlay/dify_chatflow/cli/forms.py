"""``dify-chatflow forms show|submit``: the human input form a paused run waits for.

A chatflow with a Human Input node pauses its run (Dify 1.14+); ``dify-chatflow chat``
then prints the form and its token. ``forms show TOKEN`` prints it again, ``forms submit
TOKEN --action ID --input NAME=VALUE`` answers it and lets the run go on. The submission
is checked against the form first (one more request; ``--no-check`` skips it), so a
wrong action or a missing input exits 2 before anything is sent.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from . import EXIT_CODES_HELP, EXIT_OK, CommandError, Parser, connection_options
from ._common import add_json_option, open_client, utc, write_json

if TYPE_CHECKING:
    from ..types.forms import HumanInputForm, HumanInputRequest

__all__ = ["add_commands", "parse_inputs", "write_form"]

_FORMS_EPILOG = f"""\
examples:
  dify-chatflow forms show oUGa4tKNgQDuhjEwu9pKNQ
  dify-chatflow forms submit oUGa4tKNgQDuhjEwu9pKNQ --action approve --input comment="ship it"

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL, --user / DIFY_USER

{EXIT_CODES_HELP}"""


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``forms`` command group on the top-level parser's subparsers."""
    connection = connection_options()
    forms_parser = subparsers.add_parser(
        "forms",
        help="show and submit the human input form a paused run waits for",
        description=(
            "Show and submit the human input form a paused run waits for (Dify 1.14+).\n"
            "TOKEN is the form token 'dify-chatflow chat' prints when a run pauses."
        ),
        epilog=_FORMS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = forms_parser.add_subparsers(dest="forms_command", metavar="COMMAND", required=True)

    show = commands.add_parser(
        "show",
        parents=[connection],
        help="print a form: its text, inputs and actions",
        description="Print a form: its text, its inputs and the actions that submit it.",
        epilog="example:\n  dify-chatflow forms show oUGa4tKNgQDuhjEwu9pKNQ --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("token", metavar="TOKEN")
    add_json_option(show, "the form as one JSON object")
    show.set_defaults(handler=_run_show)

    submit = commands.add_parser(
        "submit",
        parents=[connection],
        help="submit a form with an action and its inputs; the run goes on",
        description=(
            "Submit a form with the action ID (one of its buttons) and a value for each\n"
            "input (--input NAME=VALUE, repeated); the paused run then goes on. The\n"
            "action and the required inputs are checked against the form first."
        ),
        epilog=("example:\n  dify-chatflow forms submit TOKEN --action approve --input comment=ok"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    submit.add_argument("token", metavar="TOKEN")
    submit.add_argument("--action", required=True, metavar="ID", help="the action (button) id")
    submit.add_argument(
        "--input",
        action="append",
        default=[],
        dest="inputs",
        metavar="NAME=VALUE",
        help="a value for the form's input NAME (repeat for several); VALUE is text",
    )
    submit.add_argument(
        "--no-check",
        action="store_true",
        help="send without fetching the form to check the action and inputs first",
    )
    submit.set_defaults(handler=_run_submit)


def _run_show(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        form = client.forms.get(args.token)
    if args.json:
        write_json([form], sys.stdout)
    else:
        write_form(form, sys.stdout)
    return EXIT_OK


def _run_submit(args: argparse.Namespace) -> int:
    inputs = parse_inputs(args.inputs)  # before any request: a usage error sends nothing
    with open_client(args) as client:
        form = None if args.no_check else client.forms.get(args.token)
        client.forms.submit(args.token, action=args.action, inputs=inputs, form=form)
    print(f"submitted: action {args.action}; the run goes on", file=sys.stdout)
    return EXIT_OK


def parse_inputs(items: Sequence[str]) -> dict[str, str]:
    """``--input NAME=VALUE`` options as a mapping (the last value of a name counts)."""
    inputs: dict[str, str] = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name:
            raise CommandError(f"--input takes NAME=VALUE, got {item[:60]!r}")
        inputs[name] = value
    return inputs


def write_form(form: HumanInputForm | HumanInputRequest, out: TextIO) -> None:
    """A form for a person to read: its text, inputs, actions and expiry."""
    from ..types.forms import HumanInputForm

    content = form.content if isinstance(form, HumanInputForm) else form.form_content
    expires = form.expires_at if isinstance(form, HumanInputForm) else form.expiration_time
    if content:
        out.write(content.rstrip("\n") + "\n")
    defaults = form.resolved_default_values
    for item in form.inputs:
        name = item.output_variable_name
        default = defaults.get(name)  # a default source alone leaves the input required
        shown = "required" if default is None else f"default {default!r}"
        out.write(f"  input  {name} ({item.type}, {shown})\n")
    for action in form.actions:
        title = f" ({action.title})" if action.title != action.id else ""
        out.write(f"  action {action.id}{title}\n")
    if expires is not None:
        out.write(f"  expires {utc(expires)} UTC\n")
