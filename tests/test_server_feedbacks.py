"""GET /app/feedbacks: every end user's message feedback on the app, newest first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from dify_chatflow.testing import DifyTestServer, Fault
from server_support import DIALECTS, KEY, USER, Clock, RawResponse, chat, raw

FEEDBACK_KEYS = [
    "id",
    "app_id",
    "conversation_id",
    "message_id",
    "rating",
    "content",
    "from_source",
    "from_end_user_id",
    "from_account_id",
    "created_at",
    "updated_at",
]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=DIALECTS)
def server(request: pytest.FixtureRequest, clock: Clock) -> Iterator[DifyTestServer]:
    with DifyTestServer(api_key=KEY, dialect=request.param, clock=clock) as started:
        yield started


def rate(
    server: DifyTestServer, message_id: str, rating: str | None, user: str = USER, **extra: str
) -> None:
    body = {"rating": rating, "user": user, **extra}
    answer = raw(server.port, "POST", f"/messages/{message_id}/feedbacks", body)
    assert answer.json() == {"result": "success"}


def message(server: DifyTestServer, user: str = USER) -> str:
    message_id: str = chat(server.port, streaming=False, user=user).json()["message_id"]
    return message_id


def feedbacks(server: DifyTestServer, query: str = "") -> RawResponse:
    return raw(server.port, "GET", f"/app/feedbacks{query}")


def test_an_app_without_feedback_lists_nothing(server):
    answer = feedbacks(server)

    assert (answer.status, answer.body) == (200, b'{"data": []}\n')


def test_a_feedback_shows_with_the_end_users_id_and_naive_utc_times(server, clock):
    message_id = message(server)
    clock.now += 11
    rate(server, message_id, "like", content="spot on")

    (item,) = feedbacks(server).json()["data"]

    assert list(item) == FEEDBACK_KEYS
    assert (item["message_id"], item["rating"], item["content"]) == (message_id, "like", "spot on")
    assert (item["from_source"], item["from_account_id"]) == ("user", None)
    assert str(uuid.UUID(item["from_end_user_id"])) == item["from_end_user_id"]
    assert item["from_end_user_id"] != USER
    assert item["created_at"] == item["updated_at"] == "2026-12-05T19:46:51"


def test_every_users_feedback_shows_newest_first(server, clock):
    mine, theirs = message(server), message(server, user="someone-else")
    rate(server, mine, "like")
    clock.now += 1
    rate(server, theirs, "dislike", user="someone-else")

    data = feedbacks(server).json()["data"]

    assert [(f["message_id"], f["rating"]) for f in data] == [(theirs, "dislike"), (mine, "like")]
    assert data[0]["from_end_user_id"] != data[1]["from_end_user_id"]


def test_a_changed_rating_keeps_its_creation_time_and_a_revoked_one_goes(server, clock):
    message_id = message(server)
    rate(server, message_id, "like")
    clock.now += 5
    rate(server, message_id, "dislike", content="on second thought")

    (item,) = feedbacks(server).json()["data"]
    assert (item["rating"], item["content"]) == ("dislike", "on second thought")
    assert (item["created_at"], item["updated_at"]) == (
        "2026-12-05T19:46:40",
        "2026-12-05T19:46:45",
    )

    rate(server, message_id, None)
    assert feedbacks(server).json() == {"data": []}


def test_pages_hold_limit_items_and_a_short_page_is_the_last(server, clock):
    ids = []
    for _ in range(3):
        ids.append(message(server))
        rate(server, ids[-1], "like")
        clock.now += 1

    first = feedbacks(server, "?limit=2").json()["data"]
    second = feedbacks(server, "?limit=2&page=2").json()["data"]

    assert [f["message_id"] for f in first + second] == ids[::-1]
    assert len(second) == 1
    assert feedbacks(server, "?limit=101").status == 200


def test_a_limit_above_101_is_refused_in_the_dialects_shape(server):
    answer = feedbacks(server, "?limit=102")

    assert answer.status == 400
    if server.dialect == "1.10":
        text = (
            "Number of feedbacks per page Invalid argument: 102. "
            "argument must be within the range 1 - 101"
        )
        assert answer.json() == {
            "errors": {"limit": text},
            "message": "Input payload validation failed",
        }
    else:
        body = answer.json()
        assert body["code"] == "invalid_param"
        assert body["message"].startswith("1 validation error for FeedbackListQuery\nlimit\n")
        assert "Input should be less than or equal to 101" in body["message"]


def test_page_zero_is_a_server_error_on_1_10_and_refused_on_1_16(server):
    answer = feedbacks(server, "?page=0")

    if server.dialect == "1.10":
        assert answer.status == 500
        assert answer.json() == {
            "message": "Internal Server Error",
            "code": "unknown",
            "status": 500,
        }
    else:
        assert (answer.status, answer.json()["code"]) == (400, "invalid_param")
        assert "Input should be greater than or equal to 1" in answer.json()["message"]


def test_a_page_that_is_no_number_is_refused(server):
    answer = feedbacks(server, "?page=two")

    assert answer.status == 400
    if server.dialect == "1.10":
        text = "Page number invalid literal for int() with base 10: 'two'"
        assert answer.json()["errors"] == {"page": text}
    else:
        assert "unable to parse string as an integer" in answer.json()["message"]


def test_a_fault_aimed_at_app_feedbacks_hits_only_that_route(server):
    server.inject_fault(Fault.status(503), route="app.feedbacks")

    assert raw(server.port, "GET", "/info").status == 200
    assert feedbacks(server).status == 503
    assert feedbacks(server).status == 200


def test_revoking_a_feedback_that_was_never_given_is_refused(server):
    message_id = message(server)

    answer = raw(
        server.port, "POST", f"/messages/{message_id}/feedbacks", {"rating": None, "user": USER}
    )

    assert answer.status == 400
    assert answer.json() == {
        "code": "invalid_param",
        "message": "rating cannot be None when feedback not exists",
        "status": 400,
    }


def test_the_key_is_checked_before_the_paging(server):
    anonymous = raw(server.port, "GET", "/app/feedbacks?page=0", key=None)
    server.add_app("app-off", enabled=False)
    disabled = raw(server.port, "GET", "/app/feedbacks?page=0", key="app-off")

    assert (anonymous.status, anonymous.json()["code"]) == (401, "unauthorized")
    assert (disabled.status, disabled.json()["code"]) == (403, "forbidden")
