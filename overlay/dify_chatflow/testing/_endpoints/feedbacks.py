"""``GET /app/feedbacks``: every end user's message feedback on the app, newest first."""

from __future__ import annotations

from typing import Final

from .._app_data import Feedback
from .._context import Call, FieldError, Reply, internal_error, json_reply
from ._query import IntParam, read_int, refuse_failed
from ._spec import RouteSpec
from .end_users import iso_time

__all__ = ["ROUTES"]

_PAGE: Final = IntParam("page", 1, low=1, help="Page number")
_LIMIT: Final = IntParam(
    "limit", 20, low=1, high=101, help="Number of feedbacks per page", ranged=True
)


def _feedback_body(feedback: Feedback) -> dict[str, object]:
    return {
        "id": feedback.id,
        "app_id": feedback.app_id,
        "conversation_id": feedback.conversation_id,
        "message_id": feedback.message_id,
        "rating": feedback.rating,
        "content": feedback.content,
        "from_source": "user",
        "from_end_user_id": feedback.from_end_user_id,
        "from_account_id": None,
        "created_at": iso_time(feedback.created_at),
        "updated_at": iso_time(feedback.updated_at),
    }


def list_feedbacks(call: Call) -> Reply:
    app = call.app()
    errors: list[FieldError] = []
    restx: list[str] = []
    page = read_int(_PAGE, call.query.get("page"), new=call.new, errors=errors, restx=restx)
    limit = read_int(_LIMIT, call.query.get("limit"), new=call.new, errors=errors, restx=restx)
    refuse_failed(call, "FeedbackListQuery", errors, restx)
    if page < 1:  # 1.10 hands a negative OFFSET to the database, which refuses it
        raise internal_error()
    rows = call.store.app_data.feedbacks(app.api_key)[(page - 1) * limit : page * limit]
    return json_reply(200, {"data": [_feedback_body(f) for f in rows]})


ROUTES: Final = (RouteSpec("app.feedbacks", list_feedbacks),)
