"""The test server runs Dify's request checks in Dify's order, with Dify's answers."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from dify_chatflow.testing import DifyTestServer

KEY = "app-test"
AUTH = {"Authorization": f"Bearer {KEY}"}
USER = "abc-123"
OTHER_UUID = "0b8e8a8e-5d0c-4a55-9d7a-0d3c2f4e9a11"


@pytest.fixture
def conv(dify_server: DifyTestServer) -> str:
    return dify_server.add_conversation(
        user=USER, variables=[{"name": "visits", "value_type": "number", "value": 3}]
    )


@pytest.fixture
def client(dify_server: DifyTestServer) -> Iterator[httpx.Client]:
    # verify=False: plain HTTP, and it skips loading CA certificates for every test.
    with httpx.Client(base_url=dify_server.base_url, verify=False) as http:
        yield http


def var_url(server: DifyTestServer, conv: str) -> str:
    return f"/conversations/{conv}/variables/{server.variable(conv, 'visits').id}"


def raw_put(
    server: DifyTestServer, path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, Any]:
    """PUT exact bytes (httpx would normalise some of what these tests need to send)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("PUT", "/v1" + path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def test_list_and_update_answer_200_when_everything_is_right(dify_server, client, conv):
    listed = client.get(f"/conversations/{conv}/variables", params={"user": USER}, headers=AUTH)
    assert listed.status_code == 200
    url = var_url(dify_server, conv)
    updated = client.put(url, json={"user": USER, "value": 4}, headers=AUTH)
    assert updated.status_code == 200
    assert updated.json()["value"] == "4"


@pytest.mark.parametrize(
    "path",
    [
        "/v1/conversations/not-a-uuid/variables",
        "/v1/conversations/0b8e8a8e5d0c4a559d7a0d3c2f4e9a11/variables",  # no hyphens
        f"/v1/conversations/{OTHER_UUID}/variables/42",
        f"/v1/conversations/{OTHER_UUID}/variables/",
        "/v1/conversations/not-a-uuid",
        "/v1/elsewhere",
        "/elsewhere",
    ],
)
def test_unknown_paths_and_malformed_ids_get_html_404_before_auth(dify_server, client, path):
    response = client.get(f"http://127.0.0.1:{dify_server.port}{path}")  # no Authorization
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>404 Not Found</title>" in response.text


def test_upper_case_ids_are_the_same_conversation(client, conv):
    response = client.get(
        f"/conversations/{conv.upper()}/variables", params={"user": USER}, headers=AUTH
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("method", "suffix", "allow"),
    [
        ("POST", "", "GET, HEAD, OPTIONS"),
        ("PUT", "", "GET, HEAD, OPTIONS"),
        ("DELETE", "", "GET, HEAD, OPTIONS"),
        ("GET", f"/{OTHER_UUID}", "OPTIONS, PUT"),
        ("PATCH", f"/{OTHER_UUID}", "OPTIONS, PUT"),
    ],
)
def test_other_methods_get_405_before_auth(client, conv, method, suffix, allow):
    options = client.options(f"/conversations/{conv}/variables{suffix}")
    assert options.headers["allow"] == allow
    response = client.request(method, f"/conversations/{conv}/variables{suffix}")
    assert response.status_code == 405
    assert response.json() == {
        "code": "method_not_allowed",
        "message": "The method is not allowed for the requested URL.",
        "status": 405,
    }
    assert "allow" not in response.headers


def test_head_on_the_list_answers_headers_only(client, conv):
    response = client.head(f"/conversations/{conv}/variables", params={"user": USER}, headers=AUTH)
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) > 0


MISSING = "Authorization header must be provided and start with 'Bearer'"


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, MISSING),
        ({"Authorization": KEY}, MISSING),
        ({"Authorization": "Bearer"}, MISSING),
        ({"Authorization": f"Basic {KEY}"}, "Authorization scheme must be 'Bearer'"),
        ({"Authorization": "Bearer app-wrong"}, "Access token is invalid"),
    ],
)
def test_three_401_messages_with_the_bearer_challenge(client, conv, headers, message):
    response = client.get(
        f"/conversations/{conv}/variables", params={"user": USER}, headers=headers
    )
    assert response.status_code == 401
    assert response.json() == {"code": "unauthorized", "message": message, "status": 401}
    assert response.headers["www-authenticate"] == 'Bearer realm="api"'


def test_the_bearer_scheme_is_case_insensitive(client, conv):
    headers = {"Authorization": f"bearer {KEY}"}
    response = client.get(
        f"/conversations/{conv}/variables", params={"user": USER}, headers=headers
    )
    assert response.status_code == 200


def test_auth_comes_before_the_body_checks(dify_server, conv):
    status, body = raw_put(dify_server, var_url(dify_server, conv), b"{oops", {})
    assert (status, body["code"]) == (401, "unauthorized")


def test_disabled_app_gets_403(dify_server, client, conv):
    dify_server.add_app("app-off", enabled=False)
    headers = {"Authorization": "Bearer app-off"}
    response = client.get(f"/conversations/{conv}/variables", headers=headers)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_non_json_content_type_gets_415(dify_server, conv, content_type):
    headers = dict(AUTH)
    if content_type:
        headers["Content-Type"] = content_type
    status, body = raw_put(dify_server, var_url(dify_server, conv), b'{"value": 4}', headers)
    assert status == 415
    assert body == {
        "code": "unsupported_media_type",
        "message": "Did not attempt to load JSON data because the request Content-Type was "
        "not 'application/json'.",
        "status": 415,
    }


def test_json_suffix_media_types_and_charset_parameters_are_json(dify_server, conv):
    body = json.dumps({"user": USER, "value": 5}).encode()
    for content_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        headers = {**AUTH, "Content-Type": content_type}
        status, _ = raw_put(dify_server, var_url(dify_server, conv), body, headers)
        assert status == 200


@pytest.mark.parametrize(
    "raw",
    [
        b"{oops",
        b"",
        b'{"value": NaN}',
        b'{"value": Infinity}',
        b'{"value": -Infinity}',
        b'{"value": 1e400}',  # infinite as a double
        b'{"value": 1' + b"0" * 400 + b"}",  # an integer too large even for a float
        b'{"value": "\\ud800"}',  # lone surrogate
        b'{"value": "caf\xe9"}',  # not UTF-8
        b'{"value": ' + b"[" * 1100 + b"]" * 1100 + b"}",
    ],
)
def test_bodies_dify_parser_refuses_get_400_bad_request(dify_server, conv, raw):
    headers = {**AUTH, "Content-Type": "application/json"}
    status, body = raw_put(dify_server, var_url(dify_server, conv), raw, headers)
    assert status == 400
    assert body == {
        "code": "bad_request",
        "message": "The browser (or proxy) sent a request that this server could not understand.",
        "status": 400,
    }


def test_64_bit_extremes_and_surrogate_pairs_parse(dify_server, conv):
    headers = {**AUTH, "Content-Type": "application/json"}
    url = var_url(dify_server, conv)
    for number in (2**64 - 1, -(2**63)):
        status, body = raw_put(
            dify_server, url, b'{"user": "%s", "value": %d}' % (USER.encode(), number), headers
        )
        assert (status, body["value"]) == (200, str(number))


@pytest.mark.parametrize("raw", [b"[1, 2]", b'"text"', b"42", b"null", b"true"])
def test_json_that_is_not_an_object_gets_500_unknown(dify_server, conv, raw):
    headers = {**AUTH, "Content-Type": "application/json"}
    status, body = raw_put(dify_server, var_url(dify_server, conv), raw, headers)
    assert status == 500
    assert body == {"message": "Internal Server Error", "code": "unknown", "status": 500}


@pytest.mark.parametrize("mode", ["workflow", "completion"])
def test_apps_that_are_not_chat_apps_get_not_chat_app(dify_server, client, conv, mode):
    dify_server.add_app("app-other", mode=mode)
    headers = {"Authorization": "Bearer app-other"}
    expected = {
        "code": "not_chat_app",
        "message": "Please check if your app mode matches the right API route.",
        "status": 400,
    }
    listed = client.get(f"/conversations/{conv}/variables", headers=headers)
    updated = client.put(var_url(dify_server, conv), json={"value": 1}, headers=headers)
    assert (listed.status_code, listed.json()) == (400, expected)
    assert (updated.status_code, updated.json()) == (400, expected)


def test_a_missing_value_is_invalid_param_in_pydantic_words(dify_server, client, conv):
    response = client.put(var_url(dify_server, conv), json={"user": USER}, headers=AUTH)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_param"
    assert body["message"].splitlines()[:3] == [
        "1 validation error for ConversationVariableUpdatePayload",
        "value",
        "  Field required [type=missing, input_value={'user': 'abc-123'}, input_type=dict]",
    ]


def test_restx_style_answers_validation_failures_without_code():
    with DifyTestServer(validation_errors="restx") as server:
        conv = server.add_conversation(
            user=USER, variables=[{"name": "visits", "value_type": "number", "value": 3}]
        )
        url = server.base_url + var_url(server, conv)
        response = httpx.put(url, json={"user": USER}, headers=AUTH, verify=False)
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "value": "New value for the conversation variable Missing required parameter in "
            "the JSON body"
        },
        "message": "Input payload validation failed",
    }


def test_conversations_belong_to_their_user(dify_server, client, conv):
    url = f"/conversations/{conv}/variables"
    hint = (
        f" You have requested this URI [/v1{url}] but did you mean"
        " /v1/conversations/<uuid:c_id>/variables ?"
    )
    for params in ({"user": "someone-else"}, {}, {"user": ""}):
        response = client.get(url, params=params, headers=AUTH)
        assert response.status_code == 404
        assert response.json() == {
            "code": "not_found",
            "message": "Conversation Not Exists." + hint,
            "status": 404,
        }
    put = client.put(var_url(dify_server, conv), json={"value": 1}, headers=AUTH)
    assert (put.status_code, put.json()["message"]) == (404, "Conversation Not Exists.")


def test_a_missing_or_empty_user_is_the_default_end_user(dify_server, client):
    conv = dify_server.add_conversation(
        variables=[{"name": "n", "value_type": "string", "value": "x"}]
    )
    for params in ({}, {"user": ""}):
        response = client.get(f"/conversations/{conv}/variables", params=params, headers=AUTH)
        assert response.status_code == 200
    var_id = dify_server.variable(conv, "n").id
    for body in ({"value": "y"}, {"value": "z", "user": ""}, {"value": "w", "user": None}):
        response = client.put(f"/conversations/{conv}/variables/{var_id}", json=body, headers=AUTH)
        assert response.status_code == 200


def test_non_string_users_are_compared_as_python_str(dify_server, client):
    conv = dify_server.add_conversation(
        user="42", variables=[{"name": "n", "value_type": "string", "value": "x"}]
    )
    var_id = dify_server.variable(conv, "n").id
    response = client.put(
        f"/conversations/{conv}/variables/{var_id}", json={"user": 42, "value": "y"}, headers=AUTH
    )
    assert response.status_code == 200


def test_conversations_belong_to_their_app(dify_server, client, conv):
    dify_server.add_app("app-second")
    headers = {"Authorization": "Bearer app-second"}
    response = client.get(
        f"/conversations/{conv}/variables", params={"user": USER}, headers=headers
    )
    assert response.status_code == 404


def test_unknown_variable_gets_its_own_404(client, conv):
    url = f"/conversations/{conv}/variables/{OTHER_UUID}"
    response = client.put(url, json={"user": USER, "value": 1}, headers=AUTH)
    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "Conversation Variable Not Exists.",
        "status": 404,
    }


def test_keep_alive_connection_serves_many_requests(dify_server, client, conv):
    url = f"/conversations/{conv}/variables"
    statuses = {client.get(url, params={"user": USER}, headers=AUTH).status_code for _ in range(20)}
    assert statuses == {200}
    assert len(dify_server.requests) == 20
