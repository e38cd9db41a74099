"""``GET /workflows/logs``: the runs of a workflow-mode app, newest first (a chatflow app's
turns are never logged here, so its list is always empty)."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Final

from .._app_data import LOG_STATUSES, WorkflowLog
from .._context import Call, FieldError, Reply, error, json_reply
from .._store import Store, WorkflowRun
from ._query import IntParam, read_int, refuse_failed
from ._spec import RouteSpec

__all__ = ["ROUTES", "add_workflow_log"]

_PAGE: Final = IntParam("page", 1, low=1, high=99999, ranged=True)
_LIMIT: Final = IntParam("limit", 20, low=1, high=100, ranged=True)
_KEYWORD_LENGTH: Final = 30  # Dify searches with the first 30 characters only


def add_workflow_log(
    store: Store,
    *,
    api_key: str,
    user: str,
    status: str,
    inputs: dict[str, object],
    outputs: dict[str, object],
    error: str | None,
    created_at: int | None,
    elapsed_time: float,
    total_tokens: int,
    total_steps: int,
) -> WorkflowLog:
    """Log one finished run of a workflow-mode app (and keep the run itself)."""
    app = store.app(api_key)
    if app is None:
        raise ValueError("no app has this API key: call add_app() first")
    if app.mode != "workflow":
        raise ValueError("only workflow-mode apps have workflow logs (add_app(mode='workflow'))")
    if status not in LOG_STATUSES:
        raise ValueError(f"status must be one of {LOG_STATUSES}, not {status!r}")
    when = store.now() if created_at is None else created_at
    end_user = store.end_user(api_key, user)
    run_id = str(uuid.uuid4())
    store.save_run(
        WorkflowRun(
            id=run_id,
            api_key=api_key,
            user=user,
            workflow_id=app.workflow_id,
            task_id=str(uuid.uuid4()),
            inputs=inputs,
            created_at=when,
            status=status,
            outputs=outputs,
            error=error,
            total_steps=total_steps,
            total_tokens=total_tokens,
            finished_at=when,
            elapsed_time=elapsed_time,
        )
    )
    log = WorkflowLog(
        id=str(uuid.uuid4()),
        api_key=api_key,
        run_id=run_id,
        status=status,
        inputs=inputs,
        outputs=outputs,
        error=error,
        elapsed_time=elapsed_time,
        total_tokens=total_tokens,
        total_steps=total_steps,
        created_at=when,
        finished_at=when,
        end_user_id=end_user.id,
        session_id=user,
    )
    store.app_data.add_log(log)
    return log


def _log_body(log: WorkflowLog) -> dict[str, object]:
    run = {
        "id": log.run_id,
        "version": log.version,
        "status": log.status,
        "triggered_from": "app-run",
        "error": log.error,
        "elapsed_time": log.elapsed_time,
        "total_tokens": log.total_tokens,
        "total_steps": log.total_steps,
        "created_at": log.created_at,
        "finished_at": log.finished_at,
        "exceptions_count": log.exceptions_count,
    }
    end_user = {
        "id": log.end_user_id,
        "type": "service-api",
        "is_anonymous": False,
        "session_id": log.session_id,
    }
    return {
        "id": log.id,
        "workflow_run": run,
        "details": None,
        "created_from": "service-api",
        "created_by_role": "end_user",
        "created_by_account": None,
        "created_by_end_user": end_user,
        "created_at": log.created_at,
    }


def _isoparse(text: str) -> int:
    """An ISO 8601 time as Unix seconds (a time without offset is UTC), refused with the
    words dateutil's ``isoparse`` uses where it can be told."""
    if len(text) < 4:
        raise ValueError("ISO string too short")
    # dateutil reads the year first, from the ASCII bytes: its ValueError is what Dify answers
    int(text[:4].encode("ascii", "replace"))
    moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return int(moment.timestamp())


def _matches(log: WorkflowLog, keyword: str) -> bool:
    needle = keyword[:_KEYWORD_LENGTH].lower()
    texts = (
        json.dumps(dict(log.inputs), ensure_ascii=False),
        json.dumps(dict(log.outputs), ensure_ascii=False),
        log.session_id,
    )
    return any(needle in text.lower() for text in texts) or keyword.lower() == log.run_id


def list_logs(call: Call) -> Reply:
    app = call.app()
    query = call.query
    errors: list[FieldError] = []
    restx: list[str] = []
    status = query.get("status")
    if status is not None and status not in LOG_STATUSES:
        text = "Input should be 'succeeded', 'failed' or 'stopped'"
        errors.append(("status", text, "literal_error", status))
        restx.append(f"The value '{status}' is not a valid choice for 'status'.")
    page = read_int(_PAGE, query.get("page"), new=call.new, errors=errors, restx=restx)
    limit = read_int(_LIMIT, query.get("limit"), new=call.new, errors=errors, restx=restx)
    refuse_failed(call, "WorkflowLogQuery", errors, restx)
    try:
        before = _isoparse(query["created_at__before"]) if query.get("created_at__before") else None
        after = _isoparse(query["created_at__after"]) if query.get("created_at__after") else None
    except ValueError as refused:
        raise error(400, "invalid_param", str(refused)) from None
    account = query.get("created_by_account")
    if account:  # the server has no console accounts
        raise error(400, "invalid_param", f"Account not found: {account}")
    keyword = query.get("keyword")
    session_id = query.get("created_by_end_user_session_id")
    rows = [
        log
        for log in call.store.app_data.logs(app.api_key)
        if (not keyword or _matches(log, keyword))
        and (not status or log.status == status)
        and (before is None or log.created_at <= before)
        and (after is None or log.created_at >= after)
        and (not session_id or log.session_id == session_id)
    ]
    first = (page - 1) * limit
    body = {
        "page": page,
        "limit": limit,
        "total": len(rows),
        "has_more": len(rows) > page * limit,
        "data": [_log_body(log) for log in rows[first : first + limit]],
    }
    return json_reply(200, body)


ROUTES: Final = (RouteSpec("workflows.logs", list_logs),)
