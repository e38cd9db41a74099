"""client.end_users.get on 1.16 (the app's end users) and 1.10 (no such route)."""

from __future__ import annotations

import uuid

import pytest
from client_support import API_KEY, USER
from dify_chatflow import (
    EndUser,
    EndUserNotFoundError,
    InvalidIdError,
    NotFoundError,
    WorkflowStartedEvent,
)
from dify_chatflow.testing import DifyTestServer
from human_support import read


def test_an_end_user_is_read_by_the_servers_id(driver):
    with DifyTestServer(api_key=API_KEY, dialect="1.16") as server:
        client = driver.client(server)
        events, _, _ = read(driver, client.chat.stream("hello"))
        started = next(e for e in events if isinstance(e, WorkflowStartedEvent))
        assert started.inputs["sys.user_id"] == USER  # the run knows the user string only
        uploaded = driver.run(client.files.upload(b"hi", filename="a.txt"))
        end_user_id = uploaded.created_by  # the server's own id of the end user
        assert end_user_id is not None
        user = driver.run(client.end_users.get(end_user_id))
    assert isinstance(user, EndUser)
    assert user.id == end_user_id
    assert (user.type, user.external_user_id, user.session_id) == ("service-api", USER, USER)
    assert user.is_anonymous is False
    assert user.created_at.tzinfo is not None
    assert user.app_id is not None
    assert user.tenant_id is not None


def test_an_unknown_end_user_is_end_user_not_found(driver):
    with DifyTestServer(api_key=API_KEY, dialect="1.16") as server:
        client = driver.client(server)
        with pytest.raises(EndUserNotFoundError) as caught:
            driver.run(client.end_users.get(uuid.uuid4()))
    assert (caught.value.status_code, caught.value.code) == (404, "end_user_not_found")


def test_a_malformed_id_is_refused_before_sending(driver):
    with DifyTestServer(api_key=API_KEY, dialect="1.16") as server:
        client = driver.client(server)
        with pytest.raises(InvalidIdError):
            driver.run(client.end_users.get("not-a-uuid"))
        assert server.requests == []


def test_dify_1_10_has_no_end_user_route(driver):
    with DifyTestServer(api_key=API_KEY, dialect="1.10") as server:
        client = driver.client(server)
        with pytest.raises(NotFoundError) as caught:
            driver.run(client.end_users.get(uuid.uuid4()))
    assert not isinstance(caught.value, EndUserNotFoundError)
    assert caught.value.code is None
    assert "does not have that endpoint" in str(caught.value)
