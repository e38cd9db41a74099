"""dify-chatflow: a typed client for Dify's Chatflow App API, centred on conversation variables.

The generated low-level client is importable as ``dify_chatflow_api``; this package adds
value validation and decoding, typed errors and friendly wrappers around it.
"""

from typing import TYPE_CHECKING

from ._aiohttp import DefaultAioHttpClient
from ._client import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncChatflowClient,
    ChatflowClient,
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
from ._resources import AsyncVariables, Variables
from ._retry import RetryPolicy
from ._types import JSONValue, NumberKind, VariableType
from ._version import __version__

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
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
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
    "InternalServerError",
    "InvalidIdError",
    "InvalidParamError",
    "JSONValue",
    "MessageNotFoundError",
    "NotChatAppError",
    "NotFoundError",
    "NumberKind",
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
