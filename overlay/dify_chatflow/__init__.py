"""dify-chatflow: a typed client for Dify's Chatflow App API, centred on conversation variables.

The generated low-level client is importable as ``dify_chatflow_api``; this package adds
value validation and decoding, typed errors and friendly wrappers around it.
"""

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
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    VariableNotFoundError,
    VariableTypeMismatchError,
    VariableValueError,
)
from ._models import ConversationVariable
from ._types import NumberKind, VariableType
from ._validation import validate_value

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
    "ConversationVariable",
    "DifyError",
    "InternalServerError",
    "InvalidIdError",
    "InvalidParamError",
    "NotChatAppError",
    "NotFoundError",
    "NumberKind",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "VariableNotFoundError",
    "VariableType",
    "VariableTypeMismatchError",
    "VariableValueError",
    "__version__",
    "decode_value",
    "validate_value",
]
