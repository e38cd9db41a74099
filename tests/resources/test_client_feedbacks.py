"""client.app.feedbacks: every rating of the app's messages, paged by number; a short
page is the last (the server sends no paging fields)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dify_chatflow import AppFeedback, ConfigurationError
from dify_chatflow.testing import DifyTestServer
from resource_support import chat


def rated_messages(server: DifyTestServer, driver, client, clock, count: int) -> list[str]:
    """``count`` messages rated "like" (commented), one second apart; their ids, oldest first."""
    ids = []
    for number in range(count):
        message_id = chat(server, f"question {number}")["message_id"]
        driver.run(client.messages.feedback(message_id, "like", content=f"good {number}"))
        ids.append(message_id)
        clock.tick()
    return ids


def test_feedbacks_are_typed_with_aware_utc_times(server, driver, clock):
    client = driver.client(server)
    [message_id] = rated_messages(server, driver, client, clock, 1)

    [feedback] = driver.items(client.app.feedbacks())

    assert isinstance(feedback, AppFeedback)
    assert str(feedback.message_id) == message_id
    assert (feedback.rating, feedback.content, feedback.from_source) == ("like", "good 0", "user")
    assert feedback.from_end_user_id is not None
    assert feedback.from_account_id is None
    assert feedback.created_at == datetime.fromtimestamp(int(clock.now) - 1, UTC)
    assert feedback.created_at.tzinfo is UTC


def test_every_page_is_read_until_a_short_one(server, driver, clock):
    client = driver.client(server)
    ids = rated_messages(server, driver, client, clock, 5)
    server.clear_requests()

    listed = driver.items(client.app.feedbacks(page_size=2))

    assert [str(f.message_id) for f in listed] == ids[::-1]
    assert [r.query["page"] for r in server.requests] == ["1", "2", "3"]


def test_a_full_last_page_costs_one_more_empty_one(server, driver, clock):
    client = driver.client(server)
    rated_messages(server, driver, client, clock, 4)
    server.clear_requests()

    listed = driver.items(client.app.feedbacks(page_size=2))

    assert len(listed) == 4
    assert [r.query["page"] for r in server.requests] == ["1", "2", "3"]


def test_feedbacks_of_every_user_are_listed(server, driver, clock):
    client = driver.client(server)
    rated_messages(server, driver, client, clock, 1)
    other = driver.client(server, user="someone-else")
    message_id = chat(server, "hi", user="someone-else")["message_id"]
    driver.run(other.messages.feedback(message_id, "dislike"))

    ratings = sorted(f.rating for f in driver.items(client.app.feedbacks()))

    assert ratings == ["dislike", "like"]


def test_page_size_is_checked_at_the_call(server, driver):
    client = driver.client(server)

    for size in (0, 101, "10"):
        with pytest.raises(ConfigurationError, match="page_size"):
            client.app.feedbacks(page_size=size)

    assert server.requests == []
