"""The test server's CORS headers, the bare ``/v1`` redirect, and which answers carry them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer
from server_support import DIALECTS, KEY, chat, raw

EXPOSED = "X-Env, X-Trace-Id, X-Version"


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param) as started:
        yield started


def names(headers: list[tuple[str, str]]) -> list[str]:
    return [name for name, _ in headers if name not in ("server", "date", "connection")]


def test_every_answer_of_a_route_allows_any_origin(server):
    refused = raw(server.port, "GET", "/info", key=None)
    for response in (chat(server.port), chat(server.port, streaming=False), refused):
        assert response.header("access-control-allow-origin") == "*"
        exposed = response.header("access-control-expose-headers")
        assert exposed == (EXPOSED if server.dialect == "1.16" else None)
    # after the route's own headers, before the version headers
    expected = ["content-type", "content-length", "www-authenticate", "access-control-allow-origin"]
    if server.dialect == "1.16":
        expected.append("access-control-expose-headers")
    expected += ["x-version", "x-env"] + (["vary"] if server.dialect == "1.16" else [])
    assert names(refused.headers) == expected


def test_no_route_and_a_wrong_method_get_no_cors_headers(server):
    for response in (
        raw(server.port, "GET", "/chat-messages"),
        raw(server.port, "GET", "/nope"),
        raw(server.port, "GET", "/conversations/not-a-uuid/variables"),
    ):
        assert response.status in (404, 405)
        assert response.header("access-control-allow-origin") is None
        assert response.header("allow") is None


def test_a_preflight_with_an_origin_gets_it_back_with_what_may_be_sent(server):
    preflight = raw(
        server.port,
        "OPTIONS",
        "/chat-messages",
        key=None,
        headers={
            "Origin": "http://example.test",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type,x-other",
        },
    )
    assert preflight.status == 200
    assert preflight.header("allow") == "OPTIONS, POST"
    assert preflight.header("access-control-allow-origin") == "http://example.test"
    assert preflight.header("access-control-allow-headers") == "authorization, content-type"
    assert preflight.header("access-control-allow-methods") == (
        "DELETE, GET, OPTIONS, PATCH, POST, PUT"
    )
    vary = [value for name, value in preflight.headers if name == "vary"]
    assert vary == (["Origin, Cookie"] if server.dialect == "1.16" else ["Origin"])


def test_a_plain_request_with_an_origin_gets_the_origin_back(server):
    response = raw(server.port, "GET", "/info", headers={"Origin": "http://example.test"})
    assert response.status == 200
    assert response.header("access-control-allow-origin") == "http://example.test"
    assert response.header("access-control-allow-methods") is None
    vary = [value for name, value in response.headers if name == "vary"]
    assert vary == (["Origin, Cookie"] if server.dialect == "1.16" else ["Origin"])
    assert names(response.headers)[-3:] == ["vary", "x-version", "x-env"]


def test_the_bare_v1_path_redirects_to_its_root(server):
    response = raw(server.port, "GET", "/v1", key=None)
    target = "http://127.0.0.1/v1/"
    assert response.status == 308
    assert response.header("location") == target
    assert response.header("access-control-allow-origin") is None
    assert response.body.decode() == (
        "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n"
        "<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target "
        f'URL: <a href="{target}">{target}</a>. If not, click the link.\n'
    )
    with_query = raw(server.port, "GET", "/v1?x=1", key=None)
    assert with_query.header("location") == "http://127.0.0.1/v1/?x=1"


def test_doubled_slashes_redirect_to_the_route_they_name_once_merged(server):
    response = raw(server.port, "GET", "/v1//info?a=b", key=None)
    assert response.status == 308
    assert response.header("location") == "http://127.0.0.1/v1/info?a=b"
    assert raw(server.port, "GET", "/v1//nowhere", key=None).status == 404


def test_a_preflight_names_methods_only_for_one_it_allows(server):
    asked = {"Access-Control-Request-Method": "GET"}
    plain = raw(server.port, "OPTIONS", "/info", key=None, headers=asked)
    assert plain.header("access-control-allow-origin") == "*"
    assert plain.header("access-control-allow-methods") == "DELETE, GET, OPTIONS, PATCH, POST, PUT"
    assert plain.header("access-control-allow-headers") is None  # none were asked for
    assert plain.header("vary") == ("Cookie" if server.dialect == "1.16" else None)
    trace = {"Origin": "http://example.test", "Access-Control-Request-Method": "TRACE"}
    refused = raw(server.port, "OPTIONS", "/info", key=None, headers=trace)
    assert refused.header("access-control-allow-origin") == "http://example.test"
    assert refused.header("access-control-allow-methods") is None


def test_a_head_request_gets_the_cors_headers_too(server):
    response = raw(server.port, "HEAD", "/info")
    assert response.status == 200
    assert response.header("access-control-allow-origin") == "*"
