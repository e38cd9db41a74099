"""dify-chatflow: a typed client for Dify's Chatflow App API, centred on conversation variables.

The generated low-level client is importable as ``dify_chatflow_api``; this package adds
value validation and decoding, typed errors and friendly wrappers around it.
"""

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
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    VariableNotFoundError,
    VariableTypeMismatchError,
    VariableValueError,
)

__version__ = "0.1.0"

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
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "VariableNotFoundError",
    "VariableTypeMismatchError",
    "VariableValueError",
    "__version__",
]
