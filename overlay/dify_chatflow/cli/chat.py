"""``dify-chatflow chat QUERY``: send a message from a shell, print the answer as it streams.

The answer goes to stdout as it arrives (``--json``: every event as a JSON line), the
conversation's id to stderr once the turn ended, so ``--conversation`` can continue it.
A server refusal, an ``error`` event or a broken stream is one line on stderr and exit
code 1; a bad option, id or ``--inputs`` exits 2 before anything is sent. Ctrl-C while
the answer streams stops the turn on the server (so it stops running and billing its
models), prints the conversation's id and exits 130.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import (
    EXIT_CODES_HELP,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandError,
    Parser,
    connection_options,
    failure_line,
)
from ._common import open_client

if TYPE_CHECKING:
    from .._client import ChatflowClient
    from .._streaming import ChatStream
    from ..types.chat import ChatReply
    from ..types.events import ChatEvent

__all__ = ["add_commands", "run_chat", "show_paused"]

_CHAT_EPILOG = f"""\
examples:
  dify-chatflow chat "What can you do?" --user abc-123
  dify-chatflow chat "And then?" --conversation 6f1c2e9a-0b7d-4c1e-9a55-2f6f0e4c8b11
  dify-chatflow chat "Summarise this" --file report.pdf --inputs '{{"language": "en"}}'
  dify-chatflow chat "Hi" --json | jq -c 'select(.event == "node_finished")'

configuration: --api-key / DIFY_API_KEY, --base-url / DIFY_BASE_URL, --user / DIFY_USER

Ctrl-C while the answer streams asks the server to stop the turn, prints the
conversation's id on stderr and exits 130.

{EXIT_CODES_HELP}"""

_TIMEOUT_HELP = (
    "streaming: the longest silence allowed between two events (default: 60); "
    "--blocking: seconds to wait for the whole answer (default: 600)"
)


def add_commands(subparsers: argparse._SubParsersAction[Parser]) -> None:
    """Register the ``chat`` command on the top-level parser's subparsers."""
    parser = subparsers.add_parser(
        "chat",
        parents=[connection_options(timeout=None, timeout_help=_TIMEOUT_HELP)],
        help="send a message and print the answer as it streams",
        description=(
            "Send QUERY to the chatflow and print the answer as it streams, then the\n"
            "conversation's id on stderr (pass it to --conversation to continue)."
        ),
        epilog=_CHAT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="QUERY", help="the message")
    parser.add_argument(
        "--conversation", metavar="ID", help="continue this conversation (default: start one)"
    )
    parser.add_argument(
        "--inputs",
        metavar="JSON",
        help="the app's inputs, a JSON object (a new conversation keeps them)",
    )
    parser.add_argument(
        "--file",
        metavar="PATH",
        action="append",
        default=[],
        dest="files",
        help="upload this file and send it with the message (repeat for several)",
    )
    parser.add_argument(
        "--blocking", action="store_true", help="wait for the whole answer instead of streaming"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print every event as a JSON line (with --blocking: the reply as one JSON object)",
    )
    parser.set_defaults(handler=run_chat)


def run_chat(args: argparse.Namespace) -> int:
    """The ``chat`` command: everything typed is checked before the first request."""
    inputs = _inputs(args.inputs)
    conversation = _conversation_id(args.conversation)
    paths = [_readable(path) for path in args.files]
    with open_client(args, timeout=None) as client:
        files = [client.files.upload(path) for path in paths] or None
        options: dict[str, Any] = {
            "conversation_id": conversation,
            "inputs": inputs,
            "files": files,
        }
        if args.timeout is not None:
            options["timeout"] = args.timeout
        turn = _StreamedTurn(client, args, options)
        try:
            if args.blocking:
                reply = client.chat.send(args.query, **options)
                _show_reply(reply, args.json, sys.stdout)
            else:
                reply = turn.read(sys.stdout)
        except KeyboardInterrupt:
            return _interrupted(turn.stream, sys.stderr)
        if reply.paused is not None:
            show_paused(client, reply, sys.stdout, sys.stderr, as_json=args.json)
            return EXIT_OK
    print(f"conversation: {reply.conversation_id}", file=sys.stderr)
    return EXIT_OK


class _StreamedTurn:
    """One streamed turn; :attr:`stream` is there once the answer started (for Ctrl-C)."""

    def __init__(
        self, client: ChatflowClient, args: argparse.Namespace, options: dict[str, Any]
    ) -> None:
        self._client = client
        self._args = args
        self._options = options
        self.stream: ChatStream | None = None

    def read(self, out: TextIO) -> ChatReply:
        """Print the turn as it streams; its reply."""
        printer = _AnswerPrinter(out, as_json=self._args.json)
        with self._client.chat.stream(self._args.query, **self._options) as stream:
            self.stream = stream
            try:
                for event in stream:
                    printer.show(event)
            finally:
                printer.end()
            return stream.final_reply()


def _interrupted(stream: ChatStream | None, err: TextIO) -> int:
    """Ctrl-C during a turn: stop it on the server when its task is known (the id comes
    with the stream's first events), and say how to go on. Another Ctrl-C while the
    stop request is under way leaves it (the command's interruption handling ends it)."""
    if stream is None or stream.task_id is None:
        err.write("interrupted before the server named the turn's task: no stop request sent\n")
        return EXIT_INTERRUPTED
    # The conversation first: it is what the user needs to go on, even if the stop fails.
    err.write(f"interrupted: stopping the turn (task {stream.task_id})\n")
    err.write(f"conversation: {stream.conversation_id}\n")
    err.flush()
    try:
        stream.stop()
    except Exception as exc:
        err.write(f"error: the stop request failed: {failure_line(exc)}\n")
    return EXIT_INTERRUPTED


def show_paused(
    client: ChatflowClient, reply: ChatReply, out: TextIO, err: TextIO, *, as_json: bool
) -> None:
    """A run that paused for human input (not an error: exit 0): each waiting form on
    ``out`` (not with ``--json``: the events or the reply hold it), its token and how to
    submit it on ``err``, then the conversation."""
    from .forms import write_form

    pause = reply.paused
    assert pause is not None
    for request in pause.forms:
        # A blocking answer names the form only: fetch it for its text and actions.
        form = request if request.actions else client.forms.get(request.form_token)
        if not as_json:
            out.write("\n")
            write_form(form, out)
        err.write(
            f"paused: the run waits for human input (form token: {request.form_token})\n"
            f"submit it: dify-chatflow forms submit {request.form_token} --action ID "
            "[--input NAME=VALUE]...\n"
        )
    if not pause.forms:
        nodes = ", ".join(pause.paused_nodes) or "a node"
        err.write(f"paused: the run waits at {nodes}\n")
    err.write(f"conversation: {reply.conversation_id}\n")


class _AnswerPrinter:
    """Writes the answer's text as it arrives, or every event as a JSON line."""

    def __init__(self, out: TextIO, *, as_json: bool) -> None:
        self._out = out
        self._as_json = as_json
        self._open_line = False  # text written, no newline after it yet

    def show(self, event: ChatEvent) -> None:
        from ..types.events import AgentMessageEvent, MessageEvent, MessageReplaceEvent

        out = self._out
        if self._as_json:
            record = event.raw or {"event": event.event}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif isinstance(event, MessageEvent | AgentMessageEvent):
            if not event.answer:
                return
            # Marked before writing: a Ctrl-C during the write still ends the line.
            self._open_line = not event.answer.endswith("\n")
            out.write(event.answer)
        elif isinstance(event, MessageReplaceEvent):
            # Text already printed cannot be taken back: say so, then print the new answer.
            self.end()
            reason = f": {event.reason}" if event.reason else ""
            self._open_line = bool(event.answer) and not event.answer.endswith("\n")
            out.write(f"[the answer was replaced{reason}]\n{event.answer}")
        else:
            return
        out.flush()

    def end(self) -> None:
        """End the answer's last line (before an error line, or at the end)."""
        if self._open_line:
            self._out.write("\n")
            self._out.flush()
            self._open_line = False


def _show_reply(reply: ChatReply, as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(reply.to_json() + "\n")
    else:
        out.write(reply.answer if reply.answer.endswith("\n") else reply.answer + "\n")


def _inputs(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        inputs = json.loads(text)
    except ValueError as exc:
        raise CommandError(f"--inputs must be a JSON object; could not read it: {exc}") from None
    if not isinstance(inputs, dict):
        raise CommandError(f"--inputs must be a JSON object, got {type(inputs).__name__}")
    return inputs


def _conversation_id(text: str | None) -> uuid.UUID | None:
    if text is None:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        raise CommandError(
            f"--conversation must be a conversation id (a UUID), got {text[:60]!r}"
        ) from None


def _readable(path: str) -> Path:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"--file {path!r} is not a readable file")
    return file
