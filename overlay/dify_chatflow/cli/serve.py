"""``dify-chatflow serve``: the embedded Dify-compatible server until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from types import FrameType

from . import EXIT_CODES_HELP, EXIT_OK, EXIT_SERVER, CommandError, Parser

__all__ = ["add_serve_command", "port_number"]

_EPILOG = f"""\
examples:
  dify-chatflow serve --port 8080 --api-key app-test --seed demo
  dify-chatflow serve --json   # one JSON line: base_url, api_key, user, conversation_id

{EXIT_CODES_HELP}"""


def port_number(text: str) -> int:
    """``--port``'s type: 0 (any free port) to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 0 to 65535, got {text!r}")
    return port


def add_serve_command(commands: argparse._SubParsersAction[Parser]) -> None:
    """Register ``serve`` on the top-level parser's subparsers."""
    serve = commands.add_parser(
        "serve",
        help="run the embedded Dify-compatible server until Ctrl-C",
        description=(
            "Serve the conversation-variable API on 127.0.0.1 (for demos and tests) until\n"
            "Ctrl-C or SIGTERM, which stop it with exit code 0."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=port_number, default=0, help="port (default 0: any free port)"
    )
    serve.add_argument("--api-key", default="app-test", help="API key to accept (default app-test)")
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
    )
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
