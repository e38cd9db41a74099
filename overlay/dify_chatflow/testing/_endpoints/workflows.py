"""``GET /workflows/run/{id}`` and, on 1.16, ``GET /workflow/{run_id}/events``."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from typing import Final

from .._context import Call, Reply, ServerState, error, internal_error, json_reply
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
# Followers must not be served a cached copy of a run's events.
_NO_CACHE: Final = (("Cache-Control", "no-cache"),)
_TERMINAL: Final = ("workflow_finished", "workflow_paused")


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
    if not user:  # checked with the token, before anything about the run
        raise error(400, "invalid_param", "Arg user must be provided.")
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
        follower = _Follower(call.state, run.id, log, continue_on_pause=go_on)
        ping_interval = call.options.ping_interval
        job = Job(follower.run, streaming=True, ping_interval=ping_interval)
        return Reply(200, b"", _STREAM, _NO_CACHE, job=job)
    event = {
        "event": "workflow_finished",
        "task_id": run.id,
        "workflow_run_id": run.id,
        "data": _with_output_files(run.finished_data),
    }
    payload = b"data: " + json.dumps(event).encode("ascii") + b"\n\n"

    def replay(sink: Sink) -> None:
        sink.send(payload)
        sink.finish()

    return Reply(200, b"", _STREAM, _NO_CACHE, job=Job(replay, streaming=True, ping_interval=0))


def _with_output_files(data: Mapping[str, object]) -> dict[str, object]:
    """A run's ``workflow_finished`` data as this route sends it: an answer's outputs
    carry the answer's ``files`` beside it."""
    outputs = data.get("outputs")
    if not (isinstance(outputs, Mapping) and "answer" in outputs and "files" not in outputs):
        return dict(data)
    return {**data, "outputs": {**outputs, "files": []}}


class _Follower:
    """A live or paused run's events for one client: a ping, then the current (or,
    paused, the next) segment's events as they come.

    Without ``continue_on_pause`` the stream ends at the first ``workflow_finished`` or
    ``workflow_paused``; with it, it goes on through the run's resumptions and, once the
    run finished, stays open (pings only) until the client hangs up. Either way it ends
    after ``events_idle_timeout`` seconds without an event, as Dify's does.
    """

    def __init__(
        self, state: ServerState, run_id: str, log: RunLog, *, continue_on_pause: bool
    ) -> None:
        self._state = state
        self._run_id = run_id
        self._log = log
        self._continue = continue_on_pause
        from_now = state.options.events_from_subscription
        self._start, self._first = log.follow_from(from_now=from_now)

    def run(self, sink: Sink) -> None:
        sink.send(PING)
        if self._send_events(sink):
            self._hold(sink)
        sink.finish()

    def _send_events(self, sink: Sink) -> bool:
        """Send the run's events until the stream's end; True when the run finished and
        the stream is to stay open."""
        log, options = self._log, self._state.options
        idle_timeout = options.events_idle_timeout
        start, index = self._start, self._first
        held_end: Mapping[str, object] | None = None  # a message_end to send after the next
        last_event = time.monotonic()
        while not sink.gone:
            batch, over = log.wait(start, index, timeout=min(0.25, idle_timeout))
            index += len(batch)
            if batch:
                last_event = time.monotonic()
            elif time.monotonic() - last_event >= idle_timeout:
                return False
            for payload in batch:
                kind = payload.get("event")
                if kind == "message_end" and options.message_end_after_workflow_finished:
                    held_end = payload
                    continue
                if kind == "workflow_finished":
                    payload = {**payload, "data": _with_output_files(_mapping(payload["data"]))}
                sink.send(event_bytes(payload))
                if kind in _TERMINAL and not self._continue:
                    return False  # Dify's default: the stream's end
                if held_end is not None:
                    sink.send(event_bytes(held_end))
                    held_end = None
            if over:
                if held_end is not None:
                    sink.send(event_bytes(held_end))
                    held_end = None
                if log.finished:
                    return self._continue
                if not self._continue:
                    return False
                start = index  # wait for the next segment
        return False

    def _hold(self, sink: Sink) -> None:
        """Keep the finished run's stream open (the connection pings) until the client
        hangs up (it may have already) or the idle timeout passes; record which came
        first."""
        held = self._state.held
        entry = held.hold(self._run_id)
        timeout = self._state.options.events_idle_timeout
        waited = 0.0
        while not sink.gone and waited < timeout:
            step = min(0.05, timeout - waited)
            time.sleep(step)
            waited += step
        held.end(entry, "client" if sink.gone else "server")


def _mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


ROUTES: Final = (
    RouteSpec("workflows.get_run", get_run, strings=("workflow_run_id",)),
    RouteSpec("workflows.events", run_events, strings=("workflow_run_id",), new_only=True),
)
