"""Every failure becomes a typed exception; retries, timeouts and hostile ids."""

from __future__ import annotations

import logging
import re
import socket
import threading
import time
import uuid

import httpx
import pytest
from client_support import API_KEY, CLIENT_KINDS, EVERY_TYPE, USER, client_factory
from dify_chatflow import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConversationNotFoundError,
    InternalServerError,
    InvalidIdError,
    InvalidParamError,
    NotChatAppError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    RetryPolicy,
    VariableNotFoundError,
    VariableTypeMismatchError,
    VariableValueError,
)
from dify_chatflow._exceptions import make_status_error
from dify_chatflow.testing import DifyTestServer, Fault


@pytest.fixture
def server():
    with DifyTestServer(api_key=API_KEY) as server:
        yield server


@pytest.fixture(params=CLIENT_KINDS)
def make_client(request):
    """Every kind of client: sync, async, and async over DefaultAioHttpClient."""
    yield from client_factory(request.param)


@pytest.fixture
def conv(server):
    return server.add_conversation(user=USER, variables=EVERY_TYPE)


def var_id(server, conv, name="visits"):
    return server.variable(conv, name).id


# -- status errors from the server's real behaviour ---------------------------------------


def test_unknown_key_is_an_authentication_error(server, conv, make_client):
    client = make_client(server, api_key="app-not-the-key")
    with pytest.raises(AuthenticationError) as caught:
        client.variables.list(conv)
    error = caught.value
    assert (error.status_code, error.code, error.message) == (
        401,
        "unauthorized",
        "Access token is invalid",
    )
    assert error.response.headers["www-authenticate"] == 'Bearer realm="api"'


@pytest.mark.parametrize(
    ("authorization", "message"),
    [
        (None, "Authorization header must be provided and start with 'Bearer'"),
        ("Bearer", "Authorization header must be provided and start with 'Bearer'"),
        ("Basic abc", "Authorization scheme must be 'Bearer'"),
    ],
)
def test_the_other_two_401s_map_to_authentication_error(server, conv, authorization, message):
    # Our clients always send a Bearer key; these requests come from raw httpx.
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.get(
        f"{server.base_url}/conversations/{conv}/variables", params={"user": USER}, headers=headers
    )
    error = make_status_error(response)
    assert type(error) is AuthenticationError
    assert error.message == message


def test_disabled_app_is_permission_denied(server, make_client):
    server.add_app(api_key="app-off", enabled=False)
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE, api_key="app-off")
    client = make_client(server, api_key="app-off")
    with pytest.raises(PermissionDeniedError) as caught:
        client.variables.list(conv)
    assert (caught.value.status_code, caught.value.code) == (403, "forbidden")


def test_workflow_app_is_not_a_chat_app(server, make_client):
    server.add_app(api_key="app-wf", mode="workflow")
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE, api_key="app-wf")
    client = make_client(server, api_key="app-wf")
    with pytest.raises(NotChatAppError) as caught:
        client.variables.update(conv, var_id(server, conv), 1)
    assert (caught.value.status_code, caught.value.code) == (400, "not_chat_app")


def test_wrong_user_is_conversation_not_found(server, conv, make_client):
    client = make_client(server, user="not-the-owner")
    with pytest.raises(ConversationNotFoundError) as caught:
        client.variables.update(conv, var_id(server, conv), 1)
    assert (caught.value.status_code, caught.value.code) == (404, "not_found")
    assert caught.value.message == "Conversation Not Exists."


def test_a_blocking_send_raises_the_error_its_stream_would_carry(server, make_client):
    client = make_client(server)
    fault = Fault.stream_error(code="completion_request_error", message="model down", status=400)
    server.inject_fault(fault, route="chat")
    with pytest.raises(BadRequestError) as caught:
        client.chat.send("Hello")
    assert (caught.value.status_code, caught.value.code) == (400, "completion_request_error")
    assert caught.value.message == "model down"
    server.inject_fault(Fault.stream_error(), route="chat")
    with pytest.raises(InternalServerError) as internal:
        client.chat.send("Hello")
    assert internal.value.code == "internal_server_error"
    sent = [r for r in server.requests if r.path.endswith("/chat-messages")]
    assert len(sent) == 2  # each sent once: a chat message that reached the server is not resent


def test_unknown_variable_is_variable_not_found(server, conv, make_client):
    client = make_client(server)
    with pytest.raises(VariableNotFoundError) as caught:
        client.variables.update(conv, uuid.uuid4(), 1)
    assert caught.value.message == "Conversation Variable Not Exists."


def test_type_mismatch_and_invalid_param(server, conv, make_client):
    client = make_client(server)
    with pytest.raises(VariableTypeMismatchError) as mismatch:
        client.variables.update(conv, var_id(server, conv, "user_preference"), 5)
    assert mismatch.value.code == "bad_request"
    assert "expects string" in mismatch.value.message
    with pytest.raises(InvalidParamError) as invalid:
        client.variables.update(conv, var_id(server, conv, "scratch"), [1])
    assert "not supported value type" in invalid.value.message


def test_wrong_method_is_a_plain_status_error(server, conv):
    response = httpx.delete(
        f"{server.base_url}/conversations/{conv}/variables",
        headers={"Authorization": f"Bearer {API_KEY}"},
    )
    error = make_status_error(response)
    assert type(error) is APIStatusError
    assert (error.status_code, error.code) == (405, "method_not_allowed")


# -- bodies that are not Dify JSON ----------------------------------------------------------


def test_html_404_has_no_code_and_a_short_message(server, conv, make_client):
    page = "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>" + "x" * 2000
    server.inject_fault(Fault.status(404, body=page, headers={"Content-Type": "text/html"}))
    client = make_client(server)
    with pytest.raises(NotFoundError) as caught:
        client.variables.list(conv)
    error = caught.value
    assert type(error) is NotFoundError
    assert error.code is None
    assert error.body == page
    assert len(str(error)) < 500


def test_a_base_url_without_v1_gets_a_hint_not_an_html_page(server, conv, make_client):
    root = server.base_url.removesuffix("/v1")  # a common mistake
    client = make_client(server, base_url=root)
    with pytest.raises(NotFoundError) as caught:
        client.variables.list(conv)
    message = caught.value.message
    assert f"the server answered /conversations/{conv}/variables with an HTML page" in message
    assert "check that base_url is the API root and ends in /v1" in message
    assert "<" not in message


def test_a_redirect_names_its_location(server, conv, make_client):
    target = "https://dify.example.com/v1/conversations"
    server.inject_fault(Fault.status(301, body="", headers={"Location": target}))
    client = make_client(server)
    with pytest.raises(APIStatusError) as caught:
        client.variables.list(conv)
    assert caught.value.status_code == 301
    assert f"the server redirected to {target}; redirects are not followed" in str(caught.value)


def test_validation_body_without_code(server, conv, make_client):
    body = {"message": "Input payload validation failed", "errors": {"value": "Missing"}}
    server.inject_fault(Fault.status(400, body=body))
    client = make_client(server)
    with pytest.raises(BadRequestError) as caught:
        client.variables.update(conv, var_id(server, conv), 1)
    assert caught.value.code is None
    assert "value: Missing" in caught.value.message


@pytest.mark.parametrize(
    "body",
    [
        "this is not json",
        {"id": "not-a-uuid", "name": "x"},
        {"unexpected": True},
        b"[1, 2, 3]",
    ],
)
def test_a_200_that_does_not_decode_is_a_response_decode_error(server, conv, make_client, body):
    server.inject_fault(Fault.status(200, body=body), route="variables.update")
    client = make_client(server)
    with pytest.raises(ResponseDecodeError) as caught:
        client.variables.update(conv, var_id(server, conv), 1)
    assert caught.value.response is not None
    assert caught.value.response.status_code == 200


@pytest.mark.parametrize("bad_id", ["not-a-uuid", 12345, None])
def test_a_list_item_that_does_not_decode_is_named_in_the_error(server, conv, make_client, bad_id):
    good: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "name": "fine",
        "value_type": "string",
        "value": "ok",
    }
    good |= {"description": "", "created_at": 1700000000, "updated_at": 1700000000}
    broken = {**good, "id": bad_id, "name": "broken"}
    server.inject_fault(Fault.status(200, body={"data": [good, broken], "has_more": False}))
    with pytest.raises(ResponseDecodeError, match="malformed") as caught:
        make_client(server).variables.list(conv)
    assert '"name": "broken"' in caught.value.raw
    assert "fine" not in caught.value.raw
    assert caught.value.response is not None
    assert caught.value.response.status_code == 200


@pytest.mark.parametrize("missing", ["id", "name", "value_type", "value", "updated_at"])
def test_a_list_item_missing_a_field_names_the_field(server, conv, make_client, missing):
    item: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "name": "token",
        "value_type": "secret",
        "value": "s3",
    }
    item |= {"description": "", "created_at": 1700000000, "updated_at": 1700000000}
    del item[missing]
    server.inject_fault(Fault.status(200, body={"data": [item], "has_more": False}))
    with pytest.raises(ResponseDecodeError, match=f"malformed.*'{missing}'") as caught:
        make_client(server).variables.list(conv)
    assert '"name": "token"' in caught.value.raw or missing == "name"
    assert "s3" not in str(caught.value)


def test_a_list_page_of_the_wrong_shape_is_a_response_decode_error(server, conv, make_client):
    server.inject_fault(Fault.status(200, body={"data": "nope", "has_more": False}))
    with pytest.raises(ResponseDecodeError, match="page"):
        make_client(server).variables.list(conv)


# -- retries --------------------------------------------------------------------------------


def test_503_then_success_is_retried(server, conv, make_client, caplog):
    server.inject_fault(Fault.unavailable(retry_after=0.01), route="variables.update", times=2)
    client = make_client(server)
    with caplog.at_level(logging.INFO, logger="dify_chatflow"):
        assert client.variables.update(conv, var_id(server, conv), 8).value == 8
    assert len(server.requests) == 3
    lines = [r.getMessage() for r in caplog.records if r.name == "dify_chatflow"]
    retries = [line for line in lines if line.startswith("retrying")]
    assert len(retries) == 2
    assert all("in 0.010s after HTTP 503" in line for line in retries)
    # One line per attempt: method, path, status, elapsed time, retry number.
    attempts = [line for line in lines if not line.startswith("retrying")]
    path = f"/v1/conversations/{conv}/variables/{var_id(server, conv)}"
    assert [re.sub(r"in \d+\.\d{3}s", "in Xs", line) for line in attempts] == [
        f"PUT {path} -> HTTP 503 in Xs (retry 0)",
        f"PUT {path} -> HTTP 503 in Xs (retry 1)",
        f"PUT {path} -> HTTP 200 in Xs (retry 2)",
    ]


def test_a_retry_after_beyond_the_cap_falls_back_to_the_backoff(server, conv, make_client, caplog):
    server.inject_fault(Fault.rate_limited(retry_after=3600), route="variables.list")
    client = make_client(server)  # FAST_RETRIES: Retry-After up to 50 ms, backoff 1 ms
    with caplog.at_level(logging.INFO, logger="dify_chatflow"):
        assert len(client.variables.list(conv)) == len(EVERY_TYPE)
    (line,) = [
        r.getMessage()
        for r in caplog.records
        if r.name == "dify_chatflow" and r.getMessage().startswith("retrying")
    ]
    assert "in 0.001s after HTTP 429" in line  # not the hour, not the 50 ms cap


def test_max_total_wait_bounds_the_waits_of_one_call(server, conv, make_client):
    server.inject_fault(Fault.unavailable(retry_after=0.04), route="variables.list", times=10)
    policy = RetryPolicy(max_retry_after=0.05, max_total_wait=0.1)
    client = make_client(server, retry_policy=policy, max_retries=10)
    with pytest.raises(InternalServerError):
        client.variables.list(conv)
    assert len(server.requests) == 3  # 0.04 + 0.04 waited; a third wait would pass 0.1


def test_429_beyond_max_retries_is_a_rate_limit_error(server, conv, make_client):
    server.inject_fault(Fault.rate_limited(retry_after=0), times=10)
    client = make_client(server, max_retries=3)
    with pytest.raises(RateLimitError) as caught:
        client.variables.list(conv)
    assert caught.value.status_code == 429
    assert len(server.requests) == 4


def test_per_call_max_retries_overrides_the_client(server, conv, make_client):
    server.inject_fault(Fault.status(502), times=10)
    client = make_client(server, max_retries=5)
    with pytest.raises(InternalServerError) as caught:
        client.variables.update(conv, var_id(server, conv), 1, max_retries=0)
    assert caught.value.status_code == 502
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [408, 409, 500, 504])
def test_retryable_statuses(server, conv, make_client, status):
    server.inject_fault(Fault.status(status))
    assert make_client(server).variables.update(conv, var_id(server, conv), 2).value == 2
    assert len(server.requests) == 2


def test_other_4xx_are_not_retried(server, conv, make_client):
    client = make_client(server, max_retries=5)
    with pytest.raises(VariableTypeMismatchError):
        client.variables.update(conv, var_id(server, conv, "is_vip"), "yes")
    assert len(server.requests) == 1


def test_dropped_connection_is_retried_then_a_connection_error(server, conv, make_client):
    server.inject_fault(Fault.drop(), times=1)
    client = make_client(server)
    assert client.variables.update(conv, var_id(server, conv), 3).value == 3
    server.clear_requests()
    # Enough drops for every attempt, including aiohttp's own second try of an idempotent
    # request whose kept-alive connection the server closed.
    server.inject_fault(Fault.drop(), times=10)
    with pytest.raises(APIConnectionError):
        make_client(server, max_retries=1).variables.list(conv)


def test_nothing_listening_is_a_connection_error(make_client):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_client(DifyTestServer(), base_url=f"http://127.0.0.1:{port}/v1", max_retries=1)
    with pytest.raises(APIConnectionError, match="Connection error"):
        client.variables.list(uuid.uuid4())


class CountingListener:
    """A listener on 127.0.0.1 that counts connections: ``answer`` bytes are sent to each
    as soon as its first bytes arrive (a plain-HTTP server's reply to a TLS hello), or
    nothing at all with ``answer=None`` (a server waiting for a request line)."""

    def __init__(self, answer: bytes | None) -> None:
        self.answer = answer
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:  # ends when close() closes the listener
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            self.open.append(conn)
            if self.answer is not None:
                conn.recv(65536)
                conn.sendall(self.answer)
                conn.close()

    def close(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() under way
        self.listener.close()
        for conn in self.open:
            conn.close()
        self.thread.join(timeout=10)


PLAIN_400 = b"HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@pytest.mark.parametrize("answer", [PLAIN_400, None], ids=["answers-400", "waits"])
def test_https_to_a_plain_http_server_is_one_attempt_that_says_so(make_client, answer):
    listener = CountingListener(answer)
    try:
        client = make_client(
            DifyTestServer(), base_url=f"https://127.0.0.1:{listener.port}/v1", timeout=0.5
        )
        with pytest.raises(APIConnectionError) as caught:
            client.app.info()
    finally:
        listener.close()
    message = str(caught.value)
    assert f"TLS handshake with 127.0.0.1:{listener.port}" in message
    assert (
        f"the server may speak plain HTTP on that port: try http://127.0.0.1:{listener.port}"
        in (message)
    )
    assert not isinstance(caught.value, APITimeoutError)
    assert listener.connections == 1  # a handshake that failed is not retried


def test_the_embedded_server_answers_a_tls_hello_at_once(server, make_client):
    https = server.base_url.replace("http://", "https://")
    client = make_client(server, base_url=https, timeout=60)
    with pytest.raises(APIConnectionError, match=r"WRONG_VERSION_NUMBER.*may speak plain HTTP"):
        client.app.info()  # a wait for the handshake would end only in the 60 s timeout


def test_slow_answer_is_a_timeout_after_retries(server, conv, make_client):
    server.inject_fault(Fault.delay(0.5), times=2)
    client = make_client(server, timeout=0.05, max_retries=1)
    with pytest.raises(APITimeoutError):
        client.variables.list(conv)
    # The retry left the client; on a loaded machine the server may read it a moment later.
    deadline = time.monotonic() + 5
    while len(server.requests) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(server.requests) == 2


def test_per_call_timeout(server, conv, make_client):
    server.inject_fault(Fault.delay(0.5))
    client = make_client(server, max_retries=0)
    with pytest.raises(APITimeoutError):
        client.variables.list(conv, timeout=0.05)


# -- ids ---------------------------------------------------------------------------------

HOSTILE_IDS = [
    "../x",
    "a/b",
    "x?y=1",
    "x#f",
    "",
    "not-a-uuid",
    "3f2b8c1e5d6a4e7f8a9b0c1d2e3f4a5b",
    "3f2b8c1e-5d6a-4e7f-8a9b-0c1d2e3f4a5b\n",
    "3f2b8c1e-5d6a-4e7f-8a9b-0c1d2e3f4a5b/../..",
    None,
    12,
    ["3f2b8c1e-5d6a-4e7f-8a9b-0c1d2e3f4a5b"],
]


@pytest.mark.parametrize("bad", HOSTILE_IDS, ids=repr)
def test_hostile_ids_never_reach_the_server(server, conv, make_client, bad):
    client = make_client(server)
    good = var_id(server, conv)
    with pytest.raises(InvalidIdError, match="conversation_id"):
        client.variables.list(bad)
    with pytest.raises(InvalidIdError, match="conversation_id"):
        client.variables.get(bad, "visits")
    with pytest.raises(InvalidIdError, match="conversation_id"):
        client.variables.set(bad, "visits", 1)
    with pytest.raises(InvalidIdError, match="conversation_id"):
        client.variables.update(bad, good, 1)
    with pytest.raises(InvalidIdError, match="variable_id"):
        client.variables.update(conv, bad, 1)
    assert server.requests == []


def test_ids_in_any_case_and_as_uuid_objects_work(server, conv, make_client):
    client = make_client(server)
    good = var_id(server, conv)
    assert client.variables.update(conv.upper(), good.upper(), 4).value == 4
    assert client.variables.update(uuid.UUID(conv), uuid.UUID(good), 5).value == 5


def test_values_json_cannot_carry_are_refused_before_sending(server, conv, make_client):
    client = make_client(server)
    looped: list[object] = []
    looped.append(looped)
    for value in (float("nan"), {1, 2}, looped, "lone \ud800 surrogate"):
        with pytest.raises(VariableValueError, match="nothing was sent"):
            client.variables.update(conv, var_id(server, conv), value)
    assert server.requests == []
