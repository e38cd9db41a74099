"""``GET /conversations``, ``POST /conversations/{id}/name``, ``DELETE /conversations/{id}``."""

from __future__ import annotations

from typing import Final

from .._context import (
    JSON,
    Call,
    Checks,
    Reply,
    error,
    internal_error,
    json_reply,
    parse_limit,
    parse_uuid,
)
from .._store import ConversationSnapshot, LastIdNotFound
from ._spec import RouteSpec
from .chat import conversation_name

__all__ = ["ROUTES", "conversation_body"]

_SORTS: Final = ("created_at", "-created_at", "updated_at", "-updated_at")


def conversation_body(conv: ConversationSnapshot) -> dict[str, object]:
    """A conversation as Dify marshals it."""
    return {
        "id": conv.id,
        "name": conv.name,
        "inputs": dict(conv.inputs),
        "status": "normal",
        "introduction": "",
        "created_at": conv.created_at,
        "updated_at": conv.updated_at,
    }


def list_conversations(call: Call) -> Reply:
    app = call.chat_app()
    user = call.query_user()
    checks = Checks("ConversationListQuery")
    help_text = "Last conversation ID for pagination"
    last_id = parse_uuid(checks, "last_id", call.query.get("last_id"), help_text=help_text)
    limit = parse_limit(
        checks, call.query.get("limit"), help_text="Number of conversations to return"
    )
    sort_by = call.query.get("sort_by", "-updated_at")
    if sort_by not in _SORTS:
        text = "Input should be 'created_at', '-created_at', 'updated_at' or '-updated_at'"
        checks.fail_pydantic("sort_by", text, "literal_error", sort_by)
        choice = f"The value '{sort_by}' is not a valid choice for 'sort_by'."
        checks.fail_restx("sort_by", "Sort order for conversations", choice)
    call.check(checks)
    try:
        rows, has_more = call.store.conversation_page(
            app.api_key,
            user,
            last_id=last_id,
            limit=limit,
            sort_by=sort_by,
            paging_flaw=call.options.paging_flaw,
        )
    except LastIdNotFound:
        raise call.not_found("Last Conversation Not Exists.", hint=True) from None
    data = [conversation_body(conv) for conv in rows]
    return json_reply(200, {"limit": limit, "has_more": has_more, "data": data})


def rename_conversation(call: Call) -> Reply:
    call.app()
    payload = call.json()
    user = call.body_user()
    call.chat_app()
    name = payload.get("name")
    auto_generate = payload.get("auto_generate", False) is True
    unnamed = not auto_generate and (name is None or name == "")
    if unnamed and call.new:
        checks = Checks("ConversationRenamePayload")
        text = "Value error, name is required when auto_generate is false"
        checks.fail_pydantic("", text, "value_error", payload)
        checks.fail_restx("name", None, text)
        call.check(checks)
    conv = call.owned_conversation(call.params[0].lower(), user, hint=False)
    if unnamed:
        raise internal_error()  # 1.10 writes a NULL name and the database refuses it
    if auto_generate:
        first = call.store.snapshot(conv).messages
        name = conversation_name(first[0].query) if first else conv.name
    renamed = call.store.rename(conv, str(name))
    return json_reply(200, conversation_body(renamed))


def delete_conversation(call: Call) -> Reply:
    app = call.app()
    call.json()
    user = call.body_user()
    call.chat_app()
    conversation_id = call.params[0].lower()
    conv = call.store.conversation(app.api_key, conversation_id, user)
    if conv is not None:
        call.store.delete(conv)
    elif call.new or not call.store.was_deleted(app.api_key, conversation_id, user):
        raise error(404, "not_found", "Conversation Not Exists.")
    return Reply(204, b"", JSON)


ROUTES: Final = (
    RouteSpec("conversations", "list_conversations", "/conversations", {"GET": list_conversations}),
    RouteSpec(
        "conversations",
        "rename_conversation",
        "/conversations/{uuid}/name",
        {"POST": rename_conversation},
    ),
    RouteSpec(
        "conversations",
        "delete_conversation",
        "/conversations/{uuid}",
        {"DELETE": delete_conversation},
    ),
)
