"""One exception hierarchy for everything dify_chatflow raises.

    DifyError
    ├── VariableValueError (also ValueError)     a value the server would refuse or change
    ├── InvalidIdError (also ValueError)         an id that is not a canonical UUID
    ├── ConfigurationError                       missing API key, missing user, bad option
    ├── UnknownVariableNameError (also LookupError)  no variable of that name (looked up here)
    ├── ResponseDecodeError                      a body or value that cannot be decoded
    │   └── PaginationError                      the server's list paging broke
    └── APIError
        ├── APIConnectionError → APITimeoutError
        └── APIStatusError                       any non-2xx answer
            ├── BadRequestError (400) → NotChatAppError, VariableTypeMismatchError,
            │                           InvalidParamError
            ├── AuthenticationError (401)
            ├── PermissionDeniedError (403)
            ├── NotFoundError (404) → ConversationNotFoundError, VariableNotFoundError
            ├── RateLimitError (429)
            └── InternalServerError (5xx)

Nothing here ever formats request headers, so the API key cannot reach a message.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConversationNotFoundError",
    "DifyError",
    "InternalServerError",
    "InvalidIdError",
    "InvalidParamError",
    "NotChatAppError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "UnknownVariableNameError",
    "VariableNotFoundError",
    "VariableTypeMismatchError",
    "VariableValueError",
    "make_status_error",
]

# Shown raw text is cut here: an HTML error page should not flood a traceback.
_MAX_SHOWN = 300


def _shorten(text: str, limit: int = _MAX_SHOWN) -> str:
    return text if len(text) <= limit else text[:limit] + f"... [{len(text) - limit} more]"


class DifyError(Exception):
    """Base class of every error raised by dify_chatflow."""


class VariableValueError(DifyError, ValueError):
    """A value the server would refuse, or (in strict mode) silently change.

    Raised before anything is sent. The message names the variable type, the Python type
    received and how to fix it.
    """


class InvalidIdError(DifyError, ValueError):
    """A conversation or variable id that is not a canonical, hyphenated UUID."""


class ConfigurationError(DifyError):
    """The client is missing something it needs (API key, user) or got a bad option."""


class ResponseDecodeError(DifyError):
    """The server answered with something that cannot be decoded.

    ``raw`` holds the undecoded text; ``response`` the HTTP response, when there is one.
    The message shows the start of ``raw`` unless ``show_raw`` is False, for raw text that
    may hold ``secret`` values (a whole response body): then only ``.raw`` carries it.
    """

    def __init__(
        self,
        message: str,
        *,
        raw: str,
        response: httpx.Response | None = None,
        show_raw: bool = True,
    ) -> None:
        super().__init__(f"{message}: {_shorten(raw)!r}" if show_raw else message)
        self.raw = raw
        self.response = response


class UnknownVariableNameError(DifyError, LookupError):
    """The conversation has no variable with this name (found out by listing them all)."""


class PaginationError(ResponseDecodeError):
    """The server's list paging broke: a page was empty although more were promised, or
    repeated variables of an earlier page.

    Dify pages with ``last_id`` by creation time, and variables created together share
    one timestamp, so after the first page the rest can be unreachable. Rather than loop
    or silently return part of the list, the client raises this; ``partial`` holds the
    variables read before the break (the server's first 100 are always complete).
    """

    def __init__(self, problem: str, *, partial: list[Any]) -> None:
        DifyError.__init__(
            self,
            f"cannot list every variable: the server's paging is broken ({problem}); "
            f"{len(partial)} variable(s) were read before the break and are in .partial",
        )
        self.raw = ""
        self.response = None
        self.partial = partial


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
        body: object,
        response: httpx.Response,
    ) -> None:
        shown = f"{status_code} {code}: {message}" if code else f"{status_code}: {message}"
        super().__init__(shown)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.body = body
        self.response = response


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
    """404: no such conversation for this ``user`` (check the user the conversation belongs to)."""


class VariableNotFoundError(NotFoundError):
    """404: the conversation has no variable with this id."""


class RateLimitError(APIStatusError):
    """429: too many requests (usually from a proxy in front of Dify)."""


class InternalServerError(APIStatusError):
    """5xx: the server or a proxy in front of it failed."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}

_BY_CODE: dict[tuple[int, str], type[APIStatusError]] = {
    (400, "not_chat_app"): NotChatAppError,
    (400, "invalid_param"): InvalidParamError,
}

# Dify's JSON parser also answers 400 `bad_request` (a body it cannot read, e.g. an integer
# too large for a float); only the type gate's message starts like this.
_TYPE_MISMATCH_PREFIX = "Type mismatch:"

# Dify answers both 404s with code `not_found`; only the message tells them apart.
_NOT_FOUND_BY_MESSAGE: dict[str, type[APIStatusError]] = {
    "conversation not exists.": ConversationNotFoundError,
    "conversation variable not exists.": VariableNotFoundError,
}


def _error_fields(response: httpx.Response) -> tuple[object, str | None, str]:
    """Return ``(body, code, message)`` from any error response, never raising."""
    text = response.text
    try:
        body: object = json.loads(text)
    except ValueError:
        return text, None, _shorten(text.strip()) or response.reason_phrase
    if not isinstance(body, dict):
        return body, None, _shorten(text.strip())
    code = body.get("code")
    message = body.get("message")
    if isinstance(message, str) and isinstance(body.get("errors"), dict):
        # Flask-RESTX style: {"message": "Input payload validation failed", "errors": {...}}
        details = "; ".join(f"{k}: {v}" for k, v in body["errors"].items())
        message = f"{message} ({details})"
    return (
        body,
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else _shorten(text.strip()),
    )


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Map a non-2xx response to the most specific :class:`APIStatusError` subclass."""
    status = response.status_code
    body, code, message = _error_fields(response)
    cls: type[APIStatusError]
    if status == 404:
        cls = _NOT_FOUND_BY_MESSAGE.get(message.strip().lower(), NotFoundError)
    elif status == 400 and code == "bad_request" and message.startswith(_TYPE_MISMATCH_PREFIX):
        cls = VariableTypeMismatchError
    elif code is not None and (status, code) in _BY_CODE:
        cls = _BY_CODE[(status, code)]
    elif status >= 500:
        cls = InternalServerError
    else:
        cls = _BY_STATUS.get(status, APIStatusError)
    return cls(message, status_code=status, code=code, body=body, response=response)


# --- Refused uploads (POST /files/upload) -------------------------------------------------


class FileTooLargeError(APIStatusError):
    """413: the file is larger than the server (or a proxy in front of it) accepts."""


class UnsupportedFileTypeError(APIStatusError):
    """415 ``unsupported_file_type``: the server refused the file's type."""


class NoFileUploadedError(BadRequestError):
    """400 ``no_file_uploaded``: the request carried no file."""


__all__ += ["FileTooLargeError", "NoFileUploadedError", "UnsupportedFileTypeError"]
_BY_STATUS.update({413: FileTooLargeError, 415: UnsupportedFileTypeError})
_BY_CODE[(400, "no_file_uploaded")] = NoFileUploadedError
