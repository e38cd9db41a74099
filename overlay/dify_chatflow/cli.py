"""The ``dify-chatflow`` console command.

Subcommands:
    serve   run the embedded Dify-compatible server until Ctrl-C
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType

__all__ = ["build_parser", "main"]

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; each subcommand stores its handler as ``handler``."""
    parser = argparse.ArgumentParser(
        prog="dify-chatflow",
        description="Work with Dify chatflow conversation variables.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_serve(commands)
    return parser


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the embedded Dify-compatible server until Ctrl-C",
        description="Serve the conversation-variable API on 127.0.0.1 (for demos and tests).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    serve.add_argument("--api-key", default="app-test", help="API key to accept (default app-test)")
    serve.add_argument(
        "--seed",
        choices=("demo", "none"),
        default="demo",
        help="'demo' adds a conversation with one variable of every type (default)",
    )
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    from .testing import DifyTestServer

    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = DifyTestServer(
        api_key=args.api_key,
        host=args.host,
        port=args.port,
        seed="demo" if args.seed == "demo" else None,
    )
    try:
        server.start()
        print(f"base URL:        {server.base_url}")
        print(f"API key:         {args.api_key}")
        if server.demo_conversation_id is not None:
            from .testing import DEMO_USER

            print(f"user:            {DEMO_USER}")
            print(f"conversation id: {server.demo_conversation_id}")
        print("serving; press Ctrl-C to stop", flush=True)
        while not stop.wait(timeout=1.0):
            pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("stopped", flush=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
