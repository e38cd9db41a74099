"""The one registry of the spec operations the overlay binds to.

Each :class:`Operation` says how the overlay calls one operation: method, path (with the
parameter names the overlay passes; upstream may spell them differently, only the shape
``/conversations/{}/name`` has to match), the names ``make generate`` pins so the
generated module never moves (operationId, tag, request schema), the query parameters
the overlay passes, the request body kind and the response kind.

Three readers, one source: ``tools/generate.py`` pins these names in the spec copy it
feeds the generator, ``_binding`` builds every request with the pinned module's
``build_request``, and the contract tests check each generated builder against its entry.

Standard library only, and no imports from the package: ``tools/generate.py`` loads this
file by path, before any generated code exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final, Literal

__all__ = [
    "OPERATIONS",
    "Body",
    "Operation",
    "ResponseKind",
    "by_name",
    "module_name",
    "path_shape",
    "snake_case",
]

#: What the server's 2xx response carries: a JSON document, nothing (204), server-sent
#: events (``chat.send`` responds with JSON in blocking mode, events in streaming mode),
#: or a file's raw bytes (a preview, speech).
ResponseKind = Literal["json", "empty", "sse", "bytes"]
#: What the request carries: nothing, a JSON object, or a multipart form (file upload).
Body = Literal["none", "json", "multipart"]

_UUID: Final[dict[str, Any]] = {"type": "string", "format": "uuid"}
_STRING: Final[dict[str, Any]] = {"type": "string"}
_INTEGER: Final[dict[str, Any]] = {"type": "integer"}
_BOOLEAN: Final[dict[str, Any]] = {"type": "boolean"}


@dataclass(frozen=True, eq=False)
class Operation:
    """One bound operation and every name the generated code derives from it."""

    #: ``family.method`` as the overlay's resources name it, e.g. ``"chat.send"``.
    name: str
    method: str
    path: str
    #: Pinned operationId: the generated module is its snake_case form.
    operation_id: str
    #: Pinned tag: the generated module lives in ``api/<snake_case(tag)>/``.
    tag: str
    response_kind: ResponseKind
    body: Body = "none"
    #: Pinned name of the request body schema (generated model class name).
    request_schema: str | None = None
    #: Pinned name of the 200 response's schema, where the overlay parses generated models.
    response_schema: str | None = None
    #: Query parameters the overlay passes: name -> JSON schema (pinned exactly).
    query: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Path parameter schemas by the overlay's names (default: a UUID).
    path_types: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: ``make generate`` refuses a spec without this operation.
    required: bool = False

    @property
    def label(self) -> str:
        """``PUT /conversations/...``, as messages show it."""
        return f"{self.method.upper()} {self.path}"

    @property
    def path_parameters(self) -> list[str]:
        """The path parameters' names, in path order."""
        return re.findall(r"\{([^}]*)\}", self.path)

    def path_schema(self, name: str) -> dict[str, Any]:
        """The JSON schema pinned for path parameter *name*."""
        return dict(self.path_types.get(name, _UUID))


def snake_case(name: str) -> str:
    """openapi-python-client's module naming: ``getAppInfo`` -> ``get_app_info``."""
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return "_".join(re.split(r"[^A-Za-z0-9]+", words.strip())).lower()


def module_name(operation: Operation) -> str:
    """The generated module of *operation*: ``dify_chatflow_api.api.<tag>.<operation>``."""
    return f"dify_chatflow_api.api.{snake_case(operation.tag)}.{snake_case(operation.operation_id)}"


def path_shape(path: str) -> str:
    """``/a/{x}/b/{y}`` -> ``/a/{}/b/{}``: what two spellings of one path share."""
    return re.sub(r"\{[^}]*\}", "{}", path.rstrip("/") or "/")


_USER: Final = {"user": _STRING}
_PAGE: Final = {"page": _INTEGER, "limit": _INTEGER}

OPERATIONS: Final[tuple[Operation, ...]] = (
    Operation(
        name="variables.update",
        method="put",
        path="/conversations/{conversation_id}/variables/{variable_id}",
        operation_id="updateConversationVariable",
        tag="Variables",
        response_kind="json",
        body="json",
        request_schema="ConversationVariableUpdateRequest",
        response_schema="ConversationVariableItem",
        required=True,
    ),
    Operation(
        name="variables.list",
        method="get",
        path="/conversations/{conversation_id}/variables",
        operation_id="listConversationVariables",
        tag="Variables",
        response_kind="json",
        response_schema="ConversationVariablesResponse",
        query={**_USER, "last_id": _UUID, "limit": _INTEGER},
        required=True,
    ),
    Operation(
        name="chat.send",
        method="post",
        path="/chat-messages",
        operation_id="sendChatMessage",
        tag="Chat",
        response_kind="sse",
        body="json",
        request_schema="ChatRequest",
    ),
    Operation(
        name="chat.stop",
        method="post",
        path="/chat-messages/{task_id}/stop",
        operation_id="stopChatMessage",
        tag="Chat",
        response_kind="json",
        body="json",
        request_schema="ChatStopRequest",
    ),
    Operation(
        name="conversations.list",
        method="get",
        path="/conversations",
        operation_id="listConversations",
        tag="Conversations",
        response_kind="json",
        query={**_USER, "last_id": _UUID, "limit": _INTEGER, "sort_by": _STRING},
    ),
    Operation(
        name="conversations.rename",
        method="post",
        path="/conversations/{conversation_id}/name",
        operation_id="renameConversation",
        tag="Conversations",
        response_kind="json",
        body="json",
        request_schema="ConversationRenameRequest",
    ),
    Operation(
        name="conversations.delete",
        method="delete",
        path="/conversations/{conversation_id}",
        operation_id="deleteConversation",
        tag="Conversations",
        response_kind="empty",
        body="json",
        request_schema="ConversationDeleteRequest",
    ),
    Operation(
        name="messages.list",
        method="get",
        path="/messages",
        operation_id="listMessages",
        tag="Messages",
        response_kind="json",
        query={**_USER, "conversation_id": _UUID, "first_id": _UUID, "limit": _INTEGER},
    ),
    Operation(
        name="messages.feedback",
        method="post",
        path="/messages/{message_id}/feedbacks",
        operation_id="sendMessageFeedback",
        tag="Messages",
        response_kind="json",
        body="json",
        request_schema="MessageFeedbackRequest",
    ),
    Operation(
        name="messages.suggested",
        method="get",
        path="/messages/{message_id}/suggested",
        operation_id="listSuggestedQuestions",
        tag="Messages",
        response_kind="json",
        query=dict(_USER),
    ),
    Operation(
        name="files.upload",
        method="post",
        path="/files/upload",
        operation_id="uploadFile",
        tag="Files",
        response_kind="json",
        body="multipart",
        request_schema="FileUploadRequest",
    ),
    Operation(
        name="app.info",
        method="get",
        path="/info",
        operation_id="getAppInfo",
        tag="App",
        response_kind="json",
    ),
    Operation(
        name="app.parameters",
        method="get",
        path="/parameters",
        operation_id="getAppParameters",
        tag="App",
        response_kind="json",
    ),
    Operation(
        name="app.meta",
        method="get",
        path="/meta",
        operation_id="getAppMeta",
        tag="App",
        response_kind="json",
    ),
    Operation(
        name="app.site",
        method="get",
        path="/site",
        operation_id="getAppSite",
        tag="App",
        response_kind="json",
    ),
    Operation(
        name="workflows.get_run",
        method="get",
        path="/workflows/run/{workflow_run_id}",
        operation_id="getWorkflowRun",
        tag="Workflows",
        response_kind="json",
    ),
    Operation(
        name="workflows.events",
        method="get",
        path="/workflow/{workflow_run_id}/events",
        operation_id="streamWorkflowEvents",
        tag="Workflows",
        response_kind="sse",
        query={**_USER, "continue_on_pause": _BOOLEAN, "include_state_snapshot": _BOOLEAN},
    ),
    Operation(
        name="forms.get",
        method="get",
        path="/form/human_input/{form_token}",
        operation_id="getHumanInputForm",
        tag="Forms",
        response_kind="json",
        path_types={"form_token": _STRING},
    ),
    Operation(
        name="forms.submit",
        method="post",
        path="/form/human_input/{form_token}",
        operation_id="submitHumanInputForm",
        tag="Forms",
        response_kind="json",
        body="json",
        request_schema="HumanInputFormSubmission",
        path_types={"form_token": _STRING},
    ),
    Operation(
        name="end_users.get",
        method="get",
        path="/end-users/{end_user_id}",
        operation_id="getEndUser",
        tag="End Users",
        response_kind="json",
    ),
    Operation(
        name="files.preview",
        method="get",
        path="/files/{file_id}/preview",
        operation_id="previewFile",
        tag="Files",
        response_kind="bytes",
        query={**_USER, "as_attachment": _BOOLEAN},
    ),
    Operation(
        name="app.feedbacks",
        method="get",
        path="/app/feedbacks",
        operation_id="listAppFeedbacks",
        tag="App",
        response_kind="json",
        query=dict(_PAGE),
    ),
    Operation(
        name="audio.to_text",
        method="post",
        path="/audio-to-text",
        operation_id="audioToText",
        tag="Audio",
        response_kind="json",
        body="multipart",
        request_schema="AudioToTextRequest",
    ),
    Operation(
        name="audio.to_audio",
        method="post",
        path="/text-to-audio",
        operation_id="textToAudio",
        tag="Audio",
        response_kind="bytes",
        body="json",
        request_schema="TextToAudioRequest",
    ),
    Operation(
        name="annotations.list",
        method="get",
        path="/apps/annotations",
        operation_id="listAnnotations",
        tag="Annotations",
        response_kind="json",
        query={**_PAGE, "keyword": _STRING},
    ),
    Operation(
        name="annotations.create",
        method="post",
        path="/apps/annotations",
        operation_id="createAnnotation",
        tag="Annotations",
        response_kind="json",
        body="json",
        request_schema="AnnotationCreateRequest",
    ),
    Operation(
        name="annotations.update",
        method="put",
        path="/apps/annotations/{annotation_id}",
        operation_id="updateAnnotation",
        tag="Annotations",
        response_kind="json",
        body="json",
        request_schema="AnnotationUpdateRequest",
    ),
    Operation(
        name="annotations.delete",
        method="delete",
        path="/apps/annotations/{annotation_id}",
        operation_id="deleteAnnotation",
        tag="Annotations",
        response_kind="empty",
    ),
    Operation(
        name="annotations.reply",
        method="post",
        path="/apps/annotation-reply/{action}",
        operation_id="setAnnotationReply",
        tag="Annotations",
        response_kind="json",
        body="json",
        request_schema="AnnotationReplySettingsRequest",
        path_types={"action": _STRING},
    ),
    Operation(
        name="annotations.reply_job",
        method="get",
        path="/apps/annotation-reply/{action}/status/{job_id}",
        operation_id="getAnnotationReplyJob",
        tag="Annotations",
        response_kind="json",
        path_types={"action": _STRING},
    ),
    Operation(
        name="workflows.logs",
        method="get",
        path="/workflows/logs",
        operation_id="listWorkflowLogs",
        tag="Workflows",
        response_kind="json",
        query={
            **_PAGE,
            "keyword": _STRING,
            "status": _STRING,
            "created_at__before": _STRING,
            "created_at__after": _STRING,
            "created_by_end_user_session_id": _STRING,
        },
    ),
)

_BY_NAME: Final = {operation.name: operation for operation in OPERATIONS}


def by_name(name: str) -> Operation:
    """The registry entry called *name* (``"chat.send"``)."""
    return _BY_NAME[name]
