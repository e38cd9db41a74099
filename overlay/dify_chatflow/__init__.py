"""dify-chatflow: a typed client for Dify's Chatflow App API.

``ChatflowClient`` / ``AsyncChatflowClient`` send chat messages (blocking or streamed as
typed events), manage conversations, history, files, the app's settings, human input and
conversation variables, with typed errors and checked arguments. The generated low-level
client is importable as ``dify_chatflow_api``.
"""

from typing import TYPE_CHECKING

from ._client import AsyncChatflowClient, ChatflowClient
from ._constants import (
    BLOCKING_CHAT_TIMEOUT,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    STREAM_TIMEOUT,
)
from ._exceptions import (
    AnnotationNotFoundError,
    AnnotationReplyJobError,
    AnnotationReplyJobTimeoutError,
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
    FileNotFoundInMessageError,
    FileTooLargeError,
    FormAlreadySubmittedError,
    FormNotFoundError,
    FormValidationError,
    GeneratedBindingError,
    InternalServerError,
    InvalidFormDataError,
    InvalidIdError,
    InvalidParamError,
    LocalFileError,
    LocalFileNotFoundError,
    LocalIsADirectoryError,
    LocalPermissionError,
    MessageNotFoundError,
    NoAudioError,
    NoFileUploadedError,
    NotChatAppError,
    NotFoundError,
    OperationUnavailableError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RecoveryError,
    ResponseDecodeError,
    SpeechToTextDisabledError,
    StreamInterruptedError,
    TextToSpeechDisabledError,
    UnknownVariableNameError,
    UnsupportedFileTypeError,
    VariableNotFoundError,
    VariableTypeMismatchError,
    VariableValueError,
    WorkflowRunNotFoundError,
)
from ._retry import RetryPolicy
from ._types import NOT_GIVEN, NotGiven
from ._values.types import JSONValue, NumberKind, VariableType
from ._version import __version__

if TYPE_CHECKING:
    from ._aiohttp import DefaultAioHttpClient
    from ._chat_inputs import InputValidationError
    from ._models import Model
    from ._pagination import AsyncPager, SyncPager
    from ._response import APIResponse
    from ._run_streams import (
        AsyncRecoveredChatStream,
        AsyncResumedChatStream,
        AsyncWorkflowEventStream,
        RecoveredChatStream,
        ResumedChatStream,
        WorkflowEventStream,
    )
    from ._streaming import AsyncChatStream, AsyncStreamManager, ChatStream
    from ._values.decoding import decode_value
    from ._values.validation import validate_value
    from .resources.annotations import *
    from .resources.app import *
    from .resources.audio import *
    from .resources.chat import *
    from .resources.conversations import *
    from .resources.end_users import *
    from .resources.files import *
    from .resources.forms import *
    from .resources.messages import *
    from .resources.variables import *
    from .resources.workflows import *
    from .types.annotations import *
    from .types.app import *
    from .types.audio import *
    from .types.chat import *
    from .types.conversations import *
    from .types.end_users import *
    from .types.events import *
    from .types.feedbacks import *
    from .types.files import *
    from .types.forms import *
    from .types.messages import *
    from .types.variables import *
    from .types.workflows import *
else:
    # Loaded on first access (PEP 562): they pull in attrs, uuid and the validation
    # tables, which a plain `import dify_chatflow` should not pay for. Defined for the
    # interpreter only, so a type checker still reports a misspelled name.
    import importlib

    # The lazily loaded names outside the endpoint families; the families' names are
    # read from their modules' `__all__` (see `_exports`) on first use.
    _LAZY_ELSEWHERE = {
        # The aiohttp transport is for async users only: loaded when first named.
        "DefaultAioHttpClient": "._aiohttp",
        "APIResponse": "._response",
        "InputValidationError": "._chat_inputs",
        "Model": "._models",
        "AsyncPager": "._pagination",
        "SyncPager": "._pagination",
        "AsyncChatStream": "._streaming",
        "AsyncStreamManager": "._streaming",
        "ChatStream": "._streaming",
        "decode_value": "._values.decoding",
        "validate_value": "._values.validation",
        "AsyncRecoveredChatStream": "._run_streams",
        "AsyncResumedChatStream": "._run_streams",
        "AsyncWorkflowEventStream": "._run_streams",
        "RecoveredChatStream": "._run_streams",
        "ResumedChatStream": "._run_streams",
        "WorkflowEventStream": "._run_streams",
    }

    _LAZY: dict[str, str] = {}  # name -> module; filled by _lazy_table()

    def _lazy_table() -> dict[str, str]:
        """Every lazily loaded name and its module; the first call also completes
        ``__all__`` with the families' names."""
        if not _LAZY:
            from ._exports import family_exports

            families = family_exports()
            _LAZY.update(_LAZY_ELSEWHERE)
            _LAZY.update(families)
            globals()["__all__"] = [*_OWN_EXPORTS, *families]
        return _LAZY

    def __getattr__(name: str) -> object:
        table = _lazy_table()
        if name == "__all__":
            return globals()["__all__"]
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module 'dify_chatflow' has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        """The public names only (``__all__``), loaded or not."""
        _lazy_table()
        return sorted(globals()["__all__"])


# The names defined outside the endpoint families. A family module's names are exported
# by its star import above (type checkers read them there); at run time they join
# `__all__` on first use of it or of any lazy name.
__all__ = [
    "BLOCKING_CHAT_TIMEOUT",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "STREAM_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AnnotationNotFoundError",
    "AnnotationReplyJobError",
    "AnnotationReplyJobTimeoutError",
    "AsyncChatStream",
    "AsyncChatflowClient",
    "AsyncPager",
    "AsyncRecoveredChatStream",
    "AsyncResumedChatStream",
    "AsyncStreamManager",
    "AsyncWorkflowEventStream",
    "AuthenticationError",
    "BadRequestError",
    "ChatStream",
    "ChatStreamError",
    "ChatflowClient",
    "ConfigurationError",
    "ConversationNotFoundError",
    "DefaultAioHttpClient",
    "DifyError",
    "EndUserNotFoundError",
    "FileNotFoundInMessageError",
    "FileTooLargeError",
    "FormAlreadySubmittedError",
    "FormNotFoundError",
    "FormValidationError",
    "GeneratedBindingError",
    "InputValidationError",
    "InternalServerError",
    "InvalidFormDataError",
    "InvalidIdError",
    "InvalidParamError",
    "JSONValue",
    "LocalFileError",
    "LocalFileNotFoundError",
    "LocalIsADirectoryError",
    "LocalPermissionError",
    "MessageNotFoundError",
    "Model",
    "NoAudioError",
    "NoFileUploadedError",
    "NotChatAppError",
    "NotFoundError",
    "NotGiven",
    "NumberKind",
    "OperationUnavailableError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RecoveredChatStream",
    "RecoveryError",
    "ResponseDecodeError",
    "ResumedChatStream",
    "RetryPolicy",
    "SpeechToTextDisabledError",
    "StreamInterruptedError",
    "SyncPager",
    "TextToSpeechDisabledError",
    "UnknownVariableNameError",
    "UnsupportedFileTypeError",
    "VariableNotFoundError",
    "VariableType",
    "VariableTypeMismatchError",
    "VariableValueError",
    "WorkflowEventStream",
    "WorkflowRunNotFoundError",
    "__version__",
    "decode_value",
    "validate_value",
]

if not TYPE_CHECKING:
    _OWN_EXPORTS = __all__
    del __all__
