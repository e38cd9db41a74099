"""Run mypy --strict (the project's settings) on sample files, as the tests of typing do.

A sample marks each line mypy must report with ``# error: <code>``; :func:`marked_errors`
reads the marks and :func:`mypy_errors` what mypy reported, both as ``{(line, code)}``.
A line with ``reveal_type(...)`` marked ``# revealed: <type>`` is read by
:func:`marked_reveals`, and :func:`mypy_reports` gives what mypy revealed beside the errors.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

__all__ = ["Report", "marked_errors", "marked_reveals", "mypy_errors", "mypy_reports"]

Report = dict[str, set[tuple[int, str]]]
"""Errors mypy reports per sample file, as ``{(line, code)}``."""

_MARK = re.compile(r"#\s*error:\s*([\w-]+)")
_REPORTED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[\w-]+)\]$")
_REVEAL_MARK = re.compile(r"#\s*revealed:\s*(.+)$")
_REVEALED = re.compile(r'^(?P<file>[^:]+):(?P<line>\d+): note: Revealed type is "(?P<type>.+)"$')


def marked_errors(source: str) -> set[tuple[int, str]]:
    """The ``(line, code)`` of every line marked ``# error: <code>``."""
    return {
        (number, mark.group(1))
        for number, line in enumerate(source.splitlines(), start=1)
        if (mark := _MARK.search(line))
    }


def marked_reveals(source: str) -> set[tuple[int, str]]:
    """The ``(line, type)`` of every line marked ``# revealed: <type>``."""
    return {
        (number, mark.group(1).strip())
        for number, line in enumerate(source.splitlines(), start=1)
        if (mark := _REVEAL_MARK.search(line))
    }


def mypy_errors(folder: Path, files: list[str], config: Path) -> Report:
    """What mypy (with the settings in ``config``) reports for ``files`` in ``folder``:
    an entry per file given, empty when it passes."""
    errors, _ = mypy_reports(folder, files, config)
    return errors


def mypy_reports(folder: Path, files: list[str], config: Path) -> tuple[Report, Report]:
    """The errors (as :func:`mypy_errors` gives them) and the revealed types, as
    ``{(line, type)}`` per file, mypy reports for ``files`` in ``folder``."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--show-error-codes",
            "--no-error-summary",
            "--no-pretty",
            *files,
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=240,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr  # 2: mypy itself failed
    report: Report = {name: set() for name in files}
    revealed: Report = {name: set() for name in files}
    for line in result.stdout.splitlines():
        if found := _REPORTED.match(line):
            report.setdefault(found["file"], set()).add((int(found["line"]), found["code"]))
        elif shown := _REVEALED.match(line):
            revealed.setdefault(shown["file"], set()).add((int(shown["line"]), shown["type"]))
    return report, revealed
