"""The list route: limit, last_id paging (flaw included), variable_name, has_more."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from dify_chatflow.testing import DifyTestServer

AUTH = {"Authorization": "Bearer app-test"}
USER = "abc-123"
UNKNOWN = "0b8e8a8e-5d0c-4a55-9d7a-0d3c2f4e9a11"


def specs(count: int, *, spaced: bool = False) -> list[dict[str, object]]:
    """``count`` string variables; ``spaced`` gives each its own created_at second."""
    out: list[dict[str, object]] = []
    for i in range(count):
        spec: dict[str, object] = {"name": f"var_{i:02d}", "value_type": "string", "value": str(i)}
        if spaced:
            spec["created_at"] = 1_700_000_000 + i
        out.append(spec)
    return out


@pytest.fixture
def client(dify_server: DifyTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=dify_server.base_url, headers=AUTH, verify=False) as http:
        yield http


def listing(client: httpx.Client, conv: str, **params: str | int) -> httpx.Response:
    return client.get(f"/conversations/{conv}/variables", params={"user": USER, **params})


def names(response: httpx.Response) -> list[str]:
    return [item["name"] for item in response.json()["data"]]


def test_default_limit_is_20_and_has_more_says_what_is_left(dify_server, client):
    conv = dify_server.add_conversation(user=USER, variables=specs(21))
    body = listing(client, conv).json()
    assert (body["limit"], body["has_more"], len(body["data"])) == (20, True, 20)
    assert list(body) == ["limit", "has_more", "data"]
    full = listing(client, conv, limit=21).json()
    assert (full["has_more"], len(full["data"])) == (False, 21)


@pytest.mark.parametrize(
    ("limit", "text", "kind"),
    [
        ("0", "Input should be greater than or equal to 1", "greater_than_equal"),
        ("101", "Input should be less than or equal to 100", "less_than_equal"),
        ("ten", "Input should be a valid integer, unable to parse string as an integer",
         "int_parsing"),
    ],
)  # fmt: skip
def test_limit_outside_1_to_100_is_invalid_param(dify_server, client, limit, text, kind):
    conv = dify_server.add_conversation(user=USER, variables=specs(1))
    response = listing(client, conv, limit=limit)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_param"
    assert body["message"].splitlines()[1:3] == [
        "limit",
        f"  {text} [type={kind}, input_value='{limit}', input_type=str]",
    ]


def test_limit_errors_in_restx_style():
    with DifyTestServer(validation_errors="restx") as server:
        conv = server.add_conversation(user=USER, variables=specs(1))
        response = httpx.get(
            f"{server.base_url}/conversations/{conv}/variables",
            params={"user": USER, "limit": 0}, headers=AUTH, verify=False,
        )  # fmt: skip
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "limit": "Number of variables to return Invalid argument: 0. argument must be "
            "within the range 1 - 100"
        },
        "message": "Input payload validation failed",
    }


def test_unknown_last_id_is_invalid_param_with_empty_message(dify_server, client):
    conv = dify_server.add_conversation(user=USER, variables=specs(2))
    response = listing(client, conv, last_id=UNKNOWN)
    assert response.status_code == 400
    assert response.json() == {"code": "invalid_param", "message": "", "status": 400}


def test_paging_flaw_variables_created_together_give_an_empty_next_page(dify_server, client):
    conv = dify_server.add_conversation(user=USER, variables=specs(3))
    first = listing(client, conv, limit=2).json()
    assert first["has_more"] is True
    after = listing(client, conv, limit=2, last_id=first["data"][-1]["id"]).json()
    assert after == {"limit": 2, "has_more": False, "data": []}


def test_paging_after_last_id_follows_created_at_seconds(dify_server, client):
    conv = dify_server.add_conversation(user=USER, variables=specs(3, spaced=True))
    first = listing(client, conv, limit=2)
    second = listing(client, conv, limit=2, last_id=first.json()["data"][-1]["id"])
    assert names(first) + names(second) == ["var_00", "var_01", "var_02"]


def test_paging_without_the_flaw_walks_every_variable():
    with DifyTestServer(paging_flaw=False) as server:
        conv = server.add_conversation(user=USER, variables=specs(5))
        seen: list[str] = []
        params: dict[str, str | int] = {"user": USER, "limit": 2}
        with httpx.Client(base_url=server.base_url, headers=AUTH, verify=False) as http:
            for _ in range(5):
                body = http.get(f"/conversations/{conv}/variables", params=params).json()
                seen += [item["name"] for item in body["data"]]
                if not body["has_more"]:
                    break
                params["last_id"] = body["data"][-1]["id"]
    assert seen == [f"var_{i:02d}" for i in range(5)]


@pytest.mark.parametrize("name", ["USER", "topic", "v" * 255])
def test_1_16_answers_500_for_every_valid_variable_name(dify_server, client, name):
    # 1.16.1 filters with a JSON function PostgreSQL lacks for its text column
    conv = dify_server.add_conversation(
        user=USER,
        variables=[{"name": "user_preference", "value_type": "string", "value": "dark"}],
    )
    response = listing(client, conv, variable_name=name)
    assert (response.status_code, response.json()) == (
        500,
        {"message": "Internal Server Error", "code": "unknown", "status": 500},
    )
    unknown = listing(client, "0b8e8a8e-5d0c-4a55-9d7a-0d3c2f4e9a12", variable_name=name)
    assert unknown.status_code == 404  # the conversation is looked up first


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("my var", "Variable name can only contain letters, numbers, hyphens (-), underscores "
         "(_), and periods (.)"),
        ("exp_total", "Variable name contains invalid characters: xp_"),
        ("dsp_mode", "Variable name contains invalid characters: sp_"),
    ],
)  # fmt: skip
def test_variable_name_refuses_what_dify_refuses(dify_server, client, name, message):
    conv = dify_server.add_conversation(user=USER, variables=specs(1))
    response = listing(client, conv, variable_name=name)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_param"
    assert f"Value error, {message}" in response.json()["message"]


def test_1_16_refuses_a_variable_name_over_255_characters(dify_server, client):
    conv = dify_server.add_conversation(user=USER, variables=specs(1))
    response = listing(client, conv, variable_name="v" * 256)
    assert (response.status_code, response.json()) == (
        400,
        {
            "code": "invalid_param",
            "message": "1 validation error for ConversationVariablesQuery\nvariable_name\n  "
            "String should have at most 255 characters [type=string_too_long, "
            "input_value='" + "v" * 24 + "..." + "v" * 23 + "', input_type=str]\n"
            "    For further information visit "
            "https://errors.pydantic.dev/2.12/v/string_too_long",
            "status": 400,
        },
    )


def test_1_16_last_id_must_be_a_valid_uuid(dify_server, client):
    conv = dify_server.add_conversation(user=USER, variables=specs(1))
    response = listing(client, conv, last_id="nope")
    assert response.json()["message"] == (
        "1 validation error for ConversationVariablesQuery\nlast_id\n  Value error, must be a "
        "valid UUID [type=value_error, input_value='nope', input_type=str]\n    For further "
        "information visit https://errors.pydantic.dev/2.12/v/value_error"
    )


@pytest.mark.parametrize("name", ["USER", "my var", "v" * 300])
def test_1_10_ignores_variable_name_and_lists_every_variable(name):
    with DifyTestServer(dialect="1.10") as server:
        conv = server.add_conversation(user=USER, variables=specs(2))
        with httpx.Client(base_url=server.base_url, headers=AUTH, verify=False) as http:
            response = listing(http, conv, variable_name=name)
    assert (response.status_code, names(response)) == (200, ["var_00", "var_01"])


def test_1_10_last_id_text_leads_with_its_help():
    with DifyTestServer(dialect="1.10") as server:
        conv = server.add_conversation(user=USER, variables=specs(1))
        with httpx.Client(base_url=server.base_url, headers=AUTH, verify=False) as http:
            response = listing(http, conv, last_id="nope")
    assert response.json() == {
        "errors": {"last_id": "Last variable ID for pagination nope is not a valid uuid."},
        "message": "Input payload validation failed",
    }


def test_invalid_list_parameters_are_checked_after_the_app_mode(dify_server, client):
    dify_server.add_app("app-wf", mode="workflow")
    conv = dify_server.add_conversation(user=USER, variables=specs(1))
    response = client.get(
        f"/conversations/{conv}/variables",
        params={"limit": 0},
        headers={"Authorization": "Bearer app-wf"},
    )
    assert response.json()["code"] == "not_chat_app"
