"""``dify-chatflow serve``: the embedded Dify-compatible server until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from types import FrameType
from typing import Final

from . import EXIT_CODES_HELP, EXIT_OK, EXIT_SERVER, CommandError, Parser

__all__ = ["add_commands", "port_number"]

# The app's conversation variables at their defaults (the ones the README's examples use):
# as in Dify, the app owns them and every new conversation starts with them.
_APP_VARIABLES: Final[tuple[Mapping[str, object], ...]] = (
    {"name": "user_preference", "value_type": "string", "value": "light"},
    {"name": "visits", "value_type": "number", "value": 0},
    {"name": "api_token", "value_type": "secret", "value": ""},
    {"name": "profile", "value_type": "object", "value": {}},
)

_WORD: Final = re.compile(r"\s*\S+\s*|\s+")
_WORD_PAUSE: Final = 0.05  # seconds between words: long enough to see them arrive


def _echo_word_by_word(
    query: str, inputs: Mapping[str, object], conversation: object
) -> Iterator[str]:
    """The app's responder: the query back, one ``message`` event per word."""
    for index, word in enumerate(_WORD.findall(query)):
        if index:
            time.sleep(_WORD_PAUSE)
        yield word


def _description() -> str:
    """What the server is and the app it serves."""
    from ..testing import DEMO_USER

    return f"""\
Serve the Chatflow App API on 127.0.0.1 (for demos and tests) until Ctrl-C or SIGTERM,
which stop it with exit code 0. It answers as Dify 1.16.1 does, or as Dify 1.10.1 with
--dialect 1.10: the same checks, status codes, error bodies, "did you mean" hints and
event streams (one HTTP chunk per event, pings while the app is slow).

the app (its key is --api-key):
  an advanced-chat app (a chatflow) that echoes each query word by word (one message
  event per word). Every new conversation starts with its variables:
    {", ".join(f"{var['name']} ({var['value_type']})" for var in _APP_VARIABLES)}
  Its features are off, as in a new Dify app: files sent with a message are not kept
  (so not previewed), speech to text and text to speech are refused. It has no
  annotations and no workflow logs (a chatflow is never logged there).
  --seed demo (the default) adds user {DEMO_USER}'s "Demo conversation": a variable of
  every type and one finished turn."""


_EPILOG_END: Final = f"""\
point a client at it:
  the base URL it prints (http://HOST:PORT/v1) and the API key, with any user:
    export DIFY_BASE_URL=http://127.0.0.1:8080/v1 DIFY_API_KEY=app-test DIFY_USER=abc-123
    dify-chatflow chat "Hello"
  or, from Python: ChatflowClient(api_key=..., base_url=..., user=...)

faults (cut streams, error events, delays, dropped connections, 429 / 503 answers) are
injected from Python, with dify_chatflow.testing.DifyTestServer.inject_fault.

examples:
  dify-chatflow serve --port 8080 --api-key app-test --seed demo
  dify-chatflow serve --dialect 1.10   # answer as Dify 1.10.1
  dify-chatflow serve --json   # one JSON line: base_url, api_key, user, conversation_id

{EXIT_CODES_HELP}"""


def _routes_help() -> str:
    """Every route the server answers, from its route table."""
    from .._registry import by_name
    from ..testing._endpoints import ROUTE_SPECS

    # Grouped by family (the part of the operation's name before the dot).
    specs = sorted(ROUTE_SPECS, key=lambda spec: spec.operation.partition(".")[0])
    operations = [by_name(spec.operation) for spec in specs]
    width = max(len(operation.path) for operation in operations)
    lines = ["routes (under the base URL; header Authorization: Bearer API_KEY):"]
    for spec, operation in zip(specs, operations, strict=True):
        note = "  (1.16 only)" if spec.new_only else ""
        method = operation.method.upper()
        lines.append(f"  {method:<6} {operation.path:<{width}}  {spec.operation}{note}")
    return "\n".join(lines) + "\n"


class _HelpWithRoutes(argparse.Action):
    """``--help``: what the server is, the options, then every route it answers. Built
    only when asked for, because it reads the server's modules, which no other command
    loads."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: object):
        super().__init__(
            option_strings, dest, nargs=0, help="show this help (every route too) and exit"
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser.description = _description()
        parser.epilog = _routes_help() + "\n" + _EPILOG_END
        parser.print_help()
        parser.exit()


def port_number(text: str) -> int:
    """``--port``'s type: 0 (any free port) to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 0 to 65535, got {text!r}")
    return port


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    """Register ``serve`` on the top-level parser's subparsers."""
    serve = commands.add_parser(
        "serve",
        help="run the embedded Dify-compatible server until Ctrl-C",
        epilog=_EPILOG_END,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    serve.add_argument("-h", "--help", action=_HelpWithRoutes)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=port_number, default=0, help="port (default 0: any free port)"
    )
    serve.add_argument("--api-key", default="app-test", help="API key to accept (default app-test)")
    serve.add_argument(
        "--dialect",
        choices=("1.16", "1.10"),
        default="1.16",
        help="the Dify version to answer as: 1.16 (1.16.1, default) or 1.10 (1.10.1)",
    )
    serve.add_argument(
        "--seed",
        choices=("demo", "none"),
        default="demo",
        help="'demo' adds a conversation with one variable of every type (default)",
    )
    serve.add_argument(
        "--json",
        action="store_true",
        help="print one JSON line {base_url, api_key, user, conversation_id} for scripts "
        "(user and conversation_id are null without the demo seed), nothing else",
    )
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from ..testing import DEMO_USER, DifyTestServer

    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    server = DifyTestServer(
        api_key=args.api_key,
        host=args.host,
        port=args.port,
        seed="demo" if args.seed == "demo" else None,
        dialect=args.dialect,
    )
    server.add_app(args.api_key, variables=_APP_VARIABLES, responder=_echo_word_by_word)
    try:
        server.start()
    except OSError as exc:
        raise CommandError(
            f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}", EXIT_SERVER
        ) from None
    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        conversation_id = server.demo_conversation_id
        user = DEMO_USER if conversation_id is not None else None
        if args.json:
            details = {
                "base_url": server.base_url,
                "api_key": args.api_key,
                "user": user,
                "conversation_id": conversation_id,
            }
            print(json.dumps(details), flush=True)
        else:
            print(f"base URL:        {server.base_url}")
            print(f"API key:         {args.api_key}")
            if conversation_id is not None:
                print(f"user:            {user}")
                print(f"conversation id: {conversation_id}")
            print("serving; press Ctrl-C to stop", flush=True)
        while not stop.wait(timeout=1.0):
            pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not args.json:
        print("stopped", file=sys.stdout, flush=True)
    return EXIT_OK
