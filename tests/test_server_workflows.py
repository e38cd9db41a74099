"""GET /workflows/run/{id}; on 1.16 GET /workflow/{run_id}/events and GET /end-users/{id}."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from dify_chatflow.testing import DifyTestServer
from server_support import DIALECTS, KEY, USER, OpenStream, chat, raw

RUN_KEYS = [
    "id",
    "workflow_id",
    "status",
    "inputs",
    "outputs",
    "error",
    "total_steps",
    "total_tokens",
    "created_at",
    "finished_at",
    "elapsed_time",
]


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        yield started


@pytest.fixture
def new_server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect="1.16") as started:
        yield started


def run_of_a_turn(server: DifyTestServer) -> tuple[str, list[dict[str, Any]]]:
    events = chat(server.port, "Hello").events()
    return str(events[0]["workflow_run_id"]), events


SYSTEM_INPUTS = {
    "1.10": [
        "sys.files",
        "sys.user_id",
        "sys.app_id",
        "sys.workflow_id",
        "sys.workflow_run_id",
        "sys.query",
        "sys.dialogue_count",
    ],
    "1.16": [
        "sys.query",
        "sys.files",
        "sys.user_id",
        "sys.dialogue_count",
        "sys.app_id",
        "sys.workflow_id",
        "sys.workflow_run_id",
    ],
}


def test_a_runs_inputs_hold_the_system_variables_in_the_dialects_order(server):
    server.add_app(KEY, user_input_form=[{"text-input": {"variable": "topic", "label": "Topic"}}])
    events = chat(server.port, "Hello", inputs={"topic": "billing"}).events()
    run_id = str(events[0]["workflow_run_id"])
    started = events[0]["data"]["inputs"]
    recorded = json.loads(raw(server.port, "GET", f"/workflows/run/{run_id}").json()["inputs"])
    for inputs in (started, recorded):
        assert list(inputs) == ["topic", *SYSTEM_INPUTS[server.dialect]]  # no conversation id
        assert inputs["sys.user_id"] == USER  # the end user's session id: the user string
        assert (inputs["sys.workflow_run_id"], inputs["sys.dialogue_count"]) == (run_id, 1)
        assert (inputs["sys.query"], inputs["sys.files"]) == ("Hello", [])


def test_a_running_runs_outputs_are_null_on_1_10_and_an_empty_object_on_1_16(server):
    release = threading.Event()

    def responder(query, inputs, conversation):
        yield "a"
        release.wait(5)
        yield "b"

    server.add_app(KEY, responder=responder)
    body = {"query": "q", "inputs": {}, "user": USER, "response_mode": "streaming"}
    with OpenStream(server.port, body) as stream:
        run_id = stream.event()["workflow_run_id"]
        running = raw(server.port, "GET", f"/workflows/run/{run_id}").json()
        release.set()
    assert running["status"] == "running"
    assert running["outputs"] == (None if server.dialect == "1.10" else {})


def test_a_run_id_that_is_no_uuid_is_a_500_from_the_database(server):
    response = raw(server.port, "GET", "/workflows/run/not-a-uuid")
    assert (response.status, response.json()) == (
        500,
        {"message": "Internal Server Error", "code": "unknown", "status": 500},
    )


def test_the_start_node_shows_every_system_variable_on_1_10(server):
    events = chat(server.port, "Hello").events()
    start = next(e for e in events if e["event"] == "node_finished")
    assert start["data"]["node_type"] == "start"
    shown = start["data"]["outputs"]
    if server.dialect == "1.16":  # only the app's own inputs
        assert shown == {}
        return
    assert shown["sys.conversation_id"] == events[0]["conversation_id"]
    assert set(shown) == {*SYSTEM_INPUTS[server.dialect], "sys.conversation_id"}


def test_a_turns_run_is_readable(server):
    run_id, events = run_of_a_turn(server)
    response = raw(server.port, "GET", f"/workflows/run/{run_id}")
    assert response.status == 200
    body = response.json()
    assert list(body) == RUN_KEYS
    assert (body["id"], body["status"], body["total_steps"]) == (run_id, "succeeded", 2)
    assert json.loads(body["inputs"])["sys.query"] == "Hello"  # JSON text
    if server.dialect == "1.10":
        assert json.loads(body["outputs"]) == {"answer": "Hello", "files": []}  # JSON text
    else:
        assert body["outputs"] == {"answer": "Hello", "files": []}  # an object on 1.16
    assert body["workflow_id"] == events[0]["data"]["workflow_id"]


def test_an_unknown_run(server):
    response = raw(server.port, "GET", f"/workflows/run/{uuid.uuid4()}")
    if server.dialect == "1.10":
        assert (response.status, response.json()) == (200, dict.fromkeys(RUN_KEYS))
    else:
        assert (response.status, response.json()) == (
            404,
            {"code": "not_found", "message": "Workflow run not found.", "status": 404},
        )


def test_new_routes_do_not_exist_on_1_10():
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        for path in (f"/workflow/{uuid.uuid4()}/events?user={USER}", f"/end-users/{uuid.uuid4()}"):
            response = raw(server.port, "GET", path)
            assert response.status == 404
            assert response.header("content-type") == "text/html; charset=utf-8"


def test_a_finished_run_replays_as_one_spaced_event(new_server):
    run_id, events = run_of_a_turn(new_server)
    response = raw(new_server.port, "GET", f"/workflow/{run_id}/events?user={USER}")
    assert response.status == 200
    assert response.header("content-type") == "text/event-stream; charset=utf-8"
    assert response.chunks is not None
    (only,) = response.chunks
    event = json.loads(only[len(b"data: ") : -2])
    assert only == b"data: " + json.dumps(event).encode() + b"\n\n"  # spaced, unlike live
    assert (event["event"], event["task_id"], event["workflow_run_id"]) == (
        "workflow_finished",
        run_id,
        run_id,
    )
    assert "conversation_id" not in event
    live = next(e for e in events if e["event"] == "workflow_finished")["data"]
    # The replay's outputs carry the answer's files beside it.
    assert event["data"] == {**live, "outputs": {"answer": live["outputs"]["answer"], "files": []}}


def test_run_events_refusals(new_server):
    run_id, events = run_of_a_turn(new_server)
    for query in ("", "?user="):
        no_user = raw(new_server.port, "GET", f"/workflow/{run_id}/events{query}")
        assert (no_user.status, no_user.body) == (
            400,
            b'{"code":"invalid_param","message":"Arg user must be provided.","status":400}\n',
        )
    for path in (
        f"/workflow/{run_id}/events?user=other",
        f"/workflow/{uuid.uuid4()}/events?user={USER}",
        f"/workflow/{events[0]['task_id']}/events?user={USER}",
    ):
        response = raw(new_server.port, "GET", path)
        assert (response.status, response.json()["message"]) == (404, "Workflow run not found")
    malformed = raw(new_server.port, "GET", f"/workflow/not-a-uuid/events?user={USER}")
    assert (malformed.status, malformed.json()["code"]) == (500, "unknown")


def test_end_users_are_scoped_to_the_app(new_server):
    _, events = run_of_a_turn(new_server)
    finished = next(e for e in events if e["event"] == "workflow_finished")
    end_user_id = finished["data"]["created_by"]["id"]  # the server's own id of the end user
    response = raw(new_server.port, "GET", f"/end-users/{end_user_id}")
    assert response.status == 200
    body = response.json()
    assert list(body) == [
        "id",
        "tenant_id",
        "app_id",
        "type",
        "external_user_id",
        "name",
        "is_anonymous",
        "session_id",
        "created_at",
        "updated_at",
    ]
    assert (body["id"], body["type"], body["session_id"]) == (end_user_id, "service-api", USER)
    assert "T" in body["created_at"]
    new_server.add_app("app-other")
    elsewhere = raw(new_server.port, "GET", f"/end-users/{end_user_id}", key="app-other")
    assert (elsewhere.status, elsewhere.json()["code"]) == (404, "end_user_not_found")
