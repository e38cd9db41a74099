"""Annotations (``/apps/annotations``) and the jobs that switch annotation replies on and
off (``/apps/annotation-reply/{action}``, ``.../status/{job_id}``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .._app_data import Annotation
from .._context import JSON, Call, FieldError, Reply, Stop, error, internal_error, json_reply
from .._store import App
from ._query import IntParam, read_int, refuse_failed
from ._spec import RouteSpec

__all__ = ["JOB_POLLS", "ROUTES"]

JOB_POLLS: Final = 1
"""How many status reads see a new reply job ``waiting`` before it settles."""

_PAGE: Final = IntParam("page", 1, low=1)
_LIMIT: Final = IntParam("limit", 20, low=1)
_MAX_PER_PAGE: Final = 100
_MISSING: Final = object()
_MSG_MISSING: Final = "Missing required parameter in the JSON body"
_MSG_NO_JOB: Final = "The job does not exist."
_TEXT_HELP: Final = {"question": "Annotation question", "answer": "Annotation answer"}
_REPLY_HELP: Final = {
    "score_threshold": "Score threshold for annotation matching",
    "embedding_provider_name": "Embedding provider name",
    "embedding_model_name": "Embedding model name",
}


def annotation_body(annotation: Annotation) -> dict[str, object]:
    return {
        "id": annotation.id,
        "question": annotation.question,
        "answer": annotation.answer,
        "hit_count": annotation.hit_count,
        "created_at": annotation.created_at,
    }


def _loose_int(raw: str | None, default: int) -> int:
    """Werkzeug's ``args.get(..., type=int)``: the default when the text is no integer."""
    try:
        return default if raw is None else int(raw)
    except ValueError:
        return default


def list_annotations(call: Call) -> Reply:
    app = call.app()
    query = call.query
    if call.new:
        errors: list[FieldError] = []
        restx: list[str] = []
        page = read_int(_PAGE, query.get("page"), new=True, errors=errors, restx=restx)
        limit = read_int(_LIMIT, query.get("limit"), new=True, errors=errors, restx=restx)
        refuse_failed(call, "AnnotationListQuery", errors, restx)
    else:  # 1.10 never refuses paging: bad numbers fall back to the defaults
        page = _loose_int(query.get("page"), 1)
        limit = _loose_int(query.get("limit"), 20)
    # The paginator caps the page size at 100 and turns a page or size below 1 into 1 / 20
    # (1.16: into 1); the answer still echoes what was asked.
    per_page = min(limit, _MAX_PER_PAGE)
    if per_page < 1:
        per_page = 1 if call.new else 20
    first = (max(page, 1) - 1) * per_page
    rows = call.store.app_data.annotations(app.api_key, query.get("keyword") or "")
    data = [annotation_body(a) for a in rows[first : first + per_page]]
    body = {
        "data": data,
        "has_more": len(data) == limit,
        "limit": limit,
        "total": len(rows),
        "page": page,
    }
    return json_reply(200, body)


def _texts(call: Call, payload: Mapping[str, object]) -> tuple[str | None, str]:
    """``question`` and ``answer``: 1.10's reqparse requires both and turns any value into
    text (a null stays null); 1.16's pydantic model wants two strings."""
    errors: list[FieldError] = []
    restx: list[str] = []
    values: dict[str, str | None] = {}
    for name in ("question", "answer"):
        value = payload.get(name, _MISSING)
        if value is _MISSING:
            errors.append((name, "Field required", "missing", dict(payload)))
            restx.append(f"{_TEXT_HELP[name]} {_MSG_MISSING}")
        elif isinstance(value, str) or (value is None and not call.new):
            values[name] = value
        elif call.new:
            errors.append((name, "Input should be a valid string", "string_type", value))
            restx.append(f"{_TEXT_HELP[name]} Input should be a valid string")
        else:
            values[name] = str(value)
    refuse_failed(call, "AnnotationCreatePayload", errors, restx)
    answer = values["answer"]
    if answer is None:  # the answer column is NOT NULL: the database refuses the row
        raise internal_error()
    return values["question"], answer


def _parsed_body(call: Call) -> Mapping[str, object]:
    """The JSON body; 1.10 reads it with reqparse, which asks Flask for it silently: a
    body that is not JSON (or not sent as JSON) is an empty one there."""
    try:
        return call.json()
    except Stop as refused:
        if call.new or refused.reply.status not in (400, 415):
            raise
        return {}


def create_annotation(call: Call) -> Reply:
    app = call.app()
    question, answer = _texts(call, _parsed_body(call))
    created = call.store.app_data.add_annotation(app.api_key, question, answer)
    return json_reply(201, annotation_body(created))


def _annotation(call: Call, app: App) -> Annotation:
    # 1.10 finds an annotation by its id alone; 1.16 only among the app's.
    api_key = app.api_key if call.new else None
    found = call.store.app_data.annotation(api_key, call.params[0].lower())
    if found is None:
        raise call.not_found("Annotation not found", hint=True)
    return found


def update_annotation(call: Call) -> Reply:
    app = call.app()
    question, answer = _texts(call, _parsed_body(call))
    updated = call.store.app_data.update_annotation(_annotation(call, app), question, answer)
    return json_reply(200, annotation_body(updated))


def delete_annotation(call: Call) -> Reply:
    app = call.app()
    call.store.app_data.delete_annotation(_annotation(call, app))
    return Reply(204, b"", JSON)


def _reply_settings(call: Call, payload: Mapping[str, object]) -> tuple[str, str]:
    """Checks the reply settings as the dialect does; returns the embedding provider and
    model names."""
    errors: list[FieldError] = []
    restx: list[str] = []
    for name, help_text in _REPLY_HELP.items():
        value = payload.get(name, _MISSING)
        if value is _MISSING:
            errors.append((name, "Field required", "missing", dict(payload)))
            restx.append(f"{help_text} {_MSG_MISSING}")
        elif not call.new:
            if name == "score_threshold" and value is not None:
                try:
                    float(value)  # type: ignore[arg-type]  # reqparse reports what float() says
                except (TypeError, ValueError) as refused:
                    errors.append((name, str(refused), "value_error", value))
                    restx.append(f"{help_text} {refused}")
        elif name == "score_threshold":
            refusal = _not_a_float(value)
            if refusal is not None:
                errors.append((name, refusal[0], refusal[1], value))
                restx.append(f"{help_text} {refusal[0]}")
        elif not isinstance(value, str):
            errors.append((name, "Input should be a valid string", "string_type", value))
            restx.append(f"{help_text} Input should be a valid string")
    refuse_failed(call, "AnnotationReplyActionPayload", errors, restx)
    return str(payload["embedding_provider_name"]), str(payload["embedding_model_name"])


def _not_a_float(value: object) -> tuple[str, str] | None:
    """pydantic's refusal of a value for a ``float`` field (lax mode), if it refuses."""
    if isinstance(value, bool | int | float):
        return None
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return (
                "Input should be a valid number, unable to parse string as a number",
                "float_parsing",
            )
        return None
    return ("Input should be a valid number", "float_type")


def _job_error(app: App, provider: str, model: str) -> str:
    """Why an enable job fails: indexing the annotations needs the named embedding model
    (nothing is indexed, and nothing fails, while the app has no annotation)."""
    known = app.embedding_models
    if known is None:
        return ""
    if provider not in known:
        return f"Provider {provider} does not exist."
    if model not in known[provider]:
        return f"Model {model} does not exist."
    return ""


def start_reply_job(call: Call) -> Reply:
    app = call.app()
    provider, model = _reply_settings(call, _parsed_body(call))
    action = call.params[0]
    if action not in ("enable", "disable"):
        raise internal_error()  # Dify's handler has no branch for it and fails
    data = call.store.app_data
    if action == "enable":
        failure = _job_error(app, provider, model) if data.annotations(app.api_key) else ""
        job = data.start_reply_job(
            app.api_key, "enable", polls=JOB_POLLS, error_msg=failure, settings=(provider, model)
        )
    else:
        job = data.start_reply_job(app.api_key, "disable", polls=JOB_POLLS)
    return json_reply(200, {"job_id": job.id, "job_status": job.status})


def reply_job_status(call: Call) -> Reply:
    app = call.app()
    action, job_id = call.params[0], call.params[1].lower()
    job = call.store.app_data.poll_reply_job(app.api_key, action, job_id)
    if job is None:
        raise error(400, "invalid_param", _MSG_NO_JOB)
    body = {"job_id": job.id, "job_status": job.status, "error_msg": job.error_msg}
    return json_reply(200, body)


ROUTES: Final = (
    RouteSpec("annotations.list", list_annotations),
    RouteSpec(
        "annotations.create", create_annotation, sample_body={"question": "q?", "answer": "a."}
    ),
    RouteSpec(
        "annotations.update", update_annotation, sample_body={"question": "q?", "answer": "a."}
    ),
    RouteSpec("annotations.delete", delete_annotation),
    RouteSpec(
        "annotations.reply",
        start_reply_job,
        strings=("action",),
        sample_body={
            "score_threshold": 0.9,
            "embedding_provider_name": "openai",
            "embedding_model_name": "text-embedding-3-small",
        },
    ),
    RouteSpec("annotations.reply_job", reply_job_status, strings=("action",)),
)
