"""Quickstart: a whole chatflow conversation with dify-chatflow.

By default this starts the embedded Dify-compatible server on 127.0.0.1 with a chatflow
app that streams its answers word by word and keeps conversation variables, then:
sends a message, streams a reply token by token, reads and sets the conversation's
variables, lists conversations and the history, sends a file and previews it, adds an
annotation and finds it, and shows two refusals (one caught before anything is sent, one
the server's, as a typed exception).

With DIFY_BASE_URL, DIFY_API_KEY and DIFY_USER set, it sends one message to your own Dify
chatflow app instead and streams the answer.

    python examples/quickstart.py
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Mapping
from typing import Any

from dify_chatflow import (
    ChatflowClient,
    ConversationNotFoundError,
    ConversationVariable,
    InputValidationError,
    VariableValueError,
)
from dify_chatflow.codegen import render_inputs_module

VARIABLES: list[dict[str, object]] = [
    {"name": "user_preference", "value_type": "string", "value": "dark"},
    {"name": "visits", "value_type": "number", "value": 0},
    {"name": "ratio", "value_type": "number", "value": 0.5},
    {"name": "api_token", "value_type": "secret", "value": "s3cr3t-demo-token"},
    {"name": "is_vip", "value_type": "boolean", "value": False},
    {"name": "profile", "value_type": "object", "value": {"city": "Lyon"}},
    {"name": "topics", "value_type": "array[string]", "value": []},
]
# The Start node's inputs (all optional, so a plain message needs none).
INPUT_FORM: list[dict[str, object]] = [
    {"text-input": {"variable": "topic", "label": "Topic", "max_length": 48}},
    {"select": {"variable": "tone", "label": "Tone", "options": ["formal", "casual"]}},
]
# One new value for every type above.
NEW_VALUES: dict[str, Any] = {
    "user_preference": "light",
    "visits": 2,
    "ratio": 0.75,
    "api_token": "s3cr3t-rotated",
    "is_vip": True,
    "profile": {"city": "Nantes", "tags": ["vip"], "score": 9.5},
    "topics": ["billing", "returns"],
}


def word_by_word(query: str, inputs: Mapping[str, Any], conversation: Any) -> Iterator[str]:
    """A chatflow whose LLM node streams its answer in small pieces."""
    answer = f"You said: {query}. Here is a reply that arrives one word at a time."
    for word in answer.split(" "):
        time.sleep(0.03)
        yield word + " "


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


def demo(client: ChatflowClient, server: Any) -> None:
    reply = client.chat.send("Hello, Dify")
    conversation_id = reply.conversation_id
    print("\nA blocking message starts a conversation:")
    print(f"  answer:          {reply.answer.strip()!r}")
    print(f"  conversation_id: {conversation_id}")
    print(f"  message_id:      {reply.message_id}")

    print("\nA streamed reply, token by token:\n  ", end="")
    with client.chat.stream("And what next?", conversation_id=conversation_id) as stream:
        for text in stream.text_deltas():
            print(text, end="", flush=True)
        final = stream.final_reply()
    print(f"\n  ({len(final.answer)} characters, message {final.message_id})")

    parameters = client.app.parameters()
    module = render_inputs_module(parameters, "DemoInputs")
    print("\nThe app's inputs as a TypedDict (`dify-chatflow app types` writes the module):")
    for line in module[module.index("class ") :].splitlines():
        print(f"  {line}".rstrip())
    try:
        client.chat.send("Hi", inputs={"tpoic": "billing"}, parameters=parameters)
    except InputValidationError as error:
        print(f"  a misspelled input, caught before sending: {error}")

    print_table("The conversation's variables:", client.variables.list(conversation_id))
    updated = [
        client.variables.set(conversation_id, name, value) for name, value in NEW_VALUES.items()
    ]
    print_table("After setting one variable of every updatable type:", updated)

    print("\nThe user's conversations:")
    for conversation in client.conversations.list():
        print(f"  {conversation.id}  {conversation.name!r}  updated {conversation.updated_at}")
    print("\nIts history, oldest first:")
    for message in client.messages.list(conversation_id):
        print(f"  Q: {message.query!r}\n  A: {message.answer.strip()[:60]!r}")

    uploaded = client.files.upload(b"Opening hours: 9 to 5.\n", filename="hours.txt")
    client.chat.send("Read the attached file", files=[uploaded], conversation_id=conversation_id)
    preview = client.files.preview(uploaded.id)
    print("\nA file sent with a message, previewed:")
    print(f"  {uploaded.name}: {preview.mime_type}, {preview.size} bytes")
    print(f"  content: {preview.content.decode(preview.charset or 'utf-8').strip()!r}")

    note = client.annotations.create("When are you open?", "From 9 to 5, Monday to Friday.")
    found = [a.question for a in client.annotations.list(keyword="open")]
    print("\nAn annotation the app can reply with:")
    print(f"  {note.id}  Q: {note.question!r}  A: {note.answer!r}")
    print(f"  annotations matching 'open': {found}")

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
    if updates_sent:
        raise SystemExit("the refused value reached the server")

    try:
        client.messages.list(conversation_id, user="someone-else")
    except ConversationNotFoundError as error:
        print("\nA server-side error becomes a typed exception:")
        print(f"  {type(error).__name__}: status={error.status_code} code={error.code!r}")
        print(f"  message={error.message!r}")
    else:
        raise SystemExit("expected another user's view of the conversation to be refused")


def against_your_server() -> int:
    with ChatflowClient() as client, client.chat.stream("Hello from dify-chatflow") as stream:
        for text in stream.text_deltas():
            print(text, end="", flush=True)
        print(f"\nconversation: {stream.final_reply().conversation_id}")
    return 0


def main() -> int:
    if os.environ.get("DIFY_BASE_URL") and os.environ.get("DIFY_API_KEY"):
        return against_your_server()

    from dify_chatflow.testing import DifyTestServer

    with DifyTestServer(api_key="app-demo") as server:
        server.add_app(
            "app-demo",
            variables=VARIABLES,
            responder=word_by_word,
            user_input_form=INPUT_FORM,
            file_upload=True,
        )
        print(f"Embedded Dify-compatible server at {server.base_url} (Dify {server.dialect})")
        with ChatflowClient(
            api_key="app-demo", base_url=server.base_url, user="demo-user"
        ) as client:
            print(f"Client: {client!r}")
            demo(client, server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
