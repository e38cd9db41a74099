"""``GET /messages``, ``POST /messages/{id}/feedbacks``, ``GET /messages/{id}/suggested``."""

from __future__ import annotations

from typing import Final

from .._context import Call, Checks, Reply, error, json_reply, parse_uuid
from .._store import LastIdNotFound, StoredMessage
from ._query import parse_limit
from ._spec import RouteSpec

__all__ = ["ROUTES", "message_body"]

_RATINGS: Final = ("like", "dislike", None)
_MSG_DISABLED: Final = "Suggested Questions Is Disabled."
_MSG_NOTHING_TO_REVOKE: Final = "rating cannot be None when feedback not exists"
# A message's keys: 1.10's marshal fields, or 1.16's response model in its field order
# (its computed total_tokens last).
_MESSAGE_KEYS: Final = {
    False: (
        "id",
        "conversation_id",
        "parent_message_id",
        "inputs",
        "query",
        "answer",
        "message_files",
        "feedback",
        "retriever_resources",
        "created_at",
        "agent_thoughts",
        "status",
        "error",
    ),
    True: (
        "id",
        "conversation_id",
        "parent_message_id",
        "inputs",
        "query",
        "answer",
        "feedback",
        "retriever_resources",
        "created_at",
        "agent_thoughts",
        "message_files",
        "message_tokens",
        "answer_tokens",
        "provider_response_latency",
        "total_price",
        "currency",
        "status",
        "error",
        "extra_contents",
        "total_tokens",
    ),
}


def message_body(
    message: StoredMessage, *, new: bool, extra_contents: list[dict[str, object]] | None = None
) -> dict[str, object]:
    """A message as ``GET /messages`` lists it, in the dialect's keys and order;
    ``extra_contents`` are the human input forms its run paused for (1.16)."""
    values: dict[str, object] = {
        "id": message.id,
        "conversation_id": message.conversation_id,
        "parent_message_id": message.parent_message_id,
        "inputs": dict(message.inputs),
        "query": message.query,
        "answer": message.answer,
        "message_files": [dict(f) for f in message.message_files],
        "feedback": {"rating": message.feedback} if message.feedback else None,
        "retriever_resources": [],
        "created_at": message.created_at,
        "agent_thoughts": [],
        "message_tokens": 0,
        "answer_tokens": 0,
        "provider_response_latency": message.latency,
        # A Numeric(10, 7) column's zero, as Python's Decimal writes it
        "total_price": "0E-7",
        "currency": "USD",
        "status": message.status,
        "error": message.error,
        "extra_contents": extra_contents or [],
        "total_tokens": 0,
    }
    return {key: values[key] for key in _MESSAGE_KEYS[new]}


def list_messages(call: Call) -> Reply:
    call.chat_app()
    user = call.query_user()
    checks = Checks("MessageListQuery")
    raw_conversation = call.query.get("conversation_id")
    if raw_conversation is None:
        checks.missing("conversation_id", "Conversation ID", "the query string", dict(call.query))
    conversation_id = parse_uuid(
        checks, "conversation_id", raw_conversation, help_text="Conversation ID"
    )
    first_id = parse_uuid(
        checks, "first_id", call.query.get("first_id"), help_text="First message ID for pagination"
    )
    limit = parse_limit(checks, call.query.get("limit"), help_text="Number of messages to return")
    call.check(checks)
    if not conversation_id:  # an empty id names no conversation: Dify lists nothing
        return json_reply(200, {"limit": limit, "has_more": False, "data": []})
    conv = call.owned_conversation(conversation_id, user, hint=True)
    try:
        rows, has_more = call.store.message_page(
            conv, first_id=first_id, limit=limit, paging_flaw=call.options.paging_flaw
        )
    except LastIdNotFound:
        raise call.not_found("First Message Not Exists.", hint=True) from None
    data = [
        message_body(
            m,
            new=call.new,
            extra_contents=[f.message_content() for f in call.store.run_forms(m.workflow_run_id)],
        )
        for m in rows
    ]
    return json_reply(200, {"limit": limit, "has_more": has_more, "data": data})


def _owned_message(call: Call, user: str) -> StoredMessage:
    found = call.store.message(call.app().api_key, call.params[0].lower(), user)
    if found is None:
        raise error(404, "not_found", "Message Not Exists.")
    return found


def send_feedback(call: Call) -> Reply:
    call.app()
    payload = call.json()
    user = call.body_user(required=True)
    call.chat_app()
    rating = payload.get("rating")
    checks = Checks("MessageFeedbackPayload")
    if rating not in _RATINGS:
        text = "Input should be 'like' or 'dislike'"
        checks.fail_pydantic("rating", text, "literal_error", rating)
        # reqparse turns the value into a string before it compares it with the choices
        choice = f"The value '{rating}' is not a valid choice for 'rating'."
        checks.fail_restx("rating", "Feedback rating", choice)
    call.check(checks)
    message = _owned_message(call, user)
    app = call.app()
    end_user_id = call.store.end_user(app.api_key, user).id
    if rating is None and not call.store.app_data.has_feedback(message.id, end_user_id):
        raise error(400, "invalid_param", _MSG_NOTHING_TO_REVOKE)
    call.store.update_message(message.id, feedback=rating)
    content = payload.get("content")
    call.store.app_data.rate(
        api_key=app.api_key,
        app_id=app.id,
        conversation_id=message.conversation_id,
        message_id=message.id,
        end_user_id=end_user_id,
        rating=rating if isinstance(rating, str) else None,
        content=None if content is None else str(content),
    )
    return json_reply(200, {"result": "success"})


def suggested_questions(call: Call) -> Reply:
    app = call.chat_app()
    user = call.query_user(required=True)
    _owned_message(call, user)
    if app.suggested_questions is None:
        raise error(400, "bad_request", _MSG_DISABLED)
    return json_reply(200, {"result": "success", "data": list(app.suggested_questions)})


ROUTES: Final = (
    RouteSpec("messages.list", list_messages),
    RouteSpec(
        "messages.feedback",
        send_feedback,
        sample_body={"rating": None, "user": "u-1", "content": "x"},
    ),
    RouteSpec("messages.suggested", suggested_questions),
)
