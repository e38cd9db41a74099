"""GET /workflows/logs: the runs of a workflow-mode app; a chatflow app's list is empty."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from dify_chatflow.testing import DifyTestServer, Fault
from server_support import DIALECTS, KEY, USER, Clock, RawResponse, chat, raw

FLOW_KEY = "app-workflow"
PAGE_KEYS = ["page", "limit", "total", "has_more", "data"]
LOG_KEYS = [
    "id",
    "workflow_run",
    "details",
    "created_from",
    "created_by_role",
    "created_by_account",
    "created_by_end_user",
    "created_at",
]
RUN_KEYS = [
    "id",
    "version",
    "status",
    "triggered_from",
    "error",
    "elapsed_time",
    "total_tokens",
    "total_steps",
    "created_at",
    "finished_at",
    "exceptions_count",
]
DAY = 24 * 3600


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest, clock: Clock) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param, clock=clock) as started:
        started.add_app(FLOW_KEY, mode="workflow")
        yield started


def logs(server: DifyTestServer, query: str = "", key: str | None = FLOW_KEY) -> RawResponse:
    return raw(server.port, "GET", f"/workflows/logs{query}", key=key)


def run_ids(answer: RawResponse) -> list[str]:
    return [item["workflow_run"]["id"] for item in answer.json()["data"]]


def log(server: DifyTestServer, **fields: Any) -> str:
    """Log one run of the workflow app; its run id."""
    logged = server.add_workflow_log(api_key=FLOW_KEY, **fields)
    return logged.run_id


def test_a_chatflow_app_is_never_logged_here(server):
    chat(server.port, streaming=False)

    answer = logs(server, key=KEY)

    assert answer.status == 200
    assert answer.body == (b'{"page": 1, "limit": 20, "total": 0, "has_more": false, "data": []}\n')


def test_a_logged_run_shows_with_its_run_and_end_user(server, clock):
    run_id = log(server, user=USER, inputs={"city": "Lyon"}, total_tokens=7)

    answer = logs(server)

    body = answer.json()
    assert list(body) == PAGE_KEYS
    (item,) = body["data"]
    assert list(item) == LOG_KEYS
    assert list(item["workflow_run"]) == RUN_KEYS
    run = item["workflow_run"]
    assert (run["id"], run["status"], run["total_tokens"], run["created_at"]) == (
        run_id,
        "succeeded",
        7,
        int(clock.now),
    )
    assert (item["created_from"], item["created_by_role"], item["created_by_account"]) == (
        "service-api",
        "end_user",
        None,
    )
    end_user = item["created_by_end_user"]
    assert list(end_user) == ["id", "type", "is_anonymous", "session_id"]
    assert (end_user["session_id"], end_user["is_anonymous"]) == (USER, False)
    assert item["created_at"] == int(clock.now)


def test_logs_are_newest_first_in_pages(server, clock):
    ids = []
    for _ in range(3):
        ids.append(log(server))
        clock.now += 1

    first = logs(server, "?limit=2").json()
    second = logs(server, "?limit=2&page=2").json()

    assert [i["workflow_run"]["id"] for i in first["data"] + second["data"]] == ids[::-1]
    assert (first["has_more"], second["has_more"], second["total"]) == (True, False, 3)


def test_filters_by_status_keyword_and_end_user_session(server):
    lyon = log(server, user="alice", inputs={"city": "Lyon"})
    failed = log(server, user="bob", status="failed", error="boom", outputs={"note": "LYON x"})
    log(server, user="bob", inputs={"city": "Paris"})

    assert run_ids(logs(server, "?status=failed")) == [failed]
    assert sorted(run_ids(logs(server, "?keyword=lyon"))) == sorted([lyon, failed])
    assert run_ids(logs(server, "?created_by_end_user_session_id=alice")) == [lyon]
    assert run_ids(logs(server, f"?keyword={lyon}")) == [lyon]


def test_filters_by_creation_time_with_iso_times(server, clock):
    old = log(server)
    clock.now += 2 * DAY
    new = log(server)
    naive = "2026-12-06T19:46:40"  # one day after the clock's start, UTC

    assert run_ids(logs(server, f"?created_at__before={naive}")) == [old]
    assert run_ids(logs(server, "?created_at__after=2026-12-06T19:46:40Z")) == [new]
    assert run_ids(logs(server, "?created_at__after=2026-12-06T21:46:40%2B02:00")) == [new]


def test_a_time_that_does_not_parse_is_refused(server):
    answer = logs(server, "?created_at__before=yesterday")

    assert answer.status == 400
    assert answer.json() == {
        "code": "invalid_param",
        "message": "invalid literal for int() with base 10: b'yest'",
        "status": 400,
    }


def test_a_bad_status_is_refused_in_the_dialects_shape(server):
    answer = logs(server, "?status=running")

    assert answer.status == 400
    if server.dialect == "1.10":
        assert answer.json() == {
            "errors": {"status": "The value 'running' is not a valid choice for 'status'."},
            "message": "Input payload validation failed",
        }
    else:
        assert "Input should be 'succeeded', 'failed' or 'stopped'" in answer.json()["message"]


def test_limit_is_1_to_100(server):
    assert logs(server, "?limit=100").status == 200

    answer = logs(server, "?limit=101")

    assert answer.status == 400
    if server.dialect == "1.10":
        text = "Invalid argument: 101. argument must be within the range 1 - 100"
        assert answer.json()["errors"] == {"limit": text}
    else:
        assert "Input should be less than or equal to 100" in answer.json()["message"]


def test_an_unknown_account_is_refused(server):
    answer = logs(server, "?created_by_account=ops@example.com")

    assert (answer.status, answer.json()["message"]) == (
        400,
        "Account not found: ops@example.com",
    )


def test_only_workflow_apps_can_be_given_logs(server):
    with pytest.raises(ValueError, match="workflow-mode"):
        server.add_workflow_log(api_key=KEY)


def test_a_fault_aimed_at_workflows_logs_hits_only_that_route(server):
    server.inject_fault(Fault.status(504), route="workflows.logs")

    run = raw(server.port, "GET", f"/workflows/run/{log(server)}", key=FLOW_KEY)
    assert (run.status, run.json()["status"]) == (200, "succeeded")  # the logged run itself
    assert logs(server).status == 504
    assert logs(server).status == 200


def test_the_key_is_checked_before_the_filters(server):
    anonymous = logs(server, "?status=running", key=None)
    server.add_app("app-off", enabled=False)
    disabled = logs(server, "?status=running", key="app-off")

    assert (anonymous.status, anonymous.json()["code"]) == (401, "unauthorized")
    assert (disabled.status, disabled.json()["code"]) == (403, "forbidden")
