"""The server model and the embedded server answer as the real server did (recorded table)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from dify_chatflow._values.rules import (
    infer_server_type,
    server_rejection,
    server_stored_value,
    server_value_size,
)
from dify_chatflow.testing import DifyTestServer
from server_answers import SERVER_ANSWERS, STORED_TEXTS, Answer, Stored, answer_id

API_KEY = "app-rules"
USER = "rules-user"

# A value the server holds before the update, per type (the stored kind for numbers).
INITIAL: dict[str, Any] = {
    "string": "",
    "secret": "",
    "integer": 0,
    "float": 0.5,
    "boolean": False,
    "object": {},
    "file": None,
}


@pytest.fixture(scope="module")
def server() -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=API_KEY) as running:
        yield running


@pytest.fixture(scope="module")
def http(server: DifyTestServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=30
    ) as client:
        yield client


def put(
    server: DifyTestServer, http: httpx.Client, value_type: str, kind: str | None, value: Any
) -> httpx.Response:
    """Update a fresh variable ``v`` of this type (and storage kind) to ``value``."""
    stored_type = kind if value_type == "number" and kind else value_type
    initial = INITIAL.get(stored_type, [])
    conv = server.add_conversation(
        user=USER,
        variables=[{"name": "v", "value_type": stored_type, "value": initial}],
    )
    variable_id = server.variable(conv, "v").id
    # json.dumps as a careless client would: NaN / Infinity tokens, \\ud800 escapes, long
    # digits, tuples as lists, non-str keys as str: the server's parser sees them all.
    body = json.dumps({"value": value, "user": USER})
    return http.put(
        f"/conversations/{conv}/variables/{variable_id}",
        content=body,
        headers={"Content-Type": "application/json"},
    )


@pytest.mark.parametrize("row", SERVER_ANSWERS, ids=answer_id)
def test_the_model_gives_the_recorded_answer(row: Answer) -> None:
    got = server_rejection(row.value_type, row.value, name="v", number_kind=row.stored_kind)  # type: ignore[arg-type]
    assert (None if got is None else (got.status_code, got.code, got.message)) == row.answer


# A real variable always has a storage kind: rows for "either kind" are the client's case.
STORED_ROWS = [
    row for row in SERVER_ANSWERS if not (row.value_type == "number" and row.stored_kind is None)
]


@pytest.mark.parametrize("row", STORED_ROWS, ids=answer_id)
def test_the_embedded_server_gives_the_recorded_answer(
    server: DifyTestServer, http: httpx.Client, row: Answer
) -> None:
    response = put(server, http, row.value_type, row.stored_kind, row.value)
    if row.answer is None:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == row.answer.status_code
        assert response.json() == {
            "code": row.answer.code,
            "message": row.answer.message,
            "status": row.answer.status_code,
        }


@pytest.mark.parametrize("row", STORED_TEXTS, ids=lambda row: f"{row.value_type}-{row.text}")
def test_an_accepted_value_comes_back_as_the_servers_str_of_it(
    server: DifyTestServer, http: httpx.Client, row: Stored
) -> None:
    response = put(server, http, row.value_type, row.stored_kind, row.value)
    assert response.status_code == 200, response.text
    assert response.json()["value"] == row.text
    stored, _ = server_stored_value(row.value_type, row.value, row.stored_kind)  # type: ignore[arg-type]
    assert (str(stored) if not isinstance(stored, str) else stored) == row.text


@pytest.mark.parametrize(
    ("value", "inferred"),
    [
        ([], "array[number]"),
        ([1, 2.5], "array[number]"),
        ([1, True], "array[any]"),
        ([None], "array[any]"),
        ([[1]], "array[any]"),
        ([{}], "array[object]"),
        ([True], "array[boolean]"),
        (["a"], "array[string]"),
        (object(), "unknown"),
        ([object()], "unknown"),
    ],
)
def test_inferred_type_names(value: Any, inferred: str) -> None:
    assert infer_server_type(value) == inferred


def test_sizes_follow_cpython_3_12() -> None:
    assert server_value_size("") == 41
    assert server_value_size("ab") == 43
    assert server_value_size("\xe9") == 58
    assert server_value_size("\u4e2d\u4e2d") == 62
    assert server_value_size("\U0001f600") == 64
    assert server_value_size([1, 2, 3]) == 56 + 24
    assert server_value_size(0) == 28
    assert server_value_size(2**30) == 32
    assert server_value_size(1.5) == 24
    assert server_value_size({1: "a", "1": "b"}) == server_value_size({"1": "b"})


@pytest.mark.parametrize("length", [0, 1, 5, 6, 10, 11, 85, 86, 1000, 5461, 5462, 20000])
def test_dict_size_matches_a_dict_filled_key_by_key(length: int) -> None:
    filled: dict[str, int] = {}
    for i in range(length):
        filled[f"key{i}"] = i
    assert server_value_size(filled) == sys.getsizeof(filled)


def test_stored_value_after_server_coercion() -> None:
    assert server_stored_value("number", True) == (1, "integer")
    assert server_stored_value("number", 2**64) == (float(2**64), "float")
    assert server_stored_value("number", 5, "integer") == (5, "integer")
    stored, _ = server_stored_value("array[number]", (True, 2, 0.5, False))
    assert stored == [1.0, 2, 0.5, 0.0]
    assert [type(x) for x in stored] == [float, int, float, float]
    assert server_stored_value("object", {1: (1, 2**70)}) == ({"1": [1, float(2**70)]}, None)
