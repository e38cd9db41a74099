"""What every route module shares: the reply type, the request being answered, and the
checks and error answers Dify runs the same way on every route (Bearer token, app
status, JSON body, app mode, parameter validation in the dialect's shape, 404 hints).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

from ._faults import FaultQueue
from ._hints import with_hint
from ._records import HeldStreamLog, RequestLog
from ._store import CHAT_MODES, DEFAULT_USER, App, Conversation, Store, canonical_uuid
from ._wire import BAD_REQUEST_MESSAGE, MalformedJSON, parse_json_body, pydantic_error

if TYPE_CHECKING:
    from ._stream import Job

__all__ = [
    "JSON",
    "MUST_BE_UUID",
    "Call",
    "Checks",
    "Dialect",
    "Reply",
    "ServerOptions",
    "ServerState",
    "Stop",
    "error",
    "json_reply",
    "lax_bool",
    "parse_uuid",
]

Dialect = Literal["1.10", "1.16"]
JSON: Final = "application/json"
HTML: Final = "text/html; charset=utf-8"

_MSG_NO_BEARER: Final = "Authorization header must be provided and start with 'Bearer'"
_MSG_SCHEME: Final = "Authorization scheme must be 'Bearer'"
_MSG_INVALID_TOKEN: Final = "Access token is invalid"  # noqa: S105 (a message)
_MSG_DISABLED: Final = "The app's API service has been disabled."
_MSG_UNSUPPORTED_MEDIA: Final = (
    "Did not attempt to load JSON data because the request Content-Type was not 'application/json'."
)
_MSG_NOT_CHAT: Final = "Please check if your app mode matches the right API route."
_MSG_RESTX_INVALID: Final = "Input payload validation failed"
_MSG_USER_REQUIRED: Final = "Arg user must be provided."
_VERSIONS: Final = {"1.10": "1.10.1", "1.16": "1.16.1"}


@dataclass(frozen=True)
class ServerOptions:
    """Behaviour switches of the test server (see :class:`DifyTestServer`)."""

    size_limit: int = 204_800
    expose_stored_number_type: bool = False
    paging_flaw: bool = True
    validation_errors: Literal["invalid_param", "restx"] = "invalid_param"
    dialect: Dialect = "1.16"
    ping_interval: float = 10.0
    events_idle_timeout: float = 300.0
    message_end_after_workflow_finished: bool = False
    events_from_subscription: bool = False

    @property
    def new(self) -> bool:
        """Whether the server speaks the 1.16 dialect (Dify 1.16.1's events, texts and routes)."""
        return self.dialect == "1.16"

    @property
    def version_headers(self) -> tuple[tuple[str, str], ...]:
        """``X-Version`` / ``X-Env`` (and ``Vary: Cookie`` on 1.16), sent on every answer."""
        base = (("X-Version", _VERSIONS[self.dialect]), ("X-Env", "PRODUCTION"))
        return (*base, ("Vary", "Cookie")) if self.new else base


@dataclass
class ServerState:
    """Everything the event loop and the chat-turn threads share."""

    store: Store
    options: ServerOptions
    faults: FaultQueue = field(default_factory=FaultQueue)
    log: RequestLog = field(default_factory=RequestLog)
    held: HeldStreamLog = field(default_factory=HeldStreamLog)


@dataclass(frozen=True)
class Reply:
    """One response to write; with ``drop`` a connection to close unanswered; with ``job``
    an answer computed off the event loop (a chat turn: blocking JSON or a stream)."""

    status: int
    body: bytes = b""
    content_type: str | None = JSON
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False
    job: Job | None = None


class Stop(Exception):
    """Carries the reply of a failed check up to the dispatcher."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def dump_spaced(payload: object) -> bytes:
    """Flask-RESTX's success bodies: ``json.dumps`` defaults plus a newline."""
    return (json.dumps(payload) + "\n").encode("ascii")


def dump_error(payload: object) -> bytes:
    """Dify's error bodies: compact JSON with ``/`` escaped as ``\\/``, plus a newline."""
    return (json.dumps(payload, separators=(",", ":")).replace("/", "\\/") + "\n").encode("ascii")


def json_reply(status: int, payload: object, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    """A success answer of a flask-restx resource."""
    return Reply(status, dump_spaced(payload), JSON, headers)


def error(status: int, code: str, message: str, **extra: str) -> Stop:
    """A ``{"code", "message", "status"}`` answer to raise."""
    payload = {"code": code, "message": message, "status": status}
    return Stop(Reply(status, dump_error(payload), JSON, tuple(extra.items())))


def internal_error() -> Stop:
    """Dify's catch-all answer to an unexpected exception."""
    payload = {"message": "Internal Server Error", "code": "unknown", "status": 500}
    return Stop(Reply(500, dump_error(payload), JSON))


FieldError = tuple[str, str, str, object]  # field, text, pydantic type, input value


@dataclass
class Call:
    """One request being answered: what arrived, the route's path parameters, and the
    checks shared by every route (each runs once and is remembered)."""

    state: ServerState
    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes
    params: tuple[str, ...] = ()
    _app: App | None = None
    _json: dict[str, object] | None = None

    @property
    def options(self) -> ServerOptions:
        return self.state.options

    @property
    def store(self) -> Store:
        return self.state.store

    @property
    def new(self) -> bool:
        return self.state.options.new

    # -- checks in Dify's order ----------------------------------------------------------

    def app(self) -> App:
        """The app of the Bearer token (401 with Dify's three messages; 403 if disabled)."""
        if self._app is not None:
            return self._app
        challenge = {"WWW-Authenticate": 'Bearer realm="api"'}
        value = (self.headers.get("authorization") or "").strip()
        if " " not in value:
            raise error(401, "unauthorized", _MSG_NO_BEARER, **challenge)
        scheme, token = value.split(None, 1)
        if scheme.lower() != "bearer":
            raise error(401, "unauthorized", _MSG_SCHEME, **challenge)
        app = self.store.app(token)
        if app is None:
            raise error(401, "unauthorized", _MSG_INVALID_TOKEN, **challenge)
        if not app.enabled:
            raise error(403, "forbidden", _MSG_DISABLED)
        self._app = app
        return app

    def chat_app(self) -> App:
        """The app, refused with ``not_chat_app`` unless it is a chat app."""
        app = self.app()
        if app.mode not in CHAT_MODES:
            raise error(400, "not_chat_app", _MSG_NOT_CHAT)
        return app

    def json(self) -> dict[str, object]:
        """The JSON body as Flask's ``get_json()`` and Dify's ``.get("user")`` see it."""
        if self._json is not None:
            return self._json
        mimetype = self.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        is_json = mimetype == JSON or (
            mimetype.startswith("application/") and mimetype.endswith("+json")
        )
        if not is_json:
            raise error(415, "unsupported_media_type", _MSG_UNSUPPORTED_MEDIA)
        try:
            payload = parse_json_body(self.body)
        except MalformedJSON:
            raise error(400, "bad_request", BAD_REQUEST_MESSAGE) from None
        if not isinstance(payload, dict):
            # Dify calls .get("user") on it: AttributeError, answered by its catch-all.
            raise internal_error()
        self._json = payload
        return payload

    def user(self, value: object, *, required: bool = False) -> str:
        """The end user a request names; a missing or empty one is the default end user,
        or 400 where Dify requires it."""
        if value is None or value == "":
            if required:
                raise error(400, "invalid_param", _MSG_USER_REQUIRED)
            return DEFAULT_USER
        return str(value)

    def query_user(self, *, required: bool = False) -> str:
        return self.user(self.query.get("user"), required=required)

    def body_user(self, *, required: bool = False) -> str:
        return self.user(self.json().get("user"), required=required)

    def owned_conversation(self, conversation_id: str, user: str, *, hint: bool) -> Conversation:
        """The conversation if it is this end user's, else 404 (with the hint where Dify
        sends one)."""
        conv = self.store.conversation(self.app().api_key, conversation_id, user)
        if conv is None:
            raise self.not_found("Conversation Not Exists.", hint=hint)
        return conv

    # -- error answers ---------------------------------------------------------------------

    def not_found(self, message: str, *, hint: bool, code: str = "not_found") -> Stop:
        text = with_hint(message, self.path, new=self.new) if hint else message
        return error(404, code, text)

    def check(self, checks: Checks) -> None:
        """Refuse the request if a parameter check failed, in the configured shape:
        flask-restx's ``errors`` object naming the first failing argument (1.10) or
        pydantic's text of every failing field in ``invalid_param`` (1.16)."""
        if self.options.validation_errors == "restx":
            if checks.restx:
                name, text = checks.restx[0]
                payload = {"errors": {name: text}, "message": _MSG_RESTX_INVALID}
                raise Stop(Reply(400, dump_error(payload), JSON))
        elif checks.pydantic:
            raise error(400, "invalid_param", pydantic_error(checks.model, checks.pydantic))


Handler = Callable[[Call], Reply]


@dataclass
class Checks:
    """The failed parameter checks of one request model, in each dialect's words.

    1.16 validates with a pydantic model (``model``) and lists every failing field; 1.10
    parses with flask-restx's ``reqparse``, stops at the first failing argument, and leads
    its text with the argument's ``help`` and a space.
    """

    model: str
    pydantic: list[FieldError] = field(default_factory=list)
    restx: list[tuple[str, str]] = field(default_factory=list)

    def fail_pydantic(self, name: str, text: str, kind: str, value: object) -> None:
        self.pydantic.append((name, text, kind, value))

    def fail_restx(self, name: str, help_text: str | None, text: str) -> None:
        self.restx.append((name, f"{help_text} {text}" if help_text else text))

    def fail_bool(self, name: str, value: object) -> None:
        """``value`` is no boolean a pydantic ``bool`` field can read (see :func:`lax_bool`)."""
        if isinstance(value, str | int | float):
            text = "Input should be a valid boolean, unable to interpret input"
            self.fail_pydantic(name, text, "bool_parsing", value)
        else:
            self.fail_pydantic(name, "Input should be a valid boolean", "bool_type", value)

    def missing(self, name: str, help_text: str | None, where: str, given: object) -> None:
        """A required parameter is absent (``where``: ``"the JSON body"``, ``"the query
        string"``); ``given`` is the whole input pydantic shows."""
        self.fail_pydantic(name, "Field required", "missing", given)
        self.fail_restx(name, help_text, f"Missing required parameter in {where}")


MUST_BE_UUID: Final = "Value error, must be a valid UUID"
_TRUE_TEXTS: Final = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE_TEXTS: Final = frozenset({"0", "off", "f", "false", "n", "no"})


def lax_bool(value: object) -> bool | None:
    """``value`` as a pydantic ``bool`` field reads JSON (``None``: not a boolean)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.lower()  # pydantic ignores case, not surrounding blanks
        if text in _TRUE_TEXTS or text in _FALSE_TEXTS:
            return text in _TRUE_TEXTS
    return None


def parse_uuid(
    checks: Checks,
    name: str,
    value: str | None,
    *,
    help_text: str,
    pydantic_text: str = MUST_BE_UUID,
) -> str | None:
    """An optional UUID parameter, canonical (``None`` when absent or empty); a failure
    is added to ``checks``: ``uuid_value``'s text on 1.10, ``pydantic_text`` on 1.16
    (the text of the ``UUIDStrOrEmpty`` type by default)."""
    if not value:
        return None
    try:
        return canonical_uuid(value)
    except ValueError:
        checks.fail_pydantic(name, pydantic_text, "value_error", value)
        checks.fail_restx(name, help_text, f"{value} is not a valid uuid.")
        return None
