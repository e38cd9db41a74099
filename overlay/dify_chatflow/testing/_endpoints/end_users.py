"""``GET /end-users/{id}`` (1.16 only): an end user of the key's app."""

from __future__ import annotations

import datetime
from typing import Final

from .._context import Call, Reply, error, json_reply
from ._spec import RouteSpec

__all__ = ["ROUTES", "iso_time"]


def iso_time(seconds: int) -> str:
    """A Unix time as the ISO string 1.16's pydantic models write (UTC, no offset)."""
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC).replace(tzinfo=None)
    return moment.isoformat()


def get_end_user(call: Call) -> Reply:
    app = call.app()
    found = call.store.end_user_by_id(app.api_key, call.params[0].lower())
    if found is None:
        raise error(404, "end_user_not_found", "End user not found.")
    body = {
        "id": found.id,
        "tenant_id": app.tenant_id,
        "app_id": app.id,
        "type": "service-api",
        "external_user_id": found.user,
        "name": None,
        "is_anonymous": False,
        "session_id": found.user,
        "created_at": iso_time(found.created_at),
        "updated_at": iso_time(found.created_at),
    }
    return json_reply(200, body)


ROUTES: Final = (RouteSpec("end_users.get", get_end_user, new_only=True),)
