"""The in-memory state of the test server: apps, end users' conversations and variables.

Every read and write goes through one lock, so handler threads and the test thread can use
the store at the same time.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Final

__all__ = [
    "CHAT_MODES",
    "DEFAULT_USER",
    "STORED_TYPES",
    "App",
    "Conversation",
    "LastIdNotFound",
    "Store",
    "StoredVariable",
]

DEFAULT_USER: Final = "DEFAULT-USER"
"""The end user Dify uses when a request names no ``user`` (or an empty one)."""

CHAT_MODES: Final = frozenset({"chat", "agent-chat", "advanced-chat"})
APP_MODES: Final = CHAT_MODES | {"workflow", "completion"}

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


@dataclass(frozen=True)
class App:
    """An app reachable with one API key."""

    api_key: str
    mode: str = "advanced-chat"
    enabled: bool = True


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


@dataclass
class Conversation:
    """One conversation, owned by an end user of one app."""

    id: str
    api_key: str
    user: str
    variables: list[StoredVariable] = field(default_factory=list)


class LastIdNotFound(LookupError):
    """``last_id`` names no variable of the conversation."""


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


class Store:
    """Apps, conversations and their variables behind one lock."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._apps: dict[str, App] = {}
        self._conversations: dict[str, Conversation] = {}

    def now(self) -> int:
        """The server clock in whole Unix seconds."""
        return int(self._clock())

    def add_app(self, app: App) -> None:
        if app.mode not in APP_MODES:
            raise ValueError(f"mode must be one of {sorted(APP_MODES)}, not {app.mode!r}")
        with self._lock:
            self._apps[app.api_key] = app

    def app(self, api_key: str) -> App | None:
        with self._lock:
            return self._apps.get(api_key)

    def add_conversation(
        self,
        *,
        api_key: str,
        user: str,
        variables: Iterable[Mapping[str, object]],
        conversation_id: str | None,
    ) -> str:
        now = self.now()
        conv_id = canonical_uuid(conversation_id) if conversation_id else str(uuid.uuid4())
        built = [self._build_variable(spec, now) for spec in variables]
        names = [var.name for var in built]
        if len(set(names)) != len(names):
            raise ValueError("variable names must be unique within a conversation")
        with self._lock:
            if api_key not in self._apps:
                raise ValueError("no app has this API key: call add_app() first")
            if conv_id in self._conversations:
                raise ValueError(f"conversation {conv_id} already exists")
            self._conversations[conv_id] = Conversation(conv_id, api_key, user or DEFAULT_USER)
            self._conversations[conv_id].variables.extend(built)
        return conv_id

    @staticmethod
    def _build_variable(spec: Mapping[str, object], now: int) -> StoredVariable:
        unknown = set(spec) - {"id", "name", "value_type", "value", "description", "created_at"}
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
        var_id = canonical_uuid(str(raw_id)) if raw_id is not None else str(uuid.uuid4())
        value = spec["value"]
        return StoredVariable(
            var_id, name, _stored_type(value_type, value), value, description, created, created
        )

    def conversation(self, api_key: str, conversation_id: str, user: str) -> Conversation | None:
        """The conversation if it belongs to this app and end user (else ``None``)."""
        with self._lock:
            conv = self._conversations.get(conversation_id)
        if conv is None or conv.api_key != api_key or conv.user != user:
            return None
        return conv

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
        name_filter: str | None,
        paging_flaw: bool,
    ) -> tuple[list[StoredVariable], bool]:
        """One page of variables ordered by creation, and whether more follow.

        ``name_filter`` is a case-insensitive substring match, as Dify's SQL ``ILIKE``.
        With ``paging_flaw`` the page after ``last_id`` holds only variables created in a
        strictly later second, as Dify's query does; without it, those listed after it.
        """
        with self._lock:
            rows = list(conv.variables)
        if name_filter:
            needle = name_filter.lower()
            rows = [var for var in rows if needle in var.name.lower()]
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
