"""flask-restx's "did you mean" hint on 404 answers, computed as Dify computes it.

flask-restx strips every ``<...>`` part (greedily) from the app's URL rules and runs
``difflib.get_close_matches`` (3 matches, cutoff 0.6) of the requested path against what
is left; the hint lists the original rules of the matches. The rules below are Dify's
(service API under ``/v1``, the web app under ``/api``, the console and file routes),
in registration order: where two rules strip to the same text, the later one is shown.
"""

from __future__ import annotations

import difflib
import re
from typing import Final

__all__ = ["with_hint"]

_PLACEHOLDERS: Final = re.compile(r"(<.*>)")

_SERVICE_API: Final = (
    "/v1/",
    "/v1/info",
    "/v1/parameters",
    "/v1/meta",
    "/v1/site",
    "/v1/audio-to-text",
    "/v1/text-to-audio",
    "/v1/completion-messages",
    "/v1/completion-messages/<string:task_id>/stop",
    "/v1/chat-messages",
    "/v1/chat-messages/<string:task_id>/stop",
    "/v1/messages",
    "/v1/messages/<uuid:message_id>/feedbacks",
    "/v1/messages/<uuid:message_id>/suggested",
    "/v1/app/feedbacks",
    "/v1/conversations",
    "/v1/conversations/<uuid:c_id>",
    "/v1/conversations/<uuid:c_id>/name",
    "/v1/conversations/<uuid:c_id>/variables",
    "/v1/conversations/<uuid:c_id>/variables/<uuid:variable_id>",
    "/v1/files/upload",
    "/v1/files/<uuid:file_id>/preview",
    "/v1/workflows/run",
    "/v1/workflows/run/<string:workflow_run_id>",
    "/v1/workflows/<string:workflow_id>/run",
    "/v1/workflows/tasks/<string:task_id>/stop",
    "/v1/workflows/logs",
    "/v1/apps/annotation-reply/<string:action>",
    "/v1/apps/annotation-reply/<string:action>/status/<uuid:job_id>",
    "/v1/apps/annotations",
    "/v1/apps/annotations/<uuid:annotation_id>",
    "/v1/datasets",
    "/v1/datasets/<uuid:dataset_id>",
    "/v1/datasets/tags",
    "/v1/datasets/tags/binding",
    "/v1/datasets/<uuid:dataset_id>/tags",
    "/v1/datasets/<uuid:dataset_id>/document/create-by-text",
    "/v1/datasets/<uuid:dataset_id>/document/create-by-file",
    "/v1/datasets/<uuid:dataset_id>/documents",
    "/v1/datasets/<uuid:dataset_id>/documents/<uuid:document_id>",
    "/v1/datasets/<uuid:dataset_id>/documents/<uuid:document_id>/segments",
    "/v1/datasets/<uuid:dataset_id>/retrieve",
    "/v1/datasets/<uuid:dataset_id>/metadata",
    "/v1/workspaces/current/models/model-types/<string:model_type>",
)
_SERVICE_API_NEW: Final = (
    "/v1/end-users/<uuid:end_user_id>",
    "/v1/workflow/<string:task_id>/events",
    "/v1/form/human_input/<string:form_token>",
)
_WEB_AND_CONSOLE: Final = (
    "/api/passport",
    "/api/login",
    "/api/system-features",
    "/api/parameters",
    "/api/meta",
    "/api/site",
    "/api/audio-to-text",
    "/api/text-to-audio",
    "/api/completion-messages",
    "/api/completion-messages/<string:task_id>/stop",
    "/api/chat-messages",
    "/api/chat-messages/<string:task_id>/stop",
    "/api/conversations",
    "/api/conversations/<uuid:c_id>",
    "/api/conversations/<uuid:c_id>/name",
    "/api/conversations/<uuid:c_id>/pin",
    "/api/conversations/<uuid:c_id>/unpin",
    "/api/messages",
    "/api/messages/<uuid:message_id>/feedbacks",
    "/api/messages/<uuid:message_id>/more-like-this",
    "/api/messages/<uuid:message_id>/suggested-questions",
    "/api/saved-messages",
    "/api/saved-messages/<uuid:message_id>",
    "/api/files/upload",
    "/api/remote-files/upload",
    "/api/workflows/run",
    "/api/workflows/tasks/<string:task_id>/stop",
    "/console/api/apps",
    "/console/api/apps/<uuid:app_id>",
    "/console/api/apps/<uuid:app_id>/chat-messages",
    "/console/api/apps/<uuid:app_id>/chat-conversations",
    "/console/api/apps/<uuid:app_id>/conversation-variables",
    "/console/api/apps/<uuid:app_id>/workflow-runs",
    "/console/api/files/upload",
    "/files/<uuid:file_id>/image-preview",
    "/files/<uuid:file_id>/file-preview",
    "/files/tools/<uuid:file_id>.<string:extension>",
)
_WEB_NEW: Final = (
    "/api/form/human_input/<string:form_token>",
    "/api/form/human_input/<string:form_token>/upload-token",
)


def _rules(new: bool) -> dict[str, str]:
    rules = _SERVICE_API + (_SERVICE_API_NEW if new else ()) + _WEB_AND_CONSOLE
    rules += _WEB_NEW if new else ()
    return {_PLACEHOLDERS.sub("", rule): rule for rule in rules}


_RULES: Final = {False: _rules(False), True: _rules(True)}


def with_hint(message: str, path: str, *, new: bool) -> str:
    """``message`` with flask-restx's hint for ``path`` (unchanged when nothing is close)."""
    rules = _RULES[new]
    matches = difflib.get_close_matches(path, list(rules))
    if not matches:
        return message
    suggestions = " or ".join(rules[match] for match in matches)
    lead = message.rstrip(".") + ". " if message else ""
    return f"{lead}You have requested this URI [{path}] but did you mean {suggestions} ?"
