"""A conversation's variables: ``GET /conversations/{id}/variables`` (list) and
``PUT .../variables/{variable_id}`` (update)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .._context import (
    Call,
    Checks,
    Reply,
    ServerOptions,
    error,
    internal_error,
    json_reply,
    parse_uuid,
)
from .._rules import Rejected, build_update
from .._store import LastIdNotFound, StoredVariable
from ._query import parse_limit
from ._spec import RouteSpec

__all__ = ["ROUTES", "variable_body"]

_VARIABLE_NAME_CHARS: Final = (
    "Variable name can only contain letters, numbers, hyphens (-), underscores (_), and periods (.)"
)
_VARIABLE_NAME_LIMIT: Final = 255
_DANGEROUS: Final = ("'", '"', ";", "--", "/*", "*/", "xp_", "sp_")


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


def list_variables(call: Call) -> Reply:
    call.app()
    user = call.query.get("user")
    call.chat_app()
    limit, last_id, name_filter = _list_params(call)
    conv = call.owned_conversation(call.params[0].lower(), call.user(user), hint=True)
    if name_filter:
        # 1.16.1 filters with a JSON function PostgreSQL has no form of for its text
        # column: every valid name fails in the database.
        raise internal_error()
    try:
        rows, has_more = call.store.page(
            conv, limit=limit, last_id=last_id, paging_flaw=call.options.paging_flaw
        )
    except LastIdNotFound:
        raise error(400, "invalid_param", "") from None
    data = [variable_body(var, call.options) for var in rows]
    return json_reply(200, {"limit": limit, "has_more": has_more, "data": data})


def update_variable(call: Call) -> Reply:
    call.app()
    payload = call.json()
    call.chat_app()
    checks = Checks("ConversationVariableUpdatePayload")
    if "value" not in payload:
        help_text = "New value for the conversation variable"
        checks.missing("value", help_text, "the JSON body", payload)
    call.check(checks)
    conv = call.owned_conversation(
        call.params[0].lower(), call.user(payload.get("user")), hint=False
    )
    var = call.store.variable(conv, call.params[1].lower())
    if var is None:
        raise error(404, "not_found", "Conversation Variable Not Exists.")
    try:
        built = build_update(
            var.value_type, var.name, payload["value"], size_limit=call.options.size_limit
        )
    except Rejected as rejected:
        raise error(400, rejected.code, rejected.message) from None
    updated = call.store.replace_value(conv, var.id, built)
    return json_reply(200, variable_body(updated, call.options))


def _list_params(call: Call) -> tuple[int, str | None, str | None]:
    """``limit``, ``last_id`` and ``variable_name`` checked as Dify's query model does
    (1.10 has no ``variable_name``: it lists every variable)."""
    query: Mapping[str, str] = call.query
    checks = Checks("ConversationVariablesQuery")
    last_id = parse_uuid(
        checks, "last_id", query.get("last_id"), help_text="Last variable ID for pagination"
    )
    limit = parse_limit(checks, query.get("limit"), help_text="Number of variables to return")
    name = query.get("variable_name") if call.new else None
    if name is not None:
        problem = _variable_name_problem(name)
        if problem:
            checks.fail_pydantic("variable_name", f"Value error, {problem}", "value_error", name)
        elif len(name) > _VARIABLE_NAME_LIMIT:
            text = f"String should have at most {_VARIABLE_NAME_LIMIT} characters"
            checks.fail_pydantic("variable_name", text, "string_too_long", name)
    call.check(checks)
    return limit, last_id, name


def _variable_name_problem(name: str) -> str | None:
    if not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        return _VARIABLE_NAME_CHARS
    lowered = name.lower()
    for pattern in _DANGEROUS:
        if pattern in lowered:
            return f"Variable name contains invalid characters: {pattern}"
    return None


ROUTES: Final = (
    RouteSpec("variables.list", list_variables),
    RouteSpec("variables.update", update_variable, sample_body={"value": ["a", 1], "user": "u-1"}),
)
