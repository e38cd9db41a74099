"""The in-memory state of the test server: apps, end users, conversations with their
variables and messages, workflow runs, uploaded files and running chat tasks.

Every read and write goes through one lock, so the event loop, the threads running chat
turns and the test thread can use the store at the same time. Readers get frozen
snapshots (:class:`ConversationSnapshot`, :class:`StoredMessage`, :class:`WorkflowRun`).
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final, TypeAlias

from ._app_data import AppData
from ._human import FormSubmission, HumanInput, PendingForm, RunLog

__all__ = [
    "CHAT_MODES",
    "DEFAULT_USER",
    "NIL_UUID",
    "NO_DEFAULT_MODEL",
    "STORED_TYPES",
    "App",
    "Conversation",
    "ConversationSnapshot",
    "EndUser",
    "LastIdNotFound",
    "NoDefaultModel",
    "Responder",
    "SpeechToText",
    "Store",
    "StoredMessage",
    "StoredVariable",
    "TextToSpeech",
    "UploadedFile",
    "WorkflowRun",
]

DEFAULT_USER: Final = "DEFAULT-USER"
"""The end user Dify uses when a request names no ``user`` (or an empty one)."""

CHAT_MODES: Final = frozenset({"chat", "agent-chat", "advanced-chat"})
APP_MODES: Final = CHAT_MODES | {"workflow", "completion"}
NEW_CONVERSATION_NAME: Final = "New conversation"
NIL_UUID: Final = "00000000-0000-0000-0000-000000000000"
"""The parent of every message the service API creates (it keeps no message tree)."""

# Types a stored variable can have: numbers are stored as "integer" or "float".
STORED_TYPES: Final = frozenset(
    {
        "string",
        "secret",
        "integer",
        "float",
        "boolean",
        "object",
        "file",
        "array[string]",
        "array[number]",
        "array[object]",
        "array[boolean]",
        "array[file]",
        "array[any]",
    }
)
_VARIABLE_KEYS: Final = frozenset(
    {"id", "name", "value_type", "value", "description", "created_at"}
)


def _new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class StoredVariable:
    """A conversation variable as the server stores it.

    ``value_type`` is the stored type: numbers are ``"integer"`` or ``"float"``;
    :attr:`exposed_type` is what current servers send (``"number"``).
    """

    id: str
    name: str
    value_type: str
    value: object
    description: str
    created_at: int
    updated_at: int

    @property
    def exposed_type(self) -> str:
        """The type current Dify servers show: ``number`` for integer- and float-stored."""
        return "number" if self.value_type in ("integer", "float") else self.value_type


@dataclass(frozen=True)
class StoredMessage:
    """One turn of a conversation, as ``GET /messages`` shows it (a snapshot).

    ``status`` is ``"normal"`` or ``"error"``; ``feedback`` is ``"like"``, ``"dislike"`` or
    ``None``; ``answer`` stays ``""`` while the turn runs (and, on 1.10, when the client
    dropped the stream).
    """

    id: str
    conversation_id: str
    parent_message_id: str | None
    inputs: Mapping[str, object]
    query: str
    answer: str
    created_at: int
    task_id: str
    workflow_run_id: str
    status: str = "normal"
    error: str | None = None
    feedback: str | None = None
    message_files: tuple[Mapping[str, object], ...] = ()
    latency: float = 0.0  # seconds from the request to the end of the answer


def answer_outputs(answer: str) -> dict[str, object]:
    """What a finished Start → Answer run outputs: the answer, and the files it carries."""
    return {"answer": answer, "files": []}


@dataclass(frozen=True)
class ConversationSnapshot:
    """A conversation as a responder and :meth:`DifyTestServer.conversations` see it.

    ``variables`` maps names to stored values; ``messages`` are the finished and running
    turns, oldest first.
    """

    id: str
    user: str
    name: str
    inputs: Mapping[str, object]
    variables: Mapping[str, object]
    messages: tuple[StoredMessage, ...]
    created_at: int
    updated_at: int

    @property
    def dialogue_count(self) -> int:
        """How many turns the conversation holds (Dify's ``sys.dialogue_count``)."""
        return len(self.messages)


Responder: TypeAlias = Callable[
    [str, Mapping[str, object], ConversationSnapshot], str | Iterable[str | HumanInput]
]
"""Answers one chat turn: ``(query, inputs, conversation) -> str | Iterable[str]``; each
chunk becomes one ``message`` event. On the 1.16 dialect a generator may also yield a
:class:`HumanInput` to pause the turn; the ``yield`` gives back the submitted form."""


@dataclass(frozen=True)
class WorkflowRun:
    """The workflow run behind one chat turn (``GET /workflows/run/{id}``)."""

    id: str
    api_key: str
    user: str
    workflow_id: str
    task_id: str
    inputs: Mapping[str, object]
    created_at: int
    status: str = "running"
    outputs: Mapping[str, object] | None = None
    error: str | None = None
    total_steps: int = 0
    total_tokens: int = 0
    finished_at: int | None = None
    elapsed_time: float = 0.0
    finished_data: Mapping[str, object] | None = None  # workflow_finished's ``data``


@dataclass(frozen=True)
class UploadedFile:
    """A file received by ``POST /files/upload``."""

    id: str
    api_key: str
    user: str
    end_user_id: str
    name: str
    size: int
    extension: str
    mime_type: str
    created_at: int
    data: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class EndUser:
    """An end user of one app, created the first time a request names it."""

    id: str
    api_key: str
    user: str
    created_at: int


class NoDefaultModel:
    """The type of :data:`NO_DEFAULT_MODEL`."""

    def __repr__(self) -> str:
        return "NO_DEFAULT_MODEL"


NO_DEFAULT_MODEL: Final = NoDefaultModel()
"""A feature switched on in an app whose workspace has no default model for it: Dify
answers 400 ``provider_not_initialize`` ("Default model not found for ...")."""

SpeechToText: TypeAlias = Callable[[bytes, str], str] | NoDefaultModel
"""The scripted speech-to-text model: ``(audio, mime_type) -> text``, or
:data:`NO_DEFAULT_MODEL`."""

TextToSpeech: TypeAlias = Callable[[str], bytes] | NoDefaultModel
"""The scripted text-to-speech model: ``text -> audio/mpeg bytes``, or
:data:`NO_DEFAULT_MODEL`."""


FILE_TYPES: Final = ("image", "document", "audio", "video", "custom")


@dataclass(frozen=True)
class App:
    """An app reachable with one API key.

    ``variables`` are the conversation variables every new conversation starts with (their
    ids fixed, as a workflow declares them); ``suggested_questions`` ``None`` turns the
    suggestions after an answer off. ``file_upload`` keeps files sent with chat messages
    of the ``allowed_file_types``;
    ``speech_to_text`` / ``text_to_speech`` are the app's scripted models (``None``: the
    feature is off); ``embedding_models`` maps each embedding provider to its models
    (``None``: every name exists).
    """

    api_key: str
    mode: str = "advanced-chat"
    enabled: bool = True
    variables: tuple[StoredVariable, ...] = ()
    responder: Responder | None = None
    user_input_form: tuple[Mapping[str, object], ...] = ()
    suggested_questions: tuple[str, ...] | None = None
    name: str = "Test chatflow"
    description: str = ""
    opening_statement: str = ""
    file_size_limit: int = 15 * 1024 * 1024
    file_upload: bool = False
    allowed_file_types: tuple[str, ...] = FILE_TYPES
    speech_to_text: SpeechToText | None = None
    text_to_speech: TextToSpeech | None = None
    embedding_models: Mapping[str, frozenset[str]] | None = None
    id: str = field(default_factory=_new_id)
    workflow_id: str = field(default_factory=_new_id)
    tenant_id: str = field(default_factory=_new_id)


@dataclass
class Conversation:
    """One conversation, owned by an end user of one app (mutated under the store's lock)."""

    id: str
    api_key: str
    user: str
    variables: list[StoredVariable] = field(default_factory=list)
    name: str = NEW_CONVERSATION_NAME
    inputs: dict[str, object] = field(default_factory=dict)
    created_at: int = 0
    updated_at: int = 0
    messages: list[StoredMessage] = field(default_factory=list)
    deleted: bool = False
    order: int = 0


class LastIdNotFound(LookupError):
    """``last_id`` / ``first_id`` names no row of the listing."""


def _stored_type(value_type: str, value: object) -> str:
    if value_type == "number":
        return "float" if isinstance(value, float) else "integer"
    if value_type not in STORED_TYPES:
        known = ", ".join(sorted(STORED_TYPES | {"number"}))
        raise ValueError(f"unknown value_type {value_type!r}; expected one of: {known}")
    return value_type


def canonical_uuid(text: str) -> str:
    """``text`` as a lower-case hyphenated UUID, or ValueError."""
    return str(uuid.UUID(text))


def build_variable(spec: Mapping[str, object], now: int) -> StoredVariable:
    """A stored variable from a user's spec (``name``, ``value_type``, ``value``, ...)."""
    unknown = set(spec) - _VARIABLE_KEYS
    if unknown:
        raise ValueError(f"unknown variable keys: {sorted(unknown)}")
    name, value_type = spec.get("name"), spec.get("value_type")
    if not isinstance(name, str) or not name:
        raise ValueError("every variable needs a non-empty 'name'")
    if not isinstance(value_type, str):
        raise ValueError(f"variable {name!r} needs a 'value_type'")
    if "value" not in spec:
        raise ValueError(f"variable {name!r} needs a 'value'")
    raw_id, created = spec.get("id"), spec.get("created_at", now)
    description = spec.get("description", "")
    if not isinstance(created, int) or not isinstance(description, str):
        raise ValueError(f"variable {name!r}: created_at must be int, description str")
    var_id = canonical_uuid(str(raw_id)) if raw_id is not None else _new_id()
    value = spec["value"]
    return StoredVariable(
        var_id, name, _stored_type(value_type, value), value, description, created, created
    )


def build_variables(specs: Iterable[Mapping[str, object]], now: int) -> list[StoredVariable]:
    """Stored variables from specs, refusing duplicate names."""
    built = [build_variable(spec, now) for spec in specs]
    names = [var.name for var in built]
    if len(set(names)) != len(names):
        raise ValueError("variable names must be unique within a conversation")
    return built


_SORT_KEYS: Final = {
    "created_at": ("created_at", False),
    "-created_at": ("created_at", True),
    "updated_at": ("updated_at", False),
    "-updated_at": ("updated_at", True),
}


class Store:
    """Apps, end users, conversations, messages, runs, files and tasks behind one lock."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._order = itertools.count()
        self._apps: dict[str, App] = {}
        self._conversations: dict[str, Conversation] = {}
        self._messages: dict[str, StoredMessage] = {}
        self._runs: dict[str, WorkflowRun] = {}
        self._files: dict[str, UploadedFile] = {}
        self._end_users: dict[tuple[str, str], EndUser] = {}
        self._tasks: dict[str, tuple[str, threading.Event]] = {}
        self._forms: dict[str, PendingForm] = {}
        self._logs: dict[str, RunLog] = {}
        self.app_data = AppData(self.now)

    def now(self) -> int:
        """The server clock in whole Unix seconds."""
        return int(self._clock())

    def precise_now(self) -> float:
        """The server clock in Unix seconds, with its fraction."""
        return float(self._clock())

    # -- apps and end users --------------------------------------------------------------

    def add_app(self, app: App) -> None:
        if app.mode not in APP_MODES:
            raise ValueError(f"mode must be one of {sorted(APP_MODES)}, not {app.mode!r}")
        with self._lock:
            self._apps[app.api_key] = app

    def app(self, api_key: str) -> App | None:
        with self._lock:
            return self._apps.get(api_key)

    def end_user(self, api_key: str, user: str) -> EndUser:
        """The end user named ``user`` in this app, created on first use."""
        with self._lock:
            found = self._end_users.get((api_key, user))
            if found is None:
                found = EndUser(_new_id(), api_key, user, self.now())
                self._end_users[(api_key, user)] = found
            return found

    def end_user_by_id(self, api_key: str, end_user_id: str) -> EndUser | None:
        with self._lock:
            return next(
                (
                    u
                    for u in self._end_users.values()
                    if u.id == end_user_id and u.api_key == api_key
                ),
                None,
            )

    # -- conversations -------------------------------------------------------------------

    def add_conversation(
        self,
        *,
        api_key: str,
        user: str,
        variables: Iterable[Mapping[str, object]],
        conversation_id: str | None,
        name: str = NEW_CONVERSATION_NAME,
    ) -> str:
        now = self.now()
        conv_id = canonical_uuid(conversation_id) if conversation_id else _new_id()
        built = build_variables(variables, now)
        with self._lock:
            if api_key not in self._apps:
                raise ValueError("no app has this API key: call add_app() first")
            if conv_id in self._conversations:
                raise ValueError(f"conversation {conv_id} already exists")
            conv = Conversation(conv_id, api_key, user or DEFAULT_USER, built, name)
            conv.created_at = conv.updated_at = now
            conv.order = next(self._order)
            self._conversations[conv_id] = conv
        return conv_id

    def start_conversation(
        self, app: App, user: str, inputs: Mapping[str, object], name: str
    ) -> Conversation:
        """A new conversation of ``app`` with its variables at their defaults."""
        now = self.now()
        variables = [replace(var, created_at=now, updated_at=now) for var in app.variables]
        conv = Conversation(_new_id(), app.api_key, user, variables, name, dict(inputs), now, now)
        with self._lock:
            conv.order = next(self._order)
            self._conversations[conv.id] = conv
        return conv

    def conversation(self, api_key: str, conversation_id: str, user: str) -> Conversation | None:
        """The conversation if it belongs to this app and end user (else ``None``)."""
        with self._lock:
            conv = self._conversations.get(conversation_id)
        if conv is None or conv.deleted or conv.api_key != api_key or conv.user != user:
            return None
        return conv

    def delete_by_id(self, conversation_id: str) -> None:
        """Delete the conversation with this id, if there is one, in any app."""
        with self._lock:
            conv = self._conversations.get(conversation_id)
            if conv is not None:
                conv.deleted = True

    def snapshot(self, conv: Conversation) -> ConversationSnapshot:
        with self._lock:
            return self._snapshot(conv)

    @staticmethod
    def _snapshot(conv: Conversation) -> ConversationSnapshot:
        return ConversationSnapshot(
            id=conv.id,
            user=conv.user,
            name=conv.name,
            inputs=dict(conv.inputs),
            variables={var.name: var.value for var in conv.variables},
            messages=tuple(conv.messages),
            created_at=conv.created_at,
            updated_at=conv.updated_at,
        )

    def conversations(self, user: str | None) -> list[ConversationSnapshot]:
        """Every live conversation (of ``user`` if given), oldest first."""
        with self._lock:
            rows = [
                c
                for c in self._conversations.values()
                if not c.deleted and (user is None or c.user == user)
            ]
            rows.sort(key=lambda c: c.order)
            return [self._snapshot(c) for c in rows]

    def conversation_page(
        self,
        api_key: str,
        user: str,
        *,
        last_id: str | None,
        limit: int,
        sort_by: str,
        paging_flaw: bool = True,
    ) -> tuple[list[ConversationSnapshot], bool]:
        """One page of an end user's conversations in ``sort_by`` order, and whether more
        follow; ``last_id`` must name one of them (else :class:`LastIdNotFound`).

        With ``paging_flaw`` the rows after ``last_id`` are those whose sort timestamp is
        strictly beyond its (whole seconds), and ``has_more`` counts only rows strictly
        beyond the page's last one, as Dify's queries do: same-second rows are skipped.
        """
        attribute, descending = _SORT_KEYS[sort_by]

        def beyond(row: Conversation, reference: Conversation) -> bool:
            mine, theirs = getattr(row, attribute), getattr(reference, attribute)
            return bool(mine < theirs if descending else mine > theirs)

        with self._lock:
            rows = [
                c
                for c in self._conversations.values()
                if not c.deleted and c.api_key == api_key and c.user == user
            ]
            rows.sort(key=lambda c: (getattr(c, attribute), c.order), reverse=descending)
            if last_id is not None:
                index = next((i for i, c in enumerate(rows) if c.id == last_id), None)
                if index is None:
                    raise LastIdNotFound(last_id)
                cursor = rows[index]
                rows = [c for c in rows if beyond(c, cursor)] if paging_flaw else rows[index + 1 :]
            page, rest = rows[:limit], rows[limit:]
            if paging_flaw and page:
                rest = [c for c in rest if beyond(c, page[-1])]
            return [self._snapshot(c) for c in page], bool(rest)

    def rename(self, conv: Conversation, name: str) -> ConversationSnapshot:
        with self._lock:
            conv.name = name
            conv.updated_at = self.now()
            return self._snapshot(conv)

    def delete(self, conv: Conversation) -> None:
        with self._lock:
            conv.deleted = True

    def variables(self, conversation_id: str) -> list[StoredVariable]:
        """A snapshot of a conversation's variables in creation order."""
        with self._lock:
            conv = self._conversations.get(conversation_id)
            if conv is None:
                raise KeyError(conversation_id)
            return list(conv.variables)

    def variable(self, conv: Conversation, variable_id: str) -> StoredVariable | None:
        with self._lock:
            return next((var for var in conv.variables if var.id == variable_id), None)

    def page(
        self,
        conv: Conversation,
        *,
        limit: int,
        last_id: str | None,
        paging_flaw: bool,
    ) -> tuple[list[StoredVariable], bool]:
        """One page of variables ordered by creation, and whether more follow.

        With ``paging_flaw`` the page after ``last_id`` holds only variables created in a
        strictly later second, as Dify's query does; without it, those listed after it.
        """
        with self._lock:
            rows = list(conv.variables)
        if last_id:
            index = next((i for i, var in enumerate(rows) if var.id == last_id), None)
            if index is None:
                raise LastIdNotFound(last_id)
            after = rows[index].created_at
            rows = [v for v in rows if v.created_at > after] if paging_flaw else rows[index + 1 :]
        return rows[:limit], len(rows) > limit

    def replace_value(self, conv: Conversation, variable_id: str, value: object) -> StoredVariable:
        """Store a new value (already checked and built) and move ``updated_at``."""
        now = self.now()
        with self._lock:
            for index, var in enumerate(conv.variables):
                if var.id == variable_id:
                    updated = replace(var, value=value, updated_at=now)
                    conv.variables[index] = updated
                    return updated
        raise KeyError(variable_id)

    # -- messages ------------------------------------------------------------------------

    def add_message(self, conv: Conversation, message: StoredMessage) -> None:
        with self._lock:
            conv.messages.append(message)
            conv.updated_at = message.created_at
            self._messages[message.id] = message

    def add_finished_turn(self, conversation_id: str, query: str, answer: str) -> StoredMessage:
        """Add a finished turn (message and succeeded run) to a seeded conversation."""
        now = self.now()
        with self._lock:
            conv = self._conversations[conversation_id]
        task_id, run_id = _new_id(), _new_id()
        message = StoredMessage(
            _new_id(), conv.id, NIL_UUID, dict(conv.inputs), query, answer, now, task_id, run_id
        )
        app = self.app(conv.api_key)
        run = WorkflowRun(
            id=run_id,
            api_key=conv.api_key,
            user=conv.user,
            workflow_id=app.workflow_id if app else _new_id(),
            task_id=task_id,
            inputs={"sys.query": query},
            created_at=now,
            status="succeeded",
            outputs=answer_outputs(answer),
            total_steps=2,
            finished_at=now,
            finished_data={
                "id": run_id,
                "workflow_id": app.workflow_id if app else None,
                "status": "succeeded",
                "outputs": answer_outputs(answer),
                "error": None,
                "elapsed_time": 0.0,
                "total_tokens": 0,
                "total_steps": 2,
                "created_by": {"id": self.end_user(conv.api_key, conv.user).id, "user": conv.user},
                "created_at": now,
                "finished_at": now,
                "exceptions_count": 0,
                "files": [],
            },
        )
        self.add_message(conv, message)
        self.save_run(run)
        return message

    def update_message(self, message_id: str, **changes: Any) -> StoredMessage:
        with self._lock:
            updated = replace(self._messages[message_id], **changes)
            self._messages[message_id] = updated
            conv = self._conversations[updated.conversation_id]
            conv.messages = [updated if m.id == message_id else m for m in conv.messages]
            return updated

    def message(self, api_key: str, message_id: str, user: str) -> StoredMessage | None:
        """The message if its conversation belongs to this app and end user."""
        with self._lock:
            found = self._messages.get(message_id)
            conv = self._conversations.get(found.conversation_id) if found else None
        if found is None or conv is None or conv.api_key != api_key or conv.user != user:
            return None
        return found

    def any_message(self, message_id: str) -> StoredMessage | None:
        """The message with this id, whatever its app and end user."""
        with self._lock:
            return self._messages.get(message_id)

    def message_with_file(self, upload_file_id: str) -> tuple[StoredMessage, str] | None:
        """The first message a file was sent with, and its app's key (``None``: none)."""
        with self._lock:
            for message in self._messages.values():
                sent = (str(f.get("upload_file_id")).lower() for f in message.message_files)
                if upload_file_id in sent:
                    conv = self._conversations.get(message.conversation_id)
                    if conv is not None:
                        return message, conv.api_key
        return None

    def messages(self, conversation_id: str) -> list[StoredMessage]:
        """A conversation's messages, oldest first (``KeyError`` if there is none)."""
        with self._lock:
            conv = self._conversations.get(conversation_id)
            if conv is None:
                raise KeyError(conversation_id)
            return list(conv.messages)

    def message_page(
        self, conv: Conversation, *, first_id: str | None, limit: int, paging_flaw: bool
    ) -> tuple[list[StoredMessage], bool]:
        """The ``limit`` messages before ``first_id`` (the newest ones without it), oldest
        first, and whether older ones remain.

        With ``paging_flaw`` only messages created in a strictly earlier second than
        ``first_id``'s count as older, as Dify's query does, so same-second ones are skipped.
        """
        with self._lock:
            rows = list(conv.messages)
        if first_id is not None:
            index = next((i for i, m in enumerate(rows) if m.id == first_id), None)
            if index is None:
                raise LastIdNotFound(first_id)
            before = rows[index].created_at
            rows = [m for m in rows if m.created_at < before] if paging_flaw else rows[:index]
        page = rows[-limit:] if limit else []
        older = rows[: len(rows) - len(page)]
        if paging_flaw and page:
            older = [m for m in older if m.created_at < page[0].created_at]
        return page, bool(older)

    # -- workflow runs, files, tasks -----------------------------------------------------

    def save_run(self, run: WorkflowRun) -> None:
        with self._lock:
            self._runs[run.id] = run

    def run(self, run_id: str) -> WorkflowRun | None:
        with self._lock:
            return self._runs.get(run_id)

    def add_file(self, uploaded: UploadedFile) -> None:
        with self._lock:
            self._files[uploaded.id] = uploaded

    def file(self, file_id: str) -> UploadedFile | None:
        with self._lock:
            return self._files.get(file_id)

    def add_form(self, form: PendingForm) -> None:
        with self._lock:
            self._forms[form.token] = form

    def form(self, api_key: str, token: str) -> PendingForm | None:
        """The form with this token, if it belongs to this app."""
        with self._lock:
            found = self._forms.get(token)
        return found if found is not None and found.api_key == api_key else None

    def submit_form(self, form: PendingForm, submission: FormSubmission) -> bool:
        """Mark the form submitted; ``False`` if it already was."""
        with self._lock:
            if form.submitted:
                return False
            form.submitted = True
            form.submission = submission
            return True

    def run_forms(self, run_id: str) -> list[PendingForm]:
        """The forms a workflow run paused for, oldest first."""
        with self._lock:
            return [form for form in self._forms.values() if form.run_id == run_id]

    def add_run_log(self, run_id: str) -> RunLog:
        log = RunLog()
        with self._lock:
            self._logs[run_id] = log
        return log

    def drop_run_log(self, run_id: str) -> None:
        with self._lock:
            self._logs.pop(run_id, None)

    def run_log(self, run_id: str) -> RunLog | None:
        with self._lock:
            return self._logs.get(run_id)

    def start_task(self, task_id: str, user: str) -> threading.Event:
        """Register a running chat turn of ``user``; the event is set when it is stopped."""
        stop = threading.Event()
        with self._lock:
            self._tasks[task_id] = (user, stop)
        return stop

    def stop_task(self, task_id: str, user: str) -> None:
        """Stop the turn if it runs and is ``user``'s (anything else is quietly ignored)."""
        with self._lock:
            found = self._tasks.get(task_id)
        if found is not None and found[0] == user:
            found[1].set()

    def end_task(self, task_id: str) -> None:
        with self._lock:
            self._tasks.pop(task_id, None)

    def stop_all_tasks(self) -> None:
        with self._lock:
            stops = list(self._tasks.values())
        for _, stop in stops:
            stop.set()
