"""What an app holds beside its conversations: message feedbacks, annotations and the jobs
that switch annotation replies on and off, and the logs of workflow-mode runs.

One lock guards it all; readers get frozen snapshots.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Final, Literal

__all__ = [
    "Annotation",
    "AppData",
    "Feedback",
    "ReplyJob",
    "WorkflowLog",
]

ReplyAction = Literal["enable", "disable"]
LOG_STATUSES: Final = ("succeeded", "failed", "stopped")


def _new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Feedback:
    """An end user's rating of a message (``GET /app/feedbacks``); times in Unix seconds."""

    id: str
    api_key: str
    app_id: str
    conversation_id: str
    message_id: str
    rating: str
    content: str | None
    from_end_user_id: str
    created_at: int
    updated_at: int
    order: int


@dataclass(frozen=True)
class Annotation:
    """A question with the answer the app gives to it when annotation replies are on."""

    id: str
    api_key: str
    question: str | None
    answer: str
    created_at: int
    hit_count: int = 0


@dataclass
class ReplyJob:
    """A job turning annotation replies on or off: ``waiting`` for ``polls`` status reads,
    then ``completed`` or ``error``; ``settles=False`` keeps it waiting (a disable job of an
    app whose replies were never enabled: Dify's worker drops it without a word)."""

    id: str
    api_key: str
    action: ReplyAction
    polls: int
    error_msg: str = ""
    settles: bool = True
    settings: tuple[str, str] | None = None  # an enable job's embedding provider and model
    status: str = "waiting"


@dataclass(frozen=True)
class WorkflowLog:
    """One run of a workflow-mode app, as ``GET /workflows/logs`` lists it."""

    id: str
    api_key: str
    run_id: str
    status: str
    inputs: Mapping[str, object]
    outputs: Mapping[str, object]
    error: str | None
    elapsed_time: float
    total_tokens: int
    total_steps: int
    created_at: int
    finished_at: int | None
    end_user_id: str
    session_id: str
    version: str = "2026-12-05 00:00:00.000000"
    exceptions_count: int = 0


@dataclass
class _AppState:
    annotations: list[Annotation] = field(default_factory=list)
    reply_settings: tuple[str, str] | None = None  # on: (embedding provider, model)


class AppData:
    """Feedbacks, annotations, reply jobs and workflow logs of every app, behind one lock."""

    def __init__(self, clock: Callable[[], int]) -> None:
        self._lock = threading.Lock()
        self._now = clock
        self._order = itertools.count()
        self._feedbacks: dict[tuple[str, str], Feedback] = {}  # (message id, end user id)
        self._apps: dict[str, _AppState] = {}
        self._jobs: dict[str, ReplyJob] = {}
        self._logs: list[WorkflowLog] = []

    def _app(self, api_key: str) -> _AppState:
        return self._apps.setdefault(api_key, _AppState())

    # -- feedbacks -----------------------------------------------------------------------

    def has_feedback(self, message_id: str, end_user_id: str) -> bool:
        with self._lock:
            return (message_id, end_user_id) in self._feedbacks

    def rate(
        self,
        *,
        api_key: str,
        app_id: str,
        conversation_id: str,
        message_id: str,
        end_user_id: str,
        rating: str | None,
        content: str | None,
    ) -> None:
        """Create, change or (``rating`` ``None``) remove an end user's feedback."""
        key = (message_id, end_user_id)
        now = self._now()
        with self._lock:
            found = self._feedbacks.get(key)
            if rating is None:
                self._feedbacks.pop(key, None)
            elif found is not None:
                self._feedbacks[key] = replace(
                    found, rating=rating, content=content, updated_at=now
                )
            else:
                self._feedbacks[key] = Feedback(
                    _new_id(),
                    api_key,
                    app_id,
                    conversation_id,
                    message_id,
                    rating,
                    content,
                    end_user_id,
                    now,
                    now,
                    next(self._order),
                )

    def feedbacks(self, api_key: str) -> list[Feedback]:
        """Every feedback of the app, newest first (then by id, descending)."""
        with self._lock:
            rows = [f for f in self._feedbacks.values() if f.api_key == api_key]
        rows.sort(key=lambda f: (f.created_at, f.id), reverse=True)
        return rows

    # -- annotations ---------------------------------------------------------------------

    def add_annotation(self, api_key: str, question: str | None, answer: str) -> Annotation:
        created = Annotation(_new_id(), api_key, question, answer, self._now())
        with self._lock:
            self._app(api_key).annotations.append(created)
        return created

    def annotation(self, api_key: str | None, annotation_id: str) -> Annotation | None:
        """The annotation with this id (of this app; of any app with ``api_key`` ``None``)."""
        with self._lock:
            for key, state in self._apps.items():
                if api_key is not None and key != api_key:
                    continue
                for found in state.annotations:
                    if found.id == annotation_id:
                        return found
        return None

    def update_annotation(
        self, annotation: Annotation, question: str | None, answer: str
    ) -> Annotation:
        updated = replace(annotation, question=question, answer=answer)
        with self._lock:
            rows = self._app(annotation.api_key).annotations
            rows[:] = [updated if a.id == annotation.id else a for a in rows]
        return updated

    def delete_annotation(self, annotation: Annotation) -> None:
        with self._lock:
            rows = self._app(annotation.api_key).annotations
            rows[:] = [a for a in rows if a.id != annotation.id]

    def annotations(self, api_key: str, keyword: str = "") -> list[Annotation]:
        """The app's annotations, newest first then by id descending; ``keyword`` is a
        case-insensitive substring of the question or the answer."""
        with self._lock:
            rows = list(self._app(api_key).annotations)
        if keyword:
            needle = keyword.lower()
            rows = [
                a
                for a in rows
                if needle in (a.question or "").lower() or needle in a.answer.lower()
            ]
        rows.sort(key=lambda a: (a.created_at, a.id), reverse=True)
        return rows

    # -- annotation reply jobs -----------------------------------------------------------

    def reply_settings(self, api_key: str) -> tuple[str, str] | None:
        with self._lock:
            return self._app(api_key).reply_settings

    def start_reply_job(
        self,
        api_key: str,
        action: ReplyAction,
        *,
        polls: int,
        error_msg: str = "",
        settings: tuple[str, str] | None = None,
    ) -> ReplyJob:
        """A new job in ``waiting``; a disable job of an app whose replies are off never
        settles."""
        with self._lock:
            settles = action == "enable" or self._app(api_key).reply_settings is not None
            job = ReplyJob(_new_id(), api_key, action, polls, error_msg, settles, settings)
            self._jobs[job.id] = job
            return replace(job)

    def poll_reply_job(self, api_key: str, action: str, job_id: str) -> ReplyJob | None:
        """The job's status as one more status read sees it (``None``: no such job under
        this action word); a job settles after its polls, applying what it does."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.action != action or job.api_key != api_key:
                return None
            if job.status == "waiting" and job.settles:
                if job.polls > 0:
                    job.polls -= 1
                else:
                    job.status = "error" if job.error_msg else "completed"
                    if job.status == "completed":
                        state = self._app(api_key)
                        state.reply_settings = job.settings if job.action == "enable" else None
            return replace(job)

    # -- workflow logs -------------------------------------------------------------------

    def add_log(self, log: WorkflowLog) -> None:
        with self._lock:
            self._logs.append(log)

    def logs(self, api_key: str) -> list[WorkflowLog]:
        """The app's workflow logs, newest first."""
        with self._lock:
            rows = [log for log in self._logs if log.api_key == api_key]
        rows.sort(key=lambda log: log.created_at, reverse=True)
        return rows
