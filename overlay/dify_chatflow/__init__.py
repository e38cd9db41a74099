"""dify-chatflow: a typed client for Dify's Chatflow App API, centred on conversation variables.

The generated low-level client is importable as ``dify_chatflow_api``; this package adds
value validation and decoding, typed errors and friendly wrappers around it.
"""

from ._aiohttp import DefaultAioHttpClient
from ._client import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncChatflowClient,
    ChatflowClient,
)
from ._decoding import decode_value
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
from ._models import ConversationVariable
from ._resources import AsyncVariables, Variables
from ._retry import RetryPolicy
from ._types import NumberKind, VariableType
from ._validation import validate_value

__version__ = "0.1.0"

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
