"""``dify-chatflow logs``: the app's workflow logs (runs of a workflow-mode app)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from . import EXIT_CODES_HELP, EXIT_OK, Parser, connection_options
from ._common import add_json_option, open_client, utc, write_json, write_table

__all__ = ["add_commands"]

_EPILOG = f"""\
examples:
  dify-chatflow logs
  dify-chatflow logs --status failed --after 2026-12-01 --json
  dify-chatflow logs --session abc-123 --before 2026-12-05T18:00:00+01:00

Only workflow-mode apps' runs are logged: a chatflow app's list is always empty (see
`dify-chatflow messages list` for its turns). Times without an offset are UTC.

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL

{EXIT_CODES_HELP}"""

_STATUSES = ("succeeded", "failed", "stopped")


def _iso_time(text: str) -> dt.datetime:
    """``--after`` / ``--before``'s type: ISO 8601, UTC when it names no offset."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be an ISO 8601 date or time (e.g. 2026-12-05T18:00:00Z), got {text!r}"
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``logs`` command."""
    parser = subparsers.add_parser(
        "logs",
        parents=[connection_options()],
        help="show the app's workflow logs, newest first",
        description="Show the app's workflow logs (every page): a table, or JSON lines.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--status", choices=_STATUSES, help="only runs that ended so")
    parser.add_argument("--keyword", help="only runs whose inputs or outputs contain it")
    parser.add_argument("--after", type=_iso_time, metavar="TIME", help="created at or after")
    parser.add_argument("--before", type=_iso_time, metavar="TIME", help="created at or before")
    parser.add_argument(
        "--session", metavar="USER", help="only runs started by this end user (its user id)"
    )
    add_json_option(parser)
    parser.set_defaults(handler=_run_logs)


def _run_logs(args: argparse.Namespace) -> int:
    with open_client(args) as client:
        logs = list(
            client.workflows.logs(
                status=args.status,
                keyword=args.keyword or None,
                created_after=args.after,
                created_before=args.before,
                end_user_session_id=args.session or None,
            )
        )
    if args.json:
        write_json(logs, sys.stdout)
        return EXIT_OK
    rows = []
    for log in logs:
        run = log.workflow_run
        user = log.created_by_end_user
        rows.append(
            (
                str(log.id),
                (run.status or "-") if run is not None else "-",
                f"{run.elapsed_time:.2f}s" if run is not None and run.elapsed_time else "-",
                (user.session_id or "-") if user is not None else "-",
                utc(log.created_at),
            )
        )
    header = ("ID", "STATUS", "ELAPSED", "USER", "CREATED (UTC)")
    write_table(header, rows, sys.stdout, empty="no workflow logs")
    return EXIT_OK
