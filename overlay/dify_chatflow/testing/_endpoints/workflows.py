"""``GET /workflows/run/{id}`` and, on 1.16, ``GET /workflow/{run_id}/events``."""

from __future__ import annotations

import json
import uuid
from typing import Final

from .._context import Call, Reply, error, internal_error, json_reply
from .._human import RunLog
from .._store import WorkflowRun
from .._stream import PING, Job, Sink, event_bytes
from ._spec import RouteSpec

__all__ = ["ROUTES"]

_WORKFLOW_MODES: Final = ("workflow", "advanced-chat")
_MSG_NOT_WORKFLOW: Final = "Please check if your app mode matches the right API route."
_FIELDS: Final = (
    "id",
    "workflow_id",
    "status",
    "inputs",
    "outputs",
    "error",
    "total_steps",
    "total_tokens",
    "created_at",
    "finished_at",
    "elapsed_time",
)
_STREAM: Final = "text/event-stream; charset=utf-8"


def _run_body(run: WorkflowRun, *, new: bool) -> dict[str, object]:
    outputs: object
    if new:  # 1.16's model: an object, empty while the run has none and while it is paused
        outputs = dict(run.outputs or {}) if run.status != "paused" else {}
    else:  # 1.10 passes the stored JSON text on, or null
        outputs = None if run.outputs is None else json.dumps(dict(run.outputs))
    return {
        "id": run.id,
        "workflow_id": run.workflow_id,
        "status": run.status,
        "inputs": json.dumps(dict(run.inputs)),
        "outputs": outputs,
        "error": run.error,
        "total_steps": run.total_steps,
        "total_tokens": run.total_tokens,
        "created_at": run.created_at,
        "finished_at": run.finished_at,
        "elapsed_time": run.elapsed_time,
    }


def get_run(call: Call) -> Reply:
    app = call.app()
    if app.mode not in _WORKFLOW_MODES:
        raise error(400, "not_workflow_app", _MSG_NOT_WORKFLOW)
    try:
        uuid.UUID(call.params[0])
    except ValueError:
        raise internal_error() from None  # the database refuses a malformed uuid
    run = call.store.run(call.params[0].lower())
    if run is None or run.api_key != app.api_key:
        if call.new:
            raise error(404, "not_found", "Workflow run not found.")
        return json_reply(200, dict.fromkeys(_FIELDS))
    return json_reply(200, _run_body(run, new=call.new))


def run_events(call: Call) -> Reply:
    app = call.app()
    user = call.query.get("user")
    if not user:
        raise error(400, "invalid_param", "user is required")
    run_id = call.params[0]
    try:
        uuid.UUID(run_id)
    except ValueError:
        raise internal_error() from None  # the database refuses a malformed uuid
    run = call.store.run(run_id.lower())
    if run is None or run.api_key != app.api_key or run.user != user:
        raise error(404, "not_found", "Workflow run not found")
    log = call.store.run_log(run.id)
    if run.finished_data is None or run.status in ("running", "paused"):
        if log is None:
            raise error(404, "not_found", "Workflow run not found")
        go_on = call.query.get("continue_on_pause", "").lower() in ("true", "1")
        return _follow(log, call.options.ping_interval, continue_on_pause=go_on)
    event = {
        "event": "workflow_finished",
        "task_id": run.id,
        "workflow_run_id": run.id,
        "data": dict(run.finished_data),
    }
    payload = b"data: " + json.dumps(event).encode("ascii") + b"\n\n"

    def replay(sink: Sink) -> None:
        sink.send(payload)
        sink.finish()

    return Reply(200, b"", _STREAM, job=Job(replay, streaming=True, ping_interval=0))


def _follow(log: RunLog, ping_interval: float, *, continue_on_pause: bool) -> Reply:
    """A live or paused run: a ping, then its current (or, paused, its next) segment's
    events as they come, until the run pauses (with ``continue_on_pause``: on through
    its resumptions) or finishes."""
    first = log.follow_from()

    def follow(sink: Sink) -> None:
        sink.send(PING)
        start = index = first
        while not sink.gone:
            batch, over = log.wait(start, index, timeout=0.25)
            for payload in batch:
                sink.send(event_bytes(payload))
            index += len(batch)
            if over:
                if log.finished or not continue_on_pause:
                    break
                start = index  # wait for the next segment
        sink.finish()

    return Reply(200, b"", _STREAM, job=Job(follow, streaming=True, ping_interval=ping_interval))


ROUTES: Final = (
    RouteSpec("workflows.get_run", get_run, strings=("workflow_run_id",)),
    RouteSpec("workflows.events", run_events, strings=("workflow_run_id",), new_only=True),
)
