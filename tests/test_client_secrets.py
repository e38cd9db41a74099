"""The API key and secret values never show in reprs, exception text, tracebacks or logs."""

from __future__ import annotations

import json
import logging
import traceback
import uuid

import pytest
from client_support import USER
from dify_chatflow import DifyError, ResponseDecodeError
from dify_chatflow.testing import DifyTestServer, Fault

KEY = "app-KEY-9f8e7d6c5b4a"
WRONG_KEY = "app-WRONG-1a2b3c4d5e"
SECRET = "tok-SECRET-0123456789"
NEW_SECRET = "tok-NEW-SECRET-9876543210"
NEEDLES = (KEY, WRONG_KEY, SECRET, NEW_SECRET, KEY[4:], SECRET[4:])


def assert_clean(text: str) -> None:
    for needle in NEEDLES:
        assert needle not in text


def test_no_secret_anywhere(make_client, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "dify_chatflow"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    seen: list[str] = []
    with DifyTestServer(api_key=KEY) as server:
        variables: list[dict[str, object]] = [
            {"name": "api_token", "value_type": "secret", "value": SECRET},
            {"name": "visits", "value_type": "number", "value": 1},
        ]
        conv = server.add_conversation(user=USER, variables=variables)
        client = make_client(server, api_key=KEY)
        seen += [repr(client), str(client), repr(client.generated)]
        seen.append(repr(client.http_client.headers))

        listed = client.variables.list(conv)
        seen += [repr(listed), str(listed)]
        token = client.variables.get(conv, "api_token")
        assert token.value == SECRET  # the value itself is available on purpose
        server.inject_fault(Fault.unavailable(retry_after=0), route="variables.update")
        stored = client.variables.set(conv, "api_token", NEW_SECRET)
        assert stored.value == NEW_SECRET
        seen += [repr(token), str(token), repr(stored)]

        failures: list[BaseException] = []
        attempts = [
            lambda: make_client(server, api_key=WRONG_KEY).variables.list(conv),
            lambda: client.variables.set(conv, "api_token", 12345),
            lambda: client.variables.update(conv, token.id, 5, value_type="secret"),
            lambda: client.variables.update(conv, uuid.uuid4(), NEW_SECRET),
            lambda: client.variables.update(conv, token.id, {"k": {NEW_SECRET}}),
            lambda: client.variables.set(conv, "visits", NEW_SECRET),
        ]
        for attempt in attempts:
            with pytest.raises(DifyError) as caught:
                attempt()
            failures.append(caught.value)
        broken_item = {"id": "bad", "name": "api_token", "value_type": "secret", "value": SECRET}
        server.inject_fault(Fault.status(200, body={"data": [broken_item], "has_more": False}))
        with pytest.raises(DifyError) as caught:
            client.variables.list(conv)
        failures.append(caught.value)

    for error in failures:
        seen += [str(error), repr(error), "".join(traceback.format_exception(error))]
    seen += [record.getMessage() for record in caplog.records]
    seen += [str(record.args) for record in caplog.records]
    assert any("retrying PUT" in line for line in seen)  # the logs were captured
    for text in seen:
        assert_clean(text)


SECRET_ITEM: dict[str, object] = {
    "id": str(uuid.uuid4()),
    "name": "api_token",
    "value_type": "secret",
}
SECRET_ITEM |= {"value": SECRET, "description": "", "created_at": 1, "updated_at": 1}


@pytest.mark.parametrize(
    ("route", "body"),
    [
        ("list", f"<html>upstream echoed {SECRET}</html>"),
        ("update", f"value={SECRET}"),
        ("list", {"data": [SECRET_ITEM], "has_more": "false"}),
        ("list", {"data": json.dumps([SECRET_ITEM]), "has_more": False}),
        ("list", json.dumps([SECRET_ITEM]).encode()),
        ("update", json.dumps([SECRET_ITEM]).encode()),
        ("list", {"data": [[SECRET_ITEM]], "has_more": False}),
    ],
)
def test_a_200_that_does_not_decode_never_shows_a_secret(make_client, route, body):
    with DifyTestServer(api_key=KEY) as server:
        conv = server.add_conversation(
            user=USER, variables=[{"name": "api_token", "value_type": "secret", "value": SECRET}]
        )
        variable_id = server.variables(conv)[0].id
        server.inject_fault(Fault.status(200, body=body), route=f"variables.{route}")
        client = make_client(server, api_key=KEY)
        calls = {
            "list": lambda: client.variables.list(conv),
            "update": lambda: client.variables.update(conv, variable_id, "x"),
        }
        with pytest.raises(ResponseDecodeError) as caught:
            calls[route]()
    error = caught.value
    assert error.response is not None
    assert SECRET in error.response.text  # the whole body is kept for debugging...
    # ...but no message, repr, traceback or .raw shows a secret variable's value (plain
    # text has nothing that marks a secret: .raw keeps it, the message does not show it)
    shown = [str(error), repr(error), "".join(traceback.format_exception(error))]
    if not isinstance(body, str):
        shown.append(error.raw)
        assert error.raw
    for text in shown:
        assert_clean(text)


def test_a_page_of_the_wrong_shape_says_what_it_got(make_client):
    with DifyTestServer(api_key=KEY) as server:
        conv = server.add_conversation(user=USER, variables=[])
        body = {"data": [SECRET_ITEM], "has_more": "false", "limit": 100}
        server.inject_fault(Fault.status(200, body=body), route="variables.list")
        with pytest.raises(ResponseDecodeError) as caught:
            make_client(server, api_key=KEY).variables.list(conv)
    assert '"has_more": "false"' in str(caught.value)
    assert '"limit": 100' in str(caught.value)


def test_a_body_that_is_not_json_is_described_by_length_and_type(make_client):
    with DifyTestServer(api_key=KEY) as server:
        conv = server.add_conversation(user=USER, variables=[])
        body = b"<html>" + SECRET.encode() + b"</html>"
        headers = {"Content-Type": "text/html"}
        server.inject_fault(Fault.status(200, body=body, headers=headers), route="variables.list")
        with pytest.raises(ResponseDecodeError) as caught:
            make_client(server, api_key=KEY).variables.list(conv)
    assert f"{len(body)} bytes" in str(caught.value)
    assert "text/html" in str(caught.value)
