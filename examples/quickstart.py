"""Quickstart: list, read and update a conversation's variables with dify-chatflow.

By default this starts the embedded Dify-compatible server on 127.0.0.1 with a demo
conversation. With DIFY_BASE_URL, DIFY_API_KEY, DIFY_USER and DIFY_CONVERSATION_ID set, it
lists that conversation's variables on your own Dify server instead (read-only).

    python examples/quickstart.py
"""

from __future__ import annotations

import os
import sys
from typing import Any

from dify_chatflow import (
    ChatflowClient,
    ConversationNotFoundError,
    ConversationVariable,
    VariableValueError,
)

# One new value for every type the server lets a client update.
NEW_VALUES: dict[str, Any] = {
    "user_preference": "light",
    "visits": 4,
    "ratio": 0.75,
    "api_token": "s3cr3t-rotated",
    "is_vip": True,
    "profile": {"city": "Nantes", "tags": ["vip"], "score": 9.5},
    "topics": ["billing", "returns"],
    "scores": [4, 4.5],
    "history": [{"turn": 1}, {"turn": 2}],
    "flags": [False, True],
}


def shown(variable: ConversationVariable) -> str:
    """The value as a table cell: secrets hidden, long values cut."""
    if variable.is_secret:
        return "<secret: hidden>"
    text = repr(variable.value)
    return text if len(text) <= 44 else text[:41] + "..."


def print_table(title: str, variables: list[ConversationVariable]) -> None:
    print(f"\n{title}")
    print(f"  {'name':<16} {'type':<16} {'python type':<12} value")
    print(f"  {'-' * 16} {'-' * 16} {'-' * 12} {'-' * 44}")
    for var in variables:
        kind = f" ({var.number_kind})" if var.number_kind else ""
        type_name = type(var.value).__name__
        print(f"  {var.name:<16} {var.value_type.value + kind:<16} {type_name:<12} {shown(var)}")


def demo(client: ChatflowClient, conversation_id: str, server: Any) -> None:
    print_table("Variables of the demo conversation:", client.variables.list(conversation_id))

    updated = [
        client.variables.set(conversation_id, name, value) for name, value in NEW_VALUES.items()
    ]
    print_table("After setting one variable of every updatable type:", updated)

    sent_before = len(server.requests)
    try:
        client.variables.set(conversation_id, "visits", 5.0)
    except VariableValueError as error:
        print("\nA mismatch is caught before anything is sent:")
        print(f"  VariableValueError: {error}")
    else:
        raise SystemExit("expected 5.0 for an integer-stored variable to be refused")
    # set() looked the variable up (one GET) but sent no update.
    updates_sent = [r for r in server.requests[sent_before:] if r.method == "PUT"]
    print(f"  updates the server received: {len(updates_sent)}")

    try:
        client.variables.list(conversation_id, user="someone-else")
    except ConversationNotFoundError as error:
        print("\nA server-side error becomes a typed exception:")
        print(f"  {type(error).__name__}: status={error.status_code} code={error.code!r}")
        print(f"  message={error.message!r}")
    else:
        raise SystemExit("expected another user's view of the conversation to be refused")


def against_your_server() -> int:
    conversation_id = os.environ["DIFY_CONVERSATION_ID"]
    with ChatflowClient(user=os.environ.get("DIFY_USER")) as client:
        print_table(f"Variables of {conversation_id}:", client.variables.list(conversation_id))
    return 0


def main() -> int:
    if os.environ.get("DIFY_BASE_URL") and os.environ.get("DIFY_CONVERSATION_ID"):
        return against_your_server()

    from dify_chatflow.testing import DEMO_USER, DifyTestServer

    with DifyTestServer(api_key="app-demo", seed="demo") as server:
        assert server.demo_conversation_id is not None
        print(f"Embedded Dify-compatible server at {server.base_url}")
        with ChatflowClient(api_key="app-demo", base_url=server.base_url, user=DEMO_USER) as client:
            print(f"Client: {client!r}")
            demo(client, server.demo_conversation_id, server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
