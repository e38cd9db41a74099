"""The only module that imports the generated package ``dify_chatflow_api``.

One function per operation of the registry (``_registry``): it builds the request with the
generated module's public ``build_request`` (added to every operation by the project's
endpoint template, see tools/generate.py) and returns httpx keyword arguments with a URL
relative to the API root. The client sends them with its own httpx client, inside its
retry loop, so timeouts, retries and typed errors stay the client's.

``make generate`` pins every bound operation's module name by method + path, so upstream
renames do not reach this module. The generated modules are imported inside each function,
statically (the types flow through to mypy) but only when first called: a client generated
from an older spec that lacks an operation fails only in the methods that need it, with
:class:`OperationUnavailableError` naming the method + path.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import httpx

from ._exceptions import GeneratedBindingError, OperationUnavailableError

if TYPE_CHECKING:
    from uuid import UUID

    from dify_chatflow_api.client import AuthenticatedClient
    from dify_chatflow_api.models.conversation_variable_item import ConversationVariableItem
    from dify_chatflow_api.models.conversation_variables_response import (
        ConversationVariablesResponse,
    )
    from dify_chatflow_api.types import Unset

__all__ = [
    "GeneratedBindingError",
    "OperationUnavailableError",
    "Request",
    "audio_to_text",
    "create_annotation",
    "delete_annotation",
    "delete_conversation",
    "get_annotation_reply_job",
    "get_app_info",
    "get_app_meta",
    "get_app_parameters",
    "get_app_site",
    "get_end_user",
    "get_file_preview",
    "get_human_input_form",
    "get_workflow_run",
    "list_annotations",
    "list_app_feedbacks",
    "list_conversation_variables",
    "list_conversations",
    "list_messages",
    "list_suggested_questions",
    "list_workflow_logs",
    "make_generated_client",
    "parse_variable",
    "parse_variables_page",
    "rename_conversation",
    "send_chat_message",
    "send_message_feedback",
    "set_annotation_reply",
    "stop_chat_message",
    "stream_workflow_events",
    "submit_human_input_form",
    "text_to_audio",
    "unset_as_none",
    "update_annotation",
    "update_conversation_variable",
    "upload_file",
]

#: httpx keyword arguments for one request: ``method``, ``url`` (relative), and any of
#: ``params``, ``json``, ``files``, ``headers``.
Request = dict[str, Any]
JSONObject = dict[str, Any]
T = TypeVar("T")


@contextmanager
def _generated(name: str) -> Iterator[None]:
    """Turn a missing generated module into one sentence naming the operation."""
    try:
        yield
    except ImportError:
        from ._registry import by_name  # only now: `import dify_chatflow` stays light

        operation = by_name(name)
        raise OperationUnavailableError(
            f"{name}() needs {operation.label}, which the generated client lacks: it was "
            "generated from a spec that does not document it; regenerate with `make generate` "
            "from a spec that does"
        ) from None


def _given(value: T | None) -> T | Unset:
    """None (not passed) as the generated builders spell it."""
    from dify_chatflow_api.types import UNSET

    return UNSET if value is None else value


def unset_as_none(value: T | Unset) -> T | None:
    """A generated model's field with "not in the answer" spelled None."""
    from dify_chatflow_api.types import Unset

    return None if isinstance(value, Unset) else value


# -- conversation variables --------------------------------------------------------------


def update_conversation_variable(
    conversation_id: UUID, variable_id: UUID, payload: JSONObject
) -> Request:
    """``PUT /conversations/{conversation_id}/variables/{variable_id}``."""
    with _generated("variables.update"):
        from dify_chatflow_api.api.variables.update_conversation_variable import build_request
        from dify_chatflow_api.models import ConversationVariableUpdateRequest
    body = ConversationVariableUpdateRequest.from_dict(payload)
    return build_request(conversation_id, variable_id, body=body)


def list_conversation_variables(
    conversation_id: UUID, *, user: str, last_id: UUID | None, limit: int
) -> Request:
    """``GET /conversations/{conversation_id}/variables``."""
    with _generated("variables.list"):
        from dify_chatflow_api.api.variables.list_conversation_variables import build_request
    return build_request(conversation_id, user=user, last_id=_given(last_id), limit=limit)


def parse_variable(data: JSONObject) -> ConversationVariableItem:
    """A variable as the generated model reads it (the update's 200 answer)."""
    from dify_chatflow_api.models import ConversationVariableItem

    return ConversationVariableItem.from_dict(data)


def parse_variables_page(data: JSONObject) -> ConversationVariablesResponse:
    """A page of variables as the generated model reads it (the list's 200 answer)."""
    from dify_chatflow_api.models import ConversationVariablesResponse

    return ConversationVariablesResponse.from_dict(data)


# -- chat --------------------------------------------------------------------------------


def send_chat_message(payload: JSONObject) -> Request:
    """``POST /chat-messages``."""
    with _generated("chat.send"):
        from dify_chatflow_api.api.chat.send_chat_message import build_request
        from dify_chatflow_api.models import ChatRequest
    return build_request(body=ChatRequest.from_dict(payload))


def stop_chat_message(task_id: UUID, payload: JSONObject) -> Request:
    """``POST /chat-messages/{task_id}/stop``."""
    with _generated("chat.stop"):
        from dify_chatflow_api.api.chat.stop_chat_message import build_request
        from dify_chatflow_api.models import ChatStopRequest
    return build_request(task_id, body=ChatStopRequest.from_dict(payload))


# -- conversations -----------------------------------------------------------------------


def list_conversations(*, user: str, last_id: UUID | None, limit: int, sort_by: str) -> Request:
    """``GET /conversations``."""
    with _generated("conversations.list"):
        from dify_chatflow_api.api.conversations.list_conversations import build_request
    return build_request(user=user, last_id=_given(last_id), limit=limit, sort_by=sort_by)


def rename_conversation(conversation_id: UUID, payload: JSONObject) -> Request:
    """``POST /conversations/{conversation_id}/name``."""
    with _generated("conversations.rename"):
        from dify_chatflow_api.api.conversations.rename_conversation import build_request
        from dify_chatflow_api.models import ConversationRenameRequest
    return build_request(conversation_id, body=ConversationRenameRequest.from_dict(payload))


def delete_conversation(conversation_id: UUID, payload: JSONObject) -> Request:
    """``DELETE /conversations/{conversation_id}``."""
    with _generated("conversations.delete"):
        from dify_chatflow_api.api.conversations.delete_conversation import build_request
        from dify_chatflow_api.models import ConversationDeleteRequest
    return build_request(conversation_id, body=ConversationDeleteRequest.from_dict(payload))


# -- messages ----------------------------------------------------------------------------


def list_messages(
    *, user: str, conversation_id: UUID, first_id: UUID | None, limit: int
) -> Request:
    """``GET /messages``."""
    with _generated("messages.list"):
        from dify_chatflow_api.api.messages.list_messages import build_request
    return build_request(
        user=user, conversation_id=conversation_id, first_id=_given(first_id), limit=limit
    )


def send_message_feedback(message_id: UUID, payload: JSONObject) -> Request:
    """``POST /messages/{message_id}/feedbacks``."""
    with _generated("messages.feedback"):
        from dify_chatflow_api.api.messages.send_message_feedback import build_request
        from dify_chatflow_api.models import MessageFeedbackRequest
    return build_request(message_id, body=MessageFeedbackRequest.from_dict(payload))


def list_suggested_questions(message_id: UUID, *, user: str) -> Request:
    """``GET /messages/{message_id}/suggested``."""
    with _generated("messages.suggested"):
        from dify_chatflow_api.api.messages.list_suggested_questions import build_request
    return build_request(message_id, user=user)


# -- files -------------------------------------------------------------------------------


def upload_file(file: BinaryIO, *, filename: str, mime_type: str, user: str) -> Request:
    """``POST /files/upload``: multipart ``file`` + ``user``; *file* is streamed by httpx.

    The generated builder fixes the multipart boundary to ``+++`` in its Content-Type
    header, which a file containing that line would break; that header is dropped so httpx
    picks a random boundary.
    """
    with _generated("files.upload"):
        from dify_chatflow_api.api.files.upload_file import build_request
        from dify_chatflow_api.models import FileUploadRequest
        from dify_chatflow_api.types import File
    body = FileUploadRequest(file=File(payload=file, file_name=filename, mime_type=mime_type))
    body.user = user
    request = build_request(body=body)
    request.pop("headers", None)
    return request


# -- app settings ------------------------------------------------------------------------


def get_app_info() -> Request:
    """``GET /info``."""
    with _generated("app.info"):
        from dify_chatflow_api.api.app.get_app_info import build_request
    return build_request()


def get_app_parameters() -> Request:
    """``GET /parameters``."""
    with _generated("app.parameters"):
        from dify_chatflow_api.api.app.get_app_parameters import build_request
    return build_request()


def get_app_meta() -> Request:
    """``GET /meta``."""
    with _generated("app.meta"):
        from dify_chatflow_api.api.app.get_app_meta import build_request
    return build_request()


def get_app_site() -> Request:
    """``GET /site``."""
    with _generated("app.site"):
        from dify_chatflow_api.api.app.get_app_site import build_request
    return build_request()


# -- workflow runs, human input, end users ------------------------------------------------


def get_workflow_run(workflow_run_id: UUID) -> Request:
    """``GET /workflows/run/{workflow_run_id}``."""
    with _generated("workflows.get_run"):
        from dify_chatflow_api.api.workflows.get_workflow_run import build_request
    return build_request(workflow_run_id)


def stream_workflow_events(
    workflow_run_id: UUID,
    *,
    user: str,
    continue_on_pause: bool | None,
    include_state_snapshot: bool | None,
) -> Request:
    """``GET /workflow/{workflow_run_id}/events``."""
    with _generated("workflows.events"):
        from dify_chatflow_api.api.workflows.stream_workflow_events import build_request
    return build_request(
        workflow_run_id,
        user=user,
        continue_on_pause=_given(continue_on_pause),
        include_state_snapshot=_given(include_state_snapshot),
    )


def get_human_input_form(form_token: str) -> Request:
    """``GET /form/human_input/{form_token}``."""
    with _generated("forms.get"):
        from dify_chatflow_api.api.forms.get_human_input_form import build_request
    return build_request(form_token)


def submit_human_input_form(form_token: str, payload: JSONObject) -> Request:
    """``POST /form/human_input/{form_token}``."""
    with _generated("forms.submit"):
        from dify_chatflow_api.api.forms.submit_human_input_form import build_request
        from dify_chatflow_api.models import HumanInputFormSubmission
    return build_request(form_token, body=HumanInputFormSubmission.from_dict(payload))


def get_end_user(end_user_id: UUID) -> Request:
    """``GET /end-users/{end_user_id}``."""
    with _generated("end_users.get"):
        from dify_chatflow_api.api.end_users.get_end_user import build_request
    return build_request(end_user_id)


# -- file previews and audio --------------------------------------------------------------


def get_file_preview(file_id: UUID, *, user: str | None, as_attachment: bool) -> Request:
    """``GET /files/{file_id}/preview``.

    ``as_attachment`` is sent only when true, as ``true``: Dify 1.10 reads any non-empty
    value as true (``false`` included), newer servers parse the word.
    """
    with _generated("files.preview"):
        from dify_chatflow_api.api.files.preview_file import build_request
    return build_request(
        file_id, user=_given(user), as_attachment=True if as_attachment else _given(None)
    )


def audio_to_text(file: BinaryIO, *, filename: str, mime_type: str, user: str) -> Request:
    """``POST /audio-to-text``: multipart ``file`` + ``user``, streamed by httpx (the
    builder's fixed multipart boundary is dropped, as for uploads)."""
    with _generated("audio.to_text"):
        from dify_chatflow_api.api.audio.audio_to_text import build_request
        from dify_chatflow_api.models import AudioToTextRequest
        from dify_chatflow_api.types import File
    body = AudioToTextRequest(
        file=File(payload=file, file_name=filename, mime_type=mime_type), user=user
    )
    request = build_request(body=body)
    request.pop("headers", None)
    return request


def text_to_audio(payload: JSONObject) -> Request:
    """``POST /text-to-audio``."""
    with _generated("audio.to_audio"):
        from dify_chatflow_api.api.audio.text_to_audio import build_request
        from dify_chatflow_api.models import TextToAudioRequest
    return build_request(body=TextToAudioRequest.from_dict(payload))


# -- feedbacks, annotations, workflow logs -----------------------------------------------


def list_app_feedbacks(*, page: int, limit: int) -> Request:
    """``GET /app/feedbacks``."""
    with _generated("app.feedbacks"):
        from dify_chatflow_api.api.app.list_app_feedbacks import build_request
    return build_request(page=page, limit=limit)


def list_annotations(*, page: int, limit: int, keyword: str | None) -> Request:
    """``GET /apps/annotations``."""
    with _generated("annotations.list"):
        from dify_chatflow_api.api.annotations.list_annotations import build_request
    return build_request(page=page, limit=limit, keyword=_given(keyword))


def create_annotation(payload: JSONObject) -> Request:
    """``POST /apps/annotations``."""
    with _generated("annotations.create"):
        from dify_chatflow_api.api.annotations.create_annotation import build_request
        from dify_chatflow_api.models import AnnotationCreateRequest
    return build_request(body=AnnotationCreateRequest.from_dict(payload))


def update_annotation(annotation_id: UUID, payload: JSONObject) -> Request:
    """``PUT /apps/annotations/{annotation_id}``."""
    with _generated("annotations.update"):
        from dify_chatflow_api.api.annotations.update_annotation import build_request
        from dify_chatflow_api.models import AnnotationUpdateRequest
    return build_request(annotation_id, body=AnnotationUpdateRequest.from_dict(payload))


def delete_annotation(annotation_id: UUID) -> Request:
    """``DELETE /apps/annotations/{annotation_id}``."""
    with _generated("annotations.delete"):
        from dify_chatflow_api.api.annotations.delete_annotation import build_request
    return build_request(annotation_id)


def set_annotation_reply(action: str, payload: JSONObject) -> Request:
    """``POST /apps/annotation-reply/{action}`` (``enable`` or ``disable``)."""
    with _generated("annotations.reply"):
        from dify_chatflow_api.api.annotations.set_annotation_reply import build_request
        from dify_chatflow_api.models import AnnotationReplySettingsRequest
    return build_request(action, body=AnnotationReplySettingsRequest.from_dict(payload))


def get_annotation_reply_job(action: str, job_id: UUID) -> Request:
    """``GET /apps/annotation-reply/{action}/status/{job_id}``."""
    with _generated("annotations.reply_job"):
        from dify_chatflow_api.api.annotations.get_annotation_reply_job import build_request
    return build_request(action, job_id)


def list_workflow_logs(
    *,
    page: int,
    limit: int,
    keyword: str | None,
    status: str | None,
    created_before: str | None,
    created_after: str | None,
    end_user_session_id: str | None,
) -> Request:
    """``GET /workflows/logs``."""
    with _generated("workflows.logs"):
        from dify_chatflow_api.api.workflows.list_workflow_logs import build_request
    return build_request(
        page=page,
        limit=limit,
        keyword=_given(keyword),
        status=_given(status),
        created_at_before=_given(created_before),
        created_at_after=_given(created_after),
        created_by_end_user_session_id=_given(end_user_session_id),
    )


# -- the generated client ----------------------------------------------------------------


def make_generated_client(
    *, base_url: str, token: str, http: httpx.Client | httpx.AsyncClient
) -> AuthenticatedClient:
    """A generated ``AuthenticatedClient`` that sends through an existing httpx client."""
    from dify_chatflow_api.client import AuthenticatedClient

    class QuietAuthenticatedClient(AuthenticatedClient):
        """The generated client with a repr that leaves the token out (attrs would show it)."""

        def __repr__(self) -> str:
            return f"AuthenticatedClient(base_url={self._base_url!r}, token=<hidden>)"

    generated = QuietAuthenticatedClient(base_url=base_url, token=token)
    if isinstance(http, httpx.AsyncClient):
        generated.set_async_httpx_client(http)
    else:
        generated.set_httpx_client(http)
    return generated
