"""WorkflowRun: GET /workflows/run/{id} of Dify 1.10.1 (JSON text) and 1.16.1 (objects);
WorkflowLog: an item of GET /workflows/logs."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from dify_chatflow import ResponseDecodeError
from dify_chatflow.types.workflows import WorkflowLog, WorkflowRun

RUN_ID = "2b1a0f9e-8d7c-4b6a-9f5e-4d3c2b1a0f9e"
WORKFLOW_ID = "8d7c6b5a-4f3e-4d2c-8b1a-0f9e8d7c6b5a"
INPUTS = {"sys.query": "Hello", "sys.user_id": "abc-123", "topic": "billing"}


def body_1_10(**changes: Any) -> dict[str, Any]:
    """A finished run on Dify 1.10.1: inputs and outputs are JSON text."""
    data: dict[str, Any] = {
        "id": RUN_ID,
        "workflow_id": WORKFLOW_ID,
        "status": "succeeded",
        "inputs": json.dumps(INPUTS),
        "outputs": json.dumps({"answer": "Hello"}),
        "error": None,
        "total_steps": 3,
        "total_tokens": 0,
        "created_at": 1_764_578_000,
        "finished_at": 1_764_578_001,
        "elapsed_time": 0.052341,
    }
    data.update(changes)
    return data


def body_1_16(**changes: Any) -> dict[str, Any]:
    """The same run on Dify 1.16.1: outputs is an object, inputs still JSON text."""
    return body_1_10(outputs={"answer": "Hello"}, **changes)


@pytest.mark.parametrize("body", [body_1_10(), body_1_16()], ids=["1.10", "1.16"])
def test_a_finished_run_is_typed_on_both_servers(body: dict[str, Any]) -> None:
    run = WorkflowRun.from_json(body)
    assert run is not None
    assert run.id == uuid.UUID(RUN_ID)
    assert run.workflow_id == uuid.UUID(WORKFLOW_ID)
    assert run.status == "succeeded"
    assert run.inputs == INPUTS
    assert run.outputs == {"answer": "Hello"}
    assert run.error is None
    assert (run.total_steps, run.total_tokens) == (3, 0)
    assert run.created_at == datetime(2025, 12, 1, 8, 33, 20, tzinfo=UTC)
    assert run.finished_at == datetime(2025, 12, 1, 8, 33, 21, tzinfo=UTC)
    assert run.elapsed_time == pytest.approx(0.052341)


def test_a_running_run_has_no_end_yet() -> None:
    run = WorkflowRun.from_json(
        body_1_10(status="running", outputs=None, finished_at=None, elapsed_time=None)
    )
    assert run is not None
    assert run.outputs == {}
    assert (run.finished_at, run.elapsed_time) == (None, None)


def test_a_failed_run_says_why() -> None:
    run = WorkflowRun.from_json(body_1_16(status="failed", error="Node LLM run failed"))
    assert run is not None
    assert (run.status, run.error) == ("failed", "Node LLM run failed")


def test_the_1_10_answer_for_an_unknown_run_reads_as_not_found() -> None:
    all_null = dict.fromkeys(body_1_10())
    assert WorkflowRun.from_answer(all_null) is None
    # One real field is enough to make it a run (and a malformed one here).
    with pytest.raises(ResponseDecodeError):
        WorkflowRun.from_answer({**all_null, "id": RUN_ID})
    # Read as one run, the all-null answer is a malformed run.
    with pytest.raises(ResponseDecodeError, match="field 'id' is missing"):
        WorkflowRun.from_json(all_null)


def test_repr_leaves_inputs_and_outputs_out() -> None:
    run = WorkflowRun.from_json(body_1_16())
    assert repr(run) == (
        f"WorkflowRun(id='{RUN_ID}', status='succeeded', total_steps=3, elapsed_time=0.052341)"
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"outputs": "{not json"}, "outputs"),
        ({"inputs": "[1, 2]"}, "inputs"),
        ({"workflow_id": None}, "workflow_id"),
        ({"total_steps": "3"}, "total_steps"),
        ({"finished_at": "soon"}, "finished_at"),
    ],
)
def test_a_malformed_run_names_the_field_without_the_inputs(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        WorkflowRun.from_json(body_1_10(**changes))
    assert str(caught.value).startswith(f"malformed workflow run: field '{field}'")
    assert "abc-123" not in str(caught.value)


# -- workflow logs -----------------------------------------------------------------------------

LOG_ID = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"


def log_entry(**changes: Any) -> dict[str, Any]:
    """One item of GET /workflows/logs on Dify 1.16.1 (a workflow-mode app)."""
    data: dict[str, Any] = {
        "id": LOG_ID,
        "workflow_run": {
            "id": RUN_ID,
            "version": "2026-12-05 00:00:00.000000",
            "status": "failed",
            "triggered_from": "app-run",
            "error": "boom",
            "elapsed_time": 0.5,
            "total_tokens": 12,
            "total_steps": 2,
            "created_at": 1_764_578_000,
            "finished_at": 1_764_578_001,
            "exceptions_count": 0,
        },
        "details": None,
        "created_from": "service-api",
        "created_by_role": "end_user",
        "created_by_account": None,
        "created_by_end_user": {
            "id": WORKFLOW_ID,
            "type": "service-api",
            "is_anonymous": False,
            "session_id": "alice",
        },
        "created_at": 1_764_578_000,
    }
    data.update(changes)
    return data


def test_a_log_entry_types_its_run_and_end_user() -> None:
    log = WorkflowLog.from_json(log_entry())

    run = log.workflow_run
    assert run is not None
    assert (str(run.id), run.status, run.error, run.total_tokens) == (RUN_ID, "failed", "boom", 12)
    assert run.finished_at == datetime.fromtimestamp(1_764_578_001, UTC)
    assert log.created_by_end_user is not None
    assert log.created_by_end_user.session_id == "alice"
    assert log.created_by_account is None
    assert log.created_at == datetime.fromtimestamp(1_764_578_000, UTC)
    assert repr(log) == (
        f"WorkflowLog(id='{LOG_ID}', status='failed', created_at='2025-12-01T08:33:20+00:00')"
    )


def test_a_log_entry_started_by_an_account() -> None:
    account = {"id": WORKFLOW_ID, "name": "Ada", "email": "ada@example.com"}
    log = WorkflowLog.from_json(
        log_entry(created_by_role="account", created_by_account=account, created_by_end_user=None)
    )

    assert log.created_by_account is not None
    assert (log.created_by_account.name, log.created_by_account.email) == (
        "Ada",
        "ada@example.com",
    )
    assert log.created_by_end_user is None


def test_a_malformed_log_entry_is_a_decode_error() -> None:
    with pytest.raises(ResponseDecodeError):
        WorkflowLog.from_json(log_entry(workflow_run={"id": "nope"}))
