"""``POST /chat-messages`` (blocking and streaming) and ``POST /chat-messages/{task_id}/stop``."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final

from ..._chat_inputs import InputValidationError, check_inputs
from .._context import Call, Checks, Reply, Stop, error, internal_error, json_reply, lax_bool
from .._faults import Fault
from .._store import FILE_TYPES, NIL_UUID, App, StoredMessage, UploadedFile
from .._stream import Job
from .._turn import SystemVariables, Turn, chat_internal_error, new_run
from ._spec import RouteSpec
from .files import preview_url

__all__ = ["ROUTES", "conversation_name", "fallback_name"]

_MODES: Final = ("blocking", "streaming")
_STREAM: Final = "text/event-stream; charset=utf-8"
_NAME_LENGTH: Final = 20
_MISSING: Final = object()
# The app's file upload settings beside its file types (``GET /parameters`` shows them).
_ALLOWED_EXTENSIONS: Final[tuple[str, ...]] = ()
_FILE_LIMIT: Final = 3
_TRANSFER_METHODS: Final = ("remote_url", "local_file", "tool_file", "datasource_file")
_WORKFLOW_FILE_KEYS: Final = {
    False: (
        "dify_model_identity",
        "id",
        "tenant_id",
        "type",
        "transfer_method",
        "remote_url",
        "related_id",
        "filename",
        "extension",
        "mime_type",
        "size",
        "url",
    ),
    True: (
        "dify_model_identity",
        "id",
        "type",
        "transfer_method",
        "remote_url",
        "reference",
        "filename",
        "extension",
        "mime_type",
        "size",
        "related_id",
        "url",
    ),
}
_SEND: Final = ("chat", "chat.send")  # what a stream fault is aimed at
# The ``help`` texts of 1.10's chat parser arguments: they lead its validation texts.
_HELP_INPUTS: Final = "Input parameters for chat"
_HELP_QUERY: Final = "The chat query"
_HELP_CONVERSATION: Final = "Existing conversation ID"


def conversation_name(query: str) -> str:
    """The name Dify gives a new conversation: the query, cut to 20 characters."""
    return query if len(query) <= _NAME_LENGTH else query[:_NAME_LENGTH] + "…"


def fallback_name(query: str) -> str:
    """The name 1.16 gives a conversation when naming it by a model fails: the query, cut
    to 47 characters and "..." when it is over 50."""
    return query[:47] + "..." if len(query) > 50 else query


def _first_name(call: Call, query: str, *, streaming: bool, auto_name: bool) -> str:
    """A new conversation's name: the cut query. With ``auto_generate_name`` Dify asks a
    model to rename it a second later; without a model 1.10 keeps the cut query, and 1.16
    falls back to the query (see :func:`fallback_name`), observed after a blocking turn."""
    if call.new and auto_name and not streaming:
        return fallback_name(query)
    return conversation_name(query)


def _converted(convert: Callable[[Any], object], value: object) -> str | None:
    """The text of the exception reqparse's type converter raises for ``value``."""
    try:
        convert(value)
    except Exception as exc:  # reqparse reports whatever the converter raised
        return str(exc)
    return None


def _check_payload(call: Call, payload: Mapping[str, object]) -> str | None:
    """The request model's checks; returns the query as the app sees it (``None`` when
    it is null, which 1.10 lets through)."""
    checks = Checks("ChatRequestPayload")
    inputs = payload.get("inputs", _MISSING)
    if inputs is _MISSING:
        checks.missing("inputs", _HELP_INPUTS, "the JSON body", dict(payload))
    elif not isinstance(inputs, dict):
        checks.fail_pydantic("inputs", "Input should be a valid dictionary", "dict_type", inputs)
        problem = None if inputs is None else _converted(dict, inputs)
        if problem is not None:
            checks.fail_restx("inputs", _HELP_INPUTS, problem)
    query = payload.get("query", _MISSING)
    if query is _MISSING:
        checks.missing("query", _HELP_QUERY, "the JSON body", dict(payload))
    elif not isinstance(query, str):
        checks.fail_pydantic("query", "Input should be a valid string", "string_type", query)
    files = payload.get("files")
    problem = None if files is None else _converted(list, files)
    if problem is not None:
        checks.fail_restx("files", "List of file attachments", problem)
    if files is not None and not isinstance(files, list):
        checks.fail_pydantic("files", "Input should be a valid list", "list_type", files)
    for index, item in enumerate(files if isinstance(files, list) else ()):
        if not isinstance(item, dict):
            text = "Input should be a valid dictionary"
            checks.fail_pydantic(f"files.{index}", text, "dict_type", item)
    mode = payload.get("response_mode", _MISSING)
    if mode is not _MISSING and mode not in _MODES:
        if mode is not None:
            text = "Input should be 'blocking' or 'streaming'"
            checks.fail_pydantic("response_mode", text, "literal_error", mode)
        shown = mode if mode is None else str(mode)
        choice = f"The value '{shown}' is not a valid choice for 'response_mode'."
        checks.fail_restx("response_mode", "Response mode", choice)
    _check_conversation_id(call, checks, payload.get("conversation_id"))
    auto_name = payload.get("auto_generate_name", True)
    if lax_bool(auto_name) is None:
        checks.fail_bool("auto_generate_name", auto_name)
    call.check(checks)
    if query is _MISSING or query is None:
        return None
    return query if isinstance(query, str) else str(query)


def _check_conversation_id(call: Call, checks: Checks, value: object) -> None:
    """1.10 runs ``uuid_value`` on it; 1.16 strips a string, takes a blank one for none,
    and names the field in its text."""
    if value is None or value == "":
        return
    if not isinstance(value, str):
        if call.options.validation_errors != "restx":
            raise internal_error()  # uuid.UUID() raises AttributeError, which pydantic passes on
        problem = _converted(uuid.UUID, value)
        checks.fail_restx("conversation_id", _HELP_CONVERSATION, str(problem))
        return
    if value.strip():
        try:
            uuid.UUID(value.strip())
        except ValueError:
            text = "Value error, conversation_id must be a valid UUID"
            checks.fail_pydantic("conversation_id", text, "value_error", value)
    try:
        uuid.UUID(value)
    except ValueError:
        checks.fail_restx("conversation_id", _HELP_CONVERSATION, f"{value} is not a valid uuid.")


_FileList = tuple[Mapping[str, object], ...]


def _message_files(call: Call, app: App, files: object) -> tuple[_FileList, _FileList]:
    """The files of a message as Dify builds them, as ``GET /messages`` lists them and as
    the workflow sees them (``sys.files``): each checked against the upload and against
    the app's file upload settings, in order; a refusal names the first."""
    if not isinstance(files, list):
        return (), ()
    built = []
    seen = []
    for item in files:
        if not isinstance(item, dict):
            raise error(400, "invalid_param", "Invalid file: every file must be an object")
        method = item.get("transfer_method")
        if not method:
            continue  # Dify leaves out a file without a transfer method
        if method not in _TRANSFER_METHODS:
            text = f"{method!r} is not a valid FileTransferMethod"
            if not call.new:
                text = f"No matching enum found for value {method!r}"
            raise error(400, "invalid_param", text)
        upload_id = item.get("upload_file_id")
        uploaded = None
        if method == "local_file" or (method == "remote_url" and upload_id and call.new):
            uploaded = _upload_of(call, app, upload_id)
        elif method == "remote_url" and not call.new and not item.get("url"):
            raise error(400, "invalid_param", "Invalid file url")
        kind = item.get("type") or "custom"
        if uploaded is not None and kind not in FILE_TYPES:
            raise error(400, "invalid_param", f"{kind!r} is not a valid FileType")
        name = uploaded.name if uploaded else None
        extension = "." + uploaded.extension if uploaded else ""
        if (kind not in app.allowed_file_types and kind != "custom") or (
            kind == "custom" and extension not in _ALLOWED_EXTENSIONS
        ):
            raise error(400, "invalid_param", f"File validation failed for file: {name}")
        built.append(
            {
                "id": str(uuid.uuid4()),
                "filename": name,
                "type": item.get("type"),
                "url": preview_url(call, uploaded) if uploaded else item.get("url"),
                "mime_type": uploaded.mime_type if uploaded else None,
                "size": uploaded.size if uploaded else -1,
                "transfer_method": method,
                "belongs_to": "user",
                "upload_file_id": upload_id,
            }
        )
        seen.append(_workflow_file(call, app, item, uploaded))
    if len(built) > _FILE_LIMIT:
        message = f"Number of files exceeds the maximum limit {_FILE_LIMIT}"
        raise error(400, "invalid_param", message)
    return tuple(built), tuple(seen)


def _workflow_file(
    call: Call, app: App, item: Mapping[str, object], uploaded: UploadedFile | None
) -> dict[str, object]:
    """One of ``sys.files``: Dify's file model as the dialect dumps it."""
    remote = item.get("url")
    link = preview_url(call, uploaded) if uploaded else remote
    related = uploaded.id if uploaded else None
    reference = None
    if related is not None:
        record = json.dumps({"record_id": related}, separators=(",", ":")).encode()
        reference = "dify-file-ref:" + base64.urlsafe_b64encode(record).decode()
    values: dict[str, object] = {
        "dify_model_identity": "__dify__file__",
        "id": None,
        "tenant_id": app.tenant_id,
        "type": item.get("type") or "custom",
        "transfer_method": item.get("transfer_method"),
        # 1.10 fills it with a link of its own even for a local file; 1.16 only for a remote one
        "remote_url": (remote or "")
        if call.new
        else (preview_url(call, uploaded) if uploaded else remote),
        "reference": reference,
        "related_id": related,
        "filename": uploaded.name if uploaded else None,
        "extension": "." + uploaded.extension if uploaded else None,
        "mime_type": uploaded.mime_type if uploaded else None,
        "size": uploaded.size if uploaded else -1,
        "url": link,
    }
    return {key: values[key] for key in _WORKFLOW_FILE_KEYS[call.new]}


def _upload_of(call: Call, app: App, upload_id: object) -> UploadedFile:
    """The uploaded file a ``local_file`` names: one of this app's workspace."""
    if upload_id and not isinstance(upload_id, str) and not call.new:
        # 1.10 hands it to uuid.UUID, which fails on a non-string
        raise Stop(chat_internal_error())
    if not upload_id or not isinstance(upload_id, str):
        raise error(400, "invalid_param", "Invalid upload file id")
    try:
        uuid.UUID(upload_id)
    except ValueError:
        raise error(400, "invalid_param", "Invalid upload file id format") from None
    uploaded = call.store.file(upload_id)
    owner = call.store.app(uploaded.api_key) if uploaded else None
    if uploaded is None or owner is None or owner.tenant_id != app.tenant_id:
        raise error(400, "invalid_param", "Invalid upload file")
    return uploaded


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
    query = _check_payload(call, payload)
    if not query:
        raise error(400, "invalid_param", "query is required")
    query = query.replace("\x00", "")  # Dify drops NUL characters (after its check)
    streaming = payload.get("response_mode") == "streaming"
    store = call.store
    conversation_id = payload.get("conversation_id")
    conversation_id = conversation_id.strip() if isinstance(conversation_id, str) else ""
    known = None
    if conversation_id:
        known = call.owned_conversation(str(uuid.UUID(conversation_id)), user, hint=True)
    # Dify drops the files of a message when the app's file upload feature is off.
    files, workflow_files = (
        _message_files(call, app, payload.get("files")) if app.file_upload else ((), ())
    )
    if known is not None:
        conv = known
        inputs: Mapping[str, object] = dict(conv.inputs)  # Dify keeps the first turn's inputs
    else:
        raw_inputs = payload.get("inputs")
        inputs = prepare_inputs(call, app, raw_inputs if isinstance(raw_inputs, dict) else {})
        auto_name = lax_bool(payload.get("auto_generate_name", True)) is True
        name = _first_name(call, query, streaming=streaming, auto_name=auto_name)
        conv = store.start_conversation(app, user, inputs, name)
    end_user = store.end_user(app.api_key, user)
    now = store.now()
    task_id = str(uuid.uuid4())
    history = store.snapshot(conv).messages
    run_id = str(uuid.uuid4())
    message = StoredMessage(
        id=str(uuid.uuid4()),
        conversation_id=conv.id,
        parent_message_id=NIL_UUID,
        inputs=dict(inputs),
        query=query,
        answer="",
        created_at=now,
        task_id=task_id,
        workflow_run_id=run_id,
        message_files=files,
    )
    store.add_message(conv, message)
    system = SystemVariables(
        query=query,
        files=workflow_files,
        conversation_id=conv.id,
        user_id=user,
        dialogue_count=len(history) + 1,
        app_id=app.id,
        workflow_id=app.workflow_id,
        workflow_run_id=run_id,
    )
    workflow_inputs = {**inputs, **system.run_inputs(new=call.new)}
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
        start_inputs={**inputs, **system.start_node_inputs(new=call.new)},
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
        return faults.take(_SEND, stream=True)
    return faults.take(_SEND, stream=True, kinds=_BLOCKING_FAULTS)


def stop_message(call: Call) -> Reply:
    call.app()
    user = call.body_user(required=True)
    call.chat_app()
    call.store.stop_task(call.params[0], user)
    return json_reply(200, {"result": "success"})


ROUTES: Final = (
    RouteSpec(
        "chat.send",
        send_message,
        sample_body={
            "query": "hi",
            "inputs": {"n": 1},
            "response_mode": "streaming",
            "user": "u-1",
            "conversation_id": "0b6f8a52-27c3-4b8e-9a1d-5f0e3c2d1a47",
            "auto_generate_name": False,
            "files": [
                {
                    "type": "document",
                    "transfer_method": "local_file",
                    "upload_file_id": "7c1e9d34-8f2a-4b6c-a5d0-3e4f5a6b7c8d",
                }
            ],
        },
    ),
    RouteSpec("chat.stop", stop_message, strings=("task_id",), sample_body={"user": "u-1"}),
)
