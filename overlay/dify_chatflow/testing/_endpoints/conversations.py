"""``GET /conversations``, ``POST /conversations/{id}/name``, ``DELETE /conversations/{id}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .._context import (
    JSON,
    Call,
    Checks,
    Reply,
    error,
    internal_error,
    json_reply,
    lax_bool,
    parse_uuid,
)
from .._store import ConversationSnapshot, LastIdNotFound
from ._query import parse_limit
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


def _rename_request(call: Call, payload: Mapping[str, object]) -> tuple[str | None, bool]:
    """The name and ``auto_generate`` as Dify reads them: 1.10's reqparse turns them into
    ``str`` and ``bool``; 1.16's model takes a string name and a boolean it can interpret,
    and wants a name that is not blank unless ``auto_generate``."""
    raw_name, raw_auto = payload.get("name"), payload.get("auto_generate", False)
    if not call.new:
        return (None if raw_name is None else str(raw_name)), bool(raw_auto)
    checks = Checks("ConversationRenamePayload")
    if raw_name is not None and not isinstance(raw_name, str):
        checks.fail_pydantic("name", "Input should be a valid string", "string_type", raw_name)
    auto_generate = lax_bool(raw_auto)
    if auto_generate is None:
        checks.fail_bool("auto_generate", raw_auto)
    blank = not isinstance(raw_name, str) or not raw_name.strip()
    if not checks.pydantic and not auto_generate and blank:
        text = "Value error, name is required when auto_generate is false"
        checks.fail_pydantic("", text, "value_error", dict(payload))
    call.check(checks)
    return (raw_name if isinstance(raw_name, str) else None), bool(auto_generate)


def rename_conversation(call: Call) -> Reply:
    call.app()
    payload = call.json()
    user = call.body_user()
    call.chat_app()
    name, auto_generate = _rename_request(call, payload)
    conv = call.owned_conversation(call.params[0].lower(), user, hint=False)
    if auto_generate:
        # Dify asks a model to name it after the first message; the cut query stands in
        # for the model here. Without messages Dify refuses (an error without a message).
        first = call.store.snapshot(conv).messages
        if not first:
            raise error(400, "invalid_param", "")
        name = conversation_name(first[0].query)
    elif name is None or len(name) > _NAME_COLUMN:
        # 1.10 writes a NULL name, either dialect an overlong one: the database refuses it
        raise internal_error()
    renamed = call.store.rename(conv, name)
    return json_reply(200, conversation_body(renamed))


def delete_conversation(call: Call) -> Reply:
    app = call.app()
    call.json()
    user = call.body_user()
    call.chat_app()
    conversation_id = call.params[0].lower()
    if not call.new:
        # 1.10 deletes by id alone, whoever's it is, and answers 204 when there is none.
        call.store.delete_by_id(conversation_id)
        return Reply(204, b"", JSON)
    conv = call.store.conversation(app.api_key, conversation_id, user)
    if conv is None:
        raise error(404, "not_found", "Conversation Not Exists.")
    call.store.delete(conv)
    return Reply(204, b"", JSON)


_NAME_COLUMN: Final = 255  # characters the conversation name column holds

ROUTES: Final = (
    RouteSpec("conversations.list", list_conversations),
    RouteSpec(
        "conversations.rename",
        rename_conversation,
        sample_body={"name": "n", "auto_generate": False, "user": "u-1"},
    ),
    RouteSpec("conversations.delete", delete_conversation, sample_body={"user": "u-1"}),
)
