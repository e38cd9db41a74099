"""What the test server stores and answers for a value: Dify's bodies, types and limits."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from dify_chatflow.testing import DifyTestServer

AUTH = {"Authorization": "Bearer app-test"}
USER = "abc-123"


class FakeClock:
    def __init__(self, now: float = 1_750_000_000) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> Iterator[DifyTestServer]:
    with DifyTestServer(clock=clock, size_limit=1000) as running:
        yield running


@pytest.fixture
def client(server: DifyTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=AUTH, verify=False) as http:
        yield http


def put(client: httpx.Client, server: DifyTestServer, value_type: str, start: object, new: object):
    conv = server.add_conversation(
        user=USER, variables=[{"name": "v", "value_type": value_type, "value": start}]
    )
    var_id = server.variable(conv, "v").id
    response = client.put(
        f"/conversations/{conv}/variables/{var_id}", json={"user": USER, "value": new}
    )
    return response, server.variable(conv, "v")


def test_200_body_has_dify_seven_keys_in_order(client, server, clock):
    conv = server.add_conversation(
        user=USER,
        variables=[{"name": "theme", "value_type": "string", "value": "dark", "description": "UI"}],
    )
    var_id = server.variable(conv, "theme").id
    clock.now += 90
    response = client.put(
        f"/conversations/{conv}/variables/{var_id}", json={"user": USER, "value": "light"}
    )
    assert response.status_code == 200
    assert list(response.json()) == [
        "id", "name", "value_type", "value", "description", "created_at", "updated_at",
    ]  # fmt: skip
    assert response.json() == {
        "id": var_id,
        "name": "theme",
        "value_type": "string",
        "value": "light",
        "description": "UI",
        "created_at": 1_750_000_000,
        "updated_at": 1_750_000_090,
    }
    listed = client.get(f"/conversations/{conv}/variables", params={"user": USER}).json()
    assert listed["data"] == [response.json()]


@pytest.mark.parametrize(
    ("value_type", "start", "new", "wire", "stored"),
    [
        ("number", 3, 42, "42", 42),
        ("number", 3, True, "1", 1),
        ("number", 0.5, 1e-07, "1e-07", 1e-07),
        ("boolean", False, True, "True", True),
        ("object", {}, {"a": 1, "b": None}, "{'a': 1, 'b': None}", {"a": 1, "b": None}),
        ("array[string]", [], ["x", "y"], "['x', 'y']", ["x", "y"]),
        ("array[number]", [], [True, False], "[1.0, 0.0]", [1.0, 0.0]),
        ("secret", "old", "hunter2", "hunter2", "hunter2"),
        ("string", "a", "", "", ""),
    ],
)
def test_value_is_python_str_of_what_the_server_built(
    client, server, value_type, start, new, wire, stored
):
    response, var = put(client, server, value_type, start, new)
    assert response.status_code == 200
    assert response.json()["value"] == wire
    assert var.value == stored
    assert type(var.value) is type(stored)


def test_type_gate_mismatch_is_bad_request_with_dify_text(client, server):
    response, var = put(client, server, "boolean", True, 1)
    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_request",
        "message": "Type mismatch: variable 'v' expects boolean, but got integer type",
        "status": 400,
    }
    assert var.value is True


def test_null_is_refused_for_every_type(client, server):
    response, _ = put(client, server, "string", "x", None)
    assert response.status_code == 400
    assert "but got none type" in response.json()["message"]


def test_integer_stored_numbers_refuse_floats_and_float_stored_refuse_ints(client, server):
    as_int, _ = put(client, server, "number", 3, 5.0)
    as_float, _ = put(client, server, "number", 0.5, 5)
    assert (as_int.status_code, as_int.json()["code"]) == (400, "invalid_param")
    assert as_int.json()["message"] == "not supported value type integer"
    assert (as_float.status_code, as_float.json()["code"]) == (400, "invalid_param")
    assert as_float.json()["message"] == "not supported value type float"


def test_integers_beyond_64_bits_arrive_as_floats(client, server):
    into_float, stored = put(client, server, "number", 0.5, 2**64)
    into_int, _ = put(client, server, "number", 3, -(2**63) - 1)
    assert into_float.status_code == 200
    assert stored.value == float(2**64)
    assert type(stored.value) is float
    assert (into_int.status_code, into_int.json()["message"]) == (
        400,
        "not supported value type integer",
    )


@pytest.mark.parametrize("value_type", ["file", "array[file]", "array[any]"])
def test_file_and_any_variables_are_never_updatable(client, server, value_type):
    response, _ = put(client, server, value_type, [] if "array" in value_type else {}, [])
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_param"


def test_size_limit_is_configurable_and_named_in_the_message(client, server):
    response, var = put(client, server, "string", "", "x" * 1000)
    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid_param",
        "message": "variable size 1041 exceeds limit 1000",
        "status": 400,
    }
    assert var.value == ""


def test_updated_at_moves_on_each_put_and_created_at_stays(client, server, clock):
    conv = server.add_conversation(
        user=USER, variables=[{"name": "n", "value_type": "number", "value": 1}]
    )
    var_id = server.variable(conv, "n").id
    url = f"/conversations/{conv}/variables/{var_id}"
    clock.now += 5
    first = client.put(url, json={"user": USER, "value": 2}).json()
    clock.now += 5
    second = client.put(url, json={"user": USER, "value": 3}).json()
    assert first["created_at"] == second["created_at"] == 1_750_000_000
    assert (first["updated_at"], second["updated_at"]) == (1_750_000_005, 1_750_000_010)


def test_older_servers_expose_the_stored_number_type():
    with DifyTestServer(expose_stored_number_type=True) as old:
        conv = old.add_conversation(
            user=USER,
            variables=[
                {"name": "i", "value_type": "number", "value": 1},
                {"name": "f", "value_type": "number", "value": 1.5},
            ],
        )
        data = httpx.get(
            f"{old.base_url}/conversations/{conv}/variables",
            params={"user": USER}, headers=AUTH, verify=False,
        ).json()["data"]  # fmt: skip
    assert [(v["name"], v["value_type"], v["value"]) for v in data] == [
        ("i", "integer", "1"),
        ("f", "float", "1.5"),
    ]


def test_non_ascii_is_escaped_like_flask_restx(client, server):
    response, _ = put(client, server, "string", "", "café 東京")
    assert b'"caf\\u00e9 \\u6771\\u4eac"' in response.content
    assert response.json()["value"] == "café 東京"


def test_demo_seed_holds_every_value_type():
    with DifyTestServer(seed="demo") as demo:
        assert demo.demo_conversation_id is not None
        types = {var.exposed_type for var in demo.variables(demo.demo_conversation_id)}
    assert types == {
        "string", "number", "secret", "boolean", "object", "file", "array[string]",
        "array[number]", "array[object]", "array[boolean]", "array[file]", "array[any]",
    }  # fmt: skip


def test_add_conversation_refuses_nonsense_seeds(server):
    with pytest.raises(ValueError, match="unknown value_type"):
        server.add_conversation(variables=[{"name": "x", "value_type": "decimal", "value": 1}])
    with pytest.raises(ValueError, match="unique"):
        server.add_conversation(
            variables=[
                {"name": "x", "value_type": "string", "value": ""},
                {"name": "x", "value_type": "string", "value": ""},
            ]
        )
    fixed = "11111111-2222-3333-4444-555555555555"
    assert server.add_conversation(conversation_id=fixed) == fixed
    with pytest.raises(ValueError, match="already exists"):
        server.add_conversation(conversation_id=fixed)
