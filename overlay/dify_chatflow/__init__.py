"""dify-chatflow: a typed client for Dify's Chatflow App API, centred on conversation variables.

The generated low-level client is importable as ``dify_chatflow_api``; this package adds
value validation and decoding, typed errors and friendly wrappers around it.
"""

from typing import TYPE_CHECKING

from ._aiohttp import DefaultAioHttpClient
from ._binding import GeneratedBindingError, OperationUnavailableError
from ._client import AsyncChatflowClient, ChatflowClient
from ._constants import (
    BLOCKING_CHAT_TIMEOUT,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    STREAM_TIMEOUT,
)
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConversationNotFoundError,
    DifyError,
    EndUserNotFoundError,
    FormNotFoundError,
    InternalServerError,
    InvalidIdError,
    InvalidParamError,
    MessageNotFoundError,
    NotChatAppError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    UnknownVariableNameError,
    VariableNotFoundError,
    VariableTypeMismatchError,
    VariableValueError,
    WorkflowRunNotFoundError,
)
from ._retry import RetryPolicy
from ._types import NOT_GIVEN, JSONValue, NotGiven, NumberKind, VariableType
from ._version import __version__
from .resources.variables import AsyncVariables, Variables

if TYPE_CHECKING:
    from ._decoding import decode_value
    from ._models import ConversationVariable
    from ._validation import validate_value
else:
    # Loaded on first access (PEP 562): they pull in attrs, uuid and the validation
    # tables, which a plain `import dify_chatflow` should not pay for. Defined for the
    # interpreter only, so a type checker still reports a misspelled name.
    import importlib

    _LAZY = {
        "ConversationVariable": "._models",
        "decode_value": "._decoding",
        "validate_value": "._validation",
    }

    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'dify_chatflow' has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The public names only (``__all__``), loaded or not."""
    return sorted(__all__)


__all__ = [
    "BLOCKING_CHAT_TIMEOUT",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "STREAM_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncChatflowClient",
    "AsyncVariables",
    "AuthenticationError",
    "BadRequestError",
    "ChatflowClient",
    "ConfigurationError",
    "ConversationNotFoundError",
    "ConversationVariable",
    "DefaultAioHttpClient",
    "DifyError",
    "EndUserNotFoundError",
    "FormNotFoundError",
    "GeneratedBindingError",
    "InternalServerError",
    "InvalidIdError",
    "InvalidParamError",
    "JSONValue",
    "MessageNotFoundError",
    "NotChatAppError",
    "NotFoundError",
    "NotGiven",
    "NumberKind",
    "OperationUnavailableError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "RetryPolicy",
    "UnknownVariableNameError",
    "VariableNotFoundError",
    "VariableType",
    "VariableTypeMismatchError",
    "VariableValueError",
    "Variables",
    "WorkflowRunNotFoundError",
    "__version__",
    "decode_value",
    "validate_value",
]
