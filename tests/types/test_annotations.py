"""Annotation, AnnotationReplyJob and AppFeedback: the answers of Dify 1.10.1 and 1.16.1."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from dify_chatflow import ResponseDecodeError
from dify_chatflow.types.annotations import Annotation, AnnotationReplyJob
from dify_chatflow.types.feedbacks import AppFeedback

NOTE_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
JOB_ID = "7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908"


def annotation(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": NOTE_ID,
        "question": "Refunds?",
        "answer": "Within 30 days.",
        "hit_count": 3,
        "created_at": 1_764_578_000,
    }
    data.update(changes)
    return data


def test_an_annotation_is_typed() -> None:
    note = Annotation.from_json(annotation())

    assert note == Annotation(
        id=uuid.UUID(NOTE_ID),
        question="Refunds?",
        answer="Within 30 days.",
        hit_count=3,
        created_at=datetime.fromtimestamp(1_764_578_000, UTC),
    )
    assert repr(note) == (
        f"Annotation(id='{NOTE_ID}', question='Refunds?', answer='Within 30 days.', hit_count=3)"
    )


def test_a_null_question_and_hit_count_read_as_empty() -> None:
    note = Annotation.from_json(annotation(question=None, hit_count=None))

    assert (note.question, note.hit_count) == ("", 0)


@pytest.mark.parametrize("changes", [{"id": "nope"}, {"created_at": "soon"}, {"answer": 5}])
def test_a_malformed_annotation_is_a_decode_error(changes: dict[str, Any]) -> None:
    with pytest.raises(ResponseDecodeError):
        Annotation.from_json(annotation(**changes))


def test_a_started_job_and_a_failed_job() -> None:
    started = AnnotationReplyJob.from_json({"job_id": JOB_ID, "job_status": "waiting"}, "enable")
    failed = AnnotationReplyJob.from_json(
        {"job_id": JOB_ID, "job_status": "error", "error_msg": "Model x does not exist."},
        "disable",
    )

    assert (started.action, started.status, started.error_message, started.done) == (
        "enable",
        "waiting",
        None,
        False,
    )
    assert (failed.action, failed.status, failed.done) == ("disable", "error", True)
    assert failed.error_message == "Model x does not exist."


def test_an_empty_error_message_is_none() -> None:
    job = AnnotationReplyJob.from_json(
        {"job_id": JOB_ID, "job_status": "completed", "error_msg": ""}, "enable"
    )

    assert (job.status, job.error_message, job.done) == ("completed", None, True)


def test_a_job_without_a_status_is_a_decode_error() -> None:
    with pytest.raises(ResponseDecodeError, match="job_status"):
        AnnotationReplyJob.from_json({"job_id": JOB_ID}, "enable")


def feedback(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": NOTE_ID,
        "app_id": JOB_ID,
        "conversation_id": JOB_ID,
        "message_id": NOTE_ID,
        "rating": "like",
        "content": None,
        "from_source": "user",
        "from_end_user_id": JOB_ID,
        "from_account_id": None,
        "created_at": "2026-12-05T19:08:51",
        "updated_at": "2026-12-05T19:08:52",
    }
    data.update(changes)
    return data


def test_a_feedbacks_naive_iso_times_are_utc() -> None:
    item = AppFeedback.from_json(feedback())

    assert item.created_at == datetime(2026, 12, 5, 19, 8, 51, tzinfo=UTC)
    assert item.updated_at == datetime(2026, 12, 5, 19, 8, 52, tzinfo=UTC)
    assert (item.rating, item.content, item.from_source, item.from_account_id) == (
        "like",
        None,
        "user",
        None,
    )
    assert item.from_end_user_id == uuid.UUID(JOB_ID)


def test_a_malformed_feedback_is_a_decode_error() -> None:
    with pytest.raises(ResponseDecodeError, match="created_at"):
        AppFeedback.from_json(feedback(created_at="yesterday"))
