"""``POST /chat-messages`` (blocking and streaming) and ``POST /chat-messages/{task_id}/stop``."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Final

from ..._chat_inputs import InputValidationError, check_inputs
from .._context import Call, FieldError, Reply, error, internal_error, json_reply
from .._faults import Fault
from .._store import NEW_CONVERSATION_NAME, App, StoredMessage
from .._stream import Job
from .._turn import Turn, new_run
from ._spec import RouteSpec

__all__ = ["ROUTES", "conversation_name"]

_MODES: Final = ("blocking", "streaming")
_STREAM: Final = "text/event-stream; charset=utf-8"
_NAME_LENGTH: Final = 20
_MISSING: Final = object()


def conversation_name(query: str) -> str:
    """The name Dify gives a conversation without an LLM: the query, cut to 20 characters."""
    return query if len(query) <= _NAME_LENGTH else query[:_NAME_LENGTH] + "…"


def _check_payload(call: Call, payload: Mapping[str, object]) -> None:
    """The request model's checks: 1.10 stops at the first failing field (flask-restx's
    reqparse, in its argument order), 1.16 lists every failing field (pydantic)."""
    errors: list[FieldError] = []
    restx: list[str] = []
    inputs = payload.get("inputs", _MISSING)
    if inputs is not _MISSING and inputs is not None and not isinstance(inputs, dict):
        errors.append(("inputs", "Input should be a valid dictionary", "dict_type", inputs))
        restx.append("dictionary update sequence element #0 has length 1; 2 is required")
    query = payload.get("query", _MISSING)
    if query is _MISSING or query is None:
        errors.append(("query", "Field required", "missing", dict(payload)))
        restx.append("The chat query Missing required parameter in the JSON body")
    elif not isinstance(query, str):
        errors.append(("query", "Input should be a valid string", "string_type", query))
        restx.append("The chat query Missing required parameter in the JSON body")
    mode = payload.get("response_mode")
    if mode is not None and mode not in _MODES:
        text = "Input should be 'blocking' or 'streaming'"
        errors.append(("response_mode", text, "literal_error", mode))
        restx.append(f"The value '{mode}' is not a valid choice for 'response_mode'.")
    conversation_id = payload.get("conversation_id")
    if conversation_id not in (None, ""):
        try:
            uuid.UUID(str(conversation_id))
        except ValueError:
            text = f"Value error, {conversation_id} is not a valid uuid."
            errors.append(("conversation_id", text, "value_error", conversation_id))
            restx.append(f"{conversation_id} is not a valid uuid.")
    if errors:  # checked in reqparse's argument order: restx reports the first one
        raise call.invalid("ChatRequestPayload", errors, restx[0])


def _message_files(call: Call, files: object) -> tuple[Mapping[str, object], ...]:
    if not isinstance(files, list):
        return ()
    built = []
    for item in files:
        if not isinstance(item, dict):
            raise error(400, "invalid_param", "Invalid file: every file must be an object")
        upload_id = item.get("upload_file_id")
        uploaded = call.store.file(str(upload_id)) if upload_id else None
        built.append(
            {
                "id": str(uuid.uuid4()),
                "filename": uploaded.name if uploaded else None,
                "type": item.get("type"),
                "url": item.get("url"),
                "mime_type": uploaded.mime_type if uploaded else None,
                "size": uploaded.size if uploaded else -1,
                "transfer_method": item.get("transfer_method"),
                "belongs_to": "user",
                "upload_file_id": upload_id,
            }
        )
    return tuple(built)


def prepare_inputs(call: Call, app: App, inputs: Mapping[str, object]) -> dict[str, object]:
    """The inputs a new conversation keeps: checked against the app's ``user_input_form``
    by the server's own rules (only the form's variables are kept, defaults applied)."""
    try:
        return check_inputs(app.user_input_form, inputs, dialect=call.options.dialect)
    except InputValidationError as refused:
        if refused.status == 500:
            raise internal_error() from None
        raise error(400, "invalid_param", refused.message) from None


def send_message(call: Call) -> Reply:
    app = call.app()
    payload = call.json()
    user = call.body_user(required=True)
    call.chat_app()
    _check_payload(call, payload)
    query = payload["query"]
    assert isinstance(query, str)  # checked above
    if not query:
        raise error(400, "invalid_param", "query is required")
    streaming = payload.get("response_mode") == "streaming"
    store = call.store
    conversation_id = payload.get("conversation_id")
    # Dify drops the files of a message when the app's file upload feature is off.
    files = _message_files(call, payload.get("files")) if app.file_upload else ()
    if conversation_id:
        conv = call.owned_conversation(str(uuid.UUID(str(conversation_id))), user, hint=True)
        inputs: Mapping[str, object] = dict(conv.inputs)  # Dify keeps the first turn's inputs
    else:
        raw_inputs = payload.get("inputs")
        inputs = prepare_inputs(call, app, raw_inputs if isinstance(raw_inputs, dict) else {})
        auto_name = payload.get("auto_generate_name", True) is not False
        name = conversation_name(query) if auto_name else NEW_CONVERSATION_NAME
        conv = store.start_conversation(app, user, inputs, name)
    end_user = store.end_user(app.api_key, user)
    now = store.now()
    task_id = str(uuid.uuid4())
    history = store.snapshot(conv).messages
    previous = history[-1].id if history else None
    run_id = str(uuid.uuid4())
    message = StoredMessage(
        id=str(uuid.uuid4()),
        conversation_id=conv.id,
        parent_message_id=previous,
        inputs=dict(inputs),
        query=query,
        answer="",
        created_at=now,
        task_id=task_id,
        workflow_run_id=run_id,
        message_files=files,
    )
    store.add_message(conv, message)
    workflow_inputs = {
        **inputs,
        "sys.query": query,
        "sys.files": [dict(f) for f in files],
        "sys.conversation_id": conv.id,
        "sys.user_id": end_user.id,
        "sys.dialogue_count": len(history) + 1,
        "sys.app_id": app.id,
        "sys.workflow_id": app.workflow_id,
        "sys.workflow_run_id": run_id,
    }
    store.save_run(new_run(run_id, app, user, task_id, workflow_inputs, now))
    fault = _stream_fault(call, streaming)
    turn = Turn(
        store=store,
        options=call.options,
        app=app,
        conversation=conv,
        message=message,
        run_id=run_id,
        end_user_id=end_user.id,
        user=user,
        query=query,
        inputs=inputs,
        workflow_inputs=workflow_inputs,
        fault=fault,
        log=store.add_run_log(run_id) if call.new else None,
    )
    if streaming:
        job = Job(turn.stream, streaming=True, ping_interval=call.options.ping_interval)
        return Reply(200, b"", _STREAM, job=job)
    return Reply(200, b"", None, job=Job(turn.blocking, streaming=False))


# A blocking turn runs the same events unseen: it is slowed like a stream, and an error
# event's error becomes its answer; a cut or a missing ending has nothing to act on.
_BLOCKING_FAULTS: Final = frozenset({"slow_events", "stream_error"})


def _stream_fault(call: Call, streaming: bool) -> Fault | None:
    faults = call.state.faults
    if not faults:
        return None
    if streaming:
        return faults.take(("chat", "send_message"), stream=True)
    return faults.take(("chat", "send_message"), stream=True, kinds=_BLOCKING_FAULTS)


def stop_message(call: Call) -> Reply:
    call.app()
    user = call.body_user(required=True)
    call.chat_app()
    call.store.stop_task(call.params[0], user)
    return json_reply(200, {"result": "success"})


ROUTES: Final = (
    RouteSpec("chat", "send_message", "/chat-messages", {"POST": send_message}),
    RouteSpec("chat", "stop_message", "/chat-messages/{str}/stop", {"POST": stop_message}),
)
