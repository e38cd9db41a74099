"""``GET /messages``, ``POST /messages/{id}/feedbacks``, ``GET /messages/{id}/suggested``."""

from __future__ import annotations

from typing import Final

from .._context import Call, FieldError, Reply, error, json_reply, parse_limit, parse_uuid
from .._store import LastIdNotFound, StoredMessage
from ._spec import RouteSpec

__all__ = ["ROUTES", "message_body"]

_RATINGS: Final = ("like", "dislike", None)
_MSG_DISABLED: Final = "Suggested Questions Is Disabled."
_MSG_NOTHING_TO_REVOKE: Final = "rating cannot be None when feedback not exists"


def message_body(message: StoredMessage, *, new: bool) -> dict[str, object]:
    """A message as ``GET /messages`` lists it, with 1.16's extra fields when ``new``."""
    body: dict[str, object] = {
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
        "status": message.status,
        "error": message.error,
    }
    if new:
        body.update(
            message_tokens=0,
            answer_tokens=0,
            provider_response_latency=0.0,
            total_price="0",
            currency="USD",
            extra_contents=[],
        )
    return body


def list_messages(call: Call) -> Reply:
    call.chat_app()
    user = call.query_user()
    errors: list[FieldError] = []
    restx: list[str] = []
    raw_conversation = call.query.get("conversation_id")
    if raw_conversation is None:
        errors.append(("conversation_id", "Field required", "missing", dict(call.query)))
        restx.append("Missing required parameter in the query string")
    conversation_id = parse_uuid("conversation_id", raw_conversation, errors, restx)
    first_id = parse_uuid("first_id", call.query.get("first_id"), errors, restx)
    limit = parse_limit(call.query.get("limit"), errors, restx)
    if errors:
        raise call.invalid("MessageListQuery", errors, restx[0])
    conv = call.owned_conversation(conversation_id or "", user, hint=True)
    try:
        rows, has_more = call.store.message_page(
            conv, first_id=first_id, limit=limit, paging_flaw=call.options.paging_flaw
        )
    except LastIdNotFound:
        raise call.not_found("First Message Not Exists.", hint=True) from None
    data = [message_body(m, new=call.new) for m in rows]
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
    if rating not in _RATINGS:
        text = "Input should be 'like' or 'dislike'"
        raise call.invalid(
            "MessageFeedbackPayload",
            [("rating", text, "literal_error", rating)],
            f"The value '{rating}' is not a valid choice for 'rating'.",
        )
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
    RouteSpec("messages", "list_messages", "/messages", {"GET": list_messages}),
    RouteSpec("messages", "feedback", "/messages/{uuid}/feedbacks", {"POST": send_feedback}),
    RouteSpec("messages", "suggested", "/messages/{uuid}/suggested", {"GET": suggested_questions}),
)
