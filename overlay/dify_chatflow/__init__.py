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
    ChatStreamError,
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
    StreamInterruptedError,
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
    from ._streaming import AsyncChatStream, ChatStream
    from ._validation import validate_value
    from .types.chat import ChatReply, Usage
    from .types.events import (
        AgentLogEvent,
        AgentMessageEvent,
        AgentThoughtEvent,
        ChatEvent,
        ErrorEvent,
        HumanInputFormFilledEvent,
        HumanInputFormTimeoutEvent,
        HumanInputRequiredEvent,
        IterationCompletedEvent,
        IterationNextEvent,
        IterationStartedEvent,
        LoopCompletedEvent,
        LoopNextEvent,
        LoopStartedEvent,
        MessageEndEvent,
        MessageEvent,
        MessageFileEvent,
        MessageReplaceEvent,
        NodeFinishedEvent,
        NodeRetryEvent,
        NodeStartedEvent,
        PingEvent,
        ReasoningChunkEvent,
        TextChunkEvent,
        TextReplaceEvent,
        TtsMessageEndEvent,
        TtsMessageEvent,
        UnknownEvent,
        WorkflowFinishedEvent,
        WorkflowPausedEvent,
        WorkflowStartedEvent,
    )
else:
    # Loaded on first access (PEP 562): they pull in attrs, uuid and the validation
    # tables, which a plain `import dify_chatflow` should not pay for. Defined for the
    # interpreter only, so a type checker still reports a misspelled name.
    import importlib

    _LAZY = {
        "AgentLogEvent": ".types.events",
        "AgentMessageEvent": ".types.events",
        "AgentThoughtEvent": ".types.events",
        "AsyncChatStream": "._streaming",
        "ChatEvent": ".types.events",
        "ChatReply": ".types.chat",
        "ChatStream": "._streaming",
        "ConversationVariable": "._models",
        "ErrorEvent": ".types.events",
        "HumanInputFormFilledEvent": ".types.events",
        "HumanInputFormTimeoutEvent": ".types.events",
        "HumanInputRequiredEvent": ".types.events",
        "IterationCompletedEvent": ".types.events",
        "IterationNextEvent": ".types.events",
        "IterationStartedEvent": ".types.events",
        "LoopCompletedEvent": ".types.events",
        "LoopNextEvent": ".types.events",
        "LoopStartedEvent": ".types.events",
        "MessageEndEvent": ".types.events",
        "MessageEvent": ".types.events",
        "MessageFileEvent": ".types.events",
        "MessageReplaceEvent": ".types.events",
        "NodeFinishedEvent": ".types.events",
        "NodeRetryEvent": ".types.events",
        "NodeStartedEvent": ".types.events",
        "PingEvent": ".types.events",
        "ReasoningChunkEvent": ".types.events",
        "TextChunkEvent": ".types.events",
        "TextReplaceEvent": ".types.events",
        "TtsMessageEndEvent": ".types.events",
        "TtsMessageEvent": ".types.events",
        "UnknownEvent": ".types.events",
        "Usage": ".types.chat",
        "WorkflowFinishedEvent": ".types.events",
        "WorkflowPausedEvent": ".types.events",
        "WorkflowStartedEvent": ".types.events",
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
    "AgentLogEvent",
    "AgentMessageEvent",
    "AgentThoughtEvent",
    "AsyncChatStream",
    "AsyncChatflowClient",
    "AsyncVariables",
    "AuthenticationError",
    "BadRequestError",
    "ChatEvent",
    "ChatReply",
    "ChatStream",
    "ChatStreamError",
    "ChatflowClient",
    "ConfigurationError",
    "ConversationNotFoundError",
    "ConversationVariable",
    "DefaultAioHttpClient",
    "DifyError",
    "EndUserNotFoundError",
    "ErrorEvent",
    "FormNotFoundError",
    "GeneratedBindingError",
    "HumanInputFormFilledEvent",
    "HumanInputFormTimeoutEvent",
    "HumanInputRequiredEvent",
    "InternalServerError",
    "InvalidIdError",
    "InvalidParamError",
    "IterationCompletedEvent",
    "IterationNextEvent",
    "IterationStartedEvent",
    "JSONValue",
    "LoopCompletedEvent",
    "LoopNextEvent",
    "LoopStartedEvent",
    "MessageEndEvent",
    "MessageEvent",
    "MessageFileEvent",
    "MessageNotFoundError",
    "MessageReplaceEvent",
    "NodeFinishedEvent",
    "NodeRetryEvent",
    "NodeStartedEvent",
    "NotChatAppError",
    "NotFoundError",
    "NotGiven",
    "NumberKind",
    "OperationUnavailableError",
    "PaginationError",
    "PermissionDeniedError",
    "PingEvent",
    "RateLimitError",
    "ReasoningChunkEvent",
    "ResponseDecodeError",
    "RetryPolicy",
    "StreamInterruptedError",
    "TextChunkEvent",
    "TextReplaceEvent",
    "TtsMessageEndEvent",
    "TtsMessageEvent",
    "UnknownEvent",
    "UnknownVariableNameError",
    "Usage",
    "VariableNotFoundError",
    "VariableType",
    "VariableTypeMismatchError",
    "VariableValueError",
    "Variables",
    "WorkflowFinishedEvent",
    "WorkflowPausedEvent",
    "WorkflowRunNotFoundError",
    "WorkflowStartedEvent",
    "__version__",
    "decode_value",
    "validate_value",
]
