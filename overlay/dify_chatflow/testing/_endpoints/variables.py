"""``GET /conversations/{id}/variables`` and ``PUT .../variables/{variable_id}`` (section 4)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from .._context import Call, FieldError, Reply, ServerOptions, error, json_reply
from .._rules import Rejected, build_update
from .._store import LastIdNotFound, StoredVariable, canonical_uuid
from ._spec import RouteSpec

__all__ = ["ROUTES", "variable_body"]

_INTEGER: Final = re.compile(r"\s*[+-]?\d+\s*")
_VARIABLE_NAME_CHARS: Final = (
    "Variable name can only contain letters, numbers, hyphens (-), underscores (_), and periods (.)"
)
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
    try:
        rows, has_more = call.store.page(
            conv,
            limit=limit,
            last_id=last_id,
            name_filter=name_filter,
            paging_flaw=call.options.paging_flaw,
        )
    except LastIdNotFound:
        raise error(400, "invalid_param", "") from None
    data = [variable_body(var, call.options) for var in rows]
    return json_reply(200, {"limit": limit, "has_more": has_more, "data": data})


def update_variable(call: Call) -> Reply:
    call.app()
    payload = call.json()
    call.chat_app()
    if "value" not in payload:
        errors: list[FieldError] = [("value", "Field required", "missing", payload)]
        raise call.invalid(
            "ConversationVariableUpdatePayload",
            errors,
            "Missing required parameter in the JSON body",
        )
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
    """``limit``, ``last_id`` and ``variable_name`` checked as Dify's query model does."""
    query: Mapping[str, str] = call.query
    errors: list[FieldError] = []
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
    limit = parse_limit(query.get("limit"), errors, restx)
    name = query.get("variable_name")
    if name is not None:
        problem = _variable_name_problem(name)
        if problem:
            errors.append(("variable_name", f"Value error, {problem}", "value_error", name))
            restx.append(problem)
    if errors:
        raise call.invalid("ConversationVariablesQuery", errors, restx[0])
    return limit, last_id, name


def parse_limit(
    raw_limit: str | None, errors: list[FieldError], restx: list[str], default: int = 20
) -> int:
    """A ``limit`` query parameter in 1..100; a failure is added to ``errors`` / ``restx``."""
    if raw_limit is None:
        return default
    if not _INTEGER.fullmatch(raw_limit):
        text = "Input should be a valid integer, unable to parse string as an integer"
        errors.append(("limit", text, "int_parsing", raw_limit))
        restx.append(f"{raw_limit} is not a valid integer")
        return default
    limit = int(raw_limit)
    bound = None
    if limit < 1:
        bound = ("Input should be greater than or equal to 1", "greater_than_equal")
    elif limit > 100:
        bound = ("Input should be less than or equal to 100", "less_than_equal")
    if bound:
        errors.append(("limit", bound[0], bound[1], raw_limit))
        restx.append(f"Invalid argument: {limit}. argument must be within the range 1 - 100")
    return limit


def _variable_name_problem(name: str) -> str | None:
    if not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        return _VARIABLE_NAME_CHARS
    lowered = name.lower()
    for pattern in _DANGEROUS:
        if pattern in lowered:
            return f"Variable name contains invalid characters: {pattern}"
    return None


ROUTES: Final = (
    RouteSpec("variables", "list", "/conversations/{uuid}/variables", {"GET": list_variables}),
    RouteSpec(
        "variables",
        "update",
        "/conversations/{uuid}/variables/{uuid}",
        {"PUT": update_variable},
    ),
)
