"""WorkflowRun: GET /workflows/run/{id} of Dify 1.10.1 (JSON text) and 1.16.1 (objects)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from dify_chatflow import ResponseDecodeError
from dify_chatflow.types.workflows import WorkflowRun

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
