"""What the client-backed command groups share: the client built from the options, the
``--json`` option, tables and JSON lines of the package's models."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from .._models import json_ready
from .._types import NOT_GIVEN, NotGiven

if TYPE_CHECKING:
    from .._client import ChatflowClient

__all__ = ["add_json_option", "open_client", "shorten", "write_json", "write_table"]

#: The widest a free-text cell gets in a table (the whole text is in ``--json``).
CELL_WIDTH = 48


@contextmanager
def open_client(
    args: argparse.Namespace, *, timeout: float | NotGiven | None = NOT_GIVEN
) -> Iterator[ChatflowClient]:
    """A client from the connection options, closed afterwards. ``timeout`` replaces
    ``--timeout`` (``NOT_GIVEN``: use ``--timeout``; ``None``: the library's defaults)."""
    from .. import ChatflowClient  # loaded only for the commands that need it

    chosen = args.timeout if isinstance(timeout, NotGiven) else timeout
    with ChatflowClient(
        api_key=args.api_key,
        base_url=args.base_url,
        user=args.user or os.environ.get("DIFY_USER") or None,
        timeout=NOT_GIVEN if chosen is None else chosen,
    ) as client:
        yield client


def add_json_option(parser: argparse.ArgumentParser, what: str = "one JSON object a line") -> None:
    """The ``--json`` flag: machine-readable output instead of a table."""
    parser.add_argument("--json", action="store_true", help=f"print {what} instead of a table")


def write_json(records: Iterable[Any], out: TextIO) -> None:
    """One JSON object a line (models turned by :func:`json_ready`)."""
    for record in records:
        out.write(json.dumps(json_ready(record), ensure_ascii=False) + "\n")


def write_table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    out: TextIO,
    empty: str,
    *,
    batch: int | None = None,
) -> None:
    """Columns padded to their widest cell; ``empty`` when there is no row.

    With ``batch`` the rows are read and printed ``batch`` at a time (a listing's pages,
    printed as they arrive), padded to the widest cells of the first batch: a wider cell
    later pushes the rest of its row to the right.
    """
    remaining = iter(rows)
    first = [tuple(header), *map(tuple, itertools.islice(remaining, batch))]
    widths = [max(len(row[i]) for row in first) for i in range(len(header) - 1)]
    chunk = first
    while chunk:
        for row in chunk:
            cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
            out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
        out.flush()  # a reader of a pipe sees each page as it arrives
        chunk = list(map(tuple, itertools.islice(remaining, batch))) if batch else []
    if len(first) == 1:
        out.write(f"({empty})\n")


def shorten(text: str, width: int = CELL_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def utc(moment: dt.datetime) -> str:
    """A table's timestamp: UTC, to the second."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
