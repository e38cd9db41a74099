"""Injected faults, the request log, the pytest fixture and the ``serve`` command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from dify_chatflow.testing import REDACTED, DifyTestServer, Fault
from server_support import chat

KEY = "app-test"
AUTH = {"Authorization": f"Bearer {KEY}"}
USER = "abc-123"


@pytest.fixture
def conv(dify_server: DifyTestServer) -> str:
    return dify_server.add_conversation(
        user=USER, variables=[{"name": "n", "value_type": "number", "value": 1}]
    )


@pytest.fixture
def client(dify_server: DifyTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=dify_server.base_url, headers=AUTH, verify=False) as http:
        yield http


def get_list(client: httpx.Client, conv: str) -> httpx.Response:
    return client.get(f"/conversations/{conv}/variables", params={"user": USER})


def put_n(client: httpx.Client, server: DifyTestServer, conv: str, value: int) -> httpx.Response:
    var_id = server.variable(conv, "n").id
    url = f"/conversations/{conv}/variables/{var_id}"
    return client.put(url, json={"user": USER, "value": value})


def test_503_with_retry_after_for_the_next_n_updates_only(dify_server, client, conv):
    dify_server.inject_fault(Fault.unavailable(retry_after=2), route="variables.update", times=2)
    assert get_list(client, conv).status_code == 200  # the list route is not affected
    statuses = [put_n(client, dify_server, conv, v) for v in (2, 3, 4)]
    assert [r.status_code for r in statuses] == [503, 503, 200]
    assert statuses[0].headers["retry-after"] == "2"
    assert dify_server.variable(conv, "n").value == 4
    assert dify_server.pending_faults == 0


def test_429_rate_limited(dify_server, client, conv):
    dify_server.inject_fault(Fault.rate_limited(retry_after=0.5), route="variables.list")
    response = get_list(client, conv)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "0.5"
    assert response.json()["status"] == 429
    assert get_list(client, conv).status_code == 200


def test_status_fault_sends_the_given_body_and_headers(dify_server, client, conv):
    html = "<html><body>502 Bad Gateway</body></html>"
    dify_server.inject_fault(Fault.status(502, body=html, headers={"X-Proxy": "edge"}))
    response = put_n(client, dify_server, conv, 9)
    assert (response.status_code, response.text) == (502, html)
    assert response.headers["x-proxy"] == "edge"
    assert dify_server.variable(conv, "n").value == 1  # nothing stored


def test_dropped_connection_gives_the_client_no_response(dify_server, client, conv):
    dify_server.inject_fault(Fault.drop(), route="any")
    with pytest.raises(httpx.RemoteProtocolError):
        get_list(client, conv)
    assert get_list(client, conv).status_code == 200


def test_delay_still_answers_normally(dify_server, client, conv):
    dify_server.inject_fault(Fault.delay(0.05), route="variables.list")
    assert get_list(client, conv).status_code == 200
    assert dify_server.pending_faults == 0


def test_faults_are_used_in_injection_order(dify_server, client, conv):
    dify_server.inject_fault(Fault.status(500))
    dify_server.inject_fault(Fault.status(504))
    assert [get_list(client, conv).status_code for _ in range(3)] == [500, 504, 200]


def test_a_fault_aimed_at_one_operation_leaves_another_familys_of_the_same_name(
    dify_server, client, conv
):
    dify_server.inject_fault(Fault.status(503), route="conversations.list")
    assert get_list(client, conv).status_code == 200  # variables.list is another operation
    listed = client.get("/conversations", params={"user": USER})
    assert listed.status_code == 503
    assert dify_server.pending_faults == 0


def test_a_fault_aimed_at_one_method_leaves_the_other_method_of_its_path():
    with DifyTestServer(api_key=KEY, dialect="1.16") as server:
        server.inject_fault(Fault.status(502), route="forms.submit")
        url = f"{server.base_url}/form/human_input/unknown-token"
        with httpx.Client(headers=AUTH) as http:
            assert http.get(url).status_code == 404  # forms.get answers normally
            assert http.post(url, json={"user": USER}).status_code == 502


def test_a_stream_fault_aims_at_chat_send_by_its_registry_name():
    with DifyTestServer(api_key=KEY) as server:
        server.inject_fault(Fault.cut_stream(after_events=2), route="chat.send")
        cut = chat(server.port)
        assert (cut.complete, len(cut.events())) == (False, 2)
        server.inject_fault(Fault.cut_stream(after_events=2), route="chat.stop")
        assert chat(server.port).complete  # a fault aimed at stopping leaves sending alone


@pytest.mark.parametrize(
    ("bare", "operations"),
    [
        ("list", "annotations.list, conversations.list, messages.list, variables.list"),
        ("update", "annotations.update, variables.update"),
    ],
)
def test_an_old_bare_name_several_families_share_is_refused(bare, operations):
    server = DifyTestServer()
    with pytest.raises(ValueError, match="several operations") as caught:
        server.inject_fault(Fault.drop(), route=bare)
    assert f"({operations})" in str(caught.value)
    assert server.pending_faults == 0


def test_fault_arguments_are_checked():
    server = DifyTestServer()
    for unknown in ("delete", "variables.remove", "nowhere"):
        with pytest.raises(ValueError, match="route"):
            server.inject_fault(Fault.drop(), route=unknown)
    with pytest.raises(ValueError, match="times"):
        server.inject_fault(Fault.drop(), times=0)
    with pytest.raises(ValueError):
        Fault.status(99)


def test_requests_are_recorded_in_order_without_the_key(dify_server, client, conv):
    get_list(client, conv)
    put_n(client, dify_server, conv, 7)
    first, second = dify_server.requests
    assert (first.method, first.path) == ("GET", f"/v1/conversations/{conv}/variables")
    assert first.query == {"user": USER}
    assert first.user == USER
    assert (second.method, second.json) == ("PUT", {"user": USER, "value": 7})
    assert second.user == USER
    assert second.headers["authorization"] == f"Bearer {REDACTED}"
    assert all(KEY not in repr(request) for request in dify_server.requests)
    dify_server.clear_requests()
    assert dify_server.requests == []


def test_a_key_sent_without_scheme_is_not_recorded_either(dify_server, conv):
    httpx.get(
        f"{dify_server.base_url}/conversations/{conv}/variables",
        headers={"Authorization": KEY}, verify=False,
    )  # fmt: skip
    assert dify_server.requests[0].headers["authorization"] == REDACTED


def test_the_fixture_yields_a_started_server_with_the_default_key(dify_server):
    assert dify_server.base_url.startswith("http://127.0.0.1:")
    assert dify_server.base_url.endswith("/v1")
    assert dify_server.api_key == KEY


def test_stop_frees_the_server_and_ends_open_connections():
    server = DifyTestServer().start()
    conv = server.add_conversation(variables=[])
    with httpx.Client(base_url=server.base_url, headers=AUTH, verify=False) as http:
        assert http.get(f"/conversations/{conv}/variables").status_code == 200
        server.stop()
        with pytest.raises(httpx.TransportError):
            http.get(f"/conversations/{conv}/variables")
    server.stop()  # idempotent


def test_serve_command_prints_where_and_exits_0_on_ctrl_c():
    process = subprocess.Popen(
        [sys.executable, "-m", "dify_chatflow.cli", "serve", "--api-key", "app-cli"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        printed = {}
        for _ in range(10):
            line = process.stdout.readline()
            label, _, value = line.partition(":")
            printed[label.strip()] = value.strip()
            if line.startswith("serving"):
                break
        assert printed["API key"] == "app-cli"
        base_url, conv = printed["base URL"], printed["conversation id"]
        response = httpx.get(
            f"{base_url}/conversations/{conv}/variables",
            params={"user": printed["user"], "limit": 100},
            headers={"Authorization": "Bearer app-cli"}, verify=False, timeout=10,
        )  # fmt: skip
        assert response.status_code == 200
        assert len(response.json()["data"]) == 13
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
