"""client.workflows.logs: the runs of a workflow-mode app, filtered and paged by number;
a chatflow app's list is always empty."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from dify_chatflow import ConfigurationError, WorkflowLog
from dify_chatflow.testing import DifyTestServer
from resource_support import chat

WORKFLOW_KEY = "app-workflow"
START = 1_764_578_000


def workflow_app(server: DifyTestServer) -> None:
    server.add_app(WORKFLOW_KEY, mode="workflow")


def test_a_chatflow_apps_logs_are_empty(server, driver):
    client = driver.client(server)
    chat(server, "hello")

    assert driver.items(client.workflows.logs()) == []


def test_logs_are_typed_with_the_run_and_end_user(server, driver):
    workflow_app(server)
    logged = server.add_workflow_log(
        api_key=WORKFLOW_KEY, user="alice", status="failed", error="boom", created_at=START
    )
    client = driver.client(server, api_key=WORKFLOW_KEY)

    [log] = driver.items(client.workflows.logs())

    assert isinstance(log, WorkflowLog)
    assert str(log.id) == logged.id
    assert log.created_at == datetime.fromtimestamp(START, UTC)
    assert log.created_by_role == "end_user"
    assert log.created_by_account is None
    run = log.workflow_run
    assert run is not None
    assert (str(run.id), run.status, run.error) == (logged.run_id, "failed", "boom")
    assert run.created_at == datetime.fromtimestamp(START, UTC)
    end_user = log.created_by_end_user
    assert end_user is not None
    assert (end_user.session_id, end_user.type) == ("alice", "service-api")


def test_filters_are_sent_in_the_form_the_server_parses(server, driver):
    workflow_app(server)
    for offset, status, user in (
        (0, "succeeded", "alice"),
        (60, "failed", "bob"),
        (120, "succeeded", "bob"),
    ):
        server.add_workflow_log(
            api_key=WORKFLOW_KEY, user=user, status=status, created_at=START + offset
        )
    client = driver.client(server, api_key=WORKFLOW_KEY)
    paris = timezone(timedelta(hours=1))
    after = datetime.fromtimestamp(START + 30, UTC).astimezone(paris)

    found = driver.items(
        client.workflows.logs(status="succeeded", created_after=after, end_user_session_id="bob")
    )

    assert [log.created_at for log in found] == [datetime.fromtimestamp(START + 120, UTC)]
    query = server.requests[-1].query
    assert (
        query["created_at__after"]
        == datetime.fromtimestamp(START + 30, UTC).replace(tzinfo=None).isoformat()
    )
    assert (query["status"], query["created_by_end_user_session_id"]) == ("succeeded", "bob")
    before = datetime.fromtimestamp(START + 60, UTC)
    assert len(driver.items(client.workflows.logs(created_before=before))) == 2


def test_every_page_is_read_newest_first(server, driver):
    workflow_app(server)
    made = [
        server.add_workflow_log(api_key=WORKFLOW_KEY, created_at=START + n).id for n in range(5)
    ]
    client = driver.client(server, api_key=WORKFLOW_KEY)
    server.clear_requests()

    listed = driver.items(client.workflows.logs(page_size=2))

    assert [str(log.id) for log in listed] == made[::-1]
    assert [r.query["page"] for r in server.requests] == ["1", "2", "3"]


def test_filters_are_checked_at_the_call(server, driver):
    client = driver.client(server)

    with pytest.raises(ConfigurationError, match="aware datetime"):
        client.workflows.logs(created_after=datetime(2026, 12, 5))
    with pytest.raises(ConfigurationError, match="must be a datetime"):
        client.workflows.logs(created_before="2026-12-05")
    with pytest.raises(ConfigurationError, match="status"):
        client.workflows.logs(status="running")
    with pytest.raises(ConfigurationError, match="page_size"):
        client.workflows.logs(page_size=500)

    assert server.requests == []


def test_keyword_finds_runs_by_their_outputs(server, driver):
    workflow_app(server)
    wanted = server.add_workflow_log(
        api_key=WORKFLOW_KEY, outputs={"answer": "Refund granted"}, created_at=START
    )
    server.add_workflow_log(api_key=WORKFLOW_KEY, outputs={"answer": "No"}, created_at=START + 1)
    client = driver.client(server, api_key=WORKFLOW_KEY)

    found = driver.items(client.workflows.logs(keyword="refund"))

    assert [str(log.id) for log in found] == [wanted.id]
    assert server.requests[-1].query["keyword"] == "refund"
