"""One exception hierarchy for everything dify_chatflow raises.

    DifyError
    ├── VariableValueError (also ValueError)     a value the server would refuse or change
    ├── InvalidIdError (also ValueError)         an id that is not a canonical UUID
    ├── ConfigurationError (also ValueError)     missing API key, missing user, bad option
    ├── LocalFileError (also OSError)            a local file cannot be read or written
    │   └── LocalFileNotFoundError, LocalIsADirectoryError, LocalPermissionError
    │       (also FileNotFoundError, IsADirectoryError, PermissionError)
    ├── GeneratedBindingError (also ImportError) generated/ lacks a name the overlay binds
    │   └── OperationUnavailableError            the spec did not document an operation
    ├── UnknownVariableNameError (also LookupError)  no variable of that name (looked up here)
    ├── RecoveryError                            chat.recover found nothing to recover
    ├── FormValidationError (also ValueError)    an action or input the form would refuse
    ├── AnnotationReplyJobError                  an annotation reply job ended in ``error``
    ├── ResponseDecodeError                      a body or value that cannot be decoded
    │   └── PaginationError                      the server's list paging broke
    └── APIError
        ├── APIConnectionError → APITimeoutError → AnnotationReplyJobTimeoutError
        │   └── StreamInterruptedError           a stream broke or ended before its end
        ├── ChatStreamError                      an ``error`` event in a 200 stream
        ├── NoAudioError                         text to audio answered 200 ``null``
        └── APIStatusError                       any non-2xx answer
            ├── BadRequestError (400) → NotChatAppError, VariableTypeMismatchError,
            │                           InvalidParamError, NoFileUploadedError,
            │                           InvalidFormDataError, SpeechToTextDisabledError,
            │                           TextToSpeechDisabledError
            ├── AuthenticationError (401)
            ├── PermissionDeniedError (403)
            ├── NotFoundError (404) → ConversationNotFoundError, VariableNotFoundError,
            │                         MessageNotFoundError, WorkflowRunNotFoundError,
            │                         FormNotFoundError, EndUserNotFoundError,
            │                         FileNotFoundInMessageError, AnnotationNotFoundError
            ├── FormAlreadySubmittedError (412)
            ├── FileTooLargeError (413), UnsupportedFileTypeError (415)
            ├── RateLimitError (429)
            └── InternalServerError (5xx)

Nothing here ever formats request headers, so the API key cannot reach a message.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Generic, TypedDict, TypeVar, Unpack

import httpx

from ._values.types import JSONValue, VariableType, parse_stored_type

if TYPE_CHECKING:
    import uuid  # only named in annotations: `import dify_chatflow` need not load it

    from .types.annotations import AnnotationReplyJob

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AnnotationNotFoundError",
    "AnnotationReplyJobError",
    "AnnotationReplyJobTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ChatStreamError",
    "ConfigurationError",
    "ConversationNotFoundError",
    "DifyError",
    "EndUserNotFoundError",
    "FileNotFoundInMessageError",
    "FileTooLargeError",
    "FormAlreadySubmittedError",
    "FormNotFoundError",
    "FormValidationError",
    "GeneratedBindingError",
    "InternalServerError",
    "InvalidFormDataError",
    "InvalidIdError",
    "InvalidParamError",
    "LocalFileError",
    "LocalFileNotFoundError",
    "LocalIsADirectoryError",
    "LocalPermissionError",
    "MessageNotFoundError",
    "NoAudioError",
    "NoFileUploadedError",
    "NotChatAppError",
    "NotFoundError",
    "OperationUnavailableError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RecoveryError",
    "ResponseDecodeError",
    "SpeechToTextDisabledError",
    "StreamInterruptedError",
    "TextToSpeechDisabledError",
    "UnknownVariableNameError",
    "UnsupportedFileTypeError",
    "VariableNotFoundError",
    "VariableTypeMismatchError",
    "VariableValueError",
    "WorkflowRunNotFoundError",
    "make_status_error",
]

# Shown raw text is cut here: an HTML error page should not flood a traceback.
_MAX_SHOWN = 300

SECRET_MASK = "<secret: hidden>"  # noqa: S105  (a placeholder, not a password)
"""What every message, repr and ``raw`` text shows instead of a ``secret`` value."""

# A variable's "value" member in JSON text that cannot be parsed (cut short, malformed): a
# JSON string, possibly unterminated; or the same inside a JSON string (quotes escaped).
_VALUE_MEMBER = re.compile(
    r'"value"\s*:\s*"(?:[^"\\]|\\.)*+"?'
    r'|\\"value\\"\s*:\s*\\"(?:[^"\\]|\\[^"])*+(?:\\")?',
    re.DOTALL,
)


def _masked_member(match: re.Match[str]) -> str:
    quote = '\\"' if match.group().startswith("\\") else '"'
    return f"{quote}value{quote}: {quote}{SECRET_MASK}{quote}"


def _shorten(text: str, limit: int = _MAX_SHOWN) -> str:
    return text if len(text) <= limit else text[:limit] + f"... [{len(text) - limit} more]"


def _is_public_type(value_type: object) -> bool:
    """Whether a variable of this ``value_type`` can be shown: a known type, not secret."""
    if not isinstance(value_type, str):
        return False
    try:
        return parse_stored_type(value_type)[0] is not VariableType.SECRET
    except ValueError:
        return False  # unknown type: it might be a secret


def hide_secret_values(data: object) -> object:
    """``data`` (decoded JSON) with the ``value`` of every variable that might be secret
    replaced by :data:`SECRET_MASK`; ``data`` itself when nothing needed hiding.

    A variable is an object with a ``value``; its value stays only when its
    ``value_type`` names a known type other than ``secret``. JSON text held in a string
    (a body wrapped twice) is searched too.
    """
    if isinstance(data, dict):
        changed = {key: hide_secret_values(item) for key, item in data.items()}
        if (
            "value" in data
            and data["value"] != SECRET_MASK
            and not _is_public_type(data.get("value_type"))
        ):
            changed["value"] = SECRET_MASK
        same = all(changed[key] is data[key] for key in data)
        return data if same else changed
    if isinstance(data, list):
        items = [hide_secret_values(item) for item in data]
        return data if all(new is old for new, old in zip(items, data, strict=True)) else items
    if isinstance(data, str) and data[:1] in ("[", "{"):
        return _hide_secret_text(data)
    return data


def _hide_secret_text(raw: str) -> str:
    """``raw`` with every variable value that might be secret masked (see above).

    Text that is not JSON keeps what it says, except the ``"value": "..."`` members of a
    JSON fragment (a body cut short); plain text has nothing that marks a secret.
    """
    if "value" not in raw:  # no member named "value", escaped or not
        return raw
    try:
        data = json.loads(raw)
        hidden = hide_secret_values(data)
    except (ValueError, RecursionError):
        return _VALUE_MEMBER.sub(_masked_member, raw)
    return raw if hidden is data else json.dumps(hidden, ensure_ascii=False)


class DifyError(Exception):
    """Base class of every error raised by dify_chatflow."""


class VariableValueError(DifyError, ValueError):
    """A value the server would refuse, or (in strict mode) silently change.

    Raised before anything is sent. The message names the variable type, the Python type
    received and how to fix it.
    """


class InvalidIdError(DifyError, ValueError):
    """A conversation or variable id that is not a canonical, hyphenated UUID."""


class ConfigurationError(DifyError, ValueError):
    """The client is missing something it needs (API key, user) or got a bad option."""


class LocalFileError(DifyError, OSError):
    """A local file the call was given cannot be read, or a download's destination
    cannot be written (``errno``, ``strerror`` and ``filename`` as the ``OSError`` had
    them). ``except OSError`` catches it, and the missing file or directory cases are the
    built-in classes too."""

    @classmethod
    def from_os_error(cls, exc: OSError, message: str) -> LocalFileError:
        """The error for ``exc``, of the class that is also ``exc``'s built-in class."""
        kind = next((k for k in _LOCAL_FILE_ERRORS if isinstance(exc, k.__bases__[1])), cls)
        error = kind(message)
        error.errno, error.strerror, error.filename = exc.errno, exc.strerror, exc.filename
        return error

    def __str__(self) -> str:
        return str(self.args[0])  # the message, not OSError's "[Errno N] ..." form


class LocalFileNotFoundError(LocalFileError, FileNotFoundError):
    """The local file does not exist."""


class LocalIsADirectoryError(LocalFileError, IsADirectoryError):
    """The local path is a directory, not a file."""


class LocalPermissionError(LocalFileError, PermissionError):
    """The local file may not be read."""


_LOCAL_FILE_ERRORS: tuple[type[LocalFileError], ...] = (
    LocalFileNotFoundError,
    LocalIsADirectoryError,
    LocalPermissionError,
)


class ResponseDecodeError(DifyError):
    """The server answered with something that cannot be decoded.

    ``raw`` holds the undecoded text, with the value of every variable in it that might be
    ``secret`` masked (as in the message), so it is safe to log; ``response`` the HTTP
    response (its body unmasked), when there is one. The message shows the start of
    ``raw`` unless ``show_raw`` is False (a whole response body, which would flood a
    traceback).
    """

    def __init__(
        self,
        message: str,
        *,
        raw: str,
        response: httpx.Response | None = None,
        show_raw: bool = True,
    ) -> None:
        raw = _hide_secret_text(raw)
        super().__init__(f"{message}: {_shorten(raw)!r}" if show_raw else message)
        self.raw = raw
        self.response = response


class UnknownVariableNameError(DifyError, LookupError):
    """The conversation has no variable with this name (found out by listing them all)."""


ItemT = TypeVar("ItemT")


class PaginationError(ResponseDecodeError, Generic[ItemT]):
    """The server's list paging broke: a page was empty although more were promised, or
    repeated items of an earlier page.

    Dify pages with ``last_id`` by creation time, and items created together share one
    timestamp, so after the first page the rest can be unreachable. Rather than loop or
    silently return part of the list, the client raises this; ``partial`` holds the items
    read before the break (for variables, the server's first 100 are always complete).
    ``PaginationError[ConversationVariable]`` is what listing variables raises.
    """

    def __init__(self, problem: str, *, partial: list[ItemT], noun: str = "variable") -> None:
        DifyError.__init__(
            self,
            f"cannot list every {noun}: the server's paging is broken ({problem}); "
            f"{len(partial)} {noun}(s) were read before the break and are in .partial",
        )
        self.raw = ""
        self.response: httpx.Response | None = None
        self.partial: list[ItemT] = partial


class GeneratedBindingError(DifyError, ImportError):
    """generated/ no longer provides a name the overlay binds to."""


class OperationUnavailableError(GeneratedBindingError):
    """The client was generated from a spec that does not document this operation."""


class APIError(DifyError):
    """A request to the server failed."""


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before an answer."""

    def __init__(
        self, message: str = "Connection error.", *, request: httpx.Request | None = None
    ) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out; raise ``timeout`` or retry later."""

    def __init__(
        self, message: str = "Request timed out.", *, request: httpx.Request | None = None
    ) -> None:
        super().__init__(message, request=request)


class APIStatusError(APIError):
    """The server answered with a non-2xx status.

    ``code`` and ``message`` come from Dify's JSON error body (``None`` / the raw text when
    the body is not Dify JSON, e.g. an HTML page from a proxy); ``body`` is the decoded
    JSON or the raw text.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None,
        body: JSONValue,
        response: httpx.Response,
    ) -> None:
        super().__init__(self._shown(status_code, code, message))
        self.status_code = status_code
        self.code = code
        self.message = message
        self.body = body
        self.response = response

    def _shown(self, status_code: int, code: str | None, message: str) -> str:
        """``str(error)``: the status, the code if any, and the message without
        flask-restx's list of routes (kept in ``.message``)."""
        text = _RESTX_ROUTE_HINT.sub("", message)
        return f"{status_code} {code}: {text}" if code else f"{status_code}: {text}"


# flask-restx appends this to many 404 messages: route patterns, no help to a caller.
_RESTX_ROUTE_HINT = re.compile(
    r" You have requested this URI \[.*\] but did you mean .* \?\Z", re.S
)


class BadRequestError(APIStatusError):
    """400: the server refused the request."""


class NotChatAppError(BadRequestError):
    """400 ``not_chat_app``: the API key belongs to an app that is not a chat app."""


class VariableTypeMismatchError(BadRequestError):
    """400 ``bad_request`` "Type mismatch: ...": the value's type does not match the variable's."""


class InvalidParamError(BadRequestError):
    """400 ``invalid_param``: the server could not build the new value (kind, size, type)."""


class AuthenticationError(APIStatusError):
    """401: missing, malformed or unknown API key."""


class PermissionDeniedError(APIStatusError):
    """403: the app is disabled or the key may not do this."""


class NotFoundError(APIStatusError):
    """404: no such route, conversation or variable."""


class ConversationNotFoundError(NotFoundError):
    """404: no such conversation for this ``user`` (check the user the conversation belongs to).

    Also raised for a paging cursor (``last_id``) that names no conversation of the user.
    """

    def _shown(self, status_code: int, code: str | None, message: str) -> str:
        # Dify answers the same for a conversation of another end user as for none at all.
        return super()._shown(status_code, code, message) + (
            " (a conversation belongs to the one `user` that created it: check that this "
            "call's `user` is that one)"
        )


class VariableNotFoundError(NotFoundError):
    """404: the conversation has no variable with this id."""


class MessageNotFoundError(NotFoundError):
    """404: no such message for this ``user`` (also a ``first_id`` paging cursor)."""


class WorkflowRunNotFoundError(NotFoundError):
    """404: no workflow run with this id for this ``user`` (Dify 1.14 and later)."""


class FormNotFoundError(NotFoundError):
    """404: no human input form with this token (Dify 1.14 and later)."""


class EndUserNotFoundError(NotFoundError):
    """404: no end user with this id in the key's app (Dify 1.14 and later)."""


class FileNotFoundInMessageError(NotFoundError):
    """404 ``file_not_found``: no file with this id in a message of the key's app.

    Dify serves (previews, downloads) only files attached to a message: a file that was
    uploaded but never sent with a chat message is not found either.
    """

    def _shown(self, status_code: int, code: str | None, message: str) -> str:
        # Dify's text does not say why a file that exists is not found.
        return super()._shown(status_code, code, message) + (
            " (Dify serves only files attached to a message of this app: send the file "
            "with a chat message first)"
        )


class AnnotationNotFoundError(NotFoundError):
    """404: the app has no annotation with this id (or it was deleted)."""


class SpeechToTextDisabledError(BadRequestError):
    """400: the app has speech to text switched off (Dify 1.10 answers ``invalid_param``
    "Speech to text is not enabled", newer servers ``speech_to_text_disabled``)."""


class TextToSpeechDisabledError(BadRequestError):
    """400 ``invalid_param`` "TTS is not enabled": the app has text to speech switched off
    (servers skip that check when a ``voice`` is given)."""


class FileTooLargeError(APIStatusError):
    """413: the file is larger than the server (or a proxy in front of it) accepts."""


class UnsupportedFileTypeError(APIStatusError):
    """415 ``unsupported_file_type``: the server refused the file's type."""


class NoFileUploadedError(BadRequestError):
    """400 ``no_file_uploaded``: the request carried no file."""


class RateLimitError(APIStatusError):
    """429: too many requests (usually from a proxy in front of Dify)."""


class InternalServerError(APIStatusError):
    """5xx: the server or a proxy in front of it failed."""


# --- Errors of a chat stream that had started (HTTP 200) --------------------------------


class _StreamProgress(TypedDict, total=False):
    """What a chat stream had delivered before it failed (keywords of the stream errors)."""

    answer_so_far: str
    task_id: uuid.UUID | None
    conversation_id: uuid.UUID | None
    message_id: uuid.UUID | None
    workflow_run_id: uuid.UUID | None


class _StreamProgressFields:
    """The attributes both stream errors carry, so a caller can stop, recover or retry."""

    answer_so_far: str
    task_id: uuid.UUID | None
    conversation_id: uuid.UUID | None
    message_id: uuid.UUID | None
    workflow_run_id: uuid.UUID | None

    def _record(self, seen: _StreamProgress) -> None:
        self.answer_so_far = seen.get("answer_so_far", "")
        self.task_id = seen.get("task_id")
        self.conversation_id = seen.get("conversation_id")
        self.message_id = seen.get("message_id")
        self.workflow_run_id = seen.get("workflow_run_id")


class ChatStreamError(_StreamProgressFields, APIError):
    """The server sent an ``error`` event in a stream that had started (HTTP status 200).

    Raised after every event before it was delivered. ``code`` (e.g.
    ``completion_request_error``), ``status_code`` (the ``status`` in the event, e.g. 400)
    and ``message`` come from the event, ``body`` is the whole event; ``answer_so_far``,
    ``task_id``, ``conversation_id``, ``message_id`` and ``workflow_run_id`` hold what the
    stream had delivered (``None`` for ids not seen).
    """

    def __init__(
        self,
        message: str,
        *,
        code: str | None,
        status_code: int | None,
        body: object,
        **seen: Unpack[_StreamProgress],
    ) -> None:
        label = " ".join(str(part) for part in (status_code, code) if part is not None)
        super().__init__(f"error event in the stream: {label}: {message}" if label else message)
        self.code = code
        self.status_code = status_code
        self.message = message
        self.body = body
        self._record(seen)


class StreamInterruptedError(_StreamProgressFields, APIConnectionError):
    """A chat stream broke: the connection dropped, no event came within the read timeout,
    or the body ended before the stream's terminal event.

    The run may have gone on without us (the POST is never retried: it would run the
    workflow again). ``answer_so_far``, ``task_id``, ``conversation_id``, ``message_id``
    and ``workflow_run_id`` hold what the stream had delivered (``None`` for ids not seen).
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request | None = None,
        **seen: Unpack[_StreamProgress],
    ) -> None:
        super().__init__(message, request=request)
        self._record(seen)


# --- Human input forms (Dify 1.14 and later) --------------------------------------------


class FormValidationError(DifyError, ValueError):
    """A form submission the server would refuse, found before sending (``forms.submit``
    with ``form=``): ``action`` is the refused action, or ``field`` the input at fault."""

    def __init__(self, message: str, *, field: str | None = None, action: str | None = None):
        super().__init__(message)
        self.field = field
        self.action = action


class InvalidFormDataError(BadRequestError):
    """400 ``invalid_form_data``: the server refused a form submission (an action the form
    does not have, a required input missing). ``action`` / ``field`` name what was
    refused when the client could tell (``None`` otherwise; ``message`` says)."""

    field: str | None = None
    action: str | None = None


class FormAlreadySubmittedError(APIStatusError):
    """412 ``human_input_form_submitted``: this form was submitted already (a form takes
    one submission; the run has moved on)."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    412: FormAlreadySubmittedError,  # Dify answers 412 only to a second form submission
    413: FileTooLargeError,
    415: UnsupportedFileTypeError,
    429: RateLimitError,
}

_BY_CODE: dict[tuple[int, str], type[APIStatusError]] = {
    (400, "not_chat_app"): NotChatAppError,
    (400, "invalid_param"): InvalidParamError,
    (400, "no_file_uploaded"): NoFileUploadedError,
    (400, "invalid_form_data"): InvalidFormDataError,
    (400, "speech_to_text_disabled"): SpeechToTextDisabledError,
    (412, "human_input_form_submitted"): FormAlreadySubmittedError,
}

# Dify's JSON parser also answers 400 `bad_request` (a body it cannot read, e.g. an integer
# too large for a float); only the type gate's message starts like this.
_TYPE_MISMATCH_PREFIX = "Type mismatch:"

# Dify answers most 404s with code `not_found`, so the message tells them apart. Only its
# start counts: flask-restx appends "You have requested this URI [...] but did you mean ...
# ?" to many of them, and versions differ in case ("Conversation not found").
_NOT_FOUND_BY_PREFIX: tuple[tuple[str, type[NotFoundError]], ...] = (
    ("conversation variable not exists.", VariableNotFoundError),
    ("conversation not exists.", ConversationNotFoundError),
    ("conversation not found", ConversationNotFoundError),
    ("last conversation not exists.", ConversationNotFoundError),
    ("message not exists.", MessageNotFoundError),
    ("first message not exists.", MessageNotFoundError),
    ("workflow run not found", WorkflowRunNotFoundError),
    ("form not found", FormNotFoundError),
    ("end user not found", EndUserNotFoundError),
    ("annotation not found", AnnotationNotFoundError),
)
_NOT_FOUND_BY_CODE: dict[str, type[NotFoundError]] = {
    "end_user_not_found": EndUserNotFoundError,
    "file_not_found": FileNotFoundInMessageError,
}

# Dify 1.10 answers a disabled feature with 400 ``invalid_param`` and a sentence of its
# own; these starts tell them apart from other parameter failures.
_DISABLED_BY_PREFIX: tuple[tuple[str, type[BadRequestError]], ...] = (
    ("speech to text is not enabled", SpeechToTextDisabledError),
    ("tts is not enabled", TextToSpeechDisabledError),
)


def _not_found_class(code: str | None, message: str) -> type[NotFoundError]:
    """The most specific 404 class for Dify's ``code`` and the start of its ``message``."""
    if code is not None and code in _NOT_FOUND_BY_CODE:
        return _NOT_FOUND_BY_CODE[code]
    start = message.lstrip().lower()
    for prefix, cls in _NOT_FOUND_BY_PREFIX:
        if start.startswith(prefix):
            return cls
    return NotFoundError


def _disabled_class(message: str) -> type[BadRequestError] | None:
    """The error of a feature switched off, by the start of 400 ``invalid_param``'s text."""
    start = message.lstrip().lower()
    return next((cls for prefix, cls in _DISABLED_BY_PREFIX if start.startswith(prefix)), None)


def _error_fields(response: httpx.Response) -> tuple[JSONValue, str | None, str]:
    """Return ``(body, code, message)`` from any error response, never raising."""
    text = response.text
    try:
        body: JSONValue = json.loads(text)
    except ValueError:
        return text, None, _shorten(text.strip()) or response.reason_phrase
    if not isinstance(body, dict):
        return body, None, _shorten(text.strip())
    code = body.get("code")
    message = body.get("message")
    errors = body.get("errors")
    if isinstance(message, str) and isinstance(errors, dict):
        # Flask-RESTX style: {"message": "Input payload validation failed", "errors": {...}}
        details = "; ".join(f"{k}: {v}" for k, v in errors.items())
        message = f"{message} ({details})"
    return (
        body,
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else _shorten(text.strip()),
    )


def _hint(response: httpx.Response, code: str | None, message: str) -> str:
    """``message``, or what to do about an answer that is not Dify's at all."""
    status = response.status_code
    if 300 <= status < 400:
        location = response.headers.get("location", "nowhere")
        return (
            f"the server redirected to {location}; redirects are not followed: set base_url "
            "to the API root requests should go to (e.g. https://dify.example.com/v1)"
        )
    if status == 404 and code is None and "html" in response.headers.get("content-type", ""):
        path = response.request.url.path if _has_request(response) else "this path"
        return (
            f"the server answered {path} with an HTML page, not Dify's JSON: check that "
            "base_url is the API root and ends in /v1 (e.g. https://dify.example.com/v1); "
            "if it does, this Dify version does not have that endpoint"
        )
    return message


def _has_request(response: httpx.Response) -> bool:
    try:
        response.request  # noqa: B018 - raises RuntimeError when there is none
    except RuntimeError:
        return False
    return True


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Map a non-2xx response to the most specific :class:`APIStatusError` subclass."""
    status = response.status_code
    body, code, message = _error_fields(response)
    message = _hint(response, code, message)
    cls: type[APIStatusError]
    if status == 404:
        cls = _not_found_class(code, message)
    elif status == 400 and code == "bad_request" and message.startswith(_TYPE_MISMATCH_PREFIX):
        cls = VariableTypeMismatchError
    elif status == 400 and code == "invalid_param" and (disabled := _disabled_class(message)):
        cls = disabled
    elif code is not None and (status, code) in _BY_CODE:
        cls = _BY_CODE[(status, code)]
    elif status >= 500:
        cls = InternalServerError
    else:
        cls = _BY_STATUS.get(status, APIStatusError)
    return cls(message, status_code=status, code=code, body=body, response=response)


class NoAudioError(APIError):
    """Text to audio answered 200 with the JSON body ``null``: there is nothing to speak.

    Dify answers so for a ``message_id`` it does not know (or, from 1.16, another app's or
    another user's message) and for a message whose answer is empty. ``response`` is that
    answer.
    """

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.response = response


class AnnotationReplyJobError(DifyError):
    """An annotation reply job (enabling or disabling annotation replies) ended in
    ``error``: ``message`` is the server's ``error_msg``, ``job`` the job's last status."""

    def __init__(self, message: str, *, job: AnnotationReplyJob) -> None:
        super().__init__(message)
        self.message = message
        self.job = job


class AnnotationReplyJobTimeoutError(APITimeoutError):
    """An annotation reply job was still running when the wait for it ran out: ``job`` is
    its last status. The job goes on; wait for it again (``error.job.wait(client)``)
    rather than starting another."""

    def __init__(self, message: str, *, job: AnnotationReplyJob) -> None:
        super().__init__(message)
        self.job = job


class RecoveryError(DifyError):
    """``chat.recover`` found nothing to recover; ``error`` is the stream's error.

    The stream broke before its run started, the run failed or was stopped, it is still
    running after the wait, or its answer was kept nowhere.
    """

    def __init__(self, message: str, *, error: StreamInterruptedError) -> None:
        super().__init__(message)
        self.error = error
