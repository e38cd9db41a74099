"""One chat turn of a Start → Answer chatflow: the responder's answer as Dify's events,
in the dialect's order, with stop, failure, client-disconnect and stream-fault endings.

A :class:`Turn` is created on the event loop (the conversation, message and workflow run
exist before the first byte is sent, as on the real server) and run in the job's thread.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Final

from ._context import JSON, Reply, ServerOptions, dump_error
from ._faults import Fault
from ._human import FormSubmission, HumanInput, PendingForm, RunLog
from ._store import App, Conversation, Store, StoredMessage, WorkflowRun, answer_outputs
from ._stream import PING, Sink, event_bytes

__all__ = ["SystemVariables", "Turn", "chat_internal_error", "echo", "empty_usage", "new_run"]

_START_NODE: Final = "1700000000000"
_ANSWER_NODE: Final = "answer"
_ZERO: Final = "0.0"
# Where else a form can be answered than through this API (the app's console).
_APPROVAL_CHANNELS: Final = ("console",)


def echo(query: str, inputs: Mapping[str, object], conversation: object) -> str:
    """The default responder: the answer is the query, like a Start → Answer chatflow."""
    return query


def empty_usage(
    latency: float, first_token: float | None = None, generating: float | None = None
) -> dict[str, object]:
    """Dify's usage block of a turn without an LLM (prices are decimal strings); the two
    timings are set once some text was answered (seconds, rounded to milliseconds)."""
    return {
        "prompt_tokens": 0,
        "prompt_unit_price": _ZERO,
        "prompt_price_unit": _ZERO,
        "prompt_price": _ZERO,
        "completion_tokens": 0,
        "completion_unit_price": _ZERO,
        "completion_price_unit": _ZERO,
        "completion_price": _ZERO,
        "total_tokens": 0,
        "total_price": _ZERO,
        "currency": "USD",
        "latency": latency,
        "time_to_first_token": first_token,
        "time_to_generate": generating,
    }


# 1.10 lists the system variables in the fixed order of its SystemVariable model's
# to_dict(); 1.16 keeps the order in which the app runner passes them.
_SYSTEM_ORDER: Final = {
    False: (
        "files",
        "user_id",
        "app_id",
        "workflow_id",
        "workflow_run_id",
        "query",
        "conversation_id",
        "dialogue_count",
    ),
    True: (
        "query",
        "files",
        "conversation_id",
        "user_id",
        "dialogue_count",
        "app_id",
        "workflow_id",
        "workflow_run_id",
    ),
}


@dataclass(frozen=True)
class SystemVariables:
    """The ``sys.*`` variables of one chat turn, as the workflow sees them.

    ``user_id`` is the end user's session id: the ``user`` string the client sent.
    """

    query: str
    files: tuple[Mapping[str, object], ...]
    conversation_id: str
    user_id: str
    dialogue_count: int
    app_id: str
    workflow_id: str
    workflow_run_id: str

    def _ordered(self, *, new: bool) -> list[tuple[str, object]]:
        return [
            (name, [dict(item) for item in self.files] if name == "files" else getattr(self, name))
            for name in _SYSTEM_ORDER[new]
        ]

    def start_node_inputs(self, *, new: bool) -> dict[str, object]:
        """What the Start node shows: every system variable."""
        return {f"sys.{name}": value for name, value in self._ordered(new=new)}

    def run_inputs(self, *, new: bool) -> dict[str, object]:
        """What the run records (``workflow_started``, ``GET /workflows/run/{id}``): the
        conversation id is left out, so that the inputs can start another conversation."""
        return {
            f"sys.{name}": value
            for name, value in self._ordered(new=new)
            if name != "conversation_id"
        }


class _Stopped(Exception):
    """The turn was stopped through ``POST /chat-messages/{task_id}/stop``."""


@dataclass
class _Emitter:
    """Sends events to the client (if one reads this segment), applying a stream fault,
    and records them in the run's log; once silenced, it sends nothing more."""

    sink: Sink | None
    fault: Fault | None
    turn: Turn
    sent: int = 0
    silenced: bool = False
    lost: bool = False  # the client is gone (it hung up, or the connection was cut)
    # A blocking turn (no sink): whether a stream_error fault's error comes before the
    # event its answer is made of (message_end, or workflow_paused), as Dify's blocking
    # pipeline reads the same events and raises the first error it meets.
    errored: bool = False
    answered: bool = False

    def __post_init__(self) -> None:
        if self.sink is None:
            self.silenced = True

    def pause(self) -> None:
        if self.fault is not None and self.fault.kind == "slow_events":
            self.turn.stop.wait(self.fault.seconds)

    def ping(self) -> None:
        if not self.silenced and self.sink is not None:
            self.sink.send(PING)

    def event(
        self, payload: Mapping[str, object], *, terminal: bool = False, paused: bool = False
    ) -> None:
        if not paused:
            self.pause()
        if self.turn.log is not None:
            self.turn.log.append(payload)  # the run's own record: faults act on the wire
        if self.sink is None:
            self._read_blocking(payload)
        if self.silenced or self.sink is None:
            return
        fault = self.fault
        if terminal and fault is not None and fault.kind == "no_terminal_event":
            return
        if fault is not None and self.sent >= fault.after_events:
            if fault.kind == "cut_stream":
                self.sink.cut()
                self.silenced = self.lost = True
                return
            if fault.kind == "stream_error":
                self.sink.send(event_bytes(self.turn.error_event(fault)))
                self.sink.finish()
                self.silenced = True
                return
        self.sink.send(event_bytes(payload))
        self.sent += 1
        if self.sink.gone:
            self.silenced = self.lost = True

    def _read_blocking(self, payload: Mapping[str, object]) -> None:
        fault = self.fault
        if self.answered or fault is None or fault.kind != "stream_error":
            return
        if self.sent >= fault.after_events:
            self.errored = self.answered = True
            return
        self.sent += 1
        self.answered = payload.get("event") in ("message_end", "workflow_paused")

    def close(self) -> None:
        if self.silenced or self.sink is None:
            return
        if self.fault is not None and self.fault.kind == "cut_stream":
            self.sink.cut()  # fewer events than the fault waited for: cut at the end
            self.lost = True
        else:
            self.sink.finish()
        self.silenced = True


@dataclass(frozen=True)
class _Outcome:
    status: str  # succeeded, failed, stopped or paused
    error: str | None = None
    form: PendingForm | None = None


@dataclass
class Turn:
    """Everything one turn needs; its ids are fixed when it is created."""

    store: Store
    options: ServerOptions
    app: App
    conversation: Conversation
    message: StoredMessage
    run_id: str
    end_user_id: str
    user: str
    query: str
    inputs: Mapping[str, object]
    workflow_inputs: Mapping[str, object]  # the run's: no sys.conversation_id
    start_inputs: Mapping[str, object]  # the Start node's: every system variable
    fault: Fault | None
    log: RunLog | None = None  # 1.16: what GET /workflow/{run_id}/events follows
    started: float = field(default_factory=time.monotonic)
    parts: list[str] = field(default_factory=list)
    # node runs of the segments before this one (each pause ran two nodes: the one before
    # the human input node, and that node)
    steps: int = 0
    # the form the run paused for and its submission, while the resumed segment runs on
    answered: tuple[PendingForm, FormSubmission] | None = None
    # When the first and the last chunk with more than blanks were answered (monotonic).
    first_text: float | None = None
    last_text: float | None = None
    _chunks: Iterator[object] | None = None

    def __post_init__(self) -> None:
        self.stop = self.store.start_task(self.message.task_id, self.user)

    # -- envelopes -----------------------------------------------------------------------

    def _envelope(self, event: str) -> dict[str, object]:
        return {
            "event": event,
            "conversation_id": self.conversation.id,
            "message_id": self.message.id,
            "created_at": self.store.now(),
            "task_id": self.message.task_id,
        }

    def _workflow_event(self, event: str, data: Mapping[str, object]) -> dict[str, object]:
        return {**self._envelope(event), "workflow_run_id": self.run_id, "data": data}

    def workflow_started(self, reason: str = "initial") -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.run_id,
            "workflow_id": self.app.workflow_id,
            "inputs": dict(self.workflow_inputs),
            "created_at": self.message.created_at,
        }
        if self.options.new:
            data["reason"] = reason
        return self._workflow_event("workflow_started", data)

    def human_input_required(self, form: PendingForm) -> dict[str, object]:
        data = form.definition(token=form.token, approval_channels=_APPROVAL_CHANNELS)
        return self._workflow_event("human_input_required", data)

    def pause_reasons(self, form: PendingForm) -> list[dict[str, object]]:
        """Why the run paused; the reason's kind is under an upper-case ``TYPE``."""
        request = form.request
        reason = {
            "TYPE": "human_input_required",
            "form_id": form.form_id,
            "form_content": request.form_content,
            "inputs": request.input_list(),
            "actions": request.action_list(),
            "node_id": request.node_id,
            "node_title": request.node_title,
            "resolved_default_values": form.resolved_defaults(),
            "form_token": form.token,
            "approval_channels": list(_APPROVAL_CHANNELS),
            "expiration_time": form.expiration_time,
        }
        return [reason]

    def paused_data(self, form: PendingForm) -> dict[str, object]:
        """The ``workflow_paused`` event's data."""
        return {
            "workflow_run_id": self.run_id,
            "paused_nodes": [form.request.node_id],
            "outputs": {},
            "reasons": self.pause_reasons(form),
            "status": "paused",
            "created_at": self.message.created_at,
            "elapsed_time": self.elapsed(),
            "total_tokens": 0,
            "total_steps": self.steps,
        }

    def paused_blocking_data(self, form: PendingForm) -> dict[str, object]:
        """A blocking turn's ``data`` when it paused: the message with the pause."""
        return {
            "id": self.message.id,
            "mode": self.app.mode,
            "conversation_id": self.conversation.id,
            "message_id": self.message.id,
            "workflow_run_id": self.run_id,
            "answer": "".join(self.parts),
            "metadata": self.metadata(usage=False),
            "created_at": self.message.created_at,
            "paused_nodes": [form.request.node_id],
            "reasons": self.pause_reasons(form),
            "status": "paused",
            "elapsed_time": self.elapsed(),
            "total_tokens": 0,
            "total_steps": self.steps,
        }

    def _human_node(self, form: PendingForm, inputs: object) -> dict[str, object]:
        request = form.request
        return {
            "id": str(uuid.uuid5(uuid.UUID(self.run_id), f"{request.node_id}/{form.form_id}")),
            "node_id": request.node_id,
            "node_type": "human-input",
            "title": request.node_title,
            "index": 1,
            "predecessor_node_id": None,
            "inputs": inputs,
            "inputs_truncated": False,
        }

    def human_node_started(self, form: PendingForm) -> dict[str, object]:
        return self._node_started_event(self._human_node(form, None))

    def human_node_finished(
        self, form: PendingForm, submission: FormSubmission
    ) -> dict[str, object]:
        """The human input node's end: the submitted values, the action's id and title,
        and the form's text with the values in place of their ``{{#$output.name#}}``."""
        outputs = {
            **submission.inputs,
            "__action_id": submission.action,
            "__action_value": form.action_title(submission.action),
            "__rendered_content": form.rendered(submission),
        }
        inputs = {
            name: {"value_type": _value_type(value), "value": value}
            for name, value in submission.inputs.items()
        }
        return self._node_finished_event(self._human_node(form, inputs), outputs)

    def _node_common(self, start: bool, inputs: Mapping[str, object] | None) -> dict[str, object]:
        # Each node of the run is the first of its own branch: index 1, no predecessor.
        return {
            "id": str(uuid.uuid5(uuid.UUID(self.run_id), "start" if start else "answer")),
            "node_id": _START_NODE if start else _ANSWER_NODE,
            "node_type": "start" if start else "answer",
            "title": "Start" if start else "Answer",
            "index": 1,
            "predecessor_node_id": None,
            "inputs": None if inputs is None else dict(inputs),
            "inputs_truncated": False,
        }

    def _start_values(self) -> Mapping[str, object]:
        """What the Start node reads and outputs: 1.10 every system variable, 1.16 only
        the app's own inputs."""
        return self.inputs if self.options.new else self.start_inputs

    def node_started(self, start: bool) -> dict[str, object]:
        return self._node_started_event(self._node_common(start, None))

    def _node_started_event(self, node: Mapping[str, object]) -> dict[str, object]:
        data = {
            **node,
            "created_at": self.message.created_at,
            "extras": {},
            "iteration_id": None,
            "loop_id": None,
            "agent_strategy": None,
        }
        return self._workflow_event("node_started", data)

    def node_finished(self, start: bool, answer: str) -> dict[str, object]:
        inputs = self._start_values() if start else {}
        outputs = dict(inputs) if start else answer_outputs(answer)
        return self._node_finished_event(self._node_common(start, inputs), outputs)

    def _node_finished_event(
        self, node: Mapping[str, object], outputs: Mapping[str, object]
    ) -> dict[str, object]:
        data = {
            **node,
            "process_data": {},
            "process_data_truncated": False,
            "outputs": outputs,
            "outputs_truncated": False,
            "status": "succeeded",
            "error": None,
            "elapsed_time": self.elapsed(),
            "execution_metadata": None,
            "created_at": self.message.created_at,
            "finished_at": self.store.now(),
            "files": [],
            "iteration_id": None,
            "loop_id": None,
        }
        return self._workflow_event("node_finished", data)

    def workflow_finished_data(
        self, status: str, answer: str, error: str | None
    ) -> dict[str, object]:
        return {
            "id": self.run_id,
            "workflow_id": self.app.workflow_id,
            "status": status,
            "outputs": answer_outputs(answer) if status != "failed" else {},
            "error": error,
            "elapsed_time": self.elapsed(),
            "total_tokens": 0,
            "total_steps": self.steps + (2 if status == "succeeded" else 1),
            "created_by": {"id": self.end_user_id, "user": self.user},
            "created_at": self.message.created_at,
            "finished_at": self.store.now(),
            "exceptions_count": 0,
            "files": [],
        }

    def message_event(self, chunk: str) -> dict[str, object]:
        return {
            **self._envelope("message"),
            "id": self.message.id,
            "answer": chunk,
            "from_variable_selector": self._selector(),
        }

    def _selector(self) -> list[str]:
        # The default app's Answer node is the template "{{#sys.query#}}".
        return ["sys", "query"] if self.app.responder is None else [_ANSWER_NODE, "answer"]

    def metadata(self, *, usage: bool = True) -> dict[str, object]:
        """The message's metadata; a paused turn has no usage yet (``None``)."""
        first_token = generating = None
        if self.first_text is not None:
            first_token = round(self.first_text - self.started, 3)
            generating = round((self.last_text or self.first_text) - self.first_text, 3)
        meta: dict[str, object] = {
            "annotation_reply": None,
            "retriever_resources": [],
            "usage": empty_usage(self.elapsed(), first_token, generating) if usage else None,
        }
        if self.options.new:
            meta["reasoning"] = {}
        return meta

    def message_end(self) -> dict[str, object]:
        return {
            **self._envelope("message_end"),
            "id": self.message.id,
            "metadata": self.metadata(),
            "files": [],
        }

    def error_event(self, fault: Fault) -> dict[str, object]:
        return self.failure_event(fault.code, fault.message, fault.status_code)

    def failure_event(self, code: str, message: str, status: int) -> dict[str, object]:
        envelope = self._envelope("error")
        del envelope["task_id"]  # Dify's error event carries no task id
        return {**envelope, "code": code, "message": message, "status": status}

    def elapsed(self) -> float:
        return round(time.monotonic() - self.started, 6)

    # -- running -------------------------------------------------------------------------

    def _next_chunk(self, value: FormSubmission | None) -> object:
        """The responder's next chunk (``value`` answers its last :class:`HumanInput`);
        raises StopIteration at the end."""
        if self._chunks is None:
            responder = self.app.responder or echo
            snapshot = self.store.snapshot(self.conversation)
            result = responder(self.query, dict(self.inputs), snapshot)
            self._chunks = iter((result,) if isinstance(result, str) else result)
        send = getattr(self._chunks, "send", None)
        if value is not None and send is not None:
            return send(value)
        return next(self._chunks)

    def _answer(self, emit: _Emitter, value: FormSubmission | None) -> HumanInput | None:
        """Pull the responder's chunks into ``parts`` and out as events until it ends
        (``None``) or asks for human input; raises what it raised, or :class:`_Stopped`."""
        while True:
            try:
                chunk = self._next_chunk(value)
            except StopIteration:
                break
            value = None
            if isinstance(chunk, HumanInput):
                if not self.options.new:
                    raise TypeError("human input needs the 1.16 dialect")
                return chunk
            if not isinstance(chunk, str):
                raise TypeError(f"a responder yields str chunks, not {type(chunk).__name__}")
            emit.pause()
            if self.stop.is_set():
                raise _Stopped
            self.parts.append(chunk)
            if chunk.strip():
                self.last_text = time.monotonic()
                if self.first_text is None:
                    self.first_text = self.last_text
            emit.event(self.message_event(chunk), paused=True)
        if self.stop.is_set():
            raise _Stopped
        return None

    def _segment(self, emit: _Emitter, value: FormSubmission | None) -> _Outcome:
        """Run the responder on from where it is, then end the segment: finished, failed,
        stopped or paused for a form."""
        try:
            request = self._answer(emit, value)
        except _Stopped:
            outcome = _Outcome("stopped")
        except Exception as exc:  # the responder failed: Dify's failure ending
            outcome = _Outcome("failed", _error_text(exc))
        else:
            if request is not None:
                return self._pause(emit, request)
            outcome = _Outcome("succeeded")
        new = self.options.new
        answer = "".join(self.parts)
        finished_data = self.workflow_finished_data(outcome.status, answer, outcome.error)
        finished = self._workflow_event("workflow_finished", finished_data)
        if outcome.status == "failed":
            emit.event(finished, terminal=True)
            message = f"Run failed: {outcome.error}"
            emit.event(self.failure_event("invalid_param", message, 400))
        else:
            if outcome.status == "succeeded":
                if new:
                    self._lead_in(emit, answer)
                else:
                    emit.event(self.node_finished(True, answer))
                emit.event(self.node_started(False))
                emit.event(self.node_finished(False, answer))
            ending = [self.message_end(), finished]
            for event in ending if new else reversed(ending):
                emit.event(event, terminal=True)
        emit.close()
        # 1.10 saves the answer only from the pipeline that writes the stream.
        saved = "" if (emit.lost and not new) else answer
        self._finish(outcome.status, answer, saved, outcome.error, finished_data)
        return outcome

    def _lead_in(self, emit: _Emitter, answer: str) -> None:
        """The end of the node before the next one (1.16): the Start node's events in the
        first segment, the answered human input node's end in a resumed one."""
        if self.answered is None:
            emit.event(self.node_started(True))
            emit.event(self.node_finished(True, answer))
        else:
            emit.event(self.human_node_finished(*self.answered))
            self.answered = None

    def _pause(self, emit: _Emitter, request: HumanInput) -> _Outcome:
        store = self.store
        form = PendingForm(request, self.app.api_key, self.run_id, store.now(), self.resume)
        store.add_form(form)
        self._lead_in(emit, "".join(self.parts))
        emit.event(self.human_node_started(form))
        self.steps += 2
        emit.event(self.human_input_required(form))
        emit.event(self._workflow_event("workflow_paused", self.paused_data(form)))
        emit.close()
        store.end_task(self.message.task_id)
        store.update_message(self.message.id, answer="".join(self.parts))
        run = store.run(self.run_id)
        if run is not None:
            paused = replace(
                run, status="paused", elapsed_time=self.elapsed(), total_steps=self.steps
            )
            store.save_run(paused)
        if self.log is not None:
            self.log.end(finished=False)
        return _Outcome("paused", form=form)

    def stream(self, sink: Sink) -> None:
        """Run the turn as a stream of events (the job of a streaming request)."""
        self._run(_Emitter(sink, self.fault, self))

    def _run(self, emit: _Emitter) -> _Outcome:
        """The turn's events from the start, a stream's or (unseen) a blocking answer's."""
        if self.log is not None:
            self.log.begin()
        new = self.options.new
        if new:
            emit.ping()
        emit.event(self.workflow_started())
        if not new:
            emit.event(self.node_started(True))
        return self._segment(emit, None)

    def resume(self, form: PendingForm, submission: FormSubmission) -> None:
        """Continue a paused turn after its form was submitted, in a thread of its own;
        its events go to the run's log (and whoever follows it)."""
        self.stop = self.store.start_task(self.message.task_id, self.user)
        run = self.store.run(self.run_id)
        if run is not None:
            self.store.save_run(replace(run, status="running"))

        def run_on() -> None:
            emit = _Emitter(None, None, self)
            if self.log is not None:
                self.log.begin()
            emit.event(self.workflow_started("resumption"))
            self.answered = (form, submission)
            emit.event(self.human_node_started(form))
            self._segment(emit, submission)

        threading.Thread(target=run_on, name="dify-test-server-resume", daemon=True).start()

    def blocking(self, sink: Sink) -> None:
        """Run the turn and answer with one JSON body (the job of a blocking request)."""
        emit = _Emitter(None, self.fault, self)  # the log only; slow_events still slows
        outcome = self._run(emit)
        if emit.errored and self.fault is not None:
            sink.respond(blocking_error(self.fault))
            return
        if outcome.status == "failed":
            message = f"Run failed: {outcome.error}"
            payload = {"code": "invalid_param", "message": message, "status": 400}
            sink.respond(Reply(400, dump_error(payload), JSON))
            return
        body = {
            "event": "workflow_paused" if outcome.form else "message",
            "task_id": self.message.task_id,
            "id": self.message.id,
            "message_id": self.message.id,
            "conversation_id": self.conversation.id,
            "mode": self.app.mode,
            "answer": "".join(self.parts),
            "metadata": self.metadata(usage=outcome.form is None),
            "created_at": self.message.created_at,
        }
        if outcome.form is not None:
            body["workflow_run_id"] = self.run_id
            body["data"] = self.paused_blocking_data(outcome.form)
        content_type = JSON + "; charset=utf-8" if self.options.new else JSON
        sink.respond(Reply(200, json.dumps(body).encode("ascii"), content_type))

    def _finish(
        self,
        status: str,
        answer: str,
        saved_answer: str,
        error: str | None,
        finished_data: Mapping[str, object],
    ) -> None:
        store = self.store
        store.end_task(self.message.task_id)
        changes: dict[str, object] = {"answer": saved_answer, "latency": self.elapsed()}
        if status == "failed":
            changes.update(status="error", error=error)
        store.update_message(self.message.id, **changes)
        run = store.run(self.run_id)
        if run is not None:
            store.save_run(
                replace(
                    run,
                    status=status,
                    outputs=answer_outputs(answer) if status != "failed" else {},
                    error=error,
                    total_steps=int(str(finished_data["total_steps"])),
                    finished_at=store.now(),
                    elapsed_time=self.elapsed(),
                    finished_data=finished_data,
                )
            )
        if self.log is not None:  # after the run is saved: later followers get the replay
            self.log.end(finished=True)
            store.drop_run_log(self.run_id)


# werkzeug's InternalServerError text: what Dify's chat controller raises for an error it
# has no answer of its own for (the one a stream reports as 500 internal_server_error).
_INTERNAL_ERROR_TEXT: Final = (
    "The server encountered an internal error and was unable to complete your request. "
    "Either the server is overloaded or there is an error in the application."
)


def blocking_error(fault: Fault) -> Reply:
    """How a blocking turn answers the error a stream would carry as an ``error`` event.

    A blocking turn raises that error in the request; the controller answers it with the
    same code, message and status (``invalid_param``, ``completion_request_error``,
    ``rate_limit_error``, ...), except that the stream's 500 ``internal_server_error``
    becomes werkzeug's ``InternalServerError`` with its own text (both 1.10 and 1.16)."""
    if fault.status_code == 500:
        return chat_internal_error()
    payload = {"code": fault.code, "message": fault.message, "status": fault.status_code}
    return Reply(fault.status_code, dump_error(payload), JSON)


def _value_type(value: object) -> str:
    """The variable type a submitted value is recorded with."""
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array[any]"
    return "none" if value is None else "string"


def chat_internal_error() -> Reply:
    """The chat controller's answer to an error it has no answer of its own for."""
    payload = {"code": "internal_server_error", "message": _INTERNAL_ERROR_TEXT, "status": 500}
    return Reply(500, dump_error(payload), JSON)


def _error_text(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def new_run(
    run_id: str, app: App, user: str, task_id: str, inputs: Mapping[str, object], now: int
) -> WorkflowRun:
    """The running workflow run of a new turn."""
    return WorkflowRun(
        id=run_id,
        api_key=app.api_key,
        user=user,
        workflow_id=app.workflow_id,
        task_id=task_id,
        inputs=dict(inputs),
        created_at=now,
    )
