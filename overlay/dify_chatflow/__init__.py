"""dify-chatflow: a typed client for Dify's Chatflow App API, centred on conversation variables.

The generated low-level client is importable as ``dify_chatflow_api``; this package adds
value validation and decoding, typed errors and friendly wrappers around it.
"""

import importlib
from typing import TYPE_CHECKING, Any

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
    InternalServerError,
    InvalidIdError,
    InvalidParamError,
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
)
from ._resources import AsyncVariables, Variables
from ._retry import RetryPolicy
from ._types import NumberKind, VariableType

if TYPE_CHECKING:
    from ._decoding import decode_value
    from ._models import ConversationVariable
    from ._validation import validate_value

__version__ = "0.1.0"

# Loaded on first access (PEP 562): they pull in attrs, uuid and the validation tables,
# which a plain `import dify_chatflow` should not pay for.
_LAZY = {
    "ConversationVariable": "._models",
    "decode_value": "._decoding",
    "validate_value": "._validation",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dify_chatflow' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "InternalServerError",
    "InvalidIdError",
    "InvalidParamError",
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
    "__version__",
    "decode_value",
    "validate_value",
]
