"""client.messages: history oldest first, feedback, suggested questions, on every client."""

from __future__ import annotations

import uuid

import httpx
import pytest
from dify_chatflow import (
    BadRequestError,
    ConfigurationError,
    ConversationNotFoundError,
    InvalidIdError,
    Message,
    MessageNotFoundError,
    PaginationError,
)
from dify_chatflow.testing import DifyTestServer, RecordedRequest
from resource_support import API_KEY, USER, FakeClock, chat


def turns(
    server: DifyTestServer, clock: FakeClock, count: int, *, seconds_apart: float = 1.0
) -> tuple[str, list[str]]:
    """A conversation of ``count`` turns; its id and its message ids, oldest first."""
    conversation_id = None
    ids = []
    with httpx.Client(verify=False) as http:
        for number in range(count):
            answer = chat(server, f"turn {number}", conversation_id=conversation_id, http=http)
            conversation_id = answer["conversation_id"]
            ids.append(answer["message_id"])
            clock.tick(seconds_apart)
    assert conversation_id is not None
    return conversation_id, ids


def message_pages(server: DifyTestServer) -> list[RecordedRequest]:
    return [r for r in server.requests if r.path == "/v1/messages"]


def test_list_returns_the_history_oldest_first(server, clock, driver):
    conversation_id, ids = turns(server, clock, 3)
    client = driver.client(server)

    history = driver.run(client.messages.list(conversation_id))

    assert [str(m.id) for m in history] == ids
    assert all(isinstance(m, Message) for m in history)
    assert [(m.query, m.answer) for m in history] == [(f"turn {n}",) * 2 for n in range(3)]
    assert history[0].created_at < history[1].created_at


def test_list_follows_older_pages_by_first_id(server, clock, driver):
    conversation_id, ids = turns(server, clock, 150)
    client = driver.client(server)
    server.clear_requests()

    history = driver.run(client.messages.list(conversation_id))

    assert [str(m.id) for m in history] == ids
    pages = message_pages(server)
    # The newest 100 first, then the older ones before the oldest of them.
    assert [p.query.get("first_id") for p in pages] == [None, ids[50]]
    assert {p.query["limit"] for p in pages} == {"100"}


def test_a_page_boundary_inside_one_second_is_a_pagination_error(server, clock, driver):
    conversation_id, older = turns(server, clock, 30, seconds_apart=0)
    clock.tick()
    # 120 messages in one second: the first page ends inside it, and the next page (only
    # messages of strictly earlier seconds) skips the 20 it did not hold.
    newer = []
    with httpx.Client(verify=False) as http:
        for number in range(120):
            answer = chat(server, f"late {number}", conversation_id=conversation_id, http=http)
            newer.append(answer["message_id"])
    client = driver.client(server)

    with pytest.raises(PaginationError) as caught:
        driver.run(client.messages.list(conversation_id))

    assert [str(m.id) for m in caught.value.partial] == older + newer[20:]
    assert "every message" in str(caught.value)


def test_a_full_page_in_one_second_that_says_none_follow_is_reported(server, clock, driver):
    # Dify counts only older seconds for has_more: the 50 oldest are neither listed nor
    # counted, and the page says nothing follows.
    conversation_id, ids = turns(server, clock, 150, seconds_apart=0)
    client = driver.client(server)

    with pytest.raises(PaginationError) as caught:
        driver.run(client.messages.list(conversation_id))

    assert [str(m.id) for m in caught.value.partial] == ids[50:]


def test_list_of_an_unknown_or_another_users_conversation_is_not_found(server, clock, driver):
    conversation_id, _ = turns(server, clock, 1)
    client = driver.client(server)

    for unknown, user in ((str(uuid.uuid4()), USER), (conversation_id, "someone-else")):
        # The server appends a route hint to this 404's message: "... did you mean ...?";
        # it stays in .message and is left out of what the error says.
        with pytest.raises(ConversationNotFoundError) as caught:
            driver.run(client.messages.list(unknown, user=user))
        assert "did you mean" in caught.value.message
        assert "did you mean" not in str(caught.value)


def test_list_refuses_a_malformed_id_or_no_user_before_sending(server, driver):
    client = driver.client(server)

    with pytest.raises(InvalidIdError):
        driver.run(client.messages.list("12345"))
    with pytest.raises(ConfigurationError):
        driver.run(driver.client(server, user=None).messages.list(uuid.uuid4()))
    assert server.requests == []


@pytest.mark.parametrize("rating", ["like", "dislike"])
def test_feedback_rates_a_message_and_none_revokes_it(server, clock, driver, rating):
    conversation_id, (message_id,) = turns(server, clock, 1)
    client = driver.client(server)

    assert driver.run(client.messages.feedback(message_id, rating, content="thanks")) is None

    (rated,) = driver.run(client.messages.list(conversation_id))
    assert rated.feedback is not None
    assert rated.feedback.rating == rating
    assert server.requests[-2].json == {"rating": rating, "user": USER, "content": "thanks"}

    driver.run(client.messages.feedback(message_id, None))

    (revoked,) = driver.run(client.messages.list(conversation_id))
    assert revoked.feedback is None
    assert server.requests[-2].json == {"rating": None, "user": USER}


@pytest.mark.parametrize(
    ("rating", "options"),
    [("love", {}), ("LIKE", {}), ("", {}), (1, {}), (True, {}), ("like", {"content": 5})],
)
def test_bad_feedback_is_refused_before_sending(server, clock, driver, rating, options):
    _, (message_id,) = turns(server, clock, 1)
    client = driver.client(server)
    server.clear_requests()

    with pytest.raises(ConfigurationError):
        driver.run(client.messages.feedback(message_id, rating, **options))

    assert server.requests == []


def test_feedback_on_an_unknown_message_is_not_found(server, driver):
    client = driver.client(server)

    with pytest.raises(MessageNotFoundError, match=r"Message Not Exists\."):
        driver.run(client.messages.feedback(uuid.uuid4(), "like"))


def test_suggested_returns_the_apps_questions(server, clock, driver):
    server.add_app(API_KEY, suggested_questions=["What next?", "Why?"])
    _, (message_id,) = turns(server, clock, 1)
    client = driver.client(server)

    assert driver.run(client.messages.suggested(message_id)) == ["What next?", "Why?"]
    assert server.requests[-1].query == {"user": USER}


def test_suggested_when_the_app_has_them_off_is_a_bad_request(server, clock, driver):
    _, (message_id,) = turns(server, clock, 1)
    client = driver.client(server)

    with pytest.raises(BadRequestError, match="Suggested Questions Is Disabled"):
        driver.run(client.messages.suggested(message_id))


def test_suggested_refuses_a_malformed_id_before_sending(server, driver):
    client = driver.client(server)

    with pytest.raises(InvalidIdError):
        driver.run(client.messages.suggested("not-an-id"))

    assert server.requests == []
