"""Dify's behaviour on the two conversation-variable routes, independent of sockets.

:func:`handle` turns one received request into one :class:`Reply`, running the checks in
the order the real server runs them (DESIGN.md section 4): route and id shape (HTML 404),
method (405), Bearer token (401), app status (403), JSON body (415 / 400 / 500), app mode
(``not_chat_app``), parameters (``invalid_param``), ownership (404), type rules (400), store.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from ._faults import FaultQueue
from ._records import RecordedRequest, RequestLog, redact_authorization
from ._rules import Rejected, build_update
from ._store import (
    CHAT_MODES,
    DEFAULT_USER,
    Conversation,
    LastIdNotFound,
    Store,
    StoredVariable,
    canonical_uuid,
)
from ._wire import (
    BAD_REQUEST_MESSAGE,
    HTML_NOT_FOUND,
    MalformedJSON,
    dump_json,
    error_body,
    parse_json_body,
    pydantic_error,
)

__all__ = ["Reply", "ServerOptions", "ServerState", "handle", "route_of", "take_fault"]

_UUID: Final = r"[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}"
_LIST_PATH: Final = re.compile(rf"/v1/conversations/({_UUID})/variables")
_UPDATE_PATH: Final = re.compile(rf"/v1/conversations/({_UUID})/variables/({_UUID})")
# Shapes used to aim faults, whatever the ids look like.
_LIST_SHAPE: Final = re.compile(r"/v1/conversations/[^/]+/variables/?")
_UPDATE_SHAPE: Final = re.compile(r"/v1/conversations/[^/]+/variables/[^/]+/?")
_INTEGER: Final = re.compile(r"\s*[+-]?\d+\s*")

_ALLOWED: Final = {"list": ("GET", "HEAD", "OPTIONS"), "update": ("OPTIONS", "PUT")}
_JSON: Final = "application/json"

_MSG_NO_BEARER: Final = "Authorization header must be provided and start with 'Bearer'"
_MSG_SCHEME: Final = "Authorization scheme must be 'Bearer'"
_MSG_INVALID_TOKEN: Final = "Access token is invalid"  # noqa: S105 (a message)
_MSG_DISABLED: Final = "The app's API service has been disabled."
_MSG_UNSUPPORTED_MEDIA: Final = (
    "Did not attempt to load JSON data because the request Content-Type was not 'application/json'."
)
_MSG_NOT_CHAT: Final = "Please check if your app mode matches the right API route."
_MSG_METHOD: Final = "The method is not allowed for the requested URL."
_MSG_RESTX_INVALID: Final = "Input payload validation failed"
_VARIABLE_NAME_CHARS: Final = (
    "Variable name can only contain letters, numbers, hyphens (-), underscores (_), and periods (.)"
)
_DANGEROUS: Final = ("'", '"', ";", "--", "/*", "*/", "xp_", "sp_")


@dataclass(frozen=True)
class ServerOptions:
    """Behaviour switches of the test server (see :class:`DifyTestServer`)."""

    size_limit: int = 204_800
    expose_stored_number_type: bool = False
    paging_flaw: bool = True
    validation_errors: Literal["invalid_param", "restx"] = "invalid_param"


@dataclass
class ServerState:
    """Everything a request handler thread needs."""

    store: Store
    options: ServerOptions
    faults: FaultQueue = field(default_factory=FaultQueue)
    log: RequestLog = field(default_factory=RequestLog)


@dataclass(frozen=True)
class Reply:
    """One response to write (or, with ``drop``, a connection to close unanswered)."""

    status: int
    body: bytes = b""
    content_type: str | None = _JSON
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False


class _Stop(Exception):
    """Carries the reply of a failed check up to :func:`handle`."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def _json_reply(status: int, payload: object, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, dump_json(payload), _JSON, headers)


def _error(status: int, code: str, message: str, **extra: str) -> _Stop:
    headers = tuple(extra.items())
    return _Stop(_json_reply(status, error_body(code, message, status), headers))


def route_of(path: str) -> str | None:
    """``"list"``, ``"update"`` or ``None``: which route a path is aimed at (for faults)."""
    if _LIST_SHAPE.fullmatch(path):
        return "list"
    if _UPDATE_SHAPE.fullmatch(path):
        return "update"
    return None


def variable_body(var: StoredVariable, options: ServerOptions) -> dict[str, object]:
    """A variable as Dify marshals it: seven keys, ``value`` as Python ``str()``."""
    value = var.value if isinstance(var.value, str) else str(var.value)
    shown_type = var.value_type if options.expose_stored_number_type else var.exposed_type
    return {
        "id": var.id,
        "name": var.name,
        "value_type": shown_type,
        "value": value,
        "description": var.description,
        "created_at": var.created_at,
        "updated_at": var.updated_at,
    }


def record(
    state: ServerState,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> None:
    """Log a request with its Authorization credential removed."""
    safe = {
        name: (redact_authorization(value) if name == "authorization" else value)
        for name, value in headers.items()
    }
    state.log.append(RecordedRequest(method, path, dict(query), safe, body))


def take_fault(state: ServerState, path: str) -> tuple[float, Reply | None]:
    """Take the next fault aimed at ``path``: ``(delay in seconds, reply replacing Dify's)``.

    ``(0.0, None)`` when no fault is pending: answer normally, at once.
    """
    fault = state.faults.take(route_of(path)) if state.faults else None
    if fault is None:
        return 0.0, None
    if fault.kind == "drop":
        return 0.0, Reply(0, drop=True)
    if fault.kind == "status":
        return 0.0, Reply(fault.status_code, fault.body, None, fault.headers)
    return fault.seconds, None


def handle(
    state: ServerState,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    """The reply Dify would give (``headers`` keys are lower-case; ``query`` first values).

    Injected faults are not applied here: the transport takes them (see :func:`take_fault`)
    so that a delay holds up only its own connection.
    """
    try:
        return _dispatch(state, method, path, query, headers, body)
    except _Stop as stop:
        return stop.reply


def _dispatch(
    state: ServerState,
    method: str,
    path: str,
    query: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    matched = _LIST_PATH.fullmatch(path)
    route = "list"
    if matched is None:
        matched, route = _UPDATE_PATH.fullmatch(path), "update"
    if matched is None:
        return Reply(404, HTML_NOT_FOUND, "text/html; charset=utf-8")
    allowed = ", ".join(_ALLOWED[route])
    if method == "OPTIONS":
        return Reply(200, b"", "text/html; charset=utf-8", (("Allow", allowed),))
    if method not in _ALLOWED[route]:
        raise _error(405, "method_not_allowed", _MSG_METHOD, Allow=allowed)

    api_key = _authenticate(state, headers.get("authorization"))
    conversation_id = str(matched.group(1)).lower()
    if route == "list":
        user = query.get("user")
        _require_chat_app(state, api_key)
        limit, last_id, name_filter = _list_params(state.options, query)
        conv = _owned_conversation(state, api_key, conversation_id, user)
        try:
            rows, has_more = state.store.page(
                conv,
                limit=limit,
                last_id=last_id,
                name_filter=name_filter,
                paging_flaw=state.options.paging_flaw,
            )
        except LastIdNotFound:
            raise _error(400, "invalid_param", "") from None
        data = [variable_body(var, state.options) for var in rows]
        return _json_reply(200, {"limit": limit, "has_more": has_more, "data": data})

    payload = _json_object(headers, body)
    _require_chat_app(state, api_key)
    if "value" not in payload:
        _raise_missing_value(state.options, payload)
    conv = _owned_conversation(state, api_key, conversation_id, payload.get("user"))
    var = state.store.variable(conv, str(matched.group(2)).lower())
    if var is None:
        raise _error(404, "not_found", "Conversation Variable Not Exists.")
    try:
        built = build_update(
            var.value_type, var.name, payload["value"], size_limit=state.options.size_limit
        )
    except Rejected as rejected:
        raise _error(400, rejected.code, rejected.message) from None
    updated = state.store.replace_value(conv, var.id, built)
    return _json_reply(200, variable_body(updated, state.options))


def _authenticate(state: ServerState, header: str | None) -> str:
    """The API key of a known app, or 401 with Dify's three messages."""
    challenge = {"WWW-Authenticate": 'Bearer realm="api"'}
    value = (header or "").strip()
    if " " not in value:
        raise _error(401, "unauthorized", _MSG_NO_BEARER, **challenge)
    scheme, token = value.split(None, 1)
    if scheme.lower() != "bearer":
        raise _error(401, "unauthorized", _MSG_SCHEME, **challenge)
    app = state.store.app(token)
    if app is None:
        raise _error(401, "unauthorized", _MSG_INVALID_TOKEN, **challenge)
    if not app.enabled:
        raise _error(403, "forbidden", _MSG_DISABLED)
    return token


def _require_chat_app(state: ServerState, api_key: str) -> None:
    app = state.store.app(api_key)
    if app is None or app.mode not in CHAT_MODES:
        raise _error(400, "not_chat_app", _MSG_NOT_CHAT)


def _json_object(headers: Mapping[str, str], body: bytes) -> dict[str, object]:
    """The JSON body as Flask's ``get_json()`` and Dify's ``.get("user")`` see it."""
    mimetype = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    is_json = mimetype == _JSON or (
        mimetype.startswith("application/") and mimetype.endswith("+json")
    )
    if not is_json:
        raise _error(415, "unsupported_media_type", _MSG_UNSUPPORTED_MEDIA)
    try:
        payload = parse_json_body(body)
    except MalformedJSON:
        raise _error(400, "bad_request", BAD_REQUEST_MESSAGE) from None
    if not isinstance(payload, dict):
        # Dify calls .get("user") on it: AttributeError, answered by its catch-all handler.
        reply = {"message": "Internal Server Error", "code": "unknown", "status": 500}
        raise _Stop(_json_reply(500, reply))
    return payload


def _owned_conversation(
    state: ServerState, api_key: str, conversation_id: str, user: object
) -> Conversation:
    # Dify: a missing or empty ``user`` means the app's default end user.
    end_user = str(user) if user else DEFAULT_USER
    conv = state.store.conversation(api_key, conversation_id, end_user)
    if conv is None:
        raise _error(404, "not_found", "Conversation Not Exists.")
    return conv


_FieldError = tuple[str, str, str, object]  # field, text, pydantic type, input value


def _invalid(
    options: ServerOptions, model: str, errors: list[_FieldError], restx_text: str
) -> _Stop:
    """Dify's answer to a failed parameter check, in the configured style."""
    if options.validation_errors == "restx":
        field_name = errors[0][0]
        payload = {"errors": {field_name: restx_text}, "message": _MSG_RESTX_INVALID}
        return _Stop(_json_reply(400, payload))
    return _error(400, "invalid_param", pydantic_error(model, errors))


def _raise_missing_value(options: ServerOptions, payload: dict[str, object]) -> None:
    errors: list[_FieldError] = [("value", "Field required", "missing", payload)]
    model = "ConversationVariableUpdatePayload"
    raise _invalid(options, model, errors, "Missing required parameter in the JSON body")


def _list_params(
    options: ServerOptions, query: Mapping[str, str]
) -> tuple[int, str | None, str | None]:
    """``limit``, ``last_id`` and ``variable_name`` checked as Dify's query model does."""
    errors: list[_FieldError] = []
    restx: list[str] = []
    last_id = query.get("last_id") or None
    if last_id is not None:
        try:
            last_id = canonical_uuid(last_id)
        except ValueError:
            errors.append(
                ("last_id", f"Value error, {last_id} is not a valid uuid.", "value_error", last_id)
            )
            restx.append(f"{last_id} is not a valid uuid.")
    limit = 20
    raw_limit = query.get("limit")
    if raw_limit is not None:
        if not _INTEGER.fullmatch(raw_limit):
            text = "Input should be a valid integer, unable to parse string as an integer"
            errors.append(("limit", text, "int_parsing", raw_limit))
            restx.append(f"{raw_limit} is not a valid integer")
        else:
            limit = int(raw_limit)
            bound = None
            if limit < 1:
                bound = ("Input should be greater than or equal to 1", "greater_than_equal")
            elif limit > 100:
                bound = ("Input should be less than or equal to 100", "less_than_equal")
            if bound:
                errors.append(("limit", bound[0], bound[1], raw_limit))
                restx.append(
                    f"Invalid argument: {limit}. argument must be within the range 1 - 100"
                )
    name = query.get("variable_name")
    if name is not None:
        problem = _variable_name_problem(name)
        if problem:
            errors.append(("variable_name", f"Value error, {problem}", "value_error", name))
            restx.append(problem)
    if errors:
        raise _invalid(options, "ConversationVariablesQuery", errors, restx[0])
    return limit, last_id, name


def _variable_name_problem(name: str) -> str | None:
    if not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        return _VARIABLE_NAME_CHARS
    lowered = name.lower()
    for pattern in _DANGEROUS:
        if pattern in lowered:
            return f"Variable name contains invalid characters: {pattern}"
    return None
