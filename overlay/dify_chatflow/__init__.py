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
    FileTooLargeError,
    FormNotFoundError,
    InternalServerError,
    InvalidIdError,
    InvalidParamError,
    MessageNotFoundError,
    NoFileUploadedError,
    NotChatAppError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RecoveryError,
    ResponseDecodeError,
    StreamInterruptedError,
    UnknownVariableNameError,
    UnsupportedFileTypeError,
    VariableNotFoundError,
    VariableTypeMismatchError,
    VariableValueError,
    WorkflowRunNotFoundError,
)
from ._inputs import InputValidationError
from ._pagination import AsyncPager, SyncPager
from ._retry import RetryPolicy
from ._types import NOT_GIVEN, JSONValue, NotGiven, NumberKind, VariableType
from ._version import __version__
from .resources.app import App, AsyncApp
from .resources.chat import AsyncChat, AsyncChatStreamManager, Chat
from .resources.conversations import AsyncConversations, Conversations
from .resources.files import AsyncFiles, Files
from .resources.messages import AsyncMessages, Messages
from .resources.variables import AsyncVariables, Variables
from .resources.workflows import AsyncWorkflows, Workflows

if TYPE_CHECKING:
    from ._decoding import decode_value
    from ._models import ConversationVariable
    from ._streaming import AsyncChatStream, ChatStream
    from ._validation import validate_value
    from .types.app import (
        AppInfo,
        AppMeta,
        AppParameters,
        AppSite,
        CheckboxField,
        ExternalDataToolField,
        Feature,
        FileField,
        FileListField,
        FormField,
        JsonObjectField,
        NumberField,
        ParagraphField,
        SelectField,
        SystemParameters,
        TextInputField,
        ToolIcon,
        UnknownField,
    )
    from .types.chat import ChatReply, Usage
    from .types.conversations import Conversation
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
    from .types.files import UploadedFile
    from .types.messages import Feedback, Message, MessageFile
    from .types.workflows import WorkflowRun
else:
    # Loaded on first access (PEP 562): they pull in attrs, uuid and the validation
    # tables, which a plain `import dify_chatflow` should not pay for. Defined for the
    # interpreter only, so a type checker still reports a misspelled name.
    import importlib

    _LAZY = {
        "AsyncChatStream": "._streaming",
        "ChatReply": ".types.chat",
        "ChatStream": "._streaming",
        "ConversationVariable": "._models",
        "Usage": ".types.chat",
        "decode_value": "._decoding",
        "validate_value": "._validation",
        **dict.fromkeys(
            (
                "AgentLogEvent",
                "AgentMessageEvent",
                "AgentThoughtEvent",
                "ChatEvent",
                "ErrorEvent",
                "HumanInputFormFilledEvent",
                "HumanInputFormTimeoutEvent",
                "HumanInputRequiredEvent",
                "IterationCompletedEvent",
                "IterationNextEvent",
                "IterationStartedEvent",
                "LoopCompletedEvent",
                "LoopNextEvent",
                "LoopStartedEvent",
                "MessageEndEvent",
                "MessageEvent",
                "MessageFileEvent",
                "MessageReplaceEvent",
                "NodeFinishedEvent",
                "NodeRetryEvent",
                "NodeStartedEvent",
                "PingEvent",
                "ReasoningChunkEvent",
                "TextChunkEvent",
                "TextReplaceEvent",
                "TtsMessageEndEvent",
                "TtsMessageEvent",
                "UnknownEvent",
                "WorkflowFinishedEvent",
                "WorkflowPausedEvent",
                "WorkflowStartedEvent",
            ),
            ".types.events",
        ),
        **dict.fromkeys(
            (
                "AppInfo",
                "AppMeta",
                "AppParameters",
                "AppSite",
                "CheckboxField",
                "ExternalDataToolField",
                "Feature",
                "FileField",
                "FileListField",
                "FormField",
                "JsonObjectField",
                "NumberField",
                "ParagraphField",
                "SelectField",
                "SystemParameters",
                "TextInputField",
                "ToolIcon",
                "UnknownField",
            ),
            ".types.app",
        ),
        "Conversation": ".types.conversations",
        "Feedback": ".types.messages",
        "Message": ".types.messages",
        "MessageFile": ".types.messages",
        "UploadedFile": ".types.files",
        "WorkflowRun": ".types.workflows",
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
    "App",
    "AppInfo",
    "AppMeta",
    "AppParameters",
    "AppSite",
    "AsyncApp",
    "AsyncChat",
    "AsyncChatStream",
    "AsyncChatStreamManager",
    "AsyncChatflowClient",
    "AsyncConversations",
    "AsyncFiles",
    "AsyncMessages",
    "AsyncPager",
    "AsyncVariables",
    "AsyncWorkflows",
    "AuthenticationError",
    "BadRequestError",
    "Chat",
    "ChatEvent",
    "ChatReply",
    "ChatStream",
    "ChatStreamError",
    "ChatflowClient",
    "CheckboxField",
    "ConfigurationError",
    "Conversation",
    "ConversationNotFoundError",
    "ConversationVariable",
    "Conversations",
    "DefaultAioHttpClient",
    "DifyError",
    "EndUserNotFoundError",
    "ErrorEvent",
    "ExternalDataToolField",
    "Feature",
    "Feedback",
    "FileField",
    "FileListField",
    "FileTooLargeError",
    "Files",
    "FormField",
    "FormNotFoundError",
    "GeneratedBindingError",
    "HumanInputFormFilledEvent",
    "HumanInputFormTimeoutEvent",
    "HumanInputRequiredEvent",
    "InputValidationError",
    "InternalServerError",
    "InvalidIdError",
    "InvalidParamError",
    "IterationCompletedEvent",
    "IterationNextEvent",
    "IterationStartedEvent",
    "JSONValue",
    "JsonObjectField",
    "LoopCompletedEvent",
    "LoopNextEvent",
    "LoopStartedEvent",
    "Message",
    "MessageEndEvent",
    "MessageEvent",
    "MessageFile",
    "MessageFileEvent",
    "MessageNotFoundError",
    "MessageReplaceEvent",
    "Messages",
    "NoFileUploadedError",
    "NodeFinishedEvent",
    "NodeRetryEvent",
    "NodeStartedEvent",
    "NotChatAppError",
    "NotFoundError",
    "NotGiven",
    "NumberField",
    "NumberKind",
    "OperationUnavailableError",
    "PaginationError",
    "ParagraphField",
    "PermissionDeniedError",
    "PingEvent",
    "RateLimitError",
    "ReasoningChunkEvent",
    "RecoveryError",
    "ResponseDecodeError",
    "RetryPolicy",
    "SelectField",
    "StreamInterruptedError",
    "SyncPager",
    "SystemParameters",
    "TextChunkEvent",
    "TextInputField",
    "TextReplaceEvent",
    "ToolIcon",
    "TtsMessageEndEvent",
    "TtsMessageEvent",
    "UnknownEvent",
    "UnknownField",
    "UnknownVariableNameError",
    "UnsupportedFileTypeError",
    "UploadedFile",
    "Usage",
    "VariableNotFoundError",
    "VariableType",
    "VariableTypeMismatchError",
    "VariableValueError",
    "Variables",
    "WorkflowFinishedEvent",
    "WorkflowPausedEvent",
    "WorkflowRun",
    "WorkflowRunNotFoundError",
    "WorkflowStartedEvent",
    "Workflows",
    "__version__",
    "decode_value",
    "validate_value",
]
