"""GET /conversations, POST /conversations/{id}/name, DELETE /conversations/{id}."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from dify_chatflow.testing import DifyTestServer
from server_support import DIALECTS, KEY, USER, chat, hint, raw


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest, clock: Clock) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param, clock=clock) as started:
        yield started


def start(server: DifyTestServer, clock: Clock, *queries: str) -> list[str]:
    ids = []
    for query in queries:
        ids.append(chat(server.port, query, streaming=False).json()["conversation_id"])
        clock.now += 1
    return ids


def validation(server: DifyTestServer, field: str, restx: str, pydantic: str) -> dict[str, Any]:
    if server.dialect == "1.10":
        return {"errors": {field: restx}, "message": "Input payload validation failed"}
    return {"code": "invalid_param", "message": pydantic, "status": 400}


def test_list_newest_first_with_limit_and_last_id(server, clock):
    a, b, c = start(server, clock, "first", "second", "third")
    page = raw(server.port, "GET", f"/conversations?user={USER}&limit=2")
    assert page.status == 200
    body = page.json()
    assert (body["limit"], body["has_more"]) == (2, True)
    assert [row["id"] for row in body["data"]] == [c, b]
    assert list(body["data"][0]) == [
        "id",
        "name",
        "inputs",
        "status",
        "introduction",
        "created_at",
        "updated_at",
    ]
    assert body["data"][0]["status"] == "normal"
    rest = raw(server.port, "GET", f"/conversations?user={USER}&limit=2&last_id={b}").json()
    assert ([row["id"] for row in rest["data"]], rest["has_more"]) == ([a], False)
    oldest = raw(server.port, "GET", f"/conversations?user={USER}&sort_by=created_at").json()
    assert [row["id"] for row in oldest["data"]] == [a, b, c]
    other = raw(server.port, "GET", "/conversations?user=someone-else").json()
    assert other["data"] == []


def test_the_page_after_last_id_skips_conversations_of_the_same_second(server, clock):
    # Dify compares whole-second timestamps: strictly earlier than the cursor's.
    a = start(server, clock, "older")[0]
    b, c, d = (chat(server.port, q, streaming=False).json()["conversation_id"] for q in "xyz")
    first = raw(server.port, "GET", f"/conversations?user={USER}&limit=2").json()
    assert [row["id"] for row in first["data"]] == [d, c]
    assert first["has_more"] is True  # `a` lies in an earlier second
    rest = raw(server.port, "GET", f"/conversations?user={USER}&limit=2&last_id={c}").json()
    assert ([row["id"] for row in rest["data"]], rest["has_more"]) == ([a], False)
    assert b not in {row["id"] for row in first["data"] + rest["data"]}  # skipped


def test_has_more_counts_only_what_lies_beyond_the_last_second(server, clock):
    same = [chat(server.port, q, streaming=False).json()["conversation_id"] for q in "xyz"]
    page = raw(server.port, "GET", f"/conversations?user={USER}&limit=2").json()
    assert [row["id"] for row in page["data"]] == same[:0:-1]
    assert page["has_more"] is False  # the third, of the same second, is not counted


def test_exact_paging_when_the_flaw_is_off(clock):
    with DifyTestServer(api_key=KEY, clock=clock, paging_flaw=False) as server:
        b, c = (chat(server.port, q, streaming=False).json()["conversation_id"] for q in "xy")
        rest = raw(server.port, "GET", f"/conversations?user={USER}&limit=1&last_id={c}").json()
        assert ([row["id"] for row in rest["data"]], rest["has_more"]) == ([b], False)


def test_a_later_message_moves_updated_at(server, clock):
    a, b = start(server, clock, "first", "second")
    clock.now += 5
    chat(server.port, "again", streaming=False, conversation_id=a)
    rows = raw(server.port, "GET", f"/conversations?user={USER}").json()["data"]
    assert [row["id"] for row in rows] == [a, b]  # -updated_at by default


def test_unknown_last_id_is_404_with_the_hint(server, clock):
    start(server, clock, "first")
    response = raw(server.port, "GET", f"/conversations?user={USER}&last_id={uuid.uuid4()}")
    assert response.status == 404
    assert response.json()["message"] == "Last Conversation Not Exists." + hint(
        "/v1/conversations",
        "/v1/conversations",
        "/v1/conversations/<uuid:c_id>/variables/<uuid:variable_id>",
        "/api/conversations",
    )


def test_bad_sort_by_and_limit_are_validation_errors(server):
    sort = raw(server.port, "GET", f"/conversations?user={USER}&sort_by=name")
    pydantic = (
        "1 validation error for ConversationListQuery\nsort_by\n  Input should be 'created_at', "
        "'-created_at', 'updated_at' or '-updated_at' [type=literal_error, input_value='name', "
        "input_type=str]\n    For further information visit "
        "https://errors.pydantic.dev/2.12/v/literal_error"
    )
    restx = "Sort order for conversations The value 'name' is not a valid choice for 'sort_by'."
    assert (sort.status, sort.json()) == (400, validation(server, "sort_by", restx, pydantic))
    limit = raw(server.port, "GET", f"/conversations?user={USER}&limit=101")
    pydantic = (
        "1 validation error for ConversationListQuery\nlimit\n  Input should be less than or "
        "equal to 100 [type=less_than_equal, input_value='101', input_type=str]\n    For "
        "further information visit https://errors.pydantic.dev/2.12/v/less_than_equal"
    )
    restx = (
        "Number of conversations to return Invalid argument: 101. argument must be within "
        "the range 1 - 100"
    )
    assert (limit.status, limit.json()) == (400, validation(server, "limit", restx, pydantic))
    bad_id = raw(server.port, "GET", f"/conversations?user={USER}&last_id=nope")
    pydantic = (
        "1 validation error for ConversationListQuery\nlast_id\n  Value error, must be a valid "
        "UUID [type=value_error, input_value='nope', input_type=str]\n    For further "
        "information visit https://errors.pydantic.dev/2.12/v/value_error"
    )
    restx = "Last conversation ID for pagination nope is not a valid uuid."
    assert (bad_id.status, bad_id.json()) == (400, validation(server, "last_id", restx, pydantic))


def test_1_10_reads_limit_as_python_int_does():
    with DifyTestServer(api_key=KEY, dialect="1.10") as server:
        response = raw(server.port, "GET", f"/conversations?user={USER}&limit=1_0")
    assert (response.status, response.json()["limit"]) == (200, 10)


def test_rename_with_a_name_or_auto_generated(server, clock):
    (conv,) = start(server, clock, "What is the weather like today?")
    renamed = raw(
        server.port, "POST", f"/conversations/{conv}/name", {"name": "Weather", "user": USER}
    )
    assert renamed.status == 200
    body = renamed.json()
    assert (body["id"], body["name"]) == (conv, "Weather")
    assert renamed.body == (__import__("json").dumps(body) + "\n").encode()
    auto = raw(
        server.port, "POST", f"/conversations/{conv}/name", {"auto_generate": True, "user": USER}
    )
    assert auto.json()["name"] == "What is the weather …"


def test_auto_generating_the_name_of_a_conversation_without_messages_is_refused(server):
    conv = server.add_conversation(user=USER)
    payload = {"auto_generate": True, "user": USER}
    response = raw(server.port, "POST", f"/conversations/{conv}/name", payload)
    assert (response.status, response.json()) == (
        400,
        {"code": "invalid_param", "message": "", "status": 400},
    )


def test_1_10_takes_any_truthy_auto_generate_and_any_name_it_can_turn_into_text(clock):
    with DifyTestServer(api_key=KEY, dialect="1.10", clock=clock) as server:
        (conv,) = start(server, clock, "q")
        url = f"/conversations/{conv}/name"
        empty = raw(server.port, "POST", url, {"name": "", "user": USER})
        assert (empty.status, empty.json()["name"]) == (200, "")
        number = raw(server.port, "POST", url, {"name": 7, "user": USER})
        assert (number.status, number.json()["name"]) == (200, "7")
        auto = raw(server.port, "POST", url, {"name": "x", "auto_generate": "no", "user": USER})
        assert (auto.status, auto.json()["name"]) == (200, "q")  # "no" is truthy text


def test_1_16_refuses_a_blank_name_and_an_auto_generate_it_cannot_read(clock):
    with DifyTestServer(api_key=KEY, dialect="1.16", clock=clock) as server:
        (conv,) = start(server, clock, "q")
        url = f"/conversations/{conv}/name"
        blank = raw(server.port, "POST", url, {"name": "  ", "user": USER})
        assert blank.json()["message"] == (
            "1 validation error for ConversationRenamePayload\n  Value error, name is required "
            "when auto_generate is false [type=value_error, input_value={'name': '  ', 'user': "
            "'abc-123'}, input_type=dict]\n    For further information visit "
            "https://errors.pydantic.dev/2.12/v/value_error"
        )
        unreadable = raw(server.port, "POST", url, {"auto_generate": "maybe", "user": USER})
        assert unreadable.json()["message"] == (
            "1 validation error for ConversationRenamePayload\nauto_generate\n  Input should be "
            "a valid boolean, unable to interpret input [type=bool_parsing, "
            "input_value='maybe', input_type=str]\n    For further information visit "
            "https://errors.pydantic.dev/2.12/v/bool_parsing"
        )
        named = raw(server.port, "POST", url, {"name": "x", "auto_generate": "no", "user": USER})
        assert (named.status, named.json()["name"]) == (200, "x")


def test_rename_without_a_name_is_500_on_1_10_and_400_on_1_16(server, clock):
    (conv,) = start(server, clock, "q")
    payload = {"auto_generate": False, "user": USER}
    response = raw(server.port, "POST", f"/conversations/{conv}/name", payload)
    if server.dialect == "1.10":
        assert response.status == 500
        assert (
            response.body == b'{"message":"Internal Server Error","code":"unknown","status":500}\n'
        )
    else:
        assert response.status == 400
        body = response.json()
        assert body["code"] == "invalid_param"
        assert body["message"].startswith("1 validation error for ConversationRenamePayload\n")


def test_a_name_longer_than_its_column_is_refused_by_the_database(server, clock):
    (conv,) = start(server, clock, "q")
    url = f"/conversations/{conv}/name"
    too_long = raw(server.port, "POST", url, {"name": "x" * 256, "user": USER})
    assert (too_long.status, too_long.json()) == (
        500,
        {"message": "Internal Server Error", "code": "unknown", "status": 500},
    )
    fits = raw(server.port, "POST", url, {"name": "x" * 255, "user": USER})
    assert (fits.status, fits.json()["name"]) == (200, "x" * 255)


def test_rename_an_unknown_conversation_is_404_without_a_hint(server):
    url = f"/conversations/{uuid.uuid4()}/name"
    response = raw(server.port, "POST", url, {"name": "x", "user": USER})
    assert (response.status, response.json()["message"]) == (404, "Conversation Not Exists.")


def test_delete_is_204_with_an_empty_body(server, clock):
    (conv,) = start(server, clock, "bye")
    url = f"/conversations/{conv}"
    response = raw(server.port, "DELETE", url, {"user": USER})
    assert response.status == 204
    assert response.body == b""
    assert response.header("content-type") == "application/json"
    assert response.header("content-length") == "0"
    assert server.conversations() == []
    variables = raw(server.port, "GET", f"{url}/variables?user={USER}")
    assert variables.status == 404
    again = raw(server.port, "DELETE", url, {"user": USER})
    if server.dialect == "1.10":
        assert (again.status, again.body) == (204, b"")
    else:
        assert (again.status, again.json()["message"]) == (404, "Conversation Not Exists.")
    unknown = raw(server.port, "DELETE", f"/conversations/{uuid.uuid4()}", {"user": USER})
    if server.dialect == "1.10":  # 1.10 deletes by id and never looks whether one existed
        assert (unknown.status, unknown.body) == (204, b"")
    else:
        assert (unknown.status, unknown.json()["message"]) == (404, "Conversation Not Exists.")


def test_another_users_delete_is_404_on_1_16_and_deletes_on_1_10(server, clock):
    (conv,) = start(server, clock, "mine")
    for body in ({"user": "other"}, {}):
        response = raw(server.port, "DELETE", f"/conversations/{conv}", body)
        if server.dialect == "1.16":
            assert response.status == 404
            assert len(server.conversations()) == 1
    if server.dialect == "1.10":
        assert response.status == 204
        assert server.conversations() == []
