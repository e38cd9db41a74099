"""list / get / set / update through both clients against the embedded server."""

from __future__ import annotations

import uuid

import pytest
from client_support import CLIENT_KINDS, EVERY_TYPE, USER, ClientFactory, client_factory
from dify_chatflow import (
    ConfigurationError,
    ConversationNotFoundError,
    InvalidParamError,
    PaginationError,
    UnknownVariableNameError,
    VariableValueError,
)
from dify_chatflow.testing import DifyTestServer, RecordedRequest

NEW_VALUES = {
    "user_preference": "light",
    "visits": 4,
    "ratio": 0.75,
    "api_token": "tok-NEW-SECRET-7",
    "is_vip": True,
    "profile": {"city": "Nantes", "tags": ["a"], "score": None},
    "topics": ["shipping", "returns"],
    "scores": [3.5, 4.0],
    "history": [{"turn": 2}],
    "flags": [False, True],
}


@pytest.fixture
def server():
    with DifyTestServer(api_key="app-test") as server:
        yield server


@pytest.fixture(params=CLIENT_KINDS)
def make_client(request):
    """Every kind of client: sync, async, and async over DefaultAioHttpClient."""
    yield from client_factory(request.param)


def puts(server: DifyTestServer) -> list[RecordedRequest]:
    return [r for r in server.requests if r.method == "PUT"]


def test_list_returns_every_variable_decoded(server, make_client: ClientFactory):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    client = make_client(server)
    variables = client.variables.list(conv)
    assert [v.name for v in variables] == [spec["name"] for spec in EVERY_TYPE]
    by_name = {v.name: v for v in variables}
    assert by_name["visits"].value == 3
    assert by_name["ratio"].value == 0.5
    assert by_name["profile"].value == {"city": "Lyon"}
    (request,) = server.requests
    assert request.query == {"user": USER, "limit": "100"}


def test_list_by_name_filters_here_and_never_sends_variable_name(server, make_client):
    # Some servers reject a `variable_name` filter containing xp_ or sp_.
    extra = {"name": "xp_sp_mode", "value_type": "string", "value": "on"}
    conv = server.add_conversation(user=USER, variables=[*EVERY_TYPE, extra])
    client = make_client(server)
    (found,) = client.variables.list(conv, name="xp_sp_mode")
    assert found.value == "on"
    assert client.variables.list(conv, name="no_such_name") == []
    assert all("variable_name" not in r.query for r in server.requests)


def test_get_by_name_and_unknown_name(server, make_client):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    client = make_client(server)
    assert client.variables.get(conv, "topics").value == ["billing"]
    with pytest.raises(UnknownVariableNameError, match="no variable named 'nope'"):
        client.variables.get(conv, "nope")


def test_set_every_updatable_type_round_trips(server, make_client):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    client = make_client(server)
    for name, value in NEW_VALUES.items():
        stored = client.variables.set(conv, name, value)
        assert stored is not None
        assert stored.name == name
        assert stored.value == value
        assert type(stored.value) is type(value)
        assert server.variable(conv, name).value == value


def test_set_refuses_a_float_for_an_integer_stored_number_before_sending(server, make_client):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    client = make_client(server)
    with pytest.raises(VariableValueError):
        client.variables.set(conv, "visits", 5.0)
    with pytest.raises(VariableValueError):
        client.variables.set(conv, "visits", True)  # strict: the server would store 1
    with pytest.raises(VariableValueError):
        client.variables.set(conv, "is_vip", 1)
    with pytest.raises(VariableValueError):
        client.variables.set(conv, "scratch", [1])  # array[any] is never updatable
    assert puts(server) == []
    assert server.variable(conv, "visits").value == 3


def test_set_lenient_sends_what_the_server_accepts(server, make_client):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    client = make_client(server)
    stored = client.variables.set(conv, "visits", True, strict=False)
    assert stored.value == 1
    assert len(puts(server)) == 1


def test_update_without_value_type_sends_and_maps_the_answer(server, make_client):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    visits = server.variable(conv, "visits").id
    client = make_client(server)
    assert client.variables.update(conv, visits, 10).value == 10
    with pytest.raises(InvalidParamError) as caught:
        client.variables.update(conv, visits, 5.0)
    assert caught.value.status_code == 400
    assert caught.value.code == "invalid_param"
    assert "integer" in caught.value.message
    assert len(puts(server)) == 2


def test_update_with_value_type_validates_and_learns_the_number_kind(server, make_client):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    visits = server.variable(conv, "visits").id
    client = make_client(server)
    with pytest.raises(VariableValueError):
        client.variables.update(conv, visits, "ten", value_type="number")
    with pytest.raises(VariableValueError):
        client.variables.update(conv, visits, 5.0, value_type="number", number_kind="integer")
    assert puts(server) == []
    # Kind unknown: 5.0 is a number, so it is sent, and the server refuses it.
    with pytest.raises(InvalidParamError):
        client.variables.update(conv, visits, 5.0, value_type="number")
    # After an answer showed the kind, the same mistake is caught before sending.
    client.variables.list(conv)
    with pytest.raises(VariableValueError, match="integer"):
        client.variables.update(conv, visits, 5.0, value_type="number")
    assert len(puts(server)) == 1
    assert client.variables.update(conv, uuid.UUID(visits), 6, value_type="number").value == 6


def test_per_call_user_overrides_the_client_user(server, make_client):
    conv = server.add_conversation(user="someone-else", variables=EVERY_TYPE)
    client = make_client(server)
    with pytest.raises(ConversationNotFoundError):
        client.variables.list(conv)
    assert len(client.variables.list(conv, user="someone-else")) == len(EVERY_TYPE)


def test_no_user_anywhere_is_a_clear_error_before_sending(server, make_client):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    client = make_client(server, user=None)
    with pytest.raises(ConfigurationError, match="default end user"):
        client.variables.list(conv)
    with pytest.raises(ConfigurationError, match="Conversation Not Exists"):
        client.variables.update(conv, server.variable(conv, "visits").id, 1)
    assert server.requests == []


@pytest.mark.parametrize("name", [b"visits", 3, ""])
def test_a_bad_variable_name_is_a_clear_error_before_sending(server, make_client, name):
    conv = server.add_conversation(user=USER, variables=EVERY_TYPE)
    client = make_client(server)
    calls = [
        lambda: client.variables.list(conv, name=name),
        lambda: client.variables.get(conv, name),
        lambda: client.variables.set(conv, name, 1),
    ]
    for call in calls:
        with pytest.raises(ConfigurationError, match="variable name must be a non-empty str"):
            call()
    assert server.requests == []


def _many(count: int) -> list[dict[str, object]]:
    return [{"name": f"v{i:03d}", "value_type": "number", "value": i} for i in range(count)]


def test_list_follows_pages_when_the_server_pages_correctly(make_client):
    with DifyTestServer(api_key="app-test", paging_flaw=False) as server:
        conv = server.add_conversation(user=USER, variables=_many(250))
        client = make_client(server)
        variables = client.variables.list(conv)
        assert [v.value for v in variables] == list(range(250))
        gets = server.requests
        assert len(gets) == 3
        assert "last_id" not in gets[0].query
        assert gets[1].query["last_id"] == str(variables[99].id)


def test_list_detects_the_broken_paging_instead_of_looping_or_dropping(make_client):
    with DifyTestServer(api_key="app-test", paging_flaw=True) as server:
        conv = server.add_conversation(user=USER, variables=_many(150))
        client = make_client(server)
        with pytest.raises(PaginationError, match="paging is broken") as caught:
            client.variables.list(conv)
        assert len(caught.value.partial) == 100
        assert len(server.requests) == 2
        # A name on the first page is still found: names are unique, paging stops there.
        server.clear_requests()
        assert client.variables.get(conv, "v042").value == 42
        assert len(server.requests) == 1
        with pytest.raises(PaginationError):
            client.variables.get(conv, "v120")


def test_list_detects_a_page_that_skips_the_rest_of_a_shared_second(make_client):
    with DifyTestServer(api_key="app-test", paging_flaw=True) as server:
        together = [{**spec, "created_at": 1_700_000_000} for spec in _many(150)]
        later = [
            {"name": "late", "value_type": "string", "value": "x", "created_at": 1_700_000_005}
        ]
        conv = server.add_conversation(user=USER, variables=together + later)
        client = make_client(server)
        # Page 2 holds only "late": 50 variables of the shared second would be lost.
        with pytest.raises(PaginationError, match="skips") as caught:
            client.variables.list(conv)
        assert len(caught.value.partial) == 101
        assert caught.value.partial[-1].name == "late"
